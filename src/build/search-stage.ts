// The search stage: which search bundles to index again (those whose months changed, see site-parts.ts: bundlePlans), each as soon as
// its months are made, by a Pagefind process of its own (search-index.ts) while the render workers go on with later months; then the term
// directory of the sealed bundles (term-directory.ts). Every other bundle, and the directory, is taken from the cache.
import { readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { SEARCH_FOLDER } from "../paths.ts";
import { limited } from "../util/each-limited.ts";
import { entryInSite, keptManifest, readyEntry, recordFiles, type EntryInSite, type ReadyEntry, type Manifest } from "./cache-entries.ts";
import { bundleEntry, type BundleEntry } from "./cache-layout.ts";
import { NO_SEARCH, type PartContext, type PartOutcome } from "./part-entries.ts";
import { counted, secondsSince, sumCounts, type RenderCounts } from "./render-counts.ts";
import type { SearchStats } from "./render-part.ts";
import { indexBundle } from "./search-index.ts";
import { DIRECTORY_KEY, type BundlePlan } from "./site-parts.ts";
import { extendTermDirectory, TERM_STATS_FILE, writeTermDirectory, type SealedBundle } from "./term-directory.ts";

/** What a bundle's entry records: its files, and what the term directory reads of it (its page list's name and its counts). */
export interface BundleManifest extends Manifest {
  meta: string;
  stats: SearchStats;
}

/** A search bundle of the site and its entry in the cache. */
export interface PlannedBundle extends BundlePlan {
  entry: BundleEntry;
}

/**
 * What indexing needs of the parts' context: how entries are checked, those already in the site's copy, and whether the build makes the
 * manifest only. Then a bundle's Pagefind files are not checked, as a part's pages are not: the deploy checks each file it sends, and the
 * cache CI keeps leaves them out (cache-layout.ts: LEFT_OUT_OF_DEPLOY_CACHE). What the term directory reads of a bundle is in its
 * manifest and its term statistics, beside its files.
 */
export type SearchContext = Pick<PartContext, "verification" | "placed" | "manifestOnly">;

/** The search bundles' entries and the term directory's, in the site's order, and what indexing did. */
export interface IndexedSearch {
  entries: EntryInSite[];
  counts: RenderCounts;
  /** What became of the term directory: taken from the cache, the one before with the newly sealed month added, or written whole. */
  directory: DirectoryWork;
}

export type DirectoryWork = "kept" | "extended" | "written";

/** What indexing a bundle or the directory did: the seconds it took (and for the directory, how it was made). */
interface Indexing {
  seconds: number;
  directory?: DirectoryWork;
}

/** The term directory's entry, and the entry of the one before the newest sealed month was sealed (site-parts.ts: directoryHash). */
export interface DirectoryEntries {
  entry: BundleEntry;
  before: BundleEntry | undefined;
}

/** Search bundles indexed at once: Pagefind uses one core, and the machines this runs on have two or more. */
const INDEXERS = Math.max(1, Math.min(2, os.availableParallelism()));

/** Indexes the bundles whose months changed, as their months are made (`monthOf`), then the term directory when its bundles changed. */
export async function indexSearch(
  bundles: readonly PlannedBundle[],
  directory: DirectoryEntries,
  monthOf: (key: string) => Promise<PartOutcome>,
  context: SearchContext,
): Promise<IndexedSearch> {
  const startIndexing = limited(INDEXERS);
  const ready = await Promise.all(bundles.map((bundle) => readyBundle(bundle, monthOf, startIndexing, context)));
  const readyTerms = await readyDirectory(bundles, ready, directory, context);
  return {
    directory: readyTerms.work?.directory ?? "kept",
    entries: [
      ...bundles.map(({ bundle, entry }, index) => entryInSite(entry.files, `${SEARCH_FOLDER}/${bundle.key}`, ready[index]!)),
      entryInSite(directory.entry.files, `${SEARCH_FOLDER}/${DIRECTORY_KEY}`, readyTerms),
    ],
    counts: sumCounts([
      ...ready.map(({ manifest, work }) => counted({ bundles: 1, indexed: work && manifest ? 1 : 0, searchSeconds: work?.seconds ?? 0 })),
      counted({ searchSeconds: readyTerms.work?.seconds ?? 0 }),
    ]),
  };
}

/** The bundle's entry, indexed from its months' search input once they are made, when the cache does not hold it sound. */
async function readyBundle(
  { bundle, entry }: PlannedBundle,
  monthOf: (key: string) => Promise<PartOutcome>,
  startIndexing: ReturnType<typeof limited>,
  context: SearchContext,
): Promise<ReadyEntry<BundleManifest, Indexing>> {
  const months = await Promise.all(bundle.months.map(monthOf));
  return readyEntry({
    entry,
    at: bundleEntry,
    verification: context.verification,
    placed: context.placed.has(entry.dir),
    ...(context.manifestOnly && { unchecked: () => true }),
    make: async (temporary) => {
      // (A bundle whose month could not be made is not indexed; the month's problems are reported, and the build publishes nothing.)
      if (months.some((month) => !month.manifest)) return { work: { seconds: 0 } };
      return startIndexing(async () => {
        const started = performance.now();
        const stats = months.reduce((sum, month) => addStats(sum, month.manifest!.search), NO_SEARCH);
        await indexBundle(
          months.map((month) => month.entry.searchInput),
          temporary.files,
          stats,
          path.join(temporary.dir, TERM_STATS_FILE),
        );
        return {
          manifest: { files: await recordFiles(temporary.dir, ["files"]), meta: await pageListOf(temporary.files), stats },
          work: { seconds: secondsSince(started) },
        };
      });
    },
  });
}

/**
 * The term directory of the sealed bundles: the same until a month is sealed, so a day's build keeps it. When one is, and the directory
 * of the months before it is in the cache and sound, that month is added to it: its shards and one month's statistics are read, not
 * every month's.
 */
async function readyDirectory(
  bundles: readonly PlannedBundle[],
  ready: readonly ReadyEntry<BundleManifest, Indexing>[],
  directory: DirectoryEntries,
  context: SearchContext,
): Promise<ReadyEntry<Manifest, Indexing>> {
  return readyEntry({
    entry: directory.entry,
    at: bundleEntry,
    verification: context.verification,
    placed: context.placed.has(directory.entry.dir),
    make: async (temporary) => {
      // (A bundle whose month could not be made is reported with its problems; the build publishes nothing then.)
      if (ready.some(({ manifest }) => !manifest)) return { work: { seconds: 0 } };
      const started = performance.now();
      const version = path.basename(directory.entry.dir).slice(0, 12);
      const sealed = bundles.slice(0, -1).map((bundle, index) => sealedBundle(bundle, ready[index]!.manifest!));
      const done = async (how: DirectoryWork) => ({
        manifest: { files: await recordFiles(temporary.dir, ["files"]) },
        work: { seconds: secondsSince(started), directory: how },
      });
      const newest = sealed.at(-1);
      if (newest && directory.before && (await keptManifest(directory.before, context.verification))) {
        const keys = sealed.map(({ key }) => key);
        // (A directory before that cannot be read, pruned meanwhile by a build sharing the cache say, is as good as none.)
        const extended = await extendTermDirectory(temporary.files, version, directory.before.files, keys, newest).catch(() => undefined);
        if (extended) return done("extended");
        await rm(temporary.files, { recursive: true, force: true });
      }
      await writeTermDirectory(temporary.files, version, sealed);
      return done("written");
    },
  });
}

/** A sealed bundle as the directory reads it: its page list's name and its counts, as its manifest records them, and its term statistics. */
function sealedBundle({ bundle, entry }: PlannedBundle, manifest: BundleManifest): SealedBundle {
  return { key: bundle.key, meta: manifest.meta, statsFile: path.join(entry.dir, TERM_STATS_FILE), stats: manifest.stats };
}

/** The name of a bundle's page list, from its Pagefind entry: its one language's hash, or "" when it has several or none. */
async function pageListOf(files: string): Promise<string> {
  const entry = JSON.parse(await readFile(path.join(files, "pagefind-entry.json"), "utf8")) as { languages?: Record<string, { hash?: string }> };
  const languages = Object.values(entry.languages ?? {});
  return languages.length === 1 ? (languages[0]?.hash ?? "") : "";
}

function addStats(sum: SearchStats, stats: SearchStats): SearchStats {
  return { records: sum.records + stats.records, articles: sum.articles + stats.articles, terms: sum.terms + stats.terms };
}
