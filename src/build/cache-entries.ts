// A cache entry's life (a rendered part of the site, a search bundle): checked when it is taken again, made under a temporary name and
// renamed into place when complete, marked used, and removed once no build has used it for a while. What it is made of is recorded when
// it is written: every file's path, size, time and SHA-256. The published site is hard links to these files, so a file truncated in the
// cache, damaged when CI restored it, or edited in place in _site is the same file; an entry that fails the check is made again, never
// published, and a build killed midway never leaves an entry that looks finished.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import { statSync, type Stats } from "node:fs";
import path from "node:path";
import { exists, isStale, touch, writeAtomically } from "../util/cache-files.ts";
import { mapLimited } from "../util/each-limited.ts";
import { temporaryEntryDir, type SiteEntry } from "./cache-layout.ts";

/** One file of an entry, relative to the entry's folder with forward slashes. */
export interface EntryFile {
  path: string;
  size: number;
  /** Whole seconds of its modification time: what archiving tools keep of it (tar keeps seconds). */
  mtime: number;
  sha256: string;
}

/** How thoroughly an entry is checked: its files' sizes and times (every build), or their bytes too (`--full`, `--verify`). */
export type Verification = "cheap" | "full";

/** Files hashed at once. */
const AT_ONCE = 16;

/** Every file below `dir` (or below its folders `within`), recorded; but those at the paths of `except`, recorded already. */
export async function recordFiles(dir: string, within?: readonly string[], except?: ReadonlySet<string>): Promise<EntryFile[]> {
  const names = (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && (!within || within.some((folder) => entry.parentPath.startsWith(path.join(dir, folder)))))
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .filter((name) => !except?.has(name))
    .sort();
  return mapLimited(names, AT_ONCE, async (name) => {
    const file = path.join(dir, name);
    const info = await stat(file);
    return { path: name, size: info.size, mtime: Math.floor(info.mtimeMs / 1000), sha256: await sha256Of(file) };
  });
}

/**
 * Whether the files below `dir` are still the recorded ones. The cheap check compares sizes and times, in batches that let the render
 * workers' messages through; a time that differs (a cache restored by a tool that does not keep times) sends that file to the full check
 * of its bytes. Returns the files as they are now when sound (with their times updated), or undefined when any differs or is missing.
 */
export async function checkFiles(
  dir: string,
  files: readonly EntryFile[],
  verification: Verification,
): Promise<{ files: EntryFile[]; retimed: boolean } | undefined> {
  const now: EntryFile[] = [];
  let retimed = false;
  for (let start = 0; start < files.length; start += BATCH) {
    for (const file of files.slice(start, start + BATCH)) {
      const info = statOf(path.join(dir, file.path));
      if (!info || info.size !== file.size) return undefined;
      const mtime = Math.floor(info.mtimeMs / 1000);
      if (verification === "full" || mtime !== file.mtime) {
        if ((await sha256Of(path.join(dir, file.path))) !== file.sha256) return undefined;
        retimed ||= mtime !== file.mtime;
      }
      now.push({ ...file, mtime });
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { files: now, retimed };
}

/** Files stat'ed between yields to the event loop: a few milliseconds of work. */
const BATCH = 2000;

/** The file's stat, at once (a build checks hundreds of thousands, where a promise each costs ten times the stat), or undefined for no file. */
export function statOf(file: string): Stats | undefined {
  try {
    const info = statSync(file);
    return info.isFile() ? info : undefined;
  } catch {
    return undefined;
  }
}

/** The SHA-256 of a file's bytes, in hexadecimal. */
export async function sha256Of(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** A manifest file of JSON, or undefined when it is missing or not what was written (a damaged manifest makes its entry be made again). */
export async function readManifest<T extends Manifest>(file: string): Promise<T | undefined> {
  try {
    const manifest = JSON.parse(await readFile(file, "utf8")) as T;
    return Array.isArray(manifest.files) ? manifest : undefined;
  } catch {
    return undefined;
  }
}

export async function writeManifest(file: string, manifest: Manifest): Promise<void> {
  await writeAtomically(file, JSON.stringify(manifest));
}

/** What every entry's manifest holds: its files as recorded. */
export interface Manifest {
  files: EntryFile[];
}

/** One cache entry's life: where it is, how it is checked, and how it is made when the cache does not hold it sound. */
export interface EntryLife<E extends { dir: string; manifest: string }, M extends Manifest, W> {
  /** Its place in the cache (cache-layout.ts: partEntry, bundleEntry). */
  entry: E;
  /** The same layout at another folder: where the entry is made before it is renamed into place. */
  at(dir: string): E;
  verification: Verification;
  /** Files of the manifest the check leaves out (building the manifest only: a part's pages, which the deploy checks as it sends them). */
  unchecked?: (file: EntryFile) => boolean;
  /**
   * The entry is already in the copy of the site the build updates, linked, and stays there as it is (publish.ts: entriesHeld): its
   * files are not checked again, as they are not published again. A file damaged since it was published is found by a build that links
   * the entry anew and by --verify.
   */
  placed?: boolean;
  /** Makes its files in `temporary` (emptied first) and says what its manifest records, or nothing when it cannot be made, and what the work did. */
  make(temporary: E): Promise<{ manifest?: M; work: W }>;
}

/** An entry taken from the cache or made now. */
export interface ReadyEntry<M, W> {
  /** Its manifest; undefined when it could not be made. */
  manifest?: M;
  /** What making it did; undefined when it was taken from the cache. */
  work?: W;
  /** A copy that failed its check was removed and the entry made again: the site's copies must link it anew. */
  remade: boolean;
}

/** The entry, taken from the cache when sound there, or made now and put in place; marked used either way. */
export async function readyEntry<E extends { dir: string; manifest: string }, M extends Manifest, W>(life: EntryLife<E, M, W>): Promise<ReadyEntry<M, W>> {
  const { entry } = life;
  const kept = life.placed ? await readManifest<M>(entry.manifest) : await soundManifest<M>(entry.dir, entry.manifest, life.verification, life.unchecked);
  if (kept) {
    await touch(entry.dir);
    return { manifest: kept, remade: false };
  }
  const remade = await exists(entry.dir);
  if (remade) await rm(entry.dir, { recursive: true, force: true });
  const temporary = life.at(temporaryEntryDir(entry.dir));
  await rm(temporary.dir, { recursive: true, force: true });
  const { manifest, work } = await life.make(temporary);
  if (!manifest) {
    await rm(temporary.dir, { recursive: true, force: true });
    return { work, remade };
  }
  await writeManifest(temporary.manifest, manifest);
  await settle(temporary.dir, entry.dir);
  await touch(entry.dir);
  // Read again: when a build sharing the cache settled the same entry first, that one is the entry.
  return { manifest: (await readManifest<M>(entry.manifest))!, work, remade };
}

/** The manifest of an entry already in the cache when its files are still those it records, as a build checks them; else undefined. */
export function keptManifest<M extends Manifest>(entry: { dir: string; manifest: string }, verification: Verification): Promise<M | undefined> {
  return soundManifest<M>(entry.dir, entry.manifest, verification);
}

/**
 * The entry's manifest when its files are still those it records (their times brought up to date in it when only they differ), or
 * undefined. The files `unchecked` picks are not checked.
 */
async function soundManifest<M extends Manifest>(
  dir: string,
  manifestFile: string,
  verification: Verification,
  unchecked?: (file: EntryFile) => boolean,
): Promise<M | undefined> {
  const manifest = await readManifest<M>(manifestFile);
  const checked = manifest && (await checkFiles(dir, unchecked ? manifest.files.filter((file) => !unchecked(file)) : manifest.files, verification));
  if (!manifest || !checked) return undefined;
  if (checked.retimed) {
    const retimed = new Map(checked.files.map((file) => [file.path, file]));
    await writeManifest(manifestFile, { ...manifest, files: manifest.files.map((file) => retimed.get(file.path) ?? file) });
  }
  return manifest;
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

/** A cache entry the site is made of, and whether it was remade. */
export interface EntryInSite extends SiteEntry {
  remade: boolean;
}

/** The entry published at `from` (a part's site/, a bundle's files/), placed at `to` in the site. */
export function entryInSite(from: string, to: string, ready: ReadyEntry<Manifest, unknown>): EntryInSite {
  return { from, to, remade: ready.remade };
}

/**
 * Removes the entries `<root>/<key>/<hash>` not in `used` and not used by any build for an hour (builds sharing the cache may be running
 * with other content), and keys left empty. Every build marks the entries it uses by their modification time.
 */
export async function pruneUnused(root: string, used: ReadonlySet<string>): Promise<void> {
  const now = Date.now();
  for (const key of await readdir(root).catch(() => [] as string[])) {
    const keyDir = path.join(root, key);
    for (const hash of await readdir(keyDir).catch(() => [] as string[])) {
      const entryDir = path.join(keyDir, hash);
      const info = await stat(entryDir).catch(() => undefined);
      if (!used.has(entryDir) && info && isStale(info.mtimeMs, now)) await rm(entryDir, { recursive: true, force: true });
    }
    if ((await readdir(keyDir).catch(() => ["?"])).length === 0) await rm(keyDir, { recursive: true, force: true });
  }
}
