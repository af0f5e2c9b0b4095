// `npm run new -- [--date YYYY-MM-DD] [--pages N] [--content <dir>]`: scaffolds the next issue file with its number, 星期 and 农历
// computed and an empty 版 heading for each page (src/new-issue.ts).
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { contentRootOf, printProblems, readCommandLine, stop } from "../src/cli.ts";
import { loadConfig } from "../src/content/config.ts";
import { loadArchive } from "../src/content/archive.ts";
import { lunarDateOf, weekdayOf } from "../src/content/calendar.ts";
import { say } from "../src/messages/texts.ts";
import { dateMistake, newIssue, todayInShanghai } from "../src/new-issue.ts";
import { issueFileOf } from "../src/paths.ts";
import { hasErrors } from "../src/problems.ts";

/** 今日N版 when --pages is not given. */
const DEFAULT_PAGES = 4;

const { values } = readCommandLine({ date: { type: "string" }, pages: { type: "string" }, content: { type: "string" } }, "newUsage");
const contentRoot = contentRootOf(values.content);
const configFile = loadConfig(contentRoot);
const { language } = configFile;
const date = values.date ?? todayInShanghai();
const mistake = dateMistake(date);
if (mistake) stop(`${say(language, mistake, { date })}\n${say(language, "newUsage")}`);
const pages = values.pages === undefined ? DEFAULT_PAGES : Number(values.pages);
if (!Number.isInteger(pages) || pages < 1) stop(`${say(language, "newBadPages", { value: String(values.pages) })}\n${say(language, "newUsage")}`);

const archive = await loadArchive(contentRoot, { configFile, allowEmpty: true });
if (!archive.config) {
  printProblems(archive.problems, language);
  process.exit(1);
}
const file = issueFileOf(date);
const existing = existsSync(path.join(contentRoot, file)) ? file : archive.issues.find((issue) => issue.date === date)?.file;
if (existing) stop(say(language, "newDateTaken", { date, existing }));
const issue = newIssue(date, pages, archive.issues, language);
await mkdir(path.dirname(path.join(contentRoot, issue.file)), { recursive: true });
await writeFile(path.join(contentRoot, issue.file), issue.markdown);
console.log(say(language, "newWrote", { file: issue.file, number: issue.number, date, weekday: weekdayOf(date), lunar: lunarDateOf(date), pages }));
if (hasErrors(archive.problems)) console.log(say(language, "newSomeFilesBroken"));
for (const note of issue.notes) console.log(note);
console.log(say(language, "newNextStep"));
