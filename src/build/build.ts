// A whole build: check every issue, then render the archive part by part with Eleventy (what changed only, see render-site.ts) and put
// it in place with one rename (publish.ts), so a failed build never touches the published site.
import path from "node:path";
import { mkdir } from "node:fs/promises";
import { hasErrors, problem, type Problem } from "../problems.ts";
import { shownPath } from "../util/shown.ts";
import type { Language } from "../messages/language.ts";
import { entriesHeld, nextCopy, pointAt, publish, recoverAbandonedBuilds } from "./publish.ts";
import { codeFingerprint, contentFingerprint, isUpToDate, recordBuild } from "./build-fingerprint.ts";
import { readContentFiles, type ContentFiles } from "../content/content-files.ts";
import type { ConfigFile } from "../content/config.ts";
import { peekConfig, type PeekedConfig } from "../content/config-peek.ts";
import { historyVersion, readHistory } from "../content/history.ts";
import { buildRenderPool, type RenderPool } from "./render-pool.ts";
import { servedSiteIsWhole } from "./verify-site.ts";
import { keepStamps, readStamps } from "./content-stamps.ts";
import { assertCacheWritable, writeProblem } from "./failure.ts";
import { lockOutput } from "./build-lock.ts";
import { projectRoot } from "../project.ts";
import { cacheFolder } from "./cache-layout.ts";
import type { DirectoryWork } from "./search-stage.ts";

export interface BuildOptions {
  /** The folder holding `issues/` and `baoku.config.json`; default: the project root. */
  contentRoot?: string;
  /** baoku.config.json, when the command has read it already (content/config.ts: loadConfig); default: read by the build. */
  configFile?: ConfigFile;
  /** Where the site goes; default: `_site` in the project root. */
  outputDir?: string;
  /** Print Eleventy's per-file log; default: false. */
  verbose?: boolean;
  /**
   * Where what builds keep between runs goes (parsed issues, rendered parts, search bundles, encoded images, the last build's
   * fingerprint: cache-layout.ts names its folders); default: `.cache` in the project root. Keep it between CI runs.
   */
  cacheDir?: string;
  /** How many images are encoded at once; default: the machine's available parallelism. */
  imageConcurrency?: number;
  /**
   * Do nothing when the output folder already holds the site this code and content build (see build-fingerprint.ts); default: false.
   * The command line sets it, unless given `--full`.
   */
  skipWhenUnchanged?: boolean;
  /** Build an archive without a single issue; default: false, as an empty archive is more likely a mistake than a new paper. */
  allowEmpty?: boolean;
  /**
   * Check every file taken from the cache by its bytes, not only its size and time (cache-entries.ts); default: false. The command line
   * sets it with `--verify`, and with `--full`.
   */
  verify?: boolean;
  /**
   * The most articles one search bundle holds (site/search-bundles.ts); default: MAX_BUNDLE_ARTICLES. Search ranks the same however the
   * archive is split, which tests check by splitting it otherwise.
   */
  searchBundleArticles?: number;
  /** Told once, with its process id and the language of the run, when another build holds the output folder and this one waits for it. */
  onWait?: (pid: number, language: Language) => void;
  /**
   * Render workers to use and leave running, for a caller that builds many sites in one process (a test's builds share one pool rather
   * than each starting its own and loading Eleventy again); default: a pool of this build's own, closed when it ends.
   */
  renderPool?: RenderPool;
  /**
   * Build the cache and the site's manifest, not the site: `outputDir` then holds the manifest only, with where each file is in the cache,
   * and `npm run deploy` sends what changed from there. For CI that deploys from a cache kept without the pages and images (docs/publishing.md,
   * "Deploying from the cache"); default: false. The command line sets it with `--manifest-only`.
   */
  manifestOnly?: boolean;
}

export interface BuildResult {
  ok: boolean;
  /** Problems found in the issue files and the configuration, errors and warnings; empty when there were none. */
  problems: Problem[];
  /** The language the paper's editors are told things in (messages/language.ts). */
  language: Language;
  /** Pages in the site, rendered by this build or taken from the cache; 0 when the build stopped on errors. */
  writtenCount: number;
  /** Pages Pagefind indexed as search records. */
  searchRecordCount?: number;
  /** Image derivatives encoded by this build and taken from the cache; absent when the build stopped before images. */
  images?: { encoded: number; reused: number };
  /** The output folder already held the site this input builds, so nothing was done (with `skipWhenUnchanged`). */
  unchanged?: boolean;
  /** Parts of the site (see site-parts.ts) and search bundles, and how many of each this build made rather than took from the cache. */
  parts?: { total: number; rendered: number };
  /** …and what became of the term directory: kept, extended by the month sealed, or written whole (search-stage.ts). */
  bundles?: { total: number; indexed: number; directory: DirectoryWork };
  /** Seconds spent in each stage, for `npm run bench` and the build's last line; rendering and indexing overlap. */
  seconds?: { read: number; images: number; render: number; search: number; total: number };
}

/** Builds the whole site, or leaves `outputDir` exactly as it was when any issue has an error. One build at a time writes one output folder. */
export async function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  const contentRoot = path.resolve(options.contentRoot ?? projectRoot);
  const outputDir = path.resolve(options.outputDir ?? path.join(projectRoot, "_site"));
  const cacheDir = path.resolve(options.cacheDir ?? path.join(projectRoot, ".cache"));
  // Every issue file that changed since the last build is read once, here: its bytes make both the build's fingerprint and its key in
  // the parse cache. The others' hashes are their stamps' (content-stamps.ts), unless the build checks everything (--verify).
  const known = options.verify ? undefined : await readStamps(cacheDir, contentRoot);
  const content = await readContentFiles(contentRoot, known);
  // baoku.config.json is validated only when the build goes on: a rebuild with nothing changed needs its bytes and language alone.
  const peeked: ConfigFile | PeekedConfig = options.configFile ?? peekConfig(contentRoot);
  const { language } = peeked;
  const failed = async (error: unknown): Promise<BuildResult> => {
    // A disk that fills up, a folder that may not be written, a build that holds the output too long, a render worker or Pagefind that
    // stops: each ends the build with a problem.
    const failure = await writeProblem(error, bytesToWrite(content));
    if (!failure) throw error;
    return { ok: false, problems: [failure], language, writtenCount: 0 };
  };
  let release: () => Promise<void>;
  try {
    const { onWait } = options;
    release = await lockOutput(outputDir, { ...(onWait && { onWait: (pid: number) => onWait(pid, language) }) });
  } catch (error) {
    return failed(error);
  }
  const stopwatch = startStopwatch();
  try {
    await recoverAbandonedBuilds(outputDir);
    await assertCacheWritable(cacheDir);
    await keepStamps(cacheDir, contentRoot, content, known);
    const codeHash = await codeFingerprint(projectRoot);
    const fingerprint =
      options.skipWhenUnchanged && !options.manifestOnly ? contentFingerprint(codeHash, peeked.bytes, content, await historyVersion(contentRoot)) : undefined;
    if (fingerprint && !options.verify && (await isUpToDate(cacheDir, outputDir, fingerprint)) && (await servedSiteIsWhole(outputDir, cacheDir))) {
      return { ok: true, problems: [], language, writtenCount: 0, unchanged: true };
    }
    // Rendering in this process or in workers is chosen once the build knows how many months it renders (render-site.ts).
    const configFile = "problems" in peeked ? peeked : (await import("../content/config.ts")).validateConfig(peeked, contentRoot);
    const pool = options.renderPool ?? buildRenderPool();
    try {
      return await buildFrom(contentRoot, content, configFile, { outputDir, cacheDir, codeHash, fingerprint, pool, stopwatch, options });
    } finally {
      if (!options.renderPool) pool.close();
    }
  } catch (error) {
    return failed(error);
  } finally {
    await release();
  }
}

/**
 * About what a whole build of `content` writes, site and cache: the search index is about five times the issues' text, the pages and
 * their search input about three, the images' derivatives about twice the images.
 */
function bytesToWrite(content: ContentFiles): number {
  const text = content.markdown.reduce((sum, { size }) => sum + size, 0);
  const images = content.others.reduce((sum, { size }) => sum + size, 0);
  return 8 * text + 2 * images + 16 * 1024 * 1024;
}

interface BuildContext {
  outputDir: string;
  cacheDir: string;
  codeHash: string;
  fingerprint: string | undefined;
  pool: RenderPool;
  stopwatch: ReturnType<typeof startStopwatch>;
  options: BuildOptions;
}

async function buildFrom(
  contentRoot: string,
  content: ContentFiles,
  configFile: ConfigFile,
  { outputDir, cacheDir, codeHash, fingerprint, pool, stopwatch, options }: BuildContext,
): Promise<BuildResult> {
  // Loaded only when there is something to build: parsing, rendering, images and search are most of the build's modules, and a build
  // with nothing changed ends before it needs them (issue 26: loading modules was most of its time).
  const [{ scanArchive }, { ParseCache }, { renderSite }, { deployManifest, writeManifestSite }] = await Promise.all([
    import("../content/archive.ts"),
    import("../content/parse-cache.ts"),
    import("./render-site.ts"),
    import("./deploy-manifest.ts"),
  ]);
  const archive = await scanArchive(contentRoot, {
    content,
    configFile,
    allowEmpty: options.allowEmpty ?? false,
    openCache: (config) => ParseCache.open(cacheFolder(cacheDir, "parsed"), codeHash, config),
  });
  await archive.cache?.save();
  const readSeconds = stopwatch.lap();
  const { language, problems } = archive;
  if (hasErrors(problems) || !archive.config) return { ok: false, problems, language, writtenCount: 0 };

  // Nothing is written to the output before every part is made: an image that turns out corrupt past its header stops the build like any other error.
  const history = await readHistory(
    contentRoot,
    archive.issues.map((issue) => issue.header.file),
  );
  const next = options.manifestOnly ? undefined : await nextCopy(outputDir, cacheDir);
  const site = await renderSite(archive.config, archive.issues, {
    contentRoot,
    cacheDir,
    codeHash,
    pool,
    history,
    verbose: options.verbose ?? false,
    verification: options.verify ? "full" : "cheap",
    ...(options.searchBundleArticles && { searchBundleArticles: options.searchBundleArticles }),
    ...(options.imageConcurrency && { imageConcurrency: options.imageConcurrency }),
    ...(options.manifestOnly && { manifestOnly: true }),
    // What the copy this build updates holds already is left there as it is, and not checked again; --verify makes the copy anew.
    ...(next && !options.verify && { placed: await entriesHeld(next, cacheDir) }),
  });
  if (site.problems.length > 0) return { ok: false, problems: [...problems, ...site.problems], language, writtenCount: 0, images: site.images };
  await mkdir(path.dirname(outputDir), { recursive: true });
  const { extras, sources } = await deployManifest(cacheDir, site.entries, site.remade);
  const movedTo = next
    ? await publish(outputDir, cacheDir, next, site.entries, { remade: site.remade, fresh: options.verify ?? false, extras })
    : await writeManifestSite(outputDir, extras, sources, pointAt);
  if (movedTo) problems.push(problem("OutputMovedAside", { file: shownPath(outputDir) }, { movedTo: shownPath(movedTo) }));
  if (fingerprint) await recordBuild(cacheDir, outputDir, fingerprint);
  await site.pruneCache();
  await archive.cache?.prune();
  return {
    ok: true,
    problems,
    language,
    writtenCount: site.pageCount,
    searchRecordCount: site.searchRecordCount,
    images: site.images,
    parts: site.parts,
    bundles: site.bundles,
    seconds: { read: readSeconds, images: site.seconds.images, render: site.seconds.render, search: site.seconds.search, total: stopwatch.total() },
  };
}

/** Seconds since the last lap, and since the start. */
function startStopwatch(): { lap(): number; total(): number } {
  const start = performance.now();
  let last = start;
  return {
    lap() {
      const now = performance.now();
      const seconds = (now - last) / 1000;
      last = now;
      return seconds;
    },
    total: () => (performance.now() - start) / 1000,
  };
}
