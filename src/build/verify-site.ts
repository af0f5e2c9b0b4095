// The check of a site a build would leave as it is ("nothing changed"), made in a time that does not grow with the archive: the output
// folder is the copy the last build finished (a build killed half way leaves its copy marked unfinished, publish.ts), and the few files of
// the site that are no entry's (the deploy manifest) are still in it. The content, the configuration, the code and the history are the
// fingerprint's (build-fingerprint.ts), and the output folder's replacement is the build record's.
//
// What it does not look at is every file of the served copy, about 760,000 at 11,000 issues and most of the 16 s such a rebuild took: a
// page edited or removed by hand inside _site or .cache is found by a build that links its entry anew (each entry a build links is
// checked by its files' sizes and times, cache-entries.ts) and by `npm run build -- --verify`, which hashes every file and makes the copy
// anew.
import path from "node:path";
import { stat } from "node:fs/promises";
import { isPlaced, servedState } from "./publish.ts";

export async function servedSiteIsWhole(outputDir: string, cacheDir: string): Promise<boolean> {
  const served = await servedState(outputDir, cacheDir);
  if (!served || !(await stat(served.copyDir).catch(() => undefined))?.isDirectory()) return false;
  const linked = served.state.linked ?? true;
  return (served.state.extras ?? []).every((extra) => isPlaced(extra.source, path.join(served.copyDir, extra.target), linked));
}
