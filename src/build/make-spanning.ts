// Makes the cache entry of a part that spans the archive (the people pages, the day pages) page by page: it renders again only the
// pages whose records changed since its newest earlier entry, and takes the others' files from that entry, so a day's issue costs the
// same at 11,000 issues as at one.
import { link, mkdir, readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { peopleOpenData } from "../site/open-data.ts";
import { checkFiles, readManifest, type EntryFile } from "./cache-entries.ts";
import { isFinishedEntry, PART_SITE, partEntry, type PartEntry } from "./cache-layout.ts";
import { NO_SEARCH, renderInto, writeOpenData, type PartContext, type PartMaker, type PartManifest, type PartWork } from "./part-entries.ts";
import { counted } from "./render-counts.ts";
import { PEOPLE_PART, type SpanningPart } from "./site-parts.ts";

/** The part `part` (site-parts.ts: spanningParts), made page by page. */
export function spanningPart(part: SpanningPart): PartMaker {
  return { key: part.key, hash: part.hash, make: (entry, context) => makeSpanning(part, entry, context) };
}

/**
 * Renders the spanning part's pages whose records changed since its newest earlier entry, and takes the others' files from that
 * entry: hard links to files still as recorded there, or, building the manifest only, the record of files the cache no longer holds.
 */
async function makeSpanning(part: SpanningPart, entry: PartEntry, context: PartContext): Promise<PartWork> {
  const earlier = await newestEntry(path.join(context.partsDir, part.key), part.hash);
  const { keptFiles, absentFiles, redo } = await takeUnchanged(part, earlier, entry, context);
  let written = 0;
  let renderSeconds = 0;
  if (redo.size > 0) {
    const redone = part.only(redo);
    const rendered = await renderInto(context, redone, entry);
    written = rendered.written;
    renderSeconds = rendered.seconds;
    if (part.key === PEOPLE_PART) await writeOpenData(entry.site, peopleOpenData(context.config, redone.data.people));
  }
  // Its pages are not searched: the bundles are indexed from the months' search input.
  const made = { pages: written + part.records.length - redo.size, images: 0, search: NO_SEARCH, records: recordsOf(part), keptFiles, absentFiles };
  return { made, counts: counted({ renderSeconds }) };
}

/**
 * Links into `entry` the files of each page whose record is as it was in the `earlier` entry and whose files are still as recorded
 * there; building the manifest only, records those the cache no longer holds. Returns them, and the pages to render again.
 */
async function takeUnchanged(
  part: SpanningPart,
  earlier: EarlierEntry | undefined,
  entry: PartEntry,
  context: PartContext,
): Promise<{ keptFiles: EntryFile[]; absentFiles: EntryFile[]; redo: Set<string> }> {
  const recorded = new Map(earlier?.manifest.files.map((file) => [file.path, file]));
  const keptFiles: EntryFile[] = [];
  const absentFiles: EntryFile[] = [];
  const redo = new Set<string>();
  for (const record of part.records) {
    const files = earlier?.manifest.records?.[record.path] === record.hash ? record.files.map((file) => recorded.get(`${PART_SITE}/${file}`)) : [];
    if (files.length === 0 || !files.every((file): file is EntryFile => file !== undefined)) {
      redo.add(record.path);
      continue;
    }
    // Checked as an entry taken from the cache is: its sizes and times, or its bytes too.
    const checked = await checkFiles(earlier!.dir, files, context.verification);
    if (checked && (await linkAll(earlier!.dir, entry.dir, checked.files))) keptFiles.push(...checked.files);
    else if (context.manifestOnly) absentFiles.push(...files.map((file) => ({ ...file, mtime: 0 })));
    else redo.add(record.path);
  }
  return { keptFiles, absentFiles, redo };
}

/** A spanning part's records, as its manifest keeps them. */
function recordsOf(part: SpanningPart): Record<string, string> {
  return Object.fromEntries(part.records.map((record) => [record.path, record.hash]));
}

interface EarlierEntry {
  dir: string;
  manifest: PartManifest;
}

/**
 * The newest finished entry of a part's folder (`partsDir/<key>`) but `except`, by the time a build last used it, with its manifest;
 * undefined when there is none.
 */
async function newestEntry(keyDir: string, except: string): Promise<EarlierEntry | undefined> {
  const names = (await readdir(keyDir).catch(() => [] as string[])).filter((name) => name !== except && isFinishedEntry(name));
  const dated = await Promise.all(names.map(async (name) => ({ name, mtime: (await stat(path.join(keyDir, name)).catch(() => undefined))?.mtimeMs ?? -1 })));
  for (const { name } of dated.filter((entry) => entry.mtime >= 0).sort((a, b) => b.mtime - a.mtime)) {
    const dir = path.join(keyDir, name);
    const manifest = await readManifest<PartManifest>(partEntry(dir).manifest);
    if (manifest) return { dir, manifest };
  }
  return undefined;
}

/**
 * Hard-links the files from one entry's folder into another's; false, with none of them left linked, when one could not be (an entry
 * removed meanwhile by a build sharing the cache).
 */
async function linkAll(fromDir: string, toDir: string, files: readonly EntryFile[]): Promise<boolean> {
  const linked: string[] = [];
  try {
    for (const file of files) {
      const target = path.join(toDir, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await link(path.join(fromDir, file.path), target);
      linked.push(target);
    }
    return true;
  } catch {
    await Promise.all(linked.map((target) => rm(target, { force: true })));
    return false;
  }
}
