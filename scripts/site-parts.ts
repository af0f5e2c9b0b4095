// The site as parts that are rendered and cached on their own: one part a month (its issue, 版, article and /no/ pages) and one for what
// spans the archive (home, 往期回顾 and its calendars, search, 404, the static files). A part's pages depend only on its own data, so a
// part whose data and code are unchanged is taken from the cache, and a new issue re-renders its month and the archive-wide pages alone.
// Parts are small because Eleventy's time per page grows with the pages of a run (0.8 ms a page for 2,100 pages, 1.7 ms for 6,300 here).
import { createHash } from "node:crypto";
import type { ArticlePageData, SiteData } from "../src/site-types.ts";
import { searchBundles, type SearchBundle } from "../src/search-bundles.ts";

/** The templates a month part renders; every other template in templates/ belongs to the archive-wide part. */
export const MONTH_TEMPLATES: readonly string[] = ["issue.njk", "page.njk", "article.njk", "number.njk"];

/** The key of the archive-wide part; month parts are keyed YYYY-MM, so the two cannot clash. */
export const ARCHIVE_PART = "archive";

export interface SitePart {
  /** The month, YYYY-MM, or `archive`. */
  key: string;
  /** What this part's templates see as `baoku`: the whole site's shared facts with only this part's pages. */
  data: SiteData;
  /** Which templates render this part: those of a month, or all the others. */
  templates: "month" | "archive";
  /** Identifies what the part's pages are made from: the code and the part's data. */
  hash: string;
}

/** Splits the site into its parts, oldest month first and the archive-wide part last; `codeHash` is the code's fingerprint. */
export function siteParts(site: SiteData, codeHash: string): SitePart[] {
  const monthOf = (record: { issue: { date: string } } | { date: string }) => ("issue" in record ? record.issue.date : record.date).slice(0, 7);
  const byMonth = new Map<string, SiteData>();
  const { home: _home, ...shared } = site;
  const partOf = (month: string) => {
    let data = byMonth.get(month);
    if (!data) byMonth.set(month, (data = { ...shared, issues: [], pages: [], articles: [], numberRedirects: [], years: [], searchBundles: [] }));
    return data;
  };
  const monthOfIssue = new Map<number, string>();
  for (const issue of site.issues) {
    partOf(monthOf(issue)).issues.push(issue);
    monthOfIssue.set(issue.number, monthOf(issue));
  }
  for (const page of site.pages) partOf(monthOf(page)).pages.push(page);
  for (const article of site.articles) partOf(monthOf(article)).articles.push(article);
  for (const redirect of site.numberRedirects) partOf(monthOfIssue.get(redirect.number)!).numberRedirects.push(redirect);
  const parts: Omit<SitePart, "hash">[] = [...byMonth.keys()].sort().map((month) => ({ key: month, data: byMonth.get(month)!, templates: "month" as const }));
  parts.push({ key: ARCHIVE_PART, data: { ...site, issues: [], pages: [], articles: [], numberRedirects: [] }, templates: "archive" });
  return parts.map((part) => ({ ...part, hash: hashOf(codeHash, part.key, part.data) }));
}

export interface BundleInput {
  bundle: SearchBundle;
  /** The articles it holds. */
  articles: ArticlePageData[];
  /** Identifies its index: the code and the articles it holds. */
  hash: string;
}

/** The site's search bundles (see src/search-bundles.ts), oldest first, each with its articles. */
export function bundleInputs(site: SiteData, codeHash: string): BundleInput[] {
  const byMonth = new Map<string, ArticlePageData[]>();
  for (const article of site.articles) {
    const month = article.issue.date.slice(0, 7);
    const articles = byMonth.get(month);
    if (articles) articles.push(article);
    else byMonth.set(month, [article]);
  }
  return searchBundles(site.articles.map((article) => article.issue.date)).map((bundle) => {
    const articles = bundle.months.flatMap((month) => byMonth.get(month) ?? []);
    return { bundle, articles, hash: bundleHash(codeHash, site, articles) };
  });
}

/** Identifies a search bundle's index: the code and the articles it holds, as their pages are rendered from them. */
function bundleHash(codeHash: string, site: Pick<SiteData, "paper" | "site">, articles: readonly ArticlePageData[]): string {
  return hashOf(codeHash, "bundle", { paper: site.paper, site: site.site, articles });
}

function hashOf(codeHash: string, key: string, data: unknown): string {
  return createHash("sha256").update(`${codeHash}\0${key}\0`).update(JSON.stringify(data)).digest("hex").slice(0, 32);
}
