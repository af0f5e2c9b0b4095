// What a build's output depends on, as one hash: the code that builds it (src, templates, public, the Eleventy config
// and the locked dependency versions), the content (baoku.config.json and every file under issues/) and the commit its history is read at. Builds are reproducible, so two
// builds with the same fingerprint write the same site, and a rebuild with nothing changed can stop before doing anything.
import { createHash } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { readContentFiles, type ContentFiles } from "../content/content-files.ts";
import { peekConfig } from "../content/config-peek.ts";
import { historyVersion } from "../content/history.ts";
import { writeAtomically } from "../util/cache-files.ts";
import { filesHash } from "../util/files-hash.mjs";
import { buildRecordFile } from "./cache-layout.ts";

/** Everything in the project that decides how a site is built, relative to the project root. */
export const BUILD_CODE = ["src", "templates", "public", ".eleventy.js", "package-lock.json"];

/**
 * The fingerprint of a build of `contentRoot` by the code in `projectRoot`. Issue files and the configuration count by their bytes;
 * images, which can be large, by their size and modification time.
 */
export async function buildFingerprint(projectRoot: string, contentRoot: string, code: readonly string[] = BUILD_CODE): Promise<string> {
  const config = peekConfig(contentRoot).bytes;
  return contentFingerprint(await codeFingerprint(projectRoot, code), config, await readContentFiles(contentRoot), await historyVersion(contentRoot));
}

/**
 * The fingerprint of a build of `content` with the configuration file's bytes `config`, already read, by the code whose fingerprint is
 * `codeHash`, with the archive's history at `history` (content/history.ts: historyVersion), since 更正于 comes from the commits as well
 * as the files.
 */
export function contentFingerprint(codeHash: string, config: Uint8Array | undefined, content: ContentFiles, history: string): string {
  const hash = createHash("sha256").update(codeHash).update(`history ${history}\0`);
  if (config) hash.update("config\0").update(config).update("\0");
  for (const { file, hash: bytesHash } of content.markdown) hash.update(`content ${file} ${bytesHash}\0`);
  for (const { file, size, hash: bytesHash } of content.others) hash.update(`file ${file} ${size} ${bytesHash}\0`);
  hash.update(`issues ${content.issuesFolder}\0`);
  for (const { file, reason, size } of content.setAside) hash.update(`aside ${file} ${reason} ${size ?? ""}\0`);
  return hash.digest("hex");
}

/** The hash of the code in `projectRoot` that decides how a site is built; parts of a site built by the same code from the same data are the same. */
export async function codeFingerprint(projectRoot: string, code: readonly string[] = BUILD_CODE): Promise<string> {
  return filesHash(projectRoot, code);
}

interface BuildRecord {
  fingerprint: string;
  /**
   * The output folder's inode and modification time: every build renames a new folder into place, so a folder replaced since, or with
   * files added or removed at its top, looks different (a new folder may get a freed inode number, but not the same time as well).
   */
  output: { inode: number; modifiedMs: number };
}

async function outputIdentity(outputDir: string): Promise<BuildRecord["output"] | undefined> {
  const info = await stat(outputDir).catch(() => undefined);
  return info && { inode: info.ino, modifiedMs: info.mtimeMs };
}

/** Whether `outputDir` still holds the site the last build wrote with this fingerprint. */
export async function isUpToDate(cacheDir: string, outputDir: string, fingerprint: string): Promise<boolean> {
  const record = JSON.parse(await readFile(buildRecordFile(cacheDir, outputDir), "utf8").catch(() => "null")) as BuildRecord | null;
  const output = await outputIdentity(outputDir);
  return record?.fingerprint === fingerprint && output !== undefined && JSON.stringify(record.output) === JSON.stringify(output);
}

/** Remembers that `outputDir` now holds the site built with this fingerprint. */
export async function recordBuild(cacheDir: string, outputDir: string, fingerprint: string): Promise<void> {
  const file = buildRecordFile(cacheDir, outputDir);
  const output = await outputIdentity(outputDir);
  if (!output) return;
  const record: BuildRecord = { fingerprint, output };
  await writeAtomically(file, JSON.stringify(record));
}
