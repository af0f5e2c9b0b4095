// Search terms for Chinese that do not depend on word segmentation: the indexer and the search page both turn text into the same terms,
// overlapping pairs of Han characters (bigrams) and runs of letters and digits, each spelled as a plain ASCII word so neither
// Pagefind's indexer nor the browser's word segmenter can split it differently.

const HAN = /\p{Script=Han}/u;
const WORD_CHARACTER = /[\p{Script=Han}\p{L}\p{N}]/u;
const NIBBLE_LETTERS = "abcdefghijklmnop";
/** Starts every spelled term, so spelled terms can be told from words of the text. */
export const SPELLED_MARK = "z";

/**
 * Splits text into the pieces terms are made of: runs of Han characters and runs of other letters and digits, lower-cased.
 * @param {string} text
 * @returns {string[]}
 */
export function textRuns(text) {
  /** @type {string[]} */
  const runs = [];
  let run = "";
  let runIsHan = false;
  for (const character of text.normalize("NFKC").toLowerCase()) {
    const isWord = WORD_CHARACTER.test(character);
    const isHan = isWord && HAN.test(character);
    if (run && (!isWord || isHan !== runIsHan)) {
      runs.push(run);
      run = "";
    }
    if (isWord) {
      run += character;
      runIsHan = isHan;
    }
  }
  if (run) runs.push(run);
  return runs;
}

/**
 * The terms of one run: for Han text its overlapping character pairs plus its last character alone (so every character can start a prefix match);
 * for other text the run itself.
 * @param {string} run
 * @returns {string[]}
 */
export function runTerms(run) {
  const characters = [...run];
  if (!HAN.test(characters[0] ?? "")) return [run];
  const pairs = characters.slice(1).map((character, index) => `${characters[index]}${character}`);
  return [...pairs, characters[characters.length - 1] ?? ""];
}

/**
 * Spells a term as lowercase ASCII letters (each hex digit of each UTF-16 unit as a letter a–p), a word no segmenter splits or stems.
 * @param {string} term
 * @returns {string}
 */
export function spellTerm(term) {
  let spelled = SPELLED_MARK;
  for (let index = 0; index < term.length; index++) spelled += spellCodeUnit(term.charCodeAt(index));
  return spelled;
}

/** @type {string[]} Spellings of UTF-16 code units already seen: indexing a large archive spells the same characters millions of times. */
const codeUnitSpellings = [];

/** @param {number} codeUnit */
function spellCodeUnit(codeUnit) {
  let spelling = codeUnitSpellings[codeUnit];
  if (spelling === undefined) {
    spelling = "";
    for (let shift = 12; shift >= 0; shift -= 4) spelling += NIBBLE_LETTERS[(codeUnit >> shift) & 15];
    codeUnitSpellings[codeUnit] = spelling;
  }
  return spelling;
}

/**
 * The indexed form of a text: every term of every run, spelled, separated by spaces.
 * @param {string} text
 * @returns {string}
 */
export function indexTerms(text) {
  return textRuns(text).flatMap(runTerms).map(spellTerm).join(" ");
}

/**
 * @typedef {{ terms: string[], exact: boolean }} TermGroup
 * Spelled terms that must stand together in an article, in this order. `exact` groups are checked word for word; a group of one Han
 * character is left to Pagefind's prefix matching, which finds the character inside longer runs.
 */

/**
 * The group of one run of a query: a Han run's character pairs (its last character alone only when the run is one character), or a run of
 * letters and digits as it is.
 * @param {string} run
 * @returns {TermGroup}
 */
function runGroup(run) {
  const terms = runTerms(run);
  const isSingleHanCharacter = terms.length === 1 && HAN.test(run);
  return { terms: (terms.length > 1 ? terms.slice(0, -1) : terms).map(spellTerm), exact: !isSingleHanCharacter };
}

/**
 * What a reader typed, as phrases: each unbroken run of Han characters must appear as it is, and so must each word of letters and digits.
 * @param {string} query
 * @returns {TermGroup[]}
 */
export function phraseGroups(query) {
  return textRuns(query).map(runGroup);
}

const wordSegmenter = typeof Intl.Segmenter === "function" ? new Intl.Segmenter("zh-CN", { granularity: "word" }) : undefined;

/**
 * The query split into words by the browser's segmenter, each word still a phrase, for when the phrases found nothing: words that do not
 * stand together in the text can then still all be found. Empty when segmenting finds no word of two characters or more in a Han run, since
 * single characters alone would match almost anything.
 * @param {string} query
 * @returns {TermGroup[]}
 */
export function segmentedGroups(query) {
  const segmenter = wordSegmenter;
  if (!segmenter) return [];
  const runs = textRuns(query);
  const words = runs.flatMap((run) => (HAN.test(run) ? [...segmenter.segment(run)].map((part) => part.segment) : [run]));
  const splitSomething = words.length > runs.length;
  const keptAWord = words.some((word) => HAN.test(word) && [...word].length > 1);
  return splitSomething && keptAWord ? words.map(runGroup) : [];
}
