// The deploy manifest: every file the site publishes with its SHA-256, written into the site itself, so `npm run deploy` can tell what
// changed since the last deploy by reading the copy on the target. It is split by cache entry: `.baoku/deploy.json` names one list a
// part or search bundle (`.baoku/deploy/<name>.sha256`, in the format of `sha256sum`, named by the hash of its text), so a deploy reads
// only the lists whose names changed, and a day's deploy uploads a handful of lists rather than one of every file. The hashes are the
// ones the cache recorded when it made each entry (cache-entries.ts); nothing is hashed again. A list made once is kept in the cache
// under its name and remembered by its entry, so a build makes lists only for the entries it made.
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rm, stat } from "node:fs/promises";
import path from "node:path";
import { exists, isStale, touch, writeAtomically } from "../util/cache-files.ts";
import { readManifest, type EntryFile } from "./cache-entries.ts";
import { entryOfPublished } from "./render-site.ts";
import type { SiteEntry } from "./publish.ts";

/** The folder of the site that holds the manifest; no part or bundle publishes into it. */
export const DEPLOY_FOLDER = ".baoku";
/** The manifest's index, relative to the site's root: the names of its lists. */
export const DEPLOY_INDEX = `${DEPLOY_FOLDER}/deploy.json`;
/** Where its lists are, relative to the site's root. */
export const DEPLOY_LISTS = `${DEPLOY_FOLDER}/deploy`;
/**
 * On a target only, while a deploy is under way: an index of the manifest being deployed, whose lists are already there. A deploy that
 * finds it knows the one before stopped midway, after sending some of those lists' files and removing some of the old ones.
 */
export const DEPLOY_PENDING = `${DEPLOY_FOLDER}/deploy-pending.json`;

/** The manifest's index as written. */
export interface DeployIndex {
  format: 1;
  /** One list a cache entry, by name (the first 32 hexadecimal digits of its text's SHA-256), sorted. */
  lists: string[];
}

/** A file the site holds that is no cache entry's: the manifest's own files, from `source` in the cache to `target` in the site. */
export interface ExtraFile {
  source: string;
  target: string;
}

/** The file of the list named `name`, relative to the site's root. */
export function listPath(name: string): string {
  return `${DEPLOY_LISTS}/${name}.sha256`;
}

/** A list's text: one line a file, `<sha256>  <path>` as `sha256sum` writes and checks them, sorted by path. */
export function listText(files: readonly { path: string; sha256: string }[]): string {
  return [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).map((file) => `${file.sha256}  ${file.path}\n`).join("");
}

/** The files of a list's text, by path. */
export function parseList(text: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const line of text.split("\n")) {
    const match = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (match) files.set(match[2]!, match[1]!);
  }
  return files;
}

/** The index's lists, or undefined when `text` is not an index this code wrote. */
export function parseIndex(text: string): DeployIndex | undefined {
  try {
    const index = JSON.parse(text) as Partial<DeployIndex>;
    return index.format === 1 && Array.isArray(index.lists) && index.lists.every((name) => typeof name === "string" && /^[0-9a-f]{32}$/.test(name))
      ? { format: 1, lists: index.lists }
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Makes the manifest of the site made of `entries` in `cacheDir/deploy/` (only the lists of entries it has not listed before, or made
 * again) and says which files put it into the site. `remade` are entries whose files were made again after failing their check.
 */
export async function deployManifest(cacheDir: string, entries: readonly SiteEntry[], remade: ReadonlySet<string>): Promise<ExtraFile[]> {
  const dir = path.join(cacheDir, "deploy");
  await mkdir(dir, { recursive: true });
  const namesFile = path.join(dir, "names.json");
  const known = JSON.parse(await readFile(namesFile, "utf8").catch(() => "{}")) as Record<string, string>;
  const names: Record<string, string> = {};
  for (const entry of entries) {
    const key = `${entry.to}\0${entry.from}`;
    const name = !remade.has(entry.from) && known[key];
    if (name && (await exists(path.join(dir, `${name}.sha256`)))) {
      names[key] = name;
      continue;
    }
    const text = listText(await publishedFiles(entry));
    const made = createHash("sha256").update(text).digest("hex").slice(0, 32);
    await writeAtomically(path.join(dir, `${made}.sha256`), text);
    names[key] = made;
  }
  const lists = [...new Set(Object.values(names))].sort();
  const index: DeployIndex = { format: 1, lists };
  const indexText = `${JSON.stringify(index)}\n`;
  const indexFile = path.join(dir, `index-${createHash("sha256").update(indexText).digest("hex").slice(0, 16)}.json`);
  if (!(await exists(indexFile))) await writeAtomically(indexFile, indexText);
  // Builds sharing the cache may be building other sites at the same time, as every other cache entry allows (util/cache-files.ts):
  // this build's lists are marked used, and only lists no build has used for a while are removed, with their names. The copy being
  // served keeps its own links to what is removed.
  const keep = new Set([...lists.map((name) => `${name}.sha256`), path.basename(indexFile), "names.json"]);
  const now = Date.now();
  const removed = new Set<string>();
  for (const file of await readdir(dir)) {
    const full = path.join(dir, file);
    if (keep.has(file)) {
      await touch(full);
      continue;
    }
    const info = await stat(full).catch(() => undefined);
    if (info && isStale(info.mtimeMs, now)) {
      await rm(full, { force: true });
      removed.add(file.replace(/\.sha256$/, ""));
    }
  }
  const named = Object.entries({ ...known, ...names }).filter(([, name]) => !removed.has(name));
  await writeAtomically(namesFile, JSON.stringify(Object.fromEntries(named)));
  return [...lists.map((name) => ({ source: path.join(dir, `${name}.sha256`), target: listPath(name) })), { source: indexFile, target: DEPLOY_INDEX }];
}

/** An entry's files as the site publishes them, with the hashes its cache manifest recorded. */
async function publishedFiles(entry: SiteEntry): Promise<{ path: string; sha256: string }[]> {
  const { manifest, below } = entryOfPublished(entry.from);
  // The build has just read or written every entry's manifest.
  const recorded = (await readManifest<{ files: EntryFile[] }>(manifest))!;
  return recorded.files
    .filter((file) => file.path.startsWith(below))
    .map((file) => ({ path: path.posix.join(entry.to, file.path.slice(below.length)), sha256: file.sha256 }));
}
