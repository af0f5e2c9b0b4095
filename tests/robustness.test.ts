// Broken and extreme input: each file gets a correct page or a clear message naming the file, never a crash; random Markdown never makes the parser throw.
import { test } from "node:test";
import assert from "node:assert/strict";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { parse } from "node-html-parser";
import { buildSite } from "../src/build/build.ts";
import { testRenderPool } from "./helpers/render-pool.ts";
import { loadConfig } from "../src/content/config.ts";
import { parseIssue } from "../src/content/parse-issue.ts";
import type { PaperConfig } from "../src/model.ts";
import { formatProblems } from "../src/messages/report.ts";
import { projectRoot } from "../src/project.ts";
import { report } from "./helpers/report.ts";

const config = (await loadConfig(projectRoot)).config as PaperConfig;
const FILE = "issues/2022/2022-11-01.md";
const FRONT_MATTER = "---\nissue: 1480\ndate: 2022-11-01\nlunar: 壬寅年十月初八\npages: 4\n---\n";

function parseText(text: string, file = FILE) {
  return parseIssue(file, new TextEncoder().encode(text), config);
}

function errorsOf(result: ReturnType<typeof parseIssue>): string[] {
  return result.problems.filter((problem) => problem.severity === "error").map((problem) => problem.kind);
}

test("should name the file and line of malformed YAML", () => {
  const result = parseText("---\nissue: 1480\ndate: [2022-11-01\nlunar: 壬寅年十月初八\n---\n\n# 第1版\n");
  assert.equal(result.issue, undefined);
  assert.equal(result.problems.length, 1);
  assert.equal(result.problems[0]!.kind, "MalformedYaml");
  assert.match(formatProblems(result.problems, "en"), /^error issues\/2022\/2022-11-01\.md:\d+: The front-matter is not valid YAML/m);
});

test("should say that front-matter written as a list or a bare value has no fields, rather than name a field called nothing", () => {
  for (const frontMatter of ["- issue: 1480\n- date: 2022-11-01", "1480"]) {
    const result = parseText(`---\n${frontMatter}\n---\n\n# 第1版\n`);
    assert.deepEqual(
      result.problems.map((found) => [found.kind, found.line]),
      [["MalformedYaml", 2]],
    );
    assert.match(formatProblems(result.problems, "zh-CN"), /文件头的格式不对：每一行都要写成“名称: 值”，不能是列表或单独的一个值。/);
  }
});

test("should accept a UTF-8 byte order mark and CRLF line endings, keeping lines right", () => {
  const text = `\uFEFF${FRONT_MATTER}\n# 第1版 要闻\n\n## 标题\n\n正文。\n`.replace(/\n/g, "\r\n");
  const result = parseText(text);
  assert.deepEqual(errorsOf(result), []);
  const article = result.issue!.pages[0]!.articles[0]!;
  assert.equal(article.title, "标题");
  assert.equal(article.line, 10);
  assert.deepEqual(article.paragraphs, ["正文。"]);
});

test("should name a file that is not UTF-8 (a GBK export) rather than show mojibake", () => {
  // 会议 in GBK.
  const bytes = new Uint8Array([...new TextEncoder().encode(`${FRONT_MATTER}\n# 第1版\n\n## `), 0xbb, 0xe1, 0xd2, 0xe9, 0x0a]);
  const result = parseIssue(FILE, bytes, config);
  assert.deepEqual(
    result.problems.map((problem) => problem.kind),
    ["NotUtf8"],
  );
  assert.match(
    formatProblems(result.problems, "en"),
    /^error issues\/2022\/2022-11-01\.md:10: The file is not valid UTF-8 text\. Save it as UTF-8/m,
    "at the line of the first byte that is not UTF-8",
  );
});

test("should report an empty file, and a file of only whitespace, as empty", () => {
  for (const text of ["", "\n\n  \r\n", "\uFEFF"])
    assert.deepEqual(
      parseText(text).problems.map((problem) => problem.kind),
      ["EmptyFile"],
      JSON.stringify(text),
    );
});

test("should parse a 10 MB issue of 8,000 articles in time that grows with its size, without a problem", () => {
  const paragraph = "会议指出，今年以来，全区上下坚持稳中求进工作总基调，经济运行总体平稳。".repeat(4);
  const article = (index: number) => `## 标题${index}\n作者：融媒体 张三\n\n${paragraph}\n\n${paragraph}\n\n${paragraph}\n`;
  const issueOf = (bytes: number) => {
    const articles: string[] = [];
    for (let size = 0, index = 1; size < bytes; index++) {
      articles.push(article(index));
      size += Buffer.byteLength(articles.at(-1)!);
    }
    return { text: `${FRONT_MATTER}\n# 第1版 要闻\n\n${articles.join("\n")}`, count: articles.length };
  };
  const timed = (text: string) => {
    const started = performance.now();
    const result = parseText(text);
    return { result, seconds: (performance.now() - started) / 1000 };
  };
  // A tenth of it first, in the same run, as the measure of this machine's speed now: the whole must take about ten times as long
  // (linear), far from the hundred times a parse quadratic in the articles would take; and never minutes.
  const small = issueOf(1024 * 1024);
  const large = issueOf(10 * 1024 * 1024);
  const tenth = timed(small.text);
  const whole = timed(large.text);
  assert.deepEqual(tenth.result.problems, []);
  assert.deepEqual(whole.result.problems, []);
  assert.equal(whole.result.issue!.pages[0]!.articles.length, large.count);
  assert.ok(
    whole.seconds < 30 * tenth.seconds,
    `parsing took ${whole.seconds.toFixed(1)} s, ${(whole.seconds / tenth.seconds).toFixed(1)} times a tenth of it`,
  );
  assert.ok(whole.seconds < 120, `parsing took ${whole.seconds.toFixed(1)} s`);
});

test("should render Markdown edge cases: code, nested lists and tables as text, comments dropped; footnotes are reported", () => {
  const body = [
    "# 第1版",
    "",
    "## 各种写法",
    "",
    "正文，**加粗**与*强调*，`代码`。",
    "",
    "```",
    "const a = 1 < 2;",
    "```",
    "",
    "- 一级",
    "  - 二级",
    "    1. 三级",
    "",
    "| 表头 | 表头 |",
    "| --- | --- |",
    "| 单元 | 单元 |",
    "",
    "脚注[^1]",
    "",
    "[^1]: 脚注内容",
    "",
    "<!-- 编辑的批注 -->",
    "",
    "> 引用",
    "",
    "(融媒体 张三)",
    "",
  ].join("\n");
  const result = parseText(`${FRONT_MATTER}\n${body}`);
  assert.deepEqual(errorsOf(result), ["UnsupportedFootnote"]);
  assert.match(formatProblems(result.problems, "en"), /^error issues\/2022\/2022-11-01\.md:28 link: “\[\^1\]:” is a footnote/m);
  const html = result.issue!.pages[0]!.articles[0]!.bodyHtml;
  assert.match(html, /<pre><code>const a = 1 &#x3C; 2;\n<\/code><\/pre>/);
  assert.match(html, /<ul>\s*<li>\s*一级\s*<ul>\s*<li>\s*二级\s*<ol>\s*<li>三级<\/li>/);
  assert.match(html, /\| 单元 \| 单元 \|/, "tables stay as their text (GitHub tables are not enabled)");
  assert.doesNotMatch(html, /编辑的批注|<!--/);
  assert.match(html, /<blockquote>/);
});

test("should keep a 2,000-character title whole", () => {
  const title = "长".repeat(2000);
  const result = parseText(`${FRONT_MATTER}\n# 第1版\n\n## ${title}\n\n正文。\n`);
  assert.deepEqual(errorsOf(result), []);
  assert.equal(result.issue!.pages[0]!.articles[0]!.title, title);
});

test("should build an issue of 1,000 articles, one with a 2,000-character title, into a page each", async () => {
  const root = await mkdtemp(path.join(tmpdir(), "baoku-thousand-"));
  try {
    const contentRoot = path.join(root, "content");
    await mkdir(path.join(contentRoot, "issues", "2022"), { recursive: true });
    await copyFile(path.join(projectRoot, "baoku.config.json"), path.join(contentRoot, "baoku.config.json"));
    const longTitle = "长".repeat(2000);
    const articles = Array.from(
      { length: 1000 },
      (_, index) => `## ${index === 0 ? longTitle : `标题${index + 1}`}\n\n第${index + 1}篇的正文。\n\n(融媒体 张三)\n`,
    );
    await writeFile(path.join(contentRoot, FILE), `${FRONT_MATTER}\n# 第1版 要闻\n\n${articles.join("\n")}`);
    const started = performance.now();
    const result = await buildSite({ renderPool: testRenderPool(), contentRoot, outputDir: path.join(root, "_site") });
    assert.ok(result.ok, report(result.problems));
    const articlePages = await readdir(path.join(root, "_site", "2022", "11", "01", "1"));
    assert.equal(articlePages.filter((name) => /^\d+$/.test(name)).length, 1000);
    const first = parse(await readFile(path.join(root, "_site", "2022", "11", "01", "1", "1", "index.html"), "utf8"));
    assert.equal(first.querySelector("h1")?.textContent, longTitle);
    const last = parse(await readFile(path.join(root, "_site", "2022", "11", "01", "1", "1000", "index.html"), "utf8"));
    assert.match(last.querySelector(".article-body")?.textContent ?? "", /第1000篇的正文。/);
    console.log(`# 1,000 articles built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

/** Lines an editor might write, well or badly, for the random issues below. */
const MARKDOWN_PIECES = [
  "# 第1版 要闻",
  "# 第二版",
  "# 第0版",
  "# 第99版",
  "# 要闻",
  "#",
  "## 标题",
  "##",
  "###",
  "引题：引题",
  "副题:",
  "作者：融媒体 张三",
  "栏目：",
  "未知：值",
  "东昌府讯 10月28日，",
  "本报讯（记者 张三）12月31日，",
  "(融媒体 张三)",
  "（）",
  "（融媒体 全兴社 通讯员 李晓）",
  "融媒体 徐振鑫 摄",
  '![说明](a.png "融媒体 张三 摄")',
  "![](../x.png)",
  "![](/etc/passwd)",
  "![x](%2e%2e/y.png)",
  "[链接](javascript:alert(1))",
  "[链接](http://example.org)",
  "[ref]: javascript:x",
  "<script>alert(1)</script>",
  "<!-- 注释",
  "-->",
  "```",
  "~~~",
  "    缩进代码",
  "- 项",
  "  - 子项",
  "1. 一",
  "| a | b |",
  "| - | - |",
  "[^1]: 注",
  "> 引用",
  "***",
  "---",
  "===",
  "\\",
  "*",
  "**",
  "_",
  "`",
  "&amp;",
  "&#0;",
  "\u0000",
  "\uFEFF",
  "\u2028",
  "🀄",
  "\r",
  "",
];

const randomMarkdown = fc
  .array(fc.oneof(fc.constantFrom(...MARKDOWN_PIECES), fc.string({ unit: "binary", maxLength: 20 })), { maxLength: 40 })
  .chain((lines) => fc.constantFrom("\n", "\n\n", " ").map((separator) => lines.join(separator)));

test("should never throw on random Markdown after valid front-matter, nor on random bytes", () => {
  fc.assert(
    fc.property(randomMarkdown, (markdown) => {
      parseText(`${FRONT_MATTER}\n${markdown}`);
    }),
    { numRuns: 400 },
  );
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
      parseIssue(FILE, bytes, config);
    }),
    { numRuns: 200 },
  );
  fc.assert(
    fc.property(randomMarkdown, randomMarkdown, (frontMatter, body) => {
      parseText(`---\n${frontMatter}\n---\n${body}`);
    }),
    { numRuns: 200 },
  );
});

/**
 * Text of a plain paragraph: Chinese, Latin letters, digits, spaces and Chinese punctuation, none of which Markdown reads as markup,
 * and no parenthesis, colon, dateline prefix or closing 摄, which the parser reads as a byline, label, dateline or photo credit.
 */
const plainParagraph = fc
  .string({ unit: fc.constantFrom(..."报社区委会议经济发展人民今年以来全面推进乡村振兴abcXYZ0123456789 ，。、；！？“”"), minLength: 1, maxLength: 60 })
  .map((text) => text.trim().replace(/\s+/g, " "))
  .filter((text) => text !== "" && !text.endsWith("摄"));

test("should keep every paragraph of an issue of plain paragraphs, in order, in its article", () => {
  const issueOfParagraphs = fc.array(fc.array(plainParagraph, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 });
  fc.assert(
    fc.property(issueOfParagraphs, (articles) => {
      const body = articles.map((paragraphs, index) => `## 标题${index + 1}\n\n${paragraphs.join("\n\n")}\n`).join("\n");
      const result = parseText(`${FRONT_MATTER}\n# 第1版\n\n${body}`);
      assert.deepEqual(errorsOf(result), []);
      const parsed = result.issue!.pages[0]!.articles;
      assert.equal(parsed.length, articles.length);
      articles.forEach((paragraphs, index) => {
        assert.deepEqual(parsed[index]!.paragraphs, paragraphs);
        for (const paragraph of paragraphs) assert.ok(parsed[index]!.bodyHtml.includes(`<p>${paragraph}</p>`), `${paragraph} in ${parsed[index]!.bodyHtml}`);
      });
    }),
    { numRuns: 300 },
  );
});
