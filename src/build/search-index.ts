// Indexes search records (search-records.ts: one an issue, its text spelled as segmentation-proof terms) into one search bundle with
// Pagefind (see src/site/search-bundles.ts), then takes out of Pagefind's fragments the text the search page never shows — the spelled
// terms — so that opening a result costs a few hundred bytes, and writes the bundle's statistics beside it for the search page's ranking.
import { spawn } from "node:child_process";
import { link, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync, gzipSync } from "node:zlib";
import { eachLimited } from "../util/each-limited.ts";
import type { SearchStats } from "./render-part.ts";
import { problem, ProblemsError } from "../problems.ts";
import { shownPath } from "../util/shown.ts";
import { diskFullAt } from "./failure.ts";
import { termStats } from "./term-directory.ts";

/** Pagefind's own search interfaces, which Baoku's search page does not use; about 430 KB not to publish. */
const UNUSED_UI = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;

async function removeUnusedUi(bundleDir: string): Promise<void> {
  for (const name of await readdir(bundleDir)) {
    if (UNUSED_UI.test(name)) await rm(path.join(bundleDir, name));
  }
}

/**
 * Pagefind's language for the index. The search page queries spelled terms only and makes its excerpts itself, so Pagefind's own Chinese
 * word segmentation is not used; a language without segmentation or stemming ("zxx", no linguistic content) indexes about 1.7 times as fast
 * in about 60% of the memory, and no stemmer can change a spelled term.
 */
const INDEX_LANGUAGE = "zxx";

/**
 * Pagefind's chunk size (PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE, read by Pagefind 1.5.0 and later, pinned in package.json): a chunk closes
 * after the term whose postings take it past this many (locations + 1). The page loads, for each term of a query, the one chunk of each
 * merged bundle that covers the term; at Pagefind's default (20,000) that chunk is about 31 KB, most of it other terms. A month's bundle
 * at 2,000 costs a few KB a term and a chunk table of a few KB (docs/BENCHMARKS.md). The environment's value, when set, wins.
 */
export const INDEX_CHUNK_SIZE = 2000;

/**
 * Writes one search bundle into `bundleDir` from the article pages below `inputDirs` (written there with their search terms, see
 * render-part.ts). Pagefind keeps the whole index in memory until it is written, so each bundle is indexed by a Pagefind process of its
 * own: its command line, run on a folder of hard links to the inputs (the cache's own file system), so that its exit and its messages
 * are seen — through Pagefind's Node API a Pagefind that dies (a full disk makes it panic) leaves the build waiting for ever. The
 * addresses it records are the pages' paths below their input folder, and the search page adds the path prefix.
 */
export async function indexBundle(inputDirs: readonly string[], bundleDir: string, stats: SearchStats, termsFile: string): Promise<void> {
  const site = `${bundleDir}.input`;
  await rm(site, { recursive: true, force: true });
  try {
    const records: string[] = [];
    for (const inputDir of inputDirs) records.push(...(await linkFiles(inputDir, site)));
    const indexing = run(pagefindBinary(), ["--site", site, "--output-path", bundleDir, "--force-language", INDEX_LANGUAGE, "--silent"]);
    // The term directory's part of this bundle, counted while Pagefind indexes it.
    await writeFile(termsFile, JSON.stringify(termStats(await Promise.all(records.map((file) => readFile(file, "utf8"))))));
    const { code, signal, stderr } = await indexing;
    if (code !== 0) {
      // Pagefind panics on a full disk; its message names the kind of error, not the file.
      if (/No space left on device|StorageFull/i.test(stderr)) throw diskFullAt(bundleDir);
      throw new ProblemsError(
        problem("SearchIndexFailed", { file: shownPath(bundleDir) }, { errors: `${signal ?? `exit code ${code}`}: ${stderr.trim().slice(-2000)}` }),
      );
    }
    await removeUnusedUi(bundleDir);
    await thinFragments(path.join(bundleDir, "fragment"));
    await writeFile(path.join(bundleDir, STATS_FILE), JSON.stringify(stats));
  } finally {
    await rm(site, { recursive: true, force: true });
  }
}

/** The bundle's statistics (records, articles, spelled terms), which the search page adds up to rank with the whole archive's. */
export const STATS_FILE = "baoku-stats.json";

/**
 * Empties the content Pagefind stores in each fragment (a gzipped "pagefind_dcd" header and JSON): the spelled terms of a whole issue,
 * which the search page never shows. The URL, meta, filters and anchors stay, and with them Pagefind's sub-results.
 */
async function thinFragments(folder: string): Promise<void> {
  const header = Buffer.from("pagefind_dcd");
  await eachLimited(await readdir(folder), 8, async (name) => {
    const file = path.join(folder, name);
    const raw = gunzipSync(await readFile(file));
    const fragment = JSON.parse(raw.subarray(header.length).toString("utf8")) as { content: string };
    fragment.content = "";
    await writeFile(file, gzipSync(Buffer.concat([header, Buffer.from(JSON.stringify(fragment))]), { level: 9 }));
  });
}

/** Hard-links every file below `from` to the same place below `to`; resolves to the files linked. */
async function linkFiles(from: string, to: string): Promise<string[]> {
  const entries = await readdir(from, { recursive: true, withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.filter((each) => each.isFile())) {
    const file = path.join(entry.parentPath, entry.name);
    const target = path.join(to, path.relative(from, file));
    await mkdir(path.dirname(target), { recursive: true });
    await link(file, target);
    files.push(file);
  }
  return files;
}

/** Pagefind's executable, as its own Node package finds it: PAGEFIND_BINARY_PATH, or the binary of the platform's optional package. */
export function pagefindBinary(): string {
  const fromEnvironment = process.env.PAGEFIND_EXTENDED_BINARY_PATH ?? process.env.PAGEFIND_BINARY_PATH;
  if (fromEnvironment) return fromEnvironment;
  const require = createRequire(import.meta.url);
  const platform = `${process.platform === "win32" ? "windows" : process.platform}-${process.arch}`;
  for (const name of ["pagefind_extended", "pagefind"]) {
    try {
      return require.resolve(`@pagefind/${platform}/bin/${name}${process.platform === "win32" ? ".exe" : ""}`);
    } catch {
      // Not this one; try the next.
    }
  }
  return require.resolve(`@pagefind/${platform}/bin/pagefind_extended`);
}

const withParent = path.join(path.dirname(fileURLToPath(import.meta.url)), "with-parent.js");

/** Runs a command to its end, keeping what it writes to standard error; it is killed if this process dies first (with-parent.js). */
function run(command: string, args: readonly string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: process.env.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE ?? String(INDEX_CHUNK_SIZE) };
    const child = spawn(process.execPath, [withParent, command, ...args], { stdio: ["ignore", "ignore", "pipe", "ipc"], env });
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-20_000);
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stderr }));
  });
}
