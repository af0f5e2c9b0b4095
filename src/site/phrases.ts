// Splits a headline into the phrases a line may break between, so titles, kickers and subtitles wrap between words as a typesetter would
// break them (我区设分会场 / 组织收听收看, never 分会 / 场): Chromium has no Chinese word breaker (word-break: auto-phrase is for Japanese
// only) and ICU's, in Node, splits words such as 攻坚 and 疫情, so the words come from jieba's dictionary. The page puts a <wbr> between
// phrases and the stylesheet's word-break: keep-all allows no other break.
import { createRequire } from "node:module";
import type { Jieba } from "@node-rs/jieba";

const require = createRequire(import.meta.url);
/** Loaded on the first headline (about a quarter of a second), so commands that render nothing never pay for the dictionary. */
let jieba: Jieba | undefined;

/** Punctuation that belongs to the phrase before it, and the one after it. */
const CLOSING = /^[”’」』》〉）)\]】，。、；：？！…—·,.;:?!%]+$/u;
const OPENING = /^[“‘「『《〈（([【]+$/u;
const HAN = /^\p{Script=Han}$/u;
/** A phrase ending in a figure, which keeps the unit after it: 2022年, 10月, 5个. */
const FIGURE_END = /[0-9０-９%]$/u;

/**
 * The phrases of `text`, which join back into it: jieba's words, with punctuation kept on the phrase it belongs to and a single character
 * kept with the word after it (我区设分会场, not a break after 我), a figure with its unit (10月). Spaces stay phrases of their own, where
 * lines break anyway.
 */
export function phrasesOf(text: string): string[] {
  jieba ??= loadJieba();
  const phrases: string[] = [];
  for (const word of jieba.cut(text, false)) {
    const last = phrases.at(-1);
    if (last !== undefined && (CLOSING.test(word) || (FIGURE_END.test(last) && HAN.test(word)))) phrases[phrases.length - 1] = last + word;
    else if (last !== undefined && last !== " " && (OPENING.test(last) || HAN.test(last)) && word !== " ") phrases[phrases.length - 1] = last + word;
    else phrases.push(word);
  }
  return phrases;
}

/**
 * The HTML of a text's phrases, each escaped by `escaped` (the templates' own escape), with a <wbr> between them, so a headline, under the
 * stylesheet's word-break: keep-all, breaks only between words. A text of several parts set apart by spaces (a 副题 of two phrases:
 * 分析研究当前经济形势和经济工作 我区设分会场组织收听收看) has each part in a run of its own that the stylesheet keeps whole while it fits,
 * so a line breaks first at the space, then between words. Written here rather than as a template macro: a macro's loop set eight
 * variables a phrase, 2.2 s of the 8.6 s that the people pages of a year's first issue took to render at 11,000 issues.
 */
export function phrasedHtml(phrases: readonly string[], escaped: (text: string) => string): string {
  if (!phrases.includes(" ")) return phrases.map(escaped).join("<wbr>");
  let html = '<span class="phrase-run">';
  phrases.forEach((phrase, index) => {
    if (phrase === " ") html += '</span> <span class="phrase-run">';
    else html += (index > 0 && phrases[index - 1] !== " " ? "<wbr>" : "") + escaped(phrase);
  });
  return `${html}</span>`;
}

function loadJieba(): Jieba {
  const { Jieba: JiebaClass } = require("@node-rs/jieba") as typeof import("@node-rs/jieba");
  const { dict } = require("@node-rs/jieba/dict") as { dict: Uint8Array };
  return JiebaClass.withDict(dict);
}
