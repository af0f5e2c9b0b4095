// Indexes the built article pages for Pagefind's client-side search. Each page is indexed as built (its data-pagefind-body, meta, filters
// and sort), plus its text spelled as segmentation-proof search terms (public/js/search-terms.js), which the search page queries with.
import path from "node:path";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import * as pagefind from "pagefind";
import { parse } from "node-html-parser";
import { indexTerms } from "../public/js/search-terms.js";

/** How much a match in each part of an article counts, against 1 for its body; Pagefind's data-pagefind-weight. */
const TERM_WEIGHTS = { title: 5, headings: 2 } as const;

export interface SearchIndexResult {
  /** Article pages that became search records. */
  recordCount: number;
}

/** The page's HTML with its search terms added to the end of its data-pagefind-body; the page served to readers is not changed. */
export function withSearchTerms(html: string): string {
  const root = parse(html);
  const body = root.querySelector("[data-pagefind-body]");
  if (!body) return html;
  const textOf = (selector: string) => body.querySelectorAll(selector).map((element) => element.textContent).join(" ");
  body.insertAdjacentHTML(
    "beforeend",
    `<div data-pagefind-weight="${TERM_WEIGHTS.title}">${indexTerms(textOf("h1"))}</div>` +
      `<div data-pagefind-weight="${TERM_WEIGHTS.headings}">${indexTerms(textOf(".kicker, .subtitle, .column"))}</div>` +
      `<div>${indexTerms(body.textContent)}</div>`,
  );
  return root.toString();
}

/** Pagefind's own search interfaces, which Baoku's search page does not use; about 430 KB not to publish. */
const UNUSED_UI = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;

async function removeUnusedUi(bundleDir: string): Promise<void> {
  for (const name of await readdir(bundleDir)) {
    if (UNUSED_UI.test(name)) await rm(path.join(bundleDir, name));
  }
}

/** An article page, by where it is written in the site. */
export interface IndexedPage {
  path: string;
}

/**
 * Writes the search bundle into `<siteDir>/pagefind/` for the given article pages; throws with Pagefind's own messages when indexing fails.
 * The pages, with their search terms added, are written to a scratch folder beside the site and indexed together with `addDirectory`,
 * which lets Pagefind read them in parallel; the addresses it records are the pages' paths, and the search page adds the path prefix.
 */
export async function indexSearch(siteDir: string, articles: readonly IndexedPage[]): Promise<SearchIndexResult> {
  const scratchDir = `${siteDir}.search-input`;
  await rm(scratchDir, { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex({ forceLanguage: "zh-cn" });
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
    for (const { path: sitePath } of articles) {
      const html = await readFile(path.join(siteDir, sitePath, "index.html"), "utf8");
      await mkdir(path.join(scratchDir, sitePath), { recursive: true });
      await writeFile(path.join(scratchDir, sitePath, "index.html"), withSearchTerms(html));
    }
    const added = await index.addDirectory({ path: scratchDir });
    if (added.errors.length > 0) throw new Error(`Pagefind could not index the article pages: ${added.errors.join("; ")}`);
    const bundleDir = path.join(siteDir, "pagefind");
    const written = await index.writeFiles({ outputPath: bundleDir });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its files: ${written.errors.join("; ")}`);
    await removeUnusedUi(bundleDir);
    return { recordCount: added.page_count };
  } finally {
    await pagefind.close();
    await rm(scratchDir, { recursive: true, force: true });
  }
}
