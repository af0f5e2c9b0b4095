// The build cache's layout, as paths.ts is the site's: every folder under the cache folder (`.cache` by default) named once, the
// layout of a part's and a search bundle's entry, the output folder's identity that records are kept under, and what CI keeps.
import { createHash } from "node:crypto";
import path from "node:path";

/** The folders of the cache, relative to it. */
export const CACHE_FOLDERS = {
  /** Parsed issues, by what parsing depends on (content/parse-cache.ts). */
  parsed: "parsed",
  /** One entry a part of the site and its hash: its pages, search input and manifest (`parts/<key>/<hash>/`, see partEntry). */
  parts: "parts",
  /** One entry a search bundle and its hash: Pagefind's files and their record (`search/<key>/<hash>/`, see bundleEntry). */
  search: "search",
  /**
   * The term directory of the sealed search bundles, one entry a version, laid out as a bundle's (`terms/directory/<hash>/`,
   * term-directory.ts). Not among the bundles, so that the cache CI keeps can leave out every bundle's files and keep the directory's,
   * which the first issue of a month extends.
   */
  terms: "terms",
  /** Image derivatives, by the hash of their source and encoding (encode-images.ts). */
  images: "images",
  /** What each output folder was last built with and what each of its two copies holds, by the output's identity. */
  builds: "builds",
  /** The deploy manifest's lists (deploy-manifest.ts). */
  deploy: "deploy",
  /** The search page's traditional-character scripts, by the code's hash (traditional-table.ts). */
  traditional: "traditional",
  /** What each content root's issue files were when last read, by the root's path: their sizes, times, inodes and hashes (content-stamps.ts). */
  stamps: "stamps",
} as const;

export type CacheFolder = keyof typeof CACHE_FOLDERS;

/** The folder `name` of the cache at `cacheDir`. */
export function cacheFolder(cacheDir: string, name: CacheFolder): string {
  return path.join(cacheDir, CACHE_FOLDERS[name]);
}

/** Where a part's entry keeps its pages (with its images): the folder a site links to. */
export const PART_SITE = "site";
/** Where a part's entry keeps its articles' search input, which its search bundle is indexed from. */
export const PART_SEARCH_INPUT = "search-input";
/** Where a bundle's entry keeps Pagefind's files. */
const BUNDLE_FILES = "files";

/** A part's cache entry: its pages (with its images), its articles' search input, and what it holds. */
export interface PartEntry {
  dir: string;
  site: string;
  searchInput: string;
  manifest: string;
}

/** The entry of a part at `dir` (`parts/<key>/<hash>/`). */
export function partEntry(dir: string): PartEntry {
  return { dir, site: path.join(dir, PART_SITE), searchInput: path.join(dir, PART_SEARCH_INPUT), manifest: path.join(dir, "part.json") };
}

/**
 * What a month part leaves beside its pages for its year part (make-year.ts): its articles' bulk lines, gzipped (they are most of what
 * CI keeps and restores: 1.1 GB of plain lines at 11,000 issues), and its pages' sitemap entries.
 */
export function monthFragments(entry: PartEntry): { bulk: string; sitemap: string } {
  return { bulk: path.join(entry.dir, "open-data", "bulk.jsonl.gz"), sitemap: path.join(entry.dir, "open-data", "sitemap.json") };
}

/** A search bundle's cache entry: Pagefind's files, published at pagefind/<key>, and the record of them. */
export interface BundleEntry {
  dir: string;
  files: string;
  manifest: string;
}

/** The entry of a search bundle at `dir` (`search/<key>/<hash>/`). */
export function bundleEntry(dir: string): BundleEntry {
  return { dir, files: path.join(dir, BUNDLE_FILES), manifest: path.join(dir, "bundle.json") };
}

/** Where an entry is made before it is renamed into place: beside it, under a name no finished entry has (theirs are hashes, with no dot). */
export function temporaryEntryDir(entryDir: string): string {
  return `${entryDir}.tmp-${process.pid}`;
}

/** Whether a name in a part's or a bundle's folder (`parts/<key>/`, `search/<key>/`) is a finished entry's, not one being made. */
export function isFinishedEntry(name: string): boolean {
  return !name.includes(".");
}

/** For a published folder of the cache (a part's site/, a bundle's files/): its entry's folder, its manifest, and the prefix of its files there. */
export function entryOfPublished(published: string): { dir: string; manifest: string; below: string } {
  const dir = path.dirname(published);
  const part = path.basename(published) === PART_SITE;
  return { dir, manifest: part ? partEntry(dir).manifest : bundleEntry(dir).manifest, below: part ? `${PART_SITE}/` : `${BUNDLE_FILES}/` };
}

/** A cache entry linked into the site: a part's pages at the site's root, or a search bundle at pagefind/<key>. */
export interface SiteEntry {
  /** The entry's folder in the cache. */
  from: string;
  /** Where it goes in the site, relative to its root; "" for the root. */
  to: string;
}

/** The name records about the output folder `outputDir` are kept under in `builds/`: the same folder, however it is written, is one name. */
export function outputIdentity(outputDir: string): string {
  return createHash("sha256").update(path.resolve(outputDir)).digest("hex").slice(0, 16);
}

/** The record of the last build written to `outputDir` (build-fingerprint.ts), or with `copy`, of what that copy holds (publish.ts). */
export function buildRecordFile(cacheDir: string, outputDir: string, copy?: string): string {
  return path.join(cacheFolder(cacheDir, "builds"), `${outputIdentity(outputDir)}${copy ? `-${copy}` : ""}.json`);
}

/**
 * What CI keeps of the cache when it deploys from the cache leaves out every part's pages and images, the image derivatives, the
 * whole parsed issues (`parsed/<shard>/<key>`, content/parse-cache.ts), keeping the index of their headers, every month's search input,
 * and every search bundle's Pagefind files, keeping its manifest and term statistics: relative to the cache folder, as tar's
 * `--anchored --exclude` and actions/cache's `!` patterns take them (ci-cache.ts).
 */
export const LEFT_OUT_OF_DEPLOY_CACHE = [
  `${CACHE_FOLDERS.parts}/*/*/${PART_SITE}`,
  CACHE_FOLDERS.images,
  `${CACHE_FOLDERS.parsed}/*/*`,
  `${CACHE_FOLDERS.parts}/*/*/${PART_SEARCH_INPUT}`,
  `${CACHE_FOLDERS.search}/*/*/${BUNDLE_FILES}`,
] as const;
