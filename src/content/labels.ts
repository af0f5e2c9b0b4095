// The label block: the lines right under an article's title, 引题：… 副题：… 栏目：… 作者：… 区域：… (or their synonyms and English
// words). A line there shaped like a label is a label or a mistake; a misspelt one is reported at its line with the label it was meant to
// be, rather than published as the article's first paragraph.
import type { Heading, Paragraph, RootContent } from "mdast";
import { toString as textOf } from "mdast-util-to-string";
import type { Area, AreaFault } from "../model.ts";
import { problem, type Problem } from "../problems.ts";
import { lineOf, type NodeContext } from "./mdast-text.ts";
import { nearestWordOf } from "./nearest-word.ts";
import { shortText } from "../util/shown.ts";

export type LabelName = "kicker" | "subtitle" | "column" | "byline" | "area";

/**
 * The words accepted for each label: the paper's own word first, then the other names newsrooms use for the same thing (肩题 and 眉题 are
 * what many papers call the 引题, 副标题 and 子题 the 副题), the same words in traditional characters, and English. Compared without
 * case, spaces, hyphens or full-width forms, so `Sub-title` and `ｓｕｂｔｉｔｌｅ` are `subtitle`.
 */
export const LABELS: Readonly<Record<LabelName, readonly string[]>> = {
  kicker: ["引题", "肩题", "眉题", "引題", "肩題", "眉題", "kicker", "overline", "eyebrow"],
  subtitle: ["副题", "副标题", "子题", "副題", "副標題", "子題", "subtitle", "subheading", "subhead", "deck"],
  column: ["栏目", "专栏", "栏题", "欄目", "專欄", "欄題", "column", "rubric"],
  byline: ["作者", "署名", "author", "byline"],
  area: ["区域", "热区", "區域", "熱區", "area", "hotspot"],
};

/** Every accepted word, as compared, with its label. */
const LABEL_WORDS: ReadonlyMap<string, LabelName> = new Map(
  (Object.entries(LABELS) as [LabelName, readonly string[]][]).flatMap(([name, words]) => words.map((word) => [comparable(word), name] as const)),
);

/** Words that mean the article's title, which is written on the ## line, not as a label. */
const TITLE_WORDS = new Set(["标题", "主题", "主标题", "正题", "大标题", "標題", "主題", "title", "headline", "heading"]);

/** Schemes of addresses, whose colon is not a label's: a line such as http://… under a title is text. */
const SCHEMES = new Set(["http", "https", "mailto", "ftp"]);

/** How a word is compared: NFKC (full-width letters and colons to ASCII), lower case, without spaces, hyphens or underscores. */
function comparable(word: string): string {
  return word
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s_\-‐-―]+/gu, "");
}

export interface LabelLine {
  /** The word as written, e.g. 副题. */
  word: string;
  /** The label it names, or undefined for a word that is not a label. */
  name?: LabelName;
  value: string;
}

/** Longest label word, as compared; a longer word before a colon starts a sentence, not a label. */
const MAX_WORD = 12;

/**
 * Reads a line written as `word：value` or `word: value` (any colon: ：, :, ︰, ﹕); undefined when the line is not shaped like a label.
 * A word may be spaced out (副 题, Sub title), but not a phrase (记者 张三：), which is text.
 */
export function readLabelLine(line: string): LabelLine | undefined {
  const match = /^\s*([\p{L}\p{N}][\p{L}\p{N}\p{M}_\-\s]*?)\s*[：:︰﹕]\s*(.*?)\s*$/u.exec(line);
  if (!match) return undefined;
  const word = match[1]!;
  const compared = comparable(word);
  if (compared.length === 0 || [...compared].length > MAX_WORD || /^\p{N}+$/u.test(compared)) return undefined;
  // Spaced out, a label is a few Han characters (副 题) or two Latin words (Sub title); 记者 张三： is a sentence.
  if (/\s/u.test(word) && !/^\p{Script=Han}(?:\s+\p{Script=Han}){1,3}$/u.test(word) && !/^\p{Script=Latin}+\s+\p{Script=Latin}+$/u.test(word)) return undefined;
  if (SCHEMES.has(compared) || match[2]!.startsWith("//")) return undefined;
  const name = LABEL_WORDS.get(compared);
  return { word, ...(name && { name }), value: match[2]! };
}

/** What a label word that is not a label was probably meant to be: the nearest accepted word, and whether it is a plain slip of sound. */
function guessLabel(word: string): { suggestion?: string; homophone: boolean; titleWord: boolean } {
  if (TITLE_WORDS.has(comparable(word))) return { titleWord: true, homophone: false };
  const near = nearestWordOf(comparable(word), [...LABEL_WORDS.keys()]);
  const suggestion =
    near &&
    Object.values(LABELS)
      .flat()
      .find((accepted) => comparable(accepted) === near.word);
  return { ...(suggestion && { suggestion }), homophone: near?.homophone ?? false, titleWord: false };
}

export interface LabelBlock {
  labels: Partial<Record<LabelName, string>>;
  area?: Area;
  /** The article's nodes after the label block. */
  rest: RootContent[];
  problems: Problem[];
}

/**
 * Takes the label block off the front of an article's nodes. The block is the first paragraph when its first line is a label; also when
 * it is a label-shaped line right under the title (no blank line between), or a near miss of a label after one (副提：, subtitel:) — then
 * each line that is not a label is a problem at its line, and the block is not read as text.
 */
export function takeLabels(heading: Heading, nodes: RootContent[], context: NodeContext): LabelBlock {
  const labels: Partial<Record<LabelName, string>> = {};
  const problems: Problem[] = [];
  const first = labelBlockOf(heading, nodes);
  if (!first) return { labels, rest: nodes, problems };
  const rest = nodes.slice(1);
  let area: Area | undefined;
  let recognised = false;
  const firstLine = lineOf(first, context);
  textOf(first, { includeHtml: false })
    .split("\n")
    .forEach((text, index) => {
      const label = readLabelLine(text);
      const where = { file: context.file, line: firstLine + index };
      if (!label) {
        problems.push(problem("UnknownLabel", where, { text: shortText(text.trim()) }));
        return;
      }
      const at = { ...where, field: label.word };
      if (!label.name) {
        const { suggestion, titleWord } = guessLabel(label.word);
        problems.push(problem("UnknownLabel", at, { word: label.word, ...(suggestion && { suggestion }), ...(titleWord && { titleWord }) }));
        return;
      }
      recognised = true;
      if (label.value === "") {
        problems.push(problem("EmptyLabel", at, { word: label.word }));
      } else if (labels[label.name] !== undefined) {
        problems.push(problem("DuplicateLabel", at, { word: label.word }));
      } else {
        labels[label.name] = label.value;
        if (label.name !== "area") return;
        const read = readArea(label.value);
        if ("area" in read) area = read.area;
        else problems.push(problem("InvalidArea", at, { word: label.word, ...read.fault }));
      }
    });
  // A block with no label in it is not taken off the body, so the article is not reported empty as well.
  return { labels, ...(area && { area }), rest: recognised ? rest : nodes, problems };
}

/** The paragraph under `heading` that is its label block (see takeLabels), or undefined when the article has none. */
export function labelBlockOf(heading: Heading, nodes: readonly RootContent[]): Paragraph | undefined {
  const first = nodes[0];
  return first?.type === "paragraph" && isLabelBlock(heading, first) ? first : undefined;
}

/** Whether the paragraph under `heading` is its label block (see takeLabels). */
function isLabelBlock(heading: Heading, paragraph: Paragraph): boolean {
  const firstLine = textOf(paragraph, { includeHtml: false }).split("\n")[0] ?? "";
  const label = readLabelLine(firstLine);
  if (!label) return false;
  if (label.name) return true;
  const rightUnderTitle = paragraph.position && heading.position && paragraph.position.start.line === heading.position.end.line + 1;
  if (rightUnderTitle) return true;
  // After a blank line, body text may well open with `word：` (记者：…, 会议指出：…); only a label misspelt by sound or by a key counts.
  const guess = guessLabel(label.word);
  return guess.homophone || (guess.suggestion !== undefined && !/\p{Script=Han}/u.test(label.word));
}

const AREA_PARTS = ["x", "y", "w", "h"] as const;

/**
 * Reads the value of 区域 (area): the article's rectangle on its 版's scan as `x,y,w,h`, in percent of the scan from its top left corner,
 * e.g. `10,5,40,30`; commas may be full-width or 、, and a number may carry a % sign. Gives the area, or what is wrong with the value.
 */
export function readArea(value: string): { area: Area } | { fault: AreaFault } {
  const parts = value
    .split(/\s*[,，、]\s*|\s+/)
    .filter(Boolean)
    .map((part) => part.replace(/[%％]$/, ""));
  if (parts.length !== 4 || !parts.every((part) => /^-?\d+(\.\d+)?$/.test(part))) return { fault: { fault: "shape", value: shortText(value) } };
  const [x, y, width, height] = parts.map(Number) as [number, number, number, number];
  const outside = [x, y, width, height].findIndex((number) => number < 0 || number > 100);
  if (outside !== -1) return { fault: { fault: "outside", part: AREA_PARTS[outside]!, value: parts[outside]! } };
  if (width === 0 || height === 0) return { fault: { fault: "noSize" } };
  if (x + width > 100) return { fault: { fault: "pastRight", sum: round(x + width) } };
  if (y + height > 100) return { fault: { fault: "pastBottom", sum: round(y + height) } };
  return { area: { x, y, width, height } };
}

/** An area as its label's value is written (by the importer and the preview): x,y,w,h in percent, e.g. 5,16.5,60,39. */
export function areaValue({ x, y, width, height }: Area): string {
  return [x, y, width, height].join(",");
}

/** A sum of percentages without floating-point noise, e.g. 100.1 rather than 100.10000000000001. */
function round(number: number): number {
  return Math.round(number * 1000) / 1000;
}
