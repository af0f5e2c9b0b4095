// A person with more articles than a page lists (site/people.ts: PERSON_PAGE_CREDITS) has a page a year: their own page lists the newest
// year and leads to the others, each year's page that year's, with JSON beside each and every page in the sitemap; then, in Chromium on a
// phone, from their own page to a year's and back.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { HTMLElement } from "node-html-parser";
import { buildSite } from "../src/build/build.ts";
import { testRenderPool } from "./helpers/render-pool.ts";
import { bundledText, syntheticDate, syntheticIssue, writeSyntheticArchive } from "../src/bench/synthetic-archive.ts";
import { issueFileOf, sitemapPath } from "../src/paths.ts";
import { SITE_SITEMAP } from "../src/site/open-data.ts";
import { PERSON_PAGE_CREDITS } from "../src/site/people.ts";
import { API_SCHEMAS } from "../src/site/open-data-schema.ts";
import { serveStatic, type StaticServer } from "../src/util/static-server.ts";
import { browserSuite } from "./helpers/browser.ts";
import { report } from "./helpers/report.ts";
import { openPage, textOf } from "./helpers/site-pages.ts";

const workDir = await mkdtemp(path.join(tmpdir(), "baoku-people-pages-"));
const contentRoot = path.join(workDir, "content");
const siteDir = path.join(workDir, "_site");
/** Fifteen articles an issue, every one by 郭龙君, over the turn of a year: more than a page lists. */
const FIRST_DATE = "2021-12-20";
const ISSUES = Math.ceil(PERSON_PAGE_CREDITS / 15) + 2;
const LAST_DATE = syntheticDate(FIRST_DATE, ISSUES - 1);
/** The site's address, from the project's configuration the synthetic archive copies. */
let BASE: string;

before(async () => {
  await writeSyntheticArchive(contentRoot, { issues: 0 });
  const source = await bundledText();
  for (let index = 0; index < ISSUES; index++) {
    const date = syntheticDate(FIRST_DATE, index);
    const file = path.join(contentRoot, issueFileOf(date));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, syntheticIssue(source, index + 1, date).replace(/\(融媒体 [^)]+\)/g, "(融媒体 郭龙君)"));
  }
  BASE = (JSON.parse(await readFile(path.join(contentRoot, "baoku.config.json"), "utf8")) as { site: { baseUrl: string } }).site.baseUrl;
  const result = await buildSite({ renderPool: testRenderPool(), contentRoot, outputDir: siteDir, cacheDir: path.join(workDir, "cache") });
  assert.ok(result.ok, report(result.problems));
});

after(() => rm(workDir, { recursive: true, force: true }));

const open = (sitePath: string) => openPage(siteDir, sitePath);
const text = textOf;
const creditDates = (page: HTMLElement) => page.querySelectorAll(".person-credits time").map((time) => time.getAttribute("datetime")!);

test("should give a person with more articles than a page lists a page a year, their own page listing the newest year", async () => {
  const daysIn2021 = 12;
  const own = await open("people/guo-longjun");
  assert.match(text(own.querySelector(".person-counts")), new RegExp(`^共 ${ISSUES * 15} 篇$`));
  const dates = creditDates(own);
  assert.equal(dates.length, (ISSUES - daysIn2021) * 15, "their own page lists the newest year");
  assert.ok(dates.every((date) => date.startsWith("2022-")) && dates[0] === LAST_DATE, "newest first");
  assert.deepEqual(own.querySelectorAll(".person-years li").map(text), [`2022年 ${(ISSUES - daysIn2021) * 15}`, `2021年 ${daysIn2021 * 15}`]);
  assert.deepEqual(
    own.querySelectorAll(".person-years a").map((link) => link.getAttribute("href")),
    ["/people/guo-longjun/2022/", "/people/guo-longjun/2021/"],
  );

  const year = await open("people/guo-longjun/2021");
  assert.equal(text(year.querySelector("title")).startsWith("郭龙君 2021年 - 记者与摄影 - "), true);
  assert.deepEqual(year.querySelectorAll(".breadcrumbs li").map(text), ["记者与摄影", "郭龙君", "2021年"]);
  assert.equal(year.querySelector(".breadcrumbs a[href='/people/guo-longjun/']") !== null, true, "back to their own page");
  assert.equal(text(year.querySelector(".person-counts")), `2021年共 ${daysIn2021 * 15} 篇`);
  assert.deepEqual(creditDates(year).length, daysIn2021 * 15);
  assert.ok(creditDates(year).every((date) => date.startsWith("2021-")));
  assert.equal(year.querySelector(".person-years a[aria-current='page']")?.getAttribute("href"), "/people/guo-longjun/2021/");
  assert.deepEqual(year.querySelectorAll(".person-years .issue-count"), [], "the years without counts, which every new issue would change");

  // Their JSON, a file a page, and the sitemap lists every page.
  const ownJson = API_SCHEMAS.person.parse(JSON.parse(await readFile(path.join(siteDir, "api/v1/people/guo-longjun.json"), "utf8")));
  assert.equal(ownJson.articleCount, ISSUES * 15);
  assert.deepEqual(
    ownJson.years?.map((entry) => [entry.year, entry.articleCount, entry.json]),
    [
      ["2022", (ISSUES - daysIn2021) * 15, `${BASE}api/v1/people/guo-longjun/2022.json`],
      ["2021", daysIn2021 * 15, `${BASE}api/v1/people/guo-longjun/2021.json`],
    ],
  );
  const yearJson = API_SCHEMAS.person.parse(JSON.parse(await readFile(path.join(siteDir, "api/v1/people/guo-longjun/2021.json"), "utf8")));
  assert.deepEqual(
    [yearJson.year, yearJson.articleCount, yearJson.articles.length, yearJson.url],
    ["2021", daysIn2021 * 15, daysIn2021 * 15, `${BASE}people/guo-longjun/2021/`],
  );
  const sitemap = await readFile(path.join(siteDir, sitemapPath(SITE_SITEMAP).slice(1)), "utf8");
  for (const page of ["people/guo-longjun/", "people/guo-longjun/2021/", "people/guo-longjun/2022/"])
    assert.match(sitemap, new RegExp(`<loc>${BASE}${page}</loc>`));
});

browserSuite("a person's pages by year in Chromium", (browser) => {
  let site: StaticServer;
  before(async () => {
    site = await serveStatic(siteDir);
  });
  after(async () => {
    await site?.close();
  });

  test("should lead on a phone from a person's own page to a year's and back, with no page wider than the screen", async () => {
    const page = await browser.newPage({ width: 390, height: 844 });
    await page.goto(new URL("people/guo-longjun/", site.url).href);
    await page.getByRole("navigation", { name: "年份" }).getByRole("link", { name: "2021年" }).click();
    await page.waitForURL(/\/people\/guo-longjun\/2021\/$/);
    assert.equal(await page.locator("h1").innerText(), "郭龙君");
    assert.match(await page.locator(".person-counts").innerText(), /^2021年共 180 篇/);
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), "no sideways scrolling");
    await page.getByRole("navigation", { name: "位置" }).getByRole("link", { name: "郭龙君" }).click();
    await page.waitForURL(/\/people\/guo-longjun\/$/);
    assert.match(await page.locator(".person-more").innerText(), /^以上是2022年的\d+篇/);
    await page.close();
  });
});
