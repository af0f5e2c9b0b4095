// The paper's optional repository, which every article links to for reporting an error: an http or https address only, like paper.website
// (tests/hostile-round-two.test.ts), so no setting can make a page link to javascript: or data:.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readConfig } from "../../src/content/config.ts";
import { formatProblems } from "../../src/messages/report.ts";

const CONFIG = { paper: { name: "东昌府讯", masthead: "DONGCHANGSHIXUN" }, datelinePrefixes: ["东昌府讯"], site: { baseUrl: "https://example.org/" } };

const problemsWith = (settings: Record<string, unknown>) =>
  readConfig(JSON.stringify({ ...CONFIG, ...settings })).problems.map(
    (problem) => `${problem.field} ${problem.kind} ${String((problem.facts as { rule?: string }).rule)}`,
  );

test("should take an optional repository address, http or https only, and say which rule another breaks", () => {
  assert.deepEqual(problemsWith({ repository: "https://github.com/example/dongchangfu-archive" }), []);
  assert.deepEqual(problemsWith({}), []);
  for (const repository of ["javascript:alert(1)", "git@github.com:example/archive.git", "github.com/example/archive"]) {
    assert.deepEqual(problemsWith({ repository }), ["repository InvalidConfig webAddress"], repository);
  }
  const [problem] = readConfig(JSON.stringify({ ...CONFIG, repository: "javascript:alert(1)" })).problems;
  assert.match(formatProblems([problem!], "zh-CN"), /repository：设置 repository 必须是以 http:\/\/ 或 https:\/\/ 开头的完整网址/);
});

test("should decide the run's language with the configuration: BAOKU_LANG, else the file's language even beside a wrong setting, else Chinese", () => {
  assert.equal(readConfig(JSON.stringify({ ...CONFIG, language: "en" }), {}).language, "en");
  assert.equal(readConfig(JSON.stringify({ ...CONFIG, language: "en", repository: "javascript:alert(1)" }), {}).language, "en");
  assert.equal(readConfig(JSON.stringify({ ...CONFIG, language: "en" }), { BAOKU_LANG: "zh" }).language, "zh-CN");
  assert.equal(readConfig(JSON.stringify({ ...CONFIG, language: "fr" }), {}).language, "zh-CN");
  assert.equal(readConfig('{ "language": "en",', {}).language, "zh-CN", "a file that is not JSON names no language");
  assert.equal(readConfig("{}", { BAOKU_LANG: "en" }).language, "en");
});
