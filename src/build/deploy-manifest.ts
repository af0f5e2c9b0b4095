// The deploy manifest: every file the site publishes with its SHA-256, written into the site itself, so `npm run deploy` can tell what
// changed since the last deploy by reading the copy on the target. It is split by cache entry: `.baoku/deploy.json` names one list a
// part or search bundle (`.baoku/deploy/<name>.sha256`, in the format of `sha256sum`, named by the hash of its text), so a deploy reads
// only the lists whose names changed, and a day's deploy uploads a handful of lists rather than one of every file. The hashes are the
// ones the cache recorded when it made each entry (cache-entries.ts); nothing is hashed again. A list made once is kept in the cache
// under its name and remembered by its entry, so a build makes lists only for the entries it made.
import { createHash } from "node:crypto";
import { copyFile, mkdir, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { exists, isStale, touch, writeAtomically } from "../util/cache-files.ts";
import { readManifest, type EntryFile } from "./cache-entries.ts";
import { cacheFolder, entryOfPublished, type SiteEntry } from "./cache-layout.ts";

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
  return [...files]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((file) => `${file.sha256}  ${file.path}\n`)
    .join("");
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
export async function deployManifest(
  cacheDir: string,
  entries: readonly SiteEntry[],
  remade: ReadonlySet<string>,
): Promise<{ extras: ExtraFile[]; sources: DeploySources }> {
  const dir = cacheFolder(cacheDir, "deploy");
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
  const sources: DeploySources = { format: 1, lists: {} };
  for (const entry of entries) sources.lists[names[`${entry.to}\0${entry.from}`]!] ??= { from: entry.from, to: entry.to };
  return {
    extras: [...lists.map((name) => ({ source: path.join(dir, `${name}.sha256`), target: listPath(name) })), { source: indexFile, target: DEPLOY_INDEX }],
    sources,
  };
}

/**
 * Where the files of each list are in the cache, for a site built with its manifest only (`manifestOnly`): the cache entry's published
 * folder, and the folder of the site it goes to (a list's paths are `to/` followed by the path below `from`). Written beside the manifest
 * in such a site, with `from` relative to the site's folder; never deployed, as no list names it.
 */
export interface DeploySources {
  format: 1;
  lists: Record<string, { from: string; to: string }>;
}

/** The sources of a site built with its manifest only, relative to the site's root. */
export const DEPLOY_SOURCES = `${DEPLOY_FOLDER}/sources.json`;

/** A site's sources, with `from` made absolute; undefined for a whole site, which holds its files itself. */
export async function readSources(siteDir: string): Promise<DeploySources | undefined> {
  const text = await readFile(path.join(siteDir, DEPLOY_SOURCES), "utf8").catch(() => undefined);
  if (text === undefined) return undefined;
  const sources = JSON.parse(text) as DeploySources;
  for (const source of Object.values(sources.lists)) source.from = path.resolve(siteDir, source.from);
  return sources;
}

/** Folders beside the output that hold sites built with their manifest only: `<output>.manifest-<hash of its index>`. */
const MANIFEST_SITE = /\.manifest-[0-9a-f]{16}$/;

/**
 * Makes `outputDir` a site of the manifest only: a folder beside it holding `.baoku/` (the index and lists, and the sources), which
 * `outputDir` then links to, replacing the site it served with one rename. Other such folders beside it are removed.
 */
export async function writeManifestSite(
  outputDir: string,
  extras: readonly ExtraFile[],
  sources: DeploySources,
  pointAt: (outputDir: string, folderName: string) => Promise<string | undefined>,
): Promise<string | undefined> {
  const index = extras.find((extra) => extra.target === DEPLOY_INDEX)!;
  const folder = `${outputDir}.manifest-${path.basename(index.source).replace(/^index-|\.json$/g, "")}`;
  const relative = {
    format: 1,
    lists: Object.fromEntries(Object.entries(sources.lists).map(([name, { from, to }]) => [name, { from: path.relative(folder, from), to }])),
  };
  const sourcesText = `${JSON.stringify(relative)}\n`;
  // The same index names the same lists, so a folder already made for it (the site served, when nothing changed) needs only its sources.
  if (await exists(path.join(folder, DEPLOY_INDEX))) {
    await writeAtomically(path.join(folder, DEPLOY_SOURCES), sourcesText);
  } else {
    const building = `${outputDir}.building-${process.pid}`;
    await rm(building, { recursive: true, force: true });
    for (const extra of extras) {
      const target = path.join(building, extra.target);
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(extra.source, target);
    }
    await writeAtomically(path.join(building, DEPLOY_SOURCES), sourcesText);
    await rm(folder, { recursive: true, force: true });
    await rename(building, folder);
  }
  const movedTo = await pointAt(outputDir, path.basename(folder));
  await removeManifestSites(outputDir, path.basename(folder));
  return movedTo;
}

/** Removes the folders of sites built with their manifest only beside `outputDir`, but `keep`. */
export async function removeManifestSites(outputDir: string, keep?: string): Promise<void> {
  const prefix = `${path.basename(outputDir)}.`;
  for (const name of await readdir(path.dirname(outputDir)).catch(() => [] as string[])) {
    if (name !== keep && name.startsWith(prefix) && MANIFEST_SITE.test(name))
      await rm(path.join(path.dirname(outputDir), name), { recursive: true, force: true });
  }
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
