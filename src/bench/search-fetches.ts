// What the search page costs a reader over the network, measured in Chromium on the built site: the bytes of the page before any query,
// of loading the search index at the first query (Pagefind's script and WebAssembly, every bundle's entry and page list, the archive's
// statistics), and each query's own (word chunks, the records opened, the pages its excerpts come from). Text files are counted as a
// host compressing them would send them (gzip), Pagefind's files as they are (they are compressed already).
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath } from "../util/chromium.ts";
import { serveStatic } from "../util/static-server.ts";

/** Queries of the kinds readers type: a name, a place, a set phrase, a common word, a number with its unit. */
export const BENCH_QUERIES = ["郭龙君", "古楼街道", "以克论净", "会议", "7699户"];

export interface SearchFetches {
  /** The search page and what it loads before a query. */
  pageKB: number;
  /** What the first query loads before its own words: the index of every bundle. */
  indexKB: number;
  /** Each query's own bytes, in the order of BENCH_QUERIES, each in a fresh page after the index is loaded. */
  queryKB: number[];
  /** Requests the first query made in all. */
  firstQueryRequests: number;
}

/** Whether a file is one of Pagefind's index files (already compressed) rather than text a host would compress. */
const PAGEFIND_BINARY = /\.(pf_meta|pf_index|pf_filter|pf_fragment|pagefind)$/;
const INDEX_FILE = /\/(pagefind\.js|pagefind-entry\.json|baoku-stats\.json|wasm\.[^/]+\.pagefind|[^/]+\.pf_meta|zh-traditional-marks\.js)$/;

/** Measures the site in `siteDir`; undefined when Chromium is not there. */
export async function measureSearchFetches(siteDir: string): Promise<SearchFetches | undefined> {
  const server = await serveStatic(siteDir);
  const profile = await mkdtemp(path.join(os.tmpdir(), "baoku-bench-chromium-"));
  const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath, headless: true, args: [...CHROMIUM_ARGS] }).catch(() => undefined);
  try {
    if (!context) return undefined;
    const sizes: { url: string; bytes: number; at: number }[] = [];
    let clock = 0;
    context.on("response", async (response) => {
      const body = await response.body().catch(() => Buffer.alloc(0));
      const url = new URL(response.url()).pathname;
      sizes.push({ url, bytes: PAGEFIND_BINARY.test(url) ? body.length : gzipSync(body).length, at: clock });
    });
    const page = await context.newPage();
    const settle = async () => {
      await page.locator('[data-search-status][data-state="done"]').waitFor({ timeout: 120_000 });
      await page.waitForLoadState("networkidle");
      // Responses are read after they arrive; give the last a moment to be counted.
      await new Promise((resolve) => setTimeout(resolve, 300));
    };
    await page.goto(new URL("search/", server.url).href);
    await settle();
    const pageKB = sizes.reduce((sum, each) => sum + each.bytes, 0) / 1e3;
    const queryKB: number[] = [];
    let indexKB = 0;
    let firstQueryRequests = 0;
    for (const [index, query] of BENCH_QUERIES.entries()) {
      clock = index + 1;
      if (index === 0) {
        await page.locator("[data-search-input]").fill(query);
        await page.locator("[data-search-input]").press("Enter");
      } else {
        // The same page, its index loaded: the query's own fetches, as a reader's second and later queries.
        await page.evaluate((text) => {
          const input = document.querySelector<HTMLInputElement>("[data-search-input]")!;
          input.value = text;
          input.form?.requestSubmit();
        }, query);
      }
      await page.waitForURL((address) => new URL(address).searchParams.get("q") === query);
      await settle();
      const these = sizes.filter((each) => each.at === clock);
      if (index === 0) {
        indexKB = these.filter((each) => INDEX_FILE.test(each.url)).reduce((sum, each) => sum + each.bytes, 0) / 1e3;
        firstQueryRequests = these.length;
      }
      queryKB.push(these.filter((each) => index > 0 || !INDEX_FILE.test(each.url)).reduce((sum, each) => sum + each.bytes, 0) / 1e3);
    }
    return { pageKB, indexKB, queryKB, firstQueryRequests };
  } finally {
    await context?.close();
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
}
