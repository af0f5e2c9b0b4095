// The benchmark (`npm run bench`): builds synthetic archives of N daily issues with the real pipeline and then with plain
// Eleventy in the same run, and prints cold build time, pages per second, peak memory of the process tree, search indexing time and
// index size; the time to add one issue to the built archive and publish it (the first after the cold build, and the next); and the time
// of a rebuild with nothing changed; and, against an SSH server on 127.0.0.1, the end to end of a day in CI: the cache CI keeps for a
// deploy from the cache (build/ci-cache.ts) saved and restored on a fresh runner, one new issue built as the manifest only and deployed
// from the cache, with the files and bytes sent; and what .cache holds, by kind.
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { loadArchive } from "../content/archive.ts";
import { LANGUAGE_VARIABLE } from "../messages/language.ts";
import { issueFileOf } from "../paths.ts";
import { projectRoot } from "../project.ts";
import { writeBaselineInput } from "./baseline.ts";
import { writeHugoProject } from "./hugo-peer.ts";
import { BENCH_QUERIES, measureSearchFetches, type SearchFetches } from "./search-fetches.ts";
import { pagefindBinary } from "../build/search-index.ts";
import { measure, type Measured } from "./measure.ts";
import { bundledText, syntheticDate, syntheticIssue, writeSyntheticArchive } from "./synthetic-archive.ts";
import { sameCodeAs } from "./same-code.ts";
import { startSshServer, type SshServer } from "./ssh-server.ts";
import { deploySite, type DeployResult } from "../deploy/deploy.ts";
import { deployCacheTarArgs } from "../build/ci-cache.ts";
import { CACHE_FOLDERS, PART_SEARCH_INPUT } from "../build/cache-layout.ts";
import { removeManifestSites } from "../build/deploy-manifest.ts";

export const DEFAULT_SIZES = [300, 1000, 4000, 11000];

/** Bytes of every file below `dir`. */
async function folderBytes(dir: string): Promise<number> {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/** Files and bytes below `dir`, following it when it is a link. */
async function folderSize(dir: string): Promise<{ files: number; bytes: number }> {
  const size = { files: 0, bytes: 0 };
  if (!existsSync(dir)) return size;
  for (const entry of await readdir(`${dir}/`, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    size.files++;
    size.bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return size;
}

/** What the build cache holds, by kind: each kind's files and bytes (parts split into their pages and their search input). */
const CACHE_KINDS = ["parsed", "parts: pages", "parts: search input", "search bundles", "image derivatives", "deploy manifest", "other"] as const;
type CacheKind = (typeof CACHE_KINDS)[number];

async function cacheByKind(cacheDir: string): Promise<Record<CacheKind, { files: number; bytes: number }>> {
  const kinds = Object.fromEntries(CACHE_KINDS.map((kind) => [kind, { files: 0, bytes: 0 }])) as Record<CacheKind, { files: number; bytes: number }>;
  for (const entry of await readdir(cacheDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const relative = path.relative(cacheDir, path.join(entry.parentPath, entry.name)).split(path.sep);
    const kind: CacheKind =
      relative[0] === CACHE_FOLDERS.parsed
        ? "parsed"
        : relative[0] === CACHE_FOLDERS.parts
          ? relative[3] === PART_SEARCH_INPUT
            ? "parts: search input"
            : "parts: pages"
          : relative[0] === CACHE_FOLDERS.search || relative[0] === CACHE_FOLDERS.terms
            ? "search bundles"
            : relative[0] === CACHE_FOLDERS.images
              ? "image derivatives"
              : relative[0] === CACHE_FOLDERS.deploy
                ? "deploy manifest"
                : "other";
    kinds[kind].files++;
    kinds[kind].bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return kinds;
}

/** What the search index is made of, read from its files: the sizes the design follows from (docs/SEARCH.md). */
interface IndexShape {
  /** Files below /pagefind/ in all, and of them the term directory's. */
  files: number;
  directoryFiles: number;
  /** The directory: its shards' bytes gzipped, and its entries (term, bundle), the sum over terms of the bundles holding each. */
  directoryGzipKB: number;
  directoryEntries: number;
  /** Spelled terms indexed in all (Pagefind's locations), from the bundles' statistics. */
  locations: number;
  /** Bytes of the word chunks (pf_index) per location. */
  bytesPerLocation: number;
  /** Word chunks, and the bytes of the page lists (pf_meta, which hold the chunk table) per chunk. */
  chunks: number;
  metaBytesPerChunk: number;
}

async function indexShape(siteDir: string): Promise<IndexShape> {
  const searchDir = path.join(siteDir, "pagefind");
  const shape: IndexShape = {
    files: 0,
    directoryFiles: 0,
    directoryGzipKB: 0,
    directoryEntries: 0,
    locations: 0,
    bytesPerLocation: 0,
    chunks: 0,
    metaBytesPerChunk: 0,
  };
  if (!existsSync(searchDir)) return shape;
  let indexBytes = 0;
  let metaBytes = 0;
  for (const entry of await readdir(`${searchDir}/`, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    const inDirectory = path.relative(searchDir, file).startsWith("directory");
    shape.files++;
    if (inDirectory) {
      shape.directoryFiles++;
      const text = await readFile(file);
      shape.directoryGzipKB += gzipSync(text).length / 1e3;
      if (/^\d+\.json$/.test(entry.name))
        shape.directoryEntries += Object.values(JSON.parse(text.toString("utf8")) as Record<string, number[]>).reduce((sum, list) => sum + list.length / 3, 0);
    } else if (entry.name.endsWith(".pf_index")) {
      shape.chunks++;
      indexBytes += (await stat(file)).size;
    } else if (entry.name.endsWith(".pf_meta")) {
      metaBytes += (await stat(file)).size;
    } else if (entry.name === "baoku-stats.json") {
      shape.locations += (JSON.parse(await readFile(file, "utf8")) as { terms: number }).terms;
    }
  }
  shape.bytesPerLocation = shape.locations ? indexBytes / shape.locations : 0;
  shape.metaBytesPerChunk = shape.chunks ? metaBytes / shape.chunks : 0;
  return shape;
}

/**
 * A command started as `npm run <name>` starts it (src/run-command.mjs: from its bundle), without npm's own start; its figures are read
 * from what it prints, so it prints them in English whatever the paper's language.
 */
function runCommand(name: "build" | "check", args: string[]): Promise<Measured> {
  return measure(process.execPath, [path.join(projectRoot, "src/run-command.mjs"), name, ...args], {
    cwd: projectRoot,
    env: { ...process.env, [LANGUAGE_VARIABLE]: "en" },
  });
}

/** A build with its own cache folder beside the output, so each size starts cold and the project's own cache is left alone. */
function runBuild(contentRoot: string, outputDir: string, more: string[] = []): Promise<Measured> {
  return runCommand("build", ["--content", contentRoot, "--output", outputDir, "--cache", `${outputDir}.cache`, ...more]);
}

/** The seconds a build spent on search indexing, from its own report. */
function indexingSeconds(run: Measured): number | undefined {
  const match = /search index(?:ed)? in ([\d.]+) s/i.exec(run.stdout);
  return match ? Number(match[1]) : undefined;
}

/** The median and the largest of the queries' own bytes, in KB. */
function queryKBSpread(fetches: SearchFetches): { median: number; max: number } {
  const sorted = [...fetches.queryKB].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)] ?? 0, max: sorted.at(-1) ?? 0 };
}

/** Kilobytes, as the tables print them. */
function kb(value: number): string {
  return `${value.toFixed(0)} KB`;
}

function assertSucceeded(what: string, run: Measured): void {
  if (run.exitCode !== 0) throw new Error(`${what} failed (exit ${run.exitCode}):\n${run.stderr.slice(-2000)}`);
}

interface Row {
  issues: number;
  pages: number;
  coldSeconds: number;
  pagesPerSecond: number;
  peakGB: number;
  indexSeconds?: number;
  indexMB: number;
  /** Search bundles of the cold build. */
  bundles: number;
  /** Measured in Chromium (search-fetches.ts); absent without Chromium. */
  fetches?: SearchFetches;
  /** What the index is made of, from its files (indexShape). */
  shape: IndexShape;
  /** Seconds the day's builds spent indexing, from their reports. */
  addOneIndexSeconds?: number;
  addMonthIndexSeconds?: number;
  /** The first build after the cold one, which also makes the site's second copy. */
  addFirstSeconds: number;
  addOneSeconds: number;
  addOnePeakGB: number;
  /** The first issue of the next month: its month is new, and the month before is sealed. */
  addMonthSeconds: number;
  addMonthPeakGB: number;
  /** Absent with --search-only. */
  noChangeSeconds?: number;
  /** `npm run check` with the build's cache: nothing changed since the build, and the newest issue changed (parsed again). Absent with --search-only. */
  checkSeconds?: { unchanged: number; oneChanged: number };
  /** Plain Eleventy on the same issues (the cold build's, not the added ones); `failed` when it did not finish; absent with --no-baseline. */
  baseline?: Peer;
  /** Hugo, then Pagefind with its defaults over Hugo's output; absent above --hugo-max. */
  hugo?: Peer & { hugoSeconds: number; pagefindSeconds: number };
  /** The deploys to the SSH server; absent without sshd. */
  endToEnd?: EndToEnd;
  /** What the cache holds after the last build, by kind. */
  cache: Record<CacheKind, { files: number; bytes: number }>;
}

interface EndToEnd {
  site: { files: number; bytes: number };
  /** The cold build's site deployed to an empty folder. */
  first: Pick<DeployResult, "sent" | "bytes" | "seconds">;
  /** The cache CI keeps for a deploy from the cache (build/ci-cache.ts): its files and bytes, compressed, and saving and restoring it as actions/cache does. */
  ciCache: {
    files: number;
    bytes: number;
    compressedBytes: number;
    saveSeconds: number;
    restoreSeconds: number;
    kinds: Record<CacheKind, { files: number; bytes: number }>;
  };
  /** From that cache alone, one issue added: the build of the manifest only, its peak, and the deploy of what it changed. */
  buildSeconds: number;
  buildPeakGB: number;
  deploy: Pick<DeployResult, "sent" | "bytes" | "seconds" | "removed" | "steps">;
}

/** Runs a command, not timed; throws when it fails. */
async function runChecked(command: string, args: string[], cwd = projectRoot): Promise<void> {
  assertSucceeded(`${command} ${args[0]}`, await measure(command, args, { cwd }));
}

/** Commits every file of `contentRoot` to its repository, made first when there is none. */
async function commitAll(contentRoot: string, message: string): Promise<void> {
  const git = (...args: string[]) => runChecked("git", ["-c", "user.name=报库", "-c", "user.email=bench@baoku.invalid", ...args], contentRoot);
  await git("init", "-q");
  await git("add", "-A");
  await git("commit", "-q", "-m", message);
}

/** Runs a shell pipeline, timed; throws when it fails. */
async function timedShell(what: string, command: string): Promise<number> {
  const run = await measure("sh", ["-c", command], { cwd: projectRoot });
  assertSucceeded(what, run);
  return run.seconds;
}

/** A shell word. */
const quoted = (word: string) => `'${word.replaceAll("'", "'\\''")}'`;

interface Peer {
  seconds: number;
  peakGB: number;
  pages: number;
  failed?: string;
}

/** The site's output (a link) and its two copies beside it, and its cache. */
async function removeSite(siteDir: string): Promise<void> {
  for (const folder of [siteDir, `${siteDir}.a`, `${siteDir}.b`, `${siteDir}.cache`]) await rm(folder, { recursive: true, force: true });
  await removeManifestSites(siteDir);
}

/** The first day of the month after `date`'s. */
function firstOfNextMonth(date: string): string {
  const [year, month] = date.split("-").map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, "0")}-01`;
}

async function benchSize(
  issues: number,
  workDir: string,
  options: { baseline: boolean; hugo: boolean; ssh: SshServer | undefined; searchOnly: boolean },
): Promise<Row> {
  const contentRoot = path.join(workDir, `archive-${issues}`);
  const siteDir = path.join(workDir, `site-${issues}`);
  await rm(contentRoot, { recursive: true, force: true });
  await removeSite(siteDir);
  console.error(`[${issues}] generating the archive, committed to git as an archive repository is…`);
  await writeSyntheticArchive(contentRoot, { issues });
  await commitAll(contentRoot, "the archive");

  console.error(`[${issues}] Baoku cold build…`);
  const sameCode = await sameCodeAs(projectRoot);
  const cold = await runBuild(contentRoot, siteDir);
  assertSucceeded("the cold build", cold);
  const pages = Number(/Built (\d+) pages/.exec(cold.stdout)?.[1] ?? 0);
  const bundles = Number(/indexed \d+ of (\d+) search bundles/.exec(cold.stdout)?.[1] ?? 0);
  const indexMB = (await folderBytes(path.join(siteDir, "pagefind"))) / 1e6;
  const shape = await indexShape(siteDir);
  console.error(`[${issues}] the search page's fetches, in Chromium…`);
  const fetches = await measureSearchFetches(siteDir);
  // Said now as well as in the tables at the end: a run of hours that stops later keeps these.
  if (fetches) {
    const own = queryKBSpread(fetches);
    console.error(
      `[${issues}] first fetch ${kb(fetches.pageKB + fetches.indexKB)}; a query's own: median ${kb(own.median)}, ` +
        `max ${kb(own.max)}; Slow 4G ${fetches.slow4gSeconds.map((each) => `${each.query} ${each.seconds.toFixed(1)} s`).join(", ")}`,
    );
  }

  // The first build after the cold one also makes the site's second copy (see src/build/publish.ts); from then on each day's issue costs
  // what the next one does. The first issue of a month is measured apart: its month is new, and the month before leaves the newest bundle.
  const addIssue = async (index: number, date: string) => {
    const file = path.join(contentRoot, issueFileOf(date));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, syntheticIssue(await bundledText(), index + 1, date));
    await sameCode(`[${issues}] adding issue ${index + 1} (${date})`);
    const run = await runBuild(contentRoot, siteDir);
    assertSucceeded(`the build after adding issue ${index + 1} (${date})`, run);
    return run;
  };
  const remote = path.join(workDir, `deployed-${issues}`);
  await rm(remote, { recursive: true, force: true });
  const deploy = (ssh: SshServer) => deploySite({ siteDir, target: ssh.targetOf(remote), rsh: ssh.rsh });
  let first: DeployResult | undefined;
  if (options.ssh && !options.searchOnly) {
    console.error(`[${issues}] deploying the site to the SSH server…`);
    first = await deploy(options.ssh);
  }

  console.error(`[${issues}] adding one issue…`);
  const addFirst = await addIssue(issues, syntheticDate("1995-01-01", issues));
  console.error(`[${issues}] adding the next issue…`);
  const nextDate = syntheticDate("1995-01-01", issues + 1);
  const addOne = await addIssue(issues + 1, nextDate);
  console.error(`[${issues}] adding the first issue of the next month…`);
  const addMonth = await addIssue(issues + 2, firstOfNextMonth(nextDate));

  let noChange: Measured | undefined;
  if (!options.searchOnly) {
    console.error(`[${issues}] rebuilding with nothing changed…`);
    await sameCode(`[${issues}] rebuilding with nothing changed`);
    noChange = await runBuild(contentRoot, siteDir);
    assertSucceeded("the rebuild with nothing changed", noChange);
  }

  // `npm run check` as an editor runs it before a commit, reading the build's cache: with nothing changed, then with the newest issue
  // edited (a paragraph added, so it is parsed again), then that issue put back as it was, so what follows builds what was built.
  let checkSeconds: Row["checkSeconds"];
  if (!options.searchOnly) {
    const check = () => runCommand("check", ["--content", contentRoot, "--cache", `${siteDir}.cache`]);
    console.error(`[${issues}] npm run check, nothing changed, then one issue changed…`);
    const unchanged = await check();
    assertSucceeded("the check with nothing changed", unchanged);
    const newest = path.join(contentRoot, issueFileOf(firstOfNextMonth(nextDate)));
    const before = await readFile(newest);
    await writeFile(newest, `${before.toString("utf8")}\n检查时加上的一段。\n`);
    const oneChanged = await check();
    await writeFile(newest, before);
    assertSucceeded("the check with one issue changed", oneChanged);
    checkSeconds = { unchanged: unchanged.seconds, oneChanged: oneChanged.seconds };
  }

  const cache = await cacheByKind(`${siteDir}.cache`);
  // A day in CI: the cache CI keeps for a deploy from the cache (no part's pages, no image derivative) saved and restored on a fresh
  // runner as actions/cache does (tar and zstd), one new issue built as the manifest only from it, and deployed from the cache.
  let endToEnd: EndToEnd | undefined;
  if (options.ssh && first) {
    console.error(
      `[${issues}] deploying the site as it is now, then a day in CI: the cache saved and restored without pages and images, one more issue built and deployed…`,
    );
    await deploy(options.ssh);
    const site = await folderSize(siteDir);
    const ciSite = `${siteDir}-ci`;
    const ciCache = `${ciSite}.cache`;
    const archive = path.join(workDir, `ci-cache-${issues}.tar.zst`);
    await rm(ciCache, { recursive: true, force: true });
    await rm(archive, { force: true });
    const saveSeconds = await timedShell(
      "saving the CI cache",
      `tar ${deployCacheTarArgs(`${siteDir}.cache`).map(quoted).join(" ")} | zstd -q -T0 --long=30 -o ${quoted(archive)}`,
    );
    await mkdir(ciCache, { recursive: true });
    const restoreSeconds = await timedShell("restoring the CI cache", `zstd -q -d --long=30 -c ${quoted(archive)} | tar -xf - -C ${quoted(ciCache)}`);
    const kinds = await cacheByKind(ciCache);
    const totals = Object.values(kinds).reduce((sum, kind) => ({ files: sum.files + kind.files, bytes: sum.bytes + kind.bytes }), { files: 0, bytes: 0 });
    const compressedBytes = (await stat(archive)).size;
    await rm(archive, { force: true });
    const date = syntheticDate(firstOfNextMonth(nextDate), 1);
    const file = path.join(contentRoot, issueFileOf(date));
    await writeFile(file, syntheticIssue(await bundledText(), issues + 4, date));
    // The runner checks the pushed commit out afresh, at the same path: every file has a new time and inode (not timed).
    await commitAll(contentRoot, date);
    const local = `${contentRoot}.local`;
    await rename(contentRoot, local);
    await runChecked("git", ["clone", "-q", local, contentRoot]);
    const built = await runBuild(contentRoot, ciSite, ["--manifest-only"]);
    await rm(contentRoot, { recursive: true, force: true });
    await rename(local, contentRoot);
    assertSucceeded("the build of the manifest only from the CI cache", built);
    const deployed = await deploySite({ siteDir: ciSite, target: options.ssh.targetOf(remote), rsh: options.ssh.rsh });
    endToEnd = {
      site,
      first: { sent: first.sent, bytes: first.bytes, seconds: first.seconds },
      ciCache: { ...totals, compressedBytes, saveSeconds, restoreSeconds, kinds },
      buildSeconds: built.seconds,
      buildPeakGB: built.peakBytes / 1e9,
      deploy: { sent: deployed.sent, bytes: deployed.bytes, seconds: deployed.seconds, removed: deployed.removed, steps: deployed.steps },
    };
    await removeSite(ciSite);
  }
  await removeSite(siteDir);
  await rm(remote, { recursive: true, force: true });

  const row: Row = {
    issues,
    pages,
    coldSeconds: cold.seconds,
    pagesPerSecond: pages / cold.seconds,
    peakGB: cold.peakBytes / 1e9,
    ...(indexingSeconds(cold) !== undefined && { indexSeconds: indexingSeconds(cold)! }),
    indexMB,
    bundles,
    shape,
    ...(fetches && { fetches }),
    addFirstSeconds: addFirst.seconds,
    addOneSeconds: addOne.seconds,
    addOnePeakGB: addOne.peakBytes / 1e9,
    addMonthSeconds: addMonth.seconds,
    addMonthPeakGB: addMonth.peakBytes / 1e9,
    ...(noChange && { noChangeSeconds: noChange.seconds }),
    ...(checkSeconds && { checkSeconds }),
    ...(indexingSeconds(addOne) !== undefined && { addOneIndexSeconds: indexingSeconds(addOne)! }),
    ...(indexingSeconds(addMonth) !== undefined && { addMonthIndexSeconds: indexingSeconds(addMonth)! }),
    ...(endToEnd && { endToEnd }),
    cache,
  };
  const peerIssues = options.baseline || options.hugo ? (await loadArchive(contentRoot)).issues.filter((issue) => issue.number <= issues) : [];

  // The peers run last, on the same issues: at the largest sizes they may run out of memory, which is itself a result.
  if (options.baseline) {
    console.error(`[${issues}] plain Eleventy baseline…`);
    const baselineIn = path.join(workDir, `baseline-in-${issues}`);
    const baselineOut = path.join(workDir, `baseline-out-${issues}`);
    await rm(baselineIn, { recursive: true, force: true });
    await rm(baselineOut, { recursive: true, force: true });
    const baselinePages = await writeBaselineInput(peerIssues, baselineIn);
    const baseline = await measure(
      process.execPath,
      [
        path.join(projectRoot, "node_modules/@11ty/eleventy/cmd.cjs"),
        "--input",
        baselineIn,
        "--output",
        baselineOut,
        "--quiet",
        "--config",
        path.join(projectRoot, "src/bench/baseline/eleventy.config.js"),
      ],
      { cwd: projectRoot },
    );
    if (baseline.exitCode !== 0) console.error(`[${issues}] the baseline failed (exit ${baseline.exitCode}): ${baseline.stderr.slice(-500)}`);
    await rm(baselineIn, { recursive: true, force: true });
    await rm(baselineOut, { recursive: true, force: true });
    row.baseline = {
      seconds: baseline.seconds,
      peakGB: baseline.peakBytes / 1e9,
      pages: baselinePages,
      ...(baseline.exitCode !== 0 && { failed: `exit ${baseline.exitCode}` }),
    };
  }
  if (options.hugo) {
    console.error(`[${issues}] Hugo, then Pagefind with its defaults…`);
    const hugoDir = path.join(workDir, `hugo-${issues}`);
    await rm(hugoDir, { recursive: true, force: true });
    const hugoPages = await writeHugoProject(peerIssues, hugoDir);
    const hugo = await measure("hugo", ["--quiet", "--source", hugoDir], { cwd: hugoDir });
    const pagefind = hugo.exitCode === 0 ? await measure(pagefindBinary(), ["--site", path.join(hugoDir, "public")], { cwd: hugoDir }) : undefined;
    const failed = hugo.exitCode !== 0 ? `hugo exit ${hugo.exitCode}` : pagefind && pagefind.exitCode !== 0 ? `pagefind exit ${pagefind.exitCode}` : undefined;
    if (failed) console.error(`[${issues}] the Hugo peer failed (${failed}): ${(pagefind ?? hugo).stderr.slice(-500)}`);
    await rm(hugoDir, { recursive: true, force: true });
    row.hugo = {
      seconds: hugo.seconds + (pagefind?.seconds ?? 0),
      hugoSeconds: hugo.seconds,
      pagefindSeconds: pagefind?.seconds ?? 0,
      peakGB: Math.max(hugo.peakBytes, pagefind?.peakBytes ?? 0) / 1e9,
      pages: hugoPages,
      ...(failed && { failed }),
    };
  }
  await rm(contentRoot, { recursive: true, force: true });
  return row;
}

const seconds = (value: number) => `${value.toFixed(1)} s`;
const gigabytes = (value: number) => `${value.toFixed(2)} GB`;

function peerCell(peer: Peer | undefined, baoku: Row): [string, string, string] {
  if (!peer) return ["not run", "–", "–"];
  if (peer.failed) return [`failed (${peer.failed}) after ${seconds(peer.seconds)} (${peer.pages})`, gigabytes(peer.peakGB), "–"];
  return [`${seconds(peer.seconds)} (${peer.pages})`, gigabytes(peer.peakGB), `${(peer.seconds / baoku.coldSeconds).toFixed(1)}×`];
}

function table(rows: Row[]): string {
  const build = [
    "| issues | pages | cold build | pages/s | peak memory | search indexing | bundles | index size | add one issue (first after cold) | add one issue | its peak | first issue of a month | its peak | nothing changed | check, nothing changed | check, one issue changed |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map(
      (row) =>
        `| ${[
          row.issues,
          row.pages,
          seconds(row.coldSeconds),
          row.pagesPerSecond.toFixed(0),
          gigabytes(row.peakGB),
          row.indexSeconds !== undefined ? seconds(row.indexSeconds) : "–",
          row.bundles,
          `${row.indexMB.toFixed(1)} MB`,
          seconds(row.addFirstSeconds),
          seconds(row.addOneSeconds),
          gigabytes(row.addOnePeakGB),
          seconds(row.addMonthSeconds),
          gigabytes(row.addMonthPeakGB),
          row.noChangeSeconds !== undefined ? seconds(row.noChangeSeconds) : "–",
          row.checkSeconds ? seconds(row.checkSeconds.unchanged) : "–",
          row.checkSeconds ? seconds(row.checkSeconds.oneChanged) : "–",
        ].join(" | ")} |`,
    ),
  ];
  const peers = [
    "| issues | Baoku cold | plain Eleventy (pages) | its peak | its time ÷ Baoku's | Hugo + Pagefind (pages) | Hugo | Pagefind | its peak | its time ÷ Baoku's |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map((row) => {
      const [eleventy, eleventyPeak, eleventyRatio] = peerCell(row.baseline, row);
      const [hugo, hugoPeak, hugoRatio] = peerCell(row.hugo, row);
      return `| ${[
        row.issues,
        seconds(row.coldSeconds),
        eleventy,
        eleventyPeak,
        eleventyRatio,
        hugo,
        row.hugo ? seconds(row.hugo.hugoSeconds) : "–",
        row.hugo ? seconds(row.hugo.pagefindSeconds) : "–",
        hugoPeak,
        hugoRatio,
      ].join(" | ")} |`;
    }),
  ];
  const search = [
    "| issues | search page before a query | loaded at the first query before its words | first fetch (page + that) | each query's own: median | max | requests of the first query | Slow 4G, 搜索 to first result: " +
      (rows
        .find((row) => row.fetches)
        ?.fetches?.slow4gSeconds.map((each) => each.query)
        .join(", ") ?? "") +
      " |",
    "|---:|---:|---:|---:|---:|---:|---:|---|",
    ...rows.map((row) => {
      const fetches = row.fetches;
      if (!fetches) return `| ${row.issues} | no Chromium: not measured |`;
      const own = queryKBSpread(fetches);
      return `| ${[
        row.issues,
        kb(fetches.pageKB),
        kb(fetches.indexKB),
        kb(fetches.pageKB + fetches.indexKB),
        kb(own.median),
        kb(own.max),
        fetches.firstQueryRequests,
        fetches.slow4gSeconds.map((each) => seconds(each.seconds)).join(", "),
      ].join(" | ")} |`;
    }),
    "",
    `| issues | ${BENCH_QUERIES.join(" | ")} |`,
    `|---:|${BENCH_QUERIES.map(() => "---:").join("|")}|`,
    ...rows.flatMap((row) => (row.fetches ? [`| ${row.issues} | ${row.fetches.queryKB.map(kb).join(" | ")} |`] : [])),
    "",
    "| issues | files below /pagefind/ | of them the term directory's | directory gzipped | directory entries (Σ over terms of bundles holding it) | locations indexed | pf_index bytes per location | word chunks | pf_meta bytes per chunk | day's re-index: one issue | first of a month |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ...rows.map(
      (row) =>
        `| ${[
          row.issues,
          row.shape.files,
          row.shape.directoryFiles,
          kb(row.shape.directoryGzipKB),
          row.shape.directoryEntries,
          row.shape.locations,
          row.shape.bytesPerLocation.toFixed(2),
          row.shape.chunks,
          row.shape.metaBytesPerChunk.toFixed(1),
          row.addOneIndexSeconds !== undefined ? seconds(row.addOneIndexSeconds) : "–",
          row.addMonthIndexSeconds !== undefined ? seconds(row.addMonthIndexSeconds) : "–",
        ].join(" | ")} |`,
    ),
  ];
  const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
  const endToEnd = [
    "| issues | site: files | site: size | first deploy: files | MB | time | CI cache: files | MB | compressed | save | restore | one issue, manifest only: build | its peak | deploy: files sent (assets, new pages, changed pages, entry points, manifest) | MB | removed | deploy time | build + deploy | restore + build + deploy |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|",
    ...rows.map((row) => {
      const run = row.endToEnd;
      if (!run) return `| ${row.issues} | no sshd: not run |`;
      const { steps } = run.deploy;
      return `| ${[
        row.issues,
        run.site.files,
        megabytes(run.site.bytes),
        run.first.sent,
        megabytes(run.first.bytes),
        seconds(run.first.seconds),
        run.ciCache.files,
        megabytes(run.ciCache.bytes),
        megabytes(run.ciCache.compressedBytes),
        seconds(run.ciCache.saveSeconds),
        seconds(run.ciCache.restoreSeconds),
        seconds(run.buildSeconds),
        gigabytes(run.buildPeakGB),
        `${run.deploy.sent} (${steps.assets}, ${steps.newPages}, ${steps.changedPages}, ${steps.entryPoints}, ${steps.manifest})`,
        megabytes(run.deploy.bytes),
        run.deploy.removed,
        seconds(run.deploy.seconds),
        seconds(run.buildSeconds + run.deploy.seconds),
        seconds(run.ciCache.restoreSeconds + run.buildSeconds + run.deploy.seconds),
      ].join(" | ")} |`;
    }),
  ];
  const cache = [
    `| issues | ${CACHE_KINDS.join(" | ")} | total |`,
    `|---:|${CACHE_KINDS.map(() => "---:").join("|")}|---:|`,
    ...rows.map((row) => {
      const kinds = CACHE_KINDS.map((kind) => row.cache[kind]);
      const total = kinds.reduce((sum, kind) => ({ files: sum.files + kind.files, bytes: sum.bytes + kind.bytes }), { files: 0, bytes: 0 });
      const ci = row.endToEnd?.ciCache;
      const ciRow = ci
        ? [
            `| ${[`${row.issues}, kept by CI for a deploy from the cache`, ...CACHE_KINDS.map((kind) => ci.kinds[kind]), ci].map((kind) => (typeof kind === "string" ? kind : `${megabytes(kind.bytes)} (${kind.files} files)`)).join(" | ")} |`,
          ]
        : [];
      return [`| ${[row.issues, ...[...kinds, total].map((kind) => `${megabytes(kind.bytes)} (${kind.files} files)`)].join(" | ")} |`, ...ciRow].join("\n");
    }),
  ];
  return [...build, "", ...peers, "", ...search, "", ...endToEnd, "", ...cache].join("\n");
}

export interface BenchOptions {
  sizes: readonly number[];
  /** Where the archives and sites are made; each size's are removed when it is done. */
  workDir: string;
  /** Build the same issues with plain Eleventy too. */
  withBaseline: boolean;
  /** The largest size Hugo and Pagefind are run at: Pagefind's defaults hold the whole index in memory (12.6 GB at 1,000 issues). */
  hugoMax: number;
  /** Only what search needs: the cold build, the search page's fetches and timings, and the day's builds; no deploy, no rebuild unchanged. */
  searchOnly: boolean;
}

/** Measures every size in turn, printing the table after each (progress goes to standard error). */
export async function runBench({ sizes, workDir, withBaseline, hugoMax, searchOnly }: BenchOptions): Promise<void> {
  const rows: Row[] = [];
  const ssh = searchOnly ? undefined : await startSshServer();
  if (!ssh && !searchOnly) console.error("No sshd (apt-get install -y openssh-server rsync): the deploy is not measured.");
  try {
    for (const size of sizes) {
      rows.push(await benchSize(size, workDir, { baseline: withBaseline, hugo: withBaseline && size <= hugoMax, ssh, searchOnly }));
      console.log(table(rows));
    }
  } finally {
    await ssh?.stop();
  }
  console.log(`\nMachine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.`);
}
