// The benchmark (`npm run bench`): builds synthetic archives of N daily issues with the real pipeline and then with plain
// Eleventy in the same run, and prints cold build time, pages per second, peak memory of the process tree, search indexing time and
// index size; the time to add one issue to the built archive and publish it (the first after the cold build, and the next); and the time
// of a rebuild with nothing changed.
import { existsSync } from "node:fs";
import { mkdir, readdir, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadArchive } from "../content/archive.ts";
import { LANGUAGE_VARIABLE } from "../messages/language.ts";
import { issueFileOf } from "../paths.ts";
import { projectRoot } from "../project.ts";
import { writeBaselineInput } from "./baseline.ts";
import { measure, type Measured } from "./measure.ts";
import { bundledText, syntheticDate, syntheticIssue, writeSyntheticArchive } from "./synthetic-archive.ts";

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

/**
 * What the search page fetches before a first query has any result, whatever the query: Pagefind's script, worker and WebAssembly
 * (once), and for every search bundle its entry file, its page list (pf_meta) and its filter files (the page shows the filters). A query
 * then adds the word chunks it needs from every bundle and the results it shows.
 */
async function firstQueryFloorBytes(siteDir: string): Promise<number> {
  const searchDir = path.join(siteDir, "pagefind");
  if (!existsSync(searchDir)) return 0;
  const bundles = (await readdir(searchDir)).sort();
  let total = 0;
  const size = async (file: string) => (await stat(file)).size;
  const newest = path.join(searchDir, bundles.at(-1)!);
  for (const name of await readdir(newest)) if (/^(pagefind\.js|pagefind-worker\.js|wasm\..*)$/.test(name)) total += await size(path.join(newest, name));
  for (const bundle of bundles) {
    const dir = path.join(searchDir, bundle);
    for (const name of await readdir(dir)) if (/^(pagefind-entry\.json|.*\.pf_meta)$/.test(name)) total += await size(path.join(dir, name));
    for (const name of await readdir(path.join(dir, "filter")).catch(() => [] as string[])) total += await size(path.join(dir, "filter", name));
  }
  return total;
}

/** A build with its own cache folder beside the output, so each size starts cold and the project's own cache is left alone. */
function runBuild(contentRoot: string, outputDir: string): Promise<Measured> {
  // The build's figures are read from what it prints, so it prints them in English whatever the paper's language.
  return measure(process.execPath, ["--import", "tsx", path.join(projectRoot, "scripts/build.ts"), "--content", contentRoot, "--output", outputDir, "--cache", `${outputDir}.cache`], {
    cwd: projectRoot, env: { ...process.env, [LANGUAGE_VARIABLE]: "en" },
  });
}

/** The seconds a build spent on search indexing, from its own report. */
function indexingSeconds(run: Measured): number | undefined {
  const match = /search index(?:ed)? in ([\d.]+) s/i.exec(run.stdout);
  return match ? Number(match[1]) : undefined;
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
  /** What the search page fetches before any query's own chunks (see firstQueryFloorBytes). */
  firstQueryKB: number;
  /** The first build after the cold one, which also makes the site's second copy. */
  addFirstSeconds: number;
  addOneSeconds: number;
  addOnePeakGB: number;
  noChangeSeconds: number;
  /** Plain Eleventy on the same issues (the cold build's, not the added ones); `failed` when it did not finish; absent with --no-baseline. */
  baseline?: { seconds: number; peakGB: number; pages: number; failed?: string };
}

/** The site's output (a link) and its two copies beside it, and its cache. */
async function removeSite(siteDir: string): Promise<void> {
  for (const folder of [siteDir, `${siteDir}.a`, `${siteDir}.b`, `${siteDir}.cache`]) await rm(folder, { recursive: true, force: true });
}

async function benchSize(issues: number, workDir: string, withBaseline: boolean): Promise<Row> {
  const contentRoot = path.join(workDir, `archive-${issues}`);
  const siteDir = path.join(workDir, `site-${issues}`);
  await rm(contentRoot, { recursive: true, force: true });
  await removeSite(siteDir);
  console.error(`[${issues}] generating the archive…`);
  await writeSyntheticArchive(contentRoot, { issues });

  console.error(`[${issues}] Baoku cold build…`);
  const cold = await runBuild(contentRoot, siteDir);
  assertSucceeded("the cold build", cold);
  const pages = Number(/Built (\d+) pages/.exec(cold.stdout)?.[1] ?? 0);
  const indexMB = (await folderBytes(path.join(siteDir, "pagefind"))) / 1e6;
  const firstQueryKB = (await firstQueryFloorBytes(siteDir)) / 1e3;

  // The first build after the cold one also makes the site's second copy (see src/build/publish.ts); from then on each day's issue costs
  // what the next one does.
  const addIssue = async (index: number) => {
    const date = syntheticDate("1995-01-01", index);
    const file = path.join(contentRoot, issueFileOf(date));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, syntheticIssue(await bundledText(), index + 1, date));
    const run = await runBuild(contentRoot, siteDir);
    assertSucceeded(`the build after adding issue ${index + 1}`, run);
    return run;
  };
  console.error(`[${issues}] adding one issue…`);
  const addFirst = await addIssue(issues);
  console.error(`[${issues}] adding the next issue…`);
  const addOne = await addIssue(issues + 1);

  console.error(`[${issues}] rebuilding with nothing changed…`);
  const noChange = await runBuild(contentRoot, siteDir);
  assertSucceeded("the rebuild with nothing changed", noChange);
  await removeSite(siteDir);

  const baoku = {
    issues, pages, coldSeconds: cold.seconds, pagesPerSecond: pages / cold.seconds, peakGB: cold.peakBytes / 1e9,
    ...(indexingSeconds(cold) !== undefined && { indexSeconds: indexingSeconds(cold)! }), indexMB, firstQueryKB,
    addFirstSeconds: addFirst.seconds, addOneSeconds: addOne.seconds, addOnePeakGB: addOne.peakBytes / 1e9, noChangeSeconds: noChange.seconds,
  };
  if (!withBaseline) {
    await rm(contentRoot, { recursive: true, force: true });
    return baoku;
  }

  // The baseline runs last, on the same issues: at the largest sizes it may run out of memory, which is itself a result.
  console.error(`[${issues}] plain Eleventy baseline…`);
  const baselineIn = path.join(workDir, `baseline-in-${issues}`);
  const baselineOut = path.join(workDir, `baseline-out-${issues}`);
  await rm(baselineIn, { recursive: true, force: true });
  await rm(baselineOut, { recursive: true, force: true });
  const baselinePages = await writeBaselineInput((await loadArchive(contentRoot)).issues.filter((issue) => issue.number <= issues), baselineIn);
  const baseline = await measure(process.execPath, [path.join(projectRoot, "node_modules/@11ty/eleventy/cmd.cjs"), "--input", baselineIn, "--output", baselineOut, "--quiet", "--config", path.join(projectRoot, "src/bench/baseline/eleventy.config.js")], { cwd: projectRoot });
  if (baseline.exitCode !== 0) console.error(`[${issues}] the baseline failed (exit ${baseline.exitCode}): ${baseline.stderr.slice(-500)}`);
  await rm(baselineIn, { recursive: true, force: true });
  await rm(baselineOut, { recursive: true, force: true });
  await rm(contentRoot, { recursive: true, force: true });

  return {
    ...baoku,
    baseline: baseline.exitCode === 0 ? { seconds: baseline.seconds, peakGB: baseline.peakBytes / 1e9, pages: baselinePages } : { failed: `exit ${baseline.exitCode}`, seconds: baseline.seconds, peakGB: baseline.peakBytes / 1e9, pages: baselinePages },
  };
}

function table(rows: Row[]): string {
  const header = "| issues | pages | cold build | pages/s | peak memory | search indexing | index size | search page's first fetch | add one issue (first after cold) | add one issue | its peak | nothing changed | plain Eleventy (pages) | plain Eleventy peak | speed-up |";
  const rule = "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|";
  const lines = rows.map((row) => [
    row.issues, row.pages, `${row.coldSeconds.toFixed(1)} s`, row.pagesPerSecond.toFixed(0), `${row.peakGB.toFixed(2)} GB`,
    row.indexSeconds !== undefined ? `${row.indexSeconds.toFixed(1)} s` : "–", `${row.indexMB.toFixed(1)} MB`, `${row.firstQueryKB.toFixed(0)} KB`,
    `${row.addFirstSeconds.toFixed(1)} s`, `${row.addOneSeconds.toFixed(1)} s`, `${row.addOnePeakGB.toFixed(2)} GB`, `${row.noChangeSeconds.toFixed(1)} s`, !row.baseline ? "not run" : row.baseline.failed ? `failed (${row.baseline.failed}) after ${row.baseline.seconds.toFixed(1)} s (${row.baseline.pages})` : `${row.baseline.seconds.toFixed(1)} s (${row.baseline.pages})`,
    row.baseline ? `${row.baseline.peakGB.toFixed(2)} GB` : "–", !row.baseline || row.baseline.failed ? "–" : `${(row.baseline.seconds / row.coldSeconds).toFixed(1)}×`,
  ].join(" | "));
  return [header, rule, ...lines.map((line) => `| ${line} |`)].join("\n");
}

export interface BenchOptions {
  sizes: readonly number[];
  /** Where the archives and sites are made; each size's are removed when it is done. */
  workDir: string;
  /** Build the same issues with plain Eleventy too. */
  withBaseline: boolean;
}

/** Measures every size in turn, printing the table after each (progress goes to standard error). */
export async function runBench({ sizes, workDir, withBaseline }: BenchOptions): Promise<void> {
  const rows: Row[] = [];
  for (const size of sizes) {
    rows.push(await benchSize(size, workDir, withBaseline));
    console.log(table(rows));
  }
  console.log(`\nMachine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.`);
}
