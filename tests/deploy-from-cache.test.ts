// Deploying from the cache CI keeps without pages or images (src/build/ci-cache.ts): a build that makes the manifest only, from a cache
// restored without any part's pages or any image derivative, adds a day's issue to a month with photos and scans, and the deploy sends
// what changed from the cache, the earlier derivatives taken as published; the target then equals a whole build of the same issues. A
// target that lacks what the cache has not is refused with nothing sent, and a whole build from the trimmed cache is whole again. The
// first issue of a month, from the cache as the day's run kept it, seals the month before without its bundle's files or its search input.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, realpath, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite, type BuildOptions, type BuildResult } from "../src/build/build.ts";
import { testRenderPool } from "./helpers/render-pool.ts";
import { deployCacheTarArgs } from "../src/build/ci-cache.ts";
import { DEPLOY_SOURCES } from "../src/build/deploy-manifest.ts";
import { bundledText, syntheticIssue } from "../src/bench/synthetic-archive.ts";
import { deploySite } from "../src/deploy/deploy.ts";
import { ProblemsError } from "../src/problems.ts";
import { say } from "../src/messages/texts.ts";
import { formatProblem } from "../src/messages/report.ts";
import { projectRoot } from "../src/project.ts";
import { makeImageArchive } from "./helpers/image-archive.ts";
import { report } from "./helpers/report.ts";
import { treeDigest } from "./helpers/tree-digest.ts";
import { commandArgs } from "./helpers/commands.ts";

let workDir: string;
let contentRoot: string;
/** The whole site and its whole cache, as on a machine that keeps both. */
let wholeSite: string;
let wholeCache: string;
/** The target, a folder: what readers are served. */
let target: string;

async function build(options: BuildOptions): Promise<BuildResult> {
  const result = await buildSite({ renderPool: testRenderPool(), contentRoot, ...options });
  assert.ok(result.ok, report(result.problems));
  return result;
}

/** A copy of `cacheDir` as CI restores it: archived by tar without what the deploy cache leaves out, and unpacked into `into`. */
function restoreTrimmed(cacheDir: string, into: string): void {
  const archive = spawnSync("tar", deployCacheTarArgs(cacheDir), { maxBuffer: 1 << 30 });
  assert.equal(archive.status, 0, archive.stderr.toString());
  spawnSync("mkdir", ["-p", into]);
  const unpack = spawnSync("tar", ["-C", into, "-xf", "-"], { input: archive.stdout });
  assert.equal(unpack.status, 0, unpack.stderr.toString());
}

/** Files below `dir` whose path matches `pattern`. */
async function filesMatching(dir: string, pattern: RegExp): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .filter((file) => pattern.test(file));
}

before(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), "baoku-deploy-cache-"));
  contentRoot = await makeImageArchive(path.join(workDir, "content"));
  wholeSite = path.join(workDir, "whole");
  wholeCache = path.join(workDir, "whole.cache");
  target = path.join(workDir, "target");
  await build({ outputDir: wholeSite, cacheDir: wholeCache });
  await deploySite({ siteDir: wholeSite, target });
});

after(async () => {
  await rm(workDir, { recursive: true, force: true });
});

test("should leave every part's pages, every image derivative, the whole parsed issues and the search bundles' files out of the cache CI keeps for a deploy from the cache", async () => {
  const trimmed = path.join(workDir, "trimmed-check");
  restoreTrimmed(wholeCache, trimmed);
  assert.ok((await filesMatching(wholeCache, /^parts\/[^/]+\/[^/]+\/site\//)).length > 50);
  assert.ok((await filesMatching(wholeCache, /^images\//)).length > 20, "the whole cache has the derivatives");
  assert.deepEqual(await filesMatching(trimmed, /^parts\/[^/]+\/[^/]+\/site\//), []);
  assert.deepEqual(await filesMatching(trimmed, /^images\//), []);
  assert.ok((await filesMatching(wholeCache, /^parsed\/[^/]+\/[^/]+$/)).length > 0, "the whole cache has the parsed issues");
  assert.deepEqual(await filesMatching(trimmed, /^parsed\/[^/]+\/[^/]+$/), [], "the day's build parses again what it reads whole");
  assert.ok((await filesMatching(wholeCache, /^search\/[^/]+\/[^/]+\/files\//)).length > 5, "the whole cache has the bundles' files");
  assert.deepEqual(await filesMatching(trimmed, /^search\/[^/]+\/[^/]+\/files\//), [], "a sealed bundle's files are on the target already");
  assert.ok((await filesMatching(wholeCache, /^parts\/[^/]+\/[^/]+\/search-input\//)).length > 0, "the whole cache has the search input");
  assert.deepEqual(await filesMatching(trimmed, /^parts\/[^/]+\/[^/]+\/search-input\//), [], "a bundle kept needs no search input");
  for (const kept of [
    /^parsed\/index\.v8$/,
    /^parts\/[^/]+\/[^/]+\/part\.json$/,
    /^parts\/[^/]+\/[^/]+\/open-data\/bulk\.jsonl\.gz$/,
    /^search\/[^/]+\/[^/]+\/bundle\.json$/,
    /^search\/[^/]+\/[^/]+\/terms\.json$/,
    /^terms\/directory\/[^/]+\/files\/head\.json$/,
    /^deploy\/.+\.sha256$/,
  ]) {
    assert.ok((await filesMatching(trimmed, kept)).length > 0, `the trimmed cache keeps ${kept}`);
  }
});

test("should add a day's issue from the trimmed cache, encode no earlier image, send only what changed and leave the target equal to a whole build", async () => {
  const cacheDir = path.join(workDir, "day.cache");
  const siteDir = path.join(workDir, "day");
  restoreTrimmed(wholeCache, cacheDir);
  // The next day's issue, in the month whose issue has photos and scans: the month is made again, its derivatives from the manifest.
  await writeFile(path.join(contentRoot, "issues/2022/2022-11-03.md"), syntheticIssue(await bundledText(), 1482, "2022-11-03"));

  const day = await build({ outputDir: siteDir, cacheDir, manifestOnly: true });
  assert.equal(day.images?.encoded, 0, "no derivative is encoded again");
  assert.ok((day.images?.reused ?? 0) > 20, "the month's derivatives are taken as published");
  assert.deepEqual(await filesMatching(path.join(cacheDir, "images"), /./), [], "nor put in the cache");
  const held = await filesMatching(`${siteDir}/`, /./);
  assert.ok(
    held.every((file) => file.startsWith(".baoku/")),
    `a site of the manifest only holds the manifest, not ${held.find((file) => !file.startsWith(".baoku/"))}`,
  );
  assert.ok(held.includes(DEPLOY_SOURCES));

  const before = await treeDigest(target);
  // What a deploy killed while gathering its files left beside the site is cleared by the next.
  const leftover = `${await realpath(siteDir)}.stage-999999999`;
  await mkdir(path.join(leftover, "2022"), { recursive: true });
  const deployed = await deploySite({ siteDir, target });
  assert.equal(existsSync(leftover), false);
  assert.deepEqual(
    (await readdir(workDir)).filter((name) => name.includes(".stage-")),
    [],
    "nor is this deploy's own left",
  );
  await build({ outputDir: wholeSite, cacheDir: wholeCache });
  const whole = await treeDigest(wholeSite);
  assert.deepEqual(await treeDigest(target), whole, "the target is the whole site of the same issues, byte for byte");
  const sent = [...deployed.plan.assets, ...deployed.plan.newPages, ...deployed.plan.changedPages, ...deployed.plan.entryPoints];
  const changed = [...whole]
    .filter(([file, hash]) => before.get(file) !== hash && !file.startsWith(".baoku/"))
    .map(([file]) => file)
    .sort();
  assert.deepEqual(sent.sort(), changed, "exactly the files that changed are sent");
  assert.ok(
    sent.some((file) => file.startsWith("2022/11/03/")),
    "the new issue's pages are sent",
  );
  assert.deepEqual(
    sent.filter((file) => /\.(avif|webp|jpe?g|png)$/.test(file)),
    [],
    "no image is sent again",
  );

  // Nothing changed since: nothing to send.
  const again = await build({ outputDir: siteDir, cacheDir, manifestOnly: true });
  assert.equal(again.parts?.rendered, 0);
  const none = await deploySite({ siteDir, target });
  assert.equal(none.sent, 0);
  assert.equal(none.removed, 0);
});

test("should seal a month from the trimmed cache without its bundle's files, index only the new month's, and leave the target equal to a whole build", async () => {
  // The next run of CI restores the cache the day's deploy kept: the month before's bundle is there as its manifest and term statistics.
  const cacheDir = path.join(workDir, "month.cache");
  const siteDir = path.join(workDir, "month");
  restoreTrimmed(path.join(workDir, "day.cache"), cacheDir);
  await writeFile(path.join(contentRoot, "issues/2022/2022-12-01.md"), syntheticIssue(await bundledText(), 1483, "2022-12-01"));
  const month = await build({ outputDir: siteDir, cacheDir, manifestOnly: true });
  assert.equal(month.bundles?.indexed, 1, "the new month's bundle is indexed, the sealed one is taken from its manifest");
  assert.equal(month.bundles?.directory, "extended", "the month sealed is added to the directory the cache kept");
  assert.ok((await deploySite({ siteDir, target })).sent > 0);
  await build({ outputDir: wholeSite, cacheDir: wholeCache });
  assert.deepEqual(await treeDigest(target), await treeDigest(wholeSite), "the target is the whole site of the same issues");

  // A sealed bundle the cache lacks (pruned, say) is indexed again: its month, whose search input the cache left out, is made again.
  restoreTrimmed(cacheDir, `${cacheDir}-next`);
  await rm(cacheDir, { recursive: true });
  await rename(`${cacheDir}-next`, cacheDir);
  await rm(path.join(cacheDir, "search", "2022-11"), { recursive: true });
  const lacking = await build({ outputDir: siteDir, cacheDir, manifestOnly: true });
  assert.equal(lacking.bundles?.indexed, 1);
  assert.ok((lacking.parts?.rendered ?? 0) >= 1, "November is rendered again for its search input");
  await deploySite({ siteDir, target });
  assert.deepEqual(await treeDigest(target), await treeDigest(wholeSite), "the target is still the whole site");
});

test("should refuse, in Chinese and sending nothing, a first deploy of a site whose files the trimmed cache has not", async () => {
  const cacheDir = path.join(workDir, "first.cache");
  const siteDir = path.join(workDir, "first");
  restoreTrimmed(wholeCache, cacheDir);
  await build({ outputDir: siteDir, cacheDir, manifestOnly: true });
  const fresh = path.join(workDir, "fresh-target");
  const failure = await deploySite({ siteDir, target: fresh }).then(
    () => undefined,
    (error: unknown) => error,
  );
  assert.ok(failure instanceof ProblemsError, String(failure));
  assert.equal(failure.problem.kind, "DeployFilesNotInCache");
  const text = formatProblem(failure.problem, "zh-CN");
  assert.match(text, /只构建了文件清单/);
  assert.match(text, /npm run build（不带 --manifest-only）/);
  assert.match(text, /例如 2022\/11\/\S+）/, "it names a file");
  assert.deepEqual(await filesMatching(fresh, /^(?!\.baoku\/)/), [], "no file of the site reached the target");
  // The command says the same, and exits with 3, which the workflow answers with a whole build.
  const command = spawnSync(process.execPath, commandArgs("deploy", "--site", siteDir, fresh), {
    cwd: projectRoot,
    encoding: "utf8",
    env: { ...process.env, BAOKU_LANG: "zh-CN" },
  });
  assert.equal(command.status, 3, command.stderr);
  assert.match(command.stderr, /只构建了文件清单.*\[DeployFilesNotInCache\]/);
  assert.doesNotMatch(command.stderr, /at .+\.ts:\d+/, "no stack trace");
  assert.match(say("zh-CN", "buildUsage"), /--manifest-only/);
});

test("should make the whole site again from the trimmed cache when asked for the whole site", async () => {
  const cacheDir = path.join(workDir, "again.cache");
  const siteDir = path.join(workDir, "again");
  restoreTrimmed(wholeCache, cacheDir);
  const result = await build({ outputDir: siteDir, cacheDir });
  assert.ok((result.images?.encoded ?? 0) > 20, "the derivatives are encoded again");
  assert.deepEqual(await treeDigest(`${siteDir}/`), await treeDigest(`${wholeSite}/`));
  assert.equal(existsSync(path.join(siteDir, DEPLOY_SOURCES)), false);
  assert.ok((await readFile(path.join(siteDir, ".baoku/deploy.json"), "utf8")).includes("lists"));

  // The same output made the manifest only, then whole again: the site is whole, and no folder of the manifest only is left beside it.
  await build({ outputDir: siteDir, cacheDir, manifestOnly: true });
  assert.deepEqual(
    [...(await treeDigest(`${siteDir}/`)).keys()].filter((file) => !file.startsWith(".baoku/")),
    [],
  );
  await build({ outputDir: siteDir, cacheDir });
  assert.deepEqual(await treeDigest(`${siteDir}/`), await treeDigest(`${wholeSite}/`));
  assert.deepEqual(
    (await readdir(workDir)).filter((name) => name.startsWith("again.manifest-")),
    [],
  );
});
