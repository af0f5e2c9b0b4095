// What a cache entry (a rendered part of the site, a search bundle) is made of, recorded when it is written and checked when it is taken
// again: every file's path, size, time and SHA-256. The published site is hard links to these files, so a file truncated in the cache,
// damaged when CI restored it, or edited in place in _site is the same file; an entry that fails the check is made again, never published.
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { statSync, type Stats } from "node:fs";
import path from "node:path";
import { writeAtomically } from "../util/cache-files.ts";
import { mapLimited } from "../util/each-limited.ts";

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
export async function checkFiles(dir: string, files: readonly EntryFile[], verification: Verification): Promise<{ files: EntryFile[]; retimed: boolean } | undefined> {
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
export async function readManifest<T extends { files: EntryFile[] }>(file: string): Promise<T | undefined> {
  try {
    const manifest = JSON.parse(await readFile(file, "utf8")) as T;
    return Array.isArray(manifest.files) ? manifest : undefined;
  } catch {
    return undefined;
  }
}

export async function writeManifest(file: string, manifest: { files: EntryFile[] }): Promise<void> {
  await writeAtomically(file, JSON.stringify(manifest));
}
