// `npm run check`: every problem printed as file:line, field, what is wrong and what to do; non-zero exit on errors only.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { cp, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const run = promisify(execFile);
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Runs the check command on a fixture's issues/ with the project's configuration; returns its exit code and output. */
async function check(fixture?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  const args = ["--import", "tsx", "scripts/check.ts"];
  let root: string | undefined;
  if (fixture) {
    root = await mkdtemp(path.join(os.tmpdir(), "baoku-check-"));
    await cp(path.join(projectRoot, "tests/fixtures", fixture, "issues"), path.join(root, "issues"), { recursive: true });
    await cp(path.join(projectRoot, "baoku.config.json"), path.join(root, "baoku.config.json"));
    args.push("--content", root);
  }
  try {
    const { stdout, stderr } = await run(process.execPath, args, { cwd: projectRoot });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  } finally {
    if (root) await rm(root, { recursive: true, force: true });
  }
}

test("should pass the bundled archive", async () => {
  const result = await check();
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /^Checked 1 issue: no problems\.$/m);
});

test("should exit 1 and name file, line, field and the fix for an error", async () => {
  const result = await check("wrong-lunar");
  assert.equal(result.code, 1);
  assert.match(result.stderr, /^Found 1 problem in 1 issue \(1 error, 0 warnings\)\.$/m);
  assert.match(result.stderr, /^error issues\/2022\/2022-11-02\.md:4 lunar: .* Write lunar: 壬寅年十月初九, or correct the date if that is what is wrong\. \[LunarDateMismatch\]$/m);
});

test("should print warnings and still pass: a gap in the issue numbers", async () => {
  const result = await check("issue-number-gap");
  assert.equal(result.code, 0);
  assert.match(result.stderr, /^warning issues\/2022\/2022-11-04\.md:2 issue: 总第1484期 follows 总第1481期 \(2022-11-02\), so 2 issues \(总第1482–1483期\) are not in the archive\./m);
  assert.match(result.stdout, /^Checked 2 issues: no errors\.$/m);
});

test("should warn about an article without a byline", async () => {
  const result = await check("dateline-after-issue");
  assert.equal(result.code, 0);
  assert.match(result.stderr, /^warning issues\/2022\/2022-11-02\.md:10 byline: The article “日期晚于出版日期” has no byline\./m);
});

test("should report images that do not exist, unknown labels and too few printed pages", async () => {
  assert.match((await check("image-paths")).stderr, /\[MissingImage\]$/m);
  assert.match((await check("unknown-label")).stderr, /^error issues\/2022\/2022-11-02\.md:12 来源: “来源” is not a label\./m);
  assert.match((await check("bad-structure")).stderr, /第3版 is beyond the 2 pages the front-matter says were printed \(今日2版\)\. .* \[PageBeyondPrintedCount\]$/m);
});
