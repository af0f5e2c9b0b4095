// 更正于 comes from the archive's git history: the lines of an issue file changed after its first commit, dated by their commit; and
// without a usable history (no repository, a shallow clone, an untracked file, no git at all) there is nothing, never a failure.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { historyVersion, readHistory } from "../../src/content/history.ts";
import { commitAll, git } from "../helpers/git-archive.ts";

const workDir = await mkdtemp(path.join(tmpdir(), "baoku-history-"));
after(() => rm(workDir, { recursive: true, force: true }));

const FILE = "issues/2022/2022-11-01.md";
const ISSUE = [
  "---",
  "issue: 1480",
  "date: 2022-11-01",
  "lunar: 壬寅年十月初八",
  "pages: 1",
  "---",
  "",
  "# 第1版",
  "",
  "## 甲",
  "",
  "正文甲。",
  "",
  "## 乙",
  "",
  "正文乙。",
  "",
].join("\n");

/** A repository holding one issue file committed on 2022-11-01, Beijing time. */
async function repository(name: string): Promise<string> {
  const root = path.join(workDir, name);
  await mkdir(path.join(root, "issues", "2022"), { recursive: true });
  await writeFile(path.join(root, FILE), ISSUE);
  await commitAll(root, "2022-11-01 期", "2022-11-01T20:00:00+08:00");
  return root;
}

test("should date each line changed after the file's first commit by its commit, in the committer's time zone", async () => {
  const root = await repository("corrected");
  // 01:30 in Beijing is still the day before in UTC: the date is the one the editor saw.
  await writeFile(path.join(root, FILE), ISSUE.replace("正文乙。", "正文乙，已更正。"));
  await git(root, ["commit", "--quiet", "--all", "--message", "更正"], "2022-11-05T01:30:00+08:00");
  assert.notEqual(await historyVersion(root), "");
  assert.deepEqual([...(await readHistory(root, [FILE]))], [[FILE, [[16, "2022-11-05"]]]]);
});

test("should not count lines being edited and not yet committed, nor files with one commit only", async () => {
  const root = await repository("uncommitted");
  await writeFile(path.join(root, FILE), ISSUE.replace("正文甲。", "正文甲，改动中。"));
  assert.deepEqual([...(await readHistory(root, [FILE]))], []);
});

test("should find nothing for a file git does not track", async () => {
  const root = await repository("untracked");
  await writeFile(path.join(root, "issues", "2022", "2022-11-02.md"), ISSUE);
  assert.deepEqual([...(await readHistory(root, ["issues/2022/2022-11-02.md"]))], []);
});

test("should find nothing in a shallow clone, whose first commit is not the file's", async () => {
  const root = await repository("deep");
  await writeFile(path.join(root, FILE), ISSUE.replace("正文乙。", "正文乙，已更正。"));
  await git(root, ["commit", "--quiet", "--all", "--message", "更正"], "2022-11-05T10:00:00+08:00");
  const shallow = path.join(workDir, "shallow");
  await git(workDir, ["clone", "--quiet", "--depth", "1", `file://${root}`, shallow]);
  assert.equal(await readFile(path.join(shallow, FILE), "utf8"), ISSUE.replace("正文乙。", "正文乙，已更正。"));
  assert.equal(await historyVersion(shallow), "");
  assert.deepEqual([...(await readHistory(shallow, [FILE]))], []);
});

test("should find nothing, and not fail, outside a repository or without git", async () => {
  const plain = path.join(workDir, "plain");
  await mkdir(path.join(plain, "issues", "2022"), { recursive: true });
  await writeFile(path.join(plain, FILE), ISSUE);
  assert.equal(await historyVersion(plain), "");
  assert.deepEqual([...(await readHistory(plain, [FILE]))], []);
  const root = await repository("no-git");
  const searchPath = process.env.PATH;
  process.env.PATH = "";
  try {
    assert.equal(await historyVersion(root), "");
    assert.deepEqual([...(await readHistory(root, [FILE]))], []);
  } finally {
    process.env.PATH = searchPath;
  }
});
