// A headline's phrases as the pages write them (src/site/phrases.ts: phrasedHtml, the templates' `phrased` filter): a <wbr> between
// phrases, the parts a space sets apart each in a run of its own, and every phrase escaped by the escape the templates use.
import { test } from "node:test";
import assert from "node:assert/strict";
import { phrasedHtml } from "../../src/site/phrases.ts";

/** The escape Nunjucks applies to a template's output (its lib.escape). */
const escaped = (text: string) =>
  text.replace(/[&"'<>\\]/g, (character) => ({ "&": "&amp;", '"': "&quot;", "'": "&#39;", "<": "&lt;", ">": "&gt;", "\\": "&#92;" })[character]!);

test("should put a <wbr> between phrases, and nothing around a headline of one phrase", () => {
  assert.equal(phrasedHtml(["我区设分会场", "组织", "收听收看"], escaped), "我区设分会场<wbr>组织<wbr>收听收看");
  assert.equal(phrasedHtml(["聊城"], escaped), "聊城");
  assert.equal(phrasedHtml([], escaped), "");
});

test("should keep each part a space sets apart in a run of its own, with no <wbr> at a run's start", () => {
  assert.equal(
    phrasedHtml(["分析", "研究", " ", "我区", "设分会场"], escaped),
    '<span class="phrase-run">分析<wbr>研究</span> <span class="phrase-run">我区<wbr>设分会场</span>',
  );
});

test("should escape every phrase, so a headline never reaches the page as markup", () => {
  const html = phrasedHtml(["<script>", "alert('x')", " ", "&amp;", '"引号"'], escaped);
  assert.equal(html, '<span class="phrase-run">&lt;script&gt;<wbr>alert(&#39;x&#39;)</span> <span class="phrase-run">&amp;amp;<wbr>&quot;引号&quot;</span>');
  assert.doesNotMatch(html, /<script|'x'/);
});
