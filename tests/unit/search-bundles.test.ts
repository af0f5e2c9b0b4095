// How articles are shared out among search bundles: by default a month a bundle, so a bundle is rebuilt only with its own month and a new
// month seals the one before as it is; or whole months of one year up to a size, when asked.
import { test } from "node:test";
import assert from "node:assert/strict";
import { searchBundles } from "../../src/site/search-bundles.ts";

/** `count` article dates in the month YYYY-MM. */
const month = (yearMonth: string, count: number) => Array.from({ length: count }, (_, index) => `${yearMonth}-${String((index % 28) + 1).padStart(2, "0")}`);

test("should put whole months of one year together up to the size limit, oldest first, and the newest month alone", () => {
  const dates = [
    ...month("2022-03", 40),
    ...month("2021-11", 30),
    ...month("2021-12", 30),
    ...month("2022-01", 60),
    ...month("2022-02", 30),
    ...month("2022-04", 5),
  ];
  assert.deepEqual(searchBundles(dates, 100), [
    { key: "2021-11", months: ["2021-11", "2021-12"] },
    { key: "2022-01", months: ["2022-01", "2022-02"] },
    { key: "2022-03", months: ["2022-03"] },
    { key: "2022-04", months: ["2022-04"] },
  ]);
});

test("should never split a month, even one larger than the limit, and make no bundle for no articles", () => {
  assert.deepEqual(
    searchBundles(month("2022-05", 250), 100).map((bundle) => bundle.months),
    [["2022-05"]],
  );
  assert.deepEqual(searchBundles([], 100), []);
});

test("should change only the newest month's bundle when the day's issue adds to it", () => {
  const archive = [...month("2022-01", 40), ...month("2022-02", 40), ...month("2022-03", 10)];
  const before = searchBundles(archive, 100);
  const after = searchBundles([...archive, "2022-03-20"], 100);
  assert.deepEqual(
    after.map((bundle) => bundle.months),
    [["2022-01", "2022-02"], ["2022-03"]],
  );
  assert.deepEqual(
    after.map((bundle) => bundle.months),
    before.map((bundle) => bundle.months),
  );
  // A new month: the month before joins its neighbours, and the new month is alone.
  assert.deepEqual(
    searchBundles([...archive, "2022-04-01"], 100).map((bundle) => bundle.months),
    [["2022-01", "2022-02", "2022-03"], ["2022-04"]],
  );
});

test("should make each month a bundle of its own by default, so a new month leaves every earlier bundle as it was", () => {
  const archive = [...month("2021-12", 400), ...month("2022-01", 3), ...month("2022-02", 5)];
  const before = searchBundles(archive);
  assert.deepEqual(
    before.map((bundle) => bundle.months),
    [["2021-12"], ["2022-01"], ["2022-02"]],
  );
  const after = searchBundles([...archive, "2022-03-01"]);
  assert.deepEqual(after.slice(0, -1), before);
  assert.deepEqual(after.at(-1), { key: "2022-03", months: ["2022-03"] });
});
