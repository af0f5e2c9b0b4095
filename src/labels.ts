// The label lines right under an article's title: 引题：… 副题：… 栏目：… 作者：… 区域：…, or their English aliases.
import type { Area } from "./model.ts";

export type LabelName = "kicker" | "subtitle" | "column" | "byline" | "area";

/** Every word an editor may write for a label, in the newsroom's words and in English. */
export const LABEL_WORDS: ReadonlyMap<string, LabelName> = new Map([
  ["引题", "kicker"],
  ["副题", "subtitle"],
  ["栏目", "column"],
  ["作者", "byline"],
  ["区域", "area"],
  ["kicker", "kicker"],
  ["subtitle", "subtitle"],
  ["column", "column"],
  ["byline", "byline"],
  ["area", "area"],
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

const AREA_PARTS = ["x", "y", "w", "h"] as const;

/**
 * Reads the value of 区域 (area): the article's rectangle on its 版's scan as `x,y,w,h`, in percent of the scan from its top left corner,
 * e.g. `10,5,40,30`; commas may be full-width or 、, and a number may carry a % sign. Gives the area, or what is wrong with the value.
 */
export function readArea(value: string): { area: Area } | { problem: string } {
  const parts = value.split(/\s*[,，、]\s*|\s+/).filter(Boolean).map((part) => part.replace(/[%％]$/, ""));
  if (parts.length !== 4 || !parts.every((part) => /^-?\d+(\.\d+)?$/.test(part))) {
    return { problem: `must be four numbers x,y,w,h (percent of the scan), but is “${value}”` };
  }
  const [x, y, width, height] = parts.map(Number) as [number, number, number, number];
  const outside = [x, y, width, height].findIndex((number) => number < 0 || number > 100);
  if (outside !== -1) return { problem: `gives ${AREA_PARTS[outside]} = ${parts[outside]}, but every number is a percentage from 0 to 100` };
  if (width === 0 || height === 0) return { problem: `has no size: its width and height must be more than 0` };
  if (x + width > 100) return { problem: `reaches past the scan's right edge: x + w is ${round(x + width)}, more than 100` };
  if (y + height > 100) return { problem: `reaches past the scan's bottom edge: y + h is ${round(y + height)}, more than 100` };
  return { area: { x, y, width, height } };
}

/** A sum of percentages without floating-point noise, e.g. 100.1 rather than 100.10000000000001. */
function round(number: number): number {
  return Math.round(number * 1000) / 1000;
}
