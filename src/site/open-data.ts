// The archive as open data, written beside the pages: the JSON API (/api/v1/), the bulk text (a JSON Lines file a year), the IIIF
// manifests and collection (/iiif/), the sitemaps and robots.txt. Each part of the site makes the files of what it renders (a month its
// issues', a year part its year's, the people part the people's, the archive-wide part the rest), so a new issue rewrites only what it changes.
import assert from "node:assert/strict";
import type { Article, Issue, IssueHeader, Page, PaperConfig } from "../model.ts";
import type { ArticlePageData, DayPageData, NamesakePageData, PeopleIndexData, PersonPageData, SiteData, YearPageData } from "../site-types.ts";
import {
  API_INDEX_PATH,
  apiIssuePath,
  apiPersonPath,
  apiPersonYearPath,
  apiSchemaPath,
  apiYearPath,
  ARCHIVE_PATH,
  bulkPath,
  DATA_PAGE_PATH,
  FEED_PATHS,
  IIIF_COLLECTION_PATH,
  issuePath,
  manifestPath,
  pagePath,
  articlePath,
  SITEMAP_INDEX_PATH,
  sitemapPath,
  yearOf,
  yearPath,
} from "../paths.ts";
import { addresser, pathPrefixOf } from "./addresses.ts";
import type { ArchiveContext, IssueRecords } from "./issue-records.ts";
import { imageOf, issueDerivatives, photoUse, SCAN_USE, widestOf, fallbackOf } from "./derivatives.ts";
import { imageService, issueCollection, issueManifest } from "./iiif.ts";
import { scriptJson } from "./json-ld.ts";
import {
  API_SCHEMA_VERSION,
  jsonSchemas,
  type ArticleJson,
  type BulkArticleJson,
  type IndexJson,
  type IssueJson,
  type IssueLinkJson,
  type PageJson,
  type PersonJson,
  type PersonRefJson,
  type YearJson,
} from "./open-data-schema.ts";
import { robotsTxt, sitemapIndexXml, sitemapNames, sitemapXml, splitSitemap, type SitemapEntry } from "./sitemaps.ts";
import { pageLabel } from "./words.ts";

/** A file of open data: where it goes in the site (a site path) and what it holds. */
export interface OpenDataFile {
  path: string;
  content: string;
}

/** The name of the sitemap of the pages outside the months: home, 往期回顾, search, people, days. */
export const SITE_SITEMAP = "site";

/** Absolute addresses of site paths, under the site's path prefix. */
function absoluteOf(config: PaperConfig): (sitePath: string) => string {
  const at = addresser(pathPrefixOf(config));
  return (sitePath) => new URL(at(sitePath), config.site.baseUrl).href;
}

/**
 * JSON as the API writes it: one line, the same bytes for the same data, with `<`, `>` and `&` as escapes (json-ld.ts), so a file served
 * or sniffed as HTML holds no markup, whatever a title holds; parsed, it is the same data.
 */
function json(value: unknown): string {
  return `${scriptJson(value)}\n`;
}

function paperOf(config: PaperConfig): IssueJson["paper"] {
  return { name: config.paper.name, masthead: config.paper.masthead, ...(config.paper.website && { website: config.paper.website }) };
}

function issueLink(header: Pick<IssueHeader, "number" | "date">, absolute: (sitePath: string) => string): IssueLinkJson {
  return { number: header.number, date: header.date, url: absolute(issuePath(header.date)), json: absolute(apiIssuePath(header.date)) };
}

/** The person a page address of context.people names: /people/<slug>/ gives /api/v1/people/<slug>.json. */
function personRef(name: string, people: ArchiveContext["people"], config: PaperConfig): PersonRefJson {
  const prefix = pathPrefixOf(config);
  const page = people[name]!;
  const slug = page
    .slice(prefix.length)
    .replace(/^people\//, "")
    .replace(/\/$/, "");
  const absolute = absoluteOf(config);
  return { name, url: absolute(page.slice(prefix.length - 1)), json: absolute(apiPersonPath(slug)) };
}

/** What a month part publishes as open data, and what it hands its year: the bulk lines of its articles and its pages' sitemap entries. */
export interface MonthOpenData {
  files: OpenDataFile[];
  /** The files of the scans' image services, each the same bytes as a derivative the month publishes (by site paths). */
  imageFiles: { path: string; derivative: string }[];
  /** Its articles as JSON Lines, oldest issue first. */
  bulk: string;
  sitemap: SitemapEntry[];
}

/**
 * The open data of a run of consecutive issues (a month), from the issues and the records their pages are rendered from; `before` and
 * `after` are the issues just outside them.
 */
export function monthOpenData(
  config: PaperConfig,
  issues: readonly Issue[],
  records: IssueRecords,
  context: ArchiveContext,
  before?: IssueHeader,
  after?: IssueHeader,
): MonthOpenData {
  const absolute = absoluteOf(config);
  const prefix = pathPrefixOf(config);
  const fromAddress = (address: string) => absolute(address.slice(prefix.length - 1));
  const pagesByPath = new Map<string, ArticlePageData>(records.articles.map((article) => [article.path, article]));
  const around = [...(before ? [before] : []), ...issues, ...(after ? [after] : [])];
  const offset = before ? 1 : 0;
  const out: MonthOpenData = { files: [], imageFiles: [], bulk: "", sitemap: [] };

  issues.forEach((issue, index) => {
    const previous = around[index + offset - 1];
    const next = around[index + offset + 1];
    const pdfUrl = (page: Page) => (page.scan?.pdf ? absolute(issuePath(issue.date) + encodeURIComponent(page.scan.pdf)) : undefined);
    const articleJson = (page: Page, article: Article): ArticleJson => {
      const rendered = pagesByPath.get(articlePath(issue.date, page.number, article.number))!;
      const people = (names: readonly string[]) => names.map((name) => personRef(name, context.people, config));
      return {
        number: article.number,
        url: fromAddress(rendered.url),
        title: article.title,
        ...(article.kicker && { kicker: article.kicker }),
        ...(article.subtitle && { subtitle: article.subtitle }),
        ...(article.column && { column: article.column }),
        ...(article.dateline && { dateline: article.dateline }),
        ...(article.byline && {
          byline: {
            text: article.byline.text,
            ...(article.byline.affiliation && { affiliation: article.byline.affiliation }),
            reporters: people(article.byline.reporters),
            correspondents: people(article.byline.correspondents),
          },
        }),
        photos: article.photos.map((photo) => {
          const image = imageOf(photo);
          const fallback = image && fallbackOf(issueDerivatives(issue, image, photoUse(article)));
          return {
            caption: photo.caption,
            ...(photo.credit && { credit: photo.credit }),
            photographers: people(photo.photographers),
            ...(fallback && { image: { url: absolute(fallback.path), width: fallback.width, height: fallback.height } }),
          };
        }),
        isPhotoNews: article.isPhotoNews,
        ...(article.area && { area: article.area }),
        text: article.paragraphs.join("\n"),
        markdown: article.bodyMarkdown,
        ...(rendered.correction.correctedOn && { correctedOn: rendered.correction.correctedOn }),
      };
    };
    const manifest = issueManifest(issue, {
      absolute,
      paperName: config.paper.name,
      issueJson: absolute(apiIssuePath(issue.date)),
      issueUrl: absolute(issuePath(issue.date)),
      pageUrl: (page) => absolute(pagePath(issue.date, page.number)),
      articleUrl: (page, article) => absolute(articlePath(issue.date, page.number, article)),
      pdfUrl,
    });
    const pages: PageJson[] = issue.pages.map((page) => {
      const widest = page.scan && widestOf(issueDerivatives(issue, page.scan, SCAN_USE));
      const pdf = pdfUrl(page);
      return {
        number: page.number,
        ...(page.name && { name: page.name }),
        label: pageLabel(page),
        url: absolute(pagePath(issue.date, page.number)),
        ...(page.scan &&
          widest && {
            scan: {
              width: page.scan.width,
              height: page.scan.height,
              image: { url: absolute(widest.path), width: widest.width, height: widest.height },
              ...(pdf && { pdf }),
              canvas: `${absolute(manifestPath(issue.date).replace(/manifest\.json$/, ""))}canvas/${page.number}`,
            },
          }),
        articles: page.articles.map((article) => articleJson(page, article)),
      };
    });
    const data: IssueJson = {
      paper: paperOf(config),
      number: issue.number,
      date: issue.date,
      lunarDate: issue.lunarDate,
      weekday: issue.weekday,
      printedPageCount: issue.printedPageCount,
      ...(issue.editor && { editor: issue.editor }),
      ...(issue.note && { note: issue.note }),
      url: absolute(issuePath(issue.date)),
      json: absolute(apiIssuePath(issue.date)),
      ...(manifest && { iiif: absolute(manifestPath(issue.date)) }),
      ...(previous && { previous: issueLink(previous, absolute) }),
      ...(next && { next: issueLink(next, absolute) }),
      pages,
    };
    out.files.push({ path: apiIssuePath(issue.date), content: json(data) });
    if (manifest) {
      out.files.push({ path: manifestPath(issue.date), content: json(manifest) });
      for (const page of issue.pages.filter((scanned) => scanned.scan)) {
        const service = imageService(issue, page, absolute);
        out.files.push({ path: `${service.files[0]!.path.replace(/\/full\/.*$/, "")}/info.json`, content: json(service.info) });
        out.imageFiles.push(...service.files.map((file) => ({ path: file.path, derivative: file.derivative.path })));
      }
    }
    const link = issueLink(issue, absolute);
    for (const page of pages) {
      for (const article of page.articles) {
        const line: BulkArticleJson = { issue: link, page: { number: page.number, label: page.label, url: page.url }, ...article };
        out.bulk += json(line);
      }
    }
    // A page last changed when its issue came out, or when the history last corrected one of its articles.
    const changed = (articles: readonly ArticleJson[]) =>
      articles.reduce((latest, article) => (article.correctedOn && article.correctedOn > latest ? article.correctedOn : latest), issue.date);
    out.sitemap.push({ loc: data.url, lastmod: changed(pages.flatMap((page) => page.articles)) });
    for (const page of pages) {
      out.sitemap.push({ loc: page.url, lastmod: changed(page.articles) });
      for (const article of page.articles) out.sitemap.push({ loc: article.url, lastmod: changed([article]) });
    }
  });
  return out;
}

/** The addresses a year's sitemaps hold: each issue's page, its 版 pages and its article pages. */
function yearSitemapSize(headers: readonly IssueHeader[]): number {
  return headers.reduce((sum, header) => sum + 1 + header.pageCount + header.articleCount, 0);
}

/** A year part's files: the year's issues as JSON, its bulk text (its months' bulk lines, in order) and its sitemaps. */
export function yearOpenData(
  config: PaperConfig,
  year: string,
  headers: readonly IssueHeader[],
  bulk: readonly string[],
  sitemap: readonly SitemapEntry[],
): OpenDataFile[] {
  const absolute = absoluteOf(config);
  const data: YearJson = {
    year,
    issueCount: headers.length,
    url: absolute(yearPath(year)),
    bulk: absolute(bulkPath(year)),
    issues: headers.map((header) => ({
      number: header.number,
      date: header.date,
      lunarDate: header.lunarDate,
      weekday: header.weekday,
      printedPageCount: header.printedPageCount,
      pageCount: header.pageCount,
      articleCount: header.articleCount,
      ...(header.headline && { headline: header.headline }),
      url: absolute(issuePath(header.date)),
      json: absolute(apiIssuePath(header.date)),
      ...(header.scanCount > 0 && { iiif: absolute(manifestPath(header.date)) }),
    })),
  };
  const chunks = splitSitemap(year, sitemap);
  // The sitemap index (archive-wide) names the year's sitemaps from the headers alone; the pages counted must be the pages listed.
  assert.equal(sitemap.length, yearSitemapSize(headers));
  return [
    { path: apiYearPath(year), content: json(data) },
    { path: bulkPath(year), content: bulk.join("") },
    ...chunks.map((chunk) => ({ path: sitemapPath(chunk.name), content: sitemapXml(chunk.entries) })),
  ];
}

/** Where a person's page's JSON is: /api/v1/people/<slug>.json, or, for one of their year pages, /api/v1/people/<slug>/<YYYY>.json. */
export function personJsonPath(page: Pick<PersonPageData, "slug" | "year">): string {
  return page.year ? apiPersonYearPath(page.slug, page.year) : apiPersonPath(page.slug);
}

/**
 * The people part's files: the JSON of each person's page, with the articles it lists; a person with a page a year has a file a year,
 * which their own file names.
 */
export function peopleOpenData(config: PaperConfig, people: readonly PersonPageData[]): OpenDataFile[] {
  const absolute = absoluteOf(config);
  const prefix = pathPrefixOf(config);
  return people.map((person) => {
    const credits = person.years.flatMap((year) => year.credits);
    const data: PersonJson = {
      name: person.name,
      slug: person.slug,
      romanized: person.romanized,
      url: absolute(person.path),
      ...(person.year && { year: person.year }),
      articleCount: person.counts.total,
      ...(!person.year &&
        person.yearPages && {
          years: person.yearPages.map((page) => ({
            year: page.year,
            articleCount: page.count ?? 0,
            json: absolute(apiPersonYearPath(person.slug, page.year)),
          })),
        }),
      articles: credits.map((credit) => ({
        title: credit.title,
        date: credit.date,
        issueNumber: credit.issueNumber,
        page: credit.pageLabel,
        roles: credit.roles.split("、") as PersonJson["articles"][number]["roles"],
        url: absolute(credit.url.slice(prefix.length - 1)),
        issue: absolute(apiIssuePath(credit.date)),
      })),
    };
    return { path: personJsonPath(person), content: json(data) };
  });
}

/** What the archive-wide part's open data is made from, besides the issues' headers. */
export interface ArchiveOpenDataInput {
  years: readonly YearPageData[];
  people: readonly PersonPageData[];
  namesakes: readonly NamesakePageData[];
  peopleIndex?: PeopleIndexData | undefined;
  days: readonly DayPageData[];
  dayIndexes: SiteData["dayIndexes"];
}

/**
 * The archive-wide part's files: the API's index and schemas, the IIIF collection, the sitemap index and the sitemap of the pages
 * outside the months, robots.txt. `headers` are every issue's, oldest first.
 */
export function archiveOpenData(config: PaperConfig, headers: readonly IssueHeader[], input: ArchiveOpenDataInput): OpenDataFile[] {
  const absolute = absoluteOf(config);
  const newest = headers.at(-1);
  const newestDate = newest?.date ?? "1970-01-01";
  const byYear = new Map<string, IssueHeader[]>();
  for (const header of headers) byYear.set(yearOf(header.date), [...(byYear.get(yearOf(header.date)) ?? []), header]);
  const schemas = jsonSchemas((name) => absolute(apiSchemaPath(name)));
  const index: IndexJson = {
    apiVersion: 1,
    schemaVersion: API_SCHEMA_VERSION,
    paper: paperOf(config),
    title: config.site.title ?? config.paper.name,
    url: absolute("/"),
    issueCount: headers.length,
    ...(headers[0] && { first: issueLink(headers[0], absolute) }),
    ...(newest && { newest: issueLink(newest, absolute) }),
    years: [...byYear].map(([year, yearHeaders]) => ({
      year,
      issueCount: yearHeaders.length,
      json: absolute(apiYearPath(year)),
      bulk: absolute(bulkPath(year)),
    })),
    feeds: { issues: absolute(FEED_PATHS.issues), articles: absolute(FEED_PATHS.articles) },
    iiif: absolute(IIIF_COLLECTION_PATH),
    schemas: Object.fromEntries(Object.keys(schemas).map((name) => [name, absolute(apiSchemaPath(name))])),
  };

  const newestOf = new Map(input.people.map((person) => [person.path, person.years[0]?.credits[0]?.date ?? newestDate]));
  // biome-ignore lint/complexity/useMathMinMax: the dates are strings (YYYY-MM-DD), which Math.max cannot compare
  const latest = (dates: readonly string[]) => dates.reduce((max, date) => (date > max ? date : max), "0000-00-00");
  const site: SitemapEntry[] = [
    { loc: absolute("/"), lastmod: newestDate },
    { loc: absolute(ARCHIVE_PATH), lastmod: newestDate },
    ...input.years.map((year) => ({ loc: absolute(year.path), lastmod: byYear.get(year.year)?.at(-1)?.date ?? newestDate })),
    { loc: absolute("/search/"), lastmod: newestDate },
    { loc: absolute(DATA_PAGE_PATH), lastmod: newestDate },
    ...(input.peopleIndex ? [{ loc: absolute(input.peopleIndex.path), lastmod: newestDate }] : []),
    ...input.people.map((person) => ({ loc: absolute(person.path), lastmod: newestOf.get(person.path)! })),
    ...input.namesakes.map((namesake) => ({
      loc: absolute(namesake.path),
      lastmod: latest(namesake.people.map((person) => newestOf.get(person.url.slice(pathPrefixOf(config).length - 1)) ?? newestDate)),
    })),
    ...input.dayIndexes.map((dayIndex) => ({ loc: absolute(dayIndex.path), lastmod: newestDate })),
    ...input.days.map((day) => ({ loc: absolute(day.path), lastmod: day.issues[0]?.date ?? newestDate })),
  ];
  const siteChunks = splitSitemap(SITE_SITEMAP, site);
  const sitemaps = [
    ...siteChunks.map((chunk) => chunk.name),
    ...[...byYear].flatMap(([year, yearHeaders]) => sitemapNames(year, yearSitemapSize(yearHeaders))),
  ];
  return [
    { path: API_INDEX_PATH, content: json(index) },
    ...Object.entries(schemas).map(([name, schema]) => ({ path: apiSchemaPath(name), content: `${JSON.stringify(schema, null, 2)}\n` })),
    { path: IIIF_COLLECTION_PATH, content: json(issueCollection(config.paper.name, headers, absolute, absolute("/"))) },
    ...siteChunks.map((chunk) => ({ path: sitemapPath(chunk.name), content: sitemapXml(chunk.entries) })),
    { path: SITEMAP_INDEX_PATH, content: sitemapIndexXml(sitemaps.map((name) => absolute(sitemapPath(name)))) },
    { path: "/robots.txt", content: robotsTxt(absolute(SITEMAP_INDEX_PATH)) },
  ];
}
