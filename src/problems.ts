// Problems found in the content, as records of what was found where: the kind, its place and its facts. Their words come from the
// catalogue (messages/problems.ts) in the language of the run, when they are reported (messages/report.ts), so a problem found by one
// build, cached and reported by the next, reads in whichever language that one speaks.
import { PROBLEMS, type FactsOf, type ProblemKind, type Severity } from "./messages/problems.ts";

export type { ProblemKind, Severity };

/** Where a problem is: a file relative to the content root (forward slashes), its 1-based line, and the field or label concerned. */
export interface Where {
  file: string;
  line?: number;
  /** The front-matter field, label or setting concerned, e.g. `lunar` or `副题`. */
  field?: string;
}

/** A problem of one kind, with that kind's facts. */
export type ProblemOf<K extends ProblemKind> = Where & { kind: K; severity: Severity; facts: FactsOf<K> };

export type Problem = { [K in ProblemKind]: ProblemOf<K> }[ProblemKind];

/** A problem of `kind` at `where`; its severity is the kind's. */
export function problem<K extends ProblemKind>(kind: K, where: Where, facts: FactsOf<K>): ProblemOf<K> {
  const { file, line, field } = where;
  return { kind, severity: PROBLEMS[kind].severity, file, ...(line !== undefined && { line }), ...(field !== undefined && { field }), facts };
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((found) => found.severity === "error");
}

/** Sorts problems by file and line so the report reads top to bottom. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.file === b.file ? (a.line ?? 0) - (b.line ?? 0) : a.file < b.file ? -1 : 1));
}
