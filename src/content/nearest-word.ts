// Which known word a mistyped one was meant to be: the nearest by edits, and for Chinese also by sound, since a label typed with the
// wrong character of the same pinyin (副提, 付题 for 副题) is the commonest slip of a Chinese input method.
import { createRequire } from "node:module";

/** Edits (insertions, deletions, substitutions, swaps of neighbours) that turn `a` into `b`: the optimal string alignment distance. */
export function editDistance<T>(a: readonly T[], b: readonly T[]): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

const HAN = /\p{Script=Han}/u;

/** pinyin-pro is loaded only when a word must be compared by sound, which a build of correct files never needs. */
let toPinyin: ((text: string) => string[]) | undefined;

function syllables(text: string): string[] {
  if (!toPinyin) {
    const { pinyin } = createRequire(import.meta.url)("pinyin-pro") as typeof import("pinyin-pro");
    toPinyin = (word) => pinyin(word, { toneType: "none", type: "array", v: true });
  }
  return toPinyin(text);
}

/** How a word was found near a known one: written differently but sounding the same, or a slip of a few keys. */
export interface Nearness {
  word: string;
  /** Edits between the two, counted in characters or, for Chinese words, in syllables when that is fewer. */
  distance: number;
  /** The Chinese words sound the same (the same syllables, tones aside). */
  homophone: boolean;
}

/**
 * The word of `known` nearest to `word`, or undefined when none is near enough to be a slip: at most one edit for a word of up to five
 * characters, two for a longer one. Words are compared without case; Chinese words also by their pinyin, so a homophone is at distance 0.
 * Ties go to the word listed first.
 */
export function nearestWordOf(word: string, known: readonly string[]): Nearness | undefined {
  const typed = [...word.toLowerCase()];
  const allowed = typed.length <= 5 ? 1 : 2;
  let best: Nearness | undefined;
  for (const candidate of known) {
    const target = [...candidate.toLowerCase()];
    let distance = editDistance(typed, target);
    let homophone = false;
    if (distance > 0 && HAN.test(word) && HAN.test(candidate)) {
      const sounds = editDistance(syllables(word), syllables(candidate));
      homophone = sounds === 0 && typed.length === target.length;
      distance = Math.min(distance, sounds);
    }
    if (distance <= allowed && (!best || distance < best.distance)) best = { word: candidate, distance, homophone };
  }
  return best;
}

/** The nearest known word's spelling, if any is near enough (see nearestWordOf). */
export function nearestWord(word: string, known: readonly string[]): string | undefined {
  return nearestWordOf(word, known)?.word;
}
