// How the archive's articles are shared out among search bundles. By default each month is a bundle of its own: past months are sealed
// (their bundle never changes again) and the newest month is the live bundle, so a day's issue re-indexes one month's issues, and the
// first issue of a month indexes a bundle of one issue and seals the month before as it is. The search page merges, per query, only the
// bundles the term directory (src/build/term-directory.ts) says hold the query's terms (docs/SEARCH.md). Runs of whole months of one
// year up to a number of articles can be asked for instead (tests use it to check that ranking does not depend on the split).

import { monthOf, yearOf } from "../paths.ts";

/** The most articles one bundle holds: 1, so that every month (never split) is a bundle of its own. */
export const MAX_BUNDLE_ARTICLES = 1;

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
