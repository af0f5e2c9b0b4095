// Files and folders of the build cache: written whole or not at all, marked when a build uses them, and let go when no build has used
// them for a while. Builds sharing a cache may be working on other content, so an entry another build used lately is never removed.
import { access, mkdir, rename, rm, utimes, writeFile } from "node:fs/promises";
import path from "node:path";

/** How long a cache entry no build has used is kept. */
export const UNUSED_ENTRY_LIFETIME_MS = 60 * 60 * 1000;

export function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/** Whether an entry last marked used at `modifiedMs` may be removed. */
export function isStale(modifiedMs: number, now = Date.now()): boolean {
  return now - modifiedMs > UNUSED_ENTRY_LIFETIME_MS;
}

/** Marks a cache entry (a file or a folder) as used now. */
export async function touch(entry: string): Promise<void> {
  const now = new Date();
  await utimes(entry, now, now).catch(() => undefined);
}

/** Writes through a temporary file and a rename, so a build that stops half way, or another build at the same time, never leaves a half-written file. */
export async function writeAtomically(file: string, bytes: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
