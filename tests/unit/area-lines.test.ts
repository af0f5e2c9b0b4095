// The preview's hotspot saves written into an issue file in place (content/area-lines.ts): a 区域 line replaced or added where the parser
// reads labels, every other byte kept (CRLF endings, a byte-order mark, the editor's own label word), and a file changed since refused.
import assert from "node:assert/strict";
import { test } from "node:test";
import { clampedArea, withAreas, type AreaEdit } from "../../src/content/area-lines.ts";
import type { PaperConfig } from "../../src/model.ts";
import { changedLines as changedRun } from "../helpers/changed-lines.ts";

/** The lines of `after` that differ from `before`'s (helpers/changed-lines.ts), without where they start. */
const changedLines = (before: string, after: string) => {
  const { removed, added } = changedRun(before, after);
  return { removed, added };
};

const FILE = "issues/2022/2022-11-02.md";
const config = { datelinePrefixes: ["东昌府讯"] } as unknown as PaperConfig;

const ISSUE = [
  "---",
  "issue: 1481",
  "date: 2022-11-02",
  "lunar: 壬寅年十月初九",
  "pages: 2",
  "---",
  "",
  "# 第1版 要闻",
  "",
  "## 区委召开经济工作会议",
  "副题：部署明年重点任务",
  "热区: 5，4，60，40%",
  "",
  "东昌府讯 11月1日，区委召开经济工作会议。",
  "",
  "(融媒体 郭龙君)",
  "",
  "## 社区公益大集开市",
  "副题：古楼街道",
  "",
  "古楼街道湖北社区公益大集开市。",
  "",
  "(融媒体 全兴社)",
  "",
  "## 秋收",
  "",
  "田野里一片繁忙。",
  "",
  "(融媒体 徐振鑫)",
  "",
  "# 第2版 综合",
  "",
  "## 冬小麦播种",
  "田间地头一派繁忙。",
  "",
  "(融媒体 全兴社)",
  "",
].join("\n");

const area = { x: 10, y: 20.5, width: 30, height: 40 };

/** The file's lines after the edits of `edits` to 版 `page`, or the refusal. */
function edited(text: string, page: number, edits: AreaEdit[]) {
  const result = withAreas(FILE, new TextEncoder().encode(text), config, page, edits);
  return "text" in result ? result.text : result;
}

test("should give an existing 区域 line its new value and keep the editor's word for it", () => {
  const after = edited(ISSUE, 1, [{ article: 1, title: "区委召开经济工作会议", area }]);
  assert.equal(typeof after, "string");
  assert.deepEqual(changedLines(ISSUE, after as string), { removed: ["热区: 5，4，60，40%"], added: ["热区: 10,20.5,30,40"] });
});

test("should add 区域 at the end of the labels, or right under a title without labels, as the importer writes it", () => {
  const second = edited(ISSUE, 1, [{ article: 2, title: "社区公益大集开市", area }]) as string;
  assert.deepEqual(changedLines(ISSUE, second), { removed: [], added: ["区域：10,20.5,30,40"] });
  assert.match(second, /副题：古楼街道\n区域：10,20\.5,30,40\n\n古楼街道/);
  const third = edited(ISSUE, 1, [{ article: 3, title: "秋收", area }]) as string;
  assert.match(third, /## 秋收\n区域：10,20\.5,30,40\n\n田野/);
  // Body text right under the title would be read as labels under a 区域 line: a blank line keeps it the body.
  const onPageTwo = edited(ISSUE, 2, [{ article: 1, title: "冬小麦播种", area }]) as string;
  assert.deepEqual(changedLines(ISSUE, onPageTwo), { removed: [], added: ["区域：10,20.5,30,40", ""] });
});

test("should write several articles of a 版 at once", () => {
  const after = edited(ISSUE, 1, [
    { article: 3, title: "秋收", area: { x: 1, y: 2, width: 3, height: 4 } },
    { article: 1, title: "区委召开经济工作会议", area },
  ]) as string;
  assert.match(after, /热区: 10,20\.5,30,40\n/);
  assert.match(after, /## 秋收\n区域：1,2,3,4\n/);
});

test("should keep CRLF line endings and a byte-order mark byte for byte", () => {
  const windows = `\uFEFF${ISSUE.replaceAll("\n", "\r\n")}`;
  const after = edited(windows, 1, [{ article: 2, title: "社区公益大集开市", area }]) as string;
  assert.ok(after.startsWith("\uFEFF---\r\n"));
  assert.equal(after, windows.replace("副题：古楼街道\r\n", "副题：古楼街道\r\n区域：10,20.5,30,40\r\n"));
});

test("should refuse an article that is not there, one whose title changed, and a 版 that is not there", () => {
  assert.deepEqual(edited(ISSUE, 1, [{ article: 9, title: "秋收", area }]), { reason: "noArticle", page: 1, article: 9 });
  assert.deepEqual(edited(ISSUE, 1, [{ article: 3, title: "秋收时节", area }]), { reason: "changed", page: 1, article: 3, title: "秋收时节" });
  assert.deepEqual(edited(ISSUE, 5, [{ article: 1, title: "秋收", area }]), { reason: "noPage", page: 5 });
  assert.deepEqual(edited("no front matter", 1, [{ article: 1, title: "秋收", area }]), { reason: "unreadable" });
});

test("should clamp an area into the scan, to a tenth of a percent, never without a size", () => {
  assert.deepEqual(clampedArea({ x: -5, y: 12.345, width: 120, height: 0 }), { x: 0, y: 12.3, width: 100, height: 0.1 });
  assert.deepEqual(clampedArea({ x: 99.99, y: 50, width: 10, height: 60 }), { x: 99.9, y: 50, width: 0.1, height: 50 });
});
