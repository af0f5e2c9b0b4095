// Renders one part of the site (see site-parts.ts) with Eleventy into a folder of its own, writes its articles' citation files among its
// pages, and beside it the search input of its articles. Runs in a render worker (render-worker.ts), so parts render in parallel and
// memory stays per part.
import { cp, mkdir, readdir } from "node:fs/promises";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { eachLimited } from "../util/each-limited.ts";
import { writeNamed } from "./failure.ts";
import { searchRecords } from "./search-records.ts";
import { rendersIn, type SitePart } from "./site-parts.ts";
import { projectRoot } from "../project.ts";
import { phrasedHtml, phrasesOf } from "../site/phrases.ts";

const templatesDir = path.join(projectRoot, "templates");
/** The top-level templates, each of which renders pages of one kind of part; listed once a worker. */
const pageTemplates = readdir(templatesDir).then((names) => names.filter((name) => name.endsWith(".njk")));
/** Search input files written at once. */
const FILES_AT_ONCE = 16;

export interface RenderRequest {
  part: Pick<SitePart, "key" | "data" | "templates">;
  /** Where the part's pages go. */
  siteDir: string;
  /** Where its articles go as search input: a search record an issue (search-records.ts), at the path. */
  searchInputDir: string;
  verbose: boolean;
}

/** What a part's search records hold, added up into each search bundle's statistics (the search page ranks with the archive's). */
export interface SearchStats {
  records: number;
  articles: number;
  /** Spelled terms, for the articles' average length. */
  terms: number;
}

/** Renders the part and writes its search input; resolves to the number of pages written and its search statistics. */
export async function renderPart({ part, siteDir, searchInputDir, verbose }: RenderRequest): Promise<{ written: number; search: SearchStats }> {
  const templates = await pageTemplates;
  const skipped = templates.filter((name) => !rendersIn(name, part.templates));
  const eleventy = new Eleventy(templatesDir, siteDir, {
    configPath: path.join(projectRoot, ".eleventy.js"),
    quietMode: !verbose,
    config(eleventyConfig) {
      eleventyConfig.addGlobalData("baoku", part.data);
      // Headlines that span the archive (历史上的今天, the people pages) are split into phrases as their pages are rendered, not in the
      // records every build plans: at 11,000 issues that was about 150,000 titles, 1.5 s of each build, for a few pages rendered. Added
      // to Nunjucks itself: a filter added through Eleventy is timed, and Eleventy prints "[11ty] Benchmark …" in English, quiet mode or
      // not, when one takes more than 8 % of a run (loading jieba's dictionary, or the people pages of a cold build).
      eleventyConfig.amendLibrary("njk", (nunjucks) => {
        // Split once a run: a headline is listed on its day's page, its lunar day's, and the page of each person it credits.
        const split = new Map<string, string[]>();
        nunjucks.addFilter("phrases", (text: string) => split.get(text) ?? split.set(text, phrasesOf(text)).get(text)!);
        // A text's phrases as HTML: each escaped by the templates' own escape filter, the whole marked safe by their own safe filter.
        const escaped = nunjucks.getFilter("escape");
        const safe = nunjucks.getFilter("safe");
        nunjucks.addFilter("phrased", (phrases: readonly string[]) => safe(phrasedHtml(phrases, (text) => String(escaped(text)))));
      });
      // Eleventy takes ignores relative to the working directory.
      for (const name of skipped) eleventyConfig.ignores.add(path.relative(process.cwd(), path.join(templatesDir, name)));
    },
  });
  // Quiet mode still prints a summary line a run, one a month of the archive; errors still reject the write.
  if (!verbose) eleventy.disableLogger();
  const written = await eleventy.write();
  if (part.templates === "archive") await cp(path.join(projectRoot, "public"), siteDir, { recursive: true });
  const records = searchRecords(part.data.articles);
  // Several files at once: one at a time, waiting on the file system is most of the work.
  await eachLimited(records, FILES_AT_ONCE, async (record) => {
    const target = path.join(searchInputDir, record.path, "index.html");
    await mkdir(path.dirname(target), { recursive: true });
    await writeNamed(target, record.html);
  });
  // The citation files are data, not pages: written here rather than by Eleventy, which would take about a millisecond each.
  await eachLimited(part.data.articles, FILES_AT_ONCE, async (article) => {
    for (const file of article.citationFiles) await writeNamed(path.join(siteDir, file.path), file.content);
  });
  const stats: SearchStats = { records: records.length, articles: 0, terms: 0 };
  for (const record of records) {
    stats.articles += record.articles;
    stats.terms += record.terms;
  }
  return { written: countWritten(written), search: stats };
}

/** The pages Eleventy wrote; the feeds it writes too are data, not pages. */
function countWritten(written: unknown): number {
  const [, templates] = Array.isArray(written) ? written : [];
  return Array.isArray(templates) ? templates.filter((template: { outputPath?: unknown }) => String(template.outputPath).endsWith(".html")).length : 0;
}
