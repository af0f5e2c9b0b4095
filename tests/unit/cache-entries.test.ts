// A cache entry's life (src/build/cache-entries.ts): made once under a temporary name and put in place, taken again while sound,
// made again when damaged, never left half made, and removed once no build has used it for a while; and the build's counts add up.
import assert from "node:assert/strict";
import { mkdir, mkdtemp, readdir, rm, stat, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { entryInSite, pruneUnused, readyEntry, recordFiles, type Manifest } from "../../src/build/cache-entries.ts";
import { bundleEntry, type BundleEntry } from "../../src/build/cache-layout.ts";
import { counted, sumCounts } from "../../src/build/render-counts.ts";

const root = await mkdtemp(path.join(os.tmpdir(), "baoku-cache-entries-"));
after(() => rm(root, { recursive: true, force: true }));
let entries = 0;

/** A fresh entry's place, and a life for it whose `make` writes `text` into its files/ and counts its calls. */
function lifeOf(text = "pagefind") {
  const entry = bundleEntry(path.join(root, `key-${++entries}`, "abc123"));
  const calls: string[] = [];
  return {
    entry,
    calls,
    life: {
      entry,
      at: bundleEntry,
      verification: "cheap" as const,
      make: async (temporary: BundleEntry) => {
        calls.push(temporary.dir);
        await mkdir(temporary.files, { recursive: true });
        await writeFile(path.join(temporary.files, "index.js"), text);
        return { manifest: { files: await recordFiles(temporary.dir, ["files"]) }, work: { made: text } };
      },
    },
  };
}

test("should make an entry the cache lacks under a temporary name, then put it in place with its manifest", async () => {
  const { entry, calls, life } = lifeOf();
  const ready = await readyEntry(life);
  assert.equal(calls.length, 1);
  assert.notEqual(calls[0], entry.dir, "made beside its place, not in it");
  assert.deepEqual(ready.work, { made: "pagefind" });
  assert.equal(ready.remade, false);
  assert.deepEqual(
    ready.manifest?.files.map((file) => file.path),
    ["files/index.js"],
  );
  assert.deepEqual(await readdir(path.dirname(entry.dir)), [path.basename(entry.dir)], "no temporary folder left");
  assert.deepEqual(entryInSite(entry.files, "pagefind/x", ready), { from: entry.files, to: "pagefind/x", remade: false });
});

test("should take a sound entry from the cache without making it, and mark it used", async () => {
  const { entry, calls, life } = lifeOf();
  await readyEntry(life);
  const long = new Date(Date.now() - 3 * 60 * 60 * 1000);
  await utimes(entry.dir, long, long);
  const ready = await readyEntry(life);
  assert.equal(calls.length, 1, "made once");
  assert.equal(ready.work, undefined);
  assert.equal(ready.remade, false);
  assert.ok((await stat(entry.dir)).mtimeMs > long.getTime() + 60_000, "touched");
});

test("should make again an entry whose file changed, and say so", async () => {
  const { entry, calls, life } = lifeOf();
  await readyEntry(life);
  await writeFile(path.join(entry.files, "index.js"), "damaged in the cache");
  const ready = await readyEntry(life);
  assert.equal(calls.length, 2);
  assert.equal(ready.remade, true);
  assert.equal(ready.manifest?.files[0]?.size, "pagefind".length);
});

test("should leave a changed file alone when the life leaves it unchecked", async () => {
  const { entry, calls, life } = lifeOf();
  await readyEntry(life);
  await writeFile(path.join(entry.files, "index.js"), "not checked");
  const ready = await readyEntry({ ...life, unchecked: (file) => file.path.startsWith("files/") });
  assert.equal(calls.length, 1);
  assert.equal(ready.remade, false);
});

test("should leave nothing behind when the entry cannot be made", async () => {
  const { entry, life } = lifeOf();
  const ready = await readyEntry<BundleEntry, Manifest, string>({
    ...life,
    make: async (temporary) => {
      await mkdir(temporary.files, { recursive: true });
      await writeFile(path.join(temporary.files, "half.js"), "half");
      return { work: "could not" };
    },
  });
  assert.deepEqual(ready, { work: "could not", remade: false });
  assert.deepEqual(await readdir(path.dirname(entry.dir)), []);
});

test("should keep the entry a build sharing the cache put in place first", async () => {
  const first = lifeOf("first");
  const second = { ...lifeOf("second").life, entry: first.entry };
  const ready = await readyEntry({
    ...second,
    make: async (temporary: BundleEntry) => {
      await readyEntry(first.life);
      return second.make(temporary);
    },
  });
  assert.equal(ready.manifest?.files[0]?.size, "first".length, "the manifest of the entry in place");
  assert.deepEqual(await readdir(path.dirname(first.entry.dir)), [path.basename(first.entry.dir)]);
});

test("should remove only the entries no build used for an hour, and keys left empty", async () => {
  const cache = path.join(root, "prune");
  const dir = (key: string, hash: string) => path.join(cache, key, hash);
  for (const each of [dir("a", "used"), dir("a", "recent"), dir("a", "old"), dir("b", "old")]) await mkdir(each, { recursive: true });
  const long = new Date(Date.now() - 2 * 60 * 60 * 1000);
  for (const each of [dir("a", "used"), dir("a", "old"), dir("b", "old")]) await utimes(each, long, long);
  await pruneUnused(cache, new Set([dir("a", "used")]));
  assert.deepEqual((await readdir(cache)).sort(), ["a"]);
  assert.deepEqual((await readdir(path.join(cache, "a"))).sort(), ["recent", "used"]);
});

test("should add up the counts of every step", () => {
  const sum = sumCounts([
    counted({ parts: 1, rendered: 1, pages: 3, renderSeconds: 0.5 }),
    counted({ parts: 1, pages: 2, reused: 4 }),
    counted({ bundles: 1, indexed: 1 }),
  ]);
  assert.deepEqual(sum, counted({ parts: 2, rendered: 1, pages: 5, reused: 4, bundles: 1, indexed: 1, renderSeconds: 0.5 }));
  assert.deepEqual(sumCounts([]), counted());
});
