// The benchmark's baseline: the same issues as a plain Eleventy 3 project — one Markdown file per article and per issue page with one
// Nunjucks layout each, and one archive page per year — the way a site is usually built with Eleventy alone.
import { cp, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Issue } from "../model.ts";

const layoutsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "baseline", "_includes");

/** YAML for a front-matter value: JSON is valid YAML, and quotes every string safely. */
const yaml = (value: unknown) => JSON.stringify(value);

/** Writes the baseline Eleventy input for `issues` into `inputDir`; returns how many pages it will build. */
export async function writeBaselineInput(issues: readonly Issue[], inputDir: string): Promise<number> {
  await mkdir(inputDir, { recursive: true });
  await cp(layoutsDir, path.join(inputDir, "_includes"), { recursive: true });
  let pageCount = 0;
  const years = new Map<string, { date: string; url: string }[]>();
  for (const issue of issues) {
    const [year, month, day] = issue.date.split("-") as [string, string, string];
    const issueUrl = `/${year}/${month}/${day}/`;
    const articles = issue.pages.flatMap((page) => page.articles.map((article) => ({ article, url: `${issueUrl}${page.number}/${article.number}/` })));
    const dir = path.join(inputDir, year, month, day);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, "index.md"), [
      "---", "layout: issue.njk", `title: ${yaml(`${issue.date} 总第${issue.number}期`)}`, `year: ${yaml(year)}`, `permalink: ${yaml(issueUrl)}`,
      `articles: ${yaml(articles.map(({ article, url }) => ({ title: article.title, url })))}`, "---", "",
    ].join("\n"));
    for (const [index, { article, url }] of articles.entries()) {
      const previous = articles[index - 1];
      const next = articles[index + 1];
      await writeFile(path.join(dir, `${url.split("/").slice(-3, -1).join("-")}.md`), [
        "---", "layout: article.njk", `title: ${yaml(article.title)}`, `subtitle: ${yaml(article.subtitle ?? "")}`, `year: ${yaml(year)}`, `permalink: ${yaml(url)}`,
        `previous: ${yaml(previous ? { url: previous.url, title: previous.article.title } : null)}`,
        `next: ${yaml(next ? { url: next.url, title: next.article.title } : null)}`,
        "---", "", ...article.paragraphs.flatMap((paragraph) => [paragraph, ""]),
      ].join("\n"));
    }
    pageCount += 1 + articles.length;
    const yearIssues = years.get(year) ?? [];
    yearIssues.push({ date: issue.date, url: issueUrl });
    years.set(year, yearIssues);
  }
  for (const [year, yearIssues] of years) {
    await mkdir(path.join(inputDir, "archive"), { recursive: true });
    await writeFile(path.join(inputDir, "archive", `${year}.md`), [
      "---", "layout: year.njk", `title: ${yaml(`${year}年`)}`, `year: ${yaml(year)}`, `permalink: ${yaml(`/archive/${year}/`)}`, `issues: ${yaml(yearIssues)}`, "---", "",
    ].join("\n"));
    pageCount++;
  }
  return pageCount;
}
