// Turns the parsed archive into the records the templates render: one per issue, 版, article and year, with every link resolved.
import type { Article, Issue, Page, PaperConfig } from "./model.ts";
import type {
  ArticlePageData, ArticleSummary, CalendarDay, CalendarMonth, IssuePageData, IssueSummary, Link, PagePageData, PageSummary, SiteData, SitePhoto, YearPageData,
} from "./site-types.ts";

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

/** The address of a photo's image, inside its issue's folder; each path segment percent-encoded so URLs stay ASCII. */
export function photoUrl(date: string, src: string): string {
  return issueUrl(date) + src.split("/").map(encodeURIComponent).join("/");
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

function summariseIssue(issue: Issue): IssueSummary {
  const year = issue.date.slice(0, 4);
  return {
    url: issueUrl(issue.date), number: issue.number, date: issue.date, dateText: dateText(issue.date), weekday: issue.weekday,
    lunarDate: issue.lunarDate, printedPageCount: issue.printedPageCount, year, yearUrl: `/archive/${year}/`,
    ...(issue.editor && { editor: issue.editor }), ...(issue.note && { note: issue.note }),
  };
}

function summarisePage(issue: Issue, page: Page): PageSummary {
  return { url: pageUrl(issue.date, page.number), number: page.number, ...(page.name && { name: page.name }), label: pageLabel(page) };
}

function summariseArticle(issue: Issue, page: Page, article: Article): ArticleSummary {
  const photos: SitePhoto[] = article.photos.map((photo) => ({ ...photo, ...(photo.src && { url: photoUrl(issue.date, photo.src) }) }));
  return {
    url: articleUrl(issue.date, page.number, article.number), number: article.number, title: displayTitle(article),
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

/** Builds every record of the site from issues sorted oldest first; linear in the number of issues and articles. */
export function buildSiteData(config: PaperConfig, issues: readonly Issue[]): SiteData {
  const issueSummaries = issues.map(summariseIssue);
  const issuePages: IssuePageData[] = [];
  const pagePages: PagePageData[] = [];
  const articlePages: ArticlePageData[] = [];

  issues.forEach((issue, issueIndex) => {
    const summary = issueSummaries[issueIndex]!;
    const pageSummaries = issue.pages.map((page) => summarisePage(issue, page));
    const articleSummaries = issue.pages.map((page) => page.articles.map((article) => summariseArticle(issue, page, article)));
    issuePages.push({
      ...summary,
      numberUrl: `/no/${issue.number}/`,
      pages: pageSummaries.map((page, index) => ({ ...page, articles: articleSummaries[index]! })),
      ...neighbours(issueSummaries, issueIndex, (other) => ({ url: other.url, label: `${other.dateText} 总第${other.number}期` })),
    });
    issue.pages.forEach((page, pageIndex) => {
      pagePages.push({
        ...pageSummaries[pageIndex]!, issue: summary, siblings: pageSummaries, articles: articleSummaries[pageIndex]!,
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
        ...neighbours(issueArticles, index, (other) => ({ url: other.summary.url, label: other.summary.title })),
      });
    });
  });

  const issueByDate = new Map(issueSummaries.map((summary) => [summary.date, summary]));
  const yearNames = [...new Set(issueSummaries.map((summary) => summary.year))].sort().reverse();
  const years: YearPageData[] = yearNames.map((year) => {
    const months = yearCalendar(Number(year), issueByDate);
    return { year, url: `/archive/${year}/`, issueCount: months.reduce((sum, month) => sum + month.issueCount, 0), months };
  });
  years.forEach((year, index) => {
    // `years` is newest first: the previous year is the next item.
    const older = years[index + 1];
    const newer = years[index - 1];
    if (older) year.previous = { url: older.url, label: `${older.year}年` };
    if (newer) year.next = { url: newer.url, label: `${newer.year}年` };
  });

  const latest = issues.at(-1);
  const home = latest ? pagePages.find((page) => page.issue.date === latest.date) : undefined;
  return {
    paper: config.paper,
    site: { ...config.site, title: config.site.title ?? config.paper.name },
    issues: issuePages,
    pages: pagePages,
    articles: articlePages,
    years,
    ...(home && { home }),
    numberRedirects: issueSummaries.map((summary) => ({ url: `/no/${summary.number}/`, target: summary.url, number: summary.number })),
  };
}

/** Each image the site shows: where it is in the content (relative to the content root) and where it is published (relative to the site root). */
export function publishedImages(issues: readonly Issue[]): { source: string; target: string }[] {
  return issues.flatMap((issue) =>
    issue.pages.flatMap((page) => page.articles.flatMap((article) => article.photos))
      .filter((photo): photo is typeof photo & { src: string } => photo.src !== undefined)
      .map((photo) => ({ source: `${issue.file.replace(/\.md$/, "")}/${photo.src}`, target: `${issueUrl(issue.date).slice(1)}${photo.src}` })));
}
