// Chinese search measured in real Chromium through the shipped search page: the bundled archive plus long filler issues made of its own
// paragraphs (so ranking is not trivial), and one issue of mixed Chinese and ASCII. Prints recall@3 and the bytes a first search fetches.
import assert from "node:assert/strict";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import { buildSite } from "../src/build/build.ts";
import { lunarDateOf, weekdayOf } from "../src/content/calendar.ts";
import { browserSuite } from "./helpers/browser.ts";
import { fillerArchive } from "./helpers/filler-archive.ts";
import { serveStatic, type StaticServer } from "./helpers/static-server.ts";
import { report } from "./helpers/report.ts";

const FILLER = { issues: 30, articlesPerIssue: 8, paragraphsPerArticle: 16 };
/** The mixed-script issue, in the next year: the archive has two search bundles (2022-11 and 2023-01), which the search page merges. */
const MIXED_DATE = "2023-01-03";

/** Each query and the article it must find in the top 3, by the end of its address. */
const QUERIES: { query: string; kind: string; article: string }[] = [
  { kind: "person", query: "李干杰", article: "2022/11/01/1/1/" },
  { kind: "person", query: "张百顺", article: "2022/11/01/1/5/" },
  { kind: "person", query: "李恒庆", article: "2022/11/01/1/2/" },
  { kind: "person", query: "李艳艳", article: "2022/11/01/2/1/" },
  { kind: "person", query: "周广鹏", article: "2022/11/01/2/1/" },
  { kind: "person", query: "董胜军", article: "2022/11/01/1/1/" },
  { kind: "person", query: "庞庆法", article: "2022/11/01/1/2/" },
  { kind: "person", query: "张振祥", article: "2022/11/01/1/6/" },
  { kind: "place", query: "湖北社区", article: "2022/11/01/2/1/" },
  { kind: "place", query: "古楼街道", article: "2022/11/01/2/1/" },
  { kind: "place", query: "肖新街", article: "2022/11/01/2/2/" },
  { kind: "place", query: "水城隆东巷", article: "2022/11/01/2/2/" },
  { kind: "place", query: "乐园小学", article: "2022/11/01/2/1/" },
  { kind: "place", query: "万恒眼科", article: "2022/11/01/2/1/" },
  { kind: "four-character phrase", query: "以克论净", article: "2022/11/01/2/2/" },
  { kind: "four-character phrase", query: "逆势上扬", article: "2022/11/01/1/5/" },
  { kind: "four-character phrase", query: "足不出户", article: "2022/11/01/1/2/" },
  { kind: "four-character phrase", query: "爱不释手", article: "2022/11/01/2/1/" },
  { kind: "four-character phrase", query: "焕然一新", article: "2022/11/01/1/5/" },
  { kind: "four-character phrase", query: "行稳致远", article: "2022/11/01/1/1/" },
  { kind: "four-character phrase", query: "一呼百应", article: "2022/11/01/2/1/" },
  { kind: "four-character phrase", query: "原原本本", article: "2022/11/01/1/4/" },
  { kind: "slogan", query: "三个十大", article: "2022/11/01/1/1/" },
  { kind: "slogan", query: "动态清零", article: "2022/11/01/1/2/" },
  { kind: "slogan", query: "外防输入", article: "2022/11/01/1/2/" },
  { kind: "slogan", query: "两个确立", article: "2022/11/01/1/1/" },
  { kind: "slogan", query: "七个狠抓", article: "2022/11/01/1/5/" },
  { kind: "slogan", query: "三个精准把握", article: "2022/11/01/1/5/" },
  { kind: "slogan", query: "走在前、开新局", article: "2022/11/01/1/1/" },
  { kind: "slogan", query: "总体国家安全观", article: "2022/11/01/1/3/" },
  { kind: "slogan", query: "城市让生活更美好", article: "2022/11/01/2/2/" },
  { kind: "slogan", query: "互联网+乡村振兴", article: "2022/11/01/1/6/" },
  { kind: "slogan", query: "一排底线", article: "2022/11/01/1/1/" },
  { kind: "number with unit", query: "41.39亿元", article: "2022/11/01/2/2/" },
  { kind: "number with unit", query: "直径4厘米", article: "2022/11/01/2/1/" },
  { kind: "number with unit", query: "1650余根", article: "2022/11/01/2/2/" },
  { kind: "number with unit", query: "7699户", article: "2022/11/01/2/2/" },
  { kind: "number with unit", query: "55.7公里", article: "2022/11/01/2/2/" },
  { kind: "two-character word", query: "葫芦", article: "2022/11/01/1/6/" },
  { kind: "two-character word", query: "哨点", article: "2022/11/01/1/2/" },
  { kind: "mixed Chinese and ASCII", query: "5G基站", article: "2023/01/03/1/1/" },
  { kind: "mixed Chinese and ASCII", query: "GDP", article: "2023/01/03/1/2/" },
  { kind: "mixed Chinese and ASCII", query: "5G", article: "2023/01/03/1/1/" },
  { kind: "name of a thing", query: "信义币", article: "2022/11/01/2/1/" },
  { kind: "name of a thing", query: "场所码", article: "2022/11/01/1/2/" },
  { kind: "name of a thing", query: "木版年画", article: "2022/11/01/1/6/" },
  { kind: "name of a thing", query: "重返米市街", article: "2022/11/01/2/2/" },
  { kind: "name of a thing", query: "棚户区改造", article: "2022/11/01/2/2/" },
  { kind: "name of a thing", query: "第十九届中央委员会", article: "2022/11/01/1/4/" },
  { kind: "name of a thing", query: "理论学习中心组", article: "2022/11/01/1/3/" },
];

/** An issue with Latin letters and digits inside Chinese text, for the mixed-script queries. */
const MIXED_ISSUE = `---
issue: 1511
date: ${MIXED_DATE}
lunar: ${lunarDateOf(MIXED_DATE)}
weekday: ${weekdayOf(MIXED_DATE)}
pages: 4
---

# 第1版 要闻

## 全区新建一批信息基础设施

东昌府讯 12月1日，记者从区工信局获悉，今年以来全区累计建成5G基站120个，城区实现5G网络连续覆盖，重点园区千兆光网通达率达到百分之百。

(融媒体 郭龙君)

## 前三季度全区经济稳中有进

东昌府讯 12月1日，区统计局发布数据，前三季度全区地区生产总值（GDP）同比增长4.8%，规模以上工业增加值增长6.1%。

(融媒体 全兴社)
`;

browserSuite("Chinese search in Chromium", (browser) => {
  let contentRoot: string;
  let site: StaticServer;

  before(async () => {
    contentRoot = await fillerArchive(FILLER);
    await mkdir(path.join(contentRoot, "issues/2023"), { recursive: true });
    await writeFile(path.join(contentRoot, `issues/2023/${MIXED_DATE}.md`), MIXED_ISSUE);
    const result = await buildSite({ contentRoot, outputDir: path.join(contentRoot, "_site") });
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
    await page.goto(address(`/search/?q=${encodeURIComponent(query)}${extra}`));
    await page.locator('[data-search-status][data-state="done"]').waitFor();
    return page.locator(".search-result-title a").evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
  }

  test(`should put the right article in the top 3 for all ${QUERIES.length} queries`, async () => {
    const page = await browser.newPage();
    const misses: string[] = [];
    for (const { query, kind, article } of QUERIES) {
      const top3 = (await search(page, query)).slice(0, 3);
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

  test("should report the bytes a first and a second search fetch from /pagefind/", async () => {
    const page = await browser.newPage();
    let bytes = 0;
    page.on("response", async (response) => {
      if (new URL(response.url()).pathname.startsWith("/pagefind/")) bytes += (await response.body().catch(() => Buffer.alloc(0))).length;
    });
    await search(page, "信义币");
    await page.waitForLoadState("networkidle");
    const first = bytes;
    await page.locator("[data-search-input]").fill("以克论净");
    await page.locator("[data-search-input]").press("Enter");
    await page.waitForURL(/q=%E4%BB%A5/);
    await page.locator('[data-search-status][data-state="done"]').waitFor();
    await page.waitForLoadState("networkidle");
    console.log(`bytes fetched under /pagefind/: first search ${first}, second search ${bytes - first}`);
    assert.ok(first > 0);
  });

  test("should show each result's title, date, 总第N期, 版, reporters (linked to their pages) and an excerpt with the terms marked", async () => {
    const page = await browser.newPage();
    await search(page, "信义币");
    const first = page.locator(".search-result").first();
    assert.equal(await first.locator(".search-result-title").innerText(), "“信义币”打底 共建美好家园");
    assert.equal(await first.locator(".search-result-meta").innerText(), "2022-11-01 · 总第1480期 · 第2版 非凡十年 铸就辉煌 · 全兴社");
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
    const onPage = await search(page, "信义", `&page=${encodeURIComponent("非凡十年 铸就辉煌")}`);
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
    assert.equal(new URL(await page.locator(".search-result-title a").first().evaluate((link) => (link as HTMLAnchorElement).href)).pathname, "/2022/11/01/1/5/");
  });
});
