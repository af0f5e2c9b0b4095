// What researchers and regular readers get, built from a fixture of six years (namesakes, photographers, correspondents, leap months,
// a 30th lunar day, 2月29日) kept in git with one correction: the citation block, its files and meta tags, schema.org data, the people
// pages, 历史上的今天 and the day pages, 纠错 and 更正于; then, in Chromium, copying a reference and the search page's hits by year.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { HTMLElement } from "node-html-parser";
import { Cite } from "@citation-js/core";
import "@citation-js/plugin-ris";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-csl";
import { buildSite } from "../src/build/build.ts";
import { testRenderPool } from "./helpers/render-pool.ts";
import { projectRoot } from "../src/project.ts";
import { browserSuite } from "./helpers/browser.ts";
import { commitAll, git } from "./helpers/git-archive.ts";
import { report } from "./helpers/report.ts";
import { openPage, textOf } from "./helpers/site-pages.ts";
import { serveStatic, type StaticServer } from "../src/util/static-server.ts";

const workDir = await mkdtemp(path.join(tmpdir(), "baoku-research-"));
const contentRoot = path.join(workDir, "content");
const siteDir = path.join(workDir, "_site");
const CORRECTED = "issues/2022/2022-11-01.md";

before(async () => {
  await cp(path.join(projectRoot, "tests", "fixtures", "archive-years"), contentRoot, { recursive: true });
  await commitAll(contentRoot, "六年的报纸", "2024-03-01T09:00:00+08:00");
  const issue = await readFile(path.join(contentRoot, CORRECTED), "utf8");
  await writeFile(path.join(contentRoot, CORRECTED), issue.replace("我区加快信义体系建设步伐。", "我区加快信用体系建设步伐。"));
  await git(contentRoot, ["commit", "--quiet", "--all", "--message", "更正一处错字"], "2024-03-05T10:00:00+08:00");
  const result = await buildSite({ renderPool: testRenderPool(), contentRoot, outputDir: siteDir, cacheDir: path.join(workDir, "cache") });
  assert.ok(result.ok, report(result.problems));
});

after(() => rm(workDir, { recursive: true, force: true }));

const open = (sitePath: string) => openPage(siteDir, sitePath);

const text = textOf;
const metas = (page: HTMLElement, name: string) => page.querySelectorAll(`meta[name="${name}"]`).map((meta) => meta.getAttribute("content"));
const jsonLd = (page: HTMLElement) => JSON.parse(page.querySelector('script[type="application/ld+json"]')?.rawText ?? "null") as Record<string, unknown>;

test("should print each article's GB/T 7714 reference: the byline's reporters and correspondents, the photographers of photo news, 等 after three, the title when no one is named", async () => {
  const references = {
    "2022/11/01/1/1": "郭龙君. 省委常委会召开扩大会议[N]. 东昌府讯, 2022-11-01(1).",
    "2022/11/01/1/2": "张伟, 章伟. “信义币”打底 共建美好家园[N]. 东昌府讯, 2022-11-01(1).",
    "2022/11/01/2/1": "全兴社. 十年来我区民生事业发展综述[N]. 东昌府讯, 2022-11-01(2).",
    "2019/11/04/1/1": "郭龙君, 张伟, 裴崇旭, 等. 全区重点项目观摩活动举行[N]. 东昌府讯, 2019-11-04(1).",
    "2020/02/29/1/1": "全兴社, 李晓. 春耕备耕有序推进[N]. 东昌府讯, 2020-02-29(1).",
    "2021/11/01/1/2": "全区疫苗接种工作有序开展[N]. 东昌府讯, 2021-11-01(1).",
    "2019/11/01/1/2": "章伟. 图片新闻[N]. 东昌府讯, 2019-11-01(1).",
  };
  for (const [article, reference] of Object.entries(references)) {
    const forms = (await open(article)).querySelectorAll("[data-citation-text]").map(text);
    assert.equal(forms[0], reference, article);
    assert.equal(
      forms[1],
      `${reference.replace("[N]", "[N/OL]").replace(/\.$/, "")}. https://example.org/${article}/.`,
      `${article}: without JavaScript, the online form has no access date`,
    );
  }
});

test("should write the citation files beside the article, which citation-js reads back as the same article", async () => {
  const folder = path.join(siteDir, "2019/11/04/1/1");
  const page = await open("2019/11/04/1/1");
  assert.deepEqual(
    page.querySelectorAll(".citation-downloads a").map((link) => [link.getAttribute("href"), link.getAttribute("download")]),
    [
      ["/2019/11/04/1/1/cite.ris", "dongchangshixun-2019-11-04-1-1.ris"],
      ["/2019/11/04/1/1/cite.bib", "dongchangshixun-2019-11-04-1-1.bib"],
      ["/2019/11/04/1/1/cite.json", "dongchangshixun-2019-11-04-1-1.json"],
    ],
  );
  for (const file of ["cite.ris", "cite.bib", "cite.json"]) {
    const [item] = (await Cite.async(await readFile(path.join(folder, file), "utf8"))).data as Record<string, unknown>[];
    assert.equal(item?.title, "全区重点项目观摩活动举行", file);
    assert.equal(item?.["container-title"], "东昌府讯", file);
    assert.equal(item?.URL, "https://example.org/2019/11/04/1/1/", file);
    const names = (item?.author ?? item?.reporter) as unknown[];
    assert.equal(names.length, 4, `${file}: every author in the file, not only the first three`);
  }
});

test("should give every article the meta tags Google Scholar and Zotero read, with the PDF of a 版 that has one", async () => {
  const page = await open("2022/11/01/1/2");
  assert.deepEqual(metas(page, "citation_title"), ["“信义币”打底 共建美好家园"]);
  assert.deepEqual(metas(page, "citation_author"), ["张伟", "章伟"]);
  assert.deepEqual(metas(page, "citation_publication_date"), ["2022/11/01"]);
  assert.deepEqual(metas(page, "citation_journal_title"), [], "Zotero would save a journal article");
  assert.deepEqual(metas(page, "prism.publicationName"), ["东昌府讯"]);
  assert.deepEqual(metas(page, "DC.type"), ["newspaperArticle"]);
  assert.deepEqual(
    page.querySelectorAll('meta[property="article:section"]').map((meta) => meta.getAttribute("content")),
    ["要闻"],
  );
  assert.deepEqual(metas(page, "citation_issue"), ["1008"], "总第N期, not the date");
  assert.deepEqual(metas(page, "citation_firstpage"), ["1"]);
  assert.deepEqual(metas(page, "citation_language"), ["zh"]);
  assert.deepEqual(metas(page, "citation_pdf_url"), ["https://example.org/2022/11/01/page-1.pdf"]);
  assert.deepEqual(metas(page, "citation_public_url"), ["https://example.org/2022/11/01/1/2/"]);
  assert.deepEqual(metas(await open("2022/11/01/2/1"), "citation_pdf_url"), [], "第2版 has no PDF");
  assert.ok(existsSync(path.join(siteDir, "2022/11/01/page-1.pdf")));
});

test("should describe articles and issues in schema.org JSON-LD: NewsArticle in its PublicationIssue in its Periodical", async () => {
  const article = jsonLd(await open("2022/11/01/1/1"));
  assert.deepEqual(article, {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "@id": "https://example.org/2022/11/01/1/1/#article",
    headline: "省委常委会召开扩大会议",
    alternativeHeadline: "我区设分会场组织收听收看",
    author: [{ "@type": "Person", "@id": "https://example.org/people/guo-longjun/#person", name: "郭龙君", url: "https://example.org/people/guo-longjun/" }],
    datePublished: "2022-11-01",
    printPage: "1",
    printSection: "要闻",
    url: "https://example.org/2022/11/01/1/1/",
    inLanguage: "zh-CN",
    isPartOf: {
      "@type": "PublicationIssue",
      "@id": "https://example.org/2022/11/01/#issue",
      issueNumber: "1008",
      datePublished: "2022-11-01",
      url: "https://example.org/2022/11/01/",
      isPartOf: { "@type": "Periodical", "@id": "https://example.org/#periodical", name: "东昌府讯", url: "https://example.org/", inLanguage: "zh-CN" },
    },
  });
  assert.deepEqual((jsonLd(await open("2022/11/01/2/1")) as { printSection: string }).printSection, "非凡十年 铸就辉煌");
  const photo = jsonLd(await open("2021/11/12/1/1")) as { image: string[] };
  assert.match(photo.image[0] ?? "", /^https:\/\/example\.org\/2021\/11\/12\/village\.\d+\.[0-9a-f]+\.jpg$/);
  const issue = jsonLd(await open("2022/11/01")) as { "@type": string; issueNumber: string; hasPart: { headline: string }[] };
  assert.equal(issue["@type"], "PublicationIssue");
  assert.equal(issue.issueNumber, "1008");
  assert.deepEqual(
    issue.hasPart.map((part) => part.headline),
    ["省委常委会召开扩大会议", "“信义币”打底 共建美好家园", "十年来我区民生事业发展综述"],
  );
});

test("should link every name in a byline and a photo credit to that person's page", async () => {
  const page = await open("2022/11/01/1/2");
  assert.deepEqual(
    page.querySelectorAll(".byline a").map((link) => [text(link), link.getAttribute("href")]),
    [
      ["张伟", "/people/zhang-wei-a3a0ba/"],
      ["章伟", "/people/zhang-wei-8b5f1c/"],
    ],
  );
  assert.equal(text(page.querySelector(".byline")), "（融媒体 张伟 通讯员 章伟）", "the byline reads as printed");
  const caption = (await open("2019/11/01/1/2")).querySelector(".photo-credit");
  assert.equal(text(caption), "融媒体 章伟 摄");
  assert.deepEqual(
    caption?.querySelectorAll("a").map((link) => link.getAttribute("href")),
    ["/people/zhang-wei-8b5f1c/"],
  );
  assert.deepEqual(
    (await open("2021/11/12/1/1")).querySelectorAll(".photo-credit a").map((link) => link.getAttribute("href")),
    ["/people/xu-zhenxin/"],
  );
});

test("should list everyone on /people/ with their counts, and each person's articles and photos by year with their role", async () => {
  const index = await open("people");
  const entries = index.querySelectorAll(".people-list li").map(text);
  assert.equal(entries.length, 9);
  assert.ok(entries.includes("裴崇旭 Pei Chongxu · 记者 · 3 篇"), entries.join("\n"));
  assert.ok(entries.includes("郭龙君 Guo Longjun · 记者 · 7 篇"), entries.join("\n"));
  assert.ok(entries.includes("章伟 Zhang Wei · 通讯员、摄影 · 3 篇"), entries.join("\n"));
  const person = await open("people/zhang-wei-8b5f1c");
  assert.equal(text(person.querySelector("h1")), "章伟");
  assert.deepEqual(person.querySelectorAll(".person-year h2").map(text), ["2023年 1 篇", "2022年 1 篇", "2019年 1 篇"]);
  assert.equal(text(person.querySelector(".person-counts")), "共 3 篇，其中通讯员 2 篇、摄影 1 幅");
  // Each article: its title, a line of its lead, and where and as what it was credited (no role held in all three, so each says its own).
  assert.deepEqual(
    person
      .querySelectorAll(".person-credits li")
      .map((item) => ["a", ".person-credit-lead", ".person-credit-facts"].map((part) => text(item.querySelector(part)))),
    [
      ["春季植树活动开展", "全区春季植树活动开展。", "2023年3月22日 · 总第1010期 · 第1版 · 通讯员"],
      ["“信义币”打底 共建美好家园", "近日，我区加快信用体系建设步伐。", "2022年11月1日 · 总第1008期 · 第1版 · 通讯员"],
      ["图片新闻", "古城冬景。", "2019年11月1日 · 总第1001期 · 第1版 · 摄影"],
    ],
  );
  assert.deepEqual(
    person.querySelectorAll(".person-links a").map((link) => [text(link), link.getAttribute("href")]),
    [
      ["在搜索中查看", "/search/?reporter=%E7%AB%A0%E4%BC%9F&sort=newest"],
      ["张伟", "/people/zhang-wei-a3a0ba/"],
    ],
  );
  const shared = await open("people/zhang-wei");
  assert.deepEqual(
    shared.querySelectorAll(".namesake-list a").map((link) => [text(link), link.getAttribute("href")]),
    [
      ["张伟", "/people/zhang-wei-a3a0ba/"],
      ["章伟", "/people/zhang-wei-8b5f1c/"],
    ],
  );
  const searchPeople = JSON.parse((await open("search")).querySelector("[data-search-people]")?.getAttribute("data-search-people") ?? "{}") as Record<
    string,
    string
  >;
  assert.equal(searchPeople.郭龙君, "/people/guo-longjun/");
});

test("should list on an issue page the issues of its day and of its lunar day in earlier years, each headline linking its article, and link both days' pages; and leave out a day without earlier issues", async () => {
  const section = (await open("2022/11/01")).querySelector(".this-day");
  const [solar, lunar] = section?.querySelectorAll(".this-day-list") ?? [];
  assert.equal(text(solar?.querySelector("h3")), "往年11月1日");
  assert.deepEqual(
    solar?.querySelectorAll(".issue-listing > a").map((link) => link.getAttribute("href")),
    ["/2021/11/01/", "/2019/11/01/"],
  );
  assert.equal(text(lunar?.querySelector("h3")), "往年农历十月初八");
  assert.deepEqual(
    lunar?.querySelectorAll(".issue-listing > a").map((link) => link.getAttribute("href")),
    ["/2021/11/12/", "/2020/11/22/", "/2019/11/04/"],
  );
  assert.deepEqual(
    section?.querySelectorAll(".this-day-more a").map((link) => link.getAttribute("href")),
    ["/day/11-01/", "/lunar/10-08/"],
  );
  assert.match(text(solar?.querySelector(".issue-listing")), /^2021年11月1日 星期一 · 农历辛丑年九月廿七 · 总第1006期 区人大常委会召开会议$/);
  assert.equal(solar?.querySelector(".issue-listing-headline a")?.getAttribute("href"), "/2021/11/01/1/1/");
  // The home page is the newest issue's (2024-03-22): every other year is earlier.
  const home = (await open("")).querySelectorAll(".this-day .this-day-list");
  assert.deepEqual(
    home[0]?.querySelectorAll(".issue-listing > a").map((link) => link.getAttribute("href")),
    ["/2023/03/22/"],
  );
  assert.equal(home.length, 1, "no list, and no notice, for the lunar day no earlier year had");
  assert.equal(home[0]?.querySelector("h3")?.textContent, "往年3月22日");
});

test("should write the day pages of every year, leap months and the 30th as the archive has them, and calendars that link them", async () => {
  const listed = async (sitePath: string) => (await open(sitePath)).querySelectorAll(".day-issues .issue-listing > a").map((link) => link.getAttribute("href"));
  assert.deepEqual(await listed("day/11-01"), ["/2023/11/01/", "/2022/11/01/", "/2021/11/01/", "/2019/11/01/"]);
  assert.deepEqual(await listed("day/02-29"), ["/2024/02/29/", "/2020/02/29/"]);
  assert.deepEqual(await listed("lunar/10-08"), ["/2022/11/01/", "/2021/11/12/", "/2020/11/22/", "/2019/11/04/"]);
  assert.deepEqual(await listed("lunar/leap-04-01"), ["/2020/05/23/"]);
  assert.deepEqual(await listed("lunar/leap-02-01"), ["/2023/03/22/"]);
  assert.deepEqual(await listed("lunar/12-30"), ["/2024/02/09/", "/2023/01/21/"]);
  assert.equal(existsSync(path.join(siteDir, "day/07-15")), false, "no page for a day without an issue");
  assert.equal(text((await open("lunar/leap-02-01")).querySelector("h1")), "历史上的农历闰二月初一");
  // 闰二月初一 (2023) and 二月初一 (2024) are different days, each page leading to the other.
  assert.match(text((await open("lunar/leap-02-01")).querySelector(".day-links")), /另见 农历二月初一/);
  assert.match(text((await open("lunar/02-01")).querySelector(".day-links")), /另见 农历闰二月初一/);
  assert.doesNotMatch(text((await open("lunar/leap-04-01")).querySelector(".day-links")), /另见/, "no issue on 四月初一");
  const solarCalendar = await open("day");
  assert.equal(solarCalendar.querySelectorAll(".day-grid li").length, 152, "every day of the months that have an issue, 2月29日 too");
  assert.equal(text(solarCalendar.querySelector(".calendar-empty")), "4月、6月至10月、12月各年都没有报纸。", "the months without one in a line");
  assert.equal(solarCalendar.querySelectorAll(".day-grid a").length, 10, "a link for each of the 10 days that have an issue");
  assert.equal(solarCalendar.querySelector('a[href="/day/11-01/"]')?.getAttribute("aria-label"), "11月1日，4期");
  const lunarCalendar = await open("lunar");
  assert.equal(lunarCalendar.querySelectorAll(".day-grid li").length, 7 * 30, "the 7 months of 30 days with an issue, 闰二月 and 闰四月 among them");
  assert.equal(text(lunarCalendar.querySelector(".calendar-empty")), "三月、四月、五月、六月、七月、八月、十一月各年都没有报纸。");
  assert.equal(lunarCalendar.querySelectorAll(".day-grid a").length, 11);
  assert.deepEqual(
    (await open("archive/2022")).querySelectorAll(".day-calendars a").map((link) => link.getAttribute("href")),
    ["/day/", "/lunar/"],
  );
  assert.equal(existsSync(path.join(siteDir, "lunar/leap-03-01")), false, "no 闰三月 in the archive");
});

test("should link every article to its line in the repository, and date the one corrected since it was first committed", async () => {
  const corrected = await open("2022/11/01/1/2");
  assert.equal(
    corrected.querySelector(".correction-report")?.getAttribute("href"),
    "https://github.com/example/dongchangfu-archive/blob/HEAD/issues/2022/2022-11-01.md#L18",
  );
  assert.equal(text(corrected.querySelector(".corrected-on")), "更正于 2024-03-05");
  const untouched = await open("2022/11/01/1/1");
  assert.equal(untouched.querySelector(".corrected-on"), null, "the article above it in the same file was not changed");
  assert.equal(
    untouched.querySelector(".correction-report")?.getAttribute("href"),
    "https://github.com/example/dongchangfu-archive/blob/HEAD/issues/2022/2022-11-01.md#L11",
  );
});

browserSuite("citing and counting in Chromium", (browser) => {
  let site: StaticServer;

  before(async () => {
    site = await serveStatic(siteDir);
  });

  after(async () => {
    await site?.close();
  });

  test("should copy a reference with one click, the online form with today's access date filled in", async () => {
    const page = await browser.newPage();
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(site.url).origin });
    await page.goto(new URL("2022/11/01/1/1/", site.url).href);
    const buttons = page.locator("[data-citation-copy]");
    assert.equal(await buttons.count(), 2);
    await buttons.first().click();
    await page.locator("[data-citation-status]", { hasText: "已复制" }).waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), "郭龙君. 省委常委会召开扩大会议[N]. 东昌府讯, 2022-11-01(1).");
    await buttons.nth(1).click();
    const today = await page.evaluate(() => {
      const now = new Date();
      return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
    });
    assert.equal(
      await page.evaluate(() => navigator.clipboard.readText()),
      `郭龙君. 省委常委会召开扩大会议[N/OL]. 东昌府讯, 2022-11-01(1)[${today}]. https://example.org/2022/11/01/1/1/.`,
    );
    await page.close();
  });

  test("should chart a query's results by year, counts as text, each bar narrowing the search to its year", async () => {
    const page = await browser.newPage({ width: 390, height: 844 });
    await page.goto(new URL("search/?q=召开", site.url).href);
    // On a phone the chart is folded away with the filters, so that the first result is on the first screen.
    await page.locator('[data-search-status][data-state="done"]').waitFor();
    await page.locator("[data-search-refine] summary").click();
    await page.locator("[data-search-years][data-state='done']").waitFor();
    const status = await page.locator("[data-search-status]").innerText();
    const total = Number(/找到 (\d+) 篇/.exec(status)?.[1]);
    const bars = await page.locator("[data-search-years] svg > *").evaluateAll((items) =>
      items.map((item) => ({
        label: item.querySelector("a, [role=img]")?.getAttribute("aria-label"),
        href: item.querySelector("a")?.getAttribute("href") ?? null,
        count: Number(item.querySelector(".search-years-count")?.textContent),
      })),
    );
    assert.deepEqual(
      bars.map((bar) => bar.label),
      ["2019年 2篇", "2020年 0篇", "2021年 1篇", "2022年 1篇", "2023年 1篇", "2024年 0篇"],
    );
    assert.equal(
      bars.reduce((sum, bar) => sum + bar.count, 0),
      total,
      "the bars add up to the results",
    );
    assert.equal(bars[1]?.href, null, "a year without results is no link");
    await page.getByRole("link", { name: "2019年 2篇" }).click();
    await page.waitForURL(/year=2019/);
    await page.locator('[data-search-status][data-state="done"]').waitFor();
    if (!(await page.locator("[data-search-refine]").evaluate((fold) => (fold as HTMLDetailsElement).open)))
      await page.locator("[data-search-refine] summary").click();
    await page.locator("[data-search-years][data-state='done']").waitFor();
    assert.match(await page.locator("[data-search-status]").innerText(), /找到 2 篇/);
    const dates = await page.locator(".search-result-meta").allInnerTexts();
    assert.deepEqual(
      dates.map((line) => line.slice(0, 5)),
      ["2019年", "2019年"],
    );
    assert.equal(
      await page.locator("[data-search-years] .is-current").getAttribute("aria-label"),
      "2019年 2篇",
      "the chosen year stands out, the others still there to pick",
    );
    assert.equal(await page.locator("[data-search-years] svg > *").count(), 6);
    await page.close();
  });

  test("should not find articles by the words of their 纠错 link, which are not the paper's", async () => {
    const page = await browser.newPage();
    await page.goto(new URL("search/?q=建议更正", site.url).href);
    await page.locator('[data-search-status][data-state="done"]').waitFor();
    assert.match(await page.locator("[data-search-status]").innerText(), /没有找到/);
    await page.close();
  });

  test("should link a result's reporter to their page, and a person's page to the search of their articles", async () => {
    const page = await browser.newPage();
    await page.goto(new URL("search/?q=信义币", site.url).href);
    await page.locator('[data-search-status][data-state="done"]').waitFor();
    await page.locator(".search-result-meta").getByRole("link", { name: "章伟" }).click();
    await page.waitForURL(/\/people\/zhang-wei-8b5f1c\/$/);
    await page.getByRole("link", { name: "在搜索中查看" }).click();
    await page.waitForURL(/reporter=/);
    await page.locator('[data-search-status][data-state="done"]').waitFor();
    assert.match(
      await page.locator("[data-search-status]").innerText(),
      /找到 2 篇符合所选条件的文章/,
      "章伟 as correspondent twice; the photo is not in the reporter filter",
    );
    assert.deepEqual(await page.locator(".search-result-title").allInnerTexts(), ["春季植树活动开展", "“信义币”打底 共建美好家园"], "newest first");
    await page.close();
  });
});
