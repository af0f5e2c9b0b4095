// Parsed issues are kept by what parsing depends on: a file is parsed again only when its bytes, its path, its image folder, the
// configuration or the code change; a build reads the headers of unchanged issues from one index and whole issues only on demand.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readdir, readFile, rm, utimes } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import { loadConfig } from "../../src/content/config.ts";
import { issueHeader, type PaperConfig } from "../../src/model.ts";
import { contentHash } from "../../src/content/content-files.ts";
import { ParseCache, type FolderFile } from "../../src/content/parse-cache.ts";
import { parseIssue } from "../../src/content/parse-issue.ts";
import { projectRoot } from "../../src/project.ts";

const workDir = await mkdtemp(path.join(tmpdir(), "baoku-parse-cache-"));
after(async () => {
  await rm(workDir, { recursive: true, force: true });
});

const config = (await loadConfig(projectRoot)).config!;
const file = "issues/2022/2022-11-01.md";
const bytes = await readFile(path.join(projectRoot, file));
const photo: FolderFile = { name: "photo.jpg", size: 1000, hash: "a".repeat(64) };

/** Opens the cache in `dir`, parsing through it and counting the parses that actually ran. */
async function counting(dir: string, codeHash = "code-1", paperConfig: PaperConfig = config) {
  const cache = await ParseCache.open(dir, codeHash, paperConfig);
  let parses = 0;
  const parse = (name: string, input: Uint8Array) => async () => {
    parses++;
    return parseIssue(name, input, paperConfig);
  };
  return {
    cache,
    header: (name = file, input: Uint8Array = bytes, folder: FolderFile[] = []) =>
      cache.header(cache.keyOf(name, contentHash(input), folder), parse(name, input)),
    get parses() {
      return parses;
    },
  };
}

test("should parse a file once, and give its header from the saved index and the whole issue from the cache", async () => {
  const dir = path.join(workDir, "same");
  const first = await counting(dir);
  const parsed = await first.header();
  await first.cache.save();
  const second = await counting(dir);
  const indexed = await second.header();
  assert.deepEqual(indexed, parsed);
  assert.equal(first.parses + second.parses, 1);
  // The index keeps the credits apart, read when asked for: they are there all the same, and cross to a render worker with the header.
  assert.ok((indexed.header?.credited.length ?? 0) > 0, "the seed issue names its reporters");
  assert.deepEqual(deserialize(serialize(indexed.header)), parsed.header);
  assert.deepEqual(structuredClone(indexed.header), parsed.header);
  const whole = await second.cache.issue(second.cache.keyOf(file, contentHash(bytes), []), async () => assert.fail("read from the cache"));
  assert.deepEqual(issueHeader(whole), parsed.header);
  assert.equal(whole.pages[0]?.articles[0]?.title, parseIssue(file, bytes, config).issue?.pages[0]?.articles[0]?.title);
});

test("should parse again when the bytes, the path, the image folder, the configuration or the code change", async () => {
  const dir = path.join(workDir, "changes");
  const first = await counting(dir);
  await first.header(file, bytes, [photo]);
  await first.cache.save();
  const parsesFor = async (read: (cache: Awaited<ReturnType<typeof counting>>) => Promise<unknown>, codeHash?: string, paperConfig?: PaperConfig) => {
    const cache = await counting(dir, codeHash, paperConfig);
    await read(cache);
    return cache.parses;
  };
  assert.deepEqual(
    [
      await parsesFor((cache) => cache.header(file, bytes, [photo])),
      await parsesFor((cache) => cache.header(file, Buffer.concat([bytes, Buffer.from("\n更正。\n")]), [photo])),
      await parsesFor((cache) => cache.header("issues/2022/2022-11-02.md", bytes, [photo])),
      await parsesFor((cache) => cache.header(file, bytes, [])),
      await parsesFor((cache) => cache.header(file, bytes, [{ ...photo, hash: "b".repeat(64) }])),
      await parsesFor((cache) => cache.header(file, bytes, [photo]), "code-1", { ...config, datelinePrefixes: ["本报讯"] }),
      await parsesFor((cache) => cache.header(file, bytes, [photo]), "code-2"),
    ],
    [0, 1, 1, 1, 1, 1, 1],
  );
});

test("should prune entries no build used for an hour, and keep the ones just used", async () => {
  const dir = path.join(workDir, "prune");
  const old = await counting(dir, "old-code");
  await old.header();
  const entries = async () =>
    (await readdir(dir, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile() && !entry.name.startsWith("index"))
      .map((entry) => path.join(entry.parentPath, entry.name));
  const [stale] = await entries();
  const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
  await utimes(stale!, twoHoursAgo, twoHoursAgo);
  const current = await counting(dir, "new-code");
  await current.header();
  await current.cache.prune();
  const left = await entries();
  assert.equal(left.length, 1);
  assert.notEqual(left[0], stale);
});
