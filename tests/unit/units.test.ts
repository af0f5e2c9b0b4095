// Small pieces of the pipeline on their own: the calendar, bylines, datelines, page headings, labels and image paths.
import { test } from "node:test";
import assert from "node:assert/strict";
import { isSameLunarDate, isSameWeekday, lunarDateOf, weekdayOf } from "../../src/content/calendar.ts";
import { isPhotoCredit, parenthesisedText, parseByline } from "../../src/content/byline.ts";
import { matchDateline } from "../../src/content/dateline.ts";
import { readPageHeading } from "../../src/content/pages.ts";
import { readLabelLine } from "../../src/content/labels.ts";
import { imagePathProblem } from "../../src/content/photos.ts";
import { formatProblems } from "../../src/messages/report.ts";
import { frontMatterSchema } from "../../src/model.ts";
import { problem } from "../../src/problems.ts";

test("should compute 农历 with leap months as 闰", () => {
  assert.equal(lunarDateOf("2022-11-01"), "壬寅年十月初八");
  assert.equal(lunarDateOf("2023-03-22"), "癸卯年闰二月初一");
  assert.equal(lunarDateOf("2020-05-23"), "庚子年闰四月初一");
  assert.equal(lunarDateOf("2023-01-22"), "癸卯年正月初一");
  assert.equal(lunarDateOf("2023-02-10"), "癸卯年正月二十");
  assert.equal(lunarDateOf("2023-01-12"), "壬寅年腊月廿一");
});

test("should accept the 农历 forms mastheads print", () => {
  assert.ok(isSameLunarDate("农历壬寅年十月初八", "壬寅年十月初八"));
  assert.ok(isSameLunarDate("十月初八", "壬寅年十月初八"));
  assert.ok(isSameLunarDate("壬寅年十二月廿一", "壬寅年腊月廿一"));
  assert.ok(isSameLunarDate("壬寅年腊月二十一", "壬寅年腊月廿一"));
  assert.ok(isSameLunarDate("癸卯年一月初一", "癸卯年正月初一"));
  assert.ok(!isSameLunarDate("壬寅年十月初九", "壬寅年十月初八"));
  assert.ok(!isSameLunarDate("癸卯年二月初一", "癸卯年闰二月初一"));
  assert.ok(!isSameLunarDate("癸卯年十月初八", "壬寅年十月初八"));
});

test("should compute 星期 and accept 周 and 星期天", () => {
  assert.equal(weekdayOf("2022-11-01"), "星期二");
  assert.ok(isSameWeekday("周二", "星期二"));
  assert.ok(isSameWeekday("星期天", "星期日"));
  assert.ok(!isSameWeekday("星期三", "星期二"));
  assert.ok(!isSameWeekday("二", "星期二"));
});

test("should parse bylines into affiliation, reporters and correspondents", () => {
  assert.deepEqual(parseByline("融媒体 郭龙君"), { text: "融媒体 郭龙君", affiliation: "融媒体", reporters: ["郭龙君"], correspondents: [] });
  assert.deepEqual(parseByline("融媒体 全兴社 通讯员 李晓"), {
    text: "融媒体 全兴社 通讯员 李晓",
    affiliation: "融媒体",
    reporters: ["全兴社"],
    correspondents: ["李晓"],
  });
  assert.deepEqual(parseByline("郭龙君"), { text: "郭龙君", reporters: ["郭龙君"], correspondents: [] });
  assert.deepEqual(parseByline("本报记者 张三、李四 通讯员 王五"), {
    text: "本报记者 张三、李四 通讯员 王五",
    affiliation: "本报",
    reporters: ["张三", "李四"],
    correspondents: ["王五"],
  });
  assert.deepEqual(parseByline("通讯员 王五"), { text: "通讯员 王五", reporters: [], correspondents: ["王五"] });
});

test("should recognise a byline paragraph in half- or full-width parentheses", () => {
  assert.equal(parenthesisedText("(融媒体 郭龙君)"), "融媒体 郭龙君");
  assert.equal(parenthesisedText("（融媒体 全兴社 通讯员 李晓）"), "融媒体 全兴社 通讯员 李晓");
  assert.equal(parenthesisedText("正文（括号）"), undefined);
});

test("should recognise photo credits ending in 摄", () => {
  assert.ok(isPhotoCredit("融媒体 徐振鑫 通讯员 张振祥 摄"));
  assert.ok(isPhotoCredit("张三摄"));
  assert.ok(!isPhotoCredit("活动现场。张三 摄"));
  assert.ok(!isPhotoCredit("摄"));
});

test("should find datelines with and without a date", () => {
  const prefixes = ["东昌府讯", "本报讯"];
  assert.deepEqual(matchDateline("东昌府讯 10月28日，省委", prefixes, "2022-11-01"), {
    dateline: { text: "东昌府讯 10月28日", prefix: "东昌府讯", date: "2022-10-28" },
    length: 12,
  });
  assert.deepEqual(matchDateline("东昌府讯 近日，区人大", prefixes, "2022-11-01"), { dateline: { text: "东昌府讯", prefix: "东昌府讯" }, length: 5 });
  assert.equal(matchDateline("本报讯（记者 张三）12月30日，正文", prefixes, "2023-01-02")?.dateline.date, "2022-12-30");
  assert.equal(matchDateline("东昌府讯 1月2日，正文", prefixes, "2022-12-30")?.dateline.date, "2023-01-02");
  assert.equal(matchDateline("今天东昌府讯", prefixes, "2022-11-01"), undefined);
});

test("should read page headings with Arabic or Chinese numbers", () => {
  assert.deepEqual(readPageHeading("第1版 要闻"), { number: 1, name: "要闻" });
  assert.deepEqual(readPageHeading("第2版 非凡十年 铸就辉煌"), { number: 2, name: "非凡十年 铸就辉煌" });
  assert.deepEqual(readPageHeading("第十二版"), { number: 12 });
  assert.deepEqual(readPageHeading("第二十三版 副刊"), { number: 23, name: "副刊" });
  assert.equal(readPageHeading("要闻"), undefined);
});

test("should read labels with full-width or ASCII colons and English aliases", () => {
  assert.deepEqual(readLabelLine("引题：文字"), { word: "引题", name: "kicker", value: "文字" });
  assert.deepEqual(readLabelLine("Subtitle: text"), { word: "Subtitle", name: "subtitle", value: "text" });
  assert.deepEqual(readLabelLine("来源：新华社"), { word: "来源", value: "新华社" });
  assert.deepEqual(readLabelLine("constructor: x"), { word: "constructor", value: "x" });
  assert.equal(readLabelLine("东昌府讯 10月28日，正文"), undefined);
});

test("should refuse image paths that leave the issue's folder", () => {
  assert.equal(imagePathProblem("photo.jpg"), undefined);
  assert.equal(imagePathProblem("photos/1.jpg"), undefined);
  for (const bad of [
    "../x.jpg",
    "a/../../x.jpg",
    "%2e%2e/x.jpg",
    "/etc/passwd",
    "\\\\server\\x.jpg",
    "http://example.com/x.jpg",
    "//example.com/x.jpg",
    "data:image/png;base64,AAAA",
    "javascript:alert(1)",
  ]) {
    assert.ok(imagePathProblem(bad), `${bad} should be refused`);
  }
});

test("should summarise problems across files, sorted by file and line, in Chinese and in English", () => {
  const problems = [
    problem("MissingField", { file: "issues/2022/2022-11-02.md", line: 1, field: "lunar" }, { field: "lunar" }),
    problem(
      "DatelineAfterIssue",
      { file: "issues/2022/2022-11-01.md", line: 9 },
      { dateline: "东昌府讯 11月5日", datelineDate: "2022-11-05", issueDate: "2022-11-01" },
    ),
    problem(
      "LunarDateMismatch",
      { file: "issues/2022/2022-11-01.md", line: 4, field: "lunar" },
      { printed: "壬寅年十月初九", date: "2022-11-01", computed: "壬寅年十月初八" },
    ),
  ];
  assert.equal(
    formatProblems(problems, "zh-CN"),
    [
      "发现 3 个问题，涉及 2 期（2 个错误，1 个警告）。",
      "错误 issues/2022/2022-11-01.md:4 lunar（农历）：农历“壬寅年十月初九”与日期不符：2022-11-01 是农历壬寅年十月初八。改为 lunar: 壬寅年十月初八；如果错的是日期，就改正 date。 [LunarDateMismatch]",
      "警告 issues/2022/2022-11-01.md:9：电头“东昌府讯 11月5日”的日期是 2022-11-05，晚于本期的出版日期 2022-11-01。对照报纸核对电头里的月和日。 [DatelineAfterIssue]",
      "错误 issues/2022/2022-11-02.md:1 lunar（农历）：缺少必填的字段 lunar（农历）。照报头上印的写农历，例如 lunar: 壬寅年十月初八。 [MissingField]",
    ].join("\n"),
  );
  assert.equal(
    formatProblems(problems, "en"),
    [
      "Found 3 problems in 2 issues (2 errors, 1 warning).",
      "error issues/2022/2022-11-01.md:4 lunar: 农历 “壬寅年十月初九” is not the lunar date of 2022-11-01, which is 壬寅年十月初八. Write lunar: 壬寅年十月初八, or correct the date if that is what is wrong. [LunarDateMismatch]",
      "warning issues/2022/2022-11-01.md:9: The dateline “东昌府讯 11月5日” gives 2022-11-05, after the issue's date 2022-11-01. Check the dateline's month and day against the printed page. [DatelineAfterIssue]",
      "error issues/2022/2022-11-02.md:1 lunar: The required field lunar is missing. Write the 农历 printed on the masthead, e.g. lunar: 壬寅年十月初八. [MissingField]",
    ].join("\n"),
  );
});

test("should read a page name after a colon or dash without the separator", () => {
  assert.deepEqual(readPageHeading("第1版：要闻"), { number: 1, name: "要闻" });
  assert.deepEqual(readPageHeading("第3版 — 民生"), { number: 3, name: "民生" });
});

test("should accept quoted digits for the issue number and page count", () => {
  const parsed = frontMatterSchema.safeParse({ issue: "1480", date: "2022-11-01", lunar: "壬寅年十月初八", pages: "4" });
  assert.equal(parsed.success && parsed.data.issue, 1480);
  assert.equal(parsed.success && parsed.data.pages, 4);
  assert.equal(frontMatterSchema.safeParse({ issue: "第1480期", date: "2022-11-01", lunar: "壬寅年十月初八", pages: 4 }).success, false);
});
