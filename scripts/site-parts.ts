// The site as parts that are rendered, indexed and cached on their own: one part a year (its issue, 版, article and /no/ pages) and one for
// what spans the archive (home, 往期回顾 and its calendars, search, 404, the static files). A part's pages depend only on its own data, so
// a part whose data and code are unchanged is taken from the cache, and a new issue re-renders its year and the archive-wide pages alone.
import { createHash } from "node:crypto";
import type { ArticlePageData, SiteData } from "../src/site-types.ts";
import { searchBundles, type SearchBundle } from "../src/search-bundles.ts";

/** The templates a year part renders; every other template in templates/ belongs to the archive-wide part. */
export const YEAR_TEMPLATES: readonly string[] = ["issue.njk", "page.njk", "article.njk", "number.njk"];

/** The key of the archive-wide part; year parts are keyed by their year, so the two cannot clash. */
export const ARCHIVE_PART = "archive";

export interface SitePart {
  /** The year, or `archive`. */
  key: string;
  /** What this part's templates see as `baoku`: the whole site's shared facts with only this part's pages. */
  data: SiteData;
  /** Which templates render this part: those of a year, or all the others. */
  templates: "year" | "archive";
  /** The part's search bundles (none for the archive-wide part), each with the articles it holds. */
  bundles: { bundle: SearchBundle; articles: ArticlePageData[] }[];
  /** Identifies what the part's pages are made from: the code and the part's data. */
  hash: string;
}

/** Splits the site into its parts, newest year first and the archive-wide part last; `codeHash` is the code's fingerprint. */
export function siteParts(site: SiteData, codeHash: string): SitePart[] {
  const years = [...new Set(site.issues.map((issue) => issue.year))].sort().reverse();
  const empty = { issues: [], pages: [], articles: [], numberRedirects: [], years: [], searchBundles: [] };
  const parts: Omit<SitePart, "hash">[] = years.map((year) => {
    const articles = site.articles.filter((article) => article.issue.year === year);
    const issues = site.issues.filter((issue) => issue.year === year);
    const numbers = new Set(issues.map((issue) => issue.number));
    const { home: _home, ...shared } = site;
    return {
      key: year,
      data: {
        ...shared, ...empty,
        issues, articles,
        pages: site.pages.filter((page) => page.issue.year === year),
        numberRedirects: site.numberRedirects.filter((redirect) => numbers.has(redirect.number)),
      },
      templates: "year" as const,
      bundles: searchBundles(articles.map((article) => article.issue.date)).map((bundle) => ({
        bundle, articles: articles.filter((article) => bundle.months.includes(article.issue.date.slice(0, 7))),
      })),
    };
  });
  parts.push({
    key: ARCHIVE_PART,
    data: { ...site, issues: [], pages: [], articles: [], numberRedirects: [] },
    templates: "archive",
    bundles: [],
  });
  return parts.map((part) => ({ ...part, hash: hashOf(codeHash, part.key, part.data) }));
}

/** Identifies a search bundle's index: the code and the articles it holds, as their pages are rendered from them. */
export function bundleHash(codeHash: string, site: Pick<SiteData, "paper" | "site">, articles: readonly ArticlePageData[]): string {
  return hashOf(codeHash, "bundle", { paper: site.paper, site: site.site, articles });
}

function hashOf(codeHash: string, key: string, data: unknown): string {
  return createHash("sha256").update(`${codeHash}\0${key}\0`).update(JSON.stringify(data)).digest("hex").slice(0, 32);
}
