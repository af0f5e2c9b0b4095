// Excerpts for search results: the part of an article's text around the first match of the query, with every match marked. Text only, never HTML.
import { SPELLED_MARK, textRuns } from "./search-terms.js";

/** Spelled search terms added to the indexed text (see search-terms.js); they are not shown to readers. */
const SPELLED_TERM = new RegExp(`(^|\\s)${SPELLED_MARK}[a-p]{4,}(?=\\s|$)`, "g");

/**
 * @typedef {{ text: string, marked: boolean }} ExcerptPiece
 */

/**
 * An article's indexed text without the spelled search terms.
 * @param {string} content
 * @returns {string}
 */
export function readableText(content) {
  return content.replace(SPELLED_TERM, "$1").replace(/\s+/g, " ").trim();
}

/**
 * Where the query's runs of characters occur in the text, as [start, end) pairs in order, not overlapping.
 * @param {string} text
 * @param {string} query
 * @returns {[number, number][]}
 */
export function matchRanges(text, query) {
  const haystack = text.toLowerCase();
  /** @type {[number, number][]} */
  const ranges = [];
  for (const run of new Set(textRuns(query))) {
    for (let at = haystack.indexOf(run); at !== -1; at = haystack.indexOf(run, at + run.length)) ranges.push([at, at + run.length]);
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  /** @type {[number, number][]} */
  const merged = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/**
 * The excerpt of `text` for `query`: about `length` characters from a little before the first match, split into marked and unmarked pieces.
 * Without a match, the start of the text.
 * @param {string} text
 * @param {string} query
 * @param {number} [length]
 * @returns {ExcerptPiece[]}
 */
export function excerpt(text, query, length = 120) {
  const ranges = matchRanges(text, query);
  const firstMatch = ranges[0]?.[0] ?? 0;
  const start = Math.max(0, firstMatch - Math.floor(length / 4));
  const end = Math.min(text.length, start + length);
  /** @type {ExcerptPiece[]} */
  const pieces = [];
  let at = start;
  for (const [from, to] of ranges) {
    if (to <= start || from >= end) continue;
    if (from > at) pieces.push({ text: text.slice(at, from), marked: false });
    pieces.push({ text: text.slice(Math.max(from, at), Math.min(to, end)), marked: true });
    at = Math.min(to, end);
  }
  if (at < end) pieces.push({ text: text.slice(at, end), marked: false });
  if (start > 0) pieces.unshift({ text: "…", marked: false });
  if (end < text.length) pieces.push({ text: "…", marked: false });
  return pieces;
}
