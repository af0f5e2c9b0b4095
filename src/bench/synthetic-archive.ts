// A deterministic synthetic archive for benchmarks and scale tests: N daily issues of 15 articles on 4 版, their text reused from the
// bundled issues, with valid front-matter (correct 农历 and 星期) so the real pipeline accepts every file.
import { cp, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { loadArchive } from "../content/archive.ts";
import { lunarDateOf, weekdayOf } from "../content/calendar.ts";
import { issueFileOf } from "../paths.ts";
import { projectRoot } from "../project.ts";

const DAY_MS = 86_400_000;
/** Articles on each of the 4 版: 15 in all. */
const ARTICLES_PER_PAGE = [4, 4, 4, 3] as const;
const PAGE_NAMES = ["要闻", "综合", "民生", "副刊"] as const;
const REPORTERS = ["郭龙君", "全兴社", "裴崇旭", "徐振鑫", "李晓", "张振祥"] as const;

/** mulberry32: a small seeded generator, so the same N gives the same archive byte for byte. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The text the synthetic issues are made of: the bundled archive's titles and paragraphs. */
export interface SourceText {
  titles: string[];
  subtitles: string[];
  paragraphs: string[];
}

export async function bundledText(): Promise<SourceText> {
  const archive = await loadArchive(projectRoot);
  const articles = archive.issues.flatMap((issue) => issue.pages.flatMap((page) => page.articles)).filter((article) => !article.isPhotoNews);
  return {
    titles: articles.map((article) => article.title),
    subtitles: articles.flatMap((article) => (article.subtitle ? [article.subtitle] : [])),
    paragraphs: articles.flatMap((article) => article.paragraphs),
  };
}

/** The date of the `index`-th issue (from 0), one a day from `firstDate`. */
export function syntheticDate(firstDate: string, index: number): string {
  return new Date(Date.parse(`${firstDate}T00:00:00Z`) + index * DAY_MS).toISOString().slice(0, 10);
}

/** The Markdown of the synthetic issue number `number` (from 1) dated `date`. */
export function syntheticIssue(source: SourceText, number: number, date: string): string {
  const random = seededRandom(number);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const lines = ["---", `issue: ${number}`, `date: ${date}`, `lunar: ${lunarDateOf(date)}`, `weekday: ${weekdayOf(date)}`, "pages: 4", "---", ""];
  ARTICLES_PER_PAGE.forEach((articleCount, pageIndex) => {
    lines.push(`# 第${pageIndex + 1}版 ${PAGE_NAMES[pageIndex]}`, "");
    for (let article = 0; article < articleCount; article++) {
      lines.push(`## ${pick(source.titles)}（${number}-${pageIndex + 1}-${article + 1}）`);
      if (random() < 0.5) lines.push(`副题：${pick(source.subtitles)}`);
      lines.push("", `东昌府讯 ${month}月${day}日，${pick(source.paragraphs)}`, "");
      const paragraphCount = 4 + Math.floor(random() * 4);
      for (let paragraph = 0; paragraph < paragraphCount; paragraph++) lines.push(pick(source.paragraphs), "");
      lines.push(`(融媒体 ${pick(REPORTERS)})`, "");
    }
  });
  return lines.join("\n");
}

export interface SyntheticArchiveOptions {
  /** How many daily issues. */
  issues: number;
  /** The first issue's date; default 1995-01-01, so 11,000 issues reach into 2025. */
  firstDate?: string;
}

/** Writes a content root at `root`: the project's baoku.config.json and `issues` synthetic issue files. */
export async function writeSyntheticArchive(root: string, options: SyntheticArchiveOptions): Promise<void> {
  const source = await bundledText();
  const firstDate = options.firstDate ?? "1995-01-01";
  await mkdir(root, { recursive: true });
  await cp(path.join(projectRoot, "baoku.config.json"), path.join(root, "baoku.config.json"));
  const folders = new Set<string>();
  for (let index = 0; index < options.issues; index++) {
    const date = syntheticDate(firstDate, index);
    const file = path.join(root, issueFileOf(date));
    if (!folders.has(path.dirname(file))) {
      await mkdir(path.dirname(file), { recursive: true });
      folders.add(path.dirname(file));
    }
    await writeFile(file, syntheticIssue(source, index + 1, date));
  }
}
