// Search terms for Chinese that do not depend on word segmentation: the indexer and the search page both turn text into the same terms,
// overlapping pairs of Han characters (bigrams) and runs of letters and digits, each spelled as a plain ASCII word so neither
// Pagefind's indexer nor the browser's word segmenter can split it differently. A spelled term ends in a letter no other place of a
// spelling uses, so that no term is the start of another: Pagefind matches every word it is given as a prefix, and then a term matches
// only itself — except where the search page leaves the end off on purpose, to find a character at the start of any pair.

const HAN = /\p{Script=Han}/u;
const WORD_CHARACTER = /[\p{Script=Han}\p{L}\p{N}]/u;
const NIBBLE_LETTERS = "abcdefghijklmnop";
/** Starts every spelled term, so spelled terms can be told from words of the text. */
export const SPELLED_MARK = "z";
/** Ends every spelled term. */
export const SPELLED_END = "q";

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
 * Spells a term as lowercase ASCII letters (each hex digit of each UTF-16 unit as a letter a–p, then the end mark), a word no segmenter
 * splits or stems and no other term starts with.
 * @param {string} term
 * @returns {string}
 */
export function spellTerm(term) {
  return `${spellStart(term)}${SPELLED_END}`;
}

/**
 * The start of the spellings of every term that starts with `term`: a term without its end mark, which Pagefind matches as a prefix.
 * @param {string} term
 */
export function spellStart(term) {
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
 * @typedef {{ spelled: string, prefix: boolean }} QueryTerm A term to look up: spelled whole, or (prefix) as the start of longer terms.
 * @typedef {{ terms: QueryTerm[] }} Phrase Terms that must stand one after the other in an article, as they do in the text.
 */

/**
 * The terms of one word of a query (text between spaces or punctuation), in the order they stand in the text: each run's terms as the
 * indexer makes them, except that the word's last run may go on in the text (以克论 finds 以克论净) — so its last character alone is left
 * out, and a run of one Han character at the end is looked up as the start of any pair.
 * @param {string[]} runs the word's runs (textRuns)
 * @returns {Phrase}
 */
function wordPhrase(runs) {
  /** @type {QueryTerm[]} */
  const terms = [];
  runs.forEach((run, index) => {
    const runTermsOf = runTerms(run);
    const last = index === runs.length - 1;
    if (!last || !HAN.test(run)) terms.push(...runTermsOf.map((term) => ({ spelled: spellTerm(term), prefix: false })));
    else if (runTermsOf.length === 1) terms.push({ spelled: spellStart(run), prefix: true });
    else terms.push(...runTermsOf.slice(0, -1).map((term) => ({ spelled: spellTerm(term), prefix: false })));
  });
  return { terms };
}

/** A query's words: what stands between spaces and punctuation. @param {string} query */
function queryWords(query) {
  return query.normalize("NFKC").split(/[^\p{Script=Han}\p{L}\p{N}]+/u).filter(Boolean);
}

/**
 * What a reader typed, as phrases: each word between spaces and punctuation must appear as it is, its Han characters and letters and
 * digits in the same order (5G基站 finds “5G基站”, not “基站” alone).
 * @param {string} query
 * @returns {Phrase[]}
 */
export function queryPhrases(query) {
  return queryWords(query).map((word) => wordPhrase(textRuns(word))).filter((phrase) => phrase.terms.length > 0);
}

const wordSegmenter = typeof Intl.Segmenter === "function" ? new Intl.Segmenter("zh-CN", { granularity: "word" }) : undefined;

/**
 * The query split into words by the browser's segmenter, each word still a phrase, for when the phrases found nothing: words that do not
 * stand together in the text can then still all be found. Empty when segmenting finds no word of two characters or more in a Han run, since
 * single characters alone would match almost anything.
 * @param {string} query
 * @returns {Phrase[]}
 */
export function segmentedPhrases(query) {
  const segmenter = wordSegmenter;
  if (!segmenter) return [];
  const runs = textRuns(query);
  const words = runs.flatMap((run) => (HAN.test(run) ? [...segmenter.segment(run)].map((part) => part.segment) : [run]));
  const splitSomething = words.length > runs.length;
  const keptAWord = words.some((word) => HAN.test(word) && [...word].length > 1);
  return splitSomething && keptAWord ? words.map((word) => wordPhrase([word])) : [];
}
