// The benchmark's baseline: the same issues as a plain Eleventy 3 project — one Markdown file per article and per issue page with one
// Nunjucks layout each, and one archive page per year — the way a site is usually built with Eleventy alone.
import { cp, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Issue } from "../model.ts";
import { markdownFile, peerPages } from "./peer-pages.ts";

const layoutsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "baseline", "_includes");

/** Writes the baseline Eleventy input for `issues` into `inputDir`; returns how many pages it will build. */
export async function writeBaselineInput(issues: readonly Issue[], inputDir: string): Promise<number> {
  await mkdir(inputDir, { recursive: true });
  await cp(layoutsDir, path.join(inputDir, "_includes"), { recursive: true });
  let pageCount = 0;
  for (const page of peerPages(issues)) {
    const dir = path.join(inputDir, page.dir);
    await mkdir(dir, { recursive: true });
    await writeFile(
      path.join(dir, page.name ?? "index.md"),
      markdownFile(
        ["layout", `${page.kind}.njk`],
        [
          ["title", page.title],
          ...(page.subtitle === undefined ? [] : [["subtitle", page.subtitle] as const]),
          ["year", page.year],
          ["permalink", page.url],
          ...Object.entries(page.fields),
        ],
        page.body,
      ),
    );
    pageCount++;
  }
  return pageCount;
}
