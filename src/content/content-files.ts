// The files of a content root's issues/ that a build depends on, read once: every Markdown file by its bytes,
// every other file there (images, PDFs) by its size and time. The build's fingerprint and the parse cache's keys are both made from them,
// so each file is read and hashed at most once a build, and only when its stamp from the read before no longer holds (FileStamps). What is not a plain file or folder inside the archive is set aside, never read: a
// symbolic link that leads out of the archive, an issue file too large to parse, a year that is a file instead of a folder.
import { createHash } from "node:crypto";
import { statSync, type Stats } from "node:fs";
import { lstat, readdir, readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { LIMITS } from "./limits.ts";
import { inIssueFolder, ISSUES_FOLDER } from "../paths.ts";
import { mapLimited } from "../util/each-limited.ts";

export interface ContentFiles {
  /** What issues/ is: a folder, missing, or something else in its place. */
  issuesFolder: "folder" | "missing" | "notFolder";
  /**
   * Every Markdown file under issues/, relative to the content root with forward slashes, sorted, with its size and SHA-256, and its
   * bytes when this read had to read them (not when `known` vouched for its hash). Scanning the archive takes the bytes (archive.ts), so
   * that a build does not hold the whole archive's text once it is parsed.
   */
  markdown: { file: string; size: number; hash: string; bytes?: Uint8Array }[];
  /** Every other file under issues/, sorted, with its size and modification time. */
  others: { file: string; size: number; modifiedMs: number }[];
  /** Paths under issues/ that were not read, and why: a link out of issues/ or to a folder, an issue file over the size limit, a year that is no folder. */
  setAside: { file: string; reason: "linkOut" | "tooLarge" | "yearNotFolder"; size?: number }[];
  /** What this read knew of each Markdown file, for the next read to trust (FileStamps). */
  stamps: FileStamps;
  /** Markdown files read, and hashed, by this read: the others' hashes were the stamps'. */
  read: number;
}

/**
 * What a read knew of each Markdown file: its size, times and inode when it was hashed, and the hash, as git's index keeps them. The next
 * read trusts a file's hash without reading it when all four are unchanged and the file was last changed a while before the stamps were
 * taken. An edit that keeps the size and sets the time back still changes the file's ctime, which no program can set; a file changed in
 * the same moment the stamps were taken ("racily clean", as git calls it) is read again; a cache moved to another machine or a copied
 * archive has other inodes, and every file is read.
 */
export interface FileStamps {
  /** When the read that made them started (ms since the epoch, this machine's clock). */
  takenMs: number;
  files: Record<string, { size: number; mtimeMs: number; ctimeMs: number; ino: number; hash: string }>;
}

/** A file's stat, or nothing when it went away since it was listed. */
function statOrNothing(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/** How long before the stamps were taken a file must have last changed for its stamp to be trusted: more than file times' granularity. */
const RACY_MS = 2000;

/** The SHA-256 of a file's bytes, in hex: what the fingerprint and the parse cache know a Markdown file by. */
export function contentHash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Files read at once: enough to keep the disk busy without holding many open. */
const READS_AT_ONCE = 32;

/** The content root's files under issues/; `known` the stamps of a read before (a build keeps them in its cache: the files whose stamps still hold are not read). */
export async function readContentFiles(contentRoot: string, known?: FileStamps): Promise<ContentFiles> {
  const stamps: FileStamps = { takenMs: Date.now(), files: {} };
  const issuesDir = path.join(contentRoot, ISSUES_FOLDER);
  const top = await lstat(issuesDir).catch(() => undefined);
  const empty = { markdown: [], others: [], setAside: [], stamps, read: 0 };
  if (!top) return { ...empty, issuesFolder: "missing" };
  if (!top.isDirectory()) return { ...empty, issuesFolder: "notFolder" };

  const setAside: ContentFiles["setAside"] = [];
  const relative = (entry: { parentPath: string; name: string }) =>
    path.relative(contentRoot, path.join(entry.parentPath, entry.name)).split(path.sep).join("/");
  const realIssues = await realpath(issuesDir);
  const plain: string[] = [];
  // Symbolic links are not followed by the listing. A link among an issue's images is left for image-files.ts to judge against the issue's
  // folder, when the issue uses it; any other link is read as the file it names when that stays inside issues/, and never otherwise.
  for (const entry of await readdir(issuesDir, { recursive: true, withFileTypes: true })) {
    const file = relative(entry);
    if (entry.isDirectory()) continue;
    if (entry.isSymbolicLink()) {
      const target = await realpath(path.join(contentRoot, file)).catch(() => undefined);
      const isFile = target !== undefined && (await stat(target)).isFile();
      if (isFile && (inIssueFolder(file) || target.startsWith(realIssues + path.sep))) plain.push(file);
      else setAside.push({ file, reason: "linkOut" });
    } else if (entry.parentPath === issuesDir && /^\d{4}$/.test(entry.name)) {
      setAside.push({ file, reason: "yearNotFolder" });
    } else {
      plain.push(file);
    }
  }
  plain.sort();
  // Each file is stated in turn, synchronously: 11,000 stats through promises took 0.3 s, most of a rebuild with nothing changed, and
  // about 0.03 s this way. Only the files whose stamps do not hold are then read, several at once.
  const markdown: ContentFiles["markdown"] = [];
  const toRead: { at: number; file: string; info: Stats }[] = [];
  for (const file of plain.filter((each) => each.endsWith(".md"))) {
    // Stated before it is read: a file changed while it is read then has other times than its stamp says, and is read again next time.
    const info = statSync(path.join(contentRoot, file));
    if (info.size > LIMITS.fileBytes) {
      setAside.push({ file, reason: "tooLarge", size: info.size });
      continue;
    }
    const stamp = known?.files[file];
    const trusted =
      stamp !== undefined &&
      stamp.size === info.size &&
      stamp.mtimeMs === info.mtimeMs &&
      stamp.ctimeMs === info.ctimeMs &&
      stamp.ino === info.ino &&
      Math.max(info.mtimeMs, info.ctimeMs) < (known?.takenMs ?? 0) - RACY_MS;
    if (trusted) stamps.files[file] = stamp;
    else toRead.push({ at: markdown.length, file, info });
    markdown.push({ file, size: info.size, hash: stamp?.hash ?? "" });
  }
  await mapLimited(toRead, READS_AT_ONCE, async ({ at, file, info }) => {
    const bytes = await readFile(path.join(contentRoot, file));
    const hash = contentHash(bytes);
    // A file that grew or shrank while it was read has bytes its stat does not describe: no stamp, so the next read reads it again.
    if (bytes.length === info.size) stamps.files[file] = { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino, hash };
    markdown[at] = { file, size: bytes.length, bytes, hash };
  });
  const others: ContentFiles["others"] = [];
  for (const file of plain.filter((each) => !each.endsWith(".md"))) {
    const info = statOrNothing(path.join(contentRoot, file));
    if (info) others.push({ file, size: info.size, modifiedMs: info.mtimeMs });
  }
  setAside.sort((a, b) => (a.file < b.file ? -1 : 1));
  return { issuesFolder: "folder", markdown, others, setAside, stamps, read: toRead.length };
}
