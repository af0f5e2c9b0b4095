// A build that takes unchanged parts of the site and unchanged search bundles from the cache writes the same site, byte for byte, as a
// clean build of the same input, and redoes only what the change touched.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite, type BuildResult } from "../src/build/build.ts";
import { bundledText, syntheticDate, syntheticIssue, writeSyntheticArchive } from "../src/bench/synthetic-archive.ts";
import { treeDigest } from "./helpers/tree-digest.ts";
import { report } from "./helpers/report.ts";

const workDir = await mkdtemp(path.join(tmpdir(), "baoku-incremental-"));
const contentRoot = path.join(workDir, "content");
const siteDir = path.join(workDir, "site");
const cacheDir = path.join(workDir, "cache");
/** Twelve daily issues over a new year: parts for 2021, 2022 and the archive-wide pages. */
const FIRST_DATE = "2021-12-25";
const ISSUES = 12;

after(async () => {
  await rm(workDir, { recursive: true, force: true });
});

function issueFile(index: number): string {
  const date = syntheticDate(FIRST_DATE, index);
  return path.join(contentRoot, "issues", date.slice(0, 4), `${date}.md`);
}

let cleanBuilds = 0;
/** Builds the content again from nothing and asserts the incremental site is the same tree, file for file and byte for byte. */
async function assertSameAsCleanBuild(): Promise<void> {
  const cleanSite = path.join(workDir, `clean-${++cleanBuilds}`);
  const clean = await buildSite({ contentRoot, outputDir: cleanSite, cacheDir: path.join(workDir, `clean-cache-${cleanBuilds}`) });
  assert.ok(clean.ok, report(clean.problems));
  const [incremental, expected] = [await treeDigest(siteDir), await treeDigest(cleanSite)];
  assert.deepEqual([...incremental.keys()], [...expected.keys()], "the same files");
  for (const [file, digest] of expected) assert.equal(incremental.get(file), digest, `${file} is the same`);
}

async function build(): Promise<BuildResult> {
  const result = await buildSite({ contentRoot, outputDir: siteDir, cacheDir });
  assert.ok(result.ok, report(result.problems));
  const pages = (await readdir(siteDir, { recursive: true })).filter((file) => file.endsWith(".html"));
  assert.equal(result.writtenCount, pages.length, "the build counts every page, rendered now or taken from the cache");
  return result;
}

test("should build only the parts and search bundles a change touches, into the site a clean build writes", async () => {
  await writeSyntheticArchive(contentRoot, { issues: ISSUES, firstDate: FIRST_DATE });
  const first = await build();
  assert.deepEqual(first.parts, { total: 3, rendered: 3 });
  assert.deepEqual(first.bundles, { total: 2, indexed: 2 });

  // A new issue at the end: its year (where the issue before it gains a link to it) and the archive-wide pages (calendar, home).
  await writeFile(issueFile(ISSUES), syntheticIssue(await bundledText(), ISSUES + 1, syntheticDate(FIRST_DATE, ISSUES)));
  const added = await build();
  assert.deepEqual(added.parts, { total: 3, rendered: 2 });
  assert.deepEqual(added.bundles, { total: 2, indexed: 1 });
  await assertSameAsCleanBuild();

  // A corrected article in an older year: that year and its search bundle alone.
  await appendFile(issueFile(2), "\n更正：本文作者为融媒体记者。\n");
  const corrected = await build();
  assert.deepEqual(corrected.parts, { total: 3, rendered: 1 });
  assert.deepEqual(corrected.bundles, { total: 2, indexed: 1 });
  await assertSameAsCleanBuild();

  // Nothing changed: everything from the cache.
  assert.deepEqual((await build()).parts, { total: 3, rendered: 0 });

  // The first issue of the new year withdrawn: the issue before it now links to the one after, across the years.
  await rm(issueFile(7));
  const withdrawn = await build();
  assert.deepEqual(withdrawn.parts, { total: 3, rendered: 3 });
  await assertSameAsCleanBuild();
  assert.match(await readFile(path.join(siteDir, "2021/12/31/index.html"), "utf8"), /href="\/2022\/01\/02\/"/);

  // A whole year withdrawn: its month, its search bundle, its /no/ pages and its year folder go.
  await rm(path.join(contentRoot, "issues", "2021"), { recursive: true });
  const yearWithdrawn = await build();
  assert.deepEqual(yearWithdrawn.bundles?.total, 1);
  await assertSameAsCleanBuild();
  assert.equal(existsSync(path.join(siteDir, "2021")), false);
  assert.equal(existsSync(path.join(siteDir, "no", "1")), false);
});
