// What a build prints is the build's own report, in the editors' language: nothing of Eleventy's, whose timing warnings ("[11ty]
// Benchmark …", in English) it prints in quiet mode too, when a filter takes more than 8 % of a run.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { projectRoot } from "../src/project.ts";
import { commandArgs } from "./helpers/commands.ts";

const run = promisify(execFile);

test("should print the build's report alone, rendering months in workers and the people and day pages with their phrases", async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), "baoku-build-output-"));
  try {
    // Issues of six years: more months than a build renders in its own process, so render workers start, and load jieba for the phrases.
    const contentRoot = path.join(root, "content");
    await cp(path.join(projectRoot, "tests/fixtures/archive-years"), contentRoot, { recursive: true });
    const args = commandArgs("build", "--content", contentRoot, "--output", path.join(root, "_site"), "--cache", path.join(root, "cache"));
    const { stdout, stderr } = await run(process.execPath, args, { cwd: projectRoot, env: { ...process.env, BAOKU_LANG: "" } });
    assert.match(stdout, /^已构建 \d+ 个页面/m);
    assert.deepEqual(
      `${stdout}\n${stderr}`.split("\n").filter((line) => line.includes("[11ty]")),
      [],
      "Eleventy printed nothing",
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
