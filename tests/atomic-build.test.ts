// A build killed midway leaves the published site complete, and the next build clears what the killed one left behind.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, readlink, rename, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite } from "../src/build/build.ts";
import { testRenderPool } from "./helpers/render-pool.ts";
import { fillerArchive } from "./helpers/filler-archive.ts";
import { treeDigest } from "./helpers/tree-digest.ts";
import { projectRoot } from "../src/project.ts";
import { report } from "./helpers/report.ts";
import { commandArgs } from "./helpers/commands.ts";

let workDir: string;
let bigContent: string;

before(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), "baoku-atomic-"));
  bigContent = await fillerArchive({ issues: 40, articlesPerIssue: 10, paragraphsPerArticle: 8 });
});

after(async () => {
  await rm(workDir, { recursive: true, force: true });
  await rm(bigContent, { recursive: true, force: true });
});

/** What a build leaves beside `outputDir` while it works (a link, a staging folder, the previous site), apart from the site's two copies. */
async function leftovers(outputDir: string): Promise<string[]> {
  const base = path.basename(outputDir);
  return (await readdir(path.dirname(outputDir))).filter((name) => name.startsWith(`${base}.`) && !/\.[ab]$/.test(name)).sort();
}

/** Resolves once `check` is true, polling every 10 ms, or rejects after `timeoutMs`. */
async function until(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

test("should leave the previous site complete when a build is killed while putting the new one in place, and make that copy again next time", async () => {
  const outputDir = path.join(workDir, "killed", "_site");
  const first = await buildSite({ renderPool: testRenderPool(), outputDir });
  assert.ok(first.ok, report(first.problems));
  assert.equal(await readlink(outputDir), "_site.a", "the output is a link to the copy being served");
  const before = await treeDigest(outputDir);

  const child = spawn(process.execPath, commandArgs("build", "--content", bigContent, "--output", outputDir, "--cache", path.join(workDir, "killed-cache")), {
    cwd: projectRoot,
    stdio: "ignore",
  });
  let running = true;
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once("exit", (_code, signal) => {
      running = false;
      resolve(signal);
    }),
  );
  // Midway through putting the site in place: the other copy has begun to fill. Waiting ends there or when the build ends on its own
  // (then the assertion below fails), however long a loaded machine takes; the deadline only keeps a hung build from hanging the suite.
  const otherCopy = `${outputDir}.b`;
  try {
    await until(async () => !running || existsSync(path.join(otherCopy, "2022")), 20 * 60_000, `${otherCopy} to fill`);
  } finally {
    child.kill("SIGKILL");
  }
  assert.equal(await exited, "SIGKILL", "the build should have been killed before it finished");

  assert.equal(await readlink(outputDir), "_site.a");
  assert.deepEqual(await treeDigest(outputDir), before, "the published site is exactly the previous one");

  const next = await buildSite({ renderPool: testRenderPool(), outputDir });
  assert.ok(next.ok, report(next.problems));
  assert.equal(await readlink(outputDir), "_site.b");
  assert.deepEqual(await leftovers(outputDir), [], "the next build clears what the killed one left");
  assert.deepEqual(await treeDigest(outputDir), before, "the half-made copy was made again, whole");
});

test("should put the previous site back when a build was killed between the two renames of its swap", async () => {
  const outputDir = path.join(workDir, "swap", "_site");
  await mkdir(outputDir, { recursive: true });
  await writeFile(path.join(outputDir, "index.html"), "the earlier site");
  // A process that has exited, so its id names no running build.
  const gone = spawn(process.execPath, ["-e", ""]);
  await new Promise((resolve) => gone.once("exit", resolve));
  await rename(outputDir, `${outputDir}.previous-${gone.pid}`);
  await mkdir(`${outputDir}.building-${gone.pid}`);

  // A build that stops on errors still recovers the site first, and then leaves it as it was.
  const broken = path.join(workDir, "broken");
  await mkdir(path.join(broken, "issues", "2022"), { recursive: true });
  await writeFile(path.join(broken, "baoku.config.json"), await readFile(path.join(projectRoot, "baoku.config.json")));
  await writeFile(path.join(broken, "issues", "2022", "2022-11-01.md"), "---\nissue: [\n---\n");
  const result = await buildSite({ renderPool: testRenderPool(), contentRoot: broken, outputDir });
  assert.equal(result.ok, false);
  assert.equal(await readFile(path.join(outputDir, "index.html"), "utf8"), "the earlier site");
  assert.deepEqual(await leftovers(outputDir), []);
});

test("should leave the staging folder of a build that is still running alone", async () => {
  const outputDir = path.join(workDir, "running", "_site");
  const running = `${outputDir}.building-${process.ppid}`;
  await mkdir(running, { recursive: true });
  const result = await buildSite({ renderPool: testRenderPool(), contentRoot: path.join(projectRoot, "tests", "fixtures", "archive-small"), outputDir });
  assert.ok(result.ok, report(result.problems));
  assert.deepEqual(await leftovers(outputDir), [path.basename(running)]);
});
