// `npm run check`: every problem printed as file:line, field, what is wrong and what to do; non-zero exit on errors only.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { projectRoot } from "../src/project.ts";
import { commandArgs, loadedPackages, argsReportingPackages, npmCommandArgs } from "./helpers/commands.ts";
import { smallArchive } from "./helpers/small-archive.ts";
import { treeDigest } from "./helpers/tree-digest.ts";

const run = promisify(execFile);

/** Runs the check command (the suite's bundle of it, or as `npm run check` does, from src/run-command.mjs's bundle) on a fixture's issues/ with the project's configuration (and `language` set in it); returns its exit code and output. */
async function check(
  fixture?: string,
  { language, env, through = "bundle" }: { language?: string; env?: NodeJS.ProcessEnv; through?: "bundle" | "npm" } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const args = through === "npm" ? npmCommandArgs("check") : commandArgs("check");
  let root: string | undefined;
  if (fixture) {
    root = await mkdtemp(path.join(os.tmpdir(), "baoku-check-"));
    await cp(path.join(projectRoot, "tests/fixtures", fixture, "issues"), path.join(root, "issues"), { recursive: true });
    const config = JSON.parse(await readFile(path.join(projectRoot, "baoku.config.json"), "utf8")) as Record<string, unknown>;
    await writeFile(path.join(root, "baoku.config.json"), JSON.stringify({ ...config, ...(language && { language }) }));
    args.push("--content", root);
  }
  try {
    const { stdout, stderr } = await run(process.execPath, args, { cwd: projectRoot, env: { ...process.env, BAOKU_LANG: "", ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  } finally {
    if (root) await rm(root, { recursive: true, force: true });
  }
}

test("should pass the bundled archive, and say so in Chinese", async () => {
  const result = await check();
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /^已检查 1 期：没有问题。$/m);
});

test("should print and exit the same as npm run check runs it (src/run-command.mjs) as through the bundle the other command tests run", async () => {
  for (const fixture of [undefined, "wrong-lunar"])
    assert.deepEqual(await check(fixture, { through: "npm" }), await check(fixture), fixture ?? "the bundled archive");
});

test("should exit 1 and name file, line, field and the fix for an error, in Chinese", async () => {
  const result = await check("wrong-lunar");
  assert.equal(result.code, 1);
  assert.match(result.stderr, /^发现 1 个问题，涉及 1 期（1 个错误，0 个警告）。$/m);
  assert.match(
    result.stderr,
    /^错误 issues\/2022\/2022-11-02\.md:4 lunar（农历）：农历“壬寅年十月初八”与日期不符：2022-11-02 是农历壬寅年十月初九。改为 lunar: 壬寅年十月初九；如果错的是日期，就改正 date。 \[LunarDateMismatch\]$/m,
  );
});

test('should speak English when the paper\'s configuration says "language": "en", and when BAOKU_LANG=en says so for one run', async () => {
  for (const result of [await check("wrong-lunar", { language: "en" }), await check("wrong-lunar", { env: { BAOKU_LANG: "en" } })]) {
    assert.match(result.stderr, /^Found 1 problem in 1 issue \(1 error, 0 warnings\)\.$/m);
    assert.match(
      result.stderr,
      /^error issues\/2022\/2022-11-02\.md:4 lunar: .* Write lunar: 壬寅年十月初九, or correct the date if that is what is wrong\. \[LunarDateMismatch\]$/m,
    );
  }
  const chinese = await check("wrong-lunar", { language: "en", env: { BAOKU_LANG: "zh" } });
  assert.match(chinese.stderr, /^发现 1 个问题/m, "BAOKU_LANG wins over the configuration");
});

test("should print warnings and still pass: a gap in the issue numbers", async () => {
  const result = await check("issue-number-gap");
  assert.equal(result.code, 0);
  assert.match(
    result.stderr,
    /^警告 issues\/2022\/2022-11-04\.md:2 issue（期号）：总第1484期排在总第1481期（2022-11-02）之后，报库里缺了 2 期（总第1482–1483期）。/m,
  );
  assert.match(result.stdout, /^已检查 2 期：没有错误。$/m);
});

test("should warn about an article without a byline", async () => {
  const result = await check("dateline-after-issue");
  assert.equal(result.code, 0);
  assert.match(result.stderr, /^警告 issues\/2022\/2022-11-02\.md:10 署名：稿件“日期晚于出版日期”没有署名。/m);
});

test("should report images that do not exist, unknown labels and too few printed pages", async () => {
  assert.match((await check("image-paths")).stderr, /\[MissingImage\]$/m);
  assert.match((await check("unknown-label")).stderr, /^错误 issues\/2022\/2022-11-02\.md:12 来源：“来源”不是标签。/m);
  assert.match((await check("bad-structure")).stderr, /第3版超出了文件头写的版数（今日2版）。.* \[PageBeyondPrintedCount\]$/m);
});

test("should refuse an unknown option with the usage line, in Chinese", async () => {
  const result = await run(process.execPath, npmCommandArgs("check", "--contents", "x"), {
    cwd: projectRoot,
    env: { ...process.env, BAOKU_LANG: "" },
  }).then(
    () => undefined,
    (error: { code: number; stderr: string }) => error,
  );
  assert.equal(result?.code, 1);
  assert.equal(result?.stderr.trim(), "不认识的选项 --contents。\n用法：npm run check -- [--content <目录>] [--cache <目录>] [--allow-empty]");
});

test("should take the issues a build parsed from its cache, parse only those changed, and leave the cache as it was", async () => {
  const { root, contentRoot, outputDir, cacheDir } = await smallArchive("baoku-check-cache-");
  const checkLoading = async () => {
    const args = argsReportingPackages("check", "--content", contentRoot, "--cache", cacheDir);
    const result = await run(process.execPath, args, { cwd: projectRoot, env: { ...process.env, BAOKU_LANG: "" } }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    return { ...result, loaded: loadedPackages(result.stderr) };
  };
  try {
    await run(process.execPath, commandArgs("build", "--content", contentRoot, "--output", outputDir, "--cache", cacheDir), {
      cwd: projectRoot,
    });
    const cached = await treeDigest(cacheDir);

    const unchanged = await checkLoading();
    assert.equal(unchanged.code, 0, unchanged.stderr);
    assert.match(unchanged.stdout, /^已检查 4 期/m);
    for (const name of ["unified", "remark-parse", "gray-matter"]) assert.ok(!unchanged.loaded.has(name), `${name} was loaded: an issue was parsed`);
    // Run from the bundle made on the first run for this version of the code, not compiled again (src/run-command.mjs).
    for (const name of ["tsx", "esbuild"]) assert.ok(!unchanged.loaded.has(name), `${name} was loaded: the command was compiled again`);

    // The day's issue, with a mistake in it: parsed, and told as a check without the cache tells it.
    const file = path.join(contentRoot, "issues/2022/2022-01-04.md");
    await writeFile(file, (await readFile(file, "utf8")).replace(/^lunar: .*$/m, "lunar: 辛丑年腊月初一"));
    const changed = await checkLoading();
    assert.equal(changed.code, 1);
    assert.ok(changed.loaded.has("unified"));
    assert.match(changed.stderr, /^错误 issues\/2022\/2022-01-04\.md:4 lunar（农历）：农历“辛丑年腊月初一”与日期不符/m);
    assert.deepEqual(await treeDigest(cacheDir), cached, "a check writes nothing to the build's cache");
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
