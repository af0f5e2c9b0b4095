// A build that finds errors in the issues writes nothing: it exits non-zero, prints every problem, and leaves the output folder as it was;
// a part a render worker cannot render is a problem too, told in one line.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { projectRoot } from "../src/project.ts";
import { createRenderPool } from "../src/build/render-pool.ts";
import type { RenderRequest } from "../src/build/render-part.ts";
import { formatProblem } from "../src/messages/report.ts";
import { ProblemsError } from "../src/problems.ts";
import { commandArgs } from "./helpers/commands.ts";

const run = promisify(execFile);

/** A content root with two broken issues (a wrong 农历 and a wrong 星期) beside the bundled one, and an output folder holding an earlier site. */
async function brokenArchive(): Promise<{ root: string; contentRoot: string; outputDir: string }> {
  const root = await mkdtemp(path.join(os.tmpdir(), "baoku-broken-"));
  const contentRoot = path.join(root, "content");
  await cp(path.join(projectRoot, "issues"), path.join(contentRoot, "issues"), { recursive: true });
  await cp(path.join(projectRoot, "baoku.config.json"), path.join(contentRoot, "baoku.config.json"));
  await cp(path.join(projectRoot, "tests/fixtures/wrong-lunar/issues/2022/2022-11-02.md"), path.join(contentRoot, "issues/2022/2022-11-02.md"));
  const wrongWeekday = await readFile(path.join(projectRoot, "tests/fixtures/wrong-weekday/issues/2022/2022-11-02.md"), "utf8");
  await writeFile(
    path.join(contentRoot, "issues/2022/2022-11-03.md"),
    wrongWeekday.replace("issue: 1481", "issue: 1482").replace("2022-11-02", "2022-11-03").replace("十月初九", "十月初十"),
  );
  const outputDir = path.join(root, "site");
  await mkdir(path.join(outputDir, "2022"), { recursive: true });
  await writeFile(path.join(outputDir, "index.html"), "the earlier site");
  return { root, contentRoot, outputDir };
}

test("should exit non-zero, report every problem with file and line, and leave the output folder as it was", async () => {
  const { root, contentRoot, outputDir } = await brokenArchive();
  try {
    const failure = await run(process.execPath, commandArgs("build", "--content", contentRoot, "--output", outputDir), {
      cwd: projectRoot,
      env: { ...process.env, BAOKU_LANG: "" },
    }).then(
      () => undefined,
      (error: { code: number; stderr: string; stdout: string }) => error,
    );
    assert.ok(failure, "the build should have failed");
    assert.equal(failure.code, 1);
    assert.match(failure.stderr, /^发现 2 个问题，涉及 2 期（2 个错误，0 个警告）。$/m);
    assert.match(failure.stderr, /^错误 issues\/2022\/2022-11-02\.md:4 lunar（农历）：农历“壬寅年十月初八”与日期不符：2022-11-02 是农历壬寅年十月初九。/m);
    assert.match(failure.stderr, /^错误 issues\/2022\/2022-11-03\.md:6 weekday（星期）：星期“星期二”与日期不符：2022-11-03 是星期四。/m);
    assert.match(failure.stderr, /^网站没有构建，.*site 保持原样。$/m);
    assert.doesNotMatch(failure.stderr, /\n\s+at /, "no stack trace");
    assert.equal(await readFile(path.join(outputDir, "index.html"), "utf8"), "the earlier site");
    assert.deepEqual((await readdir(outputDir)).sort(), ["2022", "index.html"]);
    assert.deepEqual((await readdir(root)).sort(), ["content", "site"], "no staging folder is left behind");
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test("should tell a part a render worker could not render as RenderFailed, by the error's first line, with no stack trace", async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), "baoku-render-failed-"));
  const pool = createRenderPool(1);
  try {
    // A part without its records: the worker's renderPart fails on them, as it would on a template's bug.
    const request = {
      part: { key: "2022-11", templates: "month", data: {} },
      siteDir: path.join(root, "site"),
      searchInputDir: path.join(root, "search-input"),
      verbose: false,
    } as unknown as RenderRequest;
    const error = await pool.render(request).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    assert.ok(error instanceof ProblemsError, String(error));
    assert.equal(error.problem.kind, "RenderFailed");
    const told = formatProblem(error.problem, "zh-CN");
    assert.match(told, /^错误 .*：渲染 2022-11 时出错（.+）。这不是稿件的问题.* \[RenderFailed\]$/);
    assert.doesNotMatch(told, /\n/, "one line, not a stack trace");
  } finally {
    pool.close();
    await rm(root, { recursive: true, force: true });
  }
});
