// What a deploy sends, and in what order, from the site's manifest and the one deployed on the target (build/deploy-manifest.ts): only
// the files whose hash differs, in steps that never let a reader reach a page before what it loads, nor a page before the pages it is
// reached from stop linking it. Pure: no files, no network.
import path from "node:path";

/** A manifest as a deploy reads it: its lists by name, each the files it holds by path with their SHA-256. */
export type ManifestLists = ReadonlyMap<string, ReadonlyMap<string, string>>;

/** The steps of a deploy, each a list of the site's paths, sent in this order. */
export interface DeployPlan {
  /** Styles, scripts, images, PDFs, citation files and every search bundle's files but its entry: what pages load. */
  assets: string[];
  /** Pages the target does not have yet: only the changed pages and entry points, sent after them, link them. */
  newPages: string[];
  /** Pages the target has in another version. */
  changedPages: string[];
  /** What readers start from: the home page and the site's other top-level files (404, feeds, sitemaps), the search page and each bundle's pagefind-entry.json. */
  entryPoints: string[];
  /** Files the target has that the site no longer does; removed once nothing sent links them. */
  deletions: string[];
  /** The manifest's lists the target does not have; sent first (no index names them yet), with the record of the deploy under way. */
  lists: string[];
  /** Files left alone because the target has them as they are. */
  unchanged: number;
}

/**
 * Plans the deploy of the site whose manifest is `local` to a target whose deployed manifest had the lists `deployedNames`, of which
 * `deployed` holds those the site does not have (the only ones that can hold changed or removed files); `deployedNames` is undefined for
 * a target never deployed to, which is sent everything. `unsure` names lists of `deployed` whose files may or may not be on the target
 * (a deploy stopped midway was sending or removing them): they are removed where the site has them not, and never taken as there.
 */
export function planDeploy(
  local: ManifestLists,
  deployedNames: readonly string[] | undefined,
  deployed: ManifestLists,
  unsure: ReadonlySet<string> = new Set(),
): DeployPlan {
  const had = new Set(deployedNames ?? []);
  const before = new Map<string, string>();
  const maybe = new Set<string>();
  for (const [name, files] of deployed) {
    for (const [file, hash] of files) {
      if (unsure.has(name)) maybe.add(file);
      else before.set(file, hash);
    }
  }
  const plan: DeployPlan = { assets: [], newPages: [], changedPages: [], entryPoints: [], deletions: [], lists: [], unchanged: 0 };
  const now = new Set<string>();
  for (const [name, files] of local) {
    if (had.has(name)) {
      plan.unchanged += files.size;
      continue;
    }
    plan.lists.push(name);
    for (const [file, hash] of files) {
      now.add(file);
      const previous = before.get(file);
      if (previous === hash) {
        plan.unchanged++;
        continue;
      }
      const step = stepOf(file);
      if (step === "page") (previous === undefined ? plan.newPages : plan.changedPages).push(file);
      else if (step === "entry") plan.entryPoints.push(file);
      else plan.assets.push(file);
    }
  }
  // A file of a list the target had and the site has not is gone only when no list of the site has it now (it may have moved to a new list).
  for (const file of new Set([...before.keys(), ...maybe])) if (!now.has(file)) plan.deletions.push(file);
  for (const step of [plan.assets, plan.newPages, plan.changedPages, plan.entryPoints, plan.deletions, plan.lists]) step.sort();
  return plan;
}

/** Folders whose files are entry points, besides every file at the root (home, 404, robots.txt, sitemap.xml). */
const ENTRY_FOLDERS = /^(search|feeds?)\//;
/** Entry points anywhere: feeds and sitemaps, each search bundle's entry, and the open data's indexes (the API's and the IIIF collection). */
const ENTRY_NAME = /(^|[/.-])(feed|atom|rss|sitemap)[^/]*$|\/pagefind-entry\.json$|^api\/v\d+\/index\.json$|^iiif\/collection\.json$/;
/** The open data's documents, which link one another as pages do (a year's issues, an issue's manifest): new ones before changed ones. */
const DATA_FOLDERS = /^(api|iiif)\/.*\.(json|jsonl)$/;

/** Which step a file of the site is sent in. */
export function stepOf(file: string): "asset" | "page" | "entry" {
  if (!file.includes("/") || ENTRY_FOLDERS.test(file) || ENTRY_NAME.test(file)) return "entry";
  return path.posix.extname(file) === ".html" || DATA_FOLDERS.test(file) ? "page" : "asset";
}

/** The folders that held a deleted file and hold nothing now, outermost only (removing one removes what is below it). */
export function emptiedFolders(deletions: readonly string[], stillThere: (folder: string) => boolean): string[] {
  const emptied = new Set<string>();
  for (const file of deletions) {
    let outermost: string | undefined;
    for (let folder = path.posix.dirname(file); folder !== "."; folder = path.posix.dirname(folder)) {
      if (stillThere(folder)) break;
      outermost = folder;
    }
    if (outermost) emptied.add(outermost);
  }
  return [...emptied].sort();
}
