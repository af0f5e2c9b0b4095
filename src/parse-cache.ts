// Parsed issues kept between builds, by what parsing depends on: the code, the paper's configuration, the file's path and its bytes. An
// archive of decades of daily issues takes a minute to parse; a build after one new issue parses that one and reads the rest from here.
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import type { Issue, PaperConfig } from "./model.ts";
import type { Problem } from "./problems.ts";

export interface ParsedIssue {
  issue?: Issue;
  problems: Problem[];
}

/** How long an entry no build has used is kept; builds sharing the cache may be working on other content. */
const UNUSED_ENTRY_LIFETIME_MS = 60 * 60 * 1000;

export class ParseCache {
  private readonly used = new Set<string>();
  private readonly configHash: string;

  /** `dir` holds the entries; `codeHash` identifies the code that parses. */
  constructor(private readonly dir: string, codeHash: string, config: PaperConfig) {
    this.configHash = createHash("sha256").update(codeHash).update("\0").update(JSON.stringify(config)).digest("hex");
  }

  private fileOf(file: string, bytes: Uint8Array): string {
    const key = createHash("sha256").update(this.configHash).update(`\0${file}\0`).update(bytes).digest("hex");
    this.used.add(key);
    return path.join(this.dir, key.slice(0, 2), key);
  }

  /** The parse of `file` with these bytes, from the cache or from `parse` (whose result is then kept). */
  async parse(file: string, bytes: Uint8Array, parse: () => ParsedIssue): Promise<ParsedIssue> {
    const entry = this.fileOf(file, bytes);
    const cached = await readFile(entry).catch(() => undefined);
    if (cached) {
      const now = new Date();
      await utimes(entry, now, now).catch(() => undefined);
      return deserialize(cached) as ParsedIssue;
    }
    const parsed = parse();
    await mkdir(path.dirname(entry), { recursive: true });
    await writeFile(`${entry}.${process.pid}`, serialize(parsed));
    await rename(`${entry}.${process.pid}`, entry);
    return parsed;
  }

  /** Removes entries this build did not use and no build has used for an hour. */
  async prune(): Promise<void> {
    const now = Date.now();
    for (const shard of await readdir(this.dir).catch(() => [] as string[])) {
      for (const key of await readdir(path.join(this.dir, shard)).catch(() => [] as string[])) {
        if (this.used.has(key)) continue;
        const entry = path.join(this.dir, shard, key);
        const info = await stat(entry).catch(() => undefined);
        if (info && now - info.mtimeMs > UNUSED_ENTRY_LIFETIME_MS) await rm(entry, { force: true });
      }
    }
  }
}
