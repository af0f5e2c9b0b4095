// Chinese search measured in real Chromium through the shipped search page: the bundled archive plus long filler issues made of its own
// paragraphs (so ranking is not trivial), and one issue of mixed Chinese and ASCII. Prints recall@3 and the bytes a first search fetches.
import assert from "node:assert/strict";
import { rm } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import { buildSite } from "../src/build/build.ts";
import { testRenderPool } from "./helpers/render-pool.ts";
import { askSearchPage, liveBundleUrl, openSearch, resultPaths } from "./helpers/search-page.ts";
import { browserSuite } from "./helpers/browser.ts";
import { searchArchive } from "./helpers/filler-archive.ts";
import { serveStatic, type StaticServer } from "../src/util/static-server.ts";
import { report } from "./helpers/report.ts";
import { QUERIES } from "./helpers/search-queries.ts";

const FILLER = { issues: 30, articlesPerIssue: 8, paragraphsPerArticle: 16 };

browserSuite("Chinese search in Chromium", (browser) => {
  let contentRoot: string;
  let site: StaticServer;

  before(async () => {
    contentRoot = await searchArchive(FILLER);
    const result = await buildSite({ renderPool: testRenderPool(), contentRoot, outputDir: path.join(contentRoot, "_site") });
    assert.ok(result.ok, report(result.problems));
    site = await serveStatic(path.join(contentRoot, "_site"));
  });

  after(async () => {
    await site?.close();
    if (contentRoot) await rm(contentRoot, { recursive: true, force: true });
  });

  const address = (pathAndQuery: string) => new URL(pathAndQuery, site.url).href;

  /** Opens the search page for a query and waits for its results. */
  async function search(page: Page, query: string, extra = ""): Promise<string[]> {
    await openSearch(page, site, `q=${encodeURIComponent(query)}${extra}`);
    return resultPaths(page);
  }

  test(`should put the right article in the top 3 for all ${QUERIES.length} queries`, async () => {
    const page = await browser.newPage();
    const misses: string[] = [];
    for (const { query, kind, article } of QUERIES) {
      await askSearchPage(page, site.url, query);
      const top3 = (await resultPaths(page)).slice(0, 3);
      if (!top3.includes(`/${article}`)) misses.push(`${query} (${kind}): wanted /${article}, got ${top3.join(" ") || "nothing"}`);
    }
    const found = QUERIES.length - misses.length;
    console.log(`recall@3: ${found}/${QUERIES.length} = ${(found / QUERIES.length).toFixed(3)}`);
    assert.deepEqual(misses, []);
  });

  test("should find nothing for a word that appears nowhere", async () => {
    const page = await browser.newPage();
    for (const query of ["量子计算机", "区块链", "xylophone"]) {
      assert.deepEqual(await search(page, query), [], query);
      assert.match(await page.locator("[data-search-status]").innerText(), /没有找到/);
    }
  });

  test("should report the bytes a first and a second search fetch from /pagefind/, running Pagefind in the page without a worker, and read the live bundle's index while the reader is at the box", async () => {
    const page = await browser.newPage();
    let bytes = 0;
    const workers: string[] = [];
    page.on("worker", (worker) => workers.push(worker.url()));
    page.on("response", async (response) => {
      const { pathname } = new URL(response.url());
      if (pathname.endsWith("/pagefind-worker.js")) workers.push(pathname);
      if (pathname.startsWith("/pagefind/")) bytes += (await response.body().catch(() => Buffer.alloc(0))).length;
    });
    await search(page, "信义币");
    await page.waitForLoadState("networkidle");
    const first = bytes;
    // The reader goes back to the box: the next search's instance of the live bundle is made then, not after 搜索. Its files come from
    // the browser's cache (the page read them for the first search), so there is no network to go quiet: the test waits until the
    // instance has asked for its page list and WebAssembly, as a reader who types for a moment would.
    const live = await liveBundleUrl(page);
    const prepared = new Set<string>();
    page.on("request", (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith(new URL(live, site.url).pathname) && /\.(pf_meta|pagefind)$/.test(pathname)) prepared.add(pathname.replace(/.*\./, ""));
    });
    await page.locator("[data-search-input]").focus();
    for (let waited = 0; prepared.size < 2 && waited < 100; waited++) await page.waitForTimeout(50);
    assert.deepEqual([...prepared].sort(), ["pagefind", "pf_meta"], "focusing the box made the next search's instance");
    assert.ok(live, "the live bundle is named on the page");
    const afterPressing: string[] = [];
    page.on("request", (request) => afterPressing.push(new URL(request.url()).pathname));
    await page.locator("[data-search-input]").fill("以克论净");
    await page.locator("[data-search-input]").press("Enter");
    await page.waitForURL(/q=%E4%BB%A5/);
    await page.locator('[data-search-status][data-state="done"]').waitFor();
    await page.waitForLoadState("networkidle");
    console.log(`bytes fetched under /pagefind/: first search ${first}, second search ${bytes - first}`);
    assert.ok(first > 0);
    assert.ok(bytes > first, "the second search read its own words");
    // The worker's script would be one more file fetched before the index, a round trip on a slow network.
    assert.deepEqual(workers, [], "no worker started, its script not fetched");
    // Nor, after 搜索, the live bundle's entry and page list: they were read while the reader was at the box.
    const liveFiles = afterPressing.filter(
      (pathname) => pathname.startsWith(new URL(live, site.url).pathname) && /(pagefind-entry\.json|\.pf_meta|\.pagefind)$/.test(pathname),
    );
    assert.deepEqual(liveFiles, [], "the live bundle's instance was ready before 搜索");
  });

  test("should read the live bundle's entry once a visit, not once a query", async () => {
    const page = await browser.newPage();
    await search(page, "信义币");
    for (const query of ["以克论净", "会议"]) {
      await page.locator("[data-search-input]").fill(query);
      await page.locator("[data-search-input]").press("Enter");
      await page.waitForURL((address) => new URL(address).searchParams.get("q") === query);
      await page.locator('[data-search-status][data-state="done"]').waitFor();
    }
    const live = new URL(await liveBundleUrl(page), site.url).pathname;
    // What the page fetched over the network, not from its cache (a file from the cache is transferred in 0 bytes).
    const fetched = await page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .flatMap((entry) => ((entry as PerformanceResourceTiming).transferSize > 0 ? [new URL(entry.name).pathname] : [])),
    );
    assert.deepEqual(
      fetched.filter((pathname) => pathname === `${live}pagefind-entry.json`),
      [`${live}pagefind-entry.json`],
    );
  });

  test("should ask for the live bundle's entry beside Pagefind's script, a sealed bundle's page list beside its entry, the months a first page needs in one round, and its records at once, on a slow network", async () => {
    // Each response waits 300 ms at the server: a page list asked for only once its entry had come would be asked after that entry's answer.
    const slow = await serveStatic(path.join(contentRoot, "_site"), { network: { latencyMs: 300, bytesPerSecond: 10_000_000 } });
    try {
      const page = await browser.newPage();
      const asked = new Map<string, number>();
      const answered = new Map<string, number>();
      // The first time each file is asked for and answered: Pagefind's own read of a page list fetched before comes from the cache.
      const first = (times: Map<string, number>, address: string) =>
        times.has(new URL(address).pathname) || times.set(new URL(address).pathname, performance.now());
      page.on("request", (request) => first(asked, request.url()));
      page.on("response", (response) => first(answered, response.url()));
      await openSearch(page, slow, `q=${encodeURIComponent("会议")}`);
      const live = await liveBundleUrl(page);
      // The live bundle's entry is asked beside Pagefind's script, not once the script has come, and its page list as soon as it has.
      for (const file of ["pagefind-entry.json", "pagefind.js"]) assert.ok(asked.has(`${live}${file}`), `${file} asked`);
      assert.ok(asked.get(`${live}pagefind-entry.json`)! < answered.get(`${live}pagefind.js`)!, "the live entry was asked before the script came");
      const liveMeta = [...asked.keys()].find((pathname) => pathname.startsWith(live) && pathname.endsWith(".pf_meta"));
      assert.ok(liveMeta && asked.get(liveMeta)! < answered.get(`${live}pagefind-entry.json`)! + 100, "its page list asked as soon as the entry came");
      const sealed = [...asked.keys()].filter((pathname) => pathname.endsWith("/pagefind-entry.json") && !pathname.startsWith(live));
      assert.ok(sealed.length > 0, "the query merged a sealed bundle");
      for (const entry of sealed) {
        const folder = entry.replace(/pagefind-entry\.json$/, "");
        const meta = [...asked.keys()].find((pathname) => pathname.startsWith(folder) && pathname.endsWith(".pf_meta"));
        assert.ok(meta, `${folder}: its page list was read`);
        assert.ok(asked.get(meta)! < answered.get(entry)!, `${folder}: its page list was asked for before its entry came`);
      }
      // 会议 is in too few records of the newest sealed month for a first page (40), as the directory's counts show: every sealed month
      // it needs is asked for in the same round, not one round and then the next.
      assert.ok(sealed.length >= 2, `会议 needs both sealed months (merged ${sealed.join(" ")})`);
      const firstAnswer = Math.min(...sealed.map((entry) => answered.get(entry)!));
      for (const entry of sealed) assert.ok(asked.get(entry)! < firstAnswer, `${entry}: asked in the first round`);
      // The records the first page is ranked from are asked for at once, not twenty and then the rest.
      const fragments = [...asked.keys()].filter((pathname) => pathname.endsWith(".pf_fragment"));
      assert.ok(fragments.length > 20, `more than one batch of records (${fragments.length})`);
      const firstFragment = Math.min(...fragments.map((fragment) => answered.get(fragment)!));
      const late = fragments.filter((fragment) => asked.get(fragment)! > firstFragment);
      assert.deepEqual(late, [], "every record of the first page asked before the first came");
    } finally {
      await slow.close();
    }
  });

  test("should show each result as soon as its article's page has come, in order, not once the whole page of results has", async () => {
    const page = await browser.newPage();
    // Every article page but the first asked for (the first result's: they are asked in the order of the results) comes 2 s late.
    const ARTICLE = /\/\d{4}\/\d{2}\/\d{2}\/\d+\/\d+\/$/;
    let asked = 0;
    let lateSent = Infinity;
    await page.route(
      (address) => ARTICLE.test(address.pathname),
      async (route) => {
        if (asked++ > 0) {
          await new Promise((resolve) => setTimeout(resolve, 2000));
          lateSent = Math.min(lateSent, performance.now());
        }
        await route.continue();
      },
    );
    await page.goto(address(`/search/?q=${encodeURIComponent("会议")}`));
    await page.locator(".search-result").first().waitFor();
    const firstShown = performance.now();
    assert.ok(firstShown < lateSent, "the first result was on screen before the other articles' pages came");
    assert.equal(await page.locator(".search-result").count(), 1);
    assert.ok((await page.locator(".search-result-excerpt mark").count()) > 0, "whole, with its excerpt");
    assert.notEqual(await page.locator("[data-search-status]").innerText(), "正在搜索…", "the status came with it");
    assert.equal(await page.locator("[data-search-results]").getAttribute("aria-busy"), "true", "the list is busy while the page comes in");
    await page.locator('[data-search-status][data-state="done"]').waitFor({ state: "attached" });
    assert.equal(await page.locator(".search-result").count(), 10);
    assert.equal(await page.locator("[data-search-results]").getAttribute("aria-busy"), null);
    assert.equal(asked, 10);
  });

  test("should show each result's title, date, 总第N期, 版, reporters (linked to their pages) and an excerpt with the terms marked", async () => {
    const page = await browser.newPage();
    await search(page, "信义币");
    const first = page.locator(".search-result").first();
    assert.equal(await first.locator(".search-result-title").innerText(), "“信义币”打底 共建美好家园");
    assert.equal(await first.locator(".search-result-meta").innerText(), "2022年11月1日 · 总第1480期 · 第2版 非凡十年 铸就辉煌 · 全兴社");
    assert.equal(await first.locator(".search-result-meta a").getAttribute("href"), "/people/quan-xingshe/");
    assert.equal(await first.locator(".search-result-excerpt mark").first().innerText(), "信义币");
  });

  test("should highlight the terms on the article a result opens", async () => {
    const page = await browser.newPage();
    await search(page, "以克论净");
    await page.locator(".search-result-title a").first().click();
    await page.waitForURL(/\/2022\/11\/01\/2\/2\/\?highlight=/);
    const marks = await page.locator("article mark.search-highlight").allInnerTexts();
    assert.deepEqual(marks, ["以克论净"]);
    assert.ok(await page.locator("article mark.search-highlight").isVisible());
  });

  test("should narrow by year, 版 and reporter, and sort by date both ways, keeping it all in the address", async () => {
    const page = await browser.newPage();
    const all = await search(page, "郭龙君");
    assert.ok(all.length >= 2);
    const byReporter = await search(page, "会议", "&reporter=%E8%A3%B4%E5%B4%87%E6%97%AD");
    assert.deepEqual(byReporter.sort(), ["/2022/11/01/1/3/", "/2022/11/01/1/4/"]);
    const onPage = await search(page, "信义", `&page=${encodeURIComponent("第2版")}`);
    assert.deepEqual(onPage, ["/2022/11/01/2/1/"]);
    const newest = await search(page, "郭龙君", "&sort=newest");
    const oldest = await search(page, "郭龙君", "&sort=oldest");
    assert.equal(newest[0], "/2023/01/03/1/1/");
    assert.equal(oldest[0]?.startsWith("/2022/11/01/"), true);
    // Results come from both search bundles, in date order across them.
    const datesOf = (urls: string[]) => urls.map((url) => url.slice(1, 11));
    assert.deepEqual(datesOf(newest), [...datesOf(newest)].sort().reverse());
    assert.deepEqual(datesOf(oldest), [...datesOf(oldest)].sort());
    assert.deepEqual(new Set(datesOf(newest).map((date) => date.slice(0, 4))), new Set(["2022", "2023"]));
    await page.locator('input[name="year"][value="2022"]').check();
    await page.waitForURL(/year=2022/);
    assert.match(page.url(), /q=%E9%83%AD%E9%BE%99%E5%90%9B/);
    assert.match(page.url(), /sort=oldest/);
    const common = await search(page, "会议", "&sort=newest");
    assert.equal(common.length, 10, "a full first page of results for 会议");
    assert.deepEqual(datesOf(common), [...datesOf(common)].sort().reverse());
  });

  test("should lead from the search box in every page's header to the search page", async () => {
    const page = await browser.newPage();
    await page.goto(address("/2022/11/01/"));
    await page.getByRole("search").first().getByRole("searchbox").fill("张百顺");
    await page.getByRole("search").first().getByRole("button", { name: "搜索" }).click();
    await page.waitForURL(/\/search\/\?q=/);
    await page.locator('[data-search-status][data-state="done"]').waitFor();
    assert.equal(
      new URL(
        await page
          .locator(".search-result-title a")
          .first()
          .evaluate((link) => (link as HTMLAnchorElement).href),
      ).pathname,
      "/2022/11/01/1/5/",
    );
  });
});
