// A part of the site as the build makes it (a month, a year, the people, the days, the archive-wide part): a name, a hash, and how to
// make its cache entry, given what it needs through one context, as a content loader is in Astro. readyPart runs the entry's life
// (cache-entries.ts) and says what the part holds and what making it did.
import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { PaperConfig } from "../model.ts";
import type { Problem } from "../problems.ts";
import type { OpenDataFile } from "../site/open-data.ts";
import type { SiteData } from "../site-types.ts";
import { eachLimited } from "../util/each-limited.ts";
import { readyEntry, recordFiles, type EntryFile, type Verification } from "./cache-entries.ts";
import { PART_SITE, partEntry, type PartEntry } from "./cache-layout.ts";
import { writeNamed } from "./failure.ts";
import { counted, sumCounts, type RenderCounts } from "./render-counts.ts";
import type { SearchStats } from "./render-part.ts";
import type { Rendered, RenderPool } from "./render-pool.ts";
import type { SitePart } from "./site-parts.ts";

/** What making a part needs, given once for every part. */
export interface PartContext {
  config: PaperConfig;
  /** The site's shared facts, which every part's data starts from. */
  shared: Pick<SiteData, "paper" | "site">;
  contentRoot: string;
  cacheDir: string;
  /** Identifies the code that builds the site (build-fingerprint.ts). */
  codeHash: string;
  /** The cache's folder of parts: `<key>/<hash>/` each (cache-layout.ts). */
  partsDir: string;
  /** The render workers; the caller closes them. */
  pool: RenderPool;
  verbose: boolean;
  verification: Verification;
  /** How many images are encoded at once; default: the machine's parallelism. */
  imageConcurrency?: number;
  /** Make the entries' manifests only, not every page in them (render-site.ts: RenderSiteOptions.manifestOnly). */
  manifestOnly: boolean;
  /** The entries (their folders) already in the copy of the site the build updates, which it does not check again (publish.ts). */
  placed: ReadonlySet<string>;
}

/** What a part holds: its page and image counts, and every file below its folder (site/ and search-input/) as recorded when it was made. */
export interface PartManifest {
  pages: number;
  /** Image files it publishes. */
  images: number;
  /** Its search records' statistics. */
  search: SearchStats;
  files: EntryFile[];
  /** A month's image derivatives: the name of each one's file in the image cache, by its path in `files`. */
  derivatives?: Record<string, string>;
  /** How many of `files` are not in the entry: derivatives taken as published, pages taken as made (PartContext.manifestOnly). */
  absent?: number;
  /** A spanning part's pages: each record's hash, by its path (site-parts.ts: SpanningRecord). */
  records?: Record<string, string>;
}

/**
 * What making a part says of it: its manifest but the files; the files it records without holding them; and those it linked from an
 * earlier entry, recorded as they were there.
 */
export type MadePart = Omit<PartManifest, "files" | "absent"> & { absentFiles?: EntryFile[]; keptFiles?: EntryFile[] };

/** What making a part did: what it made (nothing when it could not be made), why not, and its work counted. */
export interface PartWork {
  made?: MadePart;
  problems?: Problem[];
  counts?: RenderCounts;
}

/** A part of the site to make: its key (its folder in the cache), its hash, and how to make its entry. */
export interface PartMaker {
  key: string;
  hash: string;
  /**
   * Building the manifest only, the folders of its entry that need not be there (PartContext.manifestOnly): its pages always, and a
   * month's search input when its search bundle is in the cache (render-site.ts: startMonths). Default: its pages.
   */
  notNeeded?: readonly string[];
  make(entry: PartEntry, context: PartContext): Promise<PartWork>;
}

/** A part ready for the site, or not when it could not be made (`manifest` undefined, `problems` saying why). */
export interface PartOutcome {
  entry: PartEntry;
  manifest?: PartManifest;
  remade: boolean;
  problems: Problem[];
  counts: RenderCounts;
}

/** The part's cache entry, made first when the cache does not have it sound. */
export async function readyPart(part: PartMaker, context: PartContext): Promise<PartOutcome> {
  const entry = partEntry(path.join(context.partsDir, part.key, part.hash));
  const ready = await readyEntry({
    entry,
    at: partEntry,
    verification: context.verification,
    placed: context.placed.has(entry.dir),
    // Building the manifest only, a part's pages are not checked: the deploy checks each file it sends, and the cache CI keeps for a
    // deploy from the cache holds none of them (build/ci-cache.ts; docs/publishing.md, "Deploying from the cache"). Nor is a month's
    // search input, when its bundle needs none.
    ...(context.manifestOnly && { unchecked: (file: EntryFile) => (part.notNeeded ?? [PART_SITE]).some((folder) => file.path.startsWith(`${folder}/`)) }),
    make: async (temporary: PartEntry) => {
      const work = await part.make(temporary, context);
      return { work, ...(work.made && { manifest: await recordPart(temporary, work.made) }) };
    },
  });
  const { manifest, work } = ready;
  const counts = counted({
    parts: 1,
    rendered: work && manifest ? 1 : 0,
    pages: manifest?.pages ?? 0,
    reused: !work && manifest ? manifest.images : 0,
  });
  return { entry, ...(manifest && { manifest }), remade: ready.remade, problems: work?.problems ?? [], counts: sumCounts([counts, work?.counts ?? counted()]) };
}

/** The manifest of a part made in `entry`: every file there recorded, with those it linked or holds only the record of. */
async function recordPart(entry: PartEntry, made: MadePart): Promise<PartManifest> {
  const { absentFiles = [], keptFiles = [], ...facts } = made;
  const recorded = await recordFiles(entry.dir, undefined, new Set(keptFiles.map((file) => file.path)));
  const files = [...recorded, ...keptFiles, ...absentFiles].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { ...facts, files, ...(absentFiles.length > 0 && { absent: absentFiles.length }) };
}

/** Renders a part's pages into `entry` with a render worker. */
export function renderInto(context: PartContext, part: Pick<SitePart, "key" | "data" | "templates">, entry: PartEntry): Promise<Rendered> {
  return context.pool.render({ part, siteDir: entry.site, searchInputDir: entry.searchInput, verbose: context.verbose });
}

/** Writes open data files into a part's site folder, at their site paths. */
export async function writeOpenData(siteDir: string, files: readonly OpenDataFile[]): Promise<void> {
  await eachLimited(files, 16, async (file) => {
    const target = path.join(siteDir, file.path.slice(1));
    await mkdir(path.dirname(target), { recursive: true });
    await writeNamed(target, file.content);
  });
}

/** The search statistics of a part with no search records. */
export const NO_SEARCH: SearchStats = { records: 0, articles: 0, terms: 0 };
