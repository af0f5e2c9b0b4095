// The search stage: which search bundles to index again (those whose months changed, see site-parts.ts: bundlePlans), each as soon as
// its months are made, by a Pagefind process of its own (search-index.ts) while the render workers go on with later months; then the term
// directory of the sealed bundles (term-directory.ts). Every other bundle, and the directory, is taken from the cache.
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { SEARCH_FOLDER } from "../paths.ts";
import { exists } from "../util/cache-files.ts";
import { limited } from "../util/each-limited.ts";
import { entryInSite, readyEntry, recordFiles, type EntryInSite, type ReadyEntry, type Manifest, type Verification } from "./cache-entries.ts";
import { bundleEntry, type BundleEntry } from "./cache-layout.ts";
import { NO_SEARCH, type PartOutcome } from "./part-entries.ts";
import { counted, secondsSince, sumCounts, type RenderCounts } from "./render-counts.ts";
import type { SearchStats } from "./render-part.ts";
import { indexBundle, STATS_FILE } from "./search-index.ts";
import { DIRECTORY_KEY, type BundlePlan } from "./site-parts.ts";
import { TERM_STATS_FILE, writeTermDirectory } from "./term-directory.ts";

/** A search bundle of the site and its entry in the cache. */
export interface PlannedBundle extends BundlePlan {
  entry: BundleEntry;
}

/** What indexing needs, given once for every bundle. */
export interface SearchContext {
  verification: Verification;
}

/** The search bundles' entries and the term directory's, in the site's order, and what indexing did. */
export interface IndexedSearch {
  entries: EntryInSite[];
  counts: RenderCounts;
}

/** What indexing a bundle or the directory did: the seconds it took. */
interface Indexing {
  seconds: number;
}

/** Search bundles indexed at once: Pagefind uses one core, and the machines this runs on have two or more. */
const INDEXERS = Math.max(1, Math.min(2, os.availableParallelism()));

/** Indexes the bundles whose months changed, as their months are made (`monthOf`), then the term directory when its bundles changed. */
export async function indexSearch(
  bundles: readonly PlannedBundle[],
  directory: BundleEntry,
  monthOf: (key: string) => Promise<PartOutcome>,
  context: SearchContext,
): Promise<IndexedSearch> {
  const startIndexing = limited(INDEXERS);
  const ready = await Promise.all(bundles.map((bundle) => readyBundle(bundle, monthOf, startIndexing, context)));
  const readyTerms = await readyDirectory(bundles, directory, context);
  return {
    entries: [
      ...bundles.map(({ bundle, entry }, index) => entryInSite(entry.files, `${SEARCH_FOLDER}/${bundle.key}`, ready[index]!)),
      entryInSite(directory.files, `${SEARCH_FOLDER}/${DIRECTORY_KEY}`, readyTerms),
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
): Promise<ReadyEntry<Manifest, Indexing>> {
  const months = await Promise.all(bundle.months.map(monthOf));
  return readyEntry({
    entry,
    at: bundleEntry,
    verification: context.verification,
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
        return { manifest: { files: await recordFiles(temporary.dir, ["files"]) }, work: { seconds: secondsSince(started) } };
      });
    },
  });
}

/** The term directory of the sealed bundles: the same until a month is sealed, so a day's build keeps it. */
async function readyDirectory(bundles: readonly PlannedBundle[], directory: BundleEntry, context: SearchContext): Promise<ReadyEntry<Manifest, Indexing>> {
  return readyEntry({
    entry: directory,
    at: bundleEntry,
    verification: context.verification,
    make: async (temporary) => {
      // (A bundle whose month could not be made is reported with its problems; the build publishes nothing then.)
      if (!(await Promise.all(bundles.map(({ entry }) => exists(entry.manifest)))).every(Boolean)) return { work: { seconds: 0 } };
      const started = performance.now();
      const sealed = await Promise.all(
        bundles.slice(0, -1).map(async ({ bundle, entry }) => ({
          key: bundle.key,
          meta: await pageListOf(entry.files),
          statsFile: path.join(entry.dir, TERM_STATS_FILE),
          stats: JSON.parse(await readFile(path.join(entry.files, STATS_FILE), "utf8")) as SearchStats,
        })),
      );
      await writeTermDirectory(temporary.files, path.basename(directory.dir).slice(0, 12), sealed);
      return { manifest: { files: await recordFiles(temporary.dir, ["files"]) }, work: { seconds: secondsSince(started) } };
    },
  });
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
