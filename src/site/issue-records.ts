// The records of a run of consecutive issues, which a month part of the site renders: each issue's page, its 版 pages with their scans
// and hotspots, its article pages with their photos and social previews, and the /no/ addresses, with every link resolved.
import type { Article, Issue, IssueHeader, Page, PaperConfig, Photo } from "../model.ts";
import type {
  ArticlePageData,
  ArticleSummary,
  CreditedPhoto,
  IssuePageData,
  IssueSummary,
  Link,
  PagePageData,
  PageSummary,
  PersonLink,
  SiteByline,
  SiteData,
  SitePhoto,
  SiteScan,
  SocialPreview,
  ThisDay,
} from "../site-types.ts";
import type { ChangedLines } from "../content/history.ts";
import { apiIssuePath, articlePath, issuePath, manifestPath, numberPath, pagePath, yearOf, yearPath } from "../paths.ts";
import { addresser, pathPrefixOf, type Addresser } from "./addresses.ts";
import { citationKey, citationOf } from "./citation.ts";
import { correctedOn, reportUrl } from "./corrections.ts";
import { fallbackOf, imageOf, issueDerivatives, photoUse, pictureOf, widestOf, SCAN_USE, THUMBNAIL_USE } from "./derivatives.ts";
import { articleJsonLd, issueJsonLd, type ArticleFacts, type IssueFacts, type PeriodicalFacts } from "./json-ld.ts";
import { phrasesOf } from "./phrases.ts";
import { authorsOf, dateText, displayTitle, pageDescription, pageLabel, shortDescription } from "./words.ts";

/**
 * What a run of issues' pages need from the rest of the archive: each of these is in the hash of the month part that renders them
 * (build/site-parts.ts), so a month is rendered again when one of them changes.
 */
export interface ArchiveContext {
  /** 历史上的今天 of each issue, by its date. */
  thisDay: Record<string, ThisDay>;
  /** The address of each person the issues name, by name as printed (site/people.ts gives namesakes addresses of their own). */
  people: Record<string, string>;
  /** The lines of each issue file changed since it was first committed, by the file's path (content/history.ts). */
  history: Record<string, ChangedLines>;
}

/** Open Graph and Twitter card data for a page. */
function socialPreview(title: string, lead: string, image: SocialPreview["image"]): SocialPreview {
  return { title, description: shortDescription(lead), ...(image && { image }) };
}

/** The numbers of the printed 版 that `issue` does not hold, if any. */
function missingPagesOf(issue: Issue): { missingPages?: number[] } {
  const held = new Set(issue.pages.map((page) => page.number));
  const missing = Array.from({ length: issue.printedPageCount }, (_, index) => index + 1).filter((number) => !held.has(number));
  return missing.length ? { missingPages: missing } : {};
}

/** previous/next links for each item of a list, from its neighbours. */
function neighbours<T>(items: readonly T[], index: number, link: (item: T) => Link): { previous?: Link; next?: Link } {
  const before = items[index - 1];
  const after = items[index + 1];
  return { ...(before !== undefined && { previous: link(before) }), ...(after !== undefined && { next: link(after) }) };
}

export function summariseIssue(issue: Omit<Issue, "pages">, at: Addresser): IssueSummary {
  const year = yearOf(issue.date);
  return {
    path: issuePath(issue.date),
    url: at(issuePath(issue.date)),
    number: issue.number,
    date: issue.date,
    dateText: dateText(issue.date),
    weekday: issue.weekday,
    lunarDate: issue.lunarDate,
    printedPageCount: issue.printedPageCount,
    year,
    yearUrl: at(yearPath(year)),
    ...(issue.editor && { editor: issue.editor }),
    ...(issue.note && { note: issue.note }),
  };
}

function summarisePage(issue: Issue, page: Page, at: Addresser): PageSummary {
  // The thumbnails are the issue page's first images, so the first loads at once.
  const thumbnail = page.scan && pictureOf(issueDerivatives(issue, page.scan, THUMBNAIL_USE), THUMBNAIL_USE, page === issue.pages[0] ? "eager" : "lazy", at);
  return {
    path: pagePath(issue.date, page.number),
    url: at(pagePath(issue.date, page.number)),
    number: page.number,
    ...(page.name && { name: page.name }),
    label: pageLabel(page),
    ...(thumbnail && { thumbnail }),
  };
}

/** Where a 版's PDF is published: beside the issue's page, under its own name. */
function pdfPath(issue: Issue, pdf: string): string {
  return issuePath(issue.date) + encodeURIComponent(pdf);
}

/** A 版's scan as its page shows it, with each article that gives its area as a link over it. */
function scanOf(issue: Issue, page: Page, articles: readonly ArticleSummary[], at: Addresser): SiteScan | undefined {
  if (!page.scan) return undefined;
  const derivatives = issueDerivatives(issue, page.scan, SCAN_USE);
  return {
    picture: pictureOf(derivatives, SCAN_USE, "eager", at),
    alt: `${dateText(issue.date)} ${pageLabel(page)} 版面图`,
    fullUrl: at(widestOf(derivatives).path),
    ...(page.scan.pdf && { pdfUrl: at(pdfPath(issue, page.scan.pdf)) }),
    hotspots: page.articles.flatMap((article, index) => (article.area ? [{ ...article.area, url: articles[index]!.url, title: articles[index]!.title }] : [])),
  };
}

/** The picture shared with a page: the first photo among `articles`, else the issue's front page scan. */
function previewImage(issue: Issue, articles: readonly Article[], at: Addresser): SocialPreview["image"] {
  for (const article of articles) {
    for (const photo of article.photos) {
      const image = imageOf(photo);
      if (!image) continue;
      const fallback = fallbackOf(issueDerivatives(issue, image, photoUse(article)));
      return { url: at(fallback.path), width: fallback.width, height: fallback.height, alt: photo.caption };
    }
  }
  const frontPage = issue.pages[0];
  if (!frontPage?.scan) return undefined;
  const fallback = fallbackOf(issueDerivatives(issue, frontPage.scan, SCAN_USE));
  return { url: at(fallback.path), width: fallback.width, height: fallback.height, alt: `${dateText(issue.date)} ${pageLabel(frontPage)}` };
}

/** The names a byline prints, each linked to its person's page. */
function bylineOf(article: Article, people: ArchiveContext["people"]): SiteByline | undefined {
  if (!article.byline) return undefined;
  const link = (name: string): PersonLink => ({ name, url: people[name]! });
  return { ...article.byline, reporters: article.byline.reporters.map(link), correspondents: article.byline.correspondents.map(link) };
}

/** A photo's credit as printed, cut around the names it credits so each can link to its person. */
function creditParts(photo: Photo, people: ArchiveContext["people"]): CreditedPhoto["creditParts"] {
  const credit = photo.credit ?? "";
  const parts: CreditedPhoto["creditParts"] = [];
  let from = 0;
  for (const name of photo.photographers) {
    const at = credit.indexOf(name, from);
    if (at < 0) continue;
    if (at > from) parts.push({ text: credit.slice(from, at) });
    parts.push({ name, url: people[name]! });
    from = at + name.length;
  }
  if (from < credit.length) parts.push({ text: credit.slice(from) });
  return parts;
}

/** The lines of the issue file each article spans: from its title to the line before the next article or 版 heading. */
function articleSpans(issue: Issue): Map<Article, { first: number; last: number }> {
  const starts = issue.pages.flatMap((page) => [page.line, ...page.articles.map((article) => article.line)]).sort((a, b) => a - b);
  const spans = new Map<Article, { first: number; last: number }>();
  for (const article of issue.pages.flatMap((page) => page.articles)) {
    const next = starts.find((line) => line > article.line);
    spans.set(article, { first: article.line, last: next === undefined ? Number.POSITIVE_INFINITY : next - 1 });
  }
  return spans;
}

function summariseArticle(issue: Issue, page: Page, article: Article, at: Addresser): ArticleSummary {
  const photos: SitePhoto[] = article.photos.map((photo, index) => {
    const image = imageOf(photo);
    if (!image) return { ...photo };
    const derivatives = issueDerivatives(issue, image, photoUse(article));
    // Only an article page shows photos, and its first photo is its first image.
    const picture = pictureOf(derivatives, photoUse(article), index === 0 ? "eager" : "lazy", at);
    return { ...photo, url: picture.src, picture };
  });
  const path = articlePath(issue.date, page.number, article.number);
  const title = displayTitle(article);
  return {
    path,
    url: at(path),
    number: article.number,
    title,
    phrases: {
      title: phrasesOf(title),
      ...(article.kicker && { kicker: phrasesOf(article.kicker) }),
      ...(article.subtitle && { subtitle: phrasesOf(article.subtitle) }),
    },
    ...(article.kicker && { kicker: article.kicker }),
    ...(article.subtitle && { subtitle: article.subtitle }),
    ...(article.column && { column: article.column }),
    lead: article.lead,
    isPhotoNews: article.isPhotoNews,
    photos,
  };
}

/** The paper as schema.org sees it, at the address of the site's home page. */
export function periodicalOf(config: PaperConfig): PeriodicalFacts {
  return { name: config.paper.name, url: new URL(addresser(pathPrefixOf(config))("/"), config.site.baseUrl).href };
}

/** The records of a run of consecutive issues: their issue, 版 and article pages and /no/ redirects. */
export type IssueRecords = Pick<SiteData, "issues" | "pages" | "articles" | "numberRedirects">;

/** What every page shows of the paper and the site. */
export function sharedRecords(config: PaperConfig): Pick<SiteData, "paper" | "site"> {
  return { paper: config.paper, site: { ...config.site, title: config.site.title ?? config.paper.name, pathPrefix: pathPrefixOf(config) } };
}

/**
 * The records of `issues`, consecutive issues of the archive sorted oldest first; `before` and `after` are the archive's issues just
 * outside them, which the first and last issue link to, and `context` what else they show of the archive. Linear in the number of
 * issues and articles.
 */
export function issueRecords(config: PaperConfig, issues: readonly Issue[], context: ArchiveContext, before?: IssueHeader, after?: IssueHeader): IssueRecords {
  const at = addresser(pathPrefixOf(config));
  const absolute = (address: string) => new URL(address, config.site.baseUrl).href;
  const periodical = periodicalOf(config);
  const around = [...(before ? [before] : []), ...issues, ...(after ? [after] : [])];
  const offset = before ? 1 : 0;
  const summaries = around.map((issue) => summariseIssue(issue, at));
  const issuePages: IssuePageData[] = [];
  const pagePages: PagePageData[] = [];
  const articlePages: ArticlePageData[] = [];

  issues.forEach((issue, issueIndex) => {
    const summary = { ...summaries[issueIndex + offset]!, ...missingPagesOf(issue) };
    const pageSummaries = issue.pages.map((page) => summarisePage(issue, page, at));
    const articleSummaries = issue.pages.map((page) => page.articles.map((article) => summariseArticle(issue, page, article, at)));
    const issueFacts: IssueFacts = { number: issue.number, date: issue.date, url: absolute(summary.url) };
    const factsOf = (page: Page, article: Article, articleSummary: ArticleSummary): ArticleFacts => ({
      headline: articleSummary.title,
      ...(article.subtitle && { subtitle: article.subtitle }),
      authors: authorsOf(article).map((name) => ({ name, url: absolute(context.people[name]!) })),
      page: page.number,
      section: page.name ?? pageLabel(page),
      url: absolute(articleSummary.url),
      images: articleSummary.photos.flatMap((photo) => (photo.url ? [absolute(photo.url)] : [])),
    });
    const issueNeighbours = neighbours(summaries, issueIndex + offset, (other) => ({ url: other.url, label: `${other.dateText} 总第${other.number}期` }));
    issuePages.push({
      ...summary,
      numberUrl: at(numberPath(issue.number)),
      pages: pageSummaries.map((page, index) => ({ ...page, articles: articleSummaries[index]! })),
      social: socialPreview(
        `${summary.dateText} 总第${issue.number}期`,
        issue.pages[0]?.articles[0]?.lead ?? "",
        previewImage(
          issue,
          issue.pages.flatMap((page) => page.articles),
          at,
        ),
      ),
      ...issueNeighbours,
      thisDay: context.thisDay[issue.date]!,
      data: { json: at(apiIssuePath(issue.date)), ...(issue.pages.some((page) => page.scan) && { iiif: at(manifestPath(issue.date)) }) },
      jsonLd: issueJsonLd(
        periodical,
        issueFacts,
        issue.pages.flatMap((page, pageIndex) =>
          page.articles.map((article, articleIndex) => factsOf(page, article, articleSummaries[pageIndex]![articleIndex]!)),
        ),
      ),
    });
    issue.pages.forEach((page, pageIndex) => {
      const scan = scanOf(issue, page, articleSummaries[pageIndex]!, at);
      // The 版's scan is its first picture and loads at once; the thumbnails of 版面导航 below it wait until they are near.
      const siblings = scan
        ? pageSummaries.map((sibling) => (sibling.thumbnail ? { ...sibling, thumbnail: { ...sibling.thumbnail, loading: "lazy" as const } } : sibling))
        : pageSummaries;
      pagePages.push({
        ...pageSummaries[pageIndex]!,
        issue: summary,
        siblings,
        articles: articleSummaries[pageIndex]!,
        description: pageDescription(
          issue.date,
          page,
          articleSummaries[pageIndex]!.map((article) => article.title),
        ),
        ...(scan && { scan }),
        ...neighbours(pageSummaries, pageIndex, (other) => ({ url: other.url, label: other.label })),
        ...(pageIndex === 0 && issueNeighbours.previous && { previousIssue: issueNeighbours.previous }),
        ...(pageIndex === issue.pages.length - 1 && issueNeighbours.next && { nextIssue: issueNeighbours.next }),
      });
    });
    const issueArticles = issue.pages.flatMap((page, pageIndex) =>
      page.articles.map((article, articleIndex) => ({
        article,
        printed: page,
        page: pageSummaries[pageIndex]!,
        summary: articleSummaries[pageIndex]![articleIndex]!,
      })),
    );
    const spans = articleSpans(issue);
    issueArticles.forEach(({ article, printed, page, summary: articleSummary }, index) => {
      const path = articleSummary.path;
      const { citation, files } = citationOf({
        title: articleSummary.title,
        authors: authorsOf(article),
        paper: config.paper.name,
        date: issue.date,
        issueNumber: issue.number,
        page: printed.number,
        section: printed.name ?? pageLabel(printed),
        url: absolute(articleSummary.url),
        ...(printed.scan?.pdf && { pdfUrl: absolute(at(pdfPath(issue, printed.scan.pdf))) }),
        key: citationKey(config.paper.masthead, issue.date, printed.number, article.number),
        path,
        folderUrl: articleSummary.url,
      });
      const byline = bylineOf(article, context.people);
      const span = spans.get(article)!;
      const corrected = correctedOn(context.history[issue.file], span.first, span.last);
      articlePages.push({
        ...articleSummary,
        issue: summary,
        page,
        photos: articleSummary.photos.map((photo) => ({ ...photo, creditParts: creditParts(photo, context.people) })),
        ...(article.dateline && { dateline: article.dateline }),
        ...(byline && { byline }),
        bodyHtml: article.bodyHtml,
        social: socialPreview(articleSummary.title, article.lead, previewImage(issue, [article], at)),
        ...neighbours(issueArticles, index, (other) => ({ url: other.summary.url, label: other.summary.title })),
        citation,
        citationFiles: files,
        jsonLd: articleJsonLd(periodical, issueFacts, factsOf(printed, article, articleSummary)),
        correction: {
          ...(config.repository && { reportUrl: reportUrl(config.repository, issue.file, article.line) }),
          ...(corrected && { correctedOn: corrected }),
        },
      });
    });
  });
  return {
    issues: issuePages,
    pages: pagePages,
    articles: articlePages,
    numberRedirects: issuePages.map((issue) => ({ path: numberPath(issue.number), target: issue.url, number: issue.number })),
  };
}
