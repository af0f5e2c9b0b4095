// The files of a content root that a build depends on, read once: baoku.config.json and every Markdown file under issues/ by their bytes,
// every other file there (images, PDFs) by its size and time. The build's fingerprint and the parse cache's keys are both made from them,
// so each file is read and hashed once a build. What is not a plain file or folder inside the archive is set aside, never read: a
// symbolic link that leads out of the archive, an issue file too large to parse, a year that is a file instead of a folder.
import { createHash } from "node:crypto";
import { lstat, readdir, readFile, realpath, stat } from "node:fs/promises";
import path from "node:path";
import { loadConfig, type ConfigFile } from "./config.ts";
import { LIMITS } from "./limits.ts";
import { inIssueFolder, ISSUES_FOLDER } from "../paths.ts";
import { mapLimited } from "../util/each-limited.ts";

export interface ContentFiles {
  /** baoku.config.json as read (config.ts): its bytes, its configuration and problems, and the language of the run. */
  configFile: ConfigFile;
  /** What issues/ is: a folder, missing, or something else in its place. */
  issuesFolder: "folder" | "missing" | "notFolder";
  /** Every Markdown file under issues/, relative to the content root with forward slashes, sorted, with its bytes and their SHA-256. */
  markdown: { file: string; bytes: Uint8Array; hash: string }[];
  /** Every other file under issues/, sorted, with its size and modification time. */
  others: { file: string; size: number; modifiedMs: number }[];
  /** Paths under issues/ that were not read, and why: a link out of issues/ or to a folder, an issue file over the size limit, a year that is no folder. */
  setAside: { file: string; reason: "linkOut" | "tooLarge" | "yearNotFolder"; size?: number }[];
}

/** The SHA-256 of a file's bytes, in hex: what the fingerprint and the parse cache know a Markdown file by. */
export function contentHash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Files read at once: enough to keep the disk busy without holding many open. */
const READS_AT_ONCE = 32;

/** The content root's files; `configFile` is baoku.config.json when the command has read it already. */
export async function readContentFiles(contentRoot: string, configFile: ConfigFile = loadConfig(contentRoot)): Promise<ContentFiles> {
  const issuesDir = path.join(contentRoot, ISSUES_FOLDER);
  const top = await lstat(issuesDir).catch(() => undefined);
  const empty = { configFile, markdown: [], others: [], setAside: [] };
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
  const markdown = (
    await mapLimited(
      plain.filter((file) => file.endsWith(".md")),
      READS_AT_ONCE,
      async (file) => {
        const info = await stat(path.join(contentRoot, file));
        if (info.size > LIMITS.fileBytes) {
          setAside.push({ file, reason: "tooLarge", size: info.size });
          return undefined;
        }
        const bytes = await readFile(path.join(contentRoot, file));
        return { file, bytes, hash: contentHash(bytes) };
      },
    )
  ).filter((entry) => entry !== undefined);
  const others = (
    await mapLimited(
      plain.filter((file) => !file.endsWith(".md")),
      READS_AT_ONCE,
      async (file) => {
        const info = await stat(path.join(contentRoot, file)).catch(() => undefined);
        return info && { file, size: info.size, modifiedMs: info.mtimeMs };
      },
    )
  ).filter((other) => other !== undefined);
  setAside.sort((a, b) => (a.file < b.file ? -1 : 1));
  return { configFile, issuesFolder: "folder", markdown, others, setAside };
}
