// baoku.config.json is read once a command, by one reader (content/config-peek.ts, which content/config.ts validates what it read with),
// which also decides the language the command speaks: a build that stops on a content error reads it once (counted with spies on
// node:fs), and no other module reads it or decides a language.
import { test, mock } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import fsPromises from "node:fs/promises";
import { syncBuiltinESMExports } from "node:module";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { buildSite } from "../../src/build/build.ts";
import type { RenderPool } from "../../src/build/render-pool.ts";
import { loadArchive } from "../../src/content/archive.ts";
import { CONFIG_FILE, loadConfig } from "../../src/content/config.ts";
import { projectRoot } from "../../src/project.ts";

/** An archive of one issue whose 农历 is wrong, with the project's configuration in English: a build stops before rendering. */
async function brokenArchive(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), "baoku-config-once-"));
  await cp(path.join(projectRoot, "tests", "fixtures", "wrong-lunar", "issues"), path.join(root, "issues"), { recursive: true });
  const config = JSON.parse(await readFile(path.join(projectRoot, CONFIG_FILE), "utf8")) as Record<string, unknown>;
  await writeFile(path.join(root, CONFIG_FILE), JSON.stringify({ ...config, language: "en" }));
  return root;
}

/** Counts the reads of baoku.config.json through node:fs while `run` runs, by every way the code can read a file. */
async function configReads(run: () => Promise<unknown>): Promise<number> {
  let reads = 0;
  const count = (file: unknown) => {
    if (String(file).endsWith(CONFIG_FILE)) reads++;
  };
  const original = { readFileSync: fs.readFileSync, readFile: fsPromises.readFile, readFileCallback: fs.readFile };
  const spies = [
    mock.method(fs, "readFileSync", (...args: Parameters<typeof fs.readFileSync>) => {
      count(args[0]);
      return original.readFileSync(...args);
    }),
    mock.method(fsPromises, "readFile", (...args: Parameters<typeof fsPromises.readFile>) => {
      count(args[0]);
      return original.readFile(...args);
    }),
    mock.method(fs, "readFile", (...args: unknown[]) => {
      count(args[0]);
      return (original.readFileCallback as (...rest: unknown[]) => void)(...args);
    }),
  ];
  // The modules import node:fs's functions by name; this makes their bindings the spies.
  syncBuiltinESMExports();
  try {
    await run();
  } finally {
    for (const spy of spies) spy.mock.restore();
    syncBuiltinESMExports();
  }
  return reads;
}

/** Render workers the build must not need: it stops on the content's error before rendering. */
const NO_WORKERS: RenderPool = {
  size: 1,
  warm() {},
  close() {},
  render: () => Promise.reject(new Error("rendered")),
};

test("should read baoku.config.json once in a build, and tell its problems in the language the file names", async () => {
  const root = await brokenArchive();
  try {
    const before = await configReads(async () => loadConfig(root));
    assert.equal(before, 1, "the spies see the loader's read");
    let result: Awaited<ReturnType<typeof buildSite>> | undefined;
    const reads = await configReads(async () => {
      result = await buildSite({ contentRoot: root, outputDir: path.join(root, "_site"), cacheDir: path.join(root, ".cache"), renderPool: NO_WORKERS });
    });
    assert.equal(result?.ok, false);
    assert.deepEqual(
      result?.problems.map((found) => found.kind),
      ["LunarDateMismatch"],
    );
    assert.equal(result?.language, "en");
    assert.equal(reads, 1);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test("should not read baoku.config.json again when a command passes on what it read", async () => {
  const root = await brokenArchive();
  try {
    const configFile = loadConfig(root, {});
    const reads = await configReads(() => loadArchive(root, { configFile }));
    assert.equal(reads, 0);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

/** Every .ts file below `dir`, relative to the project root. */
async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(projectRoot, dir), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => path.relative(projectRoot, path.join(entry.parentPath, entry.name)));
}

test("should leave reading baoku.config.json and deciding the language to content/config-peek.ts alone", async () => {
  const files = [...(await sourceFiles("src")), ...(await sourceFiles("scripts"))];
  assert.ok(files.length > 40, "the scan sees the code");
  const readers: string[] = [];
  const deciders: string[] = [];
  for (const file of files) {
    const text = await readFile(path.join(projectRoot, file), "utf8");
    if (/CONFIG_FILE|baoku\.config\.json/.test(text.replace(/\/\/.*|\/\*[\s\S]*?\*\//g, "")) && /\breadFile(?:Sync)?\(/.test(text)) readers.push(file);
    if (/\brunLanguage\(/.test(text)) deciders.push(file);
  }
  assert.deepEqual(readers, ["src/content/config-peek.ts"]);
  assert.deepEqual(deciders.sort(), ["src/content/config-peek.ts", "src/messages/language.ts"]);
});
