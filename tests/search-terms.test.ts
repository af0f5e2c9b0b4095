// The search terms shared by the indexer and the search page, and the excerpts the page shows, on their own.
import { test } from "node:test";
import assert from "node:assert/strict";
import { indexTerms, phraseGroups, runTerms, segmentedGroups, spellTerm, textRuns } from "../public/js/search-terms.js";
import { excerpt, matchRanges, readableText } from "../public/js/search-excerpt.js";

test("should split text into Han runs and runs of letters and digits, lower-cased, dropping punctuation", () => {
  assert.deepEqual(textRuns("全区5G基站120个，GDP增长4.8%！"), ["全区", "5g", "基站", "120", "个", "gdp", "增长", "4", "8"]);
  assert.deepEqual(textRuns("“信义币”打底"), ["信义币", "打底"]);
  assert.deepEqual(textRuns("ＧＤＰ１２"), ["gdp12"], "full-width letters and digits are folded");
});

test("should make character pairs of a Han run and end with its last character", () => {
  assert.deepEqual(runTerms("以克论净"), ["以克", "克论", "论净", "净"]);
  assert.deepEqual(runTerms("葫"), ["葫"]);
  assert.deepEqual(runTerms("gdp"), ["gdp"]);
});

test("should spell terms as one ASCII word that no segmenter splits", () => {
  assert.equal(spellTerm("以克"), "zeooffbel");
  assert.match(spellTerm("5g"), /^z[a-p]{8}$/);
  assert.notEqual(spellTerm("以克"), spellTerm("克以"));
});

test("should index every pair, so any phrase of the text is a run of consecutive terms", () => {
  const indexed = indexTerms("按“以克论净”标准").split(" ");
  const phrase = phraseGroups("以克论净")[0]?.terms ?? [];
  const start = indexed.indexOf(phrase[0] ?? "");
  assert.ok(start >= 0);
  assert.deepEqual(indexed.slice(start, start + phrase.length), phrase);
});

test("should query each run as an exact phrase, except a single Han character, which matches as a prefix", () => {
  assert.deepEqual(phraseGroups("走在前、开新局").map((group) => [group.terms.length, group.exact]), [[2, true], [2, true]]);
  assert.deepEqual(phraseGroups("5G基站").map((group) => [group.terms.length, group.exact]), [[1, true], [1, true]]);
  assert.deepEqual(phraseGroups("葫").map((group) => group.exact), [false]);
});

test("should fall back to words only when the segmenter finds a word of two characters or more", () => {
  assert.ok(segmentedGroups("信义币志愿者").length > 1);
  assert.deepEqual(segmentedGroups("GDP"), [], "nothing to split");
  assert.ok(segmentedGroups("量子计算机").every((group) => group.terms.length >= 1));
});

test("should show readers the text without the spelled terms", () => {
  assert.equal(readableText(`标题. 正文第一段。 ${indexTerms("正文第一段")}`), "标题. 正文第一段。");
});

test("should find every occurrence of the query's runs, merged where they overlap", () => {
  assert.deepEqual(matchRanges("信义币，信义币", "信义币"), [[0, 3], [4, 7]]);
  assert.deepEqual(matchRanges("全区5G基站", "5g 基站"), [[2, 6]], "touching matches make one mark");
  assert.deepEqual(matchRanges("没有", "信义币"), []);
});

test("should cut an excerpt around the first match and mark every match in it", () => {
  const text = `${"前文。".repeat(40)}手持“信义币”的市民可前往古楼辖区内20处“信义超市”换购生活必需品。${"后文。".repeat(40)}`;
  const pieces = excerpt(text, "信义", 60);
  assert.equal(pieces[0]?.text, "…");
  assert.equal(pieces.at(-1)?.text, "…");
  assert.deepEqual(pieces.filter((piece) => piece.marked).map((piece) => piece.text), ["信义", "信义"]);
  assert.deepEqual(excerpt("短文", "无关", 60), [{ text: "短文", marked: false }]);
});
