// The masthead (报头) at the top of an export: 总第N期, the date, 星期, 农历 and 今日N版 become the front-matter; the paper's name, romanized name, website and email are dropped.
import type { PaperConfig } from "../model.ts";
import { lunarDateOf } from "../content/calendar.ts";
import { readPageHeading } from "../content/pages.ts";
import type { Masthead, PrintLine } from "./types.ts";
import { judged } from "../messages/judgements.ts";
import { problem, ProblemsError } from "../problems.ts";

/** What a masthead line may hold; each pattern is one printed item. */
const ITEMS = {
  date: /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/g,
  weekday: /(?:星期|礼拜|周)[一二三四五六日天]/g,
  lunar: /农历[\s\u3000]*(?:[\u4e00-\u9fff]{2}年)?[\s\u3000]*闰?[正一二三四五六七八九十冬腊]{1,2}月[\s\u3000]*[初十廿卅二三][一二三四五六七八九十]/gu,
  issue: /总第\s*(\d+)\s*期/g,
  pages: /今日\s*([0-9]+|[一二三四五六七八九十]+)\s*版/g,
};

/** The website and submission-email line: 网址：… 投稿邮箱：… */
const CONTACT_LINE = /网址|邮箱|E-?mail|https?:\/\//i;

/** Reads the masthead from the export's first lines; returns it and the index of the first body line. */
export function readMasthead(lines: readonly PrintLine[], paper: PaperConfig["paper"], exportFile: string): { masthead: Masthead; bodyStart: number } {
  const found: Partial<Record<keyof typeof ITEMS, RegExpExecArray>> = {};
  let bodyStart = 0;
  while (bodyStart < lines.length && isMastheadLine(lines[bodyStart]!.text, paper, found)) bodyStart += 1;

  const last = lines[bodyStart - 1]?.line;
  const masthead = last === undefined ? {} : { first: lines[0]!.line, last };
  const where = { file: exportFile, line: lines[0]?.line ?? 1 };
  const date = found.date && isoDate(found.date);
  if (!found.date) throw new ProblemsError(problem("MastheadWithoutDate", where, masthead));
  if (!date) throw new ProblemsError(problem("MastheadDateInvalid", where, { ...masthead, date: found.date[0] }));
  if (!found.issue) throw new ProblemsError(problem("MastheadWithoutIssueNumber", where, masthead));

  const lunar = found.lunar
    ? { text: found.lunar[0].replace(/^农历/, "").replace(/[\s\u3000]+/gu, ""), checks: [] }
    : { text: lunarDateOf(date), checks: [judged("LunarComputed", {})] };
  const pages = found.pages && readPageHeading(`第${found.pages[1]}版`)?.number;
  return {
    masthead: { issue: Number(found.issue[1]), date, lunar, ...(found.weekday && { weekday: found.weekday[0] }), ...(pages && { pages }) },
    bodyStart,
  };
}

/** Whether the whole line is masthead items (recording each in `found`), the paper's name, or the contact line. */
function isMastheadLine(text: string, paper: PaperConfig["paper"], found: Partial<Record<keyof typeof ITEMS, RegExpExecArray>>): boolean {
  if (text === paper.name || text.toUpperCase() === paper.masthead.toUpperCase()) return true;
  if (CONTACT_LINE.test(text) || (paper.website && text.includes(paper.website)) || (paper.email && text.includes(paper.email))) return true;
  let rest = text;
  const matches: Array<[keyof typeof ITEMS, RegExpExecArray]> = [];
  for (const [name, pattern] of Object.entries(ITEMS) as Array<[keyof typeof ITEMS, RegExp]>) {
    for (const match of text.matchAll(pattern)) matches.push([name, match as RegExpExecArray]);
    rest = rest.replace(pattern, "");
  }
  rest = rest.replace(paper.name, "").replace(/[\s\u3000·|｜/]+/gu, "");
  if (rest !== "" || matches.length === 0) return false;
  for (const [name, match] of matches) found[name] ??= match;
  return true;
}

/** 2022年11月1日 → 2022-11-01, or undefined for a date that does not exist. */
function isoDate(match: RegExpExecArray): string | undefined {
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}
