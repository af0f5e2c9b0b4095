// Where a build keeps the stamps of the issue files it read (content/content-files.ts: FileStamps), so that the next build, and a
// rebuild with nothing changed above all, reads only the files that changed: one file a content root, in the cache's stamps/ folder.
// Stamps that cannot be read, or do not have their shape, are none: every file is read, as by a first build.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { ContentFiles, FileStamps } from "../content/content-files.ts";
import { writeAtomically } from "../util/cache-files.ts";
import { cacheFolder } from "./cache-layout.ts";

const STAMP_NUMBERS = ["size", "mtimeMs", "ctimeMs", "ino"] as const;

/**
 * Whether `value` has the stamps' shape: checked by hand rather than with zod, whose loading alone (about a quarter of a second) would be
 * most of a rebuild with nothing changed.
 */
function isStamps(value: unknown): value is FileStamps {
  const stamps = value as FileStamps | null;
  if (typeof stamps?.takenMs !== "number" || typeof stamps.files !== "object" || stamps.files === null) return false;
  return Object.values(stamps.files).every(
    (stamp) =>
      typeof stamp === "object" &&
      stamp !== null &&
      STAMP_NUMBERS.every((key) => typeof stamp[key] === "number") &&
      typeof stamp.hash === "string" &&
      (stamp.blob === undefined || typeof stamp.blob === "string"),
  );
}

function stampsFile(cacheDir: string, contentRoot: string): string {
  const name = createHash("sha256").update(path.resolve(contentRoot)).digest("hex").slice(0, 16);
  return path.join(cacheFolder(cacheDir, "stamps"), `${name}.json`);
}

/** The stamps the last read of `contentRoot` kept in `cacheDir`, if any. */
export async function readStamps(cacheDir: string, contentRoot: string): Promise<FileStamps | undefined> {
  try {
    const stamps: unknown = JSON.parse(await readFile(stampsFile(cacheDir, contentRoot), "utf8"));
    return isStamps(stamps) ? stamps : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the stamps of `content` for the next read, when they say more than `known`: a file read, added or gone, or git's word kept. */
export async function keepStamps(cacheDir: string, contentRoot: string, content: ContentFiles, known: FileStamps | undefined): Promise<void> {
  const same = known !== undefined && content.read === 0 && !content.restamped && Object.keys(known.files).length === Object.keys(content.stamps.files).length;
  if (!same) await writeAtomically(stampsFile(cacheDir, contentRoot), JSON.stringify(content.stamps));
}
