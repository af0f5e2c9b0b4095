// The label block under a title: every accepted word and its forms, the nearest label suggested for a misspelt one, and the lines that are
// body text, not labels. Whole issues with misspelt labels in every position are the fixtures misspelt-labels and label-synonyms.
import { test } from "node:test";
import assert from "node:assert/strict";
import { unified } from "unified";
import remarkParse from "remark-parse";
import type { Heading } from "mdast";
import { LABELS, readLabelLine, takeLabels, type LabelName } from "../../src/content/labels.ts";
import { editDistance, nearestWord } from "../../src/content/nearest-word.ts";

const parser = unified().use(remarkParse);

/** The label block of the one article in `markdown` (a ## title and what follows). */
function labelBlockOf(markdown: string) {
  const root = parser.parse(markdown);
  const [heading, ...nodes] = root.children;
  return takeLabels(heading as Heading, nodes, { file: "issues/2022/2022-11-02.md", lineOffset: 0 });
}

test("should read every accepted word as its label, with either colon, in any case, full-width or spaced", () => {
  for (const [name, words] of Object.entries(LABELS) as [LabelName, readonly string[]][]) {
    for (const word of words) {
      for (const line of [`${word}：文字`, `${word}:文字`, ` ${word} ： 文字`, `${word}﹕文字`, `${word.toUpperCase()}: 文字`]) {
        assert.equal(readLabelLine(line)?.name, name, line);
        assert.equal(readLabelLine(line)?.value, "文字", line);
      }
    }
  }
  assert.equal(readLabelLine("ＳＵＢＴＩＴＬＥ：文字")?.name, "subtitle");
  assert.equal(readLabelLine("Sub-title: 文字")?.name, "subtitle");
  assert.equal(readLabelLine("Sub title: 文字")?.name, "subtitle");
  assert.equal(readLabelLine("副 题：文字")?.name, "subtitle");
});

test("should not read text as a label: a dateline, a sentence before a colon, an address, a time", () => {
  for (const line of [
    "东昌府讯 10月28日，正文",
    "记者 张三：你好",
    "http://dcf.lcxw.cn 是本报网址",
    "10:30 会议开始",
    "这是一个很长很长的句子开头：后面",
    "：没有词",
  ]) {
    assert.equal(readLabelLine(line), undefined, line);
  }
  assert.deepEqual(readLabelLine("来源：新华社"), { word: "来源", value: "新华社" });
});

test("should suggest the label a misspelt word was meant to be, by sound for Chinese and by keys for English", () => {
  const known = Object.values(LABELS).flat();
  const cases: Record<string, string> = {
    副提: "副题",
    付题: "副题",
    幅题: "副题",
    复题: "副题",
    副题目: "副题",
    因题: "引题",
    印题: "引题",
    引提: "引题",
    栏木: "栏目",
    兰目: "栏目",
    拦目: "栏目",
    做者: "作者",
    作着: "作者",
    区或: "区域",
    曲域: "区域",
    付标题: "副标题",
    肩提: "肩题",
    subtitel: "subtitle",
    sbutitle: "subtitle",
    subtile: "subtitle",
    kiker: "kicker",
    kickr: "kicker",
    colum: "column",
    collumn: "column",
    bylin: "byline",
    araa: "area",
  };
  for (const [typed, meant] of Object.entries(cases)) assert.equal(nearestWord(typed, known), meant, typed);
  for (const far of ["来源", "会议指出", "摄影", "新华社", "source", "note"]) assert.equal(nearestWord(far, known), undefined, far);
});

test("should count edits with neighbours swapped as one", () => {
  assert.equal(editDistance([..."subtitel"], [..."subtitle"]), 1);
  assert.equal(editDistance([..."kicker"], [..."kicker"]), 0);
  assert.equal(editDistance([..."abc"], [..."xyz"]), 3);
});

test("should report a misspelt label in any position of the block at its own line, and keep the labels around it", () => {
  const block = labelBlockOf("## 标题\n引题：引题文字\n副提：副题文字\n栏目：栏目文字\n\n正文。");
  assert.deepEqual(block.labels, { kicker: "引题文字", column: "栏目文字" });
  assert.deepEqual(
    block.problems.map((found) => [found.kind, found.line, found.facts]),
    [["UnknownLabel", 3, { word: "副提", suggestion: "副题" }]],
  );
  const first = labelBlockOf("## 标题\nsubtitel: 副题文字\n\n正文。");
  assert.deepEqual(
    first.problems.map((found) => [found.line, found.facts]),
    [[2, { word: "subtitel", suggestion: "subtitle" }]],
  );
});

test("should take a label-shaped line right under the title as a label, but body text after a blank line unless it misspells one by sound", () => {
  assert.equal(labelBlockOf("## 标题\n会议指出：正文。").problems[0]?.kind, "UnknownLabel");
  assert.deepEqual(labelBlockOf("## 标题\n\n会议指出：正文。").problems, []);
  assert.deepEqual(labelBlockOf("## 标题\n\n记者：你好。").problems, [], "an interview's first question is not a label");
  assert.deepEqual(
    labelBlockOf("## 标题\n\n付题：副题文字\n\n正文。").problems.map((found) => found.facts),
    [{ word: "付题", suggestion: "副题" }],
  );
  assert.deepEqual(labelBlockOf("## 标题\n\n副题：副题文字\n\n正文。").labels, { subtitle: "副题文字" });
});
