// How the site names things, in the paper's words: dates as 2022年11月1日, 版 as 第2版 非凡十年 铸就辉煌, photo news without a headline as 图片新闻.
import type { Article, Page } from "../model.ts";

/** What a reader sees as the title of photo news printed without a headline. */
export const PHOTO_NEWS_TITLE = "图片新闻";

/** 2022-11-01 → 2022年11月1日. */
export function dateText(date: string): string {
  return `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** 第2版 非凡十年 铸就辉煌, or 第2版 for a 版 without a name. */
export function pageLabel(page: Pick<Page, "number" | "name">): string {
  return page.name ? `第${page.number}版 ${page.name}` : `第${page.number}版`;
}

/**
 * Who an article is by, wherever a machine reads it (citations, their files and tags, JSON-LD, the feed): the byline's reporters, then
 * its correspondents, then the photographers, who are the authors of photo news and of an article that names no one else.
 */
export function authorsOf(article: Pick<Article, "byline" | "photos" | "isPhotoNews">): string[] {
  const credited = [...(article.byline?.reporters ?? []), ...(article.byline?.correspondents ?? [])];
  const photographers = credited.length === 0 || article.isPhotoNews ? article.photos.flatMap((photo) => photo.photographers) : [];
  return [...new Set([...credited, ...photographers])];
}

export function displayTitle(article: Pick<Article, "title">): string {
  return article.title || PHOTO_NEWS_TITLE;
}

/** What a search engine shows for a 版: its date, its label and its headlines, e.g. 2022年11月1日 第1版：省委常委会召开扩大会议；…. */
export function pageDescription(date: string, page: Pick<Page, "number" | "name">, titles: readonly string[]): string {
  return shortDescription(`${dateText(date)} ${pageLabel(page)}：${titles.join("；")}`);
}

/** A description for social previews: the lead, cut at about 120 characters. */
export function shortDescription(lead: string): string {
  const characters = [...lead];
  return characters.length <= 120 ? lead : `${characters.slice(0, 119).join("")}…`;
}

/** Months of the solar year as a reader lists them, runs joined: [1, 2, 3, 12] → 1月至3月、12月. */
export function monthRuns(months: readonly number[]): string {
  const runs: [number, number][] = [];
  for (const month of months) {
    const last = runs.at(-1);
    if (last && last[1] === month - 1) last[1] = month;
    else runs.push([month, month]);
  }
  return runs.map(([from, to]) => (from === to ? `${from}月` : to === from + 1 ? `${from}月、${to}月` : `${from}月至${to}月`)).join("、");
}
