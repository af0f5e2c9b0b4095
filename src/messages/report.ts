// Problems as an editor reads them, in the language of the run: one line each — severity, file:line, field, what is wrong, what to do and
// the kind's stable name — under a summary line, sorted by file and line.
import { sortProblems, type Problem } from "../problems.ts";
import type { Language } from "./language.ts";
import { PROBLEMS, type ProblemDefinition } from "./catalogue.ts";
import { fieldLabel } from "./issue-file.ts";
import { say } from "./texts.ts";

/** Fields that are not front-matter fields an editor types, named in the editor's words. */
const PLACE_NAMES: Record<string, Record<Language, string>> = {
  page: { "zh-CN": "版", en: "page" },
  image: { "zh-CN": "图片", en: "image" },
  scan: { "zh-CN": "版面图", en: "scan" },
  link: { "zh-CN": "链接", en: "link" },
  dateline: { "zh-CN": "电头", en: "dateline" },
  byline: { "zh-CN": "署名", en: "byline" },
  area: { "zh-CN": "区域", en: "area" },
};

/** What the problem says is wrong, in `language`. */
export function problemMessage(problem: Problem, language: Language): string {
  return (PROBLEMS[problem.kind] as ProblemDefinition<unknown>).message[language](problem.facts);
}

/** What the problem says to do, in `language`. */
export function problemHint(problem: Problem, language: Language): string {
  return (PROBLEMS[problem.kind] as ProblemDefinition<unknown>).hint[language](problem.facts);
}

/** One problem as a line an editor can act on: `错误 file:line 字段：message hint [Kind]` (`error file:line field: message hint [Kind]`). */
export function formatProblem(problem: Problem, language: Language): string {
  const severity = say(language, problem.severity === "error" ? "severityError" : "severityWarning");
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const field = problem.field ? ` ${PLACE_NAMES[problem.field]?.[language] ?? fieldLabel(problem.field, language)}` : "";
  // Chinese sentences follow each other without a space, and a full-width colon needs none either.
  const [colon, gap] = language === "zh-CN" ? ["：", ""] : [": ", " "];
  return `${severity} ${where}${field}${colon}${problemMessage(problem, language)}${gap}${problemHint(problem, language)} [${problem.kind}]`;
}

/** All problems, sorted, under a summary line such as 发现 3 个问题，涉及 2 期（2 个错误，1 个警告）。; empty when there are none. */
export function formatProblems(problems: readonly Problem[], language: Language): string {
  if (problems.length === 0) return "";
  const errors = problems.filter((found) => found.severity === "error").length;
  const summary = say(language, "problemSummary", {
    problems: problems.length,
    files: new Set(problems.map((found) => found.file)).size,
    errors,
    warnings: problems.length - errors,
    allIssues: problems.every((found) => found.file.endsWith(".md")),
  });
  return [summary, ...sortProblems(problems).map((found) => formatProblem(found, language))].join("\n");
}
