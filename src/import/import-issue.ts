// The importer: a layout export's text to an issue file — masthead to front-matter, print lines to 版, articles and photo news — and the judgements to check.
import type { PaperConfig } from "../model.ts";
import { issueFileOf } from "../paths.ts";
import type { Check, ImportedIssue } from "./types.ts";
import { problem, ProblemsError } from "../problems.ts";
import { MAX_EXPORT_PAGES, printLines, splitPages } from "./export-text.ts";
import { readMasthead } from "./masthead.ts";
import { readPage } from "./page.ts";
import { issueMarkdown } from "./issue-markdown.ts";

export interface ImportResult {
  /** Where the issue file goes, relative to the content root: issues/<YYYY>/<YYYY-MM-DD>.md. */
  file: string;
  markdown: string;
  /** What the editor must check, by line of the written file; empty when the importer is sure of everything. */
  checks: Check[];
  issue: ImportedIssue;
}

/** Converts an export's text; throws a ProblemsError when the masthead lacks what the front-matter needs. */
export default function importIssue(exportText: string, config: PaperConfig, exportFile: string): ImportResult {
  const lines = printLines(exportText);
  const { masthead, bodyStart } = readMasthead(lines, config.paper, exportFile);
  const pageLines = splitPages(lines.slice(bodyStart));
  // Bounded before any 版 is read: each costs its articles' parsing and Markdown.
  if (pageLines.length > MAX_EXPORT_PAGES) {
    const where = { file: exportFile, line: pageLines[MAX_EXPORT_PAGES]![0]!.line };
    throw new ProblemsError(problem("ExportTooLarge", where, { count: pageLines.length, limit: MAX_EXPORT_PAGES, unit: "版" }));
  }
  const pages = pageLines.map((pageLines, index) =>
    readPage(pageLines, { number: index + 1, afterBreak: index > 0, datelinePrefixes: config.datelinePrefixes }),
  );
  const issue: ImportedIssue = { masthead, pages };
  const { markdown, checks } = issueMarkdown(issue);
  return { file: issueFileOf(masthead.date), markdown, checks, issue };
}
