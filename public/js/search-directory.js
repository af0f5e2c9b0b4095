// The term directory as the indexer writes it and the search page reads it (src/build/term-directory.ts): which shard holds a term, the
// key a lone Han character is looked up by, and which sealed bundles a query must merge, in what order. Pure functions, shared with the
// tests.
import { idf, saturated } from "./search-ranking.js";

/**
 * The shard of a spelled term: FNV-1a over its characters, masked to the shard count (a power of two).
 * @param {string} term @param {number} shards
 */
export function directoryShard(term, shards) {
  let hash = 0x811c9dc5;
  for (let index = 0; index < term.length; index++) hash = Math.imul(hash ^ term.charCodeAt(index), 0x01000193);
  return (hash >>> 0) & (shards - 1);
}

const HAN = /\p{Script=Han}/u;

/**
 * The directory key of a spelled term's first character when it is a Han character: the spelling of that character without the end
 * mark, which is how the search page looks up a lone character as the start of every pair (search-terms.js, spellStart).
 * @param {string} spelled
 * @returns {string | undefined}
 */
export function prefixOfSpelled(spelled) {
  const unit = (/** @type {number} */ at) => parseInt(spelled.slice(1 + at * 4, 5 + at * 4).replace(/[a-p]/g, (letter) => (letter.charCodeAt(0) - 97).toString(16)), 16);
  const first = unit(0);
  if (Number.isNaN(first)) return undefined;
  const isHigh = first >= 0xd800 && first <= 0xdbff;
  const character = isHigh ? String.fromCharCode(first, unit(1)) : String.fromCharCode(first);
  if (!HAN.test(character)) return undefined;
  const key = spelled.slice(0, isHigh ? 9 : 5);
  // A term of one character is its own prefix's only spelling plus the end mark; its key is still the prefix.
  return key.length < spelled.length ? key : undefined;
}

/**
 * @typedef {Map<number, [records: number, most: number]>} TermBundles Each sealed bundle holding a term, by its index in the head.
 * @typedef {{ index: number, bound: number }} PlannedBundle
 */

/**
 * The records of the archive holding a term: those of the sealed bundles, from the directory, and those of the live bundle.
 * @param {TermBundles} bundles @param {number} live
 */
export function recordsHolding(bundles, live) {
  let sum = live;
  for (const [records] of bundles.values()) sum += records;
  return sum;
}

/**
 * Each phrase's rarity in the whole archive: the idf of its least common term's records, since a record holding the phrase holds every
 * term of it. The same whatever bundles are merged, so the ranking does not depend on how the archive is split nor on how much is loaded.
 * @param {string[][]} phraseTerms each phrase's spelled terms @param {Map<string, number>} holding each term's records in the archive
 * @param {number} totalRecords
 */
export function phraseRarity(phraseTerms, holding, totalRecords) {
  return phraseTerms.map((terms) => idf(totalRecords, Math.min(...terms.map((term) => holding.get(term) ?? 0))));
}

/**
 * The sealed bundles that hold every term of the query, each with the best score one of its records could have (the rarity of each
 * phrase times the saturated count of its least frequent term in the record that has most of it), best first and, at equal bounds,
 * newest first; `allowed` keeps to some bundles (the years chosen).
 * @param {string[][]} phraseTerms @param {Map<string, TermBundles>} directory @param {number[]} rarity
 * @param {(index: number) => boolean} [allowed]
 * @returns {PlannedBundle[]}
 */
export function planBundles(phraseTerms, directory, rarity, allowed = () => true) {
  const terms = [...new Set(phraseTerms.flat())];
  const [first, ...rest] = terms.map((term) => directory.get(term) ?? new Map());
  /** @type {PlannedBundle[]} */
  const planned = [];
  for (const index of first?.keys() ?? []) {
    if (!allowed(index) || rest.some((bundles) => !bundles.has(index))) continue;
    const bound = phraseTerms.reduce((sum, phrase, at) => sum + (rarity[at] ?? 0) * saturated(Math.min(...phrase.map((term) => directory.get(term)?.get(index)?.[1] ?? 0))), 0);
    planned.push({ index, bound });
  }
  return planned.sort((a, b) => b.bound - a.bound || b.index - a.index);
}
