// The search terms shared by the indexer and the search page, and the excerpts the page shows, on their own.
import { test } from "node:test";
import assert from "node:assert/strict";
import { indexTerms, queryPhrases, runTerms, segmentedPhrases, spellStart, spellTerm, textRuns } from "../../public/js/search-terms.js";
import fc from "fast-check";
import { excerpt, excerptBounds, matchRanges } from "../../public/js/search-excerpt.js";

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

test("should spell terms as one ASCII word that no segmenter splits and no other term starts with", () => {
  assert.equal(spellTerm("以克"), "zeooffbelq");
  assert.match(spellTerm("5g"), /^z[a-p]{8}q$/);
  assert.notEqual(spellTerm("以克"), spellTerm("克以"));
  // Pagefind matches every word as a prefix: a whole term must match itself alone, and a start must match every pair it starts.
  const terms = ["以", "以克", "以克论", "7699", "76990", "5g", "5g基"].map(spellTerm);
  for (const term of terms)
    assert.deepEqual(
      terms.filter((other) => other.startsWith(term)),
      [term],
    );
  assert.ok(spellTerm("户籍").startsWith(spellStart("户")) && spellTerm("户").startsWith(spellStart("户")));
});

/** Where each phrase occurs in the indexed text: the positions at which its terms stand one after the other. */
function phraseAt(text: string, query: string): number[] {
  const indexed = indexTerms(text).split(" ");
  const [phrase] = queryPhrases(query);
  const matches = (word: string | undefined, term: { spelled: string; prefix: boolean }) =>
    term.prefix ? word?.startsWith(term.spelled) : word === term.spelled;
  return indexed.flatMap((_, at) => (phrase?.terms.every((term, offset) => matches(indexed[at + offset], term)) ? [at] : []));
}

test("should find a phrase as consecutive terms wherever the text has it, and not where its characters are apart", () => {
  assert.equal(phraseAt("按“以克论净”标准", "以克论净").length, 1);
  assert.equal(phraseAt("以克论净", "以克论").length, 1, "the word's end may go on in the text");
  assert.equal(phraseAt("改造7699户居民", "7699户").length, 1);
  assert.equal(phraseAt("7699户", "7699户").length, 1);
  assert.equal(phraseAt("户7699", "7699户").length, 0);
  assert.equal(phraseAt("建成5G基站120个", "5G基站").length, 1);
  assert.equal(phraseAt("5G网络和基站", "5G基站").length, 0);
  assert.equal(phraseAt("信义币，信义币", "信义币").length, 2);
  assert.equal(phraseAt("克论以净", "以克论净").length, 0);
});

test("should make a phrase of each word between spaces and punctuation, and look up a lone Han character as a prefix", () => {
  assert.deepEqual(
    queryPhrases("走在前、开新局").map((phrase) => phrase.terms.length),
    [2, 2],
  );
  assert.deepEqual(
    queryPhrases("5G基站").map((phrase) => phrase.terms.map((term) => term.prefix)),
    [[false, false]],
  );
  assert.deepEqual(
    queryPhrases("葫").map((phrase) => phrase.terms.map((term) => term.prefix)),
    [[true]],
  );
  assert.deepEqual(queryPhrases("  ，。"), []);
});

test("should fall back to words only when the segmenter finds a word of two characters or more", () => {
  assert.ok(segmentedPhrases("信义币志愿者").length > 1);
  assert.deepEqual(segmentedPhrases("GDP"), [], "nothing to split");
  assert.ok(segmentedPhrases("量子计算机").every((phrase) => phrase.terms.length >= 1));
});

test("should never cut an excerpt inside a number or a word of letters", () => {
  // The case readers saw: 11月1日 cut to …1月1日.
  const text = `${"区委召开会议".repeat(6)}2022年11月1日，东昌府区召开会议，江绍华出席。${"后文".repeat(60)}`;
  for (const [words, query] of [
    [text, "江绍华"],
    [`${"区委召开会议".repeat(6)}今年11月1日东昌府区召开会议江绍华出席${"后文".repeat(60)}`, "江绍华"],
  ] as const) {
    const shown = excerpt(words, query, 40)
      .map((piece) => piece.text)
      .join("");
    assert.doesNotMatch(shown, /…\d|…[年月日]|\d…/, shown);
  }
  const characters = fc.constantFrom(..."东昌府区召开会议江绍华11月1日2022GDPabc，。 ".split(""));
  fc.assert(
    fc.property(
      fc.array(characters, { minLength: 1, maxLength: 300 }),
      fc.constantFrom("会议", "江绍华", "11", "gdp", "无关"),
      fc.integer({ min: 10, max: 80 }),
      (letters, query, length) => {
        const whole = letters.join("");
        const { start, end } = excerptBounds(whole, matchRanges(whole, query), length);
        const wordish = (character: string | undefined) => /[\p{L}\p{N}]/u.test(character ?? " ");
        const digit = (character: string | undefined) => /\p{N}/u.test(character ?? " ");
        const latin = (character: string | undefined) => wordish(character) && !/\p{Script=Han}/u.test(character ?? "");
        const joined = (before: string | undefined, after: string | undefined) =>
          (digit(before) && wordish(after)) || (wordish(before) && digit(after)) || (latin(before) && latin(after));
        return !joined(whole[start - 1], whole[start]) && !joined(whole[end - 1], whole[end]);
      },
    ),
    { numRuns: 500 },
  );
});

test("should start an excerpt after a pause and end it after one, when there is one near", () => {
  const text = `${"前面的话很长很长很长".repeat(5)}，会议指出要以克论净推进城市管理，${"后面的话也很长很长".repeat(5)}。`;
  const shown = excerpt(text, "以克论净", 40)
    .map((piece) => piece.text)
    .join("");
  assert.ok(shown.startsWith("…会议指出"), shown);
});

test("should find every occurrence of the query's runs, merged where they overlap", () => {
  assert.deepEqual(matchRanges("信义币，信义币", "信义币"), [
    [0, 3],
    [4, 7],
  ]);
  assert.deepEqual(matchRanges("全区5G基站", "5g 基站"), [[2, 6]], "touching matches make one mark");
  assert.deepEqual(matchRanges("没有", "信义币"), []);
});

test("should cut an excerpt around the first match and mark every match in it", () => {
  const text = `${"前文。".repeat(40)}手持“信义币”的市民可前往古楼辖区内20处“信义超市”换购生活必需品。${"后文。".repeat(40)}`;
  const pieces = excerpt(text, "信义", 60);
  assert.equal(pieces[0]?.text, "…");
  assert.equal(pieces.at(-1)?.text, "…");
  assert.deepEqual(
    pieces.filter((piece) => piece.marked).map((piece) => piece.text),
    ["信义", "信义"],
  );
  assert.deepEqual(excerpt("短文", "无关", 60), [{ text: "短文", marked: false }]);
});
