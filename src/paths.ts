// The archive's path rules, in one place: where an issue's file and its folder of images are, the month and year it belongs to, and the
// site paths of its pages. Site paths (`/2022/11/01/`) say where a page is written; the site's path prefix is added to them to make the
// addresses readers follow (site/addresses.ts).

/** The folder of the content root that holds the issue files, a folder a year. */
export const ISSUES_FOLDER = "issues";

/** issues/<YYYY>/<YYYY-MM-DD>.md, and issues/<YYYY>/<YYYY-MM-DD>/<name> for a file of its folder. */
const ISSUE_FILE = /^issues\/\d{4}\/(\d{4}-\d{2}-\d{2})\.md$/;
const ISSUE_FOLDER_FILE = /^(issues\/\d{4}\/\d{4}-\d{2}-\d{2})\/(.+)$/;

/** Where the issue of `date` (YYYY-MM-DD) must be, relative to the content root. */
export function issueFileOf(date: string): string {
  return `${ISSUES_FOLDER}/${yearOf(date)}/${date}.md`;
}

/** Whether a path relative to the content root is named as an issue file is (its date is checked against the file's own later). */
export function isIssueFileName(file: string): boolean {
  return ISSUE_FILE.test(file);
}

/** The folder of an issue's images and scans, beside its file: issues/2022/2022-11-01.md → issues/2022/2022-11-01. */
export function issueFolderOf(issueFile: string): string {
  return issueFile.replace(/\.md$/, "");
}

/** For a file inside an issue's folder, that folder and the file's name in it; undefined for any other path. */
export function inIssueFolder(file: string): { folder: string; name: string } | undefined {
  const match = ISSUE_FOLDER_FILE.exec(file);
  return match ? { folder: match[1]!, name: match[2]! } : undefined;
}

/** YYYY-MM of a date: the month a part of the site and a search bundle are made of. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function yearOf(date: string): string {
  return date.slice(0, 4);
}

/** /YYYY/MM/DD/: an issue's page. */
export function issuePath(date: string): string {
  return `/${date.slice(0, 4)}/${date.slice(5, 7)}/${date.slice(8, 10)}/`;
}

/** /YYYY/MM/DD/<版>/: a 版's page. */
export function pagePath(date: string, page: number): string {
  return `${issuePath(date)}${page}/`;
}

/** The issue's date and the 版's number of a 版's page path (pagePath's inverse), or undefined for any other path. */
export function pageOfPath(sitePath: string): { date: string; page: number } | undefined {
  const match = /^\/(\d{4})\/(\d{2})\/(\d{2})\/([1-9]\d{0,2})\/$/.exec(sitePath);
  return match ? { date: `${match[1]}-${match[2]}-${match[3]}`, page: Number(match[4]) } : undefined;
}

/** /YYYY/MM/DD/<版>/<n>/: an article's page. */
export function articlePath(date: string, page: number, article: number): string {
  return `${pagePath(date, page)}${article}/`;
}

/** Folders an article's page is below; a relative link from it may climb this many and stay in the archive. */
export const ARTICLE_DEPTH = articlePath("2000-01-01", 1, 1).split("/").length - 2;

/** The folder of /no/<issue>/, the addresses that lead to an issue by its number. */
export const NUMBER_FOLDER = "no";

/** /no/<issue>/: leads to an issue by its number (总第N期). */
export function numberPath(number: number): string {
  return `/${NUMBER_FOLDER}/${number}/`;
}

/** /archive/: the years. */
export const ARCHIVE_PATH = "/archive/";

/** /data/: 数据与引用, where researchers find the open data and how to cite. */
export const DATA_PAGE_PATH = "/data/";

/** /archive/<YYYY>/: a year's calendars. */
export function yearPath(year: string): string {
  return `${ARCHIVE_PATH}${year}/`;
}

/** The folder of the site that holds the search bundles, each in a folder named by its key. */
export const SEARCH_FOLDER = "pagefind";

/** /pagefind/<key>/: a search bundle's files. */
export function bundlePath(key: string): string {
  return `/${SEARCH_FOLDER}/${key}/`;
}

/** The folder of the people pages, which the people parts and the archive-wide part (its /people/ page) share. */
export const PEOPLE_FOLDER = "people";

/** /people/: everyone named in a byline or a photo credit. */
export const PEOPLE_PATH = `/${PEOPLE_FOLDER}/`;

/** /people/<slug>/: one person's articles and photos (site/people.ts makes the slug). */
export function personPath(slug: string): string {
  return `${PEOPLE_PATH}${slug}/`;
}

/** /people/<slug>/<YYYY>/: one year of the articles and photos of a person with more than a page holds (site/people.ts). */
export function personYearPath(slug: string, year: string): string {
  return `${personPath(slug)}${year}/`;
}

/** The folders of the day pages (the days part) and of their calendars (the archive-wide part). */
export const DAYS_FOLDER = "day";
export const LUNAR_DAYS_FOLDER = "lunar";

/** /day/: the days of the year, each leading to that day's issues in every year. */
export const DAYS_PATH = `/${DAYS_FOLDER}/`;

/** /day/<MM>-<DD>/: the issues of one day of the year (month and day of a YYYY-MM-DD date), in every year; 02-29 too. */
export function dayPath(date: string): string {
  return `${DAYS_PATH}${date.slice(5, 10)}/`;
}

/** /lunar/: the days of the lunar year. */
export const LUNAR_DAYS_PATH = `/${LUNAR_DAYS_FOLDER}/`;

/** /lunar/<MM>-<DD>/, and /lunar/leap-<MM>-<DD>/ for a day of a leap month (闰月): the issues of one lunar day in every year. */
export function lunarDayPath(day: { month: number; leap: boolean; day: number }): string {
  const two = (value: number) => String(value).padStart(2, "0");
  return `${LUNAR_DAYS_PATH}${day.leap ? "leap-" : ""}${two(day.month)}-${two(day.day)}/`;
}

/** The citation files beside each article's page, one a format: cite.ris, cite.bib and cite.json (CSL-JSON). */
export const CITATION_FILES = { ris: "cite.ris", bibtex: "cite.bib", csl: "cite.json" } as const;

/** The folder of the JSON API, versioned: a change that breaks readers of v1 is published as v2 beside it. */
export const API_FOLDER = "api/v1";

/** /api/v1/index.json: the paper, its years and issue count. */
export const API_INDEX_PATH = `/${API_FOLDER}/index.json`;

/** /api/v1/years/<YYYY>.json: a year's issues. */
export function apiYearPath(year: string): string {
  return `/${API_FOLDER}/years/${year}.json`;
}

/** /api/v1/issues/<YYYY-MM-DD>.json: everything an issue's page shows. */
export function apiIssuePath(date: string): string {
  return `/${API_FOLDER}/issues/${date}.json`;
}

/** /api/v1/people/<slug>.json: one person's articles. */
export function apiPersonPath(slug: string): string {
  return `/${API_FOLDER}/people/${slug}.json`;
}

/** /api/v1/people/<slug>/<YYYY>.json: one year of the articles of a person whose pages are a year each (site/people.ts). */
export function apiPersonYearPath(slug: string, year: string): string {
  return `/${API_FOLDER}/people/${slug}/${year}.json`;
}

/** /api/v1/bulk/<YYYY>.jsonl: every article of a year, one JSON object a line. */
export function bulkPath(year: string): string {
  return `/${API_FOLDER}/bulk/${year}.jsonl`;
}

/** /api/v1/schemas/<name>.schema.json: the JSON Schema of one kind of API file. */
export function apiSchemaPath(name: string): string {
  return `/${API_FOLDER}/schemas/${name}.schema.json`;
}

/** The folder of the IIIF Presentation 3 resources. */
export const IIIF_FOLDER = "iiif";

/** /iiif/collection.json: every issue that has scans. */
export const IIIF_COLLECTION_PATH = `/${IIIF_FOLDER}/collection.json`;

/** /iiif/<YYYY-MM-DD>/manifest.json: an issue's scans, a canvas a 版. */
export function manifestPath(date: string): string {
  return `/${IIIF_FOLDER}/${date}/manifest.json`;
}

/** /iiif/<YYYY-MM-DD>/<版>: the level-0 image service of a 版's scan, with its info.json and sizes below. */
export function imageServicePath(date: string, page: number): string {
  return `/${IIIF_FOLDER}/${date}/${page}`;
}

/** The Atom feeds: the latest issues and the latest articles. */
export const FEED_PATHS = { issues: "/feeds/issues.xml", articles: "/feeds/articles.xml" } as const;

/** /sitemap.xml: the sitemap index; the sitemaps it lists are beside it at the root. */
export const SITEMAP_INDEX_PATH = "/sitemap.xml";

/**
 * /sitemap-<name>.xml (sitemap-site.xml, sitemap-2022.xml): at the root, because a sitemap may list only addresses in its own folder and
 * below (sitemaps.org), and a year's lists every issue, 版 and article page of the year. They were in /sitemaps/ before.
 */
export function sitemapPath(name: string): string {
  return `/sitemap-${name}.xml`;
}

/** The site paths of the sitemap index and of every sitemap it lists. */
export const SITEMAP_FILE = /^\/sitemap(?:-[^/]+)?\.xml$/;

/** The folders of the open data that several parts write into: a part owns their children, not them (build/publish.ts). */
export const SHARED_DATA_FOLDERS = ["api", API_FOLDER, `${API_FOLDER}/issues`, `${API_FOLDER}/years`, `${API_FOLDER}/bulk`, IIIF_FOLDER] as const;
