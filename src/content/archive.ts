// The whole archive: every issue file parsed on its own (through the parse cache), then the checks that need all of them (one issue a
// date, unique numbers that rise with the date). This is the one way into the archive: the build, `npm run check`, `npm run new` and the
// parser fixtures all come through `scanArchive`.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Issue, IssueHeader, PaperConfig } from "../model.ts";
import type { Language } from "../messages/language.ts";
import { inIssueFolder, isIssueFileName, issueFolderOf, ISSUES_FOLDER } from "../paths.ts";
import { LIMITS, megabytes } from "./limits.ts";
import { problem, type Problem } from "../problems.ts";
import { loadConfig, type ConfigFile } from "./config.ts";
import { ParseCache, type FolderFile, type ParsedIssue } from "./parse-cache.ts";
import { readContentFiles, type ContentFiles } from "./content-files.ts";

/** An issue as a build scans the archive: its header, and the key that fetches it whole from the parse cache. */
export interface ScannedIssue {
  header: IssueHeader;
  key: string;
  /** The whole issue, from the cache (or parsed again when the cache lost it). */
  load(): Promise<Issue>;
}

export interface ScannedArchive {
  config?: PaperConfig;
  /** The language the command speaks (content/config.ts). */
  language: Language;
  /** Every issue that could be read, oldest first. */
  issues: ScannedIssue[];
  problems: Problem[];
  /** The parse cache the issues came through; save it to keep what was parsed for the next run. */
  cache?: ParseCache;
}

export interface ScanOptions {
  /** The content root's files, when the caller has read them already (the build reads them once for its fingerprint too). */
  content?: ContentFiles;
  /** baoku.config.json, when the caller has read it already and not the content's files. */
  configFile?: ConfigFile;
  /** The parse cache for this configuration; default: one in memory, for this run only. */
  openCache?: (config: PaperConfig) => Promise<ParseCache>;
  /** An archive without a single issue is fine (a scaffold's first issue); otherwise it is an error, as a build would publish an empty site. */
  allowEmpty?: boolean;
}

/**
 * Every issue of the archive below `contentRoot`, checked, without holding every issue: each file is parsed only when the parse cache
 * does not have it, and only the headers are kept, so a build of decades of daily issues reads whole issues a month at a time.
 */
export async function scanArchive(contentRoot: string, options: ScanOptions = {}): Promise<ScannedArchive> {
  const configFile = options.configFile ?? loadConfig(contentRoot);
  const { config, language } = configFile;
  const problems = [...configFile.problems];
  if (!config) return { issues: [], problems, language };
  const content = options.content ?? (await readContentFiles(contentRoot));
  problems.push(...contentProblems(content));
  const cache = await (options.openCache?.(config) ?? ParseCache.inMemory());
  const folders = issueFolderFiles(content);
  const issues: ScannedIssue[] = [];
  for (const entry of placedIssueFiles(content, problems)) {
    const { file, hash } = entry;
    const key = cache.keyOf(file, hash, folders.get(issueFolderOf(file)) ?? []);
    const parseAgain = async () => parseIssueFile(contentRoot, file, await readFile(path.join(contentRoot, file)), config);
    const parsed = await cache.header(key, firstParse(entry, parseAgain, contentRoot, config));
    problems.push(...parsed.problems);
    if (parsed.header) issues.push({ header: parsed.header, key, load: () => cache.issue(key, parseAgain) });
  }
  issues.sort((a, b) => byDateThenFile(a.header, b.header));
  problems.push(...archiveProblems(issues.map((issue) => issue.header)));
  const readable = content.issuesFolder === "folder" && !problems.some((found) => found.kind === "YearNotFolder");
  if (readable && content.markdown.length === 0 && !content.setAside.some((aside) => aside.file.endsWith(".md")) && !options.allowEmpty) {
    problems.push(problem("NoIssues", { file: ISSUES_FOLDER }, {}));
  }
  return { config, language, issues, problems, cache };
}

/**
 * How an issue file is parsed when the cache has not got it: from the bytes its read kept, or, when its stamp vouched for it and it was
 * not read (content-files.ts), from the file. The bytes are taken from `entry`, and only the returned function holds them: a cold build
 * reads every issue file, and their bytes (about 500 MB at 11,000 issues) were held to its end, by `content` and by each issue's `load`,
 * which closed over the same scope.
 */
function firstParse(entry: ContentFiles["markdown"][number], parseAgain: () => Promise<ParsedIssue>, contentRoot: string, config: PaperConfig) {
  const { bytes } = entry;
  delete entry.bytes;
  return () => (bytes ? parseIssueFile(contentRoot, entry.file, bytes, config) : parseAgain());
}

/** The problems of how the archive's files are laid out: issues/ missing or a file, and what was set aside unread. */
function contentProblems(content: ContentFiles): Problem[] {
  if (content.issuesFolder !== "folder") return [problem("IssuesFolderMissing", { file: ISSUES_FOLDER }, { notFolder: content.issuesFolder === "notFolder" })];
  // biome-ignore lint/suspicious/useIterableCallbackReturn: the switch covers every reason, as TypeScript checks
  return content.setAside.map(({ file, reason, size }) => {
    switch (reason) {
      case "linkOut":
        return problem("LinkOutOfArchive", { file }, {});
      case "yearNotFolder":
        return problem("YearNotFolder", { file }, { year: file.slice(ISSUES_FOLDER.length + 1) });
      case "tooLarge":
        return problem("FileTooLarge", { file }, { megabytes: megabytes(size ?? 0), limit: megabytes(LIMITS.fileBytes) });
    }
  });
}

/** The archive with every issue whole, for what needs all of them at once (a check, a scaffold, a test); a build scans instead. */
export interface Archive {
  config?: PaperConfig;
  language: Language;
  /** Every issue that could be read, oldest first. */
  issues: Issue[];
  problems: Problem[];
}

export async function loadArchive(contentRoot: string, options: ScanOptions = {}): Promise<Archive> {
  const { config, language, issues, problems } = await scanArchive(contentRoot, options);
  const whole: Issue[] = [];
  for (const issue of issues) whole.push(await issue.load());
  return { ...(config && { config }), language, issues: whole, problems };
}

/**
 * The parser and the image checks, loaded when an issue is parsed rather than when every issue comes from the parse cache: unified, remark
 * and gray-matter take about 0.3 s to load, which would be most of checking or building an archive whose issues did not change.
 */
let parser: Promise<[typeof import("./parse-issue.ts"), typeof import("./image-files.ts")]> | undefined;

/** One issue file parsed, with its images checked and measured. */
async function parseIssueFile(contentRoot: string, file: string, bytes: Uint8Array, config: PaperConfig): Promise<ParsedIssue> {
  parser ??= Promise.all([import("./parse-issue.ts"), import("./image-files.ts")]);
  const [{ parseIssue }, { default: inspectIssueImages, withImages }] = await parser;
  const parsed = parseIssue(file, bytes, config);
  if (!parsed.issue) return parsed;
  const images = await inspectIssueImages(parsed.issue, contentRoot);
  return { issue: withImages(parsed.issue, images), problems: [...parsed.problems, ...images.problems] };
}

const byDateThenFile = (a: { date: string; file: string }, b: { date: string; file: string }) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.file < b.file ? -1 : 1;

/** The files in each issue's image folder (issues/<YYYY>/<YYYY-MM-DD>/), by folder, sorted by name. */
function issueFolderFiles(content: ContentFiles): Map<string, FolderFile[]> {
  const folders = new Map<string, FolderFile[]>();
  for (const { file, size, hash } of content.others) {
    const inFolder = inIssueFolder(file);
    if (!inFolder) continue;
    const files = folders.get(inFolder.folder) ?? [];
    files.push({ name: inFolder.name, size, hash });
    folders.set(inFolder.folder, files);
  }
  return folders;
}

/** The Markdown files named as issue files are; each of the others is a problem added to `problems`. */
function placedIssueFiles(content: ContentFiles, problems: Problem[]): ContentFiles["markdown"] {
  return content.markdown.filter(({ file }) => {
    if (isIssueFileName(file)) return true;
    problems.push(problem("MisplacedIssueFile", { file }, {}));
    return false;
  });
}

/** Checks across issues, in one pass over issues sorted by date: one issue a date, unique numbers that rise with the date, and gaps in the numbers. */
export function archiveProblems(issues: readonly Omit<Issue, "pages">[]): Problem[] {
  const problems: Problem[] = [];
  const fileByNumber = new Map<number, Omit<Issue, "pages">>();
  let previous: Omit<Issue, "pages"> | undefined;
  for (const issue of issues) {
    const at = (field: "issue" | "date") => ({ file: issue.file, line: issue.fieldLines[field], field });
    if (previous && previous.date === issue.date) problems.push(problem("DuplicateDate", at("date"), { date: issue.date, other: previous.file }));
    const sameNumber = fileByNumber.get(issue.number);
    if (sameNumber) {
      problems.push(problem("DuplicateIssueNumber", at("issue"), { number: issue.number, other: sameNumber.file, otherDate: sameNumber.date }));
    } else if (previous && previous.date !== issue.date && issue.number < previous.number) {
      problems.push(
        problem("IssueNumberOrder", at("issue"), { number: issue.number, date: issue.date, previousNumber: previous.number, previousDate: previous.date }),
      );
    }
    if (previous && !sameNumber && issue.number > previous.number + 1) {
      problems.push(problem("IssueNumberGap", at("issue"), { number: issue.number, previousNumber: previous.number, previousDate: previous.date }));
    }
    fileByNumber.set(issue.number, issue);
    previous = issue;
  }
  return problems;
}
