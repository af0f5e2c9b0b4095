// Renders one part of the site (see site-parts.ts) with Eleventy into a folder of its own, writes its articles' citation files among its
// pages, and beside it their search input. Runs in a render worker (render-worker.ts), so parts render in parallel and memory stays per part.
import { cp, mkdir, readdir, readFile } from "node:fs/promises";
import path from "node:path";
import Eleventy from "@11ty/eleventy";
import { eachLimited } from "../util/each-limited.ts";
import { writeNamed } from "./failure.ts";
import { withSearchTerms } from "./search-index.ts";
import { rendersIn, type SitePart } from "./site-parts.ts";
import { projectRoot } from "../project.ts";

const templatesDir = path.join(projectRoot, "templates");
/** The top-level templates, each of which renders pages of one kind of part; listed once a worker. */
const pageTemplates = readdir(templatesDir).then((names) => names.filter((name) => name.endsWith(".njk")));
/** Search input files written at once. */
const FILES_AT_ONCE = 16;

export interface RenderRequest {
  part: Pick<SitePart, "key" | "data" | "templates">;
  /** Where the part's pages go. */
  siteDir: string;
  /** Where its articles go as search input: each page with its search terms, at its path in the site. */
  searchInputDir: string;
  verbose: boolean;
}

/** Renders the part and writes its search input; resolves to the number of pages written. */
export async function renderPart({ part, siteDir, searchInputDir, verbose }: RenderRequest): Promise<number> {
  const templates = await pageTemplates;
  const skipped = templates.filter((name) => !rendersIn(name, part.templates));
  const eleventy = new Eleventy(templatesDir, siteDir, {
    configPath: path.join(projectRoot, ".eleventy.js"),
    quietMode: !verbose,
    config(eleventyConfig) {
      eleventyConfig.addGlobalData("baoku", part.data);
      // Eleventy takes ignores relative to the working directory.
      for (const name of skipped) eleventyConfig.ignores.add(path.relative(process.cwd(), path.join(templatesDir, name)));
    },
  });
  // Quiet mode still prints a summary line a run, one a month of the archive; errors still reject the write.
  if (!verbose) eleventy.disableLogger();
  const written = await eleventy.write();
  if (part.templates === "archive") await cp(path.join(projectRoot, "public"), siteDir, { recursive: true });
  // Several files at once: one at a time, waiting on the file system is most of the work.
  await eachLimited(part.data.articles, FILES_AT_ONCE, async (article) => {
    const html = await readFile(path.join(siteDir, article.path, "index.html"), "utf8");
    const target = path.join(searchInputDir, article.path, "index.html");
    await mkdir(path.dirname(target), { recursive: true });
    await writeNamed(target, withSearchTerms(html));
    // The citation files are data, not pages: written here rather than by Eleventy, which would take about a millisecond each.
    for (const file of article.citationFiles) await writeNamed(path.join(siteDir, file.path), file.content);
  });
  return countWritten(written);
}

function countWritten(written: unknown): number {
  const [, templates] = Array.isArray(written) ? written : [];
  return Array.isArray(templates) ? templates.length : 0;
}
