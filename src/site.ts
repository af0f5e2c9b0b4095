// Turns the parsed archive into the records the templates render: one per issue, 版, article and year, with every link resolved.
import { searchBundles } from "./search-bundles.ts";
import type { Article, ImageFile, Issue, IssueHeader, Page, PaperConfig } from "./model.ts";
import type {
  ArticlePageData, ArticleSummary, CalendarDay, CalendarMonth, IssuePageData, IssueSummary, Link, PagePageData, PageSummary, SiteData, SitePhoto, SiteScan, SocialPreview, YearPageData,
} from "./site-types.ts";
import {
  derivativesOf, fallbackOf, imageOf, pictureOf, widestOf, PHOTO_NEWS_USE, PHOTO_USE, SCAN_USE, THUMBNAIL_USE, type Derivative, type ImageUse,
} from "./derivatives.ts";

/** What a reader sees as the title of photo news printed without a headline. */
export const PHOTO_NEWS_TITLE = "图片新闻";

export function issueUrl(date: string): string {
  return `/${date.slice(0, 4)}/${date.slice(5, 7)}/${date.slice(8, 10)}/`;
}

export function pageUrl(date: string, page: number): string {
  return `${issueUrl(date)}${page}/`;
}

export function articleUrl(date: string, page: number, article: number): string {
  return `${pageUrl(date, page)}${article}/`;
}

/** The files made from one image of an issue for one use, published in the issue's folder. */
function derivativesIn(issue: Issue, image: ImageFile, use: ImageUse): Derivative[] {
  return derivativesOf(image, use, issue.file.replace(/\.md$/, ""), issueUrl(issue.date));
}

/** How a photo is shown: large in photo news, in the column otherwise. */
function photoUse(article: Article): ImageUse {
  return article.isPhotoNews ? PHOTO_NEWS_USE : PHOTO_USE;
}

/** A description for social previews: the lead, cut at about 120 characters. */
function shortDescription(lead: string): string {
  const characters = [...lead];
  return characters.length <= 120 ? lead : `${characters.slice(0, 119).join("")}…`;
}

/** The folder the site is published under, from the path of its base URL: `/` at a domain's root, `/<repo>/` for a GitHub Pages project site. */
export function pathPrefixOf(config: PaperConfig): string {
  return new URL(config.site.baseUrl).pathname;
}

/** Turns site paths (`/2022/11/01/`), which say where a page is written, into the addresses readers follow, under the site's path prefix. */
export type Addresser = (sitePath: string) => string;

function addresser(pathPrefix: string): Addresser {
  return (sitePath) => pathPrefix + sitePath.slice(1);
}

/** Open Graph and Twitter card data for a page. */
function socialPreview(title: string, lead: string, image: SocialPreview["image"]): SocialPreview {
  return { title, description: shortDescription(lead), ...(image && { image }) };
}

function dateText(date: string): string {
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

function pageLabel(page: Page): string {
  return page.name ? `第${page.number}版 ${page.name}` : `第${page.number}版`;
}

function displayTitle(article: Article): string {
  return article.title || PHOTO_NEWS_TITLE;
}

/** previous/next links for each item of a list, from its neighbours. */
function neighbours<T>(items: readonly T[], index: number, link: (item: T) => Link): { previous?: Link; next?: Link } {
  const before = items[index - 1];
  const after = items[index + 1];
  return { ...(before !== undefined && { previous: link(before) }), ...(after !== undefined && { next: link(after) }) };
}

function summariseIssue(issue: Omit<Issue, "pages">, at: Addresser): IssueSummary {
  const year = issue.date.slice(0, 4);
  return {
    path: issueUrl(issue.date), url: at(issueUrl(issue.date)), number: issue.number, date: issue.date, dateText: dateText(issue.date), weekday: issue.weekday,
    lunarDate: issue.lunarDate, printedPageCount: issue.printedPageCount, year, yearUrl: at(`/archive/${year}/`),
    ...(issue.editor && { editor: issue.editor }), ...(issue.note && { note: issue.note }),
  };
}

function summarisePage(issue: Issue, page: Page, at: Addresser): PageSummary {
  // The thumbnails are the issue page's first images, so the first loads at once.
  const thumbnail = page.scan && pictureOf(derivativesIn(issue, page.scan, THUMBNAIL_USE), THUMBNAIL_USE, page === issue.pages[0] ? "eager" : "lazy", at);
  return {
    path: pageUrl(issue.date, page.number), url: at(pageUrl(issue.date, page.number)), number: page.number, ...(page.name && { name: page.name }), label: pageLabel(page),
    ...(thumbnail && { thumbnail }),
  };
}

/** A 版's scan as its page shows it, with each article that gives its area as a link over it. */
function scanOf(issue: Issue, page: Page, articles: readonly ArticleSummary[], at: Addresser): SiteScan | undefined {
  if (!page.scan) return undefined;
  const derivatives = derivativesIn(issue, page.scan, SCAN_USE);
  return {
    picture: pictureOf(derivatives, SCAN_USE, "eager", at),
    alt: `${dateText(issue.date)} ${pageLabel(page)} 版面图`,
    fullUrl: at(widestOf(derivatives).path),
    ...(page.scan.pdf && { pdfUrl: at(issueUrl(issue.date) + encodeURIComponent(page.scan.pdf)) }),
    hotspots: page.articles.flatMap((article, index) =>
      article.area ? [{ ...article.area, url: articles[index]!.url, title: articles[index]!.title }] : []),
  };
}

/** The picture shared with a page: the first photo among `articles`, else the issue's front page scan. */
function previewImage(issue: Issue, articles: readonly Article[], at: Addresser): SocialPreview["image"] {
  for (const article of articles) {
    for (const photo of article.photos) {
      const image = imageOf(photo);
      if (!image) continue;
      const fallback = fallbackOf(derivativesIn(issue, image, photoUse(article)));
      return { url: at(fallback.path), width: fallback.width, height: fallback.height, alt: photo.caption };
    }
  }
  const frontPage = issue.pages[0];
  if (!frontPage?.scan) return undefined;
  const fallback = fallbackOf(derivativesIn(issue, frontPage.scan, SCAN_USE));
  return { url: at(fallback.path), width: fallback.width, height: fallback.height, alt: `${dateText(issue.date)} ${pageLabel(frontPage)}` };
}

function summariseArticle(issue: Issue, page: Page, article: Article, at: Addresser): ArticleSummary {
  const photos: SitePhoto[] = article.photos.map((photo, index) => {
    const image = imageOf(photo);
    if (!image) return { ...photo };
    const derivatives = derivativesIn(issue, image, photoUse(article));
    // Only an article page shows photos, and its first photo is its first image.
    const picture = pictureOf(derivatives, photoUse(article), index === 0 ? "eager" : "lazy", at);
    return { ...photo, url: picture.src, picture };
  });
  const path = articleUrl(issue.date, page.number, article.number);
  return {
    path, url: at(path), number: article.number, title: displayTitle(article),
    ...(article.kicker && { kicker: article.kicker }), ...(article.subtitle && { subtitle: article.subtitle }), ...(article.column && { column: article.column }),
    lead: article.lead, isPhotoNews: article.isPhotoNews, photos,
  };
}

/** Month calendars of one year, weeks from Monday; `issueByDate` maps YYYY-MM-DD to the issue of that day. */
function yearCalendar(year: number, issueByDate: ReadonlyMap<string, IssueSummary>): CalendarMonth[] {
  return Array.from({ length: 12 }, (_, monthIndex) => {
    const daysInMonth = new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
    const mondayOffset = (new Date(Date.UTC(year, monthIndex, 1)).getUTCDay() + 6) % 7;
    const cells: (CalendarDay | null)[] = Array.from({ length: mondayOffset }, () => null);
    let issueCount = 0;
    for (let day = 1; day <= daysInMonth; day++) {
      const date = `${year}-${String(monthIndex + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
      const issue = issueByDate.get(date);
      if (issue) issueCount++;
      cells.push({ day, date, ...(issue && { url: issue.url, issueNumber: issue.number }) });
    }
    while (cells.length % 7 !== 0) cells.push(null);
    const weeks = Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
    return { month: monthIndex + 1, label: `${monthIndex + 1}月`, issueCount, weeks };
  });
}

/** The records of a run of consecutive issues: their issue, 版 and article pages and /no/ redirects. */
export type IssueRecords = Pick<SiteData, "issues" | "pages" | "articles" | "numberRedirects">;

/** What every page shows of the paper and the site. */
export function sharedRecords(config: PaperConfig): Pick<SiteData, "paper" | "site"> {
  return { paper: config.paper, site: { ...config.site, title: config.site.title ?? config.paper.name, pathPrefix: pathPrefixOf(config) } };
}

/**
 * The records of `issues`, consecutive issues of the archive sorted oldest first; `before` and `after` are the archive's issues just
 * outside them, which the first and last issue link to. Linear in the number of issues and articles.
 */
export function issueRecords(config: PaperConfig, issues: readonly Issue[], before?: IssueHeader, after?: IssueHeader): IssueRecords {
  const at = addresser(pathPrefixOf(config));
  const around = [...(before ? [before] : []), ...issues, ...(after ? [after] : [])];
  const offset = before ? 1 : 0;
  const summaries = around.map((issue) => summariseIssue(issue, at));
  const issuePages: IssuePageData[] = [];
  const pagePages: PagePageData[] = [];
  const articlePages: ArticlePageData[] = [];

  issues.forEach((issue, issueIndex) => {
    const summary = summaries[issueIndex + offset]!;
    const pageSummaries = issue.pages.map((page) => summarisePage(issue, page, at));
    const articleSummaries = issue.pages.map((page) => page.articles.map((article) => summariseArticle(issue, page, article, at)));
    issuePages.push({
      ...summary,
      numberUrl: at(`/no/${issue.number}/`),
      pages: pageSummaries.map((page, index) => ({ ...page, articles: articleSummaries[index]! })),
      social: socialPreview(`${summary.dateText} 总第${issue.number}期`, issue.pages[0]?.articles[0]?.lead ?? "", previewImage(issue, issue.pages.flatMap((page) => page.articles), at)),
      ...neighbours(summaries, issueIndex + offset, (other) => ({ url: other.url, label: `${other.dateText} 总第${other.number}期` })),
    });
    issue.pages.forEach((page, pageIndex) => {
      const scan = scanOf(issue, page, articleSummaries[pageIndex]!, at);
      pagePages.push({
        ...pageSummaries[pageIndex]!, issue: summary, siblings: pageSummaries, articles: articleSummaries[pageIndex]!,
        ...(scan && { scan }),
        ...neighbours(pageSummaries, pageIndex, (other) => ({ url: other.url, label: other.label })),
      });
    });
    const issueArticles = issue.pages.flatMap((page, pageIndex) =>
      page.articles.map((article, articleIndex) => ({ article, page: pageSummaries[pageIndex]!, summary: articleSummaries[pageIndex]![articleIndex]! })));
    issueArticles.forEach(({ article, page, summary: articleSummary }, index) => {
      articlePages.push({
        ...articleSummary, issue: summary, page,
        ...(article.dateline && { dateline: article.dateline }), ...(article.byline && { byline: article.byline }),
        bodyHtml: article.bodyHtml,
        social: socialPreview(articleSummary.title, article.lead, previewImage(issue, [article], at)),
        ...neighbours(issueArticles, index, (other) => ({ url: other.summary.url, label: other.summary.title })),
      });
    });
  });
  return {
    issues: issuePages, pages: pagePages, articles: articlePages,
    numberRedirects: issuePages.map((issue) => ({ path: `/no/${issue.number}/`, target: issue.url, number: issue.number })),
  };
}

/**
 * The records that span the archive: the year calendars, the home page (the newest issue's front page; `newest` is that issue in full)
 * and the search bundles. `headers` are every issue's, oldest first.
 */
export function archiveRecords(config: PaperConfig, headers: readonly IssueHeader[], newest?: Issue): Pick<SiteData, "years" | "home" | "searchBundles"> {
  const at = addresser(pathPrefixOf(config));
  const issueByDate = new Map(headers.map((header) => [header.date, summariseIssue(header, at)]));
  const yearNames = [...new Set(headers.map((header) => header.date.slice(0, 4)))].sort().reverse();
  const years: YearPageData[] = yearNames.map((year) => {
    const months = yearCalendar(Number(year), issueByDate);
    return { year, path: `/archive/${year}/`, url: at(`/archive/${year}/`), issueCount: months.reduce((sum, month) => sum + month.issueCount, 0), months };
  });
  years.forEach((year, index) => {
    // `years` is newest first: the previous year is the next item.
    const older = years[index + 1];
    const newer = years[index - 1];
    if (older) year.previous = { url: older.url, label: `${older.year}年` };
    if (newer) year.next = { url: newer.url, label: `${newer.year}年` };
  });
  // The front page's record does not depend on the issues around it.
  const home = newest ? issueRecords(config, [newest]).pages[0] : undefined;
  const articleDates = headers.flatMap((header) => Array.from({ length: header.articleCount }, () => header.date));
  return {
    years,
    ...(home && { home }),
    searchBundles: searchBundles(articleDates).reverse().map((bundle) => ({ key: bundle.key, url: at(bundle.path) })),
  };
}

/** Every file the site publishes beside its pages: each image derivative to encode (once, in a stable order) and each PDF to copy as it is, relative to the content root and the site root. */
export function publishedFiles(issues: readonly Issue[]): { derivatives: Derivative[]; copies: { source: string; target: string }[] } {
  const derivatives = new Map<string, Derivative>();
  const copies: { source: string; target: string }[] = [];
  const add = (list: readonly Derivative[]) => list.forEach((derivative) => derivatives.set(derivative.path, derivative));
  for (const issue of issues) {
    const folder = issue.file.replace(/\.md$/, "");
    for (const page of issue.pages) {
      if (page.scan) {
        add(derivativesIn(issue, page.scan, SCAN_USE));
        add(derivativesIn(issue, page.scan, THUMBNAIL_USE));
        if (page.scan.pdf) copies.push({ source: `${folder}/${page.scan.pdf}`, target: `${issueUrl(issue.date).slice(1)}${page.scan.pdf}` });
      }
      for (const article of page.articles) {
        for (const photo of article.photos) {
          const image = imageOf(photo);
          if (image) add(derivativesIn(issue, image, photoUse(article)));
        }
      }
    }
  }
  return { derivatives: [...derivatives.values()], copies };
}
