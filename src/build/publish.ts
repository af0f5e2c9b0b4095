// Puts a built site in place. The output folder is a symbolic link to one of two copies of the site beside it (`_site` → `_site.a` or
// `_site.b`), each made of hard links to the build cache's parts and search bundles. A build brings the copy that is not being served up
// to date, by replacing only the parts and bundles that changed since that copy was last made, and then points the link at it with one
// rename: readers see the old site or the new one, never a mix, and the work follows what changed, not how big the archive is. A copy
// that a killed build left half-made is marked so, and the next build makes it again from scratch. Across file systems the copies are
// made of copied files instead of links.
import { copyFile, link, lstat, mkdir, readdir, readFile, readlink, rename, rm, rmdir, symlink } from "node:fs/promises";
import path from "node:path";
import { exists, writeAtomically } from "../util/cache-files.ts";
import { eachLimited } from "../util/each-limited.ts";
import { DAYS_FOLDER, LUNAR_DAYS_FOLDER, NUMBER_FOLDER, PEOPLE_FOLDER, SHARED_DATA_FOLDERS } from "../paths.ts";
import { isRunning } from "./build-lock.ts";
import { statOf } from "./cache-entries.ts";
import { DEPLOY_FOLDER, removeManifestSites, type ExtraFile } from "./deploy-manifest.ts";
import { buildRecordFile, entryOfPublished, type SiteEntry } from "./cache-layout.ts";

export type { SiteEntry };

/** What a copy of the site was made of, which paths of it each entry owns, and whether its files are hard links or copies. */
export interface CopyState {
  complete: boolean;
  linked?: boolean;
  entries: (SiteEntry & { owned: string[] })[];
  /** The files of the site that are no entry's (the deploy manifest's, under DEPLOY_FOLDER). */
  extras?: ExtraFile[];
}

/**
 * Folders that several parts share, as paths in the site: the years (a part a month), /no/ (a redirect an issue), /people/ (a people part a letter, and the
 * archive-wide /people/ page), /day/ and /lunar/ (the days part's pages and the archive-wide calendars), and the open data's (the months'
 * issues, the years' lists and bulk text, the archive-wide index and collection). A part owns their children, not them.
 */
const SHARED_FOLDER = new RegExp(`^(\\d{4}|${[NUMBER_FOLDER, PEOPLE_FOLDER, DAYS_FOLDER, LUNAR_DAYS_FOLDER, ...SHARED_DATA_FOLDERS].join("|")})$`);
const COPIES = ["a", "b"] as const;
/** Hard links made at once: enough to keep the file system busy. */
const LINKS_AT_ONCE = 16;

export interface PublishChecks {
  /** The `from` of entries made again after failing their check: linked anew even where the copy had them. */
  remade: ReadonlySet<string>;
  /** Make the copy from nothing rather than by what changed (a build with --full or --verify). */
  fresh: boolean;
  /** The files of the site that are no entry's: the deploy manifest (deploy-manifest.ts). */
  extras: readonly ExtraFile[];
}

/**
 * Makes the site of `entries` the one `outputDir` serves; `cacheDir` keeps what each copy holds. Where the cache and the output are on
 * different file systems, which hard links cannot join, the files are copied instead. What the copy already holds of an entry is left as
 * it is: files replaced or removed in _site by hand are put back by --verify (`fresh`), which makes the copy anew. `next` is the copy it
 * updates, as `nextCopy` found it before the build. Returns where what was at `outputDir` and was not a build's link was moved (pointAt).
 */
export async function publish(
  outputDir: string,
  cacheDir: string,
  next: NextCopy,
  entries: readonly SiteEntry[],
  checks: PublishChecks,
): Promise<string | undefined> {
  const place = await placer(cacheDir, path.dirname(outputDir));
  const { dir: copyDir, stateFile, previous } = next;
  const wanted = await Promise.all(entries.map(async (entry) => ({ ...entry, owned: await ownedPaths(entry) })));
  const extras = [...checks.extras];
  await writeState(stateFile, { complete: false, linked: place.linked, entries: wanted, extras });

  try {
    await updateCopy(copyDir, previous, wanted, checks, place);
    await placeExtras(copyDir, extras, place);
  } catch (error) {
    // The copy is not served, and a half-made one is made again anyway: removing it now gives back the space a full disk needs.
    await rm(copyDir, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
  await writeState(stateFile, { complete: true, linked: place.linked, entries: wanted, extras });
  const movedTo = await pointAt(outputDir, path.basename(copyDir));
  await removeManifestSites(outputDir);
  return movedTo;
}

/** Brings the copy up to date with `wanted`: by what changed when it was made complete before in the same way, else from nothing. */
async function updateCopy(
  copyDir: string,
  previous: CopyState | undefined,
  wanted: (SiteEntry & { owned: string[] })[],
  checks: PublishChecks,
  place: Placer,
): Promise<void> {
  if (!checks.fresh && previous?.complete && (previous.linked ?? true) === place.linked && (await exists(copyDir))) {
    const key = (entry: SiteEntry) => `${entry.from}\0${entry.to}`;
    const keep = new Set(wanted.map(key));
    const had = new Set(previous.entries.map(key));
    const removed = previous.entries.filter((entry) => !keep.has(key(entry)) || checks.remade.has(entry.from));
    const added = wanted.filter((entry) => !had.has(key(entry)) || checks.remade.has(entry.from));
    for (const entry of removed) {
      for (const owned of entry.owned) await rm(path.join(copyDir, owned), { recursive: true, force: true });
    }
    await removeEmptyFolders(
      copyDir,
      removed.flatMap((entry) => entry.owned.map((owned) => path.dirname(owned))),
    );
    // The entries the copy already holds are left as they are: stating their files (two stats a file, about 1.5 million at 11,000
    // issues, 7 s of a day's build) to put back what was edited by hand in _site is --verify's work, which makes the copy anew.
    for (const entry of added) await linkOwned(entry, copyDir, place);
  } else {
    await rm(copyDir, { recursive: true, force: true });
    await mkdir(copyDir);
    for (const entry of wanted) await linkTree(entry.from, path.join(copyDir, entry.to), place);
  }
}

/** Puts the extra files into the copy where they are not the cache's, and removes what else is in their folder. */
async function placeExtras(copyDir: string, extras: readonly ExtraFile[], place: Placer): Promise<void> {
  const wanted = new Set(extras.map((extra) => path.join(copyDir, extra.target)));
  const folder = path.join(copyDir, DEPLOY_FOLDER);
  const present = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const file of present) {
    const full = path.join(file.parentPath, file.name);
    if (!file.isDirectory() && !wanted.has(full)) await rm(full, { force: true });
  }
  for (const extra of extras) {
    const target = path.join(copyDir, extra.target);
    if (isPlaced(extra.source, target, place.linked)) continue;
    await rm(target, { force: true });
    await mkdir(path.dirname(target), { recursive: true });
    await place.put(extra.source, target);
  }
}

/** Where the state of one copy of the site served at `outputDir` is kept. */
function stateFileOf(outputDir: string, cacheDir: string, copy: string): string {
  return buildRecordFile(cacheDir, outputDir, copy);
}

async function readState(file: string): Promise<CopyState | undefined> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as CopyState;
  } catch {
    return undefined;
  }
}

/** The copy `outputDir` serves, and what it was made of; undefined when it is not a complete copy this build knows. */
export async function servedState(outputDir: string, cacheDir: string): Promise<{ copyDir: string; state: CopyState } | undefined> {
  const copy = await servedCopy(outputDir);
  if (!copy) return undefined;
  const state = await readState(stateFileOf(outputDir, cacheDir, copy));
  return state?.complete ? { copyDir: `${outputDir}.${copy}`, state } : undefined;
}

/** Whether a copy's file `target` is still the cache's `source`: the same file when the copy is linked, a file of its size when copied. */
export function isPlaced(source: string, target: string, linked: boolean): boolean {
  const [from, to] = [statOf(source), statOf(target)];
  if (from === undefined || to === undefined) return false;
  return linked ? from.ino === to.ino && from.dev === to.dev : from.size === to.size;
}

/** The copy of the site a build updates, the one `outputDir` does not serve, and its state as the last build that made it left it. */
export interface NextCopy {
  dir: string;
  stateFile: string;
  previous: CopyState | undefined;
}

/** The copy of the site served at `outputDir` that a build would update now; read once, before the build, under its lock. */
export async function nextCopy(outputDir: string, cacheDir: string): Promise<NextCopy> {
  const served = await servedCopy(outputDir);
  const copy = COPIES.find((name) => name !== served) ?? "a";
  const stateFile = stateFileOf(outputDir, cacheDir, copy);
  return { dir: `${outputDir}.${copy}`, stateFile, previous: await readState(stateFile) };
}

/**
 * The cache entries (their folders) that `next` already holds as hard links, as a finished build made it: the build leaves them in the
 * copy as they are, so it need not check their files (cache-entries.ts: EntryLife.placed). None when the copy will be made from nothing:
 * unfinished, missing, made of copied files, or on another file system than the cache.
 */
export async function entriesHeld(next: NextCopy, cacheDir: string): Promise<Set<string>> {
  const { previous } = next;
  const [copied, cache] = await Promise.all([lstat(next.dir).catch(() => undefined), lstat(cacheDir).catch(() => undefined)]);
  if (!previous?.complete || previous.linked === false || !copied?.isDirectory() || !cache || copied.dev !== cache.dev) return new Set();
  return new Set(previous.entries.map((entry) => entryOfPublished(entry.from).dir));
}

/** The copy `outputDir` links to, if it is such a link. */
async function servedCopy(outputDir: string): Promise<string | undefined> {
  const target = await readlink(outputDir).catch(() => undefined);
  return target === undefined ? undefined : COPIES.find((name) => target === `${path.basename(outputDir)}.${name}`);
}

/** The paths an entry owns in the site: a bundle its folder; a part each of its top-level files and folders, and the children of shared ones, at any depth. */
async function ownedPaths(entry: SiteEntry): Promise<string[]> {
  if (entry.to) return [entry.to];
  const owned: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    for (const name of (await readdir(path.join(entry.from, folder))).sort()) {
      const relative = folder ? `${folder}/${name}` : name;
      if (SHARED_FOLDER.test(relative)) await walk(relative);
      else owned.push(relative);
    }
  };
  await walk("");
  return owned;
}

/** Links an entry's owned paths into the copy, each in place of whatever was there. */
async function linkOwned(entry: SiteEntry & { owned: string[] }, copyDir: string, place: Placer): Promise<void> {
  for (const owned of entry.owned) {
    const target = path.join(copyDir, owned);
    await rm(target, { recursive: true, force: true });
    // A bundle is linked under its own name, not its cache folder's.
    await linkTree(entry.to ? entry.from : path.join(entry.from, owned), target, place);
  }
}

/** How files of the cache are put into a copy of the site: hard links, or copies across file systems. */
interface Placer {
  linked: boolean;
  put(source: string, target: string): Promise<void>;
}

/** Hard links when a link from `cacheDir` into `siteParent` can be made (same file system), copies when it cannot (EXDEV). */
async function placer(cacheDir: string, siteParent: string): Promise<Placer> {
  await mkdir(siteParent, { recursive: true });
  await mkdir(cacheDir, { recursive: true });
  const probe = path.join(cacheDir, `link-probe-${process.pid}`);
  const probeLink = path.join(siteParent, `.baoku-link-probe-${process.pid}`);
  await writeAtomically(probe, "");
  const linked = await link(probe, probeLink).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === "EXDEV" || error.code === "EPERM" || error.code === "ENOTSUP") return false;
      throw error;
    },
  );
  await rm(probeLink, { force: true });
  await rm(probe, { force: true });
  return linked ? { linked, put: (source, target) => link(source, target) } : { linked, put: (source, target) => copyFile(source, target) };
}
/** Removes the given folders of the copy, and their parents, where they are left empty. */
async function removeEmptyFolders(copyDir: string, folders: readonly string[]): Promise<void> {
  for (const folder of [...new Set(folders)].sort().reverse()) {
    for (let current = folder; current !== "." && current !== ""; current = path.dirname(current)) {
      const removed = await rmdir(path.join(copyDir, current)).then(
        () => true,
        () => false,
      );
      if (!removed) break;
    }
  }
}

/**
 * Hard-links `from` (a file, or a folder with everything below it) to `to`, merging folders with what is there. Done in this process,
 * as fast as `cp -al` here (the time is the file system's), and nothing outlives a build that is killed.
 */
async function linkTree(from: string, to: string, place: Placer): Promise<void> {
  const info = await lstat(from);
  if (!info.isDirectory()) {
    await mkdir(path.dirname(to), { recursive: true });
    await place.put(from, to);
    return;
  }
  const entries = await readdir(from, { recursive: true, withFileTypes: true });
  const relative = (entry: { parentPath: string; name: string }) => path.relative(from, path.join(entry.parentPath, entry.name));
  await mkdir(to, { recursive: true });
  for (const folder of entries
    .filter((entry) => entry.isDirectory())
    .map(relative)
    .sort())
    await mkdir(path.join(to, folder), { recursive: true });
  const files = entries.filter((entry) => !entry.isDirectory()).map(relative);
  await eachLimited(files, LINKS_AT_ONCE, (file) => place.put(path.join(from, file), path.join(to, file)));
}

async function writeState(file: string, state: CopyState): Promise<void> {
  await writeAtomically(file, JSON.stringify(state));
}

/**
 * Points `outputDir` at the copy named `copyName` (beside it). Replacing a link is one rename. Anything else there (a folder from an older
 * build, or a file or folder made by hand, which may be someone's work) is moved aside under a name of its own and never deleted; that
 * name is returned, for the build to tell.
 */
export async function pointAt(outputDir: string, copyName: string): Promise<string | undefined> {
  const link = `${outputDir}.link-${process.pid}`;
  await rm(link, { force: true });
  await symlink(copyName, link);
  const current = await lstat(outputDir).catch(() => undefined);
  let movedTo: string | undefined;
  if (current && !current.isSymbolicLink()) {
    movedTo = await asideName(outputDir);
    await rename(outputDir, movedTo);
  }
  await rename(link, outputDir);
  return movedTo;
}

/** A name beside `outputDir` that nothing has: _site.moved-aside-2026-12-06, then -2, -3… */
async function asideName(outputDir: string): Promise<string> {
  const base = `${outputDir}.moved-aside-${new Date().toISOString().slice(0, 10)}`;
  for (let count = 1; ; count++) {
    const name = count === 1 ? base : `${base}-${count}`;
    if (
      !(await lstat(name).then(
        () => true,
        () => false,
      ))
    )
      return name;
  }
}

/**
 * Clears what builds killed midway left beside `outputDir`: unused links and staging folders, and the previous site of one killed between
 * the two renames of `pointAt`, which is put back when `outputDir` is missing. What belongs to builds still running, by their process id,
 * is left alone. A copy a killed build left half-made stays, marked incomplete, for the next build to make again.
 */
export async function recoverAbandonedBuilds(outputDir: string): Promise<void> {
  const parent = path.dirname(outputDir);
  const prefix = `${path.basename(outputDir)}.`;
  for (const name of (await readdir(parent).catch(() => [] as string[])).sort()) {
    const match = name.startsWith(prefix) ? /^(building|previous|link)-(\d+)$/.exec(name.slice(prefix.length)) : null;
    if (!match || isRunning(Number(match[2]))) continue;
    const leftover = path.join(parent, name);
    const hasOutput = await lstat(outputDir).then(
      () => true,
      () => false,
    );
    if (match[1] === "previous" && !hasOutput) await rename(leftover, outputDir);
    else await rm(leftover, { recursive: true, force: true });
  }
}
