// The label lines right under an article's title: 引题：… 副题：… 栏目：… 作者：…, or their English aliases.

export type LabelName = "kicker" | "subtitle" | "column" | "byline";

/** Every word an editor may write for a label, in the newsroom's words and in English. */
export const LABEL_WORDS: ReadonlyMap<string, LabelName> = new Map([
  ["引题", "kicker"],
  ["副题", "subtitle"],
  ["栏目", "column"],
  ["作者", "byline"],
  ["kicker", "kicker"],
  ["subtitle", "subtitle"],
  ["column", "column"],
  ["byline", "byline"],
]);

export interface LabelLine {
  /** The word as written, e.g. 副题. */
  word: string;
  /** The label it names, or undefined for a word that is not a label. */
  name?: LabelName;
  value: string;
}

/** Reads a line written as `word：value` or `word: value`; undefined when the line is not shaped like a label. */
export function readLabelLine(line: string): LabelLine | undefined {
  const match = /^\s*([\p{L}\p{N}_-]{1,12})\s*[：:]\s*(.*?)\s*$/u.exec(line);
  if (!match) return undefined;
  const word = match[1] ?? "";
  const name = LABEL_WORDS.get(word.toLowerCase());
  return { word, ...(name && { name }), value: match[2] ?? "" };
}
