// A group of headline lines — the print lines between one item and the next dateline or body — read as banner, kicker (引题), title and subtitle (副题).
// Layout exports lose type sizes, so this reads what is left (line lengths, spaces, the words at the seams) and lists every reading it is not sure of.
import type { ImportedText } from "./types.ts";
import { judged, type Judgement } from "../messages/judgements.ts";

export interface Headlines {
  /** The page's banner, when the group opens a 版. */
  banner?: ImportedText;
  kicker?: ImportedText;
  /** The title; absent when the group was only a banner. Judgements on the whole group are listed on it. */
  title?: ImportedText;
  subtitle?: ImportedText;
}

export interface HeadlineContext {
  /** The group is the first thing under a page break, where a banner is printed. */
  atPageStart: boolean;
  /** What follows the group is a photo caption, not an article's body. */
  beforeCaption: boolean;
}

/** A subtitle's usual opening: the paper's own district takes up the story (我区设分会场…, 本市…). */
const LOCAL_ANGLE = /^[我本](?:区|市|县|省|镇|乡|街道|校|院)/u;
/** A title that ends with its event (…会议召开) is complete; what follows is probably a subtitle. */
const EVENT_END = /(?:召开|举行|举办|开幕|闭幕|启动|开班|成立|揭牌|签约|开工|落幕|发布|开展)$/u;
/** A kicker ends with a dash or a colon leading into the title. */
const KICKER_END = /(?:——|—|：|:)$/u;
/** A print line ending with a joining word, or the next starting with one, is one phrase broken in two. */
const JOINING_END = /[暨与和及的之并、]$/u;
const JOINING_START = /^[的之与和及暨并]/u;
/** Parts of a two-part (parallel) title are short and about as long as each other. */
const PARALLEL_PART_MAX = 9;
const PARALLEL_LENGTH_DIFFERENCE = 3;
/** A headline part this long fills a print line, so a space after it is more likely a line break than a pause. */
const FULL_LINE = 10;
/** A banner is a short line: 要闻, 非凡十年 铸就辉煌. */
const BANNER_MAX = 12;
/** A kicker printed on its own line over a longer title is short. */
const KICKER_MAX = 8;

/** Reads a group of one or more headline lines. */
export function readHeadlines(lines: readonly string[], context: HeadlineContext): Headlines {
  const rest = [...lines];
  let banner: ImportedText | undefined;
  if (context.atPageStart && isBanner(rest, context.beforeCaption)) {
    const text = rest.shift()!;
    banner = { text, checks: [judged("BannerRead", { text })] };
  }
  const headlines = rest.length === 0 ? {} : readTitleLines(rest);
  return { ...(banner && { banner }), ...headlines };
}

/** Whether the group's first line is the page's banner rather than a kicker or the title. */
function isBanner(lines: readonly string[], beforeCaption: boolean): boolean {
  const [first, second] = lines;
  if (first === undefined || length(first) > BANNER_MAX || KICKER_END.test(first)) return false;
  if (second === undefined) return beforeCaption;
  if (lines.length >= 3) return true;
  return !LOCAL_ANGLE.test(second) && !joins(first, second);
}

/** Kicker, title and subtitle from the lines left once any banner is taken. */
function readTitleLines(lines: readonly string[]): Omit<Headlines, "banner"> {
  const [first, second, ...more] = lines as [string, ...string[]];
  if (second === undefined) return splitHeadlineLine(first);
  const group = [...lines];

  if (more.length > 0) {
    if (joins(first, second)) return withCheck(titleAndSubtitle(joinLines(first, second), more.join(" ")), judged("TitleJoinedSubtitleRest", { lines: group }));
    if (LOCAL_ANGLE.test(second))
      return withCheck(titleAndSubtitle(titleParts(first), [second, ...more].join(" ")), judged("TitleAndLongSubtitle", { lines: group }));
    const reading = { kicker: { text: first, checks: [] }, ...titleAndSubtitle(titleParts(second), more.join(" ")) };
    return more.length > 1 ? withCheck(reading, judged("KickerTitleSubtitle", { lines: group })) : reading;
  }

  if (KICKER_END.test(first)) return { kicker: { text: first, checks: [] }, ...splitHeadlineLine(second) };
  if (joins(first, second)) return { title: joinLines(first, second) };
  if (LOCAL_ANGLE.test(second) || /\s/.test(second) || EVENT_END.test(first)) return titleAndSubtitle(titleParts(first), second);
  if (EVENT_END.test(second)) {
    return withCheck({ kicker: { text: first, checks: [] }, title: titleParts(second) }, judged("KickerAndEventTitle", { lines: group }));
  }
  if (length(first) >= FULL_LINE && length(second) < length(first)) {
    return withCheck({ title: joinLines(first, second) }, judged("TitleLinesJoined", { lines: group }));
  }
  if (length(first) <= KICKER_MAX && length(second) > length(first)) {
    return withCheck({ kicker: { text: first, checks: [] }, title: titleParts(second) }, judged("KickerAndTitle", { lines: group }));
  }
  return withCheck(titleAndSubtitle(titleParts(first), second), judged("TitleAndSubtitle", { lines: group }));
}

/** One print line that may hold a kicker, a title and a subtitle separated by spaces. */
function splitHeadlineLine(line: string): Omit<Headlines, "banner"> {
  const parts = line.split(/[\s\u3000]+/u);
  let start = 0;
  let kicker: ImportedText | undefined;
  if (parts.length > 1 && KICKER_END.test(parts[0]!)) {
    kicker = { text: parts[0]!, checks: [] };
    start = 1;
  }
  for (let seam = start + 1; seam < parts.length; seam += 1) {
    const before = parts[seam - 1]!;
    const after = parts[seam]!;
    if (joins(before, after)) continue;
    const local = LOCAL_ANGLE.test(after);
    if (!local && !EVENT_END.test(before)) continue;
    const reading = { ...(kicker && { kicker }), ...titleAndSubtitle(titleParts(parts.slice(start, seam).join(" ")), parts.slice(seam).join(" ")) };
    return local ? reading : withCheck(reading, judged("TitleSplit", { line, before }));
  }
  return { ...(kicker && { kicker }), title: titleParts(parts.slice(start).join(" ")) };
}

/** A title whose parts were separated by spaces: parts of a parallel title keep their space, a title broken over print lines is joined. */
function titleParts(line: string): ImportedText {
  const parts = line.split(/[\s\u3000]+/u);
  let text = parts[0]!;
  const checks: Judgement[] = [];
  for (const [index, part] of parts.slice(1).entries()) {
    const before = parts[index]!;
    if (joins(before, part)) {
      text += part;
    } else if (isParallel(before, part)) {
      text += ` ${part}`;
    } else if (length(before) >= FULL_LINE) {
      text += part;
      checks.push(judged("TitlePartsJoined", { before, part }));
    } else {
      text += ` ${part}`;
      checks.push(judged("TitleSpaceKept", { before, part }));
    }
  }
  return { text, checks };
}

/** A title with its subtitle; the subtitle keeps its spaces (two clauses are printed so), except where a phrase was broken. */
function titleAndSubtitle(title: ImportedText, subtitleLine: string): { title: ImportedText; subtitle: ImportedText } {
  const parts = subtitleLine.split(/[\s\u3000]+/u);
  const text = parts.reduce((joined, part) => (joins(joined, part) ? `${joined}${part}` : `${joined} ${part}`));
  return { title, subtitle: { text, checks: [] } };
}

/** Two print lines of one title: joined without a space. */
function joinLines(first: string, second: string): ImportedText {
  const head = titleParts(first);
  const tail = titleParts(second);
  return { text: `${head.text}${tail.text}`, checks: [...head.checks, ...tail.checks] };
}

/** Adds a judgement on the whole group, listed on its title. */
function withCheck(headlines: Omit<Headlines, "banner">, judgement: Judgement): Omit<Headlines, "banner"> {
  const title = headlines.title ?? { text: "", checks: [] };
  return { ...headlines, title: { text: title.text, checks: [judgement, ...title.checks] } };
}

function joins(before: string, after: string): boolean {
  return JOINING_END.test(before) || JOINING_START.test(after);
}

function isParallel(before: string, after: string): boolean {
  return length(before) <= PARALLEL_PART_MAX && length(after) <= PARALLEL_PART_MAX && Math.abs(length(before) - length(after)) <= PARALLEL_LENGTH_DIFFERENCE;
}

/** Characters a reader sees, spaces aside. */
function length(text: string): number {
  return [...text.replace(/[\s\u3000]/gu, "")].length;
}
