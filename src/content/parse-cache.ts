// Parsed issues kept between builds, by what parsing depends on: the code, the paper's configuration, the file's path and bytes, and the
// size and time of every file in the issue's image folder. An archive of decades of daily issues takes minutes to parse; a build after one
// new issue parses that one. The headers of the last build's issues (what the checks across issues, calendars and neighbours' links need)
// are kept together in one index, so a build reads whole issues only for the months it renders. The index keeps each header's credits
// (who wrote or photographed what: 4.6 of a header's 4.8 KB) as bytes of their own, read when first asked for: the people pages ask,
// and `npm run check` never does, which spares it deserializing about 50 MB at 11,000 issues.
import { createHash } from "node:crypto";
import { readdir, readFile, rm, stat } from "node:fs/promises";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import { issueHeader, type CreditedArticle, type Issue, type IssueHeader, type PaperConfig } from "../model.ts";
import type { Problem } from "../problems.ts";
import { isStale, touch, writeAtomically } from "../util/cache-files.ts";
import { DEFAULT_LANGUAGE } from "../messages/language.ts";
import { say } from "../messages/texts.ts";

/** One issue file parsed, with its images inspected: the issue (when it could be read) and the problems found in it. */
export interface ParsedIssue {
  issue?: Issue;
  problems: Problem[];
}

/** What the index keeps of a parsed issue. */
export interface ParsedHeader {
  header?: IssueHeader;
  problems: Problem[];
}

/** What the index keeps of a parsed issue: its header without its credits, and the credits serialized. */
interface IndexedHeader {
  header?: Omit<IssueHeader, "credited">;
  credits?: Uint8Array;
  problems: Problem[];
}

/** A file of an issue's image folder, as its cache key counts it. */
export interface FolderFile {
  name: string;
  size: number;
  /** The SHA-256 of its bytes (content-files.ts): the same file in a fresh checkout, with other times, is the same key. */
  hash: string;
}

const INDEX_FILE = "index.v8";

export class ParseCache {
  private readonly used = new Map<string, IndexedHeader>();
  private changed = false;

  /** Whole issues of a cache kept in memory only (`dir` undefined), for a run that leaves nothing behind. */
  private readonly memory = new Map<string, ParsedIssue>();

  private constructor(
    private readonly dir: string | undefined,
    private readonly configHash: string,
    private readonly index: ReadonlyMap<string, IndexedHeader>,
    /** Whether what is parsed is written to `dir`; otherwise it is kept in memory, and `dir` is only read. */
    private readonly writes = true,
  ) {}

  /** A cache that keeps what it parses in memory for this run only: what `npm run check` and tests go through, the same way as a build. */
  static inMemory(): ParseCache {
    return new ParseCache(undefined, "", new Map());
  }

  /** The cache in `dir` for issues parsed by the code `codeHash` with `config`. */
  static async open(dir: string, codeHash: string, config: PaperConfig): Promise<ParseCache> {
    return ParseCache.opened(dir, codeHash, config, true);
  }

  /**
   * The cache in `dir` read and never written: what a build parsed is taken from it, and what it has not is parsed and kept in memory.
   * `npm run check` goes through it, so that checking the day's issue parses that issue only, and leaves nothing behind.
   */
  static async openToRead(dir: string, codeHash: string, config: PaperConfig): Promise<ParseCache> {
    return ParseCache.opened(dir, codeHash, config, false);
  }

  private static async opened(dir: string, codeHash: string, config: PaperConfig, writes: boolean): Promise<ParseCache> {
    const configHash = createHash("sha256").update(codeHash).update("\0").update(JSON.stringify(config)).digest("hex");
    const saved = await readFile(path.join(dir, INDEX_FILE)).then(
      (bytes) => readSaved<{ configHash: string; entries: Map<string, IndexedHeader> }>(bytes),
      () => undefined,
    );
    return new ParseCache(dir, configHash, saved?.configHash === configHash ? saved.entries : new Map(), writes);
  }

  /** The key of an issue file: its path, the SHA-256 of its bytes (content-files.ts), and its image folder's files. */
  keyOf(file: string, bytesHash: string, folder: readonly FolderFile[]): string {
    const hash = createHash("sha256").update(this.configHash).update(`\0${file}\0${bytesHash}`);
    for (const entry of folder) hash.update(`\0${entry.name}\0${entry.size}\0${entry.hash}`);
    return hash.digest("hex");
  }

  private entryFile(dir: string, key: string): string {
    return path.join(dir, key.slice(0, 2), key);
  }

  /** The header and problems of the issue with this key, from the index or from `parse` (whose result is then kept). */
  async header(key: string, parse: () => Promise<ParsedIssue>): Promise<ParsedHeader> {
    const indexed = this.index.get(key);
    if (indexed) {
      this.used.set(key, indexed);
      return headerOf(indexed);
    }
    const parsed = await parse();
    await this.store(key, parsed);
    const made = indexedHeader(parsed.issue && issueHeader(parsed.issue), parsed.problems);
    this.used.set(key, made);
    this.changed = true;
    // As the index gives it, its credits as bytes: a cold build keeps every header, and their credits as objects took about 80 MB more
    // at 11,000 issues.
    return headerOf(made);
  }

  /** The whole issue with this key, from the cache or, when another build has pruned it, from `parse` again. */
  async issue(key: string, parse: () => Promise<ParsedIssue>): Promise<Issue> {
    let parsed = await this.stored(key);
    if (!parsed) {
      parsed = await parse();
      await this.store(key, parsed);
    }
    if (!parsed.issue) throw new Error(say(DEFAULT_LANGUAGE, "cachedIssueLost", { key }));
    return parsed.issue;
  }

  /** The whole parse kept under `key`, marked as used, if the cache still has it. */
  private async stored(key: string): Promise<ParsedIssue | undefined> {
    const kept = this.memory.get(key);
    if (kept || !this.dir) return kept;
    const file = this.entryFile(this.dir, key);
    const cached = await readFile(file).catch(() => undefined);
    const parsed = cached && readSaved<ParsedIssue>(cached);
    if (!parsed) return undefined;
    if (this.writes) await touch(file);
    return parsed;
  }

  private async store(key: string, parsed: ParsedIssue): Promise<void> {
    if (this.dir && this.writes) await writeAtomically(this.entryFile(this.dir, key), serialize(parsed));
    else this.memory.set(key, parsed);
  }

  /** Keeps the index of the issues this build used, for the next build. */
  async save(): Promise<void> {
    if (!this.dir || !this.writes || (!this.changed && this.used.size === this.index.size)) return;
    await writeAtomically(path.join(this.dir, INDEX_FILE), serialize({ configHash: this.configHash, entries: this.used }));
  }

  /** Removes entries this build did not use and no build has used for an hour. */
  async prune(): Promise<void> {
    if (!this.dir || !this.writes) return;
    const now = Date.now();
    for (const shard of await readdir(this.dir).catch(() => [] as string[])) {
      if (shard === INDEX_FILE || shard.startsWith(`${INDEX_FILE}.`)) continue;
      for (const key of await readdir(path.join(this.dir, shard)).catch(() => [] as string[])) {
        if (this.used.has(key)) continue;
        const entry = path.join(this.dir, shard, key);
        const info = await stat(entry).catch(() => undefined);
        if (info && isStale(info.mtimeMs, now)) await rm(entry, { force: true });
      }
    }
  }
}

/** A header as the index keeps it. */
function indexedHeader(header: IssueHeader | undefined, problems: Problem[]): IndexedHeader {
  if (!header) return { problems: copied(problems) };
  const { credited, ...rest } = header;
  return { ...copied({ header: rest, problems }), credits: serialize(credited) };
}

/**
 * A copy of `value` that shares no string with it. A string cut from a longer one (a headline from its issue file's text) keeps the whole
 * text alive in V8: the headers a cold build holds kept every issue file's text, about 40 KB an issue, 400 MB at 11,000 issues.
 */
function copied<T>(value: T): T {
  return deserialize(serialize(value)) as T;
}

/** The header the index keeps, its credits deserialized when first read. */
function headerOf(indexed: IndexedHeader): ParsedHeader {
  const { header, credits, problems } = indexed;
  if (!header || !credits) return { problems };
  let credited: CreditedArticle[] | undefined;
  const whole = Object.defineProperty({ ...header }, "credited", {
    enumerable: true,
    get: () => (credited ??= deserialize(credits) as CreditedArticle[]),
  });
  return { header: whole as IssueHeader, problems };
}

/** What was serialized into `bytes`, or undefined when they are damaged (a truncated or overwritten cache file is parsed again). */
function readSaved<T>(bytes: Uint8Array): T | undefined {
  try {
    return deserialize(bytes) as T;
  } catch {
    return undefined;
  }
}
