// A deploy: compares the site's manifest with the one deployed on the target and sends what differs, in the order of plan.ts, the
// manifest last of all, so the target's manifest always describes files the target has. Stopped at any point and run again, it plans
// the same steps from the same deployed manifest and ends with the target equal to the site.
import { existsSync, statSync } from "node:fs";
import { copyFile, link, lstat, mkdir, mkdtemp, readdir, readFile, realpath, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { problem, ProblemsError } from "../problems.ts";
import { DEPLOY_INDEX, DEPLOY_LISTS, DEPLOY_PENDING, listPath, parseIndex, parseList, readSources, type DeploySources } from "../build/deploy-manifest.ts";
import { eachLimited } from "../util/each-limited.ts";
import { sha256Of } from "../build/cache-entries.ts";
import { isRunning } from "../build/build-lock.ts";
import { emptiedFolders, planDeploy, type DeployPlan, type ManifestLists } from "./plan.ts";
import { parseTarget, shownTarget } from "./target.ts";
import { lockTarget } from "./target-lock.ts";
import { transportFor } from "./transport.ts";

/** The steps of a deploy as they are reported, in the order they are taken. */
export const DEPLOY_STEPS = ["manifest", "assets", "newPages", "changedPages", "entryPoints", "deletions"] as const;
export type DeployStep = (typeof DEPLOY_STEPS)[number];

export interface DeployOptions {
  /** The built site (the `_site` link or a folder). */
  siteDir: string;
  /** Where it goes, as typed (target.ts). */
  target: string;
  /** The ssh command rsync logs in to a server with; default: RSYNC_RSH, else ssh. */
  rsh?: string;
  /** Told before each step that has something to do, with its files and their bytes. */
  onStep?: (step: DeployStep, files: number, bytes: number) => void;
}

export interface DeployResult {
  /** The target as shown to the editor. */
  target: string;
  /** Whether the target had a deployed manifest: a first deploy sends everything. */
  firstDeploy: boolean;
  /** Files sent, the manifest's own included, and their bytes. */
  sent: number;
  bytes: number;
  /** Files sent in each step. */
  steps: Record<DeployStep, number>;
  removed: number;
  /** Files the target already had as they are. */
  unchanged: number;
  /** What was to be sent and removed, step by step. */
  plan: DeployPlan;
  seconds: number;
}

/** Deploys the site; a failure the editor can act on is thrown as a ProblemsError carrying its problem. */
export async function deploySite(options: DeployOptions): Promise<DeployResult> {
  const started = performance.now();
  const target = parseTarget(options.target);
  if (!target) throw new ProblemsError(problem("DeployTargetInvalid", { file: options.target }, { target: options.target }));
  // The copy the link points at now: a build running meanwhile changes the other copy, never this one.
  const siteDir = await realpath(options.siteDir).catch(() => undefined);
  const localIndex = siteDir && parseIndex(await readFile(path.join(siteDir, DEPLOY_INDEX), "utf8").catch(() => ""));
  if (!siteDir || !localIndex) throw new ProblemsError(problem("DeploySiteNotBuilt", { file: options.siteDir }, { site: options.siteDir }));
  const local = new Map(
    await Promise.all(localIndex.lists.map(async (name) => [name, parseList(await readFile(path.join(siteDir, listPath(name)), "utf8"))] as const)),
  );
  // A site built with its manifest only holds no other file: what is sent is gathered from the cache into a folder beside it first.
  const sources = await readSources(siteDir);
  const stageDir = sources && `${siteDir}.stage-${process.pid}`;
  const sendDir = stageDir ?? siteDir;

  const transport = transportFor(target, sendDir, options.rsh);
  const scratch = await mkdtemp(path.join(os.tmpdir(), "baoku-deployed-"));
  let unlock: (() => Promise<void>) | undefined;
  try {
    // Nothing is read from the target before the lock is held: a deploy that read it while another wrote would plan from a state that is gone.
    unlock = await lockTarget(transport.lock, shownTarget(target));
    const { names, deployed, unsure, pending } = await readDeployed(transport, scratch, localIndex.lists, shownTarget(target));
    const plan = planDeploy(local, names, deployed, unsure);
    if (sources && stageDir) await stage(siteDir, stageDir, sources, local, plan, options.siteDir);
    const steps = { assets: 0, newPages: 0, changedPages: 0, entryPoints: 0, deletions: 0, manifest: 0 } satisfies Record<DeployStep, number>;
    let bytes = 0;
    const sizeOf = (files: readonly string[]) =>
      files.reduce((sum, file) => sum + (statSync(path.join(sendDir, file), { throwIfNoEntry: false })?.size ?? 0), 0);
    const send = async (step: DeployStep, files: readonly string[]) => {
      if (files.length === 0) return;
      const size = sizeOf(files);
      options.onStep?.(step, files.length, size);
      await transport.send(files);
      steps[step] += files.length;
      bytes += size;
    };
    const indexChanged = names === undefined || !sameNames(names, localIndex.lists) || pending;
    // First the new lists, which no index names yet, and the record of this deploy under way: a deploy stopped from here on is known
    // to the next one, which then takes nothing the two manifests differ in as being on the target.
    if (indexChanged) {
      const lists = plan.lists.map(listPath);
      options.onStep?.("manifest", lists.length + 1, sizeOf([...lists, DEPLOY_INDEX]));
      await transport.send(lists);
      await transport.put(path.join(sendDir, DEPLOY_INDEX), DEPLOY_PENDING);
      steps.manifest += lists.length;
      bytes += sizeOf(lists);
    }
    await send("assets", plan.assets);
    await send("newPages", plan.newPages);
    await send("changedPages", plan.changedPages);
    await send("entryPoints", plan.entryPoints);
    if (plan.deletions.length > 0) {
      options.onStep?.("deletions", plan.deletions.length, 0);
      const held = sources && heldFolders(local);
      await transport.remove(
        plan.deletions,
        emptiedFolders(plan.deletions, (folder) => (held ? held.has(folder) : existsSync(path.join(siteDir, folder)))),
      );
      steps.deletions = plan.deletions.length;
    }
    // The index last, then what only the deploy needed: its record, and the lists no index names.
    if (indexChanged) {
      await transport.send([DEPLOY_INDEX]);
      steps.manifest++;
      bytes += sizeOf([DEPLOY_INDEX]);
      await transport.remove([DEPLOY_PENDING], []);
    }
    const wanted = new Set(localIndex.lists.map((name) => `${name}.sha256`));
    const stale = (await transport.list(DEPLOY_LISTS)).filter((name) => !wanted.has(name)).map((name) => `${DEPLOY_LISTS}/${name}`);
    if (stale.length > 0) await transport.remove(stale, []);
    return {
      target: shownTarget(target),
      firstDeploy: names === undefined,
      sent: Object.values(steps).reduce((sum, count) => sum + count, 0) - steps.deletions,
      bytes,
      steps,
      removed: plan.deletions.length,
      unchanged: plan.unchanged,
      plan,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await unlock?.().catch(() => undefined);
    await transport.close();
    await rm(scratch, { recursive: true, force: true });
    if (stageDir) await rm(stageDir, { recursive: true, force: true });
  }
}

/**
 * Gathers into `stageDir` every file the deploy sends of a site built with its manifest only: the manifest's from the site, the others
 * from the cache entries its sources name, each checked against its hash in the manifest. Hard links where they can be made, copies
 * where not. When any is missing or not as built (a cache kept without pages, a first deploy), nothing is sent and the editor is told
 * to build the whole site.
 */
async function stage(siteDir: string, stageDir: string, sources: DeploySources, local: ManifestLists, plan: DeployPlan, shownSite: string): Promise<void> {
  // What deploys killed midway left, by their process id; this one's own, from nothing.
  const prefix = `${path.basename(siteDir)}.stage-`;
  for (const name of await readdir(path.dirname(siteDir))) {
    if (name.startsWith(prefix) && !isRunning(Number(name.slice(prefix.length))))
      await rm(path.join(path.dirname(siteDir), name), { recursive: true, force: true });
  }
  await rm(stageDir, { recursive: true, force: true });
  const listOf = new Map<string, string>();
  const wanted = new Set([...plan.assets, ...plan.newPages, ...plan.changedPages, ...plan.entryPoints]);
  // Only the lists the target has not can hold a file to send (plan.ts), a handful a day of the hundreds the site has.
  for (const name of plan.lists) for (const file of local.get(name)!.keys()) if (wanted.has(file)) listOf.set(file, name);
  const wrong: string[] = [];
  const place = async (source: string, file: string) => {
    const target = path.join(stageDir, file);
    await mkdir(path.dirname(target), { recursive: true });
    await link(source, target).catch(() => copyFile(source, target));
  };
  for (const file of [...plan.lists.map(listPath), DEPLOY_INDEX]) await place(path.join(siteDir, file), file);
  await eachLimited([...wanted], 8, async (file) => {
    const name = listOf.get(file)!;
    const source = sources.lists[name];
    const from = source && path.join(source.from, source.to ? path.posix.relative(source.to, file) : file);
    if (!from || (await sha256Of(from).catch(() => undefined)) !== local.get(name)!.get(file)) {
      wrong.push(file);
      return;
    }
    await place(from, file);
  });
  if (wrong.length > 0) {
    wrong.sort();
    throw new ProblemsError(problem("DeployFilesNotInCache", { file: shownSite }, { site: shownSite, count: wrong.length, first: wrong[0]! }));
  }
}

/** Every folder that holds a file of the site, at any depth. */
function heldFolders(local: ManifestLists): Set<string> {
  const held = new Set<string>();
  for (const files of local.values()) {
    for (const file of files.keys()) {
      for (let folder = path.posix.dirname(file); folder !== "." && !held.has(folder); folder = path.posix.dirname(folder)) held.add(folder);
    }
  }
  return held;
}

/** What the target holds, as far as its manifest tells (see planDeploy). */
interface Deployed {
  /** The lists whose files the target has as listed; undefined when it has no manifest, or one this code cannot read. */
  names: string[] | undefined;
  /** The lists of the target the site does not have, by name. */
  deployed: ManifestLists;
  /** Lists whose files may be there or not: those the deployed manifest and the one of a deploy stopped midway differ in. */
  unsure: Set<string>;
  /** Whether a deploy stopped midway. */
  pending: boolean;
}

/** Reads the deployed manifest, and the record of a deploy stopped midway. A list named but missing is taken as empty: its files are sent again. */
async function readDeployed(transport: ReturnType<typeof transportFor>, scratch: string, localNames: readonly string[], shown: string): Promise<Deployed> {
  await transport.fetch([DEPLOY_INDEX, DEPLOY_PENDING], scratch);
  const read = async (file: string) => parseIndex(await readBounded(scratch, file, MAX_INDEX_BYTES, shown));
  const [index, pending] = [await read(DEPLOY_INDEX), await read(DEPLOY_PENDING)];
  if (!index && !pending) return { names: undefined, deployed: new Map(), unsure: new Set(), pending: false };
  const before = new Set(index?.lists ?? []);
  const during = pending ? new Set(pending.lists) : before;
  const names = [...before].filter((name) => during.has(name));
  const unsure = new Set([...before, ...during].filter((name) => !(before.has(name) && during.has(name))));
  const have = new Set(localNames);
  const wanted = [...new Set([...before, ...during])].filter((name) => !have.has(name));
  if (wanted.length > 0) await transport.fetch(wanted.map(listPath), scratch);
  const deployed = new Map<string, ReadonlyMap<string, string>>();
  for (const name of wanted) deployed.set(name, parseList(await readBounded(scratch, listPath(name), MAX_LIST_BYTES, shown)));
  return { names, deployed, unsure, pending: pending !== undefined };
}

/** The most bytes of the target's index and of one of its lists that a deploy reads: the largest lists Baoku writes, a part's or a
 * search bundle's, stay under a megabyte at decades of daily issues; a list of millions of lines would take minutes and gigabytes. */
export const MAX_INDEX_BYTES = 1024 * 1024;
export const MAX_LIST_BYTES = 16 * 1024 * 1024;

/**
 * The text of `file` as fetched from the target (`shown`) into `scratch`; "" when the target had none. A folder where the file should be, or a
 * file over `limit` bytes, is refused before anything is sent.
 */
async function readBounded(scratch: string, file: string, limit: number, shown: string): Promise<string> {
  const stats = await lstat(path.join(scratch, file)).catch(() => undefined);
  if (!stats) return "";
  if (stats.isDirectory()) throw new ProblemsError(problem("DeployTargetNotAFile", { file: shown }, { path: file }));
  if (stats.size > limit) throw new ProblemsError(problem("DeployTargetListTooLarge", { file: shown }, { list: file, limitMb: limit / 1024 / 1024 }));
  return readFile(path.join(scratch, file), "utf8").catch(() => "");
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, index) => name === b[index]);
}
