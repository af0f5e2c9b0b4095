// `npm run check`: every issue checked as a build checks it, through the build's cache read and never written. The issues a build has
// parsed are taken from its parse cache, and the files whose stamps hold are not read (content-stamps.ts): checking the day's issue in
// an archive of 11,000 parses that issue only. A check leaves nothing behind; without a cache, it parses every issue in memory.
import path from "node:path";
import { scanArchive, type ScannedArchive } from "../content/archive.ts";
import { readContentFiles } from "../content/content-files.ts";
import { ParseCache } from "../content/parse-cache.ts";
import { projectRoot } from "../project.ts";
import { codeFingerprint } from "./build-fingerprint.ts";
import { cacheFolder } from "./cache-layout.ts";
import { readStamps } from "./content-stamps.ts";

export interface CheckOptions {
  /** The build cache to read; default: `.cache` in the project root. */
  cacheDir?: string;
  allowEmpty?: boolean;
}

export async function checkArchive(contentRoot: string, options: CheckOptions = {}): Promise<ScannedArchive> {
  const cacheDir = path.resolve(options.cacheDir ?? path.join(projectRoot, ".cache"));
  const [known, codeHash] = await Promise.all([readStamps(cacheDir, contentRoot), codeFingerprint(projectRoot)]);
  return scanArchive(contentRoot, {
    content: await readContentFiles(contentRoot, known),
    allowEmpty: options.allowEmpty ?? false,
    openCache: (config) => ParseCache.openToRead(cacheFolder(cacheDir, "parsed"), codeHash, config),
  });
}
