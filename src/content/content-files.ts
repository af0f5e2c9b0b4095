// The files of a content root that a build depends on, read once: baoku.config.json and every Markdown file under issues/ by their bytes,
// every other file there (images, PDFs) by its size and time. The build's fingerprint and the parse cache's keys are both made from them,
// so each file is read and hashed once a build.
import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { CONFIG_FILE } from "./config.ts";
import { mapLimited } from "../util/each-limited.ts";

export interface ContentFiles {
  /** baoku.config.json's bytes, when there is one. */
  config?: Uint8Array;
  /** Every Markdown file under issues/, relative to the content root with forward slashes, sorted, with its bytes and their SHA-256. */
  markdown: { file: string; bytes: Uint8Array; hash: string }[];
  /** Every other file under issues/, sorted, with its size and modification time. */
  others: { file: string; size: number; modifiedMs: number }[];
}

/** The SHA-256 of a file's bytes, in hex: what the fingerprint and the parse cache know a Markdown file by. */
export function contentHash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Files read at once: enough to keep the disk busy without holding many open. */
const READS_AT_ONCE = 32;

export async function readContentFiles(contentRoot: string): Promise<ContentFiles> {
  const config = await readFile(path.join(contentRoot, CONFIG_FILE)).catch(() => undefined);
  const issuesDir = path.join(contentRoot, "issues");
  const entries = await readdir(issuesDir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries
    .filter((entry) => !entry.isDirectory())
    .map((entry) => path.relative(contentRoot, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
  const markdown = await mapLimited(files.filter((file) => file.endsWith(".md")), READS_AT_ONCE, async (file) => {
    const bytes = await readFile(path.join(contentRoot, file));
    return { file, bytes, hash: contentHash(bytes) };
  });
  const others = (await mapLimited(files.filter((file) => !file.endsWith(".md")), READS_AT_ONCE, async (file) => {
    const info = await stat(path.join(contentRoot, file)).catch(() => undefined);
    return info && { file, size: info.size, modifiedMs: info.mtimeMs };
  })).filter((other) => other !== undefined);
  return { ...(config && { config }), markdown, others };
}
