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
import { bundleInputs, siteParts, type SitePart } from "./site-parts.ts";

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
  const bundles = bundleInputs(siteData, options.codeHash).map((input) => ({ ...input, dir: path.join(bundlesDir, input.bundle.key, input.hash) }));
  const pool = createRenderPool(options.concurrency);
  let renderSeconds = 0;
  let searchSeconds = 0;
  let rendered = 0;
  let indexed = 0;
  const usedParts = new Set(parts.map((part) => path.join(partsDir, part.key, part.hash)));
  const usedBundles = new Set(bundles.map((bundle) => bundle.dir));

  /** The part's cache entry, rendered first when it is not in the cache. */
  async function partReady(part: SitePart): Promise<PartEntry> {
    const entryDir = path.join(partsDir, part.key, part.hash);
    const entry = partEntry(entryDir);
    if (!(await exists(entry.manifest))) {
      const temporaryDir = `${entryDir}.tmp-${process.pid}`;
      const temporary = partEntry(temporaryDir);
      await rm(temporaryDir, { recursive: true, force: true });
      const { written, seconds } = await pool.render({ part, siteDir: temporary.site, searchInputDir: temporary.searchInput, verbose: options.verbose });
      renderSeconds += seconds;
      await writeFile(temporary.manifest, JSON.stringify({ pages: written }));
      await settle(temporaryDir, entryDir);
      rendered++;
    }
    await touch(entryDir);
    return entry;
  }

  let pageCount = 0;
  try {
    const entries = new Map(parts.map((part) => [part.key, partReady(part)]));
    // A failed part is reported where it is awaited; until then its rejection must not count as unhandled.
    for (const entry of entries.values()) entry.catch(() => undefined);
    // Bundles are indexed one at a time, each by a Pagefind process of its own, while the render workers go on with later parts.
    for (const { bundle, dir } of bundles) {
      if (await exists(dir)) {
        await touch(dir);
        continue;
      }
      const inputs = await Promise.all(bundle.months.map(async (month) => (await entries.get(month)!).searchInput));
      const indexStarted = performance.now();
      const temporary = `${dir}.tmp-${process.pid}`;
      await rm(temporary, { recursive: true, force: true });
      await indexBundle(inputs, temporary);
      await settle(temporary, dir);
      indexed++;
      searchSeconds += (performance.now() - indexStarted) / 1000;
    }
    for (const entry of await Promise.all(entries.values())) {
      pageCount += (JSON.parse(await readFile(entry.manifest, "utf8")) as { pages: number }).pages;
    }
  } finally {
    pool.close();
  }
  const searchRecordCount = bundles.reduce((sum, bundle) => sum + bundle.articles.length, 0);

  return {
    pageCount, searchRecordCount,
    parts: { total: parts.length, rendered },
    bundles: { total: bundles.length, indexed },
    // Rendering and indexing overlap: `render` is the time render workers spent, added up, and `search` the time spent indexing.
    seconds: { render: renderSeconds, search: searchSeconds },
    async assemble(siteDir) {
      await mkdir(siteDir);
      for (const entryDir of usedParts) await linkTree(partEntry(entryDir).site, siteDir);
      if (bundles.length > 0) await mkdir(path.join(siteDir, SEARCH_FOLDER));
      for (const { bundle, dir } of bundles) await linkTree(dir, path.join(siteDir, SEARCH_FOLDER, bundle.key));
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
