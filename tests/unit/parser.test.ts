// Parser behaviour pinned by fixtures: each tests/fixtures/<case>/ holds an issues/ folder (input) and expected.json (the parsed issues and the report).
// Run with UPDATE=1 to regenerate expected.json, then review the diff.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadArchive, type Archive } from "../../src/content/archive.ts";
import { formatProblems } from "../../src/messages/report.ts";
import type { Language } from "../../src/messages/language.ts";
import { projectRoot } from "../../src/project.ts";

const fixturesDir = path.join(projectRoot, "tests", "fixtures");
/** Fixture folders that are whole sites for the build tests, not parser cases. */
const NOT_PARSER_CASES = new Set(["archive-small", "archive-years"]);

/** Loads a fixture's issues/ as an archive, with the project's own baoku.config.json beside it. */
async function loadFixture(name: string): Promise<Archive> {
  const root = await mkdtemp(path.join(os.tmpdir(), `baoku-${name}-`));
  try {
    await cp(path.join(fixturesDir, name, "issues"), path.join(root, "issues"), { recursive: true });
    await cp(path.join(projectRoot, "baoku.config.json"), path.join(root, "baoku.config.json"));
    return await loadArchive(root);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** What a fixture pins: the report's lines in Chinese (what editors read) and in English, and every issue as parsed. */
function snapshot(archive: Archive): { report: string[]; reportEn: string[]; issues: Archive["issues"] } {
  const lines = (language: Language) => formatProblems(archive.problems, language).split("\n").filter(Boolean);
  return { report: lines("zh-CN"), reportEn: lines("en"), issues: archive.issues };
}

async function matchesExpected(name: string, actual: unknown, expectedFile: string): Promise<void> {
  const json = `${JSON.stringify(actual, null, 2)}\n`;
  if (process.env.UPDATE === "1" || !existsSync(expectedFile)) {
    await writeFile(expectedFile, json);
    if (process.env.UPDATE !== "1") assert.fail(`${path.relative(projectRoot, expectedFile)} did not exist and was written; review it and run again.`);
    return;
  }
  assert.deepEqual(actual, JSON.parse(await readFile(expectedFile, "utf8")), `${name} differs from ${path.relative(projectRoot, expectedFile)}`);
}

const cases = (await readdir(fixturesDir, { withFileTypes: true }))
  .filter((entry) => entry.isDirectory() && !NOT_PARSER_CASES.has(entry.name) && existsSync(path.join(fixturesDir, entry.name, "issues")))
  .map((entry) => entry.name)
  .sort();

for (const name of cases) {
  test(`should parse fixture ${name} as expected.json says`, async () => {
    await matchesExpected(name, snapshot(await loadFixture(name)), path.join(fixturesDir, name, "expected.json"));
  });
}

test("should parse the bundled seed issue as tests/fixtures/seed.expected.json says", async () => {
  const archive = await loadArchive(projectRoot);
  await matchesExpected("seed", snapshot(archive), path.join(fixturesDir, "seed.expected.json"));
});
