// The files of a content root's issues/ that a build depends on, each known by the SHA-256 of its bytes: every Markdown file, and every
// other file there (images, PDFs). The build's fingerprint and the parse cache's keys are both made from them, so each file is read and
// hashed at most once a build, and only when neither its stamp from the read before nor git's index vouches for it (FileStamps): a fresh
// checkout in CI reads only the files that changed. What is not a plain file or folder inside the archive is set aside, never read: a
// symbolic link that leads out of the archive, an issue file too large to parse, a year that is a file instead of a folder.
import { createHash } from "node:crypto";
import { createReadStream, statSync, type Stats } from "node:fs";
import { lstat, readdir, readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { LIMITS } from "./limits.ts";
import { inIssueFolder, ISSUES_FOLDER } from "../paths.ts";
import { mapLimited } from "../util/each-limited.ts";
import { cleanObjectIds } from "../util/git.ts";

export interface ContentFiles {
  /** What issues/ is: a folder, missing, or something else in its place. */
  issuesFolder: "folder" | "missing" | "notFolder";
  /**
   * Every Markdown file under issues/, relative to the content root with forward slashes, sorted, with its size and SHA-256, and its
   * bytes when this read had to read them (not when `known` vouched for its hash). Scanning the archive takes the bytes (archive.ts), so
   * that a build does not hold the whole archive's text once it is parsed.
   */
  markdown: { file: string; size: number; hash: string; bytes?: Uint8Array }[];
  /** Every other file under issues/ (images, PDFs), sorted, with its size and SHA-256. */
  others: { file: string; size: number; hash: string }[];
  /** Paths under issues/ that were not read, and why: a link out of issues/ or to a folder, an issue file over the size limit, a year that is no folder. */
  setAside: { file: string; reason: "linkOut" | "tooLarge" | "yearNotFolder"; size?: number }[];
  /** What this read knew of each file, for the next read to trust (FileStamps). */
  stamps: FileStamps;
  /** Files read, and hashed, by this read: the others' hashes were the stamps'. */
  read: number;
  /** Whether the stamps say more than `known` did, when no file was read: a stamp git vouched for, brought up to date. */
  restamped: boolean;
}

/**
 * What a read knew of each file: its size, times and inode when it was hashed, and the hash, as git's index keeps them; and, when git's
 * index held the file unchanged, git's object id of its content. The next read trusts a file's hash without reading it when all four
 * are unchanged and the file was last changed a while before the stamps were taken. An edit that keeps the size and sets the time back
 * still changes the file's ctime, which no program can set; a file changed in the same moment the stamps were taken ("racily clean", as
 * git calls it) is read again. A fresh checkout, a cache moved to another machine or a copied archive has other times and inodes: there a
 * file's hash is trusted when git's index holds it unchanged with the object id its stamp recorded, and its size is the same (git hashes
 * a file as its attributes clean it: a line-ending conversion turned on since would change the size); every other file is read.
 */
export interface FileStamps {
  /** When the read that made them started (ms since the epoch, this machine's clock). */
  takenMs: number;
  files: Record<string, FileStamp>;
}

export interface FileStamp {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  hash: string;
  /** git's object id of the same content, when git's index held the file unchanged as it was hashed (util/git.ts). */
  blob?: string;
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

/** A file whose stamp does not hold by its stat: git may vouch for it, or it is read. */
interface Candidate {
  file: string;
  info: Stats;
  /** Its place in `markdown` or `others`. */
  at: number;
  markdown: boolean;
}

/**
 * Bytes of files to read above which git is asked first which of them its index holds unchanged: asking took about 0.05 s at 11,000
 * issues, about what reading 8 MB takes here. A day's issue is read at once; a fresh checkout asks git.
 */
export const ASK_GIT_ABOVE_BYTES = 8 * 1024 * 1024;

/**
 * The content root's files under issues/; `known` the stamps of a read before (a build keeps them in its cache: the files whose stamps
 * still hold are not read); `askGitAbove` the bytes to read above which git is asked (ASK_GIT_ABOVE_BYTES).
 */
export async function readContentFiles(contentRoot: string, known?: FileStamps, askGitAbove = ASK_GIT_ABOVE_BYTES): Promise<ContentFiles> {
  const stamps: FileStamps = { takenMs: Date.now(), files: {} };
  const issuesDir = path.join(contentRoot, ISSUES_FOLDER);
  const top = await lstat(issuesDir).catch(() => undefined);
  const empty = { markdown: [], others: [], setAside: [], stamps, read: 0, restamped: false };
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
  // about 0.03 s this way. Only the files whose stamps do not hold are then read, several at once. A file is stated before it is read:
  // one changed while it is read then has other times than its stamp says, and is read again next time.
  const markdown: ContentFiles["markdown"] = [];
  const others: ContentFiles["others"] = [];
  const candidates: Candidate[] = [];
  const holds = (stamp: FileStamp | undefined, info: Stats): stamp is FileStamp =>
    stamp !== undefined &&
    stamp.size === info.size &&
    stamp.mtimeMs === info.mtimeMs &&
    stamp.ctimeMs === info.ctimeMs &&
    stamp.ino === info.ino &&
    Math.max(info.mtimeMs, info.ctimeMs) < (known?.takenMs ?? 0) - RACY_MS;
  for (const file of plain) {
    const isMarkdown = file.endsWith(".md");
    const info = isMarkdown ? statSync(path.join(contentRoot, file)) : statOrNothing(path.join(contentRoot, file));
    if (!info) continue;
    if (isMarkdown && info.size > LIMITS.fileBytes) {
      setAside.push({ file, reason: "tooLarge", size: info.size });
      continue;
    }
    const stamp = known?.files[file];
    const list: { file: string; size: number; hash: string }[] = isMarkdown ? markdown : others;
    if (holds(stamp, info)) stamps.files[file] = stamp;
    else candidates.push({ file, info, at: list.length, markdown: isMarkdown });
    list.push({ file, size: info.size, hash: stamp?.hash ?? "" });
  }
  // Only when the files whose stamps do not hold are more than a few is git asked which files its index holds unchanged: in a fresh
  // checkout, every one. Their object ids are kept in the stamps, also of the files whose stamps held.
  const toReadBytes = candidates.reduce((sum, { info }) => sum + info.size, 0);
  const blobs = toReadBytes > askGitAbove ? await cleanObjectIds(contentRoot, ISSUES_FOLDER) : new Map<string, string>();
  let restamped = false;
  for (const [file, stamp] of Object.entries(stamps.files)) {
    const blob = blobs.get(file);
    if (blob && stamp.blob !== blob) {
      stamps.files[file] = { ...stamp, blob };
      restamped = true;
    }
  }
  const toRead: (Candidate & { blob: string | undefined })[] = [];
  for (const candidate of candidates) {
    const { file, info } = candidate;
    const stamp = known?.files[file];
    const blob = blobs.get(file);
    if (blob !== undefined && stamp?.blob === blob && stamp.size === info.size) {
      stamps.files[file] = { size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino, hash: stamp.hash, blob };
      restamped = true;
    } else {
      toRead.push({ ...candidate, blob });
    }
  }
  await mapLimited(toRead, READS_AT_ONCE, async ({ at, file, info, markdown: isMarkdown, blob }) => {
    const where = path.join(contentRoot, file);
    const bytes = isMarkdown ? await readFile(where) : undefined;
    const { hash, size } = bytes ? { hash: contentHash(bytes), size: bytes.length } : await streamedHash(where);
    // A file changed while it was read has bytes its stat does not describe (nor, maybe, git's object id): no stamp, so the next read
    // reads it again.
    const after = statOrNothing(where);
    if (size === info.size && after?.mtimeMs === info.mtimeMs && after.ctimeMs === info.ctimeMs) {
      stamps.files[file] = { size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs, ino: info.ino, hash, ...(blob && { blob }) };
    }
    if (bytes) markdown[at] = { file, size, bytes, hash };
    else others[at] = { file, size, hash };
  });
  setAside.sort((a, b) => (a.file < b.file ? -1 : 1));
  return { issuesFolder: "folder", markdown, others, setAside, stamps, read: toRead.length, restamped };
}

/** The SHA-256 of a file read as a stream (an image or a PDF may be large), and how many bytes were read. */
async function streamedHash(file: string): Promise<{ hash: string; size: number }> {
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    size += (chunk as Buffer).length;
  }
  return { hash: hash.digest("hex"), size };
}
