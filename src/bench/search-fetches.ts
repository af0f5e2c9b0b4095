// What the search page costs a reader over the network, measured in Chromium on the built site served as a host serves it (files may be
// kept for 600 s, as GitHub Pages says): the bytes of the page before any query, of what the first query loads before its own words
// (Pagefind's script and WebAssembly, the live bundle, the term directory's head), and each query's own (directory shards, page lists
// and chunks of the bundles it merges, the records opened, the pages its excerpts come from). A file the browser already holds is not
// fetched again and not counted. Text files are counted as a host compressing them would send them (gzip), Pagefind's files as they are
// (they are compressed already). Then, on an emulated Slow 4G network, the time from pressing 搜索 to the first result on screen.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath } from "../util/chromium.ts";
import { serveStatic, type StaticServer } from "../util/static-server.ts";

/**
 * Queries of the kinds readers type, over the synthetic archive (made of the bundled issue's paragraphs, so every word of it is in
 * nearly every issue): names, places, set phrases and slogans, numbers with their unit, single characters, the commonest words, two words
 * at once, and a word the archive does not hold.
 */
export const BENCH_QUERIES = [
  "郭龙君",
  "全兴社",
  "裴崇旭",
  "古楼街道",
  "聊城",
  "以克论净",
  "三个十大",
  "信义币",
  "党的二十大",
  "乡村振兴",
  "志愿服务",
  "垃圾分类",
  "疫情防控",
  "7699户",
  "670个",
  "79万",
  "城",
  "会",
  "会议",
  "工作",
  "发展",
  "郭龙君 会议",
  "古楼街道 志愿服务",
  "量子计算机",
];

/** Chrome DevTools' "Slow 4G" profile: 562.5 ms latency, 1.6 Mbit/s × 0.9 down. */
export const SLOW_4G = { latencyMs: 562.5, bytesPerSecond: 180_000 };
/** Queries timed on Slow 4G, each pressed in the same page after the one before: the first loads the index. */
const TIMED_QUERIES = ["郭龙君", "会议", "以克论净", "7699户", "城"];

export interface SearchFetches {
  /** The search page and what it loads before a query. */
  pageKB: number;
  /** What the first query loads before its own words: Pagefind's script and WebAssembly, the live bundle, the directory's head. */
  indexKB: number;
  /** Each query's own bytes, in the order of BENCH_QUERIES, each asked in the same page after the one before. */
  queryKB: number[];
  /** Requests the first query made in all. */
  firstQueryRequests: number;
  /** Seconds from pressing 搜索 to the first result (or the "nothing found" line) on Slow 4G, in the order of TIMED_QUERIES. */
  slow4gSeconds: { query: string; seconds: number }[];
}

/** Whether a file is one of Pagefind's index files (already compressed) rather than text a host would compress. */
const PAGEFIND_BINARY = /\.(pf_meta|pf_index|pf_filter|pf_fragment|pagefind)$/;
/** What every query needs before its own words, whatever they are. */
const INDEX_FILE =
  /\/(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json|baoku-stats\.json|head\.json|wasm\.[^/]+\.pagefind|zh-traditional-marks\.js)$|\/pagefind\/[^/]+\/pagefind\.[^/]+\.pf_meta$/;

/** Measures the site in `siteDir`; undefined when Chromium is not there. */
export async function measureSearchFetches(siteDir: string): Promise<SearchFetches | undefined> {
  const server = await serveStatic(siteDir);
  // Slow 4G as hosts serve a site (GitHub Pages, Netlify, Cloudflare Pages): over HTTP/2, every file asked at once on one connection.
  // Over HTTP/1.1 Chromium opens six connections to a host, and forty fragments wait seven round trips, not one.
  const slowServer = await serveStatic(siteDir, { network: SLOW_4G, http2: true });
  const profile = await mkdtemp(path.join(os.tmpdir(), "baoku-bench-chromium-"));
  const trusted = `--ignore-certificate-errors-spki-list=${slowServer.spki}`;
  const context = await chromium
    .launchPersistentContext(profile, { executablePath: chromiumPath, headless: true, args: [...CHROMIUM_ARGS, trusted] })
    .catch(() => undefined);
  try {
    if (!context) return undefined;
    const sizes: { url: string; bytes: number; at: number }[] = [];
    /** What the browser holds: a file fetched before in this page comes from its cache. */
    const held = new Set<string>();
    let clock = 0;
    context.on("response", async (response) => {
      const address = new URL(response.url());
      if (held.has(address.href)) return;
      held.add(address.href);
      const at = clock;
      const body = await response.body().catch(() => Buffer.alloc(0));
      sizes.push({ url: address.pathname, bytes: PAGEFIND_BINARY.test(address.pathname) ? body.length : gzipSync(body).length, at });
    });
    const page = await context.newPage();
    await page.goto(new URL("search/", server.url).href);
    await settle(page);
    const pageKB = sizes.reduce((sum, each) => sum + each.bytes, 0) / 1e3;
    const queryKB: number[] = [];
    let indexKB = 0;
    let firstQueryRequests = 0;
    for (const [index, query] of BENCH_QUERIES.entries()) {
      clock = index + 1;
      await ask(page, query);
      await settle(page);
      const these = sizes.filter((each) => each.at === clock);
      if (index === 0) {
        indexKB = these.filter((each) => INDEX_FILE.test(each.url)).reduce((sum, each) => sum + each.bytes, 0) / 1e3;
        firstQueryRequests = these.length;
      }
      queryKB.push(these.filter((each) => index > 0 || !INDEX_FILE.test(each.url)).reduce((sum, each) => sum + each.bytes, 0) / 1e3);
    }
    return { pageKB, indexKB, queryKB, firstQueryRequests, slow4gSeconds: await timeOnSlow4g(context, slowServer) };
  } finally {
    await context?.close();
    await server.close();
    await slowServer.close();
    await rm(profile, { recursive: true, force: true });
  }
}

/** Waits until the search has finished and the network is quiet. */
async function settle(page: Page): Promise<void> {
  // Attached, not visible: the search page without a query keeps its status empty and hidden.
  await page.locator('[data-search-status][data-state="done"]').waitFor({ state: "attached", timeout: 300_000 });
  await page.waitForLoadState("networkidle");
  // Responses are read after they arrive; give the last a moment to be counted.
  await new Promise((resolve) => setTimeout(resolve, 300));
}

/** Types a query into the search box and presses 搜索 (Enter), as a reader does. */
async function ask(page: Page, query: string): Promise<void> {
  await page.locator("[data-search-input]").fill(query);
  await page.locator("[data-search-input]").press("Enter");
  await page.waitForURL((address) => new URL(address).searchParams.get("q") === query);
}

/** Each timed query's seconds from 搜索 to its first result on screen, in one page loaded on Slow 4G. */
async function timeOnSlow4g(context: BrowserContext, server: StaticServer): Promise<{ query: string; seconds: number }[]> {
  const page = await context.newPage();
  await page.goto(new URL("search/", server.url).href);
  await settle(page);
  const times: { query: string; seconds: number }[] = [];
  for (const query of TIMED_QUERIES) {
    const started = performance.now();
    await ask(page, query);
    await page.locator(".search-result, [data-search-status][data-state='done']").first().waitFor({ timeout: 300_000 });
    times.push({ query, seconds: (performance.now() - started) / 1000 });
    await settle(page);
  }
  await page.close();
  return times;
}
