// A build that takes unchanged parts of the site and unchanged search bundles from the cache writes the same site, byte for byte, as a
// clean build of the same input, and redoes only what the change touched.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite, type BuildResult } from "../src/build/build.ts";
import { testRenderPool } from "./helpers/render-pool.ts";
import { bundledText, syntheticDate, syntheticIssue, writeSyntheticArchive } from "../src/bench/synthetic-archive.ts";
import { treeDigest } from "./helpers/tree-digest.ts";
import { report } from "./helpers/report.ts";

const workDir = await mkdtemp(path.join(tmpdir(), "baoku-incremental-"));
const contentRoot = path.join(workDir, "content");
const siteDir = path.join(workDir, "site");
const cacheDir = path.join(workDir, "cache");
/**
 * Twelve daily issues over a new year: parts for 2021-12, 2022-01, the archive-wide pages, the people pages and the day pages, and the
 * open data of 2021 and of 2022 (a year part each).
 */
const FIRST_DATE = "2021-12-25";
const ISSUES = 12;
const PARTS = 7;

after(async () => {
  await rm(workDir, { recursive: true, force: true });
});

/** Issue numbers start here, leaving room below for an issue of an earlier year added later. */
const FIRST_NUMBER = 101;

function fileOf(date: string): string {
  return path.join(contentRoot, "issues", date.slice(0, 4), `${date}.md`);
}

function issueFile(index: number): string {
  return fileOf(syntheticDate(FIRST_DATE, index));
}

/** The synthetic issue of `date`, numbered `number`. */
async function issueText(number: number, date: string): Promise<string> {
  return syntheticIssue(await bundledText(), number, date).replace(/^issue: \d+$/m, `issue: ${number}`);
}

let cleanBuilds = 0;
/** Builds the content again from nothing and asserts the incremental site is the same tree, file for file and byte for byte. */
async function assertSameAsCleanBuild(): Promise<void> {
  const cleanSite = path.join(workDir, `clean-${++cleanBuilds}`);
  const clean = await buildSite({
    renderPool: testRenderPool(),
    contentRoot,
    outputDir: cleanSite,
    cacheDir: path.join(workDir, `clean-cache-${cleanBuilds}`),
  });
  assert.ok(clean.ok, report(clean.problems));
  const [incremental, expected] = [await treeDigest(siteDir), await treeDigest(cleanSite)];
  assert.deepEqual([...incremental.keys()], [...expected.keys()], "the same files");
  for (const [file, digest] of expected) assert.equal(incremental.get(file), digest, `${file} is the same`);
}

async function build(): Promise<BuildResult> {
  const result = await buildSite({ renderPool: testRenderPool(), contentRoot, outputDir: siteDir, cacheDir });
  assert.ok(result.ok, report(result.problems));
  const pages = (await readdir(siteDir, { recursive: true })).filter((file) => file.endsWith(".html"));
  assert.equal(result.writtenCount, pages.length, "the build counts every page, rendered now or taken from the cache");
  return result;
}

/**
 * The pages of a spanning part's newest cache entry (the one the last build used), as those rendered by that build and those it took
 * from the entry before, by whether each is the same file (inode) as that entry's.
 */
async function pagesRenderedAgain(key: string): Promise<{ rendered: { file: string; text: string }[]; taken: { file: string; text: string }[] }> {
  const keyDir = path.join(cacheDir, "parts", key);
  const entries = await Promise.all(
    (await readdir(keyDir)).map(async (name) => ({ dir: path.join(keyDir, name), mtime: (await stat(path.join(keyDir, name))).mtimeMs })),
  );
  const [newest, earlier] = entries.sort((a, b) => b.mtime - a.mtime).map((entry) => path.join(entry.dir, "site"));
  assert.ok(newest && earlier, `two entries of ${key}`);
  const rendered: { file: string; text: string }[] = [];
  const taken: { file: string; text: string }[] = [];
  for (const file of (await readdir(newest, { recursive: true })).filter((name) => name.endsWith(".html"))) {
    const inode = (await stat(path.join(newest, file))).ino;
    const before = await stat(path.join(earlier, file)).catch(() => undefined);
    (before?.ino === inode ? taken : rendered).push({ file, text: await readFile(path.join(newest, file), "utf8") });
  }
  return { rendered, taken };
}

test("should build only the parts and search bundles a change touches, into the site a clean build writes", async () => {
  await writeSyntheticArchive(contentRoot, { issues: ISSUES, firstDate: FIRST_DATE });
  for (let index = 0; index < ISSUES; index++) await writeFile(issueFile(index), await issueText(FIRST_NUMBER + index, syntheticDate(FIRST_DATE, index)));
  const first = await build();
  assert.deepEqual(first.parts, { total: PARTS, rendered: PARTS });
  assert.deepEqual(first.bundles, { total: 2, indexed: 2, directory: "written" });

  // A new issue at the end, all by 郭龙君: its month (where the issue before it gains a link to it), its year's open data, the
  // archive-wide pages (calendar, home), the day pages and the people pages; the month before and its year are untouched, since 历史上的今天
  // lists earlier years only.
  await writeFile(
    issueFile(ISSUES),
    (await issueText(FIRST_NUMBER + ISSUES, syntheticDate(FIRST_DATE, ISSUES))).replace(/\(融媒体 [^)]+\)/g, "(融媒体 郭龙君)"),
  );
  const added = await build();
  assert.deepEqual(added.parts, { total: PARTS, rendered: PARTS - 2 });
  assert.deepEqual(added.bundles, { total: 2, indexed: 1, directory: "kept" });
  await assertSameAsCleanBuild();
  // Of the pages that span the archive, only those the new issue changes are rendered again: 郭龙君's, and the new issue's solar and lunar
  // days with the days beside them, which link to them; the rest are the earlier entry's files.
  const listsNewIssue = (page: { text: string }) => page.text.includes(`href="/${syntheticDate(FIRST_DATE, ISSUES).replaceAll("-", "/")}/`);
  const people = await pagesRenderedAgain("people");
  assert.deepEqual(
    people.rendered.map((page) => page.file),
    ["people/guo-longjun/index.html"],
  );
  assert.ok(people.taken.length >= 4 && !people.taken.some(listsNewIssue), `${people.taken.length} people's pages taken as they were`);
  const days = await pagesRenderedAgain("days");
  assert.equal(days.rendered.filter(listsNewIssue).length, 2, "its solar and its lunar day");
  assert.ok(days.rendered.length <= 6, days.rendered.map((page) => page.file).join(", "));
  assert.ok(days.taken.length >= 10 && !days.taken.some(listsNewIssue), `${days.taken.length} days' pages taken as they were`);

  // A corrected paragraph in an older month, the byline and title as they were: that month, its year's bulk text and its search bundle alone.
  const older = await readFile(issueFile(2), "utf8");
  await writeFile(issueFile(2), older.replace(/\n\n(\(融媒体 [^)]+\)\n*)$/, "\n\n更正：本文有一处错字，已改正。\n\n$1"));
  const corrected = await build();
  assert.deepEqual(corrected.parts, { total: PARTS, rendered: 2 });
  assert.deepEqual(corrected.bundles, { total: 2, indexed: 1, directory: "written" });
  await assertSameAsCleanBuild();

  // Nothing changed: everything from the cache.
  assert.deepEqual((await build()).parts, { total: PARTS, rendered: 0 });

  // An issue of a year before, on the day of the newest issue: that month's page lists it under 历史上的今天, so the month renders again.
  const newestDate = syntheticDate(FIRST_DATE, ISSUES);
  const yearBefore = `${Number(newestDate.slice(0, 4)) - 1}${newestDate.slice(4)}`;
  await mkdir(path.dirname(fileOf(yearBefore)), { recursive: true });
  await writeFile(fileOf(yearBefore), (await issueText(FIRST_NUMBER - 1, yearBefore)).replace(/\(融媒体 [^)]+\)/g, "(融媒体 郭龙君)"));
  const backfilled = await build();
  assert.ok(backfilled.parts!.rendered >= 3, `its own month, the archive-wide pages, the days and the newest month: ${JSON.stringify(backfilled.parts)}`);
  // Of the search bundles, its month's alone: the months after it render again for what they show of it (历史上的今天, the link from
  // the issue after it), and their search records, written from their own issues, stay the same.
  assert.deepEqual(backfilled.bundles, { total: 3, indexed: 1, directory: "written" });
  assert.match(
    await readFile(path.join(siteDir, newestDate.replaceAll("-", "/"), "index.html"), "utf8"),
    new RegExp(`href="/${yearBefore.replaceAll("-", "/")}/"`),
  );
  await assertSameAsCleanBuild();

  // A namesake of 郭龙君 (郭隆君, also guo-longjun) in a new issue: both get addresses of their own, and every month naming 郭龙君 links anew.
  await writeFile(
    issueFile(ISSUES + 1),
    (await issueText(FIRST_NUMBER + ISSUES + 1, syntheticDate(FIRST_DATE, ISSUES + 1))).replace(/\(融媒体 [^)]+\)/, "(融媒体 郭隆君)"),
  );
  const namesake = await build();
  // Re-indexed: the newest month's bundle, which holds the new issue; not the months whose links to 郭龙君 changed.
  assert.deepEqual(namesake.bundles, { total: 3, indexed: 1, directory: "kept" });
  assert.equal(existsSync(path.join(siteDir, "people", "guo-longjun", "index.html")), true, "the shared pinyin leads to both");
  assert.doesNotMatch(await readFile(path.join(siteDir, yearBefore.replaceAll("-", "/"), "1", "1", "index.html"), "utf8"), /href="\/people\/guo-longjun\/"/);
  await assertSameAsCleanBuild();

  // The first issue of the new year withdrawn: the issue before it now links to the one after, across the years.
  await rm(issueFile(7));
  const withdrawn = await build();
  assert.ok(withdrawn.parts!.rendered >= 3, JSON.stringify(withdrawn.parts));
  await assertSameAsCleanBuild();
  assert.match(await readFile(path.join(siteDir, "2021/12/31/index.html"), "utf8"), /href="\/2022\/01\/02\/"/);

  // A whole year withdrawn: its month, its search bundle, its /no/ pages and its year folder go.
  await rm(path.join(contentRoot, "issues", "2021"), { recursive: true });
  const yearWithdrawn = await build();
  assert.deepEqual(yearWithdrawn.bundles?.total, 1);
  await assertSameAsCleanBuild();
  assert.equal(existsSync(path.join(siteDir, "2021")), false);
  assert.equal(existsSync(path.join(siteDir, "no", String(FIRST_NUMBER))), false);

  // The first issue of a month: a live bundle of its own; the month before renders again (its last issue links to the new one) and is
  // sealed as it was indexed, not indexed again, and added to the term directory the build before wrote (of no month: that month was
  // then the live one), not written whole.
  const nextMonth = "2022-02-01";
  await writeFile(fileOf(nextMonth), await issueText(FIRST_NUMBER + ISSUES + 2, nextMonth));
  const firstOfMonth = await build();
  assert.deepEqual(firstOfMonth.bundles, { total: 2, indexed: 1, directory: "extended" });
  await assertSameAsCleanBuild();
});
