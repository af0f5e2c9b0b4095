// A content root holding the bundled archive plus generated filler issues made of the bundled paragraphs reshuffled, so search ranking has long pages competing with the real articles.
import { cp, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadArchive } from "../../src/content/archive.ts";
import { lunarDateOf, weekdayOf } from "../../src/content/calendar.ts";
import { seededRandom } from "../../src/bench/synthetic-archive.ts";
import { projectRoot } from "../../src/project.ts";


export interface FillerOptions {
  /** How many filler issues, one a day starting the day after the newest bundled issue. */
  issues: number;
  /** Articles in each filler issue. */
  articlesPerIssue: number;
  /** Paragraphs in each filler article: more than any bundled article has, so filler pages are the long ones. */
  paragraphsPerArticle: number;
}

/** Writes the bundled archive and the filler issues into a new temporary content root and returns its path. */
export async function fillerArchive(options: FillerOptions): Promise<string> {
  const bundled = await loadArchive(projectRoot);
  const paragraphs = bundled.issues.flatMap((issue) => issue.pages.flatMap((page) => page.articles.flatMap((article) => article.paragraphs)));
  const titles = bundled.issues.flatMap((issue) => issue.pages.flatMap((page) => page.articles.map((article) => article.title).filter(Boolean)));
  const root = await mkdtemp(path.join(os.tmpdir(), "baoku-filler-"));
  await cp(path.join(projectRoot, "issues"), path.join(root, "issues"), { recursive: true });
  await cp(path.join(projectRoot, "baoku.config.json"), path.join(root, "baoku.config.json"));
  const next = seededRandom(1480);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  /** `count` different items, as a real article never prints the same paragraph twice. */
  const pickDistinct = <T>(items: readonly T[], count: number): T[] => {
    const pool = [...items];
    return Array.from({ length: Math.min(count, pool.length) }, () => pool.splice(Math.floor(next() * pool.length), 1)[0]!);
  };
  const newest = bundled.issues.at(-1)!;
  for (let index = 1; index <= options.issues; index++) {
    const date = new Date(Date.parse(`${newest.date}T00:00:00Z`) + index * 86_400_000).toISOString().slice(0, 10);
    const articles = Array.from({ length: options.articlesPerIssue }, (_, article) => [
      `## ${pick(titles).slice(0, 6)}综述之${index}-${article + 1}`,
      "",
      ...pickDistinct(paragraphs, options.paragraphsPerArticle).flatMap((paragraph) => [paragraph, ""]),
    ].join("\n"));
    const file = [
      "---", `issue: ${newest.number + index}`, `date: ${date}`, `lunar: ${lunarDateOf(date)}`, `weekday: ${weekdayOf(date)}`, "pages: 4", "---", "",
      "# 第3版 综合", "", ...articles, "",
    ].join("\n");
    await mkdir(path.join(root, "issues", date.slice(0, 4)), { recursive: true });
    await writeFile(path.join(root, "issues", date.slice(0, 4), `${date}.md`), file);
  }
  return root;
}
