// Excerpts for search results: the part of an article's text around the first match of the query, with every match marked, cut where a
// reader would cut (never inside a number or a word of letters). Text only, never HTML.
import { textRuns } from "./search-terms.js";

/**
 * @typedef {{ text: string, marked: boolean }} ExcerptPiece
 */

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
  const { start, end } = excerptBounds(text, ranges, length);
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

/**
 * Where the excerpt starts and ends in the text.
 * @param {string} text
 * @param {[number, number][]} ranges the query's matches (matchRanges)
 * @param {number} length
 */
export function excerptBounds(text, ranges, length) {
  const firstMatch = ranges[0]?.[0] ?? 0;
  const start = cutBefore(text, Math.max(0, firstMatch - Math.floor(length / 4)), firstMatch);
  return { start, end: cutAfter(text, Math.min(text.length, start + length)) };
}

/** Letters and digits a cut must not fall between: 11月1日 must not become …1月1日 or …1日, nor GDP …DP. */
const UNBROKEN = /[\p{L}\p{N}]/u;
const HAN = /\p{Script=Han}/u;
/** Punctuation after which a sentence's part begins. */
const PAUSE = /[，。；：！？、,.;:!?）)」』”]/u;
/** Chinese words, as the browser's own dictionary (ICU's) divides them, so that 江绍华 is not cut to 绍华. */
const WORDS = typeof Intl.Segmenter === "function" ? new Intl.Segmenter("zh-CN", { granularity: "word" }) : undefined;
/** How far around a cut the words are looked at. */
const WORD_WINDOW = 12;

/** @param {string} character */
function joins(character) {
  return UNBROKEN.test(character) && !HAN.test(character);
}

/**
 * The places between words near `at`, nearest first, not counting the window's own ends (which need not be between words).
 * @param {string} text @param {number} at
 */
function wordBreaksNear(text, at) {
  if (!WORDS) return [];
  const from = Math.max(0, at - WORD_WINDOW);
  const to = Math.min(text.length, at + WORD_WINDOW);
  const breaks = [...WORDS.segment(text.slice(from, to))].map((segment) => from + segment.index).filter((place) => place > from || from === 0);
  if (to === text.length) breaks.push(to);
  return breaks.sort((a, b) => Math.abs(a - at) - Math.abs(b - at));
}

const DIGIT = /\p{N}/u;

/**
 * Whether an excerpt may be cut at `place`: not inside a word of letters, and not beside a number's digits, so that 11月1日 and 4.8% stay
 * whole with their units. @param {string} text @param {number} place
 */
function mayCut(text, place) {
  if (place <= 0 || place >= text.length) return true;
  const before = text[place - 1] ?? "";
  const after = text[place] ?? "";
  const wordish = (/** @type {string} */ character) => UNBROKEN.test(character);
  if ((DIGIT.test(before) && wordish(after)) || (wordish(before) && DIGIT.test(after))) return false;
  return !(joins(before) && joins(after));
}

/**
 * Where an excerpt may start near `at` (and not after `match`): after a pause a few characters back, or else after the last pause before the
 * match, or else between two words; never inside a number or a word of letters.
 * @param {string} text @param {number} at @param {number} match
 */
function cutBefore(text, at, match) {
  if (at === 0) return 0;
  for (let back = at; back > Math.max(0, at - 12); back--) if (PAUSE.test(text[back - 1] ?? "")) return back;
  for (let forward = match; forward > at; forward--) if (PAUSE.test(text[forward - 1] ?? "")) return forward;
  const between = wordBreaksNear(text, at).find((place) => place <= at && mayCut(text, place));
  if (between !== undefined) return Math.min(between, match);
  let start = at;
  while (!mayCut(text, start)) start--;
  return Math.min(start, match);
}

/**
 * Where an excerpt may end at or a little after `at`: after the next pause if one is near, or else between two words; never inside a
 * number or a word of letters.
 * @param {string} text @param {number} at
 */
function cutAfter(text, at) {
  if (at >= text.length) return text.length;
  for (let forward = at; forward < Math.min(text.length, at + 16); forward++) if (PAUSE.test(text[forward] ?? "")) return forward + 1;
  const between = wordBreaksNear(text, at).find((place) => place >= at && mayCut(text, place));
  if (between !== undefined) return between;
  let end = at;
  while (!mayCut(text, end)) end++;
  return end;
}
