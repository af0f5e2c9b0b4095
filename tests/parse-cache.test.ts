// Parsed issues are kept by what parsing depends on: a file is parsed again only when its bytes, its path, the configuration or the code change.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, rm, utimes } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../src/config.ts";
import { ParseCache } from "../src/parse-cache.ts";
import { parseIssue } from "../src/parse-issue.ts";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const workDir = await mkdtemp(path.join(tmpdir(), "baoku-parse-cache-"));
after(async () => {
  await rm(workDir, { recursive: true, force: true });
});

const { config } = await loadConfig(projectRoot);
const file = "issues/2022/2022-11-01.md";
const bytes = await readFile(path.join(projectRoot, file));

/** Parses through the cache, counting the parses that actually ran. */
function counting(cache: ParseCache) {
  let parses = 0;
  return {
    parse: (name: string, input: Uint8Array) => cache.parse(name, input, () => (parses++, parseIssue(name, input, config!))),
    get parses() {
      return parses;
    },
  };
}

test("should parse a file once and give the same issue back from the cache", async () => {
  const dir = path.join(workDir, "same");
  const first = counting(new ParseCache(dir, "code-1", config!));
  const parsed = await first.parse(file, bytes);
  const second = counting(new ParseCache(dir, "code-1", config!));
  assert.deepEqual(await second.parse(file, bytes), parsed);
  assert.equal(first.parses + second.parses, 1);
  assert.equal(parsed.issue?.pages[0]?.articles[0]?.title, (await second.parse(file, bytes)).issue?.pages[0]?.articles[0]?.title);
});

test("should parse again when the bytes, the path, the configuration or the code change", async () => {
  const dir = path.join(workDir, "changes");
  await counting(new ParseCache(dir, "code-1", config!)).parse(file, bytes);
  const changedBytes = counting(new ParseCache(dir, "code-1", config!));
  await changedBytes.parse(file, Buffer.concat([bytes, Buffer.from("\n更正。\n")]));
  const changedPath = counting(new ParseCache(dir, "code-1", config!));
  await changedPath.parse("issues/2022/2022-11-02.md", bytes);
  const changedConfig = counting(new ParseCache(dir, "code-1", { ...config!, datelinePrefixes: ["本报讯"] }));
  await changedConfig.parse(file, bytes);
  const changedCode = counting(new ParseCache(dir, "code-2", config!));
  await changedCode.parse(file, bytes);
  assert.deepEqual([changedBytes.parses, changedPath.parses, changedConfig.parses, changedCode.parses], [1, 1, 1, 1]);
});

test("should prune entries no build used for an hour, and keep the ones just used", async () => {
  const dir = path.join(workDir, "prune");
  await new ParseCache(dir, "old-code", config!).parse(file, bytes, () => parseIssue(file, bytes, config!));
  const entries = async () => (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
  const [stale] = await entries();
  const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
  await utimes(stale!, twoHoursAgo, twoHoursAgo);
  const cache = new ParseCache(dir, "new-code", config!);
  await cache.parse(file, bytes, () => parseIssue(file, bytes, config!));
  await cache.prune();
  const left = await entries();
  assert.equal(left.length, 1);
  assert.notEqual(left[0], stale);
});
