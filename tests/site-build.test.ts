// Builds the small fixture archive with the real pipeline and Eleventy, and checks the pages written: which exist, what they show and how they link.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { existsSync } from "node:fs";
import { cp, mkdtemp, mkdir, readFile, readdir, rm, copyFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { gunzipSync } from "node:zlib";
import { parse, type HTMLElement } from "node-html-parser";
import { buildSite } from "../src/build/build.ts";
import { testRenderPool } from "./helpers/render-pool.ts";
import { report } from "./helpers/report.ts";

const fixtureRoot = fileURLToPath(new URL("./fixtures/archive-small/", import.meta.url));

let workDir: string;
let siteDir: string;

before(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), "baoku-site-build-"));
  siteDir = path.join(workDir, "_site");
  const result = await buildSite({ renderPool: testRenderPool(), contentRoot: fixtureRoot, outputDir: siteDir });
  assert.ok(result.ok, report(result.problems));
});

after(async () => {
  await rm(workDir, { recursive: true, force: true });
});

/** The built page at a site URL such as /2021/12/30/, parsed. */
async function open(url: string, root = siteDir): Promise<HTMLElement> {
  return parse(await readFile(fileOf(url, root), "utf8"));
}

/** The file a site URL is served from. */
function fileOf(url: string, root = siteDir): string {
  return path.join(root, url.endsWith("/") ? `${url}index.html` : url);
}

/** Every HTML page of a built site, as site URLs, sorted. */
async function pageUrls(root = siteDir): Promise<string[]> {
  const files = await readdir(root, { recursive: true });
  return files
    .filter((file) => file.endsWith(".html"))
    .map((file) => `/${file.split(path.sep).join("/")}`.replace(/index\.html$/, ""))
    .sort();
}

/** Text with runs of whitespace collapsed, as a reader sees it. */
function textOf(element: HTMLElement | null): string {
  assert.ok(element, "the element is missing");
  return element.textContent.replace(/\s+/g, " ").trim();
}

function hrefs(elements: HTMLElement[]): (string | undefined)[] {
  return elements.map((element) => element.getAttribute("href"));
}

function relLink(document: HTMLElement, rel: "prev" | "next"): string | undefined {
  return document.querySelector(`a[rel="${rel}"]`)?.getAttribute("href");
}

/** Checks each page's previous and next links: rows of [page, previous, next], undefined where there is none. */
async function assertNeighbours(expected: (string | undefined)[][]): Promise<void> {
  for (const [url, previous, next] of expected) {
    const document = await open(url!);
    assert.deepEqual([relLink(document, "prev"), relLink(document, "next")], [previous, next], url);
  }
}

test("should write one page per issue, 版, article, year, issue number, person and day with an issue, plus home, archive, 数据与引用, people, the days' calendars, search and 404", async () => {
  assert.deepEqual(await pageUrls(), [
    "/",
    "/2021/12/30/",
    "/2021/12/30/1/",
    "/2021/12/30/1/1/",
    "/2021/12/30/1/2/",
    "/2021/12/30/2/",
    "/2021/12/30/2/1/",
    "/2021/12/31/",
    "/2021/12/31/1/",
    "/2021/12/31/1/1/",
    "/2022/01/03/",
    "/2022/01/03/1/",
    "/2022/01/03/1/1/",
    "/2022/01/03/1/2/",
    "/2022/01/03/2/",
    "/2022/01/03/2/1/",
    "/2022/01/04/",
    "/2022/01/04/1/",
    "/2022/01/04/1/1/",
    "/2022/01/04/4/",
    "/2022/01/04/4/1/",
    "/404.html",
    "/archive/",
    "/archive/2021/",
    "/archive/2022/",
    "/data/",
    "/day/",
    "/day/01-03/",
    "/day/01-04/",
    "/day/12-30/",
    "/day/12-31/",
    "/lunar/",
    "/lunar/11-27/",
    "/lunar/11-28/",
    "/lunar/12-01/",
    "/lunar/12-02/",
    "/no/1201/",
    "/no/1202/",
    "/no/1203/",
    "/no/1204/",
    "/people/",
    "/people/guo-longjun/",
    "/people/pei-chongxu/",
    "/people/quan-xingshe/",
    "/people/xu-zhenxin/",
    "/people/zhang-zhenxiang/",
    "/search/",
  ]);
});

test("should copy the stylesheet to the site root", async () => {
  const css = await readFile(path.join(siteDir, "css", "site.css"), "utf8");
  assert.match(css, /font-family/);
});

test("should mark every page as Simplified Chinese with a charset, viewport and title", async () => {
  for (const url of await pageUrls()) {
    const document = await open(url);
    assert.equal(document.querySelector("html")?.getAttribute("lang"), "zh-CN", url);
    assert.ok(document.querySelector("meta[charset]"), `${url} has no meta charset`);
    assert.ok(document.querySelector('meta[name="viewport"]'), `${url} has no viewport`);
    assert.match(textOf(document.querySelector("title")), /东昌府讯 数字报$/, url);
    assert.equal(document.querySelector(".site-name")?.getAttribute("href"), "/", url);
    assert.deepEqual(hrefs(document.querySelectorAll(".site-nav a")), ["/", "/archive/", "/people/"], url);
  }
});

test("should give every page but the 404 a canonical link under the site's base URL", async () => {
  const urls = (await pageUrls()).filter((url) => url !== "/404.html" && !url.startsWith("/no/"));
  for (const url of urls) {
    const document = await open(url);
    assert.equal(document.querySelector('link[rel="canonical"]')?.getAttribute("href"), `http://localhost:8080${url}`, url);
  }
  assert.equal((await open("/404.html")).querySelector('link[rel="canonical"]'), null);
});

test("should title an article page with its headline, date, 版 and the site", async () => {
  const document = await open("/2021/12/30/1/1/");
  assert.equal(textOf(document.querySelector("title")), "区委经济工作会议召开 - 2021年12月30日 第1版 - 东昌府讯 数字报");
});

test("should show the whole masthead on an issue page", async () => {
  const masthead = textOf((await open("/2021/12/30/")).querySelector(".masthead"));
  for (const part of [
    "东昌府讯",
    "DONGCHANGSHIXUN",
    "2021年12月30日",
    "星期四",
    "农历辛丑年十一月廿七",
    "总第1201期",
    "今日4版",
    "http://dcf.lcxw.cn",
    "dcsx2005@sina.com",
  ]) {
    assert.ok(masthead.includes(part), `the masthead lacks ${part}: ${masthead}`);
  }
});

test("should list an issue's 版 and every headline under its 版", async () => {
  const document = await open("/2021/12/30/");
  assert.deepEqual(hrefs(document.querySelectorAll(".page-nav a")), ["/2021/12/30/1/", "/2021/12/30/2/"]);
  const groups = document.querySelectorAll(".headline-group").map((group) => ({
    page: textOf(group.querySelector("h3")),
    headlines: group.querySelectorAll("li a").map((link) => [textOf(link), link.getAttribute("href")]),
  }));
  assert.deepEqual(groups, [
    {
      page: "第1版 要闻",
      headlines: [
        ["区委经济工作会议召开", "/2021/12/30/1/1/"],
        ["图片新闻", "/2021/12/30/1/2/"],
      ],
    },
    { page: "第2版 综合", headlines: [["“信义币”打底 共建<美好>家园", "/2021/12/30/2/1/"]] },
  ]);
  assert.ok(hrefs(document.querySelectorAll("a")).includes("/archive/2021/"), "no link to the year's 往期回顾");
});

test("should link each issue to the one before and after it, across years", async () => {
  const expected = [
    ["/2021/12/30/", undefined, "/2021/12/31/"],
    ["/2021/12/31/", "/2021/12/30/", "/2022/01/03/"],
    ["/2022/01/03/", "/2021/12/31/", "/2022/01/04/"],
    ["/2022/01/04/", "/2022/01/03/", undefined],
  ];
  await assertNeighbours(expected);
});

test("should link each 版 to its neighbours, skipping 版 the file leaves out, the first 版 back to 上一期 and the last on to 下一期", async () => {
  const first = await open("/2022/01/04/1/");
  const last = await open("/2022/01/04/4/");
  assert.deepEqual([relLink(first, "prev"), relLink(first, "next")], ["/2022/01/03/", "/2022/01/04/4/"], "上一期 from the first 版");
  assert.deepEqual([relLink(last, "prev"), relLink(last, "next")], ["/2022/01/04/1/", undefined], "the archive's newest issue: no 下一期");
  const lastOfEarlier = await open("/2022/01/03/2/");
  assert.equal(relLink(lastOfEarlier, "next"), "/2022/01/04/", "下一期 from the last 版");
  assert.match(lastOfEarlier.querySelector('a[rel="next"]')?.textContent ?? "", /^下一期$/);
  assert.deepEqual(hrefs(last.querySelectorAll(".page-nav a")), ["/2022/01/04/1/", "/2022/01/04/4/"]);
  assert.equal(last.querySelector('.page-nav a[aria-current="page"]')?.getAttribute("href"), "/2022/01/04/4/");
});

test("should list a 版's articles in order with kicker, column, linked title and lead", async () => {
  const document = await open("/2021/12/30/2/");
  assert.equal(textOf(document.querySelector("h1")), "第2版 综合");
  const summary = document.querySelector(".article-summary");
  assert.equal(textOf(summary!.querySelector(".kicker")), "非凡十年 铸就辉煌");
  assert.equal(textOf(summary!.querySelector(".column")), "基层治理");
  assert.equal(summary!.querySelector(".summary-title a")?.getAttribute("href"), "/2021/12/30/2/1/");
  assert.equal(textOf(summary!.querySelector(".lead")), "古楼街道湖北社区“信义+”公益大集开市，志愿者队伍招新迎新。");
  assert.deepEqual(hrefs((await open("/2021/12/30/1/")).querySelectorAll(".summary-title a")), ["/2021/12/30/1/1/", "/2021/12/30/1/2/"]);
});

test("should link articles through the whole issue, the first and last having no neighbour beyond", async () => {
  const expected = [
    ["/2021/12/30/1/1/", undefined, "/2021/12/30/1/2/"],
    ["/2021/12/30/1/2/", "/2021/12/30/1/1/", "/2021/12/30/2/1/"],
    ["/2021/12/30/2/1/", "/2021/12/30/1/2/", undefined],
  ];
  await assertNeighbours(expected);
});

test("should show an article's subtitle, bold dateline, body, byline and where it was printed", async () => {
  const document = await open("/2021/12/30/1/1/");
  assert.equal(textOf(document.querySelector("h1")), "区委经济工作会议召开");
  assert.equal(textOf(document.querySelector(".subtitle")), "总结今年经济工作 部署明年重点任务");
  assert.equal(textOf(document.querySelector(".article-body strong.dateline")), "东昌府讯 12月29日");
  assert.deepEqual(document.querySelectorAll(".article-body p").map(textOf), [
    "区委经济工作会议召开，总结全年经济工作，分析当前经济形势，部署明年经济工作。",
    "会议强调，要坚持稳中求进工作总基调，确保明年经济工作开好局、起好步。",
  ]);
  assert.equal(textOf(document.querySelector(".byline")), "（融媒体 郭龙君 通讯员 张振祥）");
  const source = document.querySelectorAll(".article-source li");
  assert.deepEqual(source.map(textOf), ["东昌府讯", "2021年12月30日 星期四", "总第1201期", "第1版 · 要闻"]);
  assert.deepEqual(hrefs(document.querySelectorAll(".article-source a")), ["/2021/12/30/", "/2021/12/30/1/"]);
});

test("should show photo news printed without a title as its caption and credit", async () => {
  const document = await open("/2021/12/30/1/2/");
  assert.equal(textOf(document.querySelector("h1")), "图片新闻");
  const figure = document.querySelector("article figure");
  assert.equal(figure?.querySelector("img"), null, "a caption-only photo has no image");
  assert.equal(textOf(figure!.querySelector(".photo-credit")), "融媒体 徐振鑫 通讯员 张振祥 摄");
  assert.ok(textOf(figure!.querySelector("figcaption")).startsWith("近日，区农业农村局组织农技人员深入田间地头"));
  assert.ok(figure!.classList.contains("is-caption-only"), "set as a caption on its own");
  assert.equal(
    textOf(figure!.querySelector(".photo-print-note")),
    "照片刊于当日报纸第1版，融媒体 徐振鑫 通讯员 张振祥 摄",
    "it says the printed 版 carried the photo, and whose it was",
  );
  assert.ok(document.querySelector("article.is-caption-only"));
});

test("should escape text from issue files instead of reading it as HTML", async () => {
  const html = await readFile(fileOf("/2021/12/30/2/1/"), "utf8");
  assert.ok(html.includes("共建&lt;美好&gt;家园"));
  assert.ok(!html.includes("<美好>"));
});

test("should link each day with an issue from its year's calendar, named with the full date, drawing only the months with issues", async () => {
  const expected = {
    "/archive/2021/": [
      ["/2021/12/30/", "2021年12月30日"],
      ["/2021/12/31/", "2021年12月31日"],
    ],
    "/archive/2022/": [
      ["/2022/01/03/", "2022年1月3日"],
      ["/2022/01/04/", "2022年1月4日"],
    ],
  };
  for (const [url, days] of Object.entries(expected)) {
    const document = await open(url);
    const calendars = document.querySelectorAll("table.calendar");
    assert.equal(calendars.length, 1, url);
    assert.equal(textOf(document.querySelector(".calendar-empty")), url === "/archive/2021/" ? "2021年1月至11月没有报纸。" : "2022年2月至12月没有报纸。");
    assert.deepEqual(calendars[0]!.querySelectorAll("thead th").map(textOf), ["一", "二", "三", "四", "五", "六", "日"]);
    const links = document.querySelectorAll("table.calendar a");
    assert.deepEqual(
      links.map((link) => [link.getAttribute("href"), link.getAttribute("aria-label")?.split(" ")[0]]),
      days,
      url,
    );
  }
});

test("should start each calendar week on Monday", async () => {
  const december = (await open("/archive/2021/")).querySelector("table#month-12")!;
  // 2021-12-30 was a Thursday, the fourth day of its week.
  const week = december.querySelectorAll("tbody tr").find((row) => row.querySelector('a[href="/2021/12/30/"]'));
  assert.deepEqual(week!.querySelectorAll("td").map(textOf), ["27", "28", "29", "30", "31", "", ""]);
});

test("should list the years newest first with their issue counts", async () => {
  const items = (await open("/archive/")).querySelectorAll(".year-card");
  assert.deepEqual(
    items.map((item) => [textOf(item.querySelector("h2")), textOf(item.querySelector(".issue-count"))]),
    [
      ["2022年", "共2期"],
      ["2021年", "共2期"],
    ],
  );
  assert.deepEqual(
    items.map((item) => item.querySelector("h2 a")?.getAttribute("href")),
    ["/archive/2022/", "/archive/2021/"],
  );
  // One cell a month, shaded by the share of its days with an issue: two issues in a month are its first quarter.
  const strip = items[0]!.querySelectorAll(".month-strip li");
  assert.equal(strip.length, 12);
  assert.deepEqual(
    strip.map((month) => month.getAttribute("class")),
    ["density-1", ...Array.from({ length: 11 }, () => "density-0")],
  );
  assert.equal(textOf(strip[0]!), "1月 2期");
  assert.equal(strip[0]!.querySelector("a")?.getAttribute("href"), "/archive/2022/#month-1");
});

test("should mark the archive's newest issue on its calendar and on /archive/, and leave today to the reader's clock", async () => {
  const newest = (await open("/archive/2022/")).querySelectorAll("td.is-newest a");
  assert.deepEqual(
    newest.map((link) => [link.getAttribute("href"), link.getAttribute("aria-label")]),
    [["/2022/01/04/", "2022年1月4日 总第1204期 最新一期"]],
  );
  assert.equal((await open("/archive/2021/")).querySelectorAll("td.is-newest").length, 0);
  assert.equal(
    (await open("/archive/2022/")).querySelector('#month-1 td[data-date="2022-01-05"]')?.textContent,
    "5",
    "every day carries its date for js/calendar-today.js",
  );
  assert.equal(textOf((await open("/archive/")).querySelector(".archive-newest")), "最新一期：2022年1月4日 总第1204期");
});

test("should describe every page for search engines, a 版 by its headlines", async () => {
  const description = (document: HTMLElement) => document.querySelector('meta[name="description"]')?.getAttribute("content");
  assert.equal(description(await open("/2021/12/30/1/")), "2021年12月30日 第1版 要闻：区委经济工作会议召开；图片新闻");
  for (const url of ["/", "/2021/12/30/", "/2021/12/30/1/1/", "/archive/", "/archive/2021/", "/search/", "/404.html"]) {
    assert.ok((description(await open(url)) ?? "").length > 10, `${url} has a description`);
  }
});

test("should redirect /no/<n>/ to the issue's dated page", async () => {
  const document = await open("/no/1203/");
  assert.equal(document.querySelector('meta[http-equiv="refresh"]')?.getAttribute("content"), "0; url=/2022/01/03/");
  assert.equal(document.querySelector('link[rel="canonical"]')?.getAttribute("href"), "http://localhost:8080/2022/01/03/");
  assert.ok(hrefs(document.querySelectorAll("main a")).includes("/2022/01/03/"), "no visible link to the issue");
});

test("should show the newest issue's front page under its masthead at /", async () => {
  const document = await open("/");
  assert.ok(textOf(document.querySelector(".masthead")).includes("2022年1月4日"));
  assert.deepEqual(hrefs(document.querySelectorAll(".summary-title a")), ["/2022/01/04/1/1/"]);
});

test("should write a 404 page that leads home and to the archive", async () => {
  const document = await open("/404.html");
  assert.equal(textOf(document.querySelector("h1")), "页面不存在");
  assert.deepEqual(hrefs(document.querySelectorAll("main a")), ["/", "/archive/"]);
});

test("should write byte-identical pages when built again from the same input", async () => {
  const againDir = path.join(workDir, "again");
  const result = await buildSite({ renderPool: testRenderPool(), contentRoot: fixtureRoot, outputDir: againDir });
  assert.ok(result.ok, report(result.problems));
  const urls = await pageUrls();
  assert.deepEqual(await pageUrls(againDir), urls);
  for (const url of urls) {
    assert.equal(await readFile(fileOf(url, againDir), "utf8"), await readFile(fileOf(url), "utf8"), url);
  }
});

test("should refuse an archive with no issues, and with allowEmpty write a friendly home page and no issue pages", async () => {
  const emptyRoot = path.join(workDir, "empty");
  await mkdir(path.join(emptyRoot, "issues"), { recursive: true });
  await copyFile(path.join(fixtureRoot, "baoku.config.json"), path.join(emptyRoot, "baoku.config.json"));
  const emptySite = path.join(workDir, "empty-site");
  const refused = await buildSite({ renderPool: testRenderPool(), contentRoot: emptyRoot, outputDir: emptySite });
  assert.deepEqual(
    refused.problems.map((found) => found.kind),
    ["NoIssues"],
    "an empty archive needs --allow-empty",
  );
  const result = await buildSite({ renderPool: testRenderPool(), contentRoot: emptyRoot, outputDir: emptySite, allowEmpty: true });
  assert.ok(result.ok, report(result.problems));
  // No day pages either: a calendar of days that all say "no issue" would lead nowhere.
  assert.deepEqual(await pageUrls(emptySite), ["/", "/404.html", "/archive/", "/data/", "/people/", "/search/"]);
  assert.match(textOf((await open("/", emptySite)).querySelector("main")), /还没有发布任何一期报纸/);
});

test("should publish photos beside their issue with their size, caption as alt text, and credit", async () => {
  const contentRoot = await mkdtemp(path.join(tmpdir(), "baoku-photos-"));
  const photoSite = path.join(contentRoot, "_site");
  try {
    await mkdir(path.join(contentRoot, "issues"), { recursive: true });
    await copyFile(path.join(fixtureRoot, "baoku.config.json"), path.join(contentRoot, "baoku.config.json"));
    await cp(fileURLToPath(new URL("./fixtures/photo-news/issues/", import.meta.url)), path.join(contentRoot, "issues"), { recursive: true });
    const result = await buildSite({ renderPool: testRenderPool(), contentRoot, outputDir: photoSite });
    assert.ok(result.ok, report(result.problems));
    const photoNews = await open("/2022/11/02/1/1/", photoSite);
    const image = photoNews.querySelector("figure img");
    assert.match(image?.getAttribute("src") ?? "", /^\/2022\/11\/02\/photo-1\.40\.[0-9a-f]{10}\.jpg$/, "a JPEG derivative no wider than the photo");
    assert.equal(image?.getAttribute("width"), "40");
    assert.equal(image?.getAttribute("height"), "30");
    assert.equal(image?.getAttribute("alt"), "区农业农村局推动“互联网+乡村振兴”");
    assert.match(textOf(photoNews.querySelector("figure figcaption")), /融媒体 徐振鑫 摄$/);
    assert.ok((await readFile(path.join(photoSite, image!.getAttribute("src")!))).length > 0, "the image is published beside its issue");
    const captionOnly = await open("/2022/11/02/1/3/", photoSite);
    assert.equal(captionOnly.querySelector("figure img"), null);
    assert.match(textOf(captionOnly.querySelector("figure figcaption")), /^近年来，区农业农村局.*融媒体 徐振鑫 通讯员 张振祥 摄$/);
    assert.equal(textOf(captionOnly.querySelector("h1")), "图片新闻");
  } finally {
    await rm(contentRoot, { recursive: true, force: true });
  }
});

test("should index one search record an issue, each article a section under an anchor, and publish no article text in it", async () => {
  // The fixture's articles are of December 2021 and January 2022: a search bundle for each month, the newest live, the other sealed and
  // listed in the term directory; the search page names only the live bundle and finds the others there.
  assert.deepEqual((await readdir(path.join(siteDir, "pagefind"))).sort(), ["2021-12", "2022-01", "directory"]);
  assert.deepEqual(JSON.parse((await open("/search/")).querySelector("[data-search]")?.getAttribute("data-search-bundles") ?? ""), [
    { key: "2022-01", url: "/pagefind/2022-01/" },
  ]);
  const head = JSON.parse(await readFile(path.join(siteDir, "pagefind/directory/head.json"), "utf8")) as {
    bundles: string[];
    metas: string[];
    records: number;
  };
  assert.deepEqual(head.bundles, ["2021-12"]);
  // And the page list of each sealed bundle, which the search page asks for beside the bundle's entry.
  assert.equal(head.metas.length, 1);
  assert.ok(existsSync(path.join(siteDir, "pagefind/2021-12", `pagefind.${head.metas[0]}.pf_meta`)), `pagefind.${head.metas[0]}.pf_meta`);
  const entries = await Promise.all(
    ["2021-12", "2022-01"].map(
      async (key) =>
        JSON.parse(await readFile(path.join(siteDir, `pagefind/${key}/pagefind-entry.json`), "utf8")) as { languages: Record<string, { page_count: number }> },
    ),
  );
  const bundle = await readdir(path.join(siteDir, "pagefind/2022-01"));
  assert.ok(bundle.includes("pagefind.js") && bundle.includes("pagefind-worker.js"));
  assert.deepEqual(
    bundle.filter((name) => /-ui\.|highlight/.test(name)),
    [],
    "Pagefind's own search interfaces are not published",
  );
  const urls = await pageUrls();
  const articleUrls = urls.filter((url) => /^\/\d{4}\/\d{2}\/\d{2}\/\d+\/\d+\/$/.test(url));
  const issueUrls = urls.filter((url) => /^\/\d{4}\/\d{2}\/\d{2}\/$/.test(url));
  assert.equal(articleUrls.length, 9);
  const records = entries.flatMap((entry) => Object.values(entry.languages).map((language) => language.page_count));
  assert.equal(
    records.reduce((sum, count) => sum + count, 0),
    issueUrls.length,
    "one record an issue",
  );
  const stats = await Promise.all(
    ["2021-12", "2022-01"].map(
      async (key) =>
        JSON.parse(await readFile(path.join(siteDir, `pagefind/${key}/baoku-stats.json`), "utf8")) as { records: number; articles: number; terms: number },
    ),
  );
  assert.equal(
    stats.reduce((sum, each) => sum + each.articles, 0),
    9,
  );
  assert.ok(stats.every((each) => each.terms > each.articles));

  // Every fragment: the issue's meta and one anchor an article, named by its address; none of the article's text.
  const fragments = await Promise.all(
    ["2021-12", "2022-01"]
      .flatMap((key) => [key])
      .map(async (key) => {
        const folder = path.join(siteDir, `pagefind/${key}/fragment`);
        return Promise.all(
          (await readdir(folder)).map(
            async (name) =>
              JSON.parse(
                gunzipSync(await readFile(path.join(folder, name)))
                  .subarray("pagefind_dcd".length)
                  .toString("utf8"),
              ) as {
                content: string;
                meta: Record<string, string>;
                anchors: { id: string }[];
                filters: Record<string, string[]>;
              },
          ),
        );
      }),
  );
  const all = fragments.flat();
  assert.equal(all.length, issueUrls.length);
  assert.ok(
    all.every((fragment) => fragment.content === ""),
    "the spelled terms are not published",
  );
  const anchors = all.flatMap((fragment) => fragment.anchors.map((anchor) => `/${anchor.id.replaceAll("-", "/")}/`)).sort();
  assert.deepEqual(anchors, [...articleUrls].sort());
  const january = all.find((fragment) => fragment.meta.date === "2022-01-03");
  assert.ok(january);
  assert.equal(january.meta.issue, "1203");
  const [first] = JSON.parse(january.meta.a ?? "[]") as [string, string, string, string, string, string[]][];
  assert.equal(first?.[0], "2022-01-03-1-1");
  assert.match(first?.[4] ?? "", /^第1版/);
  assert.deepEqual(january.filters.year, ["2022"]);
  assert.ok((january.filters.reporter ?? []).length > 0, "reporters are a filter");

  // The pages themselves carry no search markup: what a result quotes comes from the article's data-search-text.
  const article = await open("/2022/01/03/1/1/");
  assert.equal(article.querySelectorAll("[data-pagefind-body], [data-pagefind-meta], [data-pagefind-filter]").length, 0);
  assert.equal(article.querySelectorAll("[data-search-text]").length, 1);
});

test("should give the search page a form that works as a link without JavaScript, and say that search needs it", async () => {
  const searchPage = await open("/search/");
  // Drawn only when scripts run (site.css hides [data-needs-script] until preferences.js marks the page), from the first paint.
  assert.equal(searchPage.querySelector("[data-search]")?.hasAttribute("data-needs-script"), true, "the search UI needs the script");
  const noscript = searchPage.querySelector("noscript");
  assert.ok(noscript);
  assert.match(noscript.innerHTML, /搜索需要浏览器启用 JavaScript/);
  assert.match(noscript.innerHTML, /href="\/archive\/"/);
  assert.match(noscript.innerHTML, /<a href="\/archive\/2022\/">2022年的日历<\/a>/, "the newest year's calendar");
  const headerForm = (await open("/2021/12/30/")).querySelector('header form[role="search"]');
  assert.equal(headerForm?.getAttribute("action"), "/search/");
  assert.equal(headerForm?.querySelector("input")?.getAttribute("name"), "q");
});
