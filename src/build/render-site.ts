// Renders and indexes the site part by part into the build cache, reusing every part and search bundle whose inputs have not changed, and
// says which cache entries make the site (publish.ts puts them in place). A month part is redone only when its inputs change (see
// site-parts.ts), and only then are its issues read whole, a few months at a time, so memory does not grow with the archive; a part that
// spans the archive (the people pages, the day pages) renders again only the pages whose records changed, and takes the others' files
// from its earlier entry, so a day's issue costs the same at 11,000 issues as at one. Cache entries are written under a temporary name and
// renamed into place when complete, so a build killed midway never leaves an entry that looks finished; entries no build uses any more
// are removed after a successful build.
import { copyFile, link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { ScannedIssue } from "../content/archive.ts";
import type { IssueHistory } from "../content/history.ts";
import type { Issue, PaperConfig } from "../model.ts";
import type { Problem } from "../problems.ts";
import { imageOrigins, unreadableImageProblem } from "../content/image-files.ts";
import { SEARCH_FOLDER } from "../paths.ts";
import { exists, isStale, touch } from "../util/cache-files.ts";
import { checkFiles, readManifest, recordFiles, writeManifest, type EntryFile, type Verification } from "./cache-entries.ts";
import type { SearchStats } from "./render-part.ts";
import { archiveContext, archiveIndex, archiveRecords } from "../site/archive-records.ts";
import { issueRecords, sharedRecords } from "../site/issue-records.ts";
import { publishedFiles } from "../site/published-files.ts";
import { eachLimited, limited } from "../util/each-limited.ts";
import type { SiteData } from "../site-types.ts";
import encodeImages, { copyDerivatives, type EncodeImagesResult, type PublishedDerivative } from "./encode-images.ts";
import type { RenderPool } from "./render-pool.ts";
import { indexBundle, STATS_FILE } from "./search-index.ts";
import { TERM_STATS_FILE, writeTermDirectory } from "./term-directory.ts";
import { traditionalScripts } from "./traditional-table.ts";
import { bundleEntry, cacheFolder, PART_SITE, partEntry, type PartEntry, type SiteEntry } from "./cache-layout.ts";
import { ARCHIVE_PART, archivePartHash, bundlePlans, directoryHash, DIRECTORY_KEY, monthPlans, NO_RECORDS, PEOPLE_PART, spanningParts, yearPlans, type MonthPlan, type SpanningPart, type YearPlan } from "./site-parts.ts";
import { feedRecords, FEED_ARTICLES } from "../site/feeds.ts";
import { archiveOpenData, monthOpenData, peopleOpenData, yearOpenData, type OpenDataFile } from "../site/open-data.ts";
import type { SitemapEntry } from "../site/sitemaps.ts";
import { writeNamed } from "./failure.ts";

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
}

export interface RenderedSite {
  /** Images that could not be encoded, as problems at the line that names each; nothing is published when there are any. */
  problems: Problem[];
  /** Pages in the site, rendered now or taken from the cache. */
  pageCount: number;
  /** Articles in the search bundles. */
  searchRecordCount: number;
  parts: { total: number; rendered: number };
  bundles: { total: number; indexed: number };
  /** Image files encoded now, and those the site publishes that were encoded before. */
  images: { encoded: number; reused: number };
  /** Rendering, indexing and encoding overlap: each figure is the time its own work took, added up. */
  seconds: { render: number; search: number; images: number };
  /** The cache entries the site is made of, and where each goes in it (see publish.ts). */
  entries: SiteEntry[];
  /** Entries that failed their check and were made again: the site's copies must link them anew. */
  remade: Set<string>;
  /** Each entry's files relative to its published folder, as recorded: what its place in a copy of the site must hold. */
  filesOf(entry: SiteEntry): readonly string[];
  /** Removes the cache entries this build did not use. */
  pruneCache(): Promise<void>;
}

/** What a part holds: its page and image counts, and every file below its folder (site/ and search-input/) as recorded when it was made. */
interface PartManifest {
  pages: number;
  /** Image files it publishes. */
  images: number;
  /** Its search records' statistics. */
  search: SearchStats;
  files: EntryFile[];
  /** A month's image derivatives: the name of each one's file in the image cache, by its path in `files`. */
  derivatives?: Record<string, string>;
  /** How many of `files` are not in the entry: derivatives taken as published, pages taken as made (RenderSiteOptions.manifestOnly). */
  absent?: number;
  /** A spanning part's pages: each record's hash, by its path (site-parts.ts: SpanningRecord). */
  records?: Record<string, string>;
}

/**
 * What making a part says of it: its manifest but the files; the files it records without holding them; and those it linked from an
 * earlier entry, recorded as they were there.
 */
type MadePart = Omit<PartManifest, "files" | "absent"> & { absentFiles?: EntryFile[]; keptFiles?: EntryFile[] };

/** What a month part leaves beside its pages for its year part: its articles' bulk lines and its pages' sitemap entries. */
function monthFragments(entry: PartEntry): { bulk: string; sitemap: string } {
  return { bulk: path.join(entry.dir, "open-data", "bulk.jsonl"), sitemap: path.join(entry.dir, "open-data", "sitemap.json") };
}

/** Writes open data files into a part's site folder, at their site paths. */
async function writeOpenData(siteDir: string, files: readonly OpenDataFile[]): Promise<void> {
  await eachLimited(files, 16, async (file) => {
    const target = path.join(siteDir, file.path.slice(1));
    await mkdir(path.dirname(target), { recursive: true });
    await writeNamed(target, file.content);
  });
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


/** Renders what changed, indexes what changed, and returns how to put the site together. */
export async function renderSite(config: PaperConfig, issues: readonly ScannedIssue[], options: RenderSiteOptions): Promise<RenderedSite> {
  const partsDir = cacheFolder(options.cacheDir, "parts");
  const bundlesDir = cacheFolder(options.cacheDir, "search");
  const shared = sharedRecords(config);
  const headers = issues.map((issue) => issue.header);
  const index = archiveIndex(headers, options.history);
  const months = monthPlans(issues, options.codeHash, (monthHeaders) => archiveContext(config, index, monthHeaders));
  const newest = await issues.at(-1)?.load();
  const bundles = bundlePlans(issues, months, options.codeHash, options.searchBundleArticles).map((plan) => ({ ...plan, entry: bundleEntry(path.join(bundlesDir, plan.bundle.key, plan.hash)) }));
  const records = archiveRecords(config, headers, index, bundles.map((plan) => plan.bundle), newest);
  const archiveData: SiteData = { ...shared, ...NO_RECORDS, ...records.archive, feeds: feedRecords(config, headers, await latestIssues(issues, newest)) };
  const archiveFiles = archiveOpenData(config, headers, {
    years: records.archive.years, people: records.people.people, namesakes: records.people.namesakes, peopleIndex: records.archive.peopleIndex,
    days: records.days, dayIndexes: records.archive.dayIndexes,
  });
  const archiveHash = archivePartHash(options.codeHash, archiveData, archiveFiles);
  const spanning = spanningParts(shared, records.people, records.days, options.codeHash);
  const years = yearPlans(months, options.codeHash);
  const usedParts = new Set([
    ...months.map((month) => path.join(partsDir, month.key, month.hash)),
    ...years.map((year) => path.join(partsDir, year.key, year.hash)),
    ...spanning.map((part) => path.join(partsDir, part.key, part.hash)),
    path.join(partsDir, ARCHIVE_PART, archiveHash),
  ]);
  const directory = bundleEntry(path.join(bundlesDir, DIRECTORY_KEY, directoryHash(bundles, options.codeHash)));
  const usedBundles = new Set([...bundles.map((bundle) => bundle.entry.dir), directory.dir]);
  const remade = new Set<string>();
  /** The recorded files of each entry's published folder (a part's site/, a bundle's files/), by that folder. */
  const entryFiles = new Map<string, string[]>();
  const keepFiles = (published: string, files: readonly EntryFile[], below = "") =>
    entryFiles.set(published, files.filter((file) => file.path.startsWith(below)).map((file) => file.path.slice(below.length)));

  /**
   * Whether the entry's files are still those of its manifest; an entry that is not is removed, to be made again and linked anew. With
   * `manifestOnly`, a part's pages (below `site/`) are not checked: the deploy checks each file it sends, and the cache CI keeps for a
   * deploy from the cache holds none of them (build/ci-cache.ts; the README, "Deploying from the cache").
   */
  async function sound<T extends { files: EntryFile[] }>(dir: string, manifestFile: string, published: string): Promise<T | undefined> {
    const manifest = await readManifest<T>(manifestFile);
    const skipPages = options.manifestOnly && path.basename(published) === PART_SITE;
    const checked = manifest && (await checkFiles(dir, skipPages ? manifest.files.filter((file) => !file.path.startsWith("site/")) : manifest.files, options.verification));
    if (manifest && checked) {
      if (checked.retimed) {
        const retimed = new Map(checked.files.map((file) => [file.path, file]));
        await writeManifest(manifestFile, { ...manifest, files: manifest.files.map((file) => retimed.get(file.path) ?? file) });
      }
      return manifest;
    }
    if (await exists(dir)) {
      await rm(dir, { recursive: true, force: true });
      remade.add(published);
    }
    return undefined;
  }

  const pool = options.pool;
  const problems: Problem[] = [];
  const images = { encoded: 0, reused: 0 };
  const seconds = { render: 0, search: 0, images: 0 };
  let rendered = 0;
  let indexed = 0;
  let pageCount = 0;

  /** The part's cache entry, made first when the cache does not have it; undefined when its images could not be encoded. */
  async function partReady(key: string, hash: string, make: (entry: PartEntry) => Promise<MadePart | undefined>): Promise<{ entry: PartEntry; manifest: PartManifest } | undefined> {
    const entry = partEntry(path.join(partsDir, key, hash));
    const kept = await sound<PartManifest>(entry.dir, entry.manifest, entry.site);
    if (!kept) {
      const temporary = partEntry(`${entry.dir}.tmp-${process.pid}`);
      await rm(temporary.dir, { recursive: true, force: true });
      const made = await make(temporary);
      if (!made) {
        await rm(temporary.dir, { recursive: true, force: true });
        return undefined;
      }
      const { absentFiles = [], keptFiles = [], ...counts } = made;
      const recorded = await recordFiles(temporary.dir, undefined, new Set(keptFiles.map((file) => file.path)));
      const files = [...recorded, ...keptFiles, ...absentFiles].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      await writeManifest(temporary.manifest, { ...counts, files, ...(absentFiles.length > 0 && { absent: absentFiles.length }) } satisfies PartManifest);
      await settle(temporary.dir, entry.dir);
      rendered++;
    }
    await touch(entry.dir);
    // Read first, then added: `total += await …` would add to the total as it was before the wait, losing other parts' counts.
    const manifest = kept ?? (await readManifest<PartManifest>(entry.manifest))!;
    keepFiles(entry.site, manifest.files, "site/");
    pageCount += manifest.pages;
    if (kept) images.reused += manifest.images;
    return { entry, manifest };
  }

  /** Reads the month's issues whole, encodes their images and renders their pages into `entry`. */
  async function makeMonth(month: MonthPlan, entry: PartEntry): Promise<MadePart | undefined> {
    const monthIssues = await Promise.all(month.issues.map((issue) => issue.load()));
    const files = publishedFiles(monthIssues);
    const encodeStarted = performance.now();
    const encoded = await encodeImages(files.derivatives, {
      contentRoot: options.contentRoot, cacheDir: cacheFolder(options.cacheDir, "images"), verification: options.verification,
      ...(options.imageConcurrency && { concurrency: options.imageConcurrency }),
      ...(options.manifestOnly && files.derivatives.length > 0 && { published: await publishedDerivatives(path.join(partsDir, month.key)) }),
    });
    seconds.images += (performance.now() - encodeStarted) / 1000;
    images.encoded += encoded.encoded;
    images.reused += encoded.reused;
    if (encoded.failures.length > 0) {
      problems.push(...encodingProblems(monthIssues, encoded));
      return undefined;
    }
    const monthRecords = issueRecords(config, monthIssues, month.context, month.before, month.after);
    const data: SiteData = { ...shared, ...NO_RECORDS, ...monthRecords };
    const result = await pool.render({ part: { key: month.key, data, templates: "month" }, siteDir: entry.site, searchInputDir: entry.searchInput, verbose: options.verbose });
    seconds.render += result.seconds;
    await copyDerivatives(encoded.files, entry.site);
    const sitePath = (address: string) => path.posix.join(PART_SITE, decodeURIComponent(address));
    const absentFiles = [...encoded.done].map(([address, { size, sha256 }]) => ({ path: sitePath(address), size, mtime: 0, sha256 }));
    const derivatives = Object.fromEntries([
      ...[...encoded.files].map(([address, file]) => [sitePath(address), path.basename(file)] as const),
      ...[...encoded.done].map(([address, { name }]) => [sitePath(address), name] as const),
    ]);
    const openData = monthOpenData(config, monthIssues, monthRecords, month.context, month.before, month.after);
    await writeOpenData(entry.site, openData.files);
    // The scans' image services serve the derivatives already published, under the names IIIF viewers ask for: hard links, not copies
    // (and, for a derivative taken as published, a record of the same bytes).
    for (const file of openData.imageFiles) {
      const done = encoded.done.get(file.derivative);
      if (done) {
        absentFiles.push({ path: `site/${file.path.slice(1)}`, size: done.size, mtime: 0, sha256: done.sha256 });
        continue;
      }
      const target = path.join(entry.site, file.path.slice(1));
      await mkdir(path.dirname(target), { recursive: true });
      await link(path.join(entry.site, decodeURIComponent(file.derivative)), target);
    }
    const fragments = monthFragments(entry);
    await mkdir(path.dirname(fragments.bulk), { recursive: true });
    await writeNamed(fragments.bulk, openData.bulk);
    await writeNamed(fragments.sitemap, JSON.stringify(openData.sitemap));
    for (const copy of files.copies) {
      const target = path.join(entry.site, copy.target);
      await mkdir(path.dirname(target), { recursive: true });
      await copyFile(path.join(options.contentRoot, copy.source), target);
    }
    return { pages: result.written, images: files.derivatives.length, search: result.search, derivatives, absentFiles };
  }

  /** Writes a year's open data from what its months left beside their pages; undefined when one of its months could not be made. */
  async function makeYear(year: YearPlan, entry: PartEntry): Promise<MadePart | undefined> {
    const inputs = await Promise.all(year.months.map((month) => monthEntries.get(month.key)!));
    if (inputs.some((input) => input === undefined)) return undefined;
    const fragments = inputs.map((input) => monthFragments(input!.entry));
    const bulk = await Promise.all(fragments.map((fragment) => readFile(fragment.bulk, "utf8")));
    const sitemap = (await Promise.all(fragments.map(async (fragment) => JSON.parse(await readFile(fragment.sitemap, "utf8")) as SitemapEntry[]))).flat();
    const headers = year.months.flatMap((month) => month.issues.map((issue) => issue.header));
    await writeOpenData(entry.site, yearOpenData(config, year.year, headers, bulk, sitemap));
    return { pages: 0, images: 0, search: NO_SEARCH };
  }

  /**
   * Renders the spanning part's pages whose records changed since its newest earlier entry, and takes the others' files from that
   * entry: hard links to files still as recorded there, or, with `manifestOnly`, the record of files the cache no longer holds.
   */
  async function makeSpanning(part: SpanningPart, entry: PartEntry): Promise<MadePart> {
    const earlier = await newestEntry(path.join(partsDir, part.key), part.hash);
    const recorded = new Map(earlier?.manifest.files.map((file) => [file.path, file]));
    const keptFiles: EntryFile[] = [];
    const absentFiles: EntryFile[] = [];
    const redo = new Set<string>();
    for (const record of part.records) {
      const files = earlier?.manifest.records?.[record.path] === record.hash ? record.files.map((file) => recorded.get(`site/${file}`)) : [];
      if (files.length === 0 || !files.every((file): file is EntryFile => file !== undefined)) {
        redo.add(record.path);
        continue;
      }
      // Checked as an entry taken from the cache is: its sizes and times, or its bytes too.
      const checked = await checkFiles(earlier!.dir, files, options.verification);
      if (checked && (await linkAll(earlier!.dir, entry.dir, checked.files))) keptFiles.push(...checked.files);
      else if (options.manifestOnly) absentFiles.push(...files.map((file) => ({ ...file, mtime: 0 })));
      else redo.add(record.path);
    }
    let written = 0;
    if (redo.size > 0) {
      const redone = part.only(redo);
      const result = await pool.render({ part: redone, siteDir: entry.site, searchInputDir: entry.searchInput, verbose: options.verbose });
      seconds.render += result.seconds;
      written = result.written;
      if (part.key === PEOPLE_PART) await writeOpenData(entry.site, peopleOpenData(config, redone.data.people));
    }
    // Its pages are not searched: the bundles are indexed from the months' search input.
    return { pages: written + part.records.length - redo.size, images: 0, search: NO_SEARCH, records: recordsOf(part), keptFiles, absentFiles };
  }

  const monthEntries = new Map<string, Promise<{ entry: PartEntry; manifest: PartManifest } | undefined>>();
  try {
    // Months start in order, a few at a time, so only those months' issues are in memory; the bundles below wait for theirs. Those the
    // cache has no entry for start first: a day's build renders one month, which would otherwise wait for every other month's check.
    const startMonth = limited(options.pool.size + 1);
    const cached = await Promise.all(months.map((month) => exists(path.join(partsDir, month.key, month.hash))));
    for (const month of [...months.filter((_, index) => !cached[index]), ...months.filter((_, index) => cached[index])]) {
      monthEntries.set(month.key, startMonth(() => partReady(month.key, month.hash, (entry) => makeMonth(month, entry))));
    }
    const archivePart = { key: ARCHIVE_PART, data: archiveData, templates: "archive" as const };
    const archiveEntries = [
      ...spanning.map((part) => partReady(part.key, part.hash, (entry) => makeSpanning(part, entry))),
      partReady(ARCHIVE_PART, archiveHash, async (entry) => {
        const result = await pool.render({ part: archivePart, siteDir: entry.site, searchInputDir: entry.searchInput, verbose: options.verbose });
        seconds.render += result.seconds;
        // The search page's traditional-character tables, beside the scripts copied from public/js.
        for (const [name, text] of Object.entries(await traditionalScripts(options.cacheDir, options.codeHash))) await writeFile(path.join(entry.site, "js", name), text);
        await writeOpenData(entry.site, archiveFiles);
        return { pages: result.written, images: 0, search: result.search };
      }),
    ];
    const yearEntries = years.map((year) => partReady(year.key, year.hash, (entry) => makeYear(year, entry)));
    // A failed part is reported where it is awaited; until then its rejection must not count as unhandled.
    for (const entry of [...monthEntries.values(), ...archiveEntries, ...yearEntries]) entry.catch(() => undefined);

    // Bundles are indexed INDEXERS at a time, each by a Pagefind process of its own (one core each), while the render workers go on
    // with later months.
    const startIndexing = limited(INDEXERS);
    await Promise.all(bundles.map(async ({ bundle, entry }) => {
      const inputs = await Promise.all(bundle.months.map((month) => monthEntries.get(month)!));
      const kept = await sound<{ files: EntryFile[] }>(entry.dir, entry.manifest, entry.files);
      if (kept) {
        keepFiles(entry.files, kept.files, "files/");
        await touch(entry.dir);
        return;
      }
      if (inputs.some((input) => input === undefined)) return;
      await startIndexing(async () => {
        const indexStarted = performance.now();
        const temporary = bundleEntry(`${entry.dir}.tmp-${process.pid}`);
        await rm(temporary.dir, { recursive: true, force: true });
        const stats = inputs.reduce((sum, input) => addStats(sum, input!.manifest.search), NO_SEARCH);
        await indexBundle(inputs.map((input) => input!.entry.searchInput), temporary.files, stats, path.join(temporary.dir, TERM_STATS_FILE));
        await writeManifest(temporary.manifest, { files: await recordFiles(temporary.dir, ["files"]) });
        await settle(temporary.dir, entry.dir);
        keepFiles(entry.files, (await readManifest<{ files: EntryFile[] }>(entry.manifest))!.files, "files/");
        indexed++;
        seconds.search += (performance.now() - indexStarted) / 1000;
      });
    }));
    // The term directory of the sealed bundles: the same until a month is sealed, so a day's build keeps it.
    const keptDirectory = await sound<{ files: EntryFile[] }>(directory.dir, directory.manifest, directory.files);
    if (keptDirectory) {
      keepFiles(directory.files, keptDirectory.files, "files/");
      await touch(directory.dir);
    } else if ((await Promise.all(bundles.map(({ entry }) => exists(entry.manifest)))).every(Boolean)) {
      // (A bundle whose month could not be made is reported with its problems; the build publishes nothing then.)
      const started = performance.now();
      const temporary = bundleEntry(`${directory.dir}.tmp-${process.pid}`);
      await rm(temporary.dir, { recursive: true, force: true });
      const sealed = await Promise.all(bundles.slice(0, -1).map(async ({ bundle, entry }) => ({
        key: bundle.key, statsFile: path.join(entry.dir, TERM_STATS_FILE), stats: JSON.parse(await readFile(path.join(entry.files, STATS_FILE), "utf8")) as SearchStats,
      })));
      await writeTermDirectory(temporary.files, path.basename(directory.dir).slice(0, 12), sealed);
      await writeManifest(temporary.manifest, { files: await recordFiles(temporary.dir, ["files"]) });
      await settle(temporary.dir, directory.dir);
      keepFiles(directory.files, (await readManifest<{ files: EntryFile[] }>(directory.manifest))!.files, "files/");
      seconds.search += (performance.now() - started) / 1000;
    }
    await Promise.all([...monthEntries.values(), ...archiveEntries, ...yearEntries]);
  } catch (error) {
    pool.close();
    throw error;
  }

  return {
    problems, pageCount, images, seconds,
    searchRecordCount: bundles.reduce((sum, bundle) => sum + bundle.articleCount, 0),
    parts: { total: usedParts.size, rendered },
    bundles: { total: bundles.length, indexed },
    entries: [
      ...[...usedParts].map((entryDir) => ({ from: partEntry(entryDir).site, to: "" })),
      ...bundles.map(({ bundle, entry }) => ({ from: entry.files, to: `${SEARCH_FOLDER}/${bundle.key}` })),
      { from: directory.files, to: `${SEARCH_FOLDER}/${DIRECTORY_KEY}` },
    ],
    remade,
    filesOf: (entry) => entryFiles.get(entry.from) ?? [],
    async pruneCache() {
      await pruneUnused(partsDir, usedParts);
      await pruneUnused(bundlesDir, usedBundles);
    },
  };
}

/**
 * What the month's entries in the cache (`partsDir/<month>/<hash>/`) published of their image derivatives: each one's size and SHA-256,
 * by the name of its file in the image cache. A month made again (its new issue, a correction) takes from here those the image cache
 * no longer holds.
 */
async function publishedDerivatives(monthDir: string): Promise<Map<string, PublishedDerivative>> {
  const published = new Map<string, PublishedDerivative>();
  for (const hash of await readdir(monthDir).catch(() => [] as string[])) {
    const manifest = await readManifest<PartManifest>(partEntry(path.join(monthDir, hash)).manifest);
    if (!manifest?.derivatives) continue;
    const recorded = new Map(manifest.files.map((file) => [file.path, file]));
    for (const [file, name] of Object.entries(manifest.derivatives)) {
      const entry = recorded.get(file);
      if (entry) published.set(name, { size: entry.size, sha256: entry.sha256 });
    }
  }
  return published;
}

/** A spanning part's records, as its manifest keeps them. */
function recordsOf(part: SpanningPart): Record<string, string> {
  return Object.fromEntries(part.records.map((record) => [record.path, record.hash]));
}

/**
 * The newest finished entry of a part's folder (`partsDir/<key>`) but `except`, by the time a build last used it, with its manifest;
 * undefined when there is none.
 */
async function newestEntry(keyDir: string, except: string): Promise<{ dir: string; manifest: PartManifest } | undefined> {
  const names = (await readdir(keyDir).catch(() => [] as string[])).filter((name) => name !== except && !name.includes("."));
  const dated = await Promise.all(names.map(async (name) => ({ name, mtime: (await stat(path.join(keyDir, name)).catch(() => undefined))?.mtimeMs ?? -1 })));
  for (const { name } of dated.filter((entry) => entry.mtime >= 0).sort((a, b) => b.mtime - a.mtime)) {
    const dir = path.join(keyDir, name);
    const manifest = await readManifest<PartManifest>(partEntry(dir).manifest);
    if (manifest) return { dir, manifest };
  }
  return undefined;
}

/**
 * Hard-links the files from one entry's folder into another's; false, with none of them left linked, when one could not be (an entry
 * removed meanwhile by a build sharing the cache).
 */
async function linkAll(fromDir: string, toDir: string, files: readonly EntryFile[]): Promise<boolean> {
  const linked: string[] = [];
  try {
    for (const file of files) {
      const target = path.join(toDir, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await link(path.join(fromDir, file.path), target);
      linked.push(target);
    }
    return true;
  } catch {
    await Promise.all(linked.map((target) => rm(target, { force: true })));
    return false;
  }
}

/** The search statistics of a part with no search records. */
const NO_SEARCH: SearchStats = { records: 0, articles: 0, terms: 0 };

/** Search bundles indexed at once: Pagefind uses one core, and the machines this runs on have two or more. */
const INDEXERS = Math.max(1, Math.min(2, os.availableParallelism()));

function addStats(sum: SearchStats, stats: SearchStats): SearchStats {
  return { records: sum.records + stats.records, articles: sum.articles + stats.articles, terms: sum.terms + stats.terms };
}

/** The images sharp could not decode while encoding, as problems at the line that names each. */
function encodingProblems(issues: readonly Issue[], encoded: EncodeImagesResult): Problem[] {
  const origins = imageOrigins(issues);
  return encoded.failures.map(({ source, reason }) => {
    const { src, ...where } = origins.get(source) ?? { file: source, field: "image", src: source };
    return unreadableImageProblem(where, src, reason);
  });
}

/** Renames a finished cache entry into place; when a build sharing the cache got there first with the same entry, keeps that one. */
async function settle(temporaryDir: string, entryDir: string): Promise<void> {
  await mkdir(path.dirname(entryDir), { recursive: true });
  try {
    await rename(temporaryDir, entryDir);
  } catch (error) {
    if (!["ENOTEMPTY", "EEXIST"].includes((error as NodeJS.ErrnoException).code ?? "")) throw error;
    await rm(temporaryDir, { recursive: true, force: true });
  }
}


/**
 * Removes the entries `<root>/<key>/<hash>` not in `used` and not used by any build for an hour (builds sharing the cache may be running
 * with other content), and keys left empty. Every build marks the entries it uses by their modification time.
 */
async function pruneUnused(root: string, used: ReadonlySet<string>): Promise<void> {
  const now = Date.now();
  for (const key of await readdir(root).catch(() => [] as string[])) {
    const keyDir = path.join(root, key);
    for (const hash of await readdir(keyDir).catch(() => [] as string[])) {
      const entryDir = path.join(keyDir, hash);
      const info = await stat(entryDir).catch(() => undefined);
      if (!used.has(entryDir) && info && isStale(info.mtimeMs, now)) await rm(entryDir, { recursive: true, force: true });
    }
    if ((await readdir(keyDir).catch(() => ["?"])).length === 0) await rm(keyDir, { recursive: true, force: true });
  }
}
