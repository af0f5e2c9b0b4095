// The site as parts that are rendered and cached on their own, and the hashes that say when one must be redone. A month part holds the
// issue, 版, article and /no/ pages of one month's issues, and its images; the people part every person's page; the days part the
// 历史上的今天 pages of the solar and the lunar year; the archive-wide part holds the rest (home, 往期回顾 and its calendars, /people/,
// /day/ and /lunar/, search, 404, the static files). Parts are small because Eleventy's time per page grows with the pages of a run (0.8 ms
// a page for 2,100 pages, 1.7 ms for 6,300 here), and because a new issue should re-render its month and the pages that span the
// archive, not the other months.
import { createHash } from "node:crypto";
import type { ScannedIssue } from "../content/archive.ts";
import type { IssueHeader } from "../model.ts";
import type { ArchiveContext } from "../site/issue-records.ts";
import type { ArchiveContextIdentity } from "../site/archive-records.ts";
import { searchBundles, type SearchBundle } from "../site/search-bundles.ts";
import { monthOf } from "../paths.ts";
import { personJsonPath } from "../site/open-data.ts";
import type { DayPageData, SiteData } from "../site-types.ts";

/** Which templates render a part (a year part renders none). */
export type PartKind = "month" | "people" | "days" | "archive";

/** The templates each kind of part renders; every template in templates/ not listed here belongs to the archive-wide part. */
export const PART_TEMPLATES: Readonly<Record<Exclude<PartKind, "archive">, readonly string[]>> = {
  month: ["issue.njk", "page.njk", "article.njk", "number.njk"],
  people: ["person.njk", "namesakes.njk"],
  days: ["day.njk"],
};

/** The keys of the archive-wide, people and day parts; month parts are keyed YYYY-MM, so none clash. */
export const ARCHIVE_PART = "archive";
export const PEOPLE_PART = "people";
export const DAYS_PART = "days";

/** What renders one part's pages. */
export interface SitePart {
  /** The month, YYYY-MM; or `people`, `days` or `archive`. */
  key: string;
  /** What the part's templates see as `baoku`: the site's shared facts with only this part's records. */
  data: SiteData;
  /** Which templates render it. */
  templates: PartKind;
}

/** A site's records with none of them: what a part's data starts from. */
export const NO_RECORDS: Omit<SiteData, "paper" | "site"> = {
  issues: [],
  pages: [],
  articles: [],
  numberRedirects: [],
  years: [],
  searchBundles: [],
  people: [],
  namesakes: [],
  searchPeople: {},
  days: [],
  dayIndexes: [],
  feeds: [],
};

export interface MonthPlan {
  key: string;
  /** The month's issues, oldest first. */
  issues: ScannedIssue[];
  /** The archive's issues just before and after the month, which its first and last issues link to. */
  before?: IssueHeader;
  after?: IssueHeader;
  /**
   * What the month's pages show of the rest of the archive: 历史上的今天, the people's addresses, the history of its files. Made when
   * first read, as only the months a build renders need it.
   */
  readonly context: ArchiveContext;
  /** What identifies the context (ArchiveContextIdentity): its people and history as they are, 历史上的今天 by the issues it lists. */
  identity: ArchiveContextIdentity;
  /**
   * Identifies everything the month's pages are made from: the code, each of its issues' parse-cache key (which covers the
   * configuration, the file's bytes and its image folder), the neighbours it links to and its context's identity. Computed without
   * reading any issue whole.
   */
  hash: string;
}

/**
 * What identifies a month's context, and its 历史上的今天, the one part of it the identity does not hold as it is
 * (site/archive-records.ts: archiveContextIdentity, thisDayContext).
 */
export interface MonthContexts {
  identityOf(headers: IssueHeader[], keyOf: (header: IssueHeader) => string): ArchiveContextIdentity;
  thisDayOf(headers: IssueHeader[]): ArchiveContext["thisDay"];
}

/** Whether a template of templates/ renders pages of a part of this kind. */
export function rendersIn(template: string, kind: PartKind): boolean {
  return kind === "archive" ? !Object.values(PART_TEMPLATES).some((names) => names.includes(template)) : PART_TEMPLATES[kind].includes(template);
}

/** What a month's pages show of a neighbouring issue: its summary, not who it names. */
function neighbourFacts(header: IssueHeader | undefined): Omit<IssueHeader, "credited" | "headline"> | null {
  if (!header) return null;
  const { credited, headline, ...facts } = header;
  return facts;
}

/**
 * The month parts of an archive's issues (sorted oldest first), oldest first; `contexts` says what a month's issues show of the rest
 * of the archive, and what identifies it.
 */
export function monthPlans(issues: readonly ScannedIssue[], codeHash: string, contexts: MonthContexts): MonthPlan[] {
  const runs: { key: string; issues: ScannedIssue[]; before?: IssueHeader }[] = [];
  issues.forEach((issue, index) => {
    const key = monthOf(issue.header.date);
    const last = runs.at(-1);
    if (last?.key === key) last.issues.push(issue);
    else runs.push({ key, issues: [issue], ...(index > 0 && { before: issues[index - 1]!.header }) });
  });
  const keys = new Map(issues.map((issue) => [issue.header, issue.key]));
  const keyOf = (header: IssueHeader) => keys.get(header)!;
  let next = 0;
  return runs.map((run) => {
    next += run.issues.length;
    const after = issues[next]?.header;
    const headers = run.issues.map((issue) => issue.header);
    const identity = contexts.identityOf(headers, keyOf);
    let context: ArchiveContext | undefined;
    return {
      ...run,
      ...(after && { after }),
      get context() {
        context ??= { thisDay: contexts.thisDayOf(headers), people: identity.people, history: identity.history };
        return context;
      },
      identity,
      hash: hashOf(codeHash, `month ${run.key}`, {
        issues: run.issues.map((issue) => issue.key),
        before: neighbourFacts(run.before),
        after: neighbourFacts(after),
        context: identity,
      }),
    };
  });
}

/** A page of a part that spans the archive, and what identifies it. */
export interface SpanningRecord {
  /** The page's address in the site, /people/<slug>/. */
  path: string;
  /** Identifies what its files are made from: the code, the site's shared facts and the page's record. */
  hash: string;
  /** The files the record makes, relative to the part's site folder: its page, and a person's JSON. */
  files: string[];
}

/** A part whose pages span the archive, identified by its records, page by page. */
export interface SpanningPart extends SitePart {
  hash: string;
  records: SpanningRecord[];
  /** The part with only the records at these paths: what renders those pages again and nothing else. */
  only(paths: ReadonlySet<string>): SitePart;
}

/**
 * The people part and the day part: every person's page, and every day's. Each is one Eleventy run, of the pages whose records changed
 * since the part was last made (a new issue changes a few people's pages and two days'); the others are taken from that part's entry
 * (make-spanning.ts), so the run does not grow with the archive. A part a letter of the people was tried before and was slower at 1,000
 * issues: starting an Eleventy run costs about half a second here.
 */
export function spanningParts(
  shared: Pick<SiteData, "paper" | "site">,
  records: Pick<SiteData, "people" | "namesakes">,
  days: readonly DayPageData[],
  codeHash: string,
): SpanningPart[] {
  const sharedHash = hashOf(codeHash, "shared", shared);
  const pageFile = (address: string) => `${address.slice(1)}index.html`;
  const recordOf = (key: string, address: string, record: unknown, files: string[]): SpanningRecord => ({
    path: address,
    hash: hashOf(sharedHash, `${key} ${address}`, record),
    files,
  });
  const part = (
    key: string,
    templates: "people" | "days",
    data: SiteData,
    records: SpanningRecord[],
    only: (paths: ReadonlySet<string>) => SiteData,
  ): SpanningPart => ({
    key,
    templates,
    data,
    records,
    hash: hashOf(
      sharedHash,
      key,
      records.map((record) => [record.path, record.hash]),
    ),
    only: (paths) => ({ key, templates, data: only(paths) }),
  });
  const parts: SpanningPart[] = [];
  if (records.people.length > 0) {
    parts.push(
      part(
        PEOPLE_PART,
        "people",
        { ...shared, ...NO_RECORDS, people: records.people, namesakes: records.namesakes },
        [
          // A person's page and its JSON, written beside the pages (make-spanning.ts).
          ...records.people.map((person) => recordOf(PEOPLE_PART, person.path, person, [pageFile(person.path), personJsonPath(person).slice(1)])),
          ...records.namesakes.map((namesake) => recordOf(PEOPLE_PART, namesake.path, namesake, [pageFile(namesake.path)])),
        ],
        (paths) => ({
          ...shared,
          ...NO_RECORDS,
          people: records.people.filter((person) => paths.has(person.path)),
          namesakes: records.namesakes.filter((namesake) => paths.has(namesake.path)),
        }),
      ),
    );
  }
  if (days.length > 0) {
    parts.push(
      part(
        DAYS_PART,
        "days",
        { ...shared, ...NO_RECORDS, days: [...days] },
        days.map((day) => recordOf(DAYS_PART, day.path, day, [pageFile(day.path)])),
        (paths) => ({
          ...shared,
          ...NO_RECORDS,
          days: days.filter((day) => paths.has(day.path)),
        }),
      ),
    );
  }
  return parts;
}

/** Identifies the archive-wide part: the code, its records, which are few, and the open data it writes beside its pages. */
export function archivePartHash(codeHash: string, data: SiteData, files: readonly { path: string; content: string }[]): string {
  return hashOf(codeHash, ARCHIVE_PART, { data, files });
}

/**
 * A year part: the year's open data that spans its months (its issues' list, its bulk text, its sitemaps), made without Eleventy from
 * what its month parts left beside their pages, so it never reads an issue.
 */
export interface YearPlan {
  /** year-YYYY: no month (YYYY-MM) or other part has such a key. */
  key: string;
  year: string;
  months: MonthPlan[];
  /**
   * Identifies its files: the code, its issues' parse-cache keys, and what of the rest of the archive its articles carry (the people's
   * addresses, the history's corrections). Not its months' hashes: a month is redone when the issue after it changes, and its year's files
   * need not be.
   */
  hash: string;
}

/** The year parts of the months (oldest first), oldest first. */
export function yearPlans(months: readonly MonthPlan[], codeHash: string): YearPlan[] {
  const plans: YearPlan[] = [];
  for (const month of months) {
    const year = month.key.slice(0, 4);
    const last = plans.at(-1);
    if (last?.year === year) last.months.push(month);
    else plans.push({ key: `year-${year}`, year, months: [month], hash: "" });
  }
  for (const plan of plans) {
    plan.hash = hashOf(
      codeHash,
      plan.key,
      plan.months.map((month) => ({
        issues: month.issues.map((issue) => issue.key),
        people: month.identity.people,
        history: month.identity.history,
      })),
    );
  }
  return plans;
}

export interface BundlePlan {
  bundle: SearchBundle;
  articleCount: number;
  /**
   * Identifies its index: the code and the issues of the months it holds, by their parse-cache keys. Not the months' hashes: a month is
   * made again when what its pages show of the rest of the archive changes (an issue added to an earlier year joins 历史上的今天 of that
   * day in the later years, a namesake changes a reporter's address, a new issue is linked from the one before it), and its search
   * records, written from its own issues alone (build/search-records.ts), stay the same.
   */
  hash: string;
}

/** The site's search bundles (see src/site/search-bundles.ts), oldest first. */
export function bundlePlans(issues: readonly ScannedIssue[], months: readonly MonthPlan[], codeHash: string, maxArticles?: number): BundlePlan[] {
  const articleDates = issues.flatMap((issue) => Array.from({ length: issue.header.articleCount }, () => issue.header.date));
  const monthByKey = new Map(months.map((month) => [month.key, month]));
  return searchBundles(articleDates, maxArticles).map((bundle) => {
    const bundleMonths = bundle.months.map((key) => monthByKey.get(key)!);
    return {
      bundle,
      articleCount: bundleMonths.reduce((sum, month) => sum + month.issues.reduce((count, issue) => count + issue.header.articleCount, 0), 0),
      hash: hashOf(
        codeHash,
        `bundle ${bundle.key}`,
        bundleMonths.map((month) => [month.key, month.issues.map((issue) => issue.key)]),
      ),
    };
  });
}

/** The folder of the search bundles' cache that holds the term directory's entries; no month (YYYY-MM) is named so. */
export const DIRECTORY_KEY = "directory";

/**
 * Identifies the term directory (build/term-directory.ts): the sealed bundles, every bundle but the newest (the live one), by their
 * hashes. A day's issue changes only the live bundle, so the directory stays as it is until a month is sealed.
 */
export function directoryHash(bundles: readonly BundlePlan[], codeHash: string): string {
  return hashOf(
    codeHash,
    DIRECTORY_KEY,
    bundles.slice(0, -1).map((plan) => [plan.bundle.key, plan.hash]),
  );
}

function hashOf(codeHash: string, what: string, data: unknown): string {
  return createHash("sha256").update(`${codeHash}\0${what}\0`).update(JSON.stringify(data)).digest("hex").slice(0, 32);
}
