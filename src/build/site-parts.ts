// The site as parts that are rendered and cached on their own, and the hashes that say when one must be redone. A month part holds the
// issue, 版, article and /no/ pages of one month's issues, and its images; the archive-wide part holds what spans the archive (home,
// 往期回顾 and its calendars, search, 404, the static files). Parts are small because Eleventy's time per page grows with the pages of a run
// (0.8 ms a page for 2,100 pages, 1.7 ms for 6,300 here), and because a new issue should re-render one month and the archive-wide pages.
import { createHash } from "node:crypto";
import type { ScannedIssue } from "../content/archive.ts";
import type { IssueHeader } from "../model.ts";
import { searchBundles, type SearchBundle } from "../site/search-bundles.ts";
import { monthOf } from "../paths.ts";
import type { SiteData } from "../site-types.ts";

/** The templates a month part renders; every other template in templates/ belongs to the archive-wide part. */
export const MONTH_TEMPLATES: readonly string[] = ["issue.njk", "page.njk", "article.njk", "number.njk"];

/** The key of the archive-wide part; month parts are keyed YYYY-MM, so the two cannot clash. */
export const ARCHIVE_PART = "archive";

/** What renders one month's pages. */
export interface SitePart {
  /** The month, YYYY-MM, or `archive`. */
  key: string;
  /** What the part's templates see as `baoku`: the site's shared facts with only this part's records. */
  data: SiteData;
  /** Which templates render it: those of a month, or all the others. */
  templates: "month" | "archive";
}

export interface MonthPlan {
  key: string;
  /** The month's issues, oldest first. */
  issues: ScannedIssue[];
  /** The archive's issues just before and after the month, which its first and last issues link to. */
  before?: IssueHeader;
  after?: IssueHeader;
  /**
   * Identifies everything the month's pages are made from: the code, and each of its issues' parse-cache key (which covers the
   * configuration, the file's bytes and its image folder) and the neighbours it links to. Computed without reading any issue whole.
   */
  hash: string;
}

/** The month parts of an archive's issues (sorted oldest first), oldest first. */
export function monthPlans(issues: readonly ScannedIssue[], codeHash: string): MonthPlan[] {
  const plans: MonthPlan[] = [];
  issues.forEach((issue, index) => {
    const key = monthOf(issue.header.date);
    const last = plans.at(-1);
    if (last?.key === key) last.issues.push(issue);
    else plans.push({ key, issues: [issue], ...(index > 0 && { before: issues[index - 1]!.header }), hash: "" });
  });
  let next = 0;
  for (const plan of plans) {
    next += plan.issues.length;
    const after = issues[next]?.header;
    if (after) plan.after = after;
    plan.hash = hashOf(codeHash, `month ${plan.key}`, { issues: plan.issues.map((issue) => issue.key), before: plan.before ?? null, after: plan.after ?? null });
  }
  return plans;
}

/** Identifies the archive-wide part: the code and its records, which are few. */
export function archivePartHash(codeHash: string, data: SiteData): string {
  return hashOf(codeHash, ARCHIVE_PART, data);
}

export interface BundlePlan {
  bundle: SearchBundle;
  articleCount: number;
  /** Identifies its index: the code and the months it holds, by their hashes. */
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
      hash: hashOf(codeHash, `bundle ${bundle.key}`, bundleMonths.map((month) => month.hash)),
    };
  });
}

function hashOf(codeHash: string, what: string, data: unknown): string {
  return createHash("sha256").update(`${codeHash}\0${what}\0`).update(JSON.stringify(data)).digest("hex").slice(0, 32);
}
