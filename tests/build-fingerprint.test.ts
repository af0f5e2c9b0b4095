// A rebuild with nothing changed does nothing: the build's fingerprint covers the code that builds and the content it builds.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { appendFile, cp, mkdir, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buildFingerprint } from "../src/build/build-fingerprint.ts";
import { projectRoot } from "../src/project.ts";
import { commandArgs } from "./helpers/commands.ts";

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

test("should skip a rebuild with nothing changed, and rebuild after any change to the content, with --full, or when the output was replaced", async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), "baoku-unchanged-"));
  const contentRoot = path.join(root, "content");
  const outputDir = path.join(root, "site");
  try {
    await cp(path.join(projectRoot, "tests/fixtures/archive-small"), contentRoot, { recursive: true });
    assert.match(await build(contentRoot, outputDir), /^已构建 \d+ 个页面/m);
    const built = (await stat(outputDir)).ino;
    assert.match(await build(contentRoot, outputDir), /^自上次构建以来没有改动/m);
    assert.equal((await stat(outputDir)).ino, built, "the site was left as it was");

    await appendFile(path.join(contentRoot, "issues/2022/2022-01-04.md"), "\n新增的一段。\n");
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
