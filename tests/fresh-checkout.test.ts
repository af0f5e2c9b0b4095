// CI checks the archive out afresh on every run: every file has a new time and inode, and the same bytes. A build there from the cache
// the last run kept makes nothing again: an issue's photos and scans are known by their bytes, not their times (parse-cache.ts: keyOf).
// Before, a month with photos was parsed and rendered again on every run. (Which files git vouches for, so that a large archive is not
// read again, is tests/unit/content-stamps.test.ts's: this archive is small enough to be read.)
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rename, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite, type BuildOptions, type BuildResult } from "../src/build/build.ts";
import { readStamps } from "../src/build/content-stamps.ts";
import { commitAll, git } from "./helpers/git-archive.ts";
import { makeImageArchive } from "./helpers/image-archive.ts";
import { testRenderPool } from "./helpers/render-pool.ts";
import { report } from "./helpers/report.ts";
import { treeDigest } from "./helpers/tree-digest.ts";

const workDir = await mkdtemp(path.join(tmpdir(), "baoku-fresh-checkout-"));
const contentRoot = path.join(workDir, "content");
const cacheDir = path.join(workDir, "cache");

after(async () => {
  await rm(workDir, { recursive: true, force: true });
});

async function build(outputDir: string, options: Partial<BuildOptions> = {}): Promise<BuildResult> {
  const result = await buildSite({ renderPool: testRenderPool(), contentRoot, outputDir: path.join(workDir, outputDir), cacheDir, ...options });
  assert.ok(result.ok, report(result.problems));
  return result;
}

/** The content root made again at the same path by `make`, as a new checkout is: the same bytes, other times and inodes. */
async function checkedOutAgain(make: (into: string) => Promise<void>): Promise<void> {
  const into = `${contentRoot}-next`;
  await make(into);
  await rm(contentRoot, { recursive: true });
  await rename(into, contentRoot);
}

test("should make nothing again in a fresh checkout of the same archive, with git and without", async () => {
  await makeImageArchive(contentRoot);
  await commitAll(contentRoot, "archive", "2022-11-02T08:00:00+08:00");
  const first = await build("first");
  assert.ok((first.images?.encoded ?? 0) > 20);
  const site = await treeDigest(path.join(workDir, "first"));
  const stampsOf = async () =>
    Object.entries((await readStamps(cacheDir, contentRoot))?.files ?? {})
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([, stamp]) => stamp);

  // A clone, as actions/checkout makes.
  const origin = path.join(workDir, "origin");
  await rename(contentRoot, origin);
  await git(workDir, ["clone", "-q", origin, contentRoot]);
  const before = await stampsOf();
  const cloned = await build("cloned");
  assert.equal(cloned.parts?.rendered, 0, "no part is made again");
  assert.equal(cloned.images?.encoded, 0);
  assert.deepEqual(await treeDigest(path.join(workDir, "cloned")), site);
  const after = await stampsOf();
  assert.deepEqual(
    after.map((stamp) => stamp.hash),
    before.map((stamp) => stamp.hash),
  );
  assert.ok(
    after.every((stamp, index) => stamp.ino !== before[index]!.ino),
    "each stamp now has the checkout's inode",
  );

  // A copy without git (another CI, a tarball): every file is read again, and known by its bytes.
  await checkedOutAgain(async (into) => {
    await cp(contentRoot, into, { recursive: true, filter: (source) => !source.includes(`${path.sep}.git`) });
  });
  const copied = await build("copied");
  assert.equal(copied.parts?.rendered, 0, "no part is made again");
  assert.deepEqual(await treeDigest(path.join(workDir, "copied")), site);
  assert.match(await readFile(path.join(workDir, "copied", "2022", "11", "02", "index.html"), "utf8"), /<img/);
});
