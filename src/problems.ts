// Problems found in the content, collected across all files and written for the editor who must fix them.

/** Stable names for every kind of problem, so tests and tools can tell them apart. */
export type ProblemKind =
  | "MissingConfig"
  | "InvalidConfig"
  | "NotUtf8"
  | "EmptyFile"
  | "MalformedYaml"
  | "MissingFrontMatter"
  | "MissingField"
  | "InvalidField"
  | "UnknownField"
  | "LunarDateMismatch"
  | "WeekdayMismatch"
  | "MisplacedIssueFile"
  | "PathDateMismatch"
  | "DuplicateDate"
  | "DuplicateIssueNumber"
  | "IssueNumberOrder"
  | "ContentBeforePage"
  | "ArticleBeforePage"
  | "BadPageHeading"
  | "PageNumberOrder"
  | "PageBeyondPrintedCount"
  | "EmptyPage"
  | "ContentBeforeArticle"
  | "MissingTitle"
  | "EmptyArticle"
  | "UnknownLabel"
  | "EmptyLabel"
  | "DuplicateLabel"
  | "ImagePathOutsideIssue"
  | "MissingImage"
  | "UnreadableImage"
  | "UnsupportedImage"
  | "ImageTooLarge"
  | "UnreadablePdf"
  | "InvalidArea"
  | "AreaWithoutScan"
  | "ScanWithoutPage"
  | "UnsafeLink"
  | "LinkOutsideArchive"
  | "UnsupportedFootnote"
  | "DatelineAfterIssue"
  | "MissingByline"
  | "IssueNumberGap";

export interface Problem {
  kind: ProblemKind;
  severity: "error" | "warning";
  /** Path relative to the content root, with forward slashes. */
  file: string;
  /** 1-based line in the file, when the problem has one. */
  line?: number;
  /** The front-matter field or label concerned, e.g. `lunar` or `副题`. */
  field?: string;
  /** What is wrong, in a sentence. */
  message: string;
  /** What to do about it, in a sentence. */
  fix: string;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === "error");
}

/** Sorts problems by file and line so the report reads top to bottom. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.file === b.file ? (a.line ?? 0) - (b.line ?? 0) : a.file < b.file ? -1 : 1));
}

/** One problem as a line an editor can act on: `file:line field: message fix [Kind]`. */
export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const field = problem.field ? ` ${problem.field}` : "";
  return `${problem.severity} ${where}${field}: ${problem.message} ${problem.fix} [${problem.kind}]`;
}

/** All problems, sorted, under a summary line such as "Found 3 problems in 2 issues (2 errors, 1 warning)."; empty when there are none. */
export function formatProblems(problems: readonly Problem[]): string {
  if (problems.length === 0) return "";
  const files = new Set(problems.map((problem) => problem.file)).size;
  const errors = problems.filter((problem) => problem.severity === "error").length;
  const warnings = problems.length - errors;
  const place = problems.every((problem) => problem.file.endsWith(".md")) ? "issue" : "file";
  const summary =
    `Found ${plural(problems.length, "problem")} in ${plural(files, place)}` +
    ` (${plural(errors, "error")}, ${plural(warnings, "warning")}).`;
  return [summary, ...sortProblems(problems).map(formatProblem)].join("\n");
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
