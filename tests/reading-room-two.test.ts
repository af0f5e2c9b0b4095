// The reading room, round two (issue 27), in real Chromium at 390 and 1366 px, light and dark, on the bundled issue 总第1480期 and an
// imported 总第1481期 with scans in one archive, as a reader finds their way through it: the 配色 control, 版面导航 with thumbnails and
// 上一版/下一版/上一期/下一期 everywhere a 版 is shown, calendars and a date field that suit a phone (44 px targets on a touch screen),
// Chinese line breaking by phrases (read from Range rects at 320, 390 and 1366 px), search results, 历史上的今天, person pages, 数据与引用
// and hotspots. One archive is built and one Chromium serves every test.
import assert from "node:assert/strict";
import { copyFile, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { buildSite } from "../src/build/build.ts";
import { projectRoot } from "../src/project.ts";
import { serveStatic, type StaticServer } from "../src/util/static-server.ts";
import { browserSuite, type Browser } from "./helpers/browser.ts";
import { makeImageArchive } from "./helpers/image-archive.ts";
import { lineBreaks, renderedLines } from "./helpers/line-breaks.ts";
import { report } from "./helpers/report.ts";

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };
const VARIANTS = [PHONE, DESKTOP].flatMap((viewport) => (["light", "dark"] as const).map((colorScheme) => ({ viewport, colorScheme })));

let workDir: string;
let server: StaticServer;

before(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), "baoku-reading-two-"));
  const contentRoot = await makeImageArchive(path.join(workDir, "content"));
  await copyFile(path.join(projectRoot, "issues/2022/2022-11-01.md"), path.join(contentRoot, "issues/2022/2022-11-01.md"));
  const built = await buildSite({ contentRoot, outputDir: path.join(workDir, "site"), cacheDir: path.join(workDir, "cache") });
  assert.ok(built.ok, `the archive should build:\n${report(built.problems)}`);
  server = await serveStatic(path.join(workDir, "site"));
});

after(async () => {
  await server?.close();
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

const address = (sitePath: string) => new URL(sitePath, server.url).href;

/**
 * The tabs pages are opened in, one for each size and kind of pointer: a test opens a page, reads it and is done with it before the
 * next opens one, so a tab is reused (browser.ts closes it when the test ends) rather than a new one opened each time, which cost more
 * than loading the page.
 */
const tabs = new Map<string, Page>();

/** A page at `viewport` in `colorScheme`, as a touch screen when `touch` (a coarse pointer), opened at `sitePath`. */
async function open(browser: Browser, sitePath: string, viewport = DESKTOP, colorScheme: "light" | "dark" = "light", touch = false): Promise<Page> {
  const key = `${viewport.width}×${viewport.height}${touch ? " touch" : ""}`;
  let page = tabs.get(key);
  if (!page || page.isClosed()) {
    page = await browser.newPage(viewport);
    if (touch) await (await page.context().newCDPSession(page)).send("Emulation.setTouchEmulationEnabled", { enabled: true, maxTouchPoints: 5 });
    tabs.set(key, page);
  }
  await page.bringToFront();
  await page.emulateMedia({ colorScheme });
  await page.goto(address(sitePath));
  return page;
}

/** The width and height of every element matching `selector` that is shown, with its text. */
async function sizes(page: Page, selector: string): Promise<{ text: string; width: number; height: number }[]> {
  return page.locator(selector).evaluateAll((elements) =>
    elements
      .filter((element) => element.getClientRects().length > 0)
      .map((element) => {
        const rect = element.getBoundingClientRect();
        return { text: (element.textContent ?? "").trim().slice(0, 12), width: Math.round(rect.width * 10) / 10, height: Math.round(rect.height * 10) / 10 };
      }),
  );
}

browserSuite("the reading room, round two, in Chromium", (browser) => {
  test("should offer 配色 as a choice of 跟随系统, 浅色 and 深色 that shows the scheme in force and does not look like 搜索, at 390 and 1366 px, light and dark", async () => {
    for (const { viewport, colorScheme } of VARIANTS) {
      const page = await open(browser, "2022/11/01/", viewport, colorScheme);
      const where = `${viewport.width}px ${colorScheme}`;
      const choice = page.getByRole("combobox", { name: "配色" });
      assert.ok(await choice.isVisible(), where);
      assert.equal(await choice.inputValue(), "system", `${where}: follows the system until chosen`);
      const fill = (selector: string) =>
        page
          .locator(selector)
          .first()
          .evaluate((element) => getComputedStyle(element).backgroundColor);
      assert.notEqual(await fill("[data-theme-choice]"), await fill(".site-search button"), `${where}: a setting is not drawn as the 搜索 action`);
      const other = colorScheme === "light" ? "深色" : "浅色";
      await choice.selectOption({ label: other });
      assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), colorScheme === "light" ? "dark" : "light", where);
      await page.reload();
      assert.equal(
        await page.getByRole("combobox", { name: "配色" }).locator("option:checked").textContent(),
        other,
        `${where}: shows the choice kept on the device`,
      );
      await page.evaluate(() => localStorage.clear());
    }
  });

  describe("版面导航 and turning pages", () => {
    test("should show 版面导航 as page thumbnails on the home, issue and 版 pages, at 390 and 1366 px, light and dark", async () => {
      // Each page type once at each width, each in both schemes across the two widths.
      const paths = [
        ["", "2022/11/01/2/"],
        ["2022/11/02/", "2022/11/02/2/"],
        ["2022/11/02/2/", ""],
        ["2022/11/01/2/", "2022/11/02/"],
      ];
      for (const [index, { viewport, colorScheme }] of VARIANTS.entries()) {
        for (const sitePath of paths[index]!) {
          const page = await open(browser, sitePath, viewport, colorScheme);
          const where = `${viewport.width}px ${colorScheme} /${sitePath}`;
          const nav = page.getByRole("navigation", { name: "版面导航" });
          const thumbs = await sizes(page, ".page-nav .page-thumb");
          assert.equal(thumbs.length, 2, `${where}: a thumbnail a 版`);
          for (const thumb of thumbs) assert.ok(thumb.height > thumb.width * 1.3, `${where}: a page's shape, ${JSON.stringify(thumb)}`);
          assert.equal(await nav.locator("img").count(), sitePath.startsWith("2022/11/01") ? 0 : 2, `${where}: the scans where the archive has them`);
        }
      }
    });

    test("should turn from the last 版 on to 下一期 and from the first back to 上一期, below the headlines as well as beside the heading", async () => {
      for (const { viewport, colorScheme } of VARIANTS) {
        const where = `${viewport.width}px ${colorScheme}`;
        const page = await open(browser, "2022/11/01/1/", viewport, colorScheme);
        const below = page.getByRole("navigation", { name: "读完本版，翻版" });
        const list = (await page.locator("[data-headlines]").boundingBox())!;
        const belowBox = (await below.boundingBox())!;
        assert.ok(belowBox.y >= list.y + list.height - 1, `${where}: after the headlines`);
        await below.getByRole("link", { name: /^下一版/ }).click();
        await page.waitForURL(/\/2022\/11\/01\/2\/$/);
        await page
          .getByRole("navigation", { name: "读完本版，翻版" })
          .getByRole("link", { name: /^下一期：2022年11月2日 总第1481期/ })
          .click();
        await page.waitForURL(/\/2022\/11\/02\/$/);
        await page.goto(address("2022/11/02/1/"));
        await page
          .getByRole("navigation", { name: "翻版", exact: true })
          .getByRole("link", { name: /^上一期：2022年11月1日 总第1480期/ })
          .click();
        await page.waitForURL(/\/2022\/11\/01\/$/);
      }
      const home = await open(browser, "");
      assert.equal(
        await home
          .getByRole("navigation", { name: "翻版", exact: true })
          .getByRole("link", { name: /^上一期/ })
          .getAttribute("href"),
        "/2022/11/01/",
        "the front page leads back to the issue before",
      );
    });

    test("should say which printed 版 the archive does not hold", async () => {
      const page = await open(browser, "2022/11/02/", PHONE);
      assert.equal(await page.locator(".masthead-missing").innerText(), "本库未收第3、4版，现有2版。");
    });
  });

  describe("calendars and finding a date", () => {
    test("should draw only the months with issues on the year page and the day index, and name the others in a line, at 390 px", async () => {
      for (const colorScheme of ["light", "dark"] as const) {
        const year = await open(browser, "archive/2022/", PHONE, colorScheme, true);
        assert.deepEqual(await year.locator("table.calendar caption").allInnerTexts(), ["11月 2期"]);
        assert.equal(await year.locator(".calendar-empty").innerText(), "2022年1月至10月、12月没有报纸。");
        assert.ok((await year.evaluate(() => document.documentElement.scrollHeight)) < 1500, "no screens of empty months");
        const days = await open(browser, "day/", PHONE, colorScheme, true);
        assert.deepEqual(await days.locator(".day-month h2").allInnerTexts(), ["11月"]);
        assert.equal(await days.locator(".calendar-empty").innerText(), "1月至10月、12月各年都没有报纸。");
      }
    });

    test("should make every calendar target and 记者与摄影's letters 44 px on a touch screen and at least 24 px with a mouse, and empty months not look like buttons", async () => {
      for (const { viewport, colorScheme } of VARIANTS) {
        const touch = viewport === PHONE;
        const least = touch ? 44 : 24;
        const where = `${viewport.width}px ${colorScheme} ${touch ? "touch" : "mouse"}`;
        for (const [sitePath, selector] of [
          ["archive/", ".month-strip a"],
          ["archive/2022/", ".calendar a"],
          ["day/", ".day-grid a"],
          ["people/", ".people-letters a"],
        ] as const) {
          const page = await open(browser, sitePath, viewport, colorScheme, touch);
          const targets = await sizes(page, selector);
          assert.ok(targets.length > 0, `${where} ${sitePath}`);
          for (const target of targets)
            assert.ok(target.width >= least && target.height >= least, `${where} ${sitePath}: ${JSON.stringify(target)} is under ${least} px`);
          if (sitePath === "archive/") {
            const empty = await page
              .locator(".month-empty")
              .first()
              .evaluate((element) => getComputedStyle(element).backgroundColor);
            assert.equal(empty, "rgba(0, 0, 0, 0)", `${where}: an empty month is not filled like a button`);
          }
        }
      }
    });

    test("should open the issue of a date, or the nearest issue, from the date field on the home and archive pages", async () => {
      // Each way a reader sees the field once; the nearest issue before, after and between the archive's issues once each.
      const cases = [
        ["", "2022-11-01", "/2022/11/01/"],
        ["archive/", "2022-11-05", "/2022/11/02/"],
        ["", "2021-12-20", "/2022/11/01/"],
        ["archive/", "2022-11-02", "/2022/11/02/"],
      ] as const;
      for (const [index, { viewport, colorScheme }] of VARIANTS.entries()) {
        const [sitePath, date, expected] = cases[index]!;
        const page = await open(browser, sitePath, viewport, colorScheme);
        await page.getByLabel("按日期查找").fill(date);
        await page.getByRole("button", { name: "打开这一期" }).click();
        await page
          .waitForURL((url) => url.pathname === expected, { timeout: 5000 })
          .catch(async (error) => {
            throw new Error(`${sitePath} ${date}: at ${page.url()}, ${await page.locator("[data-date-jump-status]").textContent()}`, { cause: error });
          });
      }
    });
  });

  describe("Chinese line breaking", () => {
    const WIDTHS = [320, 390, 1366].map((width) => ({ width, height: 800 }));

    test("should break a 副题 of two phrases at the space between them, and titles only between words, at 320, 390 and 1366 px", async () => {
      const problems: string[] = [];
      let spaceBreaks = 0;
      for (const viewport of WIDTHS) {
        for (const sitePath of ["2022/11/01/1/1/", "2022/11/01/1/", "2022/11/01/"]) {
          const page = await open(browser, sitePath, viewport);
          for (const [element, breaks] of Object.entries(
            await lineBreaks(page, ".subtitle, .headline-subtitle, .article-title, .summary-title, .headline-item a"),
          )) {
            for (const { before, after, atPhrase } of breaks) {
              if (before === " " || after === " ") spaceBreaks++;
              else if (!atPhrase) problems.push(`${viewport.width}px /${sitePath} ${element}: …${before}/${after}…`);
            }
          }
          // The 副题 breaks first at its space: wherever it breaks, its first phrase is whole on a line.
          for (const lines of await renderedLines(page, ".article-header .subtitle, .article-summary .subtitle")) {
            if (lines.length > 1 && lines.join(" ").includes("经济形势和经济工作 我区"))
              assert.deepEqual(lines, ["分析研究当前经济形势和经济工作", "我区设分会场组织收听收看"], `${viewport.width}px /${sitePath}`);
          }
        }
      }
      assert.deepEqual(problems, []);
      assert.ok(spaceBreaks >= 2, `the two-phrase subtitles do break, at their space, on a phone: ${spaceBreaks}`);
    });

    test("should break headlines in lists (day pages, a person's articles, search results) only between words, at 320, 390 and 1366 px", async () => {
      const problems: string[] = [];
      const breaks: Record<string, number> = {};
      const LISTS =
        ".issue-listing-headline, .person-credits > li > a, .person-credit-subtitle, .search-result-title, .search-result .subtitle, .search-result .kicker";
      for (const viewport of WIDTHS) {
        for (const sitePath of ["day/11-01/", "people/guo-longjun/", `search/?q=${encodeURIComponent("会议")}`]) {
          const page = await open(browser, sitePath, viewport);
          if (sitePath.startsWith("search/")) {
            await page.locator('[data-search-status][data-state="done"]').waitFor();
            assert.ok((await page.locator(".search-result-title wbr").count()) > 0, `${viewport.width}px: the results' headlines are split into words`);
          }
          for (const [element, found] of Object.entries(await lineBreaks(page, LISTS))) {
            for (const { before, after, atPhrase } of found) {
              if (before !== " " && after !== " " && !atPhrase) problems.push(`${viewport.width}px /${sitePath} ${element}: …${before}/${after}…`);
              else breaks[sitePath] = (breaks[sitePath] ?? 0) + 1;
            }
          }
        }
      }
      assert.deepEqual(problems, []);
      for (const sitePath of ["people/guo-longjun/", `search/?q=${encodeURIComponent("会议")}`])
        assert.ok((breaks[sitePath] ?? 0) > 0, `${sitePath}: some list headline does break on a phone (${JSON.stringify(breaks)})`);
    });

    test("should never break inside a name, a date or 总第N期, and wrap the article's source line by whole steps, at 320, 390 and 1366 px", async () => {
      const problems: string[] = [];
      const whole = /总第\d+期|\d{4}年\d{1,2}月\d{1,2}日|郭龙君|徐振鑫|裴崇旭|全兴社|张振祥/g;
      for (const viewport of WIDTHS) {
        for (const sitePath of ["2022/11/02/", "2022/11/02/1/1/", "2022/11/01/1/6/", "day/11-01/", "people/guo-longjun/", "people/"]) {
          const page = await open(browser, sitePath, viewport);
          const lines = (
            await renderedLines(
              page,
              ".masthead-facts, .article-source, .byline, .photo-credit, .photo-print-note, .issue-listing, .person-credit-facts, .people-list li",
            )
          ).flat();
          const text = lines.join("");
          for (const wanted of text.match(whole) ?? []) {
            if (!lines.some((line) => line.includes(wanted))) problems.push(`${viewport.width}px /${sitePath}: ${wanted} broken across lines`);
          }
          if (sitePath.split("/").length === 5) {
            const source = await page.locator(".article-source li").evaluateAll((items) => items.map((item) => Math.round(item.getBoundingClientRect().top)));
            const lastLine = source.filter((top) => top === source.at(-1));
            assert.ok(lastLine.length >= 2, `${viewport.width}px /${sitePath}: the last step is not alone on its line (${JSON.stringify(source)})`);
          }
        }
      }
      assert.deepEqual(problems, []);
    });
  });

  describe("search", () => {
    test("should quote the text as printed, use the desktop's width beside the filters, show one search box and group the 版 filter by number", async () => {
      for (const { viewport, colorScheme } of VARIANTS) {
        const where = `${viewport.width}px ${colorScheme}`;
        const page = await open(browser, "search/?q=%E4%BC%9A%E8%AE%AE", viewport, colorScheme);
        await page.locator('[data-search-status][data-state="done"]').waitFor();
        assert.equal(await page.getByRole("search").count(), 1, `${where}: one search box`);
        const excerpts = await page.locator(".search-result-excerpt").allInnerTexts();
        assert.ok(
          excerpts.some((excerpt) => excerpt.startsWith("东昌府讯 10月31日，全市疫情防控工作会议召开")),
          `${where}: the dateline's comma kept`,
        );
        assert.ok(
          excerpts.some((excerpt) => /。\n会议/.test(excerpt)),
          `${where}: paragraphs stay paragraphs`,
        );
        assert.ok(
          excerpts.every((excerpt) => !/。 会议/.test(excerpt)),
          `${where}: not joined with a space`,
        );
        const filters = page.locator("[data-search-refine]");
        if (!(await filters.evaluate((details) => (details as HTMLDetailsElement).open))) await filters.locator("summary").click();
        const labels = await page.locator('input[name="page"]').evaluateAll((boxes) => boxes.map((box) => box.parentElement?.textContent?.trim() ?? ""));
        assert.ok(labels.length > 0 && labels.every((label) => /^第\d+版（\d+）$/.test(label)), `${where}: ${JSON.stringify(labels)}`);
        if (viewport === DESKTOP) {
          const side = (await filters.boundingBox())!;
          const results = (await page.locator("[data-search-results]").boundingBox())!;
          assert.ok(side.x + side.width <= results.x && results.y < side.y + side.height, `${where}: filters beside the results`);
          assert.ok(results.width > 800, `${where}: the results take the page's width, ${results.width} px`);
        }
      }
    });

    test("should move nothing on screen while a query's results, filters and excerpts come in, at 390 and 1366 px", async () => {
      // Lighthouse's cumulative layout shift, read where it is measured: every layout-shift entry not caused by the reader's input, from
      // the first paint until the search is done and its year chart drawn. A query that names a reporter shows their card as well.
      for (const [query, viewport, colorScheme] of [
        ["会议", PHONE, "light"],
        ["会议", DESKTOP, "dark"],
        ["郭龙君", PHONE, "dark"],
        ["郭龙君", DESKTOP, "light"],
      ] as const) {
        const page = await open(browser, `search/?q=${encodeURIComponent(query)}`, viewport, colorScheme);
        await page.locator('[data-search-status][data-state="done"]').waitFor();
        await page.locator('[data-search-years][data-state="done"]').waitFor({ state: "attached" });
        // A frame after the last change, so its shift (if any) is recorded.
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        const shifts = await page.evaluate(
          () =>
            new Promise<{ value: number; moved: string[] }[]>((resolve) => {
              const found: { value: number; moved: string[] }[] = [];
              new PerformanceObserver((list) => {
                for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean; sources: { node: Node | null }[] })[]) {
                  if (!entry.hadRecentInput)
                    found.push({
                      value: entry.value,
                      moved: entry.sources.map((source) =>
                        source.node instanceof Element ? `${source.node.tagName.toLowerCase()}.${source.node.className}` : String(source.node?.nodeName),
                      ),
                    });
                }
              }).observe({ type: "layout-shift", buffered: true });
              setTimeout(() => resolve(found), 100);
            }),
        );
        const total = shifts.reduce((sum, shift) => sum + shift.value, 0);
        assert.ok(total < 0.01, `${query} at ${viewport.width}px ${colorScheme}: layout shift ${total.toFixed(3)} (${JSON.stringify(shifts)})`);
        assert.ok((await page.locator(".search-result-excerpt").count()) > 0, `${query}: results shown`);
      }
    });

    test("should be a page search engines may index without a query, with its help, and fold every query into it", async () => {
      const html = await readFile(path.join(workDir, "site/search/index.html"), "utf8");
      assert.doesNotMatch(html, /<meta name="robots"/, "no noindex: Lighthouse's is-crawlable fails any page that has one");
      assert.match(html, /<link rel="canonical" href="[^"]*\/search\/">/, "one canonical address for every ?q=");
      for (const [sitePath, helpShown] of [
        ["search/", true],
        ["search/?q=%E4%BC%9A%E8%AE%AE", false],
      ] as const) {
        const page = await open(browser, sitePath, PHONE);
        await page.locator('[data-search-status][data-state="done"]').waitFor({ state: "attached" });
        assert.equal(await page.locator("[data-search-help]").isVisible(), helpShown, sitePath);
      }
    });

    test("should show the reporter a query names first, by name or by pinyin with or without tones and spaces", async () => {
      for (const [query, viewport, colorScheme] of [
        ["郭龙君", PHONE, "light"],
        ["guolongjun", PHONE, "dark"],
        ["Guō Lóngjūn", DESKTOP, "light"],
        ["guo2 long2 jun1", DESKTOP, "dark"],
      ] as const) {
        const page = await open(browser, `search/?q=${encodeURIComponent(query)}`, viewport, colorScheme);
        await page.locator('[data-search-status][data-state="done"]').waitFor();
        const person = page.locator("[data-search-person] a").first();
        assert.equal(await person.getAttribute("href"), "/people/guo-longjun/", query);
        const card = (await page.locator("[data-search-person]").boundingBox())!;
        const status = (await page.locator("[data-search-status]").boundingBox())!;
        assert.ok(card.y < status.y, `${query}: before the results`);
        // Spelled in pinyin, the name is searched as printed, and the page says so; the results follow, not 没有找到.
        const said = await page.locator("[data-search-status]").innerText();
        if (query === "郭龙君") assert.doesNotMatch(said, /拼音/, query);
        else assert.match(said, /^按拼音找到记者 郭龙君，以下是搜索“郭龙君”的结果。找到 \d+ 篇与“郭龙君”有关的文章/, query);
        assert.ok((await page.locator(".search-result").count()) > 0, `${query}: their articles listed`);
        assert.ok((await page.locator(".search-result-excerpt mark").filter({ hasText: "郭龙君" }).count()) > 0, `${query}: the name marked where printed`);
      }
      const other = await open(browser, "search/?q=guolong");
      await other.locator('[data-search-status][data-state="done"]').waitFor();
      assert.equal(await other.locator("[data-search-person]").isHidden(), true, "part of a name is no one's");
    });
  });

  test("should show 历史上的今天 only when earlier years have the day, and on a day page link the lead headline and say where the pager goes", async () => {
    for (const { viewport, colorScheme } of VARIANTS) {
      const where = `${viewport.width}px ${colorScheme}`;
      for (const sitePath of [viewport === PHONE ? "" : "2022/11/02/"]) {
        const page = await open(browser, sitePath, viewport, colorScheme);
        assert.equal(await page.locator(".this-day").count(), 0, `${where} /${sitePath}: no empty notices`);
        assert.equal(await page.getByText("没有报纸").count(), 0, `${where} /${sitePath}`);
      }
      const day = await open(browser, "day/11-01/", viewport, colorScheme);
      assert.equal(await day.getByRole("link", { name: "省委常委会召开扩大会议" }).getAttribute("href"), "/2022/11/01/1/1/");
      assert.equal(
        await day
          .locator(".pager-next")
          .innerText()
          .then((text) => text.replace(/\s+/g, " ")),
        "后一天 11月2日",
      );
    }
  });

  test("should count a person's articles as Chinese reads, name their unit, and list each article with its subtitle and lead", async () => {
    for (const { viewport, colorScheme } of VARIANTS) {
      const where = `${viewport.width}px ${colorScheme}`;
      const page = await open(browser, "people/guo-longjun/", viewport, colorScheme);
      assert.equal(await page.locator(".person-counts").innerText(), "共 3 篇，其中摄影 1 幅", where);
      assert.equal(await page.locator(".person-role").innerText(), "融媒体 记者", where);
      const items = page.locator(".person-credits li");
      assert.equal(await items.count(), 3);
      const province = items.filter({ hasText: "省委常委会召开扩大会议" });
      assert.equal(await province.locator(".person-credit-subtitle").innerText(), "分析研究当前经济形势和经济工作 我区设分会场组织收听收看");
      assert.match(await province.locator(".person-credit-lead").innerText(), /^省委常委会召开扩大会议，深入学习贯彻/);
      assert.doesNotMatch(await province.locator(".person-credit-facts").innerText(), /记者/, `${where}: the role held in every article is said once`);
      assert.match(await items.filter({ hasText: "区委召开经济工作会议" }).locator(".person-credit-facts").innerText(), /记者、摄影$/);
      assert.equal(
        await page.getByRole("navigation", { name: "网站导航" }).getByRole("link", { name: "记者与摄影" }).count(),
        1,
        `${where}: the menu names the section as its page does`,
      );
    }
  });

  test("should link the open data from 数据与引用 for researchers, not from the reader's 往期回顾", async () => {
    for (const { viewport, colorScheme } of VARIANTS) {
      const where = `${viewport.width}px ${colorScheme}`;
      const archive = await open(browser, "archive/", viewport, colorScheme);
      assert.doesNotMatch(await archive.locator("main").innerText(), /JSON|IIIF|接口/, where);
      await archive.getByRole("contentinfo").getByRole("link", { name: "数据与引用" }).click();
      await archive.waitForURL(/\/data\/$/);
      assert.equal(await archive.locator("h1").innerText(), "数据与引用");
      for (const [name, href] of [
        ["全部稿件", "/api/v1/bulk/2022.jsonl"],
        ["各期目录", "/api/v1/years/2022.json"],
        ["数据接口索引", "/api/v1/index.json"],
        ["版面图合集", "/iiif/collection.json"],
      ]) {
        assert.equal(await archive.getByRole("link", { name, exact: true }).getAttribute("href"), href, `${where}: ${name}`);
      }
    }
  });

  test("should outline hotspots thinly without tinting the scan, fully on hover and focus, and let a reader hide them, remembered on the device", async () => {
    for (const { viewport, colorScheme } of VARIANTS) {
      const where = `${viewport.width}px ${colorScheme}`;
      const page = await open(browser, "2022/11/02/1/", viewport, colorScheme);
      await page.locator("[data-scan][data-ready]").waitFor();
      const rect = page.locator(".scan-hotspots rect").first();
      const style = () =>
        rect.evaluate((element) => ({
          fill: getComputedStyle(element).fill,
          stroke: getComputedStyle(element).stroke,
          width: getComputedStyle(element).strokeWidth,
        }));
      const resting = await style();
      assert.match(resting.fill, /^(transparent|rgba\(0, 0, 0, 0\))$/, `${where}: the print is not tinted`);
      assert.equal(resting.width, "1px", where);
      await page.locator(".scan-hotspots a").first().focus();
      assert.equal((await style()).width, "3px", `${where}: full on focus`);
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      const toggle = page.getByRole("button", { name: "显示热区" });
      assert.equal(await toggle.getAttribute("aria-pressed"), "true");
      await toggle.click();
      assert.equal(await toggle.getAttribute("aria-pressed"), "false");
      assert.equal((await style()).stroke, "rgba(0, 0, 0, 0)", `${where}: hidden`);
      await page.reload();
      await page.locator("[data-scan][data-ready]").waitFor();
      assert.equal(await page.getByRole("button", { name: "显示热区" }).getAttribute("aria-pressed"), "false", `${where}: remembered`);
      assert.equal((await style()).stroke, "rgba(0, 0, 0, 0)", `${where}: still hidden`);
      await page.locator(".scan-hotspots a").first().focus();
      assert.equal((await style()).width, "3px", `${where}: a focused hotspot still shows`);
      await page.evaluate(() => localStorage.clear());
    }
  });
});
