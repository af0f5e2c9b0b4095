// A render worker that stops and a Pagefind that fails end the build with a problem of the catalogue, worded when it is reported in the
// language of the run, not with an error whose words were fixed in advance.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { chmod, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buildRenderPool, createRenderPool, MONTHS_RENDERED_IN_PROCESS } from "../../src/build/render-pool.ts";
import type { RenderRequest } from "../../src/build/render-part.ts";
import { indexBundle } from "../../src/build/search-index.ts";
import { formatProblem } from "../../src/messages/report.ts";
import { ProblemsError } from "../../src/problems.ts";
import { NO_RECORDS } from "../../src/build/site-parts.ts";

/** This process's render workers, by their command line. */
function renderWorkers(): number[] {
  const listed = execFileSync("ps", ["-o", "pid=,args=", "--ppid", String(process.pid)], { encoding: "utf8" });
  return listed
    .split("\n")
    .filter((line) => line.includes("render-worker"))
    .map((line) => Number.parseInt(line.trim(), 10));
}

test("should reject a part whose render worker was killed with RenderWorkerStopped, worded in either language", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "baoku-worker-stopped-"));
  const pool = createRenderPool(1);
  try {
    const request = {
      part: { key: "2022-11", templates: "month", data: NO_RECORDS },
      siteDir: path.join(dir, "site"),
      searchInputDir: path.join(dir, "search-input"),
      verbose: false,
    } as unknown as RenderRequest;
    const rendering = pool.render(request);
    const workers = renderWorkers();
    assert.equal(workers.length, 1, "the pool started its worker");
    process.kill(workers[0]!, "SIGKILL");
    const error = await rendering.then(
      () => undefined,
      (failure: unknown) => failure,
    );
    assert.ok(error instanceof ProblemsError, String(error));
    assert.equal(error.problem.kind, "RenderWorkerStopped");
    assert.deepEqual(error.problem.facts, { how: "SIGKILL", part: "2022-11" });
    assert.match(formatProblem(error.problem, "zh-CN"), /^错误 .*：渲染进程在渲染 2022-11 时停止了（SIGKILL）。.* \[RenderWorkerStopped\]$/);
    assert.match(
      formatProblem(error.problem, "en"),
      /^error .*: A render worker stopped \(SIGKILL\) while rendering part 2022-11\. .* \[RenderWorkerStopped\]$/,
    );
  } finally {
    pool.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test("should render a build of few months in its own process and start workers for more, as the build's own pool", () => {
  const few = buildRenderPool();
  const many = buildRenderPool();
  try {
    assert.equal(few.size, os.availableParallelism(), "its size, before it is told the months, is the workers'");
    few.warm(MONTHS_RENDERED_IN_PROCESS);
    assert.deepEqual([few.size, renderWorkers().length], [1, 0], "a day's build starts no worker");
    many.warm(MONTHS_RENDERED_IN_PROCESS + 1);
    assert.equal(many.size, os.availableParallelism());
    assert.equal(renderWorkers().length, Math.min(os.availableParallelism(), MONTHS_RENDERED_IN_PROCESS + 1), "workers for a larger build");
  } finally {
    few.close();
    many.close();
  }
});

test("should fail a bundle Pagefind could not index with SearchIndexFailed, quoting what Pagefind said", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "baoku-pagefind-failed-"));
  const before = process.env.PAGEFIND_BINARY_PATH;
  try {
    const pagefind = path.join(dir, "pagefind");
    await writeFile(pagefind, "#!/bin/sh\necho 'thread main panicked: out of cheese' >&2\nexit 3\n");
    await chmod(pagefind, 0o755);
    await mkdir(path.join(dir, "input"));
    process.env.PAGEFIND_BINARY_PATH = pagefind;
    const error = await indexBundle(
      [path.join(dir, "input")],
      path.join(dir, "bundle"),
      { records: 0, articles: 0, terms: 0 },
      path.join(dir, "terms.json"),
    ).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    assert.ok(error instanceof ProblemsError, String(error));
    assert.equal(error.problem.kind, "SearchIndexFailed");
    assert.match(formatProblem(error.problem, "zh-CN"), /Pagefind 没能索引稿件页面（exit code 3: thread main panicked: out of cheese）。/);
    assert.match(formatProblem(error.problem, "en"), /Pagefind could not index the article pages \(exit code 3: thread main panicked: out of cheese\)\./);
  } finally {
    if (before === undefined) delete process.env.PAGEFIND_BINARY_PATH;
    else process.env.PAGEFIND_BINARY_PATH = before;
    await rm(dir, { recursive: true, force: true });
  }
});
