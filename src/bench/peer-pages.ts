// The pages both of the benchmark's peers build from the same issues, as a site made with a general-purpose generator usually has them:
// a page per issue listing its articles, a page per article with its neighbours, and an archive page per year. Each peer writes them
// as Markdown with front-matter in its own words (baseline.ts for Eleventy, hugo-peer.ts for Hugo).
import type { Issue } from "../model.ts";

/** One page: its kind, where its Markdown goes (relative, without the file name for an issue page), its address and its fields. */
export interface PeerPage {
  kind: "issue" | "article" | "year";
  /** The folder of the page's file, relative to the content root. */
  dir: string;
  /** The file's name; an issue page's is the peer's choice. */
  name?: string;
  year: string;
  url: string;
  title: string;
  /** The article's subtitle, on article pages only. */
  subtitle?: string;
  /** What the page's layout lists: an issue's articles, an article's neighbours, a year's issues. */
  fields: Record<string, unknown>;
  /** The Markdown body's lines. */
  body: string[];
}

/** The pages of `issues`, issue by issue (each issue page before its articles), then one a year. */
export function* peerPages(issues: readonly Issue[]): Generator<PeerPage> {
  const years = new Map<string, { date: string; url: string }[]>();
  for (const issue of issues) {
    const [year, month, day] = issue.date.split("-") as [string, string, string];
    const issueUrl = `/${year}/${month}/${day}/`;
    const dir = `${year}/${month}/${day}`;
    const articles = issue.pages.flatMap((page) => page.articles.map((article) => ({ article, url: `${issueUrl}${page.number}/${article.number}/` })));
    yield {
      kind: "issue",
      dir,
      year,
      url: issueUrl,
      title: `${issue.date} 总第${issue.number}期`,
      fields: { articles: articles.map(({ article, url }) => ({ title: article.title, url })) },
      body: [],
    };
    for (const [index, { article, url }] of articles.entries()) {
      const previous = articles[index - 1];
      const next = articles[index + 1];
      yield {
        kind: "article",
        dir,
        name: `${url.split("/").slice(-3, -1).join("-")}.md`,
        year,
        url,
        title: article.title,
        subtitle: article.subtitle ?? "",
        fields: {
          previous: previous ? { url: previous.url, title: previous.article.title } : null,
          next: next ? { url: next.url, title: next.article.title } : null,
        },
        body: article.paragraphs.flatMap((paragraph) => [paragraph, ""]),
      };
    }
    const yearIssues = years.get(year) ?? [];
    yearIssues.push({ date: issue.date, url: issueUrl });
    years.set(year, yearIssues);
  }
  for (const [year, yearIssues] of years) {
    yield { kind: "year", dir: "archive", name: `${year}.md`, year, url: `/archive/${year}/`, title: `${year}年`, fields: { issues: yearIssues }, body: [] };
  }
}

/**
 * A Markdown file: front-matter naming the page's layout with `layout` (a plain word, as written by hand), then `fields` in order (JSON
 * values, which are valid YAML and quote every string safely), then `body`.
 */
export function markdownFile(layout: readonly [key: string, word: string], fields: readonly (readonly [string, unknown])[], body: readonly string[]): string {
  return ["---", `${layout[0]}: ${layout[1]}`, ...fields.map(([key, value]) => `${key}: ${JSON.stringify(value)}`), "---", "", ...body].join("\n");
}
