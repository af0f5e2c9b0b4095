// Indexes article pages for Pagefind's client-side search, one search bundle at a time (see src/site/search-bundles.ts). Each page is indexed
// as built (its data-pagefind-body, meta, filters and sort), plus its text spelled as segmentation-proof search terms
// (public/js/search-terms.js), which the search page queries with.
import path from "node:path";
import { readdir, rm } from "node:fs/promises";
import * as pagefind from "pagefind";
import { parse } from "node-html-parser";
import { indexTerms } from "../../public/js/search-terms.js";
import type { Language } from "../messages/language.ts";
import { say } from "../messages/texts.ts";

/** How much a match in each part of an article counts, against 1 for its body; Pagefind's data-pagefind-weight. */
const TERM_WEIGHTS = { title: 5, headings: 2 } as const;

export interface SearchIndexResult {
  /** Article pages that became search records. */
  recordCount: number;
}

/**
 * The page's HTML with its search terms added to the end of its data-pagefind-body, and without what the page marks data-pagefind-ignore
 * (纠错's link and date), which Pagefind would skip but the terms would not; the page served to readers is not changed.
 */
export function withSearchTerms(html: string): string {
  const root = parse(html);
  const body = root.querySelector("[data-pagefind-body]");
  if (!body) return html;
  for (const ignored of body.querySelectorAll("[data-pagefind-ignore]")) ignored.remove();
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

/**
 * Pagefind's language for the index. The search page queries spelled terms only and makes its excerpts itself, so Pagefind's own Chinese
 * word segmentation is not used; a language without segmentation or stemming ("zxx", no linguistic content) indexes about 1.7 times as fast
 * in about 60% of the memory, and no stemmer can change a spelled term.
 */
const INDEX_LANGUAGE = "zxx";

/**
 * Writes one search bundle into `bundleDir` from the article pages below `inputDirs` (written there with their search terms, see
 * render-part.ts); throws with Pagefind's own messages when indexing fails. Pagefind keeps the whole index in memory until it is written,
 * so each bundle has a Pagefind process of its own, closed when the bundle is written; the addresses it records are the pages' paths
 * below their input folder, and the search page adds the path prefix.
 */
export async function indexBundle(inputDirs: readonly string[], bundleDir: string, language: Language): Promise<SearchIndexResult> {
  const failed = (stage: "start" | "index" | "write", errors: readonly string[]) => new Error(say(language, "searchIndexFailed", { stage, errors: errors.join("; ") }));
  const { index, errors } = await pagefind.createIndex({ forceLanguage: INDEX_LANGUAGE });
  try {
    if (!index) throw failed("start", errors);
    let recordCount = 0;
    for (const inputDir of inputDirs) {
      const added = await index.addDirectory({ path: inputDir });
      if (added.errors.length > 0) throw failed("index", added.errors);
      recordCount += added.page_count;
    }
    const written = await index.writeFiles({ outputPath: bundleDir });
    if (written.errors.length > 0) throw failed("write", written.errors);
    await removeUnusedUi(bundleDir);
    return { recordCount };
  } finally {
    await pagefind.close();
  }
}
