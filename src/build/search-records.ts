// What Pagefind indexes: not the article pages, but one search record per issue, written from the site's records. Pagefind's time, its
// index and the page list the search page must load (pf_meta) all follow the number of (term, record) pairs and of records, so an issue
// of fifteen articles as one record costs a fraction of fifteen records. Each article is a section under a heading whose id names it:
// Pagefind's sub-results then say which article each match is in, with its own locations. A record holds only the article's text spelled
// as segmentation-proof terms (public/js/search-terms.js), weighted by where they stand; what the search page shows of an article comes
// from the record's meta and, for excerpts, from the article's own page.
import { parse } from "node-html-parser";
import { runTerms, spellTerm, textRuns } from "../../public/js/search-terms.js";
import type { ArticlePageData } from "../site-types.ts";

/** How much a match in each part of an article counts, against 1 for its body; Pagefind's data-pagefind-weight. */
const TERM_WEIGHTS = { title: 5, headings: 2 } as const;

/** One search record: where it is written in the search input, and its HTML. */
export interface SearchRecord {
  /** The issue's site path, e.g. /2022/11/01/; the record is written at <path>index.html. */
  path: string;
  html: string;
  /** Articles in it, and the spelled terms it holds: for the bundle's statistics. */
  articles: number;
  terms: number;
}

/** What the search page needs of each article of a record, in the record's meta `a`: [id, title, kicker, subtitle, 版 label, reporters]. */
export type ArticleMeta = [id: string, title: string, kicker: string, subtitle: string, page: string, reporters: string[]];

/** The anchor id of an article: its site path without slashes, e.g. 2022-11-01-1-3 for /2022/11/01/1/3/. */
export function articleAnchor(articlePath: string): string {
  return articlePath.split("/").filter(Boolean).join("-");
}

/** The search records of a part's articles: one an issue, its articles in their order. */
export function searchRecords(articles: readonly ArticlePageData[]): SearchRecord[] {
  const byIssue = new Map<string, ArticlePageData[]>();
  for (const article of articles) {
    const list = byIssue.get(article.issue.path) ?? [];
    list.push(article);
    byIssue.set(article.issue.path, list);
  }
  return [...byIssue.values()].map(recordOf);
}

function recordOf(articles: readonly ArticlePageData[]): SearchRecord {
  const { issue } = articles[0]!;
  let terms = 0;
  const sections = articles.map((article) => {
    const title = spelled(article.title);
    const headings = spelled([article.kicker, article.subtitle, article.column].filter(Boolean).join(" "));
    const body = spelled(bodyText(article));
    terms += title.count + headings.count + body.count;
    // The 版 filter is by number: 第1版 is 要闻 in one issue and 头版 in another, and readers mean the 版.
    const filters = [`page:第${article.page.number}版`, ...reportersOf(article).map((name) => `reporter:${name}`)]
      .map((filter) => `<span data-pagefind-filter="${attribute(filter)}"></span>`)
      .join("");
    // The heading's text must be non-empty for Pagefind to make it an anchor; a mark that is no word keeps it out of the terms.
    return (
      `<section><h2 id="${articleAnchor(article.path)}">·</h2>${filters}` +
      `<div data-pagefind-weight="${TERM_WEIGHTS.title}">${title.text}</div>` +
      `<div data-pagefind-weight="${TERM_WEIGHTS.headings}">${headings.text}</div>` +
      `<div>${body.text}</div></section>`
    );
  });
  const meta: ArticleMeta[] = articles.map((article) => [
    articleAnchor(article.path),
    article.title,
    article.kicker ?? "",
    article.subtitle ?? "",
    article.page.label,
    reportersOf(article),
  ]);
  const html =
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${issue.date}</title></head><body>` +
    `<main data-pagefind-body>` +
    `<span data-pagefind-meta="date:${issue.date}"></span><span data-pagefind-meta="issue:${issue.number}"></span>` +
    `<span data-pagefind-meta="a:${attribute(JSON.stringify(meta))}"></span>` +
    `<span data-pagefind-filter="year:${issue.year}"></span><span data-pagefind-sort="date:${issue.date}"></span>` +
    `${sections.join("")}</main></body></html>`;
  return { path: issue.path, html, articles: articles.length, terms };
}

/** Everything of an article a reader can search for besides its headlines: dateline, body, captions, credits and byline. */
function bodyText(article: ArticlePageData): string {
  return [
    article.dateline?.text ?? "",
    parse(article.bodyHtml).textContent,
    ...article.photos.flatMap((photo) => [photo.caption, photo.credit ?? ""]),
    article.byline?.text ?? "",
  ].join(" ");
}

function reportersOf(article: ArticlePageData): string[] {
  return article.byline ? [...article.byline.reporters, ...article.byline.correspondents].map((person) => person.name) : [];
}

/** A text as spelled terms, and how many there are. */
function spelled(text: string): { text: string; count: number } {
  const terms = textRuns(text).flatMap(runTerms);
  return { text: terms.map(spellTerm).join(" "), count: terms.length };
}

/** Text safe inside a double-quoted HTML attribute. */
function attribute(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
