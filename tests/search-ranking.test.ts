// Search as readers meet it, in real Chromium, over text closer to a real archive's: the bundled issue among two months of filler
// articles written from its own character pairs (a Markov chain), in which the pairs of every query stand everywhere but the query's
// phrase only where the bundled issue has it — plus an issue of mixed scripts. (tests/search.test.ts measures the harder case, the same
// paragraphs over and over.) The
// same archive is built twice, split into search bundles two ways, and must rank the same; and the results page must read as the rest of
// the site does, on a phone too, whatever its address holds.
import assert from "node:assert/strict";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import { buildSite } from "../src/build/build.ts";
import { testRenderPool } from "./helpers/render-pool.ts";
import { browserSuite } from "./helpers/browser.ts";
import { servedArchives } from "./helpers/built-archive.ts";
import { fillerArchive } from "./helpers/filler-archive.ts";
import { serveStatic, type StaticServer } from "../src/util/static-server.ts";
import { report } from "./helpers/report.ts";
import { MIXED_DATE, mixedIssue, QUERIES } from "./helpers/search-queries.ts";
import { askSearchPage, resultPaths } from "./helpers/search-page.ts";

/** Two months of filler (November and December 2022), so the default split (a month a bundle) makes them two bundles and the other one. */
const FILLER = { issues: 40, articlesPerIssue: 8, paragraphsPerArticle: 12, mix: "markov", avoid: QUERIES.map((each) => each.query) } as const;
/** Words found in many articles, where the order of the records opened matters most. */
const COMMON = ["会议", "发展", "工作", "城市", "疫情防控"];

/** Opens the search page at `query` (already encoded) and waits until the search has finished. */
async function open(page: Page, site: StaticServer, query: string): Promise<void> {
  await page.bringToFront();
  await page.goto(new URL(`/search/?${query}`, site.url).href);
  // Attached, not visible: a query of punctuation alone leaves the status empty (the page's help says what to do).
  await page.locator('[data-search-status][data-state="done"]').waitFor({ state: "attached", timeout: 30_000 });
}

const archives = servedArchives("bundled");

browserSuite("Search ranking and results in Chromium", (browser) => {
  let contentRoot: string;
  /** The same archive: split by the default rule (a month a bundle), and the months of a year together. */
  let sites: { byDefault: StaticServer; byYear: StaticServer };

  before(async () => {
    contentRoot = await fillerArchive(FILLER);
    await mkdir(path.join(contentRoot, "issues/2023"), { recursive: true });
    await writeFile(path.join(contentRoot, `issues/2023/${MIXED_DATE}.md`), mixedIssue(1480 + FILLER.issues + 1));
    const byDefault = await buildSite({
      renderPool: testRenderPool(),
      contentRoot,
      outputDir: path.join(contentRoot, "_site"),
      cacheDir: path.join(contentRoot, ".cache"),
    });
    assert.ok(byDefault.ok, report(byDefault.problems));
    const byYear = await buildSite({
      renderPool: testRenderPool(),
      contentRoot,
      outputDir: path.join(contentRoot, "_site_by_year"),
      cacheDir: path.join(contentRoot, ".cache"),
      searchBundleArticles: 100_000,
    });
    assert.ok(byYear.ok, report(byYear.problems));
    assert.deepEqual([byDefault.bundles?.total, byYear.bundles?.total], [3, 2], "the archive is split two ways");
    sites = { byDefault: await serveStatic(path.join(contentRoot, "_site")), byYear: await serveStatic(path.join(contentRoot, "_site_by_year")) };
  });

  after(async () => {
    await sites?.byDefault.close();
    await sites?.byYear.close();
    if (contentRoot) await rm(contentRoot, { recursive: true, force: true });
  });

  test(`should rank the same top 10 however the archive is split into bundles, with the right article in the top 3 for all ${QUERIES.length} queries`, async () => {
    const [one, other] = [await browser.newPage(), await browser.newPage()];
    const differences: string[] = [];
    const misses: string[] = [];
    for (const { query, kind, article } of [...QUERIES, ...COMMON.map((query) => ({ query, kind: "common word", article: "" }))]) {
      await Promise.all([askSearchPage(one, sites.byDefault.url, query), askSearchPage(other, sites.byYear.url, query)]);
      const [top, otherTop] = [(await resultPaths(one)).slice(0, 10), (await resultPaths(other)).slice(0, 10)];
      if (top.join(" ") !== otherTop.join(" ")) differences.push(`${query}: ${top.join(" ")} ≠ ${otherTop.join(" ")}`);
      if (article && !top.slice(0, 3).includes(`/${article}`))
        misses.push(`${query} (${kind}): wanted /${article}, got ${top.slice(0, 3).join(" ") || "nothing"}`);
    }
    console.log(`recall@3 over realistic text: ${QUERIES.length - misses.length}/${QUERIES.length}`);
    assert.deepEqual(differences, []);
    assert.deepEqual(misses, []);
  });

  test("should find the simplified text for a query typed in traditional characters, loading the table only then", async () => {
    const page = await browser.newPage();
    const tables: string[] = [];
    page.on("request", (request) => {
      if (/zh-traditional\.js$/.test(new URL(request.url()).pathname)) tables.push(request.url());
    });
    await open(page, sites.byDefault, `q=${encodeURIComponent("信义币")}`);
    assert.deepEqual(tables, [], "a simplified query does not load the table");
    for (const [traditional, simplified] of [
      ["東昌府訊", "东昌府讯"],
      ["信義幣", "信义币"],
      ["棚戶區改造", "棚户区改造"],
    ] as const) {
      await open(page, sites.byDefault, `q=${encodeURIComponent(simplified)}`);
      const expected = await resultPaths(page);
      await open(page, sites.byDefault, `q=${encodeURIComponent(traditional)}`);
      assert.ok(expected.length > 0, simplified);
      assert.deepEqual(await resultPaths(page), expected, traditional);
      assert.equal(await page.locator("[data-search-input]").inputValue(), traditional, "the box keeps what the reader typed");
      assert.ok((await page.locator(".search-result-excerpt mark").count()) > 0, `${traditional}: the simplified words are marked`);
    }
    assert.ok(tables.length >= 1, "a traditional query loads the table");
  });

  test("should never show a spelled term in an excerpt, nor cut a number or a word of letters in half", async () => {
    const page = await browser.newPage();
    const wordish = (character: string | undefined) => /[\p{L}\p{N}]/u.test(character ?? " ");
    const digit = (character: string | undefined) => /\p{N}/u.test(character ?? " ");
    const latin = (character: string | undefined) => wordish(character) && !/\p{Script=Han}/u.test(character ?? "");
    const cutInside = (before: string | undefined, after: string | undefined) =>
      (digit(before) && wordish(after)) || (wordish(before) && digit(after)) || (latin(before) && latin(after));
    let checked = 0;
    for (const query of ["江绍华", "郭龙君", "11月1日", "7699户", "5G", "GDP", ...COMMON]) {
      await open(page, sites.byDefault, `q=${encodeURIComponent(query)}`);
      const results = await page.locator(".search-result").evaluateAll((items) =>
        items.map((item) => ({
          url: (item.querySelector(".search-result-title a") as HTMLAnchorElement).href,
          excerpt: item.querySelector(".search-result-excerpt")?.textContent ?? "",
        })),
      );
      for (const { url, excerpt } of results) {
        assert.doesNotMatch(excerpt, /z[a-q]{4,}/, `${query}: ${excerpt}`);
        // Where the excerpt stands in the article's own text, and what is on either side of it there.
        const text = await page.evaluate(async (address) => {
          const article = new DOMParser().parseFromString(await (await fetch(address)).text(), "text/html").querySelector("[data-search-text]");
          for (const aside of article?.querySelectorAll(".article-header, .correction") ?? []) aside.remove();
          // As the page reads it for an excerpt: the dateline's comma, as printed, and a line a paragraph.
          for (const dateline of article?.querySelectorAll(".dateline") ?? []) dateline.append("，");
          for (const block of article?.querySelectorAll("p, figcaption") ?? []) block.append("\n");
          return (
            article?.textContent
              ?.replace(/\s*\n\s*/g, "\n")
              .replace(/[^\S\n]+/g, " ")
              .trim() ?? ""
          );
        }, url);
        const core = excerpt.replace(/^…/, "").replace(/…$/, "");
        const at = text.indexOf(core);
        assert.ok(at >= 0, `${query}: the excerpt is the article's own text`);
        assert.ok(!cutInside(text[at - 1], text[at]) && !cutInside(text[at + core.length - 1], text[at + core.length]), `${query}: ${excerpt}`);
        checked++;
      }
    }
    assert.ok(checked > 20, `${checked} excerpts checked`);
  });

  test("should merge the months in rounds, say so while some are left, and list what a read of every month lists, in its order", async () => {
    const [one, other] = [await browser.newPage(), await browser.newPage()];
    const query = `q=${encodeURIComponent("会议")}&sort=oldest`;
    // A month a bundle: November alone holds a first page, oldest first; a year a bundle: both months at once.
    await Promise.all([open(one, sites.byDefault, query), open(other, sites.byYear, query)]);
    assert.match(await one.locator("[data-search-status]").innerText(), /在已检索的 2 个月份中找到.*还有 1 个月份含有这些字词，点“更多结果”继续检索/);
    assert.doesNotMatch(await other.locator("[data-search-status]").innerText(), /还有/);
    assert.deepEqual(await resultPaths(one), await resultPaths(other));
    const readToTheEnd = async (page: Page) => {
      await page.bringToFront();
      while (await page.locator("[data-search-more]").isVisible()) {
        const shown = await page.locator(".search-result").count();
        await page.locator("[data-search-more]").click();
        await page.waitForFunction((before) => document.querySelectorAll(".search-result").length > before, shown);
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

  test("should date results as the site does, name 版 filters with their number, and count this query's results", async () => {
    const page = await browser.newPage();
    await open(page, sites.byDefault, `q=${encodeURIComponent("郭龙君")}`);
    while (await page.locator("[data-search-more]").isVisible()) {
      const shown = await page.locator(".search-result").count();
      await page.locator("[data-search-more]").click();
      await page.waitForFunction((before) => document.querySelectorAll(".search-result").length > before, shown);
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
    await open(page, sites.byDefault, `q=${encodeURIComponent("会议")}`);
    assert.equal(await page.locator("[data-search-refine]").evaluate((details) => (details as HTMLDetailsElement).open), false);
    const box = await page.locator(".search-result").first().boundingBox();
    assert.ok(box && box.y + Math.min(box.height, 80) <= 640, `the first result starts at ${box?.y} px`);
    const wide = await browser.newPage({ width: 1366, height: 800 });
    await open(wide, sites.byDefault, `q=${encodeURIComponent("会议")}`);
    assert.equal(await wide.locator("[data-search-refine]").evaluate((details) => (details as HTMLDetailsElement).open), true);
  });

  // What a page makes of its address does not depend on the archive's size: the hostile addresses are tried on the bundled archive,
  // the smallest site with results for 信义币 and the article page asked to highlight, where each of their 80 page loads costs least.
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
    await Promise.all(
      Array.from({ length: tabs }, async (_, tab) => {
        const page = await watched();
        for (const value of hostile.filter((_, at) => at % tabs === tab)) {
          for (const name of ["q", "sort", "year", "page", "reporter"]) {
            const params = new URLSearchParams({ q: "信义币" });
            params.set(name, value);
            // A filter may be chosen twice; the page keeps one.
            if (name !== "sort" && name !== "q") params.append(name, value);
            await open(page, hostileSite(), params.toString()).catch((error: Error) => {
              throw new Error(`${name}=${value.slice(0, 20)}…: ${error.message.slice(0, 200)}`);
            });
            if (name === "q" && value.startsWith("<"))
              assert.match(await page.locator("[data-search-status]").innerText(), /<img src=x onerror=alert\(1\)>/, "shown as text");
            assert.equal(await page.locator("img[src='x'], script:not([src])").count(), 0, `${name}=${value.slice(0, 20)}`);
          }
          await page.goto(new URL(`/2022/11/01/2/1/?${new URLSearchParams({ highlight: value })}`, hostileSite().url).href);
          await page.locator("article").waitFor();
          assert.equal(await page.locator("img[src='x']").count(), 0);
        }
      }),
    );
    const page = await watched();
    // Addresses no form writes: bytes that are no UTF-8, a lone %, a parameter with no value.
    for (const raw of ["q=%ED%A0%80%FF", "q=%&sort=%&year=%E4", "q&year&page&reporter&sort", "q=%E4%BC%9A%E8%AE%AE&page=%00"])
      await open(page, hostileSite(), raw);
    for (const raw of ["highlight=%ED%A0%80", "highlight=%", "highlight"]) {
      await page.goto(new URL(`/2022/11/01/2/1/?${raw}`, hostileSite().url).href);
      await page.locator("article").waitFor();
    }
    // Sorts that are no choice of the menu read as relevance; filters nobody has stay shown, chosen, with none found.
    await open(page, hostileSite(), `q=${encodeURIComponent("信义币")}&sort=constructor`);
    assert.equal(await page.locator("[data-search-sort]").inputValue(), "relevance");
    assert.ok((await resultPaths(page)).length > 0);
    await open(page, hostileSite(), `q=${encodeURIComponent("信义币")}&year=1900`);
    assert.deepEqual(await resultPaths(page), []);
    assert.equal(await page.locator('input[name="year"][value="1900"]').isChecked(), true);
    assert.deepEqual(errors, []);
  });
});
