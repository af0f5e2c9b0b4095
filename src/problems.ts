// Problems found in the content, as records of what was found where: the kind, its severity, its place and its facts. Every kind is
// named here, with its severity and the facts it is told with; its words come from the catalogue (messages/catalogue.ts) in the
// language of the run, when it is reported (messages/report.ts), so a problem found by one build, cached and reported by the next, reads
// in whichever language that one speaks.
import type { AreaFault, ConfigRule, FieldRule, ImagePathReason, LinkReason } from "./model.ts";

export type Severity = "error" | "warning";

/** A kind of problem: its severity, and the facts it is told with (a type only, never a value). */
interface Kind<Facts> {
  readonly severity: Severity;
  readonly facts?: Facts;
}

/** A kind that stops the build (or the command). */
function error<Facts>(): Kind<Facts> {
  return { severity: "error" };
}

/** A kind the build goes on after, telling the editor to look. */
function warning<Facts>(): Kind<Facts> {
  return { severity: "warning" };
}

/** Where an importer problem was found in a layout export: the masthead's first and last line, when it has one. */
export interface MastheadLines {
  first?: number;
  last?: number;
}

/** Every kind of problem, by its stable name, which reports show and tests assert on; `Facts` are names, numbers and short excerpts. */
export const KINDS = {
  // The paper's configuration.
  MissingConfig: error<{ folder: string }>(),
  InvalidConfig: error<{ json: string } | { setting: string; rule: ConfigRule }>(),
  // The archive's folders and the issue files: front-matter, issues between them, 版, articles, labels, links.
  NotUtf8: error<Record<string, never>>(),
  EmptyFile: error<Record<string, never>>(),
  MissingFrontMatter: error<Record<string, never>>(),
  MalformedYaml: error<{ reason: string }>(),
  MissingField: error<{ field: string }>(),
  InvalidField: error<{ field: string; rule: FieldRule; value: string }>(),
  InvisibleCharacter: error<{ code: string; name: string; context: string }>(),
  UnknownField: error<{ field: string; suggestion?: string }>(),
  LunarDateMismatch: error<{ printed: string; date: string; computed: string }>(),
  WeekdayMismatch: error<{ printed: string; date: string; computed: string }>(),
  MisplacedIssueFile: error<Record<string, never>>(),
  PathDateMismatch: error<{ date: string; expected: string }>(),
  DuplicateDate: error<{ date: string; other: string }>(),
  DuplicateIssueNumber: error<{ number: number; other: string; otherDate: string }>(),
  IssueNumberOrder: error<{ number: number; date: string; previousNumber: number; previousDate: string }>(),
  IssueNumberGap: warning<{ number: number; previousNumber: number; previousDate: string }>(),
  ContentBeforePage: error<{ excerpt: string }>(),
  ArticleBeforePage: error<{ title: string }>(),
  BadPageHeading: error<{ heading: string }>(),
  PageNumberOrder: error<{ number: number; previous: number }>(),
  PageBeyondPrintedCount: error<{ number: number; printed: number }>(),
  EmptyPage: warning<{ number: number }>(),
  ContentBeforeArticle: error<{ excerpt: string; page: number }>(),
  MissingTitle: error<Record<string, never>>(),
  EmptyArticle: error<{ title: string }>(),
  UnknownLabel: error<{ word: string; suggestion?: string; titleWord?: boolean } | { text: string }>(),
  EmptyLabel: error<{ word: string }>(),
  DuplicateLabel: error<{ word: string }>(),
  InvalidArea: error<{ word: string } & AreaFault>(),
  UnsafeLink: error<{ url: string; scheme: string }>(),
  LinkOutsideArchive: error<{ url: string; reason: LinkReason }>(),
  UnsupportedFootnote: error<{ label: string }>(),
  DatelineAfterIssue: warning<{ dateline: string; datelineDate: string; issueDate: string }>(),
  MissingByline: warning<{ title: string; photoNews: boolean }>(),
  IssuesFolderMissing: error<{ notFolder: boolean }>(),
  YearNotFolder: error<{ year: string }>(),
  LinkOutOfArchive: error<Record<string, never>>(),
  NoIssues: error<Record<string, never>>(),
  FileTooLarge: error<{ megabytes: number; limit: number }>(),
  NestingTooDeep: error<{ depth: number; limit: number }>(),
  BlockTooLong: error<{ kilobytes: number; limit: number }>(),
  TooMuchMarkup: error<{ marks: "emphasis" | "underlines" | "markup"; count: number; limit: number }>(),
  YamlAlias: error<Record<string, never>>(),
  // Photos, scans and PDFs.
  ImagePathOutsideIssue: error<{ image: string; reason: ImagePathReason; folder: string }>(),
  MissingImage: error<{ image: string; folder: string; notAFile?: boolean }>(),
  UnreadableImage: error<{ image: string; reason: string }>(),
  UnsupportedImage: error<{ image: string; format: string }>(),
  ImageTooLarge: error<{ image: string; width: number; height: number; limit: number }>(),
  UnreadablePdf: error<{ pdf: string; name: string }>(),
  AreaWithoutScan: warning<{ title: string; page: number; folder: string }>(),
  ScanWithoutPage: warning<{ scan: string; page: number; pdfOnly: boolean }>(),
  // Writing, rendering and indexing the site.
  DiskFull: error<{ freeMegabytes: number; neededMegabytes: number }>(),
  WriteFailed: error<{ reason: "permission" | "readOnly"; code: string }>(),
  CacheNotWritable: error<{ code: string }>(),
  OutputMovedAside: warning<{ movedTo: string }>(),
  RenderWorkerStopped: error<{ how: string; part: string }>(),
  RenderFailed: error<{ part: string; reason: string }>(),
  SearchIndexFailed: error<{ errors: string }>(),
  BuildRunning: error<{ pid: number; minutes: number }>(),
  // Deploying the site.
  DeployTargetInvalid: error<{ target: string }>(),
  DeploySiteNotBuilt: error<{ site: string }>(),
  DeployToolMissing: error<{ tool: "rsync" | "rclone" }>(),
  DeployTargetUnreachable: error<{ tool: "rsync" | "rclone" | "ssh"; said: string }>(),
  DeployAccessDenied: error<{ tool: "rsync" | "rclone" | "ssh"; said: string }>(),
  DeployRemoteUnknown: error<{ tool: "rsync" | "rclone" | "ssh"; said: string }>(),
  DeployFilesNotInCache: error<{ site: string; count: number; first: string }>(),
  DeployFailed: error<{ tool: "rsync" | "rclone" | "ssh" | "npm run deploy"; code: number | string; said: string }>(),
  DeployTargetLocked: error<{ host: string; pid: number | string; since: string; lock: string }>(),
  DeployTargetHasLink: error<{ link: string }>(),
  DeployTargetListTooLarge: error<{ list: string; limitMb: number }>(),
  DeployTargetNotAFile: error<{ path: string }>(),
  // Importing a layout export.
  ExportNotUtf8: error<{ file: string; encoding?: "UTF-16LE" | "UTF-16BE" | "GB18030" | "BIG5" }>(),
  ExportTooLarge: error<{ count: number; limit: number; unit: "版" | "MB" }>(),
  PdfUnreadable: error<{ file: string }>(),
  PdfWithoutText: error<{ file: string; reason: "noText" | "unmapped"; page?: number }>(),
  PdfPageTwice: error<{ file: string; other: string; page: number }>(),
  MastheadWithoutDate: error<MastheadLines>(),
  MastheadDateInvalid: error<MastheadLines & { date: string }>(),
  MastheadWithoutIssueNumber: error<MastheadLines>(),
};

export type ProblemKind = keyof typeof KINDS;

/** The facts a kind of problem is told with. */
export type FactsOf<K extends ProblemKind> = (typeof KINDS)[K] extends Kind<infer Facts> ? Facts : never;

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
  return { kind, severity: KINDS[kind].severity, file, ...(line !== undefined && { line }), ...(field !== undefined && { field }), facts };
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((found) => found.severity === "error");
}

/** Sorts problems by file and line so the report reads top to bottom. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.file === b.file ? (a.line ?? 0) - (b.line ?? 0) : a.file < b.file ? -1 : 1));
}

/**
 * A command that cannot go on — a build, a deploy, an import — carrying the problem to tell the person running it (`problem`, the first),
 * and every one found when there are more (`problems`, for an import's files).
 */
export class ProblemsError extends Error {
  override name = "ProblemsError";

  constructor(
    readonly problem: Problem,
    readonly problems: readonly Problem[] = [problem],
  ) {
    super(problem.kind);
  }
}
