// The reading room in real Chromium, as readers use it on a phone (390 px) and a desktop (1366 px), light and dark. Every page type:
// axe-core finds no WCAG 2.2 A/AA or best-practice violation, the keyboard alone reaches every control with a visible focus, and the W3C
// Nu checker (vnu-jar) finds no error in any page. And each feature: a 版's scan beside its headlines with hotspots drawn and lit with
// their headlines, zoom, pinch and pan; the row of page thumbnails; an article's folio line, 字号, copy link, share sheet, print
// stylesheet and headline breaking; dark mode; caption-only photo news; 往期回顾's years and calendars. Both sites are built once, and
// one Chromium serves every test.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, test } from "node:test";
import type { Page } from "playwright-core";
import { browserSuite } from "./helpers/browser.ts";
import { lineBreaks } from "./helpers/line-breaks.ts";
import { addressOf, PAGE_TYPES, servedReadingSites, type PageType } from "./helpers/reading-sites.ts";

const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
const vnuJar = path.join(path.dirname(require.resolve("vnu-jar/package.json")), "build", "dist", "vnu.jar");

/** The rules axe runs: WCAG 2.0, 2.1 and 2.2 at levels A and AA, and Deque's best practices. */
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/** The widths every page is read at, each light and dark. */
const WIDTHS = [390, 1366] as const;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };

const sites = servedReadingSites();

browserSuite("the reading room in Chromium", (browser) => {
  describe("every page type, for accessibility", () => {
    // One tab a width, reused for both schemes: opening a tab and loading a page was most of the time (68 opens, now 34 loads).
    // The colour scheme is switched on the loaded page, as the reader's system switches it: the scheme is CSS alone, no script reads it.
    const tabs = new Map<number, Page>();
    const tabAt = async (width: number): Promise<Page> => {
      const kept = tabs.get(width);
      const open = kept && !kept.isClosed() ? kept : await browser.newPage({ width, height: width < 500 ? 844 : 900 });
      tabs.set(width, open);
      await open.bringToFront();
      return open;
    };
    for (const pageType of PAGE_TYPES) {
      test(`should have no axe-core violation on the ${pageType.name} page at 390 and 1366 px, light and dark, and let the keyboard alone reach every control with a visible focus at both widths`, async () => {
        const violations: string[] = [];
        const keyboard: string[] = [];
        for (const width of WIDTHS) {
          const page = await load(await tabAt(width), pageType);
          for (const colorScheme of ["light", "dark"] as const) {
            await page.emulateMedia({ colorScheme });
            // The dark scheme redefines colours and nothing else (site.css): in dark, only the rules that judge colours can answer otherwise.
            const rules = colorScheme === "light" ? "all" : "colours";
            violations.push(...(await axeViolations(page, rules)).map((violation) => `${width}px ${colorScheme}: ${violation}`));
          }
          // Where the focus goes and how its ring is drawn depend on the layout, not the scheme: the keyboard is walked once a width.
          await page.emulateMedia({ colorScheme: "light" });
          keyboard.push(...(await tabThrough(page)).map((problem) => `${width}px: ${problem}`));
        }
        assert.deepEqual(violations, [], `axe-core on ${pageType.path}`);
        assert.deepEqual(keyboard, [], `the keyboard on ${pageType.path}`);
      });
    }
  });

  describe("each feature, as a reader uses it", () => {
    const openScanned = async (viewport = DESKTOP) => {
      const page = await browser.newPage(viewport);
      await page.goto(new URL("2022/11/02/1/", sites.images.url).href);
      await page.locator("[data-scan][data-ready]").waitFor();
      await page.waitForFunction(() => document.querySelector<HTMLImageElement>(".scan img")?.complete === true);
      return page;
    };

    test("should set a 版's scan beside its headlines on a desktop, and first at the full width of a phone", async () => {
      const desktop = await openScanned();
      const scan = (await desktop.locator(".scan-viewport").boundingBox())!;
      const list = (await desktop.locator("[data-headlines]").boundingBox())!;
      assert.ok(scan.x + scan.width <= list.x && list.y < scan.y + scan.height, `side by side: scan ${JSON.stringify(scan)}, list ${JSON.stringify(list)}`);
      assert.ok(
        await desktop
          .getByRole("navigation", { name: "翻版", exact: true })
          .getByRole("link", { name: /^下一版/ })
          .isVisible(),
        "下一版 at hand, by the 版's heading",
      );
      assert.ok(await desktop.getByRole("navigation", { name: "版面导航" }).isVisible(), "the 版 list at hand");
      await desktop.close();

      const phone = await openScanned(PHONE);
      const phoneScan = (await phone.locator(".scan-viewport").boundingBox())!;
      const phoneList = (await phone.locator("[data-headlines]").boundingBox())!;
      assert.equal(Math.round(phoneScan.width), PHONE.width, "the scan spans the phone's width");
      assert.ok(phoneScan.y + phoneScan.height <= phoneList.y, "the headlines come after the scan");
      await phone.close();
    });

    test("should draw every hotspot where it is, not only when pointed at", async () => {
      const page = await openScanned();
      const strokes = await page.locator(".scan-hotspots rect").evaluateAll((rects) => rects.map((rect) => getComputedStyle(rect).stroke));
      assert.equal(strokes.length, 2);
      for (const stroke of strokes) assert.match(stroke, /rgba?\(176, 18, 27(, 0\.[3-9]\d*)?\)/, `a visible outline: ${stroke}`);
      await page.close();
    });

    test("should light a headline's hotspot when the headline is pointed at or focused, and the headline when its hotspot is", async () => {
      const page = await openScanned();
      const headline = page.locator(".article-summary").filter({ hasText: "区委召开经济工作会议" });
      const spot = page.locator('.scan-hotspots a[aria-label="区委召开经济工作会议"]');
      const lit = () =>
        spot.evaluate((element) => ({ spot: element.classList.contains("is-lit"), width: getComputedStyle(element.querySelector("rect")!).strokeWidth }));
      await headline.hover();
      assert.deepEqual(await lit(), { spot: true, width: "3px" }, "pointing at the headline outlines its hotspot");
      await page.mouse.move(5, 5);
      assert.equal((await lit()).spot, false);
      await headline.getByRole("link").focus();
      assert.equal((await lit()).spot, true, "focusing the headline outlines its hotspot");
      await page.locator("body").focus();
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      const box = (await spot.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      assert.ok(await headline.evaluate((item) => item.classList.contains("is-lit")), "pointing at the hotspot lights its headline");
      await page.close();
    });

    test("should zoom with its buttons, the hotspots scaling with the scan, and let the keyboard pan a zoomed scan", async () => {
      const page = await openScanned();
      const zoomIn = page.getByRole("button", { name: "放大版面" });
      const zoomOut = page.getByRole("button", { name: "缩小版面" });
      assert.equal(await zoomOut.getAttribute("aria-disabled"), "true");
      const before = (await page.locator(".scan img").boundingBox())!;
      await zoomIn.click();
      await zoomIn.click();
      assert.equal(await page.locator("[data-scan-level]").innerText(), "200%");
      const after = (await page.locator(".scan img").boundingBox())!;
      assert.ok(Math.abs(after.width - before.width * 2) < 2, `zoomed from ${before.width} to ${after.width} px`);
      const spot = (await page.locator(".scan-hotspots rect").first().boundingBox())!;
      assert.ok(Math.abs(spot.width - after.width * 0.6) < after.width * 0.01, "the hotspot scales with the scan");
      const viewport = page.locator("[data-scan-viewport]");
      assert.equal(await viewport.getAttribute("tabindex"), "0", "a zoomed scan can take the focus");
      await viewport.focus();
      const left = await viewport.evaluate((element) => element.scrollLeft);
      await page.keyboard.press("ArrowRight");
      await page.waitForFunction((start) => document.querySelector("[data-scan-viewport]")!.scrollLeft > start, left);
      await zoomOut.click();
      await zoomOut.click();
      assert.equal(await zoomOut.getAttribute("aria-disabled"), "true");
      assert.equal(await viewport.getAttribute("tabindex"), null);
      await page.close();
    });

    test("should zoom a scan by pinching on a phone and pan it with one finger", async () => {
      const page = await openScanned(PHONE);
      const client = await page.context().newCDPSession(page);
      await client.send("Emulation.setTouchEmulationEnabled", { enabled: true, maxTouchPoints: 5 });
      const box = (await page.locator("[data-scan-viewport]").boundingBox())!;
      const centre = { x: box.x + box.width / 2, y: box.y + Math.min(box.height, 400) / 2 };
      const touch = (type: "touchStart" | "touchMove" | "touchEnd", points: { x: number; y: number }[]) =>
        client.send("Input.dispatchTouchEvent", { type, touchPoints: points.map((point, id) => ({ ...point, id })) });
      const fingers = (apart: number) => [
        { x: centre.x - apart, y: centre.y },
        { x: centre.x + apart, y: centre.y },
      ];
      await touch("touchStart", fingers(40));
      for (let apart = 50; apart <= 120; apart += 10) await touch("touchMove", fingers(apart));
      await touch("touchEnd", []);
      const level = Number((await page.locator("[data-scan-level]").innerText()).replace("%", ""));
      assert.ok(level >= 250, `pinched to ${level}%`);
      const viewport = page.locator("[data-scan-viewport]");
      const start = await viewport.evaluate((element) => ({ left: element.scrollLeft, top: element.scrollTop }));
      await touch("touchStart", [centre]);
      for (let step = 1; step <= 8; step++) await touch("touchMove", [{ x: centre.x - step * 10, y: centre.y - step * 5 }]);
      await touch("touchEnd", []);
      const moved = await viewport.evaluate((element) => ({ left: element.scrollLeft, top: element.scrollTop }));
      assert.ok(moved.left > start.left + 50 && moved.top > start.top + 20, `one finger pans the zoomed scan: ${JSON.stringify({ start, moved })}`);
      await page.close();
    });

    test("should show an issue's 版面导航 as a row of page thumbnails, and as plain pages with their numbers without scans", async () => {
      const page = await browser.newPage(DESKTOP);
      await page.goto(new URL("2022/11/02/", sites.images.url).href);
      const thumbnails = page.getByRole("navigation", { name: "版面导航" }).locator("li");
      const boxes = await thumbnails.evaluateAll((items) =>
        items.map((item) => ({ top: item.getBoundingClientRect().top, image: item.querySelector("img")?.getBoundingClientRect().height ?? 0 })),
      );
      assert.equal(boxes.length, 2);
      assert.ok(
        boxes.every((box) => box.top === boxes[0]!.top && box.image > 150),
        `one row of thumbnails: ${JSON.stringify(boxes)}`,
      );
      await page.goto(new URL("2022/11/01/", sites.seed.url).href);
      const tiles = page.locator(".page-thumb.is-text");
      assert.equal(await tiles.count(), 2);
      assert.equal(await tiles.first().evaluate((tile) => getComputedStyle(tile, "::before").content), '"1" / ""');
      assert.equal(
        await page
          .locator(".headline-list")
          .first()
          .evaluate((list) => getComputedStyle(list).listStyleType),
        "none",
        "标题导航 is set as contents, not bullets",
      );
      await page.close();
    });

    test("should head an article with the paper, date, 总第N期 and 第2版 · 非凡十年 铸就辉煌, no line of it starting with a separator", async () => {
      const page = await browser.newPage(PHONE);
      await page.goto(new URL("2022/11/01/2/1/", sites.seed.url).href);
      const items = page.getByRole("navigation", { name: "本文出处" }).locator("li");
      assert.deepEqual(
        (await items.allInnerTexts()).map((text) => text.replace(/\s+/g, " ").trim()),
        ["东昌府讯", "2022年11月1日 星期二", "总第1480期", "第2版 · 非凡十年 铸就辉煌"],
      );
      const separators = await items.evaluateAll((elements) =>
        elements.map((item) => [getComputedStyle(item, "::before").content, getComputedStyle(item, "::after").content]),
      );
      assert.deepEqual(
        separators,
        [
          ["none", '"·" / ""'],
          ["none", '"·" / ""'],
          ["none", '"·" / ""'],
          ["none", "none"],
        ],
        "separators end items, so none can open a line",
      );
      await page.close();
    });

    test("should remember the 字号 on the device and apply it before the first paint, with no layout shift", async () => {
      const page = await browser.newPage(PHONE);
      const article = new URL("2022/11/01/1/1/", sites.seed.url).href;
      await page.goto(article);
      const bodySize = () => page.locator(".article-body").evaluate((body) => getComputedStyle(body).fontSize);
      assert.equal(await bodySize(), "18px");
      await page.getByRole("group", { name: "字号" }).getByRole("button", { name: "特大" }).click();
      assert.equal(await bodySize(), "24px");
      await page.addInitScript(() => {
        const shifts: number[] = [];
        (window as unknown as { shifts: number[] }).shifts = shifts;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) shifts.push((entry as unknown as { value: number }).value);
        }).observe({ type: "layout-shift", buffered: true });
      });
      await page.goto(article);
      assert.equal(await bodySize(), "24px", "the size is kept across pages");
      assert.equal(await page.getByRole("button", { name: "特大" }).getAttribute("aria-pressed"), "true");
      await page.waitForTimeout(300);
      assert.deepEqual(await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts), [], "nothing moves once drawn");
      await page.getByRole("button", { name: "中" }).click();
      await page.close();
    });

    test("should copy the article's address, and offer the system share sheet on a phone", async () => {
      const page = await browser.newPage(DESKTOP);
      await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: sites.seed.url });
      await page.goto(new URL("2022/11/01/1/1/?highlight=会议", sites.seed.url).href);
      assert.equal(await page.getByRole("button", { name: "分享" }).isVisible(), false, "no share button on a desktop");
      await page.getByRole("button", { name: "复制链接" }).click();
      await page.getByRole("status").filter({ hasText: "已复制本文链接" }).waitFor();
      assert.equal(
        await page.evaluate(() => navigator.clipboard.readText()),
        "http://localhost:8080/2022/11/01/1/1/",
        "the canonical address, without ?highlight",
      );
      await page.close();

      const phone = await browser.newPage(PHONE);
      const client = await phone.context().newCDPSession(phone);
      await client.send("Emulation.setTouchEmulationEnabled", { enabled: true, maxTouchPoints: 5 });
      // A share sheet that records what it was given (Linux Chromium has none). Source text, not a function: tsx would wrap a function's
      // inner functions in a helper the page does not have.
      await phone.addInitScript(
        "window.shared = []; Object.defineProperty(navigator, 'share', { value: (data) => { window.shared.push(data); return Promise.resolve(); } });",
      );
      await phone.goto(new URL("2022/11/01/1/1/", sites.seed.url).href);
      await phone.getByRole("button", { name: "分享" }).click();
      assert.deepEqual(await phone.evaluate(() => (window as unknown as { shared: ShareData[] }).shared), [
        { title: "省委常委会召开扩大会议", url: "http://localhost:8080/2022/11/01/1/1/" },
      ]);
      await phone.close();
    });

    test("should print an article as its folio line, title block, body, byline and address, without navigation", async () => {
      const page = await browser.newPage(DESKTOP);
      await page.goto(new URL("2022/11/01/1/1/", sites.seed.url).href);
      await page.emulateMedia({ media: "print", colorScheme: "dark" });
      const shown = (selector: string) =>
        page
          .locator(selector)
          .first()
          .evaluate((element) => getComputedStyle(element).display !== "none" && element.getClientRects().length > 0);
      for (const selector of [".article-source", ".article-title", ".subtitle", ".article-body", ".byline", ".print-address"])
        assert.ok(await shown(selector), `${selector} is printed`);
      for (const selector of [".site-header", ".site-footer", ".pager", ".article-tools"])
        assert.equal(await shown(selector), false, `${selector} is not printed`);
      assert.equal((await page.locator(".print-address").innerText()).trim(), "本文网址：http://localhost:8080/2022/11/01/1/1/");
      assert.equal(await page.locator("body").evaluate((body) => getComputedStyle(body).color), "rgb(0, 0, 0)", "black on paper, whatever the screen's scheme");
      await page.close();
    });

    test("should break titles and subtitles only between words, and justify the dateline's first line as every other", async () => {
      const problems: string[] = [];
      let breakCount = 0;
      for (const viewport of [PHONE, DESKTOP]) {
        const page = await browser.newPage(viewport);
        for (const article of ["2022/11/01/1/1/", "2022/11/01/1/2/", "2022/11/01/1/5/", "2022/11/01/2/1/"]) {
          await page.goto(new URL(article, sites.seed.url).href);
          for (const [selector, breaks] of Object.entries(await lineBreaks(page, ".article-title, .article-header .subtitle"))) {
            breakCount += breaks.length;
            for (const { before, after, atPhrase } of breaks)
              if (!atPhrase && before !== " " && after !== " ")
                problems.push(`${viewport.width}px ${article} ${selector}: broken inside a word at …${before}/${after}…`);
          }
        }
        await page.close();
      }
      assert.deepEqual(problems, []);
      assert.ok(breakCount >= 3, `the long titles and subtitles do break: ${breakCount} breaks`);

      const page = await browser.newPage(PHONE);
      await page.goto(new URL("2022/11/01/1/1/", sites.seed.url).href);
      const advances = await page.locator(".dateline + p").evaluate((paragraph) => {
        const text = paragraph.firstChild as Text;
        const lefts: { top: number; left: number }[] = [];
        for (let index = 0; index < text.length; index++) {
          const range = document.createRange();
          range.setStart(text, index);
          range.setEnd(text, index + 1);
          const rect = range.getBoundingClientRect();
          lefts.push({ top: Math.round(rect.top), left: rect.left });
        }
        const lines = [...new Set(lefts.map((left) => left.top))].slice(0, 2);
        return lines.map((top) => {
          const onLine = lefts.filter((left) => left.top === top);
          return (onLine.at(-1)!.left - onLine[0]!.left) / (onLine.length - 1);
        });
      });
      const [first, second] = advances as [number, number];
      assert.ok(
        Math.abs(first - second) / second < 0.08,
        `the first line's characters are spaced as the second's: ${first.toFixed(2)} and ${second.toFixed(2)} px`,
      );
      await page.close();
    });

    test("should follow the system's dark scheme under 跟随系统, show the scheme chosen, and keep the reader's own choice on the device, leaving scans as they are", async () => {
      const page = await openScanned();
      const background = () => page.locator("body").evaluate((body) => getComputedStyle(body).backgroundColor);
      const choice = page.getByRole("combobox", { name: "配色" });
      assert.equal(await background(), "rgb(255, 253, 248)");
      assert.equal(await choice.inputValue(), "system");
      await page.emulateMedia({ colorScheme: "dark" });
      assert.equal(await background(), "rgb(21, 19, 15)", "dark from the system's setting");
      await choice.selectOption({ label: "浅色" });
      assert.equal(await background(), "rgb(255, 253, 248)", "the reader's choice over the system's");
      await page.reload();
      assert.equal(await background(), "rgb(255, 253, 248)", "remembered across pages");
      assert.equal(await choice.inputValue(), "light", "the control shows the scheme in force");
      await choice.selectOption({ label: "深色" });
      await page.emulateMedia({ colorScheme: "light" });
      assert.equal(await background(), "rgb(21, 19, 15)");
      assert.equal(await page.locator(".scan img").evaluate((image) => getComputedStyle(image).filter), "none", "the scan is never recoloured");
      await choice.selectOption({ label: "跟随系统" });
      assert.equal(await background(), "rgb(255, 253, 248)", "back to the system's light");
      await page.reload();
      assert.equal(await choice.inputValue(), "system");
      await page.evaluate(() => localStorage.clear());
      await page.close();
    });

    test("should set photo news without its photo as a caption that says the printed 版 carried it", async () => {
      const page = await browser.newPage(PHONE);
      await page.goto(new URL("2022/11/01/1/6/", sites.seed.url).href);
      const figure = page.locator("figure.photo.is-caption-only");
      assert.equal(await figure.locator("img").count(), 0);
      assert.match(await figure.innerText(), /照片刊于当日报纸第1版，融媒体 徐振鑫 通讯员 张振祥 摄$/);
      assert.notEqual(await figure.evaluate((element) => getComputedStyle(element).borderLeftStyle), "none", "framed, as the space the photo took");
      await page.close();
    });

    test("should show 往期回顾 as year cards with a strip of months, and year calendars with rows of one height, today and the newest issue marked", async () => {
      const page = await browser.newPage(DESKTOP);
      await page.goto(new URL("archive/", sites.seed.url).href);
      const strip = page.getByRole("list", { name: "2022年各月期数" });
      assert.equal(await strip.locator("li").count(), 12);
      // The bundled archive has months of no issue and of one; every shade of the strip must keep its figures readable (4.5:1), light
      // and dark. Measured here, not by axe-core, which leaves a cell of one figure unjudged as "too short to be text".
      await strip.locator("li").evaluateAll((months) => {
        for (const [index, month] of months.entries()) month.setAttribute("class", `density-${index % 5}`);
      });
      for (const colorScheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme });
        // The shade is drawn on the month's link; an empty month's plain figure stands on the card.
        const shades = await strip.locator("li").evaluateAll((months) =>
          months.map((month) => {
            const cell = month.firstElementChild!;
            const fill = getComputedStyle(cell).backgroundColor;
            return [
              month.className,
              getComputedStyle(cell).color,
              fill === "rgba(0, 0, 0, 0)" ? getComputedStyle(month.closest(".year-card")!).backgroundColor : fill,
            ];
          }),
        );
        for (const [shade, color, background] of shades) {
          assert.ok(
            contrastRatio(color!, background!) >= 4.5,
            `${colorScheme} ${shade}: ${color} on ${background} is ${contrastRatio(color!, background!).toFixed(2)}:1`,
          );
        }
      }
      await page.emulateMedia({ colorScheme: "light" });
      await strip.getByRole("link", { name: /^11\s*月 1期$/ }).click();
      await page.waitForURL(/\/archive\/2022\/#month-11$/);
      const heights = await page
        .locator("table.calendar tbody tr")
        .evaluateAll((rows) => [...new Set(rows.map((row) => Math.round(row.getBoundingClientRect().height)))]);
      assert.equal(heights.length, 1, `every week row is as tall as every other: ${heights.join(", ")} px`);
      assert.equal(await page.getByRole("link", { name: "2022年11月1日 总第1480期 最新一期" }).count(), 1);
      await page.close();

      const dated = await browser.newPage(DESKTOP);
      await dated.clock.setFixedTime(new Date(2022, 10, 2, 9, 0));
      await dated.goto(new URL("archive/2022/", sites.seed.url).href);
      const today = dated.locator('td[data-date="2022-11-02"]');
      await dated.locator(".is-today").waitFor();
      assert.equal(await today.getAttribute("aria-current"), "date", "today by the reader's clock");
      assert.ok(await dated.getByText("今天", { exact: true }).isVisible(), "the legend explains the mark");
      await dated.close();
    });
  });
});

describe("the W3C Nu HTML checker", () => {
  const java = spawnSync("java", ["-version"]);
  const missing = java.error ? "Java not found (install openjdk-17-jre-headless)" : undefined;
  const isCI = process.env.CI === "true" || process.env.CI === "1";
  test("should find no error in any page of the bundled archive or the image archive", { skip: missing && !isCI ? missing : false }, async () => {
    assert.equal(missing, undefined, missing);
    const files = [...(await htmlFiles(sites.seedDir)), ...(await htmlFiles(sites.imageDir))];
    assert.ok(files.length > 25, `${files.length} pages`);
    // One run for every page: the Java start is most of the time.
    const messages = await runVnu(files);
    assert.deepEqual(messages, []);
  });
});

/** The subset of axe-core's API the test calls. */
interface AxeRunner {
  run(context: Document | string, options: object): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }>;
  getRules(tags: string[]): { ruleId: string; tags: string[] }[];
}

/** Loads `pageType` in `page`, light, and waits until its scripts have done their work and its fonts have come. */
async function load(page: Page, pageType: PageType): Promise<Page> {
  await page.emulateMedia({ colorScheme: "light" });
  const response = await page.goto(addressOf(sites, pageType));
  assert.equal(response?.status(), pageType.status ?? 200, pageType.path);
  if (pageType.ready) await page.locator(pageType.ready).first().waitFor();
  await page.evaluate(() => document.fonts.ready);
  return page;
}

/**
 * axe-core's violations on the page, one line each: rule, impact, what it asks, and the first elements that break it. `all` runs every
 * rule of AXE_TAGS; `colours`, those of them axe files under colour (`cat.color`: contrast, links told apart by colour alone).
 */
async function axeViolations(page: Page, rules: "all" | "colours"): Promise<string[]> {
  // Loaded once a page: a second run on the same page (the other scheme) finds it there.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axeSource);
  return page.evaluate(
    async ({ tags, rules }) => {
      const axe = (window as unknown as { axe: AxeRunner }).axe;
      const runOnly =
        rules === "all"
          ? { type: "tag", values: tags }
          : { type: "rule", values: axe.getRules(tags).flatMap((rule) => (rule.tags.includes("cat.color") ? [rule.ruleId] : [])) };
      if (runOnly.values.length === 0) throw new Error("axe-core names no rule of these tags under colour");
      const results = await axe.run(document, { runOnly, resultTypes: ["violations"] });
      return results.violations.map(
        (violation) =>
          `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.length} element(s), e.g. ${violation.nodes
            .slice(0, 3)
            .map((node) => node.target.join(" "))
            .join(", ")}`,
      );
    },
    { tags: AXE_TAGS, rules },
  );
}

/**
 * Presses Tab from the top of the page until the focus comes round again, and says which controls it never reached and which it reached
 * without a visible focus indicator (an outline of 2 px or more, or, for a hotspot on a scan, its outline drawn at full strength).
 */
async function tabThrough(page: Page): Promise<string[]> {
  const controls = await page.evaluate(() => {
    const all = [...document.querySelectorAll<HTMLElement | SVGElement>('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])')];
    // What a closed <details> folds away is not shown, though Chromium still lays it out.
    const shown = all.filter(
      (element) =>
        !element.closest("[hidden], [inert], details:not([open]) > :not(summary)") &&
        element.getClientRects().length > 0 &&
        getComputedStyle(element).visibility !== "hidden" &&
        !(element as HTMLButtonElement).disabled,
    );
    for (const [index, element] of shown.entries()) element.setAttribute("data-tab-probe", String(index));
    return shown.length;
  });
  const reached = new Set<string>();
  const problems: string[] = [];
  let previous: string | null = null;
  // A date field takes a Tab for each of its parts (year, month, day): a control focused again at once is still being walked through.
  for (let presses = 0; presses < controls + 20; presses++) {
    await page.keyboard.press("Tab");
    const focus = await page.evaluate(() => {
      const element = document.activeElement;
      if (!element || element === document.body) return undefined;
      const style = getComputedStyle(element);
      const rect = element.closest(".scan-hotspots a") ? element.querySelector("rect") : null;
      const visible = rect
        ? Number.parseFloat(getComputedStyle(rect).strokeWidth) >= 3
        : style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) >= 2;
      const name = `<${element.tagName.toLowerCase()}> ${(element.getAttribute("aria-label") ?? element.textContent ?? "").trim().slice(0, 30)}`;
      return { probe: element.getAttribute("data-tab-probe"), visible, name };
    });
    if (!focus) continue;
    if (focus.probe !== null && focus.probe === previous) continue;
    previous = focus.probe;
    if (focus.probe !== null && reached.has(focus.probe)) break;
    if (focus.probe !== null) reached.add(focus.probe);
    if (!focus.visible) problems.push(`no visible focus on ${focus.name}`);
  }
  const missed = await page.evaluate(
    (seen) =>
      [...document.querySelectorAll("[data-tab-probe]")]
        .filter((element) => !seen.includes(element.getAttribute("data-tab-probe") ?? ""))
        .map((element) => `<${element.tagName.toLowerCase()}> ${(element.getAttribute("aria-label") ?? element.textContent ?? "").trim().slice(0, 30)}`),
    [...reached],
  );
  return [...problems, ...missed.map((name) => `not reached by Tab: ${name}`)];
}

async function htmlFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** The Nu checker's errors for `files`, one line each: file, line, message. */
async function runVnu(files: string[]): Promise<string[]> {
  const child = spawn("java", ["-jar", vnuJar, "--errors-only", "--format", "json", ...files], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  await new Promise((resolve) => child.on("close", resolve));
  const { messages } = JSON.parse(output) as { messages: { url: string; lastLine?: number; message: string; type: string }[] };
  return messages.map((message) => `${message.url.replace(/^file:/, "")}:${message.lastLine ?? 0}: ${message.type}: ${message.message}`);
}

/** WCAG's contrast ratio of two opaque colours given as CSS rgb(). */
function contrastRatio(first: string, second: string): number {
  const luminance = (color: string) => {
    const [red, green, blue] = (color.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((channel) => {
      const value = Number(channel) / 255;
      return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue;
  };
  const [lighter, darker] = [luminance(first), luminance(second)].sort((a, b) => b - a) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}
