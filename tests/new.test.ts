// `npm run new`: the next issue's number, 星期 and 农历 are computed, the skeleton passes the pipeline, and a date that has an issue is refused.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadArchive } from "../src/content/archive.ts";
import { parseIssue } from "../src/content/parse-issue.ts";
import { hasErrors } from "../src/problems.ts";
import { formatProblems } from "../src/messages/report.ts";
import { newIssue, todayInShanghai } from "../src/new-issue.ts";
import { projectRoot } from "../src/project.ts";
import { commandArgs } from "./helpers/commands.ts";

const run = promisify(execFile);

/** Runs `npm run new` on `contentRoot`; the result's code is 0 on success. */
async function runNew(args: string[], contentRoot: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(process.execPath, commandArgs("new", ...args, "--content", contentRoot), {
    cwd: projectRoot,
    env: { ...process.env, BAOKU_LANG: "" },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

/** A content root with the paper's configuration and, unless `empty`, the bundled issue 总第1480期 of 2022-11-01. */
async function withContentRoot(options: { empty: boolean }, body: (root: string) => Promise<void>): Promise<void> {
  const root = await mkdtemp(path.join(os.tmpdir(), "baoku-new-"));
  try {
    await cp(path.join(projectRoot, "baoku.config.json"), path.join(root, "baoku.config.json"));
    if (!options.empty) await cp(path.join(projectRoot, "issues/2022/2022-11-01.md"), path.join(root, "issues/2022/2022-11-01.md"));
    await body(root);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

test("should number the next issue one after the latest, with its 星期 and 农历 computed", async () => {
  const { issues } = await loadArchive(projectRoot);
  const issue = newIssue("2022-11-02", 4, issues, "en");
  assert.equal(issue.number, 1481);
  assert.equal(issue.file, "issues/2022/2022-11-02.md");
  assert.match(issue.markdown, /^---\nissue: 1481\ndate: 2022-11-02\nlunar: 壬寅年十月初九\nweekday: 星期三\npages: 4\n---\n/);
  assert.deepEqual(issue.markdown.match(/^# .*$/gm), ["# 第1版", "# 第2版", "# 第3版", "# 第4版"]);
  assert.deepEqual(issue.notes, []);
});

test("should number the first issue of an empty archive 1", () => {
  assert.equal(newIssue("2024-02-10", 8, [], "en").number, 1);
  assert.match(newIssue("2024-02-10", 8, [], "en").markdown, /^lunar: 甲辰年正月初一\nweekday: 星期六\npages: 8$/m);
});

test("should tell the editor to check a number guessed for a date before every issue", async () => {
  const { issues } = await loadArchive(projectRoot);
  const issue = newIssue("2022-10-31", 4, issues, "en");
  assert.equal(issue.number, 1479);
  assert.deepEqual(issue.notes, [
    "No issue comes before 2022-10-31, so 总第1479期 is one less than issues/2022/2022-11-01.md's; check it against the printed masthead.",
  ]);
});

test("should take today's date in Beijing time", () => {
  assert.equal(todayInShanghai(new Date("2022-10-31T16:30:00Z")), "2022-11-01");
  assert.equal(todayInShanghai(new Date("2022-11-01T15:59:00Z")), "2022-11-01");
});

test("should scaffold today's issue, in Beijing time, when no --date is given", async () => {
  await withContentRoot({ empty: true }, async (root) => {
    const { code, stderr } = await runNew([], root);
    assert.equal(code, 0, stderr);
    const today = todayInShanghai();
    assert.ok(existsSync(path.join(root, `issues/${today.slice(0, 4)}/${today}.md`)));
  });
});

test("should write a skeleton that passes the pipeline's checks, warning only about the empty pages", async () => {
  await withContentRoot({ empty: false }, async (root) => {
    const { code, stdout, stderr } = await runNew(["--date", "2022-11-02", "--pages", "2"], root);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^已写入 issues\/2022\/2022-11-02\.md：总第1481期，2022-11-02 星期三，农历壬寅年十月初九，2 个版。$/m);
    assert.match(
      await readFile(path.join(root, "issues/2022/2022-11-02.md"), "utf8"),
      /^<!--\n每篇稿件写在它所在的版下面：/m,
      "the scaffold's comment is in Chinese",
    );
    const file = "issues/2022/2022-11-02.md";
    const { config } = await loadArchive(root);
    const { issue, problems } = parseIssue(file, await readFile(path.join(root, file)), config!);
    assert.ok(!hasErrors(problems), formatProblems(problems, "en"));
    assert.deepEqual(
      problems.map((problem) => problem.kind),
      ["EmptyPage", "EmptyPage"],
    );
    assert.deepEqual(
      issue?.pages.map((page) => page.number),
      [1, 2],
    );
  });
});

test("should refuse a date that already has an issue and leave it as it was", async () => {
  await withContentRoot({ empty: false }, async (root) => {
    const before = await readFile(path.join(root, "issues/2022/2022-11-01.md"), "utf8");
    const { code, stderr } = await runNew(["--date", "2022-11-01"], root);
    assert.equal(code, 1);
    assert.equal(
      stderr.trim(),
      "2022-11-01 已经有一期了（issues/2022/2022-11-01.md），所以什么也没有写入。请编辑那个文件，或者用 --date 年-月-日 换一个日期。",
    );
    assert.equal(await readFile(path.join(root, "issues/2022/2022-11-01.md"), "utf8"), before);
  });
});

test("should refuse a --date that is not a real YYYY-MM-DD date", async () => {
  await withContentRoot({ empty: true }, async (root) => {
    const wrongForm = await runNew(["--date", "2022-11-1"], root);
    assert.equal(wrongForm.code, 1);
    assert.match(wrongForm.stderr, /^--date 2022-11-1 不是“年-月-日”写法的日期，例如 2022-11-02。$/m);
    const impossible = await runNew(["--date", "2023-02-29"], root);
    assert.match(impossible.stderr, /^--date 2023-02-29：日历上没有这一天。$/m);
    assert.equal(existsSync(path.join(root, "issues")), false);
  });
});
