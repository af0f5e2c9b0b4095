// How the search page ranks what Pagefind finds, with the statistics of the whole archive rather than of each search bundle: Pagefind
// scores every bundle with its own counts, so a bundle of one month and a bundle of a year would rank the same article differently.
// Records (one an issue) are ranked by how often each group of terms occurs in them, weighted by how rare the group is in the archive;
// the articles of the records opened are ranked by BM25 on their own weighted matches and length. Nothing here depends on how the
// archive is split into bundles, so the same archive split otherwise ranks the same. Pure functions, shared with the tests.

/** BM25's saturation and length normalisation. */
export const K1 = 1.2;
export const B = 0.75;

/**
 * The inverse document frequency of a group of terms in the archive: rarer groups count for more.
 * @param {number} total records in the archive
 * @param {number} containing records holding the group
 */
export function idf(total, containing) {
  return Math.log((total - containing + 0.5) / (containing + 0.5) + 1);
}

/**
 * A term frequency saturated, and normalised by length when one is given.
 * @param {number} frequency weighted count of matches
 * @param {number} [length] the article's length in terms
 * @param {number} [averageLength] the archive's average
 */
export function saturated(frequency, length, averageLength) {
  const norm = length !== undefined && averageLength ? 1 - B + (B * length) / averageLength : 1;
  return (frequency * (K1 + 1)) / (frequency + K1 * norm);
}

/**
 * @typedef {{ id: string, counts: number[] }} RecordHits Each group's number of matches in one record, in the order of the groups.
 * @typedef {{ id: string, score: number }} Ranked
 */

/**
 * Records ranked by their matches: the sum over groups of the group's rarity times its saturated count; ties by id, so the order does not
 * depend on the order the bundles answered in.
 * @param {RecordHits[]} records
 * @param {number[]} rarity each group's idf
 * @returns {Ranked[]}
 */
export function rankRecords(records, rarity) {
  return records
    .map(({ id, counts }) => ({ id, score: counts.reduce((sum, count, group) => sum + (rarity[group] ?? 0) * saturated(count), 0) }))
    .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * @typedef {{ weight: number, location: number }} Location
 * @typedef {{ id: string, location: number }} Anchor An article's heading in a record, where its terms start.
 * @typedef {{ id: string, length: number, weights: number[] }} ArticleHits An article's weighted matches of each group.
 */

/**
 * The articles of one record that hold every group, with their weighted matches: each group's locations in the record (from Pagefind) are
 * shared out to the articles whose headings precede them.
 * @param {Anchor[]} anchors in the record's order
 * @param {number} wordCount the record's terms
 * @param {Location[][]} groups each group's locations in the record
 * @returns {ArticleHits[]}
 */
export function articlesHolding(anchors, wordCount, groups) {
  const sorted = [...anchors].sort((a, b) => a.location - b.location);
  const articles = sorted.map((anchor, index) => ({
    id: anchor.id,
    length: (sorted[index + 1]?.location ?? wordCount) - anchor.location,
    weights: groups.map(() => 0),
  }));
  groups.forEach((locations, group) => {
    for (const { weight, location } of locations) {
      const article = articleAt(sorted, location);
      const holder = articles[article];
      if (holder) holder.weights[group] = (holder.weights[group] ?? 0) + weight;
    }
  });
  return articles.filter((article) => article.weights.every((weight) => weight > 0));
}

/** The index of the last anchor at or before `location`, or -1. @param {Anchor[]} sorted @param {number} location */
function articleAt(sorted, location) {
  let low = 0;
  let high = sorted.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((sorted[middle]?.location ?? Infinity) <= location) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

/**
 * An article's relevance: the sum over groups of the group's rarity times its weighted matches, saturated and normalised by length.
 * @param {ArticleHits} article
 * @param {number[]} rarity
 * @param {number} averageLength
 */
export function articleScore(article, rarity, averageLength) {
  return article.weights.reduce((sum, weight, group) => sum + (rarity[group] ?? 0) * saturated(weight, article.length, averageLength), 0);
}

/**
 * Where a phrase starts in a record: the locations of its first term at which each next term stands one place on.
 * @param {number[][]} locations each term's locations in the record, in the phrase's order
 * @returns {number[]}
 */
export function phraseStarts(locations) {
  const [first, ...rest] = locations;
  const following = rest.map((each) => new Set(each));
  return (first ?? []).filter((start) => following.every((set, offset) => set.has(start + offset + 1)));
}
