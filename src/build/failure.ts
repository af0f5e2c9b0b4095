// A build that cannot go on for a reason the person running it can act on — a full disk, a folder it may not write — ends with that
// reason as a problem, reported like a problem in the content, and the published site is left as it was.
import { mkdir, rm, statfs, writeFile } from "node:fs/promises";
import path from "node:path";
import { problem, ProblemsError, type Problem } from "../problems.ts";
import { shortText, shownPath } from "../util/shown.ts";

/** The error of a write that failed for want of space, where the writer (Pagefind) only said so in its own words. */
export function diskFullAt(file: string): NodeJS.ErrnoException {
  const code = "ENOSPC";
  return Object.assign(new Error(code), { code, path: file });
}

/** Writes `data` to `file`; when the write fails, its error names the file (Node names it only when opening fails), so a full disk says where. */
export async function writeNamed(file: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeFile(file, data);
  } catch (error) {
    const failure = error as NodeJS.ErrnoException;
    failure.path ??= file;
    throw failure;
  }
}

/** What a failed write of a file system error means to the person who must free space or fix permissions. */
const WRITE_ERRORS: Record<string, "full" | "permission" | "readOnly"> = {
  ENOSPC: "full",
  EDQUOT: "full",
  EFBIG: "full",
  EACCES: "permission",
  EPERM: "permission",
  EROFS: "readOnly",
};

/**
 * The problem of a write that failed (an error of the file system, with its code and path), or undefined for any other error.
 * `neededBytes` is about what the whole build writes, for the space to free.
 */
export async function writeProblem(error: unknown, neededBytes: number): Promise<Problem | undefined> {
  if (error instanceof ProblemsError) return error.problem;
  // A copy's error names its source and its destination; the destination is what was being written.
  const { code, path: source, dest } = (error ?? {}) as NodeJS.ErrnoException & { dest?: string };
  const file = dest ?? source;
  const meaning = code ? WRITE_ERRORS[code] : undefined;
  if (!meaning || !file) return undefined;
  const where = { file: shortText(shownPath(file), 200) };
  if (meaning !== "full") return problem("WriteFailed", where, { reason: meaning, code: code! });
  return problem("DiskFull", where, { freeMegabytes: megabytesOf(await freeBytes(file)), neededMegabytes: megabytesOf(neededBytes) });
}

/** Free bytes for an unprivileged writer on the file system of `file` (or of the nearest folder above it that exists). */
async function freeBytes(file: string): Promise<number> {
  for (let at = file; ; at = path.dirname(at)) {
    const info = await statfs(at).catch(() => undefined);
    if (info) return info.bavail * info.bsize;
    if (path.dirname(at) === at) return 0;
  }
}

function megabytesOf(bytes: number): number {
  return Math.ceil((bytes / (1024 * 1024)) * 10) / 10;
}

/**
 * Fails with CacheNotWritable unless a file can be written in `cacheDir` (made when missing): found before anything is built, rather
 * than as Node's error from deep inside the first write, and before the site is touched.
 */
export async function assertCacheWritable(cacheDir: string): Promise<void> {
  const probe = path.join(cacheDir, `.writable-${process.pid}`);
  try {
    await mkdir(cacheDir, { recursive: true });
    await writeFile(probe, "");
    await rm(probe, { force: true });
  } catch (error) {
    throw new ProblemsError(problem("CacheNotWritable", { file: shownPath(cacheDir) }, { code: (error as NodeJS.ErrnoException).code ?? "?" }));
  }
}
