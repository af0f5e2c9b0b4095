// A rebuild with nothing changed does nothing: the build's fingerprint covers the code that builds and the content it builds.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { appendFile, mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buildFingerprint } from "../src/build/build-fingerprint.ts";
import { projectRoot } from "../src/project.ts";
import { commandArgs, loadedPackages, argsReportingPackages } from "./helpers/commands.ts";
import { smallArchive } from "./helpers/small-archive.ts";

const run = promisify(execFile);

async function build(contentRoot: string, outputDir: string, ...flags: string[]): Promise<string> {
  // A cache of the test's own: builds of other files running at the same time share the project's .cache, and one's pruning of the deploy
  // lists raced this file's publishing (a link to a list gone, seen once with the bundled commands' timing).
  const cacheDir = path.join(path.dirname(outputDir), "cache");
  const { stdout } = await run(process.execPath, commandArgs("build", "--content", contentRoot, "--output", outputDir, "--cache", cacheDir, ...flags), {
    cwd: projectRoot,
    env: { ...process.env, BAOKU_LANG: "" },
  });
  return stdout;
}

/** Runs `npm run build` as npm runs it (src/run-command.mjs, not the suite's bundle), with the packages it loads printed at its exit. */
async function buildLoading(contentRoot: string, outputDir: string): Promise<{ stdout: string; loaded: Set<string> }> {
  const cacheDir = path.join(path.dirname(outputDir), "cache");
  const args = argsReportingPackages("build", "--content", contentRoot, "--output", outputDir, "--cache", cacheDir);
  const { stdout, stderr } = await run(process.execPath, args, { cwd: projectRoot, env: { ...process.env, BAOKU_LANG: "" } });
  return { stdout, loaded: loadedPackages(stderr) };
}

// One archive and one cold build for every case: the cold build is most of the file's time.
test("should skip a rebuild with nothing changed without loading what a build needs, and rebuild after any change to the content (its size and time kept too), with --full, or when the output was replaced", async () => {
  const { root, contentRoot, outputDir } = await smallArchive("baoku-unchanged-");
  try {
    const first = await buildLoading(contentRoot, outputDir);
    assert.match(first.stdout, /^已构建 \d+ 个页面/m);
    assert.ok(first.loaded.has("zod"), "a build validates the configuration and the issues with zod: the hook sees what is loaded");
    const built = (await stat(outputDir)).ino;
    const again = await buildLoading(contentRoot, outputDir);
    assert.match(again.stdout, /^自上次构建以来没有改动/m);
    for (const name of ["zod", "@11ty/eleventy", "sharp", "pagefind", "unified", "gray-matter"]) assert.ok(!again.loaded.has(name), `${name} was loaded`);
    assert.equal((await stat(outputDir)).ino, built, "the site was left as it was");

    // An edit that keeps the file's size and sets its time back (as `touch -d` does) still changes its ctime: the file is read again.
    const file = path.join(contentRoot, "issues/2022/2022-01-04.md");
    const before = await stat(file);
    const text = await readFile(file, "utf8");
    await writeFile(file, text.replace("东昌府", "聊城市"));
    await utimes(file, before.atime, before.mtime);
    assert.equal((await stat(file)).size, before.size);
    assert.match(await build(contentRoot, outputDir), /^已构建 \d+ 个页面/m);

    await appendFile(file, "\n新增的一段。\n");
    assert.match(await build(contentRoot, outputDir), /^已构建 \d+ 个页面/m);
    assert.match(await build(contentRoot, outputDir, "--full"), /^已构建 \d+ 个页面/m);

    await rm(outputDir, { recursive: true });
    await mkdir(outputDir);
    await writeFile(path.join(outputDir, "index.html"), "something else");
    assert.match(await build(contentRoot, outputDir), /^已构建 \d+ 个页面/m);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test("should change the fingerprint when the code that builds changes, and only then", async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), "baoku-fingerprint-"));
  try {
    await mkdir(path.join(root, "templates"), { recursive: true });
    await writeFile(path.join(root, "templates/page.njk"), "<p>{{ x }}</p>");
    await mkdir(path.join(root, "issues"));
    const code = ["templates"];
    const first = await buildFingerprint(root, root, code);
    assert.equal(await buildFingerprint(root, root, code), first);
    await writeFile(path.join(root, "templates/page.njk"), "<p>{{ y }}</p>");
    assert.notEqual(await buildFingerprint(root, root, code), first);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
