// The whole archive: every issue file parsed on its own, then the checks that need all of them (unique dates and numbers, numbers rising with dates, images present).
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Issue, IssueHeader, PaperConfig } from "./model.ts";
import type { Problem } from "./problems.ts";
import { loadConfig } from "./config.ts";
import { parseIssue } from "./parse-issue.ts";
import type { FolderFile, ParseCache, ParsedIssue } from "./parse-cache.ts";
import { readContentFiles, type ContentFiles } from "./content-files.ts";
import inspectIssueImages from "./image-files.ts";

export interface Archive {
  config?: PaperConfig;
  /** Every issue that could be read, oldest first. */
  issues: Issue[];
  problems: Problem[];
}

/** Reads, parses and checks every issue file below `contentRoot`. */
export async function loadArchive(contentRoot: string): Promise<Archive> {
  const { config, problems } = await loadConfig(contentRoot);
  if (!config) return { issues: [], problems };
  const issues: Issue[] = [];
  for (const { file, bytes } of placedIssueFiles(await readContentFiles(contentRoot), problems)) {
    const parsed = await parseIssueFile(contentRoot, file, bytes, config);
    problems.push(...parsed.problems);
    if (parsed.issue) issues.push(parsed.issue);
  }
  issues.sort(byDateThenFile);
  problems.push(...archiveProblems(issues));
  return { config, issues, problems };
}

/** One issue file parsed, with its images checked and measured. */
async function parseIssueFile(contentRoot: string, file: string, bytes: Uint8Array, config: PaperConfig): Promise<ParsedIssue> {
  const parsed = parseIssue(file, bytes, config);
  if (!parsed.issue) return parsed;
  return { issue: parsed.issue, problems: [...parsed.problems, ...(await inspectIssueImages(parsed.issue, contentRoot))] };
}

const byDateThenFile = (a: { date: string; file: string }, b: { date: string; file: string }) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.file < b.file ? -1 : 1);

/** An issue as a build scans the archive: its header, and the key that fetches it whole from the parse cache. */
export interface ScannedIssue {
  header: IssueHeader;
  key: string;
  /** The whole issue, from the cache (or parsed again when the cache lost it). */
  load(): Promise<Issue>;
}

export interface ScannedArchive {
  config?: PaperConfig;
  /** Every issue that could be read, oldest first. */
  issues: ScannedIssue[];
  problems: Problem[];
}

/**
 * What `loadArchive` finds, without holding every issue: each file is parsed only when the parse cache does not have it, and only the
 * headers are kept, so a build of decades of daily issues reads whole issues a month at a time.
 */
export async function scanArchive(contentRoot: string, content: ContentFiles, openCache: (config: PaperConfig) => Promise<ParseCache>): Promise<ScannedArchive & { cache?: ParseCache }> {
  const { config, problems } = await loadConfig(contentRoot);
  if (!config) return { issues: [], problems };
  const cache = await openCache(config);
  const folders = issueFolderFiles(content);
  const issues: ScannedIssue[] = [];
  for (const { file, bytes, hash } of placedIssueFiles(content, problems)) {
    const key = cache.keyOf(file, hash, folders.get(file.replace(/\.md$/, "")) ?? []);
    const parseAgain = async () => parseIssueFile(contentRoot, file, await readFile(path.join(contentRoot, file)), config);
    const parsed = await cache.header(key, () => parseIssueFile(contentRoot, file, bytes, config));
    problems.push(...parsed.problems);
    if (parsed.header) issues.push({ header: parsed.header, key, load: () => cache.issue(key, parseAgain) });
  }
  issues.sort((a, b) => byDateThenFile(a.header, b.header));
  problems.push(...archiveProblems(issues.map((issue) => issue.header)));
  return { config, issues, problems, cache };
}

/** The files in each issue's image folder (issues/<YYYY>/<YYYY-MM-DD>/), by folder, sorted by name. */
function issueFolderFiles(content: ContentFiles): Map<string, FolderFile[]> {
  const folders = new Map<string, FolderFile[]>();
  for (const { file, size, modifiedMs } of content.others) {
    const folder = /^(issues\/\d{4}\/\d{4}-\d{2}-\d{2})\/(.+)$/.exec(file);
    if (!folder) continue;
    const files = folders.get(folder[1]!) ?? [];
    files.push({ name: folder[2]!, size, modifiedMs });
    folders.set(folder[1]!, files);
  }
  return folders;
}

/** The Markdown files named as issue files are; each of the others is a problem added to `problems`. */
function placedIssueFiles(content: ContentFiles, problems: Problem[]): ContentFiles["markdown"] {
  return content.markdown.filter(({ file }) => {
    const misplaced = misplacedFileProblem(file);
    if (misplaced) problems.push(misplaced);
    return !misplaced;
  });
}

function misplacedFileProblem(file: string): Problem | undefined {
  if (/^issues\/\d{4}\/\d{4}-\d{2}-\d{2}\.md$/.test(file)) return undefined;
  return {
    kind: "MisplacedIssueFile", severity: "error", file,
    message: "Issue files must be named issues/<YYYY>/<YYYY-MM-DD>.md.",
    fix: "Move the file to the year folder and name it by its date, e.g. issues/2022/2022-11-01.md; other Markdown does not belong under issues/.",
  };
}

/** Checks across issues, in one pass over issues sorted by date: one issue a date, unique numbers that rise with the date, and gaps in the numbers. */
export function archiveProblems(issues: readonly Omit<Issue, "pages">[]): Problem[] {
  const problems: Problem[] = [];
  const fileByNumber = new Map<number, Omit<Issue, "pages">>();
  let previous: Omit<Issue, "pages"> | undefined;
  for (const issue of issues) {
    if (previous && previous.date === issue.date) {
      problems.push({
        file: issue.file, line: issue.fieldLines.date, kind: "DuplicateDate", severity: "error", field: "date",
        message: `${issue.date} already has an issue, ${previous.file}.`,
        fix: "Keep one file for each date; merge the two or correct the date of one.",
      });
    }
    const sameNumber = fileByNumber.get(issue.number);
    if (sameNumber) {
      problems.push({
        file: issue.file, line: issue.fieldLines.issue, kind: "DuplicateIssueNumber", severity: "error", field: "issue",
        message: `总第${issue.number}期 is also the number of ${sameNumber.file} (${sameNumber.date}).`,
        fix: "Each issue has its own number; correct the one that is wrong.",
      });
    } else if (previous && previous.date !== issue.date && issue.number < previous.number) {
      problems.push({
        file: issue.file, line: issue.fieldLines.issue, kind: "IssueNumberOrder", severity: "error", field: "issue",
        message: `总第${issue.number}期 (${issue.date}) is lower than 总第${previous.number}期 of the earlier ${previous.date}; numbers must rise with the date.`,
        fix: "Correct the issue number or the date of one of the two files.",
      });
    }
    if (previous && !sameNumber && issue.number > previous.number + 1) {
      const missing = issue.number - previous.number - 1;
      problems.push({
        file: issue.file, line: issue.fieldLines.issue, kind: "IssueNumberGap", severity: "warning", field: "issue",
        message: `总第${issue.number}期 follows 总第${previous.number}期 (${previous.date}), so ${missing === 1 ? `总第${previous.number + 1}期 is` : `${missing} issues (总第${previous.number + 1}–${issue.number - 1}期) are`} not in the archive.`,
        fix: "Add the missing issues' files when you have them; if the numbers were skipped in print, nothing needs doing.",
      });
    }
    fileByNumber.set(issue.number, issue);
    previous = issue;
  }
  return problems;
}
