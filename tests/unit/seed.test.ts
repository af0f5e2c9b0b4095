// The bundled issue 总第1480期, converted from the layout export in shared/seed: every item asserted by hand, not only by snapshot.
import { test } from "node:test";
import assert from "node:assert/strict";
import { loadArchive } from "../../src/content/archive.ts";
import { projectRoot } from "../../src/project.ts";

const archive = await loadArchive(projectRoot);
const seed = archive.issues.find((issue) => issue.date === "2022-11-01");

test("should load the bundled archive without problems", () => {
  assert.deepEqual(archive.problems, []);
  assert.ok(seed, "issues/2022/2022-11-01.md was not loaded");
});

test("should read the masthead facts from the front-matter", () => {
  assert.equal(seed?.number, 1480);
  assert.equal(seed?.lunarDate, "壬寅年十月初八");
  assert.equal(seed?.weekday, "星期二");
  assert.equal(seed?.printedPageCount, 4);
  assert.deepEqual(
    seed?.pages.map((page) => [page.number, page.name]),
    [
      [1, undefined],
      [2, "非凡十年 铸就辉煌"],
    ],
  );
});

const expectedItems = [
  {
    page: 1,
    title: "省委常委会召开扩大会议",
    subtitle: "分析研究当前经济形势和经济工作 我区设分会场组织收听收看",
    dateline: "东昌府讯 10月28日",
    byline: ["融媒体", ["郭龙君"], []],
    paragraphs: 7,
  },
  {
    page: 1,
    title: "全市疫情防控工作会议召开",
    subtitle: "我区在分会场组织收听收看并召开续会 对全区疫情防控工作进行安排部署",
    dateline: "东昌府讯 10月31日",
    byline: ["融媒体", ["全兴社"], []],
    paragraphs: 4,
  },
  { page: 1, title: "区人大常委会党组理论学习中心组进行集中学习研讨", dateline: "东昌府讯", byline: ["融媒体", ["裴崇旭"], []], paragraphs: 2 },
  { page: 1, title: "区人大常委会党组会议召开", dateline: "东昌府讯", byline: ["融媒体", ["裴崇旭"], []], paragraphs: 2 },
  {
    page: 1,
    title: "全市三季度经济运行分析暨决战决胜四季度攻坚会议召开",
    subtitle: "我区设分会场组织收听收看",
    dateline: "东昌府讯 10月29日",
    byline: ["融媒体", ["徐振鑫"], []],
    paragraphs: 6,
  },
  { page: 1, title: "", photoNews: true, paragraphs: 0 },
  {
    page: 2,
    title: "“信义币”打底 共建美好家园",
    subtitle: "我区加快信义体系建设步伐",
    dateline: "东昌府讯 10月26日",
    byline: ["融媒体", ["全兴社"], []],
    paragraphs: 11,
  },
  {
    page: 2,
    title: "设施建设有力度 更新管理有温度",
    subtitle: "我区大力提升城市品质 助力经济高质量发展",
    dateline: "东昌府讯",
    byline: ["融媒体", ["郭龙君"], []],
    paragraphs: 4,
  },
] as const;

const items = seed?.pages.flatMap((page) => page.articles.map((article) => ({ page: page.number, article }))) ?? [];

test("should find all 8 items: 7 articles and the photo news", () => {
  assert.equal(items.length, 8);
  assert.equal(items.filter(({ article }) => article.isPhotoNews).length, 1);
});

expectedItems.forEach((expected, index) => {
  test(`should parse item ${index + 1} (${expected.title || "图片新闻"}) with its title, labels, dateline and byline`, () => {
    const item = items[index];
    assert.ok(item);
    assert.equal(item.page, expected.page);
    assert.equal(item.article.title, expected.title);
    assert.equal(item.article.kicker, undefined);
    assert.equal(item.article.subtitle, "subtitle" in expected ? expected.subtitle : undefined);
    assert.equal(item.article.dateline?.text, "dateline" in expected ? expected.dateline : undefined);
    if ("byline" in expected) {
      const [affiliation, reporters, correspondents] = expected.byline;
      assert.deepEqual(item.article.byline, { text: `${affiliation} ${reporters.join(" ")}`, affiliation, reporters, correspondents });
    } else {
      assert.equal(item.article.byline, undefined);
    }
    assert.equal(item.article.paragraphs.length, expected.paragraphs);
    assert.equal(item.article.isPhotoNews, "photoNews" in expected);
  });
});

test("should rejoin paragraphs the layout broke across columns", () => {
  const all = items.flatMap(({ article }) => article.paragraphs);
  assert.ok(all.some((text) => text.includes("各类利好因素加速积聚。")));
  assert.ok(all.some((text) => text.includes("深入实施“三个十大”行动")));
  assert.ok(all.some((text) => text.includes("培育新的消费增长点。")));
  assert.ok(all.some((text) => text.includes("信义激励为切入点")));
  assert.ok(all.some((text) => text.includes("区妇幼保健院、万恒眼科等医院")));
  assert.ok(all.some((text) => text.includes("基础设施建设与文化内涵得到优化")));
  assert.ok(all.some((text) => text.includes("达到“以克论净”标准")));
});

test("should keep the words as printed, typos included", () => {
  const all = items.flatMap(({ article }) => article.paragraphs).join("\n");
  assert.ok(all.includes("要压实压实责任"));
  assert.ok(all.includes("帮包责任单位、三遍访”单位"));
  assert.ok(all.includes("生活更加宜居。”区委副书记、区长江绍华表示。"));
});

test("should read the photo news's caption and credit with its photographers", () => {
  const photoNews = items[5]?.article;
  assert.equal(photoNews?.photos.length, 1);
  assert.match(photoNews?.photos[0]?.caption ?? "", /^近年来，区农业农村局.*乡村产业持续发展。$/);
  assert.equal(photoNews?.photos[0]?.credit, "融媒体 徐振鑫 通讯员 张振祥 摄");
  assert.deepEqual(photoNews?.photos[0]?.photographers, ["徐振鑫", "张振祥"]);
  assert.equal(photoNews?.photos[0]?.src, undefined);
});

test("should place dated datelines in the issue's year", () => {
  assert.deepEqual(
    items.map(({ article }) => article.dateline?.date),
    ["2022-10-28", "2022-10-31", undefined, undefined, "2022-10-29", undefined, "2022-10-26", undefined],
  );
});
