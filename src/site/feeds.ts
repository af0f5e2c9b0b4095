// The Atom feeds' records: the latest issues, and the latest articles with their summary and byline; templates/feed.njk writes them
// with @11ty/eleventy-plugin-rss's date helper.
import type { Issue, IssueHeader, PaperConfig } from "../model.ts";
import type { Feed, FeedEntry } from "../site-types.ts";
import { apiIssuePath, articlePath, FEED_PATHS, issuePath } from "../paths.ts";
import { addresser, pathPrefixOf } from "./addresses.ts";
import { authorsOf, dateText, displayTitle, pageLabel } from "./words.ts";

/** Entries in each feed: a month of a daily paper's issues, and about an issue's worth of articles. */
export const FEED_ISSUES = 30;
export const FEED_ARTICLES = 50;

/** When an issue came out, as a feed's date: midnight UTC of its day, as every other date the open data gives. */
function issueTime(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

/**
 * The two feeds: `headers` are every issue's, oldest first; `latest` the newest issues in full, newest first, enough of them for
 * FEED_ARTICLES articles.
 */
export function feedRecords(config: PaperConfig, headers: readonly IssueHeader[], latest: readonly Issue[]): Feed[] {
  const at = addresser(pathPrefixOf(config));
  const absolute = (sitePath: string) => new URL(at(sitePath), config.site.baseUrl).href;
  const title = config.site.title ?? config.paper.name;
  const updated = issueTime(headers.at(-1)?.date ?? "1970-01-01");
  const issues: FeedEntry[] = headers
    .slice(-FEED_ISSUES)
    .reverse()
    .map((header) => ({
      id: absolute(issuePath(header.date)),
      url: absolute(issuePath(header.date)),
      title: `${dateText(header.date)} 总第${header.number}期`,
      updated: issueTime(header.date),
      summary: header.headline ? `头版头条：${header.headline}` : `今日${header.printedPageCount}版`,
      authors: [],
      alternate: absolute(apiIssuePath(header.date)),
    }));
  const articles: FeedEntry[] = latest
    .flatMap((issue) =>
      issue.pages.flatMap((page) =>
        page.articles.map((article) => {
          const url = absolute(articlePath(issue.date, page.number, article.number));
          return {
            id: url,
            url,
            title: displayTitle(article),
            updated: issueTime(issue.date),
            summary: article.lead ? `${article.lead}` : `${dateText(issue.date)} ${pageLabel(page)}`,
            authors: authorsOf(article),
          };
        }),
      ),
    )
    .slice(0, FEED_ARTICLES);
  return [
    {
      path: FEED_PATHS.issues,
      url: absolute(FEED_PATHS.issues),
      title: `${title} · 最新各期`,
      updated,
      home: absolute("/"),
      author: config.paper.name,
      entries: issues,
    },
    {
      path: FEED_PATHS.articles,
      url: absolute(FEED_PATHS.articles),
      title: `${title} · 最新稿件`,
      updated,
      home: absolute("/"),
      author: config.paper.name,
      entries: articles,
    },
  ];
}
