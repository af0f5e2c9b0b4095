// The dateline (电头) that opens an article: 东昌府讯 10月28日，… or 本报讯（记者 张三）10月28日，…

import type { Dateline } from "../model.ts";
import { yearOf } from "../paths.ts";

export interface DatelineMatch {
  dateline: Dateline;
  /** How many characters of the paragraph the dateline and the punctuation after it take up. */
  length: number;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The dateline pattern for each list of prefixes, made once: every article of every issue is matched against the same one. */
const patterns = new Map<string, RegExp>();

function datelinePattern(prefixes: readonly string[]): RegExp {
  const alternatives = [...prefixes]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegExp)
    .join("|");
  let pattern = patterns.get(alternatives);
  if (!pattern) {
    pattern = new RegExp(`^(${alternatives})(?:[ \\u3000]*[（(][^）)]{1,40}[）)])?(?:[ \\u3000]*(?:(\\d{4})年)?(\\d{1,2})月(\\d{1,2})日)?`);
    patterns.set(alternatives, pattern);
  }
  return pattern;
}

/**
 * Finds a dateline at the start of a paragraph. `prefixes` are the paper's dateline words (东昌府讯, 本报讯);
 * a date without a year is placed in the year that puts it nearest the issue's date.
 */
export function matchDateline(paragraph: string, prefixes: readonly string[], issueDate: string): DatelineMatch | undefined {
  const match = datelinePattern(prefixes).exec(paragraph);
  if (!match) return undefined;
  const [text, prefix, year, month, day] = match;
  const after = /^[ \u3000]*[，,：:]?[ \u3000]*/.exec(paragraph.slice(text.length))?.[0] ?? "";
  const dateline: Dateline = { text: text.trim(), prefix: prefix ?? "" };
  if (month && day) {
    const date = resolveDate(Number(month), Number(day), year ? Number(year) : undefined, issueDate);
    if (date) dateline.date = date;
  }
  return { dateline, length: text.length + after.length };
}

/** The YYYY-MM-DD date of month and day, in the given year or else the one nearest the issue's date; undefined for an impossible date. */
function resolveDate(month: number, day: number, year: number | undefined, issueDate: string): string | undefined {
  const issueTime = Date.parse(`${issueDate}T00:00:00Z`);
  const issueYear = Number(yearOf(issueDate));
  const candidates = (year ? [year] : [issueYear - 1, issueYear, issueYear + 1])
    .map((y) => new Date(Date.UTC(y, month - 1, day)))
    .filter((date) => date.getUTCMonth() === month - 1 && date.getUTCDate() === day);
  const nearest = candidates.sort((a, b) => Math.abs(a.getTime() - issueTime) - Math.abs(b.getTime() - issueTime))[0];
  return nearest ? nearest.toISOString().slice(0, 10) : undefined;
}
