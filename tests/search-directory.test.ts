// The term directory: what the indexer counts of each bundle's records, how the shards are written and read, and how the search page
// plans which bundles a query merges — with a phrase's rarity that is the same however the archive is split.
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { directoryShard, phraseRarity, planBundles, prefixOfSpelled, recordsHolding } from "../public/js/search-directory.js";
import { indexTerms, spellStart, spellTerm } from "../public/js/search-terms.js";
import { extendTermDirectory, shardCount, termStats, writeTermDirectory, type DirectoryHead, type SealedBundle } from "../src/build/term-directory.ts";
import { treeDigest } from "./helpers/tree-digest.ts";

const folders: string[] = [];
after(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

/** A search record as search-records.ts writes it, with a headline in its meta that must not be counted. */
const record = (text: string, headline = "会议纪要") =>
  `<main data-pagefind-body><span data-pagefind-meta="a:${headline}"></span><section><h2 id="x">·</h2><div>${indexTerms(text)}</div></section></main>`;

test("should count each term's records and its most matches in one record, from the text only, with a key for each Han first character", () => {
  const stats = termStats([record("会议会议会议"), record("召开会议"), record("abc")]);
  assert.deepEqual(stats[spellTerm("会议")], [2, 3]);
  assert.deepEqual(stats[spellTerm("议会")], [1, 2]);
  assert.deepEqual(stats[spellTerm("abc")], [1, 1]);
  // 会 starts 会议 three times and 议会 never: a lone 会 at a query's end matches those three in the first record.
  assert.deepEqual(stats[spellStart("会")], [2, 3]);
  assert.equal(stats[spellTerm("纪要")], undefined, "the meta's headline is not text");
  assert.equal(prefixOfSpelled(spellTerm("abc")), undefined);
  assert.equal(prefixOfSpelled(spellTerm("𠀀字")), spellStart("𠀀"), "a character beyond the BMP is two code units");
});

test("should write shards that hold each term with every sealed bundle that has it, readable by the page's hash", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "baoku-directory-"));
  folders.push(dir);
  const bundles = [["会议召开"], ["会议"], ["志愿服务"]].map((texts, index) => ({ key: `2022-0${index + 1}`, texts }));
  for (const bundle of bundles) await writeFile(path.join(dir, `${bundle.key}.json`), JSON.stringify(termStats(bundle.texts.map((text) => record(text)))));
  const head: DirectoryHead = await writeTermDirectory(
    path.join(dir, "out"),
    "v1",
    bundles.map((bundle, index) => ({
      key: bundle.key,
      meta: `zh-cn_${index}`,
      statsFile: path.join(dir, `${bundle.key}.json`),
      stats: { records: bundle.texts.length, articles: 1, terms: 3 },
    })),
  );
  assert.deepEqual([head.bundles, head.metas, head.records, head.shards], [["2022-01", "2022-02", "2022-03"], ["zh-cn_0", "zh-cn_1", "zh-cn_2"], 3, 1]);
  const term = spellTerm("会议");
  const shard = JSON.parse(await readFile(path.join(dir, "out", "v1", `${directoryShard(term, head.shards)}.json`), "utf8")) as Record<string, number[]>;
  assert.deepEqual(shard[term], [0, 1, 1, 1, 1, 1]);
  assert.deepEqual(JSON.parse(await readFile(path.join(dir, "out", "head.json"), "utf8")), head);
  assert.equal(shardCount(0), 1);
  assert.equal(shardCount(1e9), 1024);
  assert.ok(Array.from({ length: 200 }, (_, index) => directoryShard(spellTerm(`词${index}`), 64)).every((each) => each >= 0 && each < 64));
});

test("should add a newly sealed month to the directory written before it, writing what a whole write does, byte for byte", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "baoku-directory-"));
  folders.push(dir);
  // Three months of 875 directory entries each: one month's directory has one shard, two months' and three months' two.
  const text = (seed: number) => Array.from({ length: 400 }, (_, at) => String.fromCodePoint(0x4e00 + ((at * 7919 + seed * 104_729) % 900))).join("");
  const bundles: SealedBundle[] = [];
  for (const [index, key] of ["2022-01", "2022-02", "2022-03"].entries()) {
    const statsFile = path.join(dir, `${key}.json`);
    await writeFile(statsFile, JSON.stringify(termStats([record(text(index)), record(text(index + 7))])));
    bundles.push({ key, meta: `zh-cn_${index}`, statsFile, stats: { records: 2, articles: 8 + index, terms: 2400 } });
  }
  const at = (name: string) => path.join(dir, name);
  const before = await writeTermDirectory(at("before"), "v1", bundles.slice(0, 2));
  const whole = await writeTermDirectory(at("whole"), "v2", bundles);
  assert.equal(before.shards, 2);
  assert.equal(whole.shards, 2);
  const extended = await extendTermDirectory(
    at("extended"),
    "v2",
    at("before"),
    bundles.map((bundle) => bundle.key),
    bundles[2]!,
  );
  assert.deepEqual(extended, whole);
  assert.deepEqual(await treeDigest(at("extended")), await treeDigest(at("whole")));
  // Not the directory of the months before the new one: written whole instead.
  const keys = ["2021-12", "2022-02", "2022-03"];
  assert.equal(await extendTermDirectory(at("other"), "v2", at("before"), keys, bundles[2]!), undefined);
  // A month that brings more shards than the directory before has: its terms, and the others', where their hashes say.
  assert.equal((await writeTermDirectory(at("one"), "v3", bundles.slice(0, 1))).shards, 1);
  const grown = await extendTermDirectory(at("grown"), "v1", at("one"), ["2022-01", "2022-02"], bundles[1]!);
  assert.deepEqual(grown, before);
  assert.deepEqual(await treeDigest(at("grown")), await treeDigest(at("before")));
});

test("should plan only the bundles holding every term, best bound first, and rank with the same rarity however the archive is split", () => {
  const [a, b] = [spellTerm("古楼"), spellTerm("楼街")];
  const directory = new Map([
    [
      a,
      new Map<number, [number, number]>([
        [0, [2, 1]],
        [1, [5, 4]],
        [2, [1, 1]],
      ]),
    ],
    [
      b,
      new Map<number, [number, number]>([
        [1, [5, 3]],
        [2, [1, 1]],
        [3, [9, 9]],
      ]),
    ],
  ]);
  const holding = new Map([
    [a, recordsHolding(directory.get(a)!, 1)],
    [b, recordsHolding(directory.get(b)!, 0)],
  ]);
  assert.deepEqual([holding.get(a), holding.get(b)], [9, 15]);
  const rarity = phraseRarity([[a, b]], holding, 100);
  assert.deepEqual(
    planBundles([[a, b]], directory, rarity).map((bundle) => bundle.index),
    [1, 2],
    "bundles 0 and 3 lack a term",
  );
  assert.deepEqual(
    planBundles([[a, b]], directory, rarity, (index) => index !== 1).map((bundle) => bundle.index),
    [2],
  );
  // The same records split into other bundles: the same counts, the same rarity.
  const resplit = new Map([
    [a, new Map<number, [number, number]>([[0, [8, 4]]])],
    [b, new Map<number, [number, number]>([[0, [15, 9]]])],
  ]);
  assert.deepEqual(
    phraseRarity(
      [[a, b]],
      new Map([
        [a, recordsHolding(resplit.get(a)!, 1)],
        [b, recordsHolding(resplit.get(b)!, 0)],
      ]),
      100,
    ),
    rarity,
  );
});
