// The scaffold of the next issue (`npm run new`): its number after the issue before it, 星期 and 农历 computed from the date, and an empty
// 版 heading for each page, under a comment on how to fill it in the editor's language.
import type { Issue } from "./model.ts";
import { lunarDateOf, weekdayOf } from "./content/calendar.ts";
import type { Language } from "./messages/language.ts";
import { say } from "./messages/texts.ts";
import { issueFileOf } from "./paths.ts";

export interface NewIssue {
  /** Relative to the content root: issues/<YYYY>/<YYYY-MM-DD>.md. */
  file: string;
  markdown: string;
  number: number;
  /** What the editor should check about the computed facts, in the scaffold's language; empty when there is nothing to say. */
  notes: string[];
}

/**
 * The issue file for `date`: the number follows the issue before it, 星期 and 农历 are computed, and each 版 is an empty heading.
 * Empty headings rather than placeholder articles: the file is valid (the checks warn about empty pages until they are filled)
 * and no placeholder text can be published by mistake. The comment above the pages is in `language`; readers never see it.
 */
export function newIssue(date: string, pageCount: number, archive: readonly Issue[], language: Language): NewIssue {
  const { number, notes } = nextNumber(date, archive, language);
  const pages = Array.from({ length: pageCount }, (_, index) => `# 第${index + 1}版`);
  const markdown = [
    "---",
    `issue: ${number}`,
    `date: ${date}`,
    `lunar: ${lunarDateOf(date)}`,
    `weekday: ${weekdayOf(date)}`,
    `pages: ${pageCount}`,
    "---",
    "",
    `<!--\n${say(language, "newIssueGuide")}\n-->`,
    "",
    pages.join("\n\n"),
    "",
  ].join("\n");
  return { file: issueFileOf(date), markdown, number, notes };
}

/** One more than the issue just before `date`; 1 for an empty archive. */
function nextNumber(date: string, archive: readonly Issue[], language: Language): { number: number; notes: string[] } {
  const before = archive
    .filter((issue) => issue.date < date)
    .sort((a, b) => a.number - b.number)
    .at(-1);
  const after = archive.filter((issue) => issue.date > date).sort((a, b) => a.number - b.number)[0];
  if (before) {
    const number = before.number + 1;
    const taken = archive.find((issue) => issue.number === number);
    return { number, notes: taken ? [say(language, "newNumberTaken", { number, file: taken.file })] : [] };
  }
  if (after) {
    const number = Math.max(1, after.number - 1);
    return { number, notes: [say(language, "newNumberGuessed", { date, number, file: after.file })] };
  }
  return { number: 1, notes: [] };
}

/** Today's date in Beijing time, where the paper is printed, whatever the computer's time zone. */
export function todayInShanghai(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** Whether `date` is a real calendar date written as YYYY-MM-DD; the text that says what is wrong with it otherwise. */
export function dateMistake(date: string): "newBadDate" | "newNotRealDate" | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return "newBadDate";
  const time = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(time) || !new Date(time).toISOString().startsWith(date) ? "newNotRealDate" : undefined;
}
