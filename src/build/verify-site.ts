// The cheap check of a site a build would leave as it is ("nothing changed"): every file the served copy is made of is still the file
// its cache entry recorded (size and time), and the copy's file is still that file. A build that finds otherwise does not stop early:
// it goes on, and makes again what is damaged (render-site.ts) and puts it back in the copy (publish.ts).
import path from "node:path";
import { checkFiles, readManifest, type EntryFile } from "./cache-entries.ts";
import { isPlaced, servedState } from "./publish.ts";
import { entryOfPublished } from "./cache-layout.ts";

/** Files whose copy is checked between yields to the event loop. */
const AT_ONCE = 2000;

export async function servedSiteIsSound(outputDir: string, cacheDir: string): Promise<boolean> {
  const served = await servedState(outputDir, cacheDir);
  if (!served) return false;
  const linked = served.state.linked ?? true;
  for (const extra of served.state.extras ?? []) if (!isPlaced(extra.source, path.join(served.copyDir, extra.target), linked)) return false;
  for (const entry of served.state.entries) {
    const { dir, manifest, below } = entryOfPublished(entry.from);
    const recorded = await readManifest<{ files: EntryFile[] }>(manifest);
    if (!recorded || !(await checkFiles(dir, recorded.files, "cheap"))) return false;
    const files = recorded.files.filter((file) => file.path.startsWith(below));
    for (let start = 0; start < files.length; start += AT_ONCE) {
      for (const file of files.slice(start, start + AT_ONCE)) {
        const relative = file.path.slice(below.length);
        if (!isPlaced(path.join(entry.from, relative), path.join(served.copyDir, entry.to, relative), linked)) return false;
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return true;
}
