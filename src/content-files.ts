// The files of a content root that a build depends on, read once: baoku.config.json and every Markdown file under issues/ by their bytes,
// every other file there (images, PDFs) by its size and time. The build's fingerprint and the parse cache's keys are both made from them.
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { CONFIG_FILE } from "./config.ts";

export interface ContentFiles {
  /** baoku.config.json's bytes, when there is one. */
  config?: Uint8Array;
  /** Every Markdown file under issues/, relative to the content root with forward slashes, sorted, with its bytes. */
  markdown: { file: string; bytes: Uint8Array }[];
  /** Every other file under issues/, sorted, with its size and modification time. */
  others: { file: string; size: number; modifiedMs: number }[];
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
  const markdown = await mapLimited(files.filter((file) => file.endsWith(".md")), async (file) => ({ file, bytes: await readFile(path.join(contentRoot, file)) }));
  const others = (await mapLimited(files.filter((file) => !file.endsWith(".md")), async (file) => {
    const info = await stat(path.join(contentRoot, file)).catch(() => undefined);
    return info && { file, size: info.size, modifiedMs: info.mtimeMs };
  })).filter((other) => other !== undefined);
  return { ...(config && { config }), markdown, others };
}

/** `work` on every item, `READS_AT_ONCE` at a time, with the results in the items' order. */
async function mapLimited<T, R>(items: readonly T[], work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(READS_AT_ONCE, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  }));
  return results;
}
