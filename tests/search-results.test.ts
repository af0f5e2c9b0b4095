// The search results page in real Chromium over the `ranking` archive of built-archive.ts (see tests/search-ranking.test.ts), split
// into bundles two ways: traditional characters, merging the months in rounds, dates, filters and their counts, a phone's first screen,
// and every hostile value of every parameter (on the bundled archive).
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Page } from "playwright-core";
import { browserSuite } from "./helpers/browser.ts";
import { servedArchives, servedRankingSites } from "./helpers/built-archive.ts";
import { openSearch, resultPaths } from "./helpers/search-page.ts";

/** The ranking archive split two ways (built-archive.ts). */
const sites = servedRankingSites();
const archives = servedArchives("bundled");

browserSuite("Search results in Chromium", (browser) => {
  test("should find the simplified text for a query typed in traditional characters, loading the table only then", async () => {
    const page = await browser.newPage();
    const tables: string[] = [];
    page.on("request", (request) => {
      if (/zh-traditional\.js$/.test(new URL(request.url()).pathname)) tables.push(request.url());
    });
    await openSearch(page, sites.byDefault, `q=${encodeURIComponent("信义币")}`);
    assert.deepEqual(tables, [], "a simplified query does not load the table");
    for (const [traditional, simplified] of [
      ["東昌府訊", "东昌府讯"],
      ["信義幣", "信义币"],
      ["棚戶區改造", "棚户区改造"],
    ] as const) {
      await openSearch(page, sites.byDefault, `q=${encodeURIComponent(simplified)}`);
      const expected = await resultPaths(page);
      await openSearch(page, sites.byDefault, `q=${encodeURIComponent(traditional)}`);
      assert.ok(expected.length > 0, simplified);
      assert.deepEqual(await resultPaths(page), expected, traditional);
      assert.equal(await page.locator("[data-search-input]").inputValue(), traditional, "the box keeps what the reader typed");
      assert.ok((await page.locator(".search-result-excerpt mark").count()) > 0, `${traditional}: the simplified words are marked`);
    }
    assert.ok(tables.length >= 1, "a traditional query loads the table");
  });

  test("should merge the months in rounds, say so while some are left, and list what a read of every month lists, in its order", async () => {
    const [one, other] = [await browser.newPage(), await browser.newPage()];
    const query = `q=${encodeURIComponent("会议")}&sort=oldest`;
    // A month a bundle: November alone holds a first page, oldest first; a year a bundle: both months at once.
    await Promise.all([openSearch(one, sites.byDefault, query), openSearch(other, sites.byYear, query)]);
    assert.match(await one.locator("[data-search-status]").innerText(), /在已检索的 2 个月份中找到.*还有 1 个月份含有这些字词，点“更多结果”继续检索/);
    assert.doesNotMatch(await other.locator("[data-search-status]").innerText(), /还有/);
    assert.deepEqual(await resultPaths(one), await resultPaths(other));
    const readToTheEnd = async (page: Page) => {
      await page.bringToFront();
      while (await page.locator("[data-search-more]").isVisible()) {
        const shown = await page.locator(".search-result").count();
        await page.locator("[data-search-more]").click();
        await page.waitForFunction((before) => document.querySelectorAll(".search-result").length > before, shown);
        // The page's results come in one after another; the list is busy until the last has.
        await page.locator('[data-search-results]:not([aria-busy="true"])').waitFor({ state: "attached" });
      }
      return resultPaths(page);
    };
    const [all, allOther] = [await readToTheEnd(one), await readToTheEnd(other)];
    assert.ok(
      all.some((address) => address.startsWith("/2022/12/")),
      "the last month is merged when the reader reads on",
    );
    assert.deepEqual(all, allOther);
    assert.match(await one.locator("[data-search-status]").innerText(), /^找到 \d+ 篇/);
  });

  test("should show the next two pages in turn when 更多结果 is pressed twice at once, each result once", async () => {
    const page = await browser.newPage();
    await openSearch(page, sites.byDefault, `q=${encodeURIComponent("会议")}`);
    assert.equal(await page.locator(".search-result").count(), 10);
    await page.locator("[data-search-more]").evaluate((button) => {
      (button as HTMLButtonElement).click();
      (button as HTMLButtonElement).click();
    });
    await page.waitForFunction(() => document.querySelectorAll(".search-result").length >= 30);
    const paths = await resultPaths(page);
    assert.equal(paths.length, 30);
    assert.equal(new Set(paths).size, paths.length, "no result twice");
  });

  test("should date results as the site does, name 版 filters with their number, and count this query's results", async () => {
    const page = await browser.newPage();
    await openSearch(page, sites.byDefault, `q=${encodeURIComponent("郭龙君")}`);
    while (await page.locator("[data-search-more]").isVisible()) {
      const shown = await page.locator(".search-result").count();
      await page.locator("[data-search-more]").click();
      await page.waitForFunction((before) => document.querySelectorAll(".search-result").length > before, shown);
      await page.locator('[data-search-results]:not([aria-busy="true"])').waitFor({ state: "attached" });
    }
    const results = await resultPaths(page);
    assert.ok(results.length >= 2);
    for (const meta of await page.locator(".search-result-meta").allInnerTexts()) assert.match(meta, /^\d{4}年\d{1,2}月\d{1,2}日 · 总第\d+期 · 第\d+版/);
    const counts = async (name: string) =>
      (await page.locator(`input[name="${name}"]`).evaluateAll((boxes) => boxes.map((box) => box.parentElement?.textContent ?? ""))).map((label) => ({
        label: label.trim(),
        count: Number(/（(\d+)）$/.exec(label.trim())?.[1] ?? Number.NaN),
      }));
    const years = await counts("year");
    assert.equal(
      years.reduce((sum, each) => sum + each.count, 0),
      results.length,
      JSON.stringify(years),
    );
    assert.ok(
      years.every((each) => /^\d{4}年（\d+）$/.test(each.label)),
      JSON.stringify(years),
    );
    const pages = await counts("page");
    assert.equal(
      pages.reduce((sum, each) => sum + each.count, 0),
      results.length,
    );
    assert.ok(
      pages.every((each) => /^第\d+版/.test(each.label)),
      JSON.stringify(pages),
    );
    assert.match(await page.locator("[data-search-status]").innerText(), new RegExp(`找到 ${results.length} 篇`));
  });

  test("should show the first result on a 360 px phone's first screen, with the filters folded away", async () => {
    const page = await browser.newPage({ width: 360, height: 640 });
    await openSearch(page, sites.byDefault, `q=${encodeURIComponent("会议")}`);
    assert.equal(await page.locator("[data-search-refine]").evaluate((details) => (details as HTMLDetailsElement).open), false);
    const box = await page.locator(".search-result").first().boundingBox();
    assert.ok(box && box.y + Math.min(box.height, 80) <= 640, `the first result starts at ${box?.y} px`);
    const wide = await browser.newPage({ width: 1366, height: 800 });
    await openSearch(wide, sites.byDefault, `q=${encodeURIComponent("会议")}`);
    assert.equal(await wide.locator("[data-search-refine]").evaluate((details) => (details as HTMLDetailsElement).open), true);
  });

  // What a page makes of its address does not depend on the archive's size: the hostile addresses are tried on the bundled archive,
  // the smallest site with results for 信义币 and the article page asked to highlight, where each of their 57 page loads costs least.
  const hostileSite = () => archives.bundled.server;

  test("should ignore or show as text every hostile value of every parameter, and always finish", async () => {
    const errors: string[] = [];
    const watched = async () => {
      const page = await browser.newPage();
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("dialog", (dialog) => {
        errors.push(`dialog: ${dialog.message()}`);
        void dialog.dismiss();
      });
      return page;
    };
    const hostile = [
      "<img src=x onerror=alert(1)>",
      '"><script>alert(1)</script>',
      "constructor",
      "__proto__",
      "toString",
      "hasOwnProperty",
      "valueOf",
      "javascript:alert(1)",
      "%",
      "((((((((",
      "\\",
      "*".repeat(5000),
      "信".repeat(600),
      "\u202e\u0000\ud800",
    ];
    // Three tabs at once, each trying every parameter with its share of the values: the same addresses, in a third of the time.
    const tabs = 3;
    // Every tab to its end before the test ends, so that a failure in one is reported as it is rather than as the others' pages closing.
    const tried = await Promise.allSettled(
      Array.from({ length: tabs }, async (_, tab) => {
        const page = await watched();
        for (const value of hostile.filter((_, at) => at % tabs === tab)) {
          // The value as the query; then as every other parameter at once, beside a query with results. The page reads each parameter
          // on its own (a sort that is no choice reads as relevance, a filter value nobody has is shown chosen with none found), so one
          // address tries the four, and a value that breaks any of them breaks it. A long value goes in one parameter an address, since
          // seven of it would be longer than a host reads (Node's server answers 431 above 16 KB of header).
          const addresses: [string, URLSearchParams][] = [["q", new URLSearchParams({ q: value })]];
          const others = ["sort", "year", "page", "reporter"];
          for (const names of value.length > 100 ? others.map((name) => [name]) : [others]) {
            const params = new URLSearchParams({ q: "信义币" });
            for (const name of names) {
              params.append(name, value);
              // A filter may be chosen twice; the page keeps one.
              if (name !== "sort") params.append(name, value);
            }
            addresses.push([names.join(", "), params]);
          }
          for (const [names, params] of addresses) {
            await openSearch(page, hostileSite(), params.toString()).catch((error: Error) => {
              throw new Error(`${names}=${value.slice(0, 20)}…: ${error.message.slice(0, 200)}`);
            });
            if (names === "q" && value.startsWith("<"))
              assert.match(await page.locator("[data-search-status]").innerText(), /<img src=x onerror=alert\(1\)>/, "shown as text");
            assert.equal(await page.locator("img[src='x'], script:not([src])").count(), 0, `${names}=${value.slice(0, 20)}`);
          }
          await page.goto(new URL(`/2022/11/01/2/1/?${new URLSearchParams({ highlight: value })}`, hostileSite().url).href);
          await page.locator("article").waitFor();
          assert.equal(await page.locator("img[src='x']").count(), 0);
        }
      }),
    );
    for (const outcome of tried) if (outcome.status === "rejected") throw outcome.reason;
    const page = await watched();
    // Addresses no form writes: bytes that are no UTF-8, a lone %, a parameter with no value.
    for (const raw of ["q=%ED%A0%80%FF", "q=%&sort=%&year=%E4", "q&year&page&reporter&sort", "q=%E4%BC%9A%E8%AE%AE&page=%00"])
      await openSearch(page, hostileSite(), raw);
    for (const raw of ["highlight=%ED%A0%80", "highlight=%", "highlight"]) {
      await page.goto(new URL(`/2022/11/01/2/1/?${raw}`, hostileSite().url).href);
      await page.locator("article").waitFor();
    }
    // Sorts that are no choice of the menu read as relevance; filters nobody has stay shown, chosen, with none found.
    await openSearch(page, hostileSite(), `q=${encodeURIComponent("信义币")}&sort=constructor`);
    assert.equal(await page.locator("[data-search-sort]").inputValue(), "relevance");
    assert.ok((await resultPaths(page)).length > 0);
    await openSearch(page, hostileSite(), `q=${encodeURIComponent("信义币")}&year=1900`);
    assert.deepEqual(await resultPaths(page), []);
    assert.equal(await page.locator('input[name="year"][value="1900"]').isChecked(), true);
    assert.deepEqual(errors, []);
  });
});
