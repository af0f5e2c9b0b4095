// `npm run build`: check every issue, then render the archive with Eleventy into a fresh folder and swap it in, so a failed build never touches the published site.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { rm, rename, mkdir, access, copyFile } from "node:fs/promises";
import Eleventy from "@11ty/eleventy";
import { loadArchive } from "../src/archive.ts";
import { buildSiteData, publishedImages } from "../src/site.ts";
import { formatProblems, hasErrors } from "../src/problems.ts";
import { indexSearch } from "./search-index.ts";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface BuildOptions {
  /** The folder holding `issues/` and `baoku.config.json`; default: the project root. */
  contentRoot?: string;
  /** Where the site goes; default: `_site` in the project root. */
  outputDir?: string;
  /** Print Eleventy's per-file log; default: false. */
  verbose?: boolean;
}

export interface BuildResult {
  ok: boolean;
  /** Problems found in the issue files, formatted for the person who must fix them; empty when there were none. */
  report: string;
  /** Files Eleventy wrote; 0 when the build stopped on errors. */
  writtenCount: number;
  /** Pages Pagefind indexed as search records. */
  searchRecordCount?: number;
}

/** Builds the whole site, or leaves `outputDir` exactly as it was when any issue has an error. */
export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const contentRoot = path.resolve(options.contentRoot ?? projectRoot);
  const outputDir = path.resolve(options.outputDir ?? path.join(projectRoot, "_site"));
  const archive = await loadArchive(contentRoot);
  const report = formatProblems(archive.problems);
  if (hasErrors(archive.problems) || !archive.config) return { ok: false, report, writtenCount: 0 };

  const siteData = buildSiteData(archive.config, archive.issues);
  const stagingDir = `${outputDir}.building-${process.pid}`;
  await rm(stagingDir, { recursive: true, force: true });
  await mkdir(path.dirname(outputDir), { recursive: true });
  try {
    const eleventy = new Eleventy(path.join(projectRoot, "templates"), stagingDir, {
      configPath: path.join(projectRoot, ".eleventy.js"),
      quietMode: !options.verbose,
      config(eleventyConfig) {
        eleventyConfig.addGlobalData("baoku", siteData);
        eleventyConfig.addGlobalData("contentRoot", contentRoot);
      },
    });
    const written = await eleventy.write();
    for (const image of publishedImages(archive.issues)) {
      const target = path.join(stagingDir, image.target);
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(path.join(contentRoot, image.source), target);
    }
    const search = await indexSearch(stagingDir, siteData.articles.map((article) => article.url));
    await swapInto(stagingDir, outputDir);
    return { ok: true, report, writtenCount: countWritten(written), searchRecordCount: search.recordCount };
  } catch (error) {
    await rm(stagingDir, { recursive: true, force: true });
    throw error;
  }
}

/** Replaces `outputDir` with `stagingDir` by renames, so readers of `outputDir` see the old site or the new one, never half of each. */
async function swapInto(stagingDir: string, outputDir: string): Promise<void> {
  const previousDir = `${outputDir}.previous-${process.pid}`;
  const hadPrevious = await access(outputDir).then(() => true, () => false);
  if (hadPrevious) await rename(outputDir, previousDir);
  await rename(stagingDir, outputDir);
  if (hadPrevious) await rm(previousDir, { recursive: true, force: true });
}

function countWritten(written: unknown): number {
  const [, templates] = Array.isArray(written) ? written : [];
  return Array.isArray(templates) ? templates.length : 0;
}

/** The value after `--name` on the command line, if given. */
export function optionValue(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const outputDir = optionValue("output");
  const contentRoot = optionValue("content");
  const result = await buildSite({
    verbose: process.argv.includes("--verbose"),
    ...(outputDir && { outputDir }),
    ...(contentRoot && { contentRoot }),
  });
  if (result.report) console.error(result.report);
  if (!result.ok) {
    console.error(`The site was not built; ${path.relative(process.cwd(), outputDir ?? "_site") || "."} is unchanged.`);
    process.exit(1);
  }
  console.log(`Built ${result.writtenCount} pages (${result.searchRecordCount} searchable) into ${outputDir ?? "_site"} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}
