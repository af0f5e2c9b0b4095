// How the archive's articles are shared out among search bundles. Pagefind holds a whole index in memory while it writes it (about
// 0.65 MB per article here), so one index for decades of daily issues cannot be built on one machine. Each bundle is a run of whole
// months of one year, at most MAX_BUNDLE_ARTICLES articles, and the newest month is a bundle of its own; the search page merges them all
// (Pagefind's mergeIndex). A bundle depends only on the articles of its own months, so the day's new issue re-indexes the newest month
// alone, and the first issue of a month re-indexes the month before it too, as it joins its neighbours.

import { monthOf, yearOf } from "../paths.ts";

/** The most articles one bundle holds; about 2 GB of Pagefind's memory while it is written. */
export const MAX_BUNDLE_ARTICLES = 3000;

export interface SearchBundle {
  /** The bundle's first month, YYYY-MM; names its folder. */
  key: string;
  /** The months it holds, YYYY-MM, oldest first. */
  months: string[];
}

/**
 * The bundles for articles dated `date` (YYYY-MM-DD), oldest first: the newest month alone, and within each year the months before it
 * added to a bundle in order until the next would take it past `maxArticles`. A month is never split, so a month with more articles than
 * that is a bundle of its own.
 */
export function searchBundles(articleDates: Iterable<string>, maxArticles = MAX_BUNDLE_ARTICLES): SearchBundle[] {
  const perMonth = new Map<string, number>();
  for (const date of articleDates) {
    const month = monthOf(date);
    perMonth.set(month, (perMonth.get(month) ?? 0) + 1);
  }
  const groups: { months: string[]; articles: number }[] = [];
  const months = [...perMonth.keys()].sort();
  const newest = months.at(-1);
  for (const month of months) {
    const articles = perMonth.get(month)!;
    const last = groups.at(-1);
    if (month !== newest && last && yearOf(last.months[0]!) === yearOf(month) && last.articles + articles <= maxArticles) {
      last.months.push(month);
      last.articles += articles;
    } else {
      groups.push({ months: [month], articles });
    }
  }
  return groups.map(({ months }) => ({ key: months[0]!, months }));
}
