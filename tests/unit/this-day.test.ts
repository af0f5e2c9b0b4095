// 历史上的今天: lunar days as the masthead names them (leap months as 闰N月, 三十 only in long months), the pages of every solar and lunar
// day, and each issue's earlier issues of its day and lunar day.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import type { IssueHeader } from "../../src/model.ts";
import { lunarDateOf, lunarDayName, lunarDayOf } from "../../src/content/calendar.ts";
import { dayPath, lunarDayPath } from "../../src/paths.ts";
import { dayIndex, dayIndexes, dayPages, thisDayOf } from "../../src/site/this-day.ts";
import { addresser } from "../../src/site/addresses.ts";

const at = addresser("/");

const header = (date: string, number: number): IssueHeader => ({
  file: `issues/${date.slice(0, 4)}/${date}.md`,
  number,
  date,
  lunarDate: lunarDateOf(date),
  lunarDay: lunarDayOf(date),
  weekday: "",
  printedPageCount: 4,
  pageCount: 1,
  scanCount: 0,
  fieldLines: { issue: 2, date: 3 },
  articleCount: 1,
  headline: `头条${number}`,
  credited: [],
});

test("should name a lunar day as the masthead's 农历 does without its year, for any date from 1901 to 2099", () => {
  const day = 86_400_000;
  fc.assert(
    fc.property(fc.integer({ min: Date.UTC(1901, 1, 19) / day, max: Date.UTC(2099, 11, 31) / day }), (days) => {
      const date = new Date(days * day).toISOString().slice(0, 10);
      const lunar = lunarDayOf(date);
      assert.equal(lunarDayName(lunar), lunarDateOf(date).replace(/^..年/, ""), date);
      assert.match(lunarDayPath(lunar), /^\/lunar\/(leap-)?(0[1-9]|1[0-2])-(0[1-9]|[12]\d|30)\/$/, date);
    }),
    { numRuns: 500 },
  );
});

test("should read leap months and the 30th of a long month", () => {
  assert.deepEqual(lunarDayOf("2023-03-22"), { month: 2, leap: true, day: 1 });
  assert.equal(lunarDayName(lunarDayOf("2023-03-22")), "闰二月初一");
  assert.equal(lunarDayPath(lunarDayOf("2020-05-23")), "/lunar/leap-04-01/");
  assert.deepEqual(lunarDayOf("2023-01-21"), { month: 12, leap: false, day: 30 });
  assert.equal(lunarDayName(lunarDayOf("2023-01-21")), "腊月三十");
  assert.equal(dayPath("2024-02-29"), "/day/02-29/");
});

const archive = ["2019-11-04", "2020-05-23", "2021-11-01", "2021-11-12", "2022-11-01", "2023-01-21", "2023-03-22", "2023-11-01", "2024-02-09"].map(
  (date, index) => header(date, 1001 + index),
);

test("should list under 历史上的今天 only the earlier issues of the day and of the lunar day, newest first", () => {
  const index = dayIndex(archive);
  const thisDay = thisDayOf(index, "2022-11-01", at);
  assert.equal(thisDay.solar.label, "11月1日");
  assert.equal(thisDay.solar.url, "/day/11-01/");
  assert.deepEqual(
    thisDay.solar.issues.map((issue) => issue.date),
    ["2021-11-01"],
    "2023-11-01 is later: it lists 2022-11-01, not the other way round",
  );
  assert.equal(thisDay.lunar.label, "农历十月初八");
  assert.deepEqual(
    thisDay.lunar.issues.map((issue) => `${issue.date} ${issue.headline}`),
    ["2021-11-12 头条1004", "2019-11-04 头条1001"],
  );
  assert.deepEqual(
    thisDayOf(index, "2023-11-01", at).solar.issues.map((issue) => issue.date),
    ["2022-11-01", "2021-11-01"],
  );
});

test("should write a page for each day of the solar and the lunar year the archive has an issue on, leap months' days their own", () => {
  const pages = dayPages(dayIndex([...archive, header("2024-02-29", 1010), header("2024-03-10", 1011)]), at);
  assert.deepEqual(
    pages.filter((page) => page.calendar === "solar").map((page) => page.path),
    ["/day/01-21/", "/day/02-09/", "/day/02-29/", "/day/03-10/", "/day/03-22/", "/day/05-23/", "/day/11-01/", "/day/11-04/", "/day/11-12/"],
  );
  const byPath = new Map(pages.map((page) => [page.path, page]));
  assert.deepEqual(
    byPath.get("/day/11-01/")?.issues.map((issue) => issue.date),
    ["2023-11-01", "2022-11-01", "2021-11-01"],
  );
  assert.match(byPath.get("/day/02-29/")?.note ?? "", /闰年/);
  const leap = byPath.get("/lunar/leap-02-01/")!;
  assert.equal(leap.title, "农历闰二月初一");
  assert.deepEqual(
    leap.issues.map((issue) => issue.date),
    ["2023-03-22"],
  );
  assert.deepEqual(leap.related, { url: "/lunar/02-01/", label: "农历二月初一" }, "2024-03-10 is 二月初一");
  assert.deepEqual(byPath.get("/lunar/02-01/")?.related, { url: "/lunar/leap-02-01/", label: "农历闰二月初一" });
  assert.equal(byPath.get("/lunar/leap-04-01/")?.related, undefined, "no issue on 四月初一");
  assert.match(byPath.get("/lunar/leap-04-01/")?.note ?? "", /闰四月是闰月/);
  const lastDay = byPath.get("/lunar/12-30/")!;
  assert.deepEqual(
    lastDay.issues.map((issue) => issue.date),
    ["2024-02-09", "2023-01-21"],
  );
  assert.match(lastDay.note ?? "", /小月.*没有三十/);
  // The lunar year in order, a leap month right after the month it repeats, each day leading to the next day that has a page.
  const order = pages.filter((page) => page.calendar === "lunar").map((page) => page.path);
  assert.deepEqual(order, [
    "/lunar/01-20/",
    "/lunar/02-01/",
    "/lunar/leap-02-01/",
    "/lunar/leap-04-01/",
    "/lunar/09-18/",
    "/lunar/09-27/",
    "/lunar/10-08/",
    "/lunar/12-30/",
  ]);
  assert.equal(byPath.get("/lunar/leap-02-01/")?.next?.url, "/lunar/leap-04-01/");
  assert.equal(byPath.get("/day/11-12/")?.next, undefined);
});

test("should lay out the calendars of every day month by month, with the leap months the archive has, linking the days with issues", () => {
  const [solar, lunar] = dayIndexes(dayIndex(archive), at);
  assert.deepEqual(
    solar?.months.map((month) => month.days.length),
    [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31],
  );
  assert.deepEqual(
    lunar?.months.map((month) => month.label),
    ["正月", "二月", "闰二月", "三月", "四月", "闰四月", "五月", "六月", "七月", "八月", "九月", "十月", "十一月", "腊月"],
  );
  assert.equal(lunar?.months[11]?.label, "十月");
  assert.deepEqual(
    [lunar?.months[11]?.days[7]?.label, lunar?.months[11]?.days[7]?.issueCount, lunar?.months[11]?.days[7]?.url],
    ["初八", 3, "/lunar/10-08/"],
    "十月初八 of 2019, 2021 and 2022",
  );
  assert.equal(lunar?.months[11]?.days[8]?.url, undefined, "十月初九 has no issue, and no page");
});

test("should say how far a day page's 上一天 and 下一天 go when the days between have no issue, and link the headline of each issue", () => {
  const pages = dayPages(
    dayIndex([header("2022-10-29", 1), header("2022-11-01", 2), header("2022-11-02", 3)].map((each) => ({ ...each, headlineAt: { page: 1, article: 1 } }))),
    at,
  );
  const november = pages.find((page) => page.path === "/day/11-01/")!;
  assert.deepEqual(november.previous, { url: "/day/10-29/", label: "10月29日", what: "往前3天" });
  assert.deepEqual(november.next, { url: "/day/11-02/", label: "11月2日", what: "后一天" });
  assert.equal(november.issues[0]?.headlineUrl, "/2022/11/01/1/1/");
});
