// `npm run new -- [--date YYYY-MM-DD] [--pages N] [--content <dir>]`: scaffolds the next issue file with its number, 星期 and 农历 computed and an empty 版 heading for each page.
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadArchive } from "../src/archive.ts";
import { lunarDateOf, weekdayOf } from "../src/calendar.ts";
import { expectedIssuePath } from "../src/parse-issue.ts";
import { formatProblems, hasErrors } from "../src/problems.ts";
import type { Issue } from "../src/model.ts";

const USAGE = "Usage: npm run new -- [--date YYYY-MM-DD] [--pages N] [--content <dir>]";
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** 今日N版 when --pages is not given. */
const DEFAULT_PAGES = 4;

/** What the skeleton says above its pages. A comment, so readers never see it and the checks pass over it. */
const GUIDE = `<!--
Write each article under its 版: a ## title, the labels right under it, a blank line, then the paragraphs (dateline first, byline last):

## 省委常委会召开扩大会议
副题：分析研究当前经济形势和经济工作

东昌府讯 10月28日，……

(融媒体 郭龙君)

Or fill the whole issue from the layout export: npm run import -- <export.txt> --force
Until a 版 has articles, npm run check warns about it.
-->`;

export interface NewIssue {
  /** Relative to the content root: issues/<YYYY>/<YYYY-MM-DD>.md. */
  file: string;
  markdown: string;
  number: number;
  /** What the editor should check about the computed facts; empty when there is nothing to say. */
  notes: string[];
}

/**
 * The issue file for `date`: the number follows the issue before it, 星期 and 农历 are computed, and each 版 is an empty heading.
 * Empty headings rather than placeholder articles: the file is valid (the checks warn about empty pages until they are filled)
 * and no placeholder text can be published by mistake.
 */
export function newIssue(date: string, pageCount: number, archive: readonly Issue[]): NewIssue {
  const { number, notes } = nextNumber(date, archive);
  const pages = Array.from({ length: pageCount }, (_, index) => `# 第${index + 1}版`);
  const markdown = [
    "---", `issue: ${number}`, `date: ${date}`, `lunar: ${lunarDateOf(date)}`, `weekday: ${weekdayOf(date)}`, `pages: ${pageCount}`, "---",
    "", GUIDE, "", pages.join("\n\n"), "",
  ].join("\n");
  return { file: expectedIssuePath(date), markdown, number, notes };
}

/** One more than the issue just before `date`; 1 for an empty archive. */
function nextNumber(date: string, archive: readonly Issue[]): { number: number; notes: string[] } {
  const before = archive.filter((issue) => issue.date < date).sort((a, b) => a.number - b.number).at(-1);
  const after = archive.filter((issue) => issue.date > date).sort((a, b) => a.number - b.number)[0];
  if (before) {
    const number = before.number + 1;
    const taken = archive.find((issue) => issue.number === number);
    return { number, notes: taken ? [`总第${number}期 is also the number of ${taken.file}; correct one of them.`] : [] };
  }
  if (after) {
    const number = Math.max(1, after.number - 1);
    return { number, notes: [`No issue comes before ${date}, so 总第${number}期 is one less than ${after.file}'s; check it against the printed masthead.`] };
  }
  return { number: 1, notes: [] };
}

/** Today's date in Beijing time, where the paper is printed, whatever the computer's time zone. */
export function todayInShanghai(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** The command line; throws with a message for the editor when an option is wrong. */
function readArguments(): { date: string; pages: number; contentRoot: string } {
  const { values } = parseArgs({ options: { date: { type: "string" }, pages: { type: "string" }, content: { type: "string" } } });
  const date = values.date ?? todayInShanghai();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`--date ${date} is not a date written as YYYY-MM-DD, e.g. 2022-11-02.`);
  const time = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(time) || !new Date(time).toISOString().startsWith(date)) throw new Error(`--date ${date} is not a real calendar date.`);
  const pages = values.pages === undefined ? DEFAULT_PAGES : Number(values.pages);
  if (!Number.isInteger(pages) || pages < 1) throw new Error(`--pages ${values.pages} is not a number of pages (今日N版), e.g. 4.`);
  return { date, pages, contentRoot: path.resolve(values.content ?? projectRoot) };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let args: ReturnType<typeof readArguments>;
  try {
    args = readArguments();
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(1);
  }
  const archive = await loadArchive(args.contentRoot);
  if (!archive.config) {
    console.error(formatProblems(archive.problems));
    process.exit(1);
  }
  const file = expectedIssuePath(args.date);
  const existing = existsSync(path.join(args.contentRoot, file)) ? file : archive.issues.find((issue) => issue.date === args.date)?.file;
  if (existing) {
    console.error(`${args.date} already has an issue, ${existing}, so nothing was written. Edit that file, or give another date with --date YYYY-MM-DD.`);
    process.exit(1);
  }
  const issue = newIssue(args.date, args.pages, archive.issues);
  await mkdir(path.dirname(path.join(args.contentRoot, issue.file)), { recursive: true });
  await writeFile(path.join(args.contentRoot, issue.file), issue.markdown);
  console.log(`Wrote ${issue.file}: 总第${issue.number}期, ${args.date} ${weekdayOf(args.date)}, 农历${lunarDateOf(args.date)}, ${args.pages} 版.`);
  if (hasErrors(archive.problems)) console.log("Some issue files have errors, so the number was worked out from the issues that could be read; run npm run check.");
  for (const note of issue.notes) console.log(note);
  console.log("Write each 版's articles under its heading (or fill it from the layout export with npm run import -- <export.txt> --force), then run npm run check.");
}
