// One issue file, on its own, to an Issue and the problems found in it; nothing here looks at other files, so files can be parsed in any order or in parallel.
import { unified } from "unified";
import remarkParse from "remark-parse";
import type { Issue, PaperConfig } from "../model.ts";
import { problem, type Problem } from "../problems.ts";
import { issueFileOf } from "../paths.ts";
import { invisibleProblems } from "./invisible.ts";
import { lineOfField, readIssueSource } from "./read.ts";
import { validateFrontMatter } from "./front-matter.ts";
import { parsePages } from "./pages.ts";
import { lunarDayOf, weekdayOf } from "./calendar.ts";
import { bodyLimitHit, LIMITS, type LimitHit } from "./limits.ts";

/** The Markdown parser of issue bodies; what edits an issue file in place (content/area-lines.ts) reads it with the same one. */
export const markdownParser = unified().use(remarkParse);

/** Parses the bytes of the issue file at `file` (relative to the content root). */
export function parseIssue(file: string, bytes: Uint8Array, config: PaperConfig): { issue?: Issue; problems: Problem[] } {
  const source = readIssueSource(file, bytes);
  if ("kind" in source) return { problems: [source] };
  const { frontMatter, problems } = validateFrontMatter(file, source);
  problems.push(
    ...invisibleProblems(file, source.frontMatterLines, 2, (index) => /^([^:\s]+)\s*:/.exec(source.frontMatterLines[index]!)?.[1]),
    ...invisibleProblems(file, source.body.split("\n"), source.bodyLineOffset + 1),
  );
  if (!frontMatter) return { problems };

  const expected = issueFileOf(frontMatter.date);
  if (file !== expected)
    problems.push(problem("PathDateMismatch", { file, line: lineOfField(source, "date"), field: "date" }, { date: frontMatter.date, expected }));

  // A body past the parser's limits is not parsed at all: its time and memory would not be bounded by its size.
  const hit = bodyLimitHit(source.body);
  if (hit) return { problems: [...problems, limitProblem(file, source.bodyLineOffset, hit)] };
  const root = markdownParser.parse(source.body);
  const { pages, problems: bodyProblems } = parsePages(root, frontMatter.pages, {
    file,
    lineOffset: source.bodyLineOffset,
    issueDate: frontMatter.date,
    datelinePrefixes: config.datelinePrefixes,
  });
  problems.push(...bodyProblems);
  const issue: Issue = {
    file,
    number: frontMatter.issue,
    date: frontMatter.date,
    lunarDate: frontMatter.lunar,
    weekday: weekdayOf(frontMatter.date),
    lunarDay: lunarDayOf(frontMatter.date),
    printedPageCount: frontMatter.pages,
    ...(frontMatter.editor && { editor: frontMatter.editor }),
    ...(frontMatter.note && { note: frontMatter.note }),
    pages,
    fieldLines: { issue: lineOfField(source, "issue"), date: lineOfField(source, "date") },
  };
  return { issue, problems };
}

/** The problem of a body past one of the parser's limits, at its line in the file. */
function limitProblem(file: string, lineOffset: number, hit: LimitHit): Problem {
  const where = { file, line: hit.line + lineOffset };
  switch (hit.limit) {
    case "nesting":
      return problem("NestingTooDeep", where, { depth: hit.count, limit: LIMITS.nesting });
    case "blockBytes":
      return problem("BlockTooLong", where, { kilobytes: Math.ceil(hit.count / 1024), limit: LIMITS.blockBytes / 1024 });
    case "emphasisMarks":
      return problem("TooMuchMarkup", where, { marks: "emphasis", count: hit.count, limit: LIMITS.emphasisMarks });
    case "underlines":
      return problem("TooMuchMarkup", where, { marks: "underlines", count: hit.count, limit: LIMITS.underlines });
    case "markupMarks":
      return problem("TooMuchMarkup", where, { marks: "markup", count: hit.count, limit: LIMITS.markupMarks });
  }
}
