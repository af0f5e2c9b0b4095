// Renders and indexes the site part by part into the build cache, in steps: plan every part and search bundle with its hash, from the
// issues' headers (site-parts.ts); make the parts the cache does not hold sound, the months a few at a time (make-month.ts), the people
// and day pages page by page (make-spanning.ts), the years (make-year.ts) and the archive-wide part (make-archive.ts); index the search
// bundles whose months changed, each as its months are made (search-stage.ts); and say which cache entries make the site (publish.ts
// puts them in place). A part is redone only when its inputs change, so memory does not grow with the archive and a day's issue costs
// the same at 11,000 issues as at one. Each entry's life (checked, made under a temporary name, renamed into place, marked used, pruned
// when no build uses it) is cache-entries.ts's; each step returns what it did as counts (render-counts.ts), and the site's are their sum.
import path from "node:path";
import type { ScannedIssue } from "../content/archive.ts";
import type { IssueHistory } from "../content/history.ts";
import type { Issue, PaperConfig } from "../model.ts";
import type { Problem } from "../problems.ts";
import { archiveContextIdentity, archiveIndex, archiveRecords, thisDayContext } from "../site/archive-records.ts";
import { feedRecords, FEED_ARTICLES } from "../site/feeds.ts";
import { sharedRecords } from "../site/issue-records.ts";
import { archiveOpenData } from "../site/open-data.ts";
import type { SiteData } from "../site-types.ts";
import { exists } from "../util/cache-files.ts";
import { limited } from "../util/each-limited.ts";
import { entryInSite, pruneUnused, readManifest, type Verification } from "./cache-entries.ts";
import { bundleEntry, cacheFolder, type SiteEntry } from "./cache-layout.ts";
import { archivePart, type ArchivePlan } from "./make-archive.ts";
import { monthPart } from "./make-month.ts";
import { spanningPart } from "./make-spanning.ts";
import { yearPart } from "./make-year.ts";
import { readyPart, type PartContext, type PartOutcome } from "./part-entries.ts";
import { sumCounts } from "./render-counts.ts";
import type { RenderPool } from "./render-pool.ts";
import { indexSearch, type DirectoryEntries, type DirectoryWork, type IndexedSearch, type PlannedBundle } from "./search-stage.ts";
import {
  archivePartHash,
  bundlePlans,
  directoryHash,
  DIRECTORY_KEY,
  monthPlans,
  NO_RECORDS,
  spanningParts,
  yearPlans,
  type MonthPlan,
  type SpanningPart,
  type YearPlan,
} from "./site-parts.ts";

export interface RenderSiteOptions {
  contentRoot: string;
  cacheDir: string;
  codeHash: string;
  verbose: boolean;
  /** The render workers; the caller closes them. */
  pool: RenderPool;
  /** How many images are encoded at once; default: the machine's parallelism. */
  imageConcurrency?: number;
  /** The issue files' lines changed since they were first committed (content/history.ts), for 更正于. */
  history: IssueHistory;
  /** How the entries taken from the cache are checked (cache-entries.ts). */
  verification: Verification;
  /** The most articles one search bundle holds; default: MAX_BUNDLE_ARTICLES. */
  searchBundleArticles?: number;
  /**
   * Make the cache entries and their manifests only, for a deploy that sends from the cache (build.ts, `manifestOnly`): a part's
   * pages need not be in the cache, only what the part's manifest records of them, and a derivative an earlier build published is taken
   * as done; default: false, every entry whole.
   */
  manifestOnly?: boolean;
  /** The cache entries (their folders) already in the copy of the site this build updates, not checked again (publish.ts: entriesHeld). */
  placed?: ReadonlySet<string>;
}

export interface RenderedSite {
  /** Images that could not be encoded, as problems at the line that names each; nothing is published when there are any. */
  problems: Problem[];
  /** Pages in the site, rendered now or taken from the cache. */
  pageCount: number;
  /** Articles in the search bundles. */
  searchRecordCount: number;
  parts: { total: number; rendered: number };
  /** Search bundles, those indexed now, and what became of the term directory. */
  bundles: { total: number; indexed: number; directory: DirectoryWork };
  /** Image files encoded now, and those the site publishes that were encoded before. */
  images: { encoded: number; reused: number };
  /** Rendering, indexing and encoding overlap: each figure is the time its own work took, added up. */
  seconds: { render: number; search: number; images: number };
  /** The cache entries the site is made of, and where each goes in it (see publish.ts). */
  entries: SiteEntry[];
  /** Entries that failed their check and were made again: the site's copies must link them anew. */
  remade: Set<string>;
  /** Removes the cache entries this build did not use. */
  pruneCache(): Promise<void>;
}

/** Renders what changed, indexes what changed, and returns how to put the site together. */
export async function renderSite(config: PaperConfig, issues: readonly ScannedIssue[], options: RenderSiteOptions): Promise<RenderedSite> {
  const context = partContext(config, options);
  const plan = await planSite(issues, context, options);
  try {
    // The parts: the months a few at a time, the people, days and archive-wide parts beside them, each year once its months are made.
    const months = await startMonths(plan.months, await indexedMonths(plan.bundles, context), context);
    const monthOf = (key: string) => months.get(key)!;
    const spanningAndArchive = [...plan.spanning.map(spanningPart), archivePart(plan.archive)].map((part) => awaitedLater(readyPart(part, context)));
    const years = plan.years.map((year) => awaitedLater(readyPart(yearPart(year, monthOf), context)));
    // The search bundles, each indexed as its months are made, while the render workers go on with later months.
    const search = await indexSearch(plan.bundles, plan.directory, monthOf, context);
    // The site, its parts in the order they are published.
    const parts = await Promise.all([...plan.months.map((month) => monthOf(month.key)), ...years, ...spanningAndArchive]);
    return siteOf(plan, parts, search, context);
  } catch (error) {
    options.pool.close();
    throw error;
  }
}

/** What making every part needs, from the build's options. */
function partContext(config: PaperConfig, options: RenderSiteOptions): PartContext {
  return {
    config,
    shared: sharedRecords(config),
    contentRoot: options.contentRoot,
    cacheDir: options.cacheDir,
    codeHash: options.codeHash,
    partsDir: cacheFolder(options.cacheDir, "parts"),
    pool: options.pool,
    verbose: options.verbose,
    verification: options.verification,
    manifestOnly: options.manifestOnly ?? false,
    placed: options.placed ?? new Set(),
    ...(options.imageConcurrency && { imageConcurrency: options.imageConcurrency }),
  };
}

/** Every part and search bundle of the site, with its hash. */
interface SitePlan {
  months: MonthPlan[];
  years: YearPlan[];
  spanning: SpanningPart[];
  archive: ArchivePlan;
  bundles: PlannedBundle[];
  /** The term directory's entry (term-directory.ts), and the one before the newest sealed month was sealed. */
  directory: DirectoryEntries;
}

/** Plans the site from the issues' headers, reading whole only the newest issues (for the feeds). */
async function planSite(issues: readonly ScannedIssue[], { config, shared, codeHash }: PartContext, options: RenderSiteOptions): Promise<SitePlan> {
  const bundlesDir = cacheFolder(options.cacheDir, "search");
  const termsDir = cacheFolder(options.cacheDir, "terms");
  const headers = issues.map((issue) => issue.header);
  const index = archiveIndex(headers, options.history);
  const months = monthPlans(issues, codeHash, {
    identityOf: (monthHeaders, keyOf) => archiveContextIdentity(config, index, monthHeaders, keyOf),
    thisDayOf: (monthHeaders) => thisDayContext(config, index, monthHeaders),
  });
  const newest = await issues.at(-1)?.load();
  const bundles = bundlePlans(issues, months, codeHash, options.searchBundleArticles).map((plan) => ({
    ...plan,
    entry: bundleEntry(path.join(bundlesDir, plan.bundle.key, plan.hash)),
  }));
  const records = archiveRecords(
    config,
    headers,
    index,
    bundles.map((plan) => plan.bundle),
    newest,
  );
  const data: SiteData = { ...shared, ...NO_RECORDS, ...records.archive, feeds: feedRecords(config, headers, await latestIssues(issues, newest)) };
  const files = archiveOpenData(config, headers, {
    years: records.archive.years,
    people: records.people.people,
    namesakes: records.people.namesakes,
    peopleIndex: records.archive.peopleIndex,
    days: records.days,
    dayIndexes: records.archive.dayIndexes,
  });
  return {
    months,
    years: yearPlans(months, codeHash),
    spanning: spanningParts(shared, records.people, records.days, codeHash),
    archive: { data, files, hash: archivePartHash(codeHash, data, files) },
    bundles,
    directory: {
      entry: bundleEntry(path.join(termsDir, DIRECTORY_KEY, directoryHash(bundles, codeHash))),
      before: bundles.length > 1 ? bundleEntry(path.join(termsDir, DIRECTORY_KEY, directoryHash(bundles.slice(0, -1), codeHash))) : undefined,
    },
  };
}

/** The newest issues in full, newest first, as many as hold FEED_ARTICLES articles; `newest` is the last, already read. */
async function latestIssues(issues: readonly ScannedIssue[], newest: Issue | undefined): Promise<Issue[]> {
  const latest: Issue[] = newest ? [newest] : [];
  let articles = issues.at(-1)?.header.articleCount ?? 0;
  for (let index = issues.length - 2; index >= 0 && articles < FEED_ARTICLES; index--) {
    latest.push(await issues[index]!.load());
    articles += issues[index]!.header.articleCount;
  }
  return latest;
}

/**
 * Starts the month parts in order, a few at a time, so only those months' issues are in memory; the bundles wait for theirs. Those the
 * cache has no entry for start first: a day's build renders one month, which would otherwise wait for every other month's check.
 */
async function startMonths(months: readonly MonthPlan[], indexed: ReadonlySet<string>, context: PartContext): Promise<Map<string, Promise<PartOutcome>>> {
  const cached = await Promise.all(months.map((month) => exists(path.join(context.partsDir, month.key, month.hash))));
  context.pool.warm(cached.filter((isCached) => !isCached).length);
  const startMonth = limited(context.pool.size + 1);
  const started = new Map<string, Promise<PartOutcome>>();
  for (const month of [...months.filter((_, index) => !cached[index]), ...months.filter((_, index) => cached[index])]) {
    started.set(month.key, awaitedLater(startMonth(() => readyPart(monthPart(month, !indexed.has(month.key)), context))));
  }
  return started;
}

/**
 * Building the manifest only, the months whose search bundle the cache holds (its manifest readable, as search-stage.ts takes it then):
 * they need no search input, which the cache CI keeps leaves out (cache-layout.ts: LEFT_OUT_OF_DEPLOY_CACHE). A month whose bundle must
 * be indexed again needs its search input, and is made again when the cache has it not. Empty for a whole build.
 */
async function indexedMonths(bundles: readonly PlannedBundle[], context: PartContext): Promise<Set<string>> {
  if (!context.manifestOnly) return new Set();
  const kept = await Promise.all(bundles.map(async ({ entry }) => (await readManifest(entry.manifest)) !== undefined));
  return new Set(bundles.flatMap(({ bundle }, index) => (kept[index] ? bundle.months : [])));
}

/** A part's promise, whose failure is reported where it is awaited: until then its rejection must not count as unhandled. */
function awaitedLater<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

/** The site the parts and the search bundles make: its entries in the order they are published, its problems, and what making it did. */
function siteOf(plan: SitePlan, parts: readonly PartOutcome[], search: IndexedSearch, context: PartContext): RenderedSite {
  const entries = [...parts.map((part) => entryInSite(part.entry.site, "", part)), ...search.entries];
  const counts = sumCounts([...parts.map((part) => part.counts), search.counts]);
  return {
    problems: parts.flatMap((part) => part.problems),
    pageCount: counts.pages,
    searchRecordCount: plan.bundles.reduce((sum, bundle) => sum + bundle.articleCount, 0),
    parts: { total: counts.parts, rendered: counts.rendered },
    bundles: { total: counts.bundles, indexed: counts.indexed, directory: search.directory },
    images: { encoded: counts.encoded, reused: counts.reused },
    seconds: { render: counts.renderSeconds, search: counts.searchSeconds, images: counts.imageSeconds },
    entries: entries.map(({ from, to }) => ({ from, to })),
    remade: new Set(entries.filter((entry) => entry.remade).map((entry) => entry.from)),
    async pruneCache() {
      await pruneUnused(context.partsDir, new Set(parts.map((part) => part.entry.dir)));
      await pruneUnused(cacheFolder(context.cacheDir, "search"), new Set(plan.bundles.map((bundle) => bundle.entry.dir)));
      await pruneUnused(cacheFolder(context.cacheDir, "terms"), new Set([plan.directory.entry.dir]));
    },
  };
}
