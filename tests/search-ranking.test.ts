// Search as readers meet it, in real Chromium, over text closer to a real archive's: the bundled issue among two months of filler
// articles written from its own character pairs (a Markov chain), in which the pairs of every query stand everywhere but the query's
// phrase only where the bundled issue has it — plus an issue of mixed scripts (the `ranking` archive of built-archive.ts). (tests/search.test.ts
// measures the harder case, the same paragraphs over and over.) The same archive is built twice, split into search bundles two ways, and
// must rank the same; and excerpts must be the article's own words. tests/search-results.test.ts reads the results page over the same two sites.
import assert from "node:assert/strict";
import { test } from "node:test";
import { browserSuite } from "./helpers/browser.ts";
import { servedRankingSites } from "./helpers/built-archive.ts";
import { QUERIES } from "./helpers/search-queries.ts";
import { askSearchPage, openSearch, resultPaths } from "./helpers/search-page.ts";

/** Words found in many articles, where the order of the records opened matters most. */
const COMMON = ["会议", "发展", "工作", "城市", "疫情防控"];

/** The ranking archive split two ways (built-archive.ts). */
const sites = servedRankingSites();

browserSuite("Search ranking in Chromium", (browser) => {
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

  test("should never show a spelled term in an excerpt, nor cut a number or a word of letters in half", async () => {
    const page = await browser.newPage();
    const wordish = (character: string | undefined) => /[\p{L}\p{N}]/u.test(character ?? " ");
    const digit = (character: string | undefined) => /\p{N}/u.test(character ?? " ");
    const latin = (character: string | undefined) => wordish(character) && !/\p{Script=Han}/u.test(character ?? "");
    const cutInside = (before: string | undefined, after: string | undefined) =>
      (digit(before) && wordish(after)) || (wordish(before) && digit(after)) || (latin(before) && latin(after));
    let checked = 0;
    for (const query of ["江绍华", "郭龙君", "11月1日", "7699户", "5G", "GDP", ...COMMON]) {
      await openSearch(page, sites.byDefault, `q=${encodeURIComponent(query)}`);
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
});
