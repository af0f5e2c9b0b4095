// The term directory: which sealed search bundles hold each spelled term, how many of their records hold it and at most how often one
// record does, so that the search page merges, per query, only the bundles that hold the query's terms, in the order of how well they can
// score, and knows each term's count of records in the whole archive without loading any bundle. It is sharded by a hash of the term, so
// a query of k terms fetches at most k small files whatever the archive's size. The live bundle (the newest month) is not in it: the page
// searches it with every query, so a day's build leaves the directory alone, and the first issue of a month adds the month it seals to the
// directory written before (docs/SEARCH.md).
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { directoryShard, prefixOfSpelled } from "../../public/js/search-directory.js";
import { eachLimited, mapLimited } from "../util/each-limited.ts";

/** A bundle's terms: for each spelled term (and each Han first character, as a prefix), [records holding it, most matches in one record]. */
export type TermStats = Record<string, [records: number, most: number]>;

/** The file beside a bundle's cache entry that holds its term statistics (not published). */
export const TERM_STATS_FILE = "terms.json";

/** The directory's head, published as head.json: what the search page reads at the first query. */
export interface DirectoryHead {
  /** The folder of this version's shards, below the directory's folder; changes with its content, so shards can be cached for ever. */
  version: string;
  shards: number;
  /** The sealed bundles' keys, oldest first; a shard names a bundle by its index here. */
  bundles: string[];
  /**
   * Each sealed bundle's page list (Pagefind's `pagefind.<name>.pf_meta`), by the same index, or "" when its entry names more than one:
   * the search page fetches it beside the bundle's entry instead of after it, one round trip fewer a round of bundles merged.
   */
  metas: string[];
  /** The sealed bundles' statistics added up: records, articles and spelled terms. */
  records: number;
  articles: number;
  terms: number;
}

/**
 * Shard files read or written at once: a thousand small files one after another took 0.35–0.53 s to read and 0.22–0.33 s to write at
 * 11,000 issues, sixteen at a time 0.08–0.15 s and 0.05–0.09 s.
 */
const FILES_AT_ONCE = 16;

/** Entries a shard holds on average at most: about 2 KB gzipped with the archive's spellings. */
const ENTRIES_PER_SHARD = 1500;
/** The most shards: a host's limit on a site's files is shared with the pages. */
const MAX_SHARDS = 1024;

/**
 * The term statistics of a bundle's search records (the HTML that search-records.ts writes): every spelled term in the records' text,
 * counted per record. Only text is read, never an attribute, so a headline in the records' meta is not counted.
 */
export function termStats(records: Iterable<string>): TermStats {
  const stats: TermStats = {};
  // A term's first character's key, by the term: a month's records spell the same few thousand terms hundreds of thousands of times.
  const prefixes = new Map<string, string | undefined>();
  for (const html of records) {
    const counts = new Map<string, number>();
    for (const [, text] of html.matchAll(/>([^<]+)</g)) {
      for (const word of text!.split(" ")) {
        const count = counts.get(word);
        if (count === undefined ? !/^z[a-p]+q$/.test(word) : !word.endsWith("q")) continue;
        counts.set(word, (count ?? 0) + 1);
        // A lone Han character at the end of a query is looked up as the start of every term it begins (search-terms.js).
        let prefix = prefixes.get(word);
        if (prefix === undefined && !prefixes.has(word)) {
          prefix = prefixOfSpelled(word);
          prefixes.set(word, prefix);
        }
        if (prefix) counts.set(prefix, (counts.get(prefix) ?? 0) + 1);
      }
    }
    for (const [term, count] of counts) {
      stats[term] ??= [0, 0];
      const entry = stats[term];
      entry[0]++;
      if (count > entry[1]) entry[1] = count;
    }
  }
  return stats;
}

/** A sealed bundle as the directory is written from it: its key, its page list's name, its term statistics' file and its counts. */
export interface SealedBundle {
  key: string;
  meta: string;
  statsFile: string;
  stats: { records: number; articles: number; terms: number };
}

/** Each term's list in the shards: [bundle index, records holding it, most in one record, …], bundles oldest first. */
type TermLists = Map<string, number[]>;

/**
 * Writes the directory of the sealed bundles (oldest first, each with its statistics file) into `dir`: head.json, and the shards below
 * the version's folder, each a JSON object of term → [bundle index, records holding it, most in one record, …], bundles oldest first.
 */
export async function writeTermDirectory(dir: string, version: string, bundles: readonly SealedBundle[]): Promise<DirectoryHead> {
  const byTerm: TermLists = new Map();
  let entries = 0;
  for (const [index, bundle] of bundles.entries()) entries += await addBundle(byTerm, index, bundle);
  return writeDirectory(dir, byTerm, {
    version,
    shards: shardCount(entries),
    bundles: bundles.map((bundle) => bundle.key),
    metas: bundles.map((bundle) => bundle.meta),
    records: bundles.reduce((sum, bundle) => sum + bundle.stats.records, 0),
    articles: bundles.reduce((sum, bundle) => sum + bundle.stats.articles, 0),
    terms: bundles.reduce((sum, bundle) => sum + bundle.stats.terms, 0),
  });
}

/**
 * Writes the directory of `bundles` by adding its newest bundle to the directory already written of the others (`previous`, the files
 * of the directory a build made before the newest month was sealed): the first issue of a month reads one month's statistics and the
 * shards, not every month's. The same files as writeTermDirectory's, byte for byte. Undefined, writing nothing, when `previous` is not
 * the directory of the other bundles (their keys differ).
 */
export async function extendTermDirectory(
  dir: string,
  version: string,
  previous: string,
  keys: readonly string[],
  added: SealedBundle,
): Promise<DirectoryHead | undefined> {
  const head = JSON.parse(await readFile(path.join(previous, "head.json"), "utf8")) as DirectoryHead;
  if (keys.at(-1) !== added.key || head.bundles.length !== keys.length - 1 || head.bundles.some((key, index) => key !== keys[index])) return undefined;
  const byTerm: TermLists = new Map();
  let entries = 0;
  const shardFiles = Array.from({ length: head.shards }, (_, shard) => path.join(previous, head.version, `${shard}.json`));
  for (const text of await mapLimited(shardFiles, FILES_AT_ONCE, (file) => readFile(file, "utf8"))) {
    for (const [term, list] of Object.entries(JSON.parse(text) as Record<string, number[]>)) {
      byTerm.set(term, list);
      entries += list.length / 3;
    }
  }
  entries += await addBundle(byTerm, keys.length - 1, added);
  return writeDirectory(dir, byTerm, {
    version,
    // (More shards than before when the month brings the entries past a power of two: each term goes where its hash says, as in a
    // whole write.)
    shards: shardCount(entries),
    bundles: [...head.bundles, added.key],
    metas: [...head.metas, added.meta],
    records: head.records + added.stats.records,
    articles: head.articles + added.stats.articles,
    terms: head.terms + added.stats.terms,
  });
}

/** Adds a bundle's terms to the lists, as the bundle at `index`; returns how many entries it added. */
async function addBundle(byTerm: TermLists, index: number, bundle: SealedBundle): Promise<number> {
  const stats = JSON.parse(await readFile(bundle.statsFile, "utf8")) as TermStats;
  let entries = 0;
  for (const [term, [records, most]] of Object.entries(stats)) {
    let list = byTerm.get(term);
    if (!list) {
      list = [];
      byTerm.set(term, list);
    }
    list.push(index, records, most);
    entries++;
  }
  return entries;
}

/** Writes the shards of the lists and the head. */
async function writeDirectory(dir: string, byTerm: TermLists, head: DirectoryHead): Promise<DirectoryHead> {
  const files: Record<string, number[]>[] = Array.from({ length: head.shards }, () => ({}));
  for (const term of [...byTerm.keys()].sort()) files[directoryShard(term, head.shards)]![term] = byTerm.get(term)!;
  await mkdir(path.join(dir, head.version), { recursive: true });
  await eachLimited([...files.entries()], FILES_AT_ONCE, ([index, shard]) => writeFile(path.join(dir, head.version, `${index}.json`), JSON.stringify(shard)));
  await writeFile(path.join(dir, "head.json"), JSON.stringify(head));
  return head;
}

/** Shards for `entries` entries: a power of two, so a hash picks one with a mask, between 1 and MAX_SHARDS. */
export function shardCount(entries: number): number {
  let shards = 1;
  while (shards < MAX_SHARDS && shards * ENTRIES_PER_SHARD < entries) shards *= 2;
  return shards;
}
