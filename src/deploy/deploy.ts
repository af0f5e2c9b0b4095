// A deploy: compares the site's manifest with the one deployed on the target and sends what differs, in the order of plan.ts, the
// manifest last of all, so the target's manifest always describes files the target has. Stopped at any point and run again, it plans
// the same steps from the same deployed manifest and ends with the target equal to the site.
import { existsSync, statSync } from "node:fs";
import { mkdtemp, readFile, realpath, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { problem } from "../problems.ts";
import { DEPLOY_INDEX, DEPLOY_LISTS, listPath, parseIndex, parseList } from "../build/deploy-manifest.ts";
import { emptiedFolders, planDeploy, type DeployPlan, type ManifestLists } from "./plan.ts";
import { parseTarget, shownTarget } from "./target.ts";
import { DeployFailure, transportFor } from "./transport.ts";

/** The steps of a deploy as they are reported, in the order they are taken. */
export const DEPLOY_STEPS = ["assets", "newPages", "changedPages", "entryPoints", "deletions", "manifest"] as const;
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

/** Deploys the site; a failure the editor can act on is thrown as a DeployFailure carrying its problem. */
export async function deploySite(options: DeployOptions): Promise<DeployResult> {
  const started = performance.now();
  const target = parseTarget(options.target);
  if (!target) throw new DeployFailure(problem("DeployTargetInvalid", { file: options.target }, { target: options.target }));
  // The copy the link points at now: a build running meanwhile changes the other copy, never this one.
  const siteDir = await realpath(options.siteDir).catch(() => undefined);
  const localIndex = siteDir && parseIndex(await readFile(path.join(siteDir, DEPLOY_INDEX), "utf8").catch(() => ""));
  if (!siteDir || !localIndex) throw new DeployFailure(problem("DeploySiteNotBuilt", { file: options.siteDir }, { site: options.siteDir }));
  const local = new Map(await Promise.all(localIndex.lists.map(async (name) => [name, parseList(await readFile(path.join(siteDir, listPath(name)), "utf8"))] as const)));

  const transport = transportFor(target, siteDir, options.rsh);
  const scratch = await mkdtemp(path.join(os.tmpdir(), "baoku-deployed-"));
  try {
    const { names, deployed } = await readDeployed(transport, scratch, localIndex.lists);
    const plan = planDeploy(local, names, deployed);
    const steps = { assets: 0, newPages: 0, changedPages: 0, entryPoints: 0, deletions: 0, manifest: 0 } satisfies Record<DeployStep, number>;
    let bytes = 0;
    /** Sends the files of a step, in the groups given, each group after the one before. */
    const send = async (step: DeployStep, ...groups: (readonly string[])[]) => {
      const files = groups.flat();
      if (files.length === 0) return;
      const size = files.reduce((sum, file) => sum + (statSync(path.join(siteDir, file), { throwIfNoEntry: false })?.size ?? 0), 0);
      options.onStep?.(step, files.length, size);
      for (const group of groups) await transport.send(group);
      steps[step] += files.length;
      bytes += size;
    };
    await send("assets", plan.assets);
    await send("newPages", plan.newPages);
    await send("changedPages", plan.changedPages);
    await send("entryPoints", plan.entryPoints);
    if (plan.deletions.length > 0) {
      options.onStep?.("deletions", plan.deletions.length, 0);
      await transport.remove(plan.deletions, emptiedFolders(plan.deletions, (folder) => existsSync(path.join(siteDir, folder))));
      steps.deletions = plan.deletions.length;
    }
    // The lists first, the index that names them last; then the lists no index names, left by this deploy or one stopped after its index.
    const indexChanged = names === undefined || !sameNames(names, localIndex.lists);
    await send("manifest", plan.lists.map(listPath), indexChanged ? [DEPLOY_INDEX] : []);
    const wanted = new Set(localIndex.lists.map((name) => `${name}.sha256`));
    const stale = (await transport.list(DEPLOY_LISTS)).filter((name) => !wanted.has(name)).map((name) => `${DEPLOY_LISTS}/${name}`);
    if (stale.length > 0) await transport.remove(stale, []);
    return {
      target: shownTarget(target), firstDeploy: names === undefined, sent: Object.values(steps).reduce((sum, count) => sum + count, 0) - steps.deletions,
      bytes, steps, removed: plan.deletions.length, unchanged: plan.unchanged, plan, seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await transport.close();
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * The deployed manifest: the names of its lists (undefined when the target has none, or one this code cannot read), and those of its
 * lists the site does not have. A list named but missing is taken as empty: its files are sent again if the site has them.
 */
async function readDeployed(transport: ReturnType<typeof transportFor>, scratch: string, localNames: readonly string[]): Promise<{ names: string[] | undefined; deployed: ManifestLists }> {
  await transport.fetch([DEPLOY_INDEX], scratch);
  const index = parseIndex(await readFile(path.join(scratch, DEPLOY_INDEX), "utf8").catch(() => ""));
  if (!index) return { names: undefined, deployed: new Map() };
  const have = new Set(localNames);
  const wanted = index.lists.filter((name) => !have.has(name));
  if (wanted.length > 0) await transport.fetch(wanted.map(listPath), scratch);
  const deployed = new Map(await Promise.all(wanted.map(async (name) => [name, parseList(await readFile(path.join(scratch, listPath(name)), "utf8").catch(() => ""))] as const)));
  return { names: index.lists, deployed };
}

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((name, index) => name === b[index]);
}
