// Renders and indexes the site part by part into the build cache, reusing every part and search bundle whose inputs have not changed, and
// puts them together in a new folder. Cache entries are written under a temporary name and renamed into place when complete, so a build
// killed midway never leaves an entry that looks finished; entries no build uses any more are removed after a successful build.
import { spawn } from "node:child_process";
import { access, mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import type { SiteData } from "../src/site-types.ts";
import { SEARCH_FOLDER } from "../src/search-bundles.ts";
import { createRenderPool } from "./render-pool.ts";
import { indexBundle } from "./search-index.ts";
import { bundleHash, siteParts } from "./site-parts.ts";

export interface RenderSiteOptions {
  cacheDir: string;
  codeHash: string;
  verbose: boolean;
  /** How many parts render at once; default: the machine's parallelism. */
  concurrency?: number;
}

export interface RenderedSite {
  /** Pages in the site, rendered now or taken from the cache. */
  pageCount: number;
  /** Articles in the search bundles. */
  searchRecordCount: number;
  parts: { total: number; rendered: number };
  bundles: { total: number; indexed: number };
  seconds: { render: number; search: number };
  /** Puts the site together in `siteDir` (which must not exist) from the cache entries, as hard links. */
  assemble(siteDir: string): Promise<void>;
  /** Removes the cache entries this build did not use. */
  pruneCache(): Promise<void>;
}

interface PartEntry {
  /** The part's pages. */
  site: string;
  /** Its articles' search input, a folder a bundle. */
  searchInput: string;
  /** How many pages it holds. */
  manifest: string;
}

function partEntry(dir: string): PartEntry {
  return { site: path.join(dir, "site"), searchInput: path.join(dir, "search-input"), manifest: path.join(dir, "part.json") };
}

const exists = (file: string) => access(file).then(() => true, () => false);

/** How long a cache entry no build has used is kept. */
const UNUSED_ENTRY_LIFETIME_MS = 60 * 60 * 1000;

/** Renders what changed, indexes what changed, and returns how to put the site together. */
export async function renderSite(siteData: SiteData, options: RenderSiteOptions): Promise<RenderedSite> {
  const partsDir = path.join(options.cacheDir, "parts");
  const bundlesDir = path.join(options.cacheDir, "search");
  const parts = siteParts(siteData, options.codeHash);
  const pool = createRenderPool(options.concurrency);
  const started = performance.now();
  let renderSeconds = 0;
  let searchSeconds = 0;
  let rendered = 0;
  let indexed = 0;
  let pageCount = 0;
  let searchRecordCount = 0;
  const usedParts = new Set<string>();
  const usedBundles = new Set<string>();
  const bundleDirs: { key: string; dir: string }[] = [];

  // Bundles are indexed one at a time, each by a Pagefind process of its own, while the render workers go on with the next parts.
  let searchQueue: Promise<void> = Promise.resolve();
  const indexLater = (inputDir: string, bundleDir: string) => {
    searchQueue = searchQueue.then(async () => {
      const indexStarted = performance.now();
      const temporary = `${bundleDir}.tmp-${process.pid}`;
      await rm(temporary, { recursive: true, force: true });
      await indexBundle(inputDir, temporary);
      await settle(temporary, bundleDir);
      indexed++;
      searchSeconds += (performance.now() - indexStarted) / 1000;
    });
    return searchQueue;
  };

  try {
    await Promise.all(parts.map(async (part) => {
      const entryDir = path.join(partsDir, part.key, part.hash);
      usedParts.add(entryDir);
      const entry = partEntry(entryDir);
      const bundles = part.bundles.map(({ bundle, articles }) => ({
        bundle, articles, dir: path.join(bundlesDir, bundle.key, bundleHash(options.codeHash, siteData, articles)),
      }));
      for (const { bundle, dir, articles } of bundles) {
        usedBundles.add(dir);
        bundleDirs.push({ key: bundle.key, dir });
        searchRecordCount += articles.length;
      }
      if (!(await exists(entry.manifest))) {
        const temporaryDir = `${entryDir}.tmp-${process.pid}`;
        const temporary = partEntry(temporaryDir);
        await rm(temporaryDir, { recursive: true, force: true });
        const renderStarted = performance.now();
        const written = await pool.render({ part, siteDir: temporary.site, searchInputDir: temporary.searchInput, verbose: options.verbose });
        renderSeconds += (performance.now() - renderStarted) / 1000;
        await writeFile(temporary.manifest, JSON.stringify({ pages: written }));
        await settle(temporaryDir, entryDir);
        rendered++;
      }
      await touch(entryDir);
      pageCount += (JSON.parse(await readFile(entry.manifest, "utf8")) as { pages: number }).pages;
      await Promise.all(bundles.map(async ({ bundle, dir }) => {
        if (await exists(dir)) await touch(dir);
        else await indexLater(path.join(entry.searchInput, bundle.key), dir);
      }));
    }));
    await searchQueue;
  } finally {
    pool.close();
  }

  return {
    pageCount, searchRecordCount,
    parts: { total: parts.length, rendered },
    bundles: { total: bundleDirs.length, indexed },
    // Rendering and indexing overlap; each figure is the time its own work took.
    seconds: { render: Math.min(renderSeconds, (performance.now() - started) / 1000), search: searchSeconds },
    async assemble(siteDir) {
      await mkdir(siteDir);
      for (const entryDir of usedParts) await linkTree(partEntry(entryDir).site, siteDir);
      if (bundleDirs.length > 0) await mkdir(path.join(siteDir, SEARCH_FOLDER));
      for (const { key, dir } of bundleDirs) await linkTree(dir, path.join(siteDir, SEARCH_FOLDER, key));
    },
    async pruneCache() {
      await pruneUnused(partsDir, usedParts);
      await pruneUnused(bundlesDir, usedBundles);
    },
  };
}

/** Hard-links every file below `from` into `to`, merging with what `to` holds; `cp -al` does it in one process, far faster than a call a file. */
function linkTree(from: string, to: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const cp = spawn("cp", ["-al", "--", `${from}/.`, to], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    cp.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    cp.on("error", reject);
    cp.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`Could not link ${from} into ${to}: ${stderr.trim()}`))));
  });
}

/**
 * Removes the entries `<root>/<key>/<hash>` not in `used` and not used by any build for an hour (builds sharing the cache may be running
 * with other content), and keys left empty. Every build marks the entries it uses by their modification time.
 */
async function pruneUnused(root: string, used: ReadonlySet<string>): Promise<void> {
  const now = Date.now();
  for (const key of await readdir(root).catch(() => [] as string[])) {
    const keyDir = path.join(root, key);
    for (const hash of await readdir(keyDir).catch(() => [] as string[])) {
      const entryDir = path.join(keyDir, hash);
      const info = await stat(entryDir).catch(() => undefined);
      if (!used.has(entryDir) && info && now - info.mtimeMs > UNUSED_ENTRY_LIFETIME_MS) await rm(entryDir, { recursive: true, force: true });
    }
    if ((await readdir(keyDir).catch(() => ["?"])).length === 0) await rm(keyDir, { recursive: true, force: true });
  }
}

/** Renames a finished cache entry into place; when a build sharing the cache got there first with the same entry, keeps that one. */
async function settle(temporaryDir: string, entryDir: string): Promise<void> {
  await mkdir(path.dirname(entryDir), { recursive: true });
  try {
    await rename(temporaryDir, entryDir);
  } catch (error) {
    if (!["ENOTEMPTY", "EEXIST"].includes((error as NodeJS.ErrnoException).code ?? "")) throw error;
    await rm(temporaryDir, { recursive: true, force: true });
  }
}

/** Marks a cache entry as used now. */
async function touch(entryDir: string): Promise<void> {
  const now = new Date();
  await utimes(entryDir, now, now).catch(() => undefined);
}
