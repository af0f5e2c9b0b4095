// Makes a month part's cache entry: reads the month's issues whole (the only step of the build that does, a few months at a time, so
// memory does not grow with the archive), encodes their images, renders their issue, 版, article and /no/ pages, and writes beside them
// their open data, the scans' IIIF image services and what the month leaves for its year part.
import { copyFile, link, mkdir, readdir } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { imageOrigins, unreadableImageProblem } from "../content/image-files.ts";
import type { Issue } from "../model.ts";
import type { Problem } from "../problems.ts";
import { issueRecords } from "../site/issue-records.ts";
import { monthOpenData } from "../site/open-data.ts";
import { publishedFiles } from "../site/published-files.ts";
import { readManifest, type EntryFile } from "./cache-entries.ts";
import { cacheFolder, monthFragments, PART_SEARCH_INPUT, PART_SITE, partEntry, type PartEntry } from "./cache-layout.ts";
import encodeImages, { copyDerivatives, type EncodeImagesResult, type PublishedDerivative } from "./encode-images.ts";
import { writeNamed } from "./failure.ts";
import { renderInto, writeOpenData, type PartContext, type PartMaker, type PartManifest, type PartWork } from "./part-entries.ts";
import { counted, secondsSince, sumCounts } from "./render-counts.ts";
import { NO_RECORDS, type MonthPlan } from "./site-parts.ts";

/** The month part of `month`; `searchInputNeeded` false when its search bundle is made already, building the manifest only. */
export function monthPart(month: MonthPlan, searchInputNeeded = true): PartMaker {
  return {
    key: month.key,
    hash: month.hash,
    ...(!searchInputNeeded && { notNeeded: [PART_SITE, PART_SEARCH_INPUT] }),
    make: (entry, context) => makeMonth(month, entry, context),
  };
}

/** Reads the month's issues whole, encodes their images and renders their pages into `entry`; nothing made when an image cannot be read. */
async function makeMonth(month: MonthPlan, entry: PartEntry, context: PartContext): Promise<PartWork> {
  const issues = await Promise.all(month.issues.map((issue) => issue.load()));
  const files = publishedFiles(issues);
  const encodeStarted = performance.now();
  const encoded = await encodeImages(files.derivatives, {
    contentRoot: context.contentRoot,
    cacheDir: cacheFolder(context.cacheDir, "images"),
    verification: context.verification,
    ...(context.imageConcurrency && { concurrency: context.imageConcurrency }),
    ...(context.manifestOnly && files.derivatives.length > 0 && { published: await publishedDerivatives(path.join(context.partsDir, month.key)) }),
  });
  const imageCounts = counted({ encoded: encoded.encoded, reused: encoded.reused, imageSeconds: secondsSince(encodeStarted) });
  if (encoded.failures.length > 0) return { problems: encodingProblems(issues, encoded), counts: imageCounts };
  const records = issueRecords(context.config, issues, month.context, month.before, month.after);
  const rendered = await renderInto(context, { key: month.key, data: { ...context.shared, ...NO_RECORDS, ...records }, templates: "month" }, entry);
  await copyDerivatives(encoded.files, entry.site);
  const absentFiles = [...encoded.done].map(([address, { size, sha256 }]) => ({ path: sitePath(address), size, mtime: 0, sha256 }));
  const derivatives = Object.fromEntries([
    ...[...encoded.files].map(([address, file]) => [sitePath(address), path.basename(file)] as const),
    ...[...encoded.done].map(([address, { name }]) => [sitePath(address), name] as const),
  ]);
  const openData = monthOpenData(context.config, issues, records, month.context, month.before, month.after);
  await writeOpenData(entry.site, openData.files);
  absentFiles.push(...(await linkImageServices(entry, openData.imageFiles, encoded)));
  const fragments = monthFragments(entry);
  await mkdir(path.dirname(fragments.bulk), { recursive: true });
  // The fastest level: a synthetic month's 3 MB of lines took about 50 ms, and 6 ms to read back; the bundled issue's compress four
  // times (39.7 KB to 10.1 KB).
  await writeNamed(fragments.bulk, gzipSync(openData.bulk, { level: 1 }));
  await writeNamed(fragments.sitemap, JSON.stringify(openData.sitemap));
  for (const copy of files.copies) {
    const target = path.join(entry.site, copy.target);
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(path.join(context.contentRoot, copy.source), target);
  }
  return {
    made: { pages: rendered.written, images: files.derivatives.length, search: rendered.search, derivatives, absentFiles },
    counts: sumCounts([imageCounts, counted({ renderSeconds: rendered.seconds })]),
  };
}

/** A path in the site (URL-encoded, from its root) as the path in a part's entry of the file published there. */
function sitePath(address: string): string {
  return path.posix.join(PART_SITE, decodeURIComponent(address));
}

/**
 * Gives the scans' image services the derivatives already published, under the names IIIF viewers ask for: hard links, not copies; for
 * a derivative taken as published, a record of the same bytes, which it returns.
 */
async function linkImageServices(
  entry: PartEntry,
  imageFiles: readonly { path: string; derivative: string }[],
  encoded: EncodeImagesResult,
): Promise<EntryFile[]> {
  const absent: EntryFile[] = [];
  for (const file of imageFiles) {
    const done = encoded.done.get(file.derivative);
    if (done) {
      absent.push({ path: `${PART_SITE}/${file.path.slice(1)}`, size: done.size, mtime: 0, sha256: done.sha256 });
      continue;
    }
    const target = path.join(entry.site, file.path.slice(1));
    await mkdir(path.dirname(target), { recursive: true });
    await link(path.join(entry.site, decodeURIComponent(file.derivative)), target);
  }
  return absent;
}

/**
 * What the month's entries in the cache (`partsDir/<month>/<hash>/`) published of their image derivatives: each one's size and SHA-256,
 * by the name of its file in the image cache. A month made again (its new issue, a correction) takes from here those the image cache
 * no longer holds.
 */
async function publishedDerivatives(monthDir: string): Promise<Map<string, PublishedDerivative>> {
  const published = new Map<string, PublishedDerivative>();
  for (const hash of await readdir(monthDir).catch(() => [] as string[])) {
    const manifest = await readManifest<PartManifest>(partEntry(path.join(monthDir, hash)).manifest);
    if (!manifest?.derivatives) continue;
    const recorded = new Map(manifest.files.map((file) => [file.path, file]));
    for (const [file, name] of Object.entries(manifest.derivatives)) {
      const entry = recorded.get(file);
      if (entry) published.set(name, { size: entry.size, sha256: entry.sha256 });
    }
  }
  return published;
}

/** The images sharp could not decode while encoding, as problems at the line that names each. */
function encodingProblems(issues: readonly Issue[], encoded: EncodeImagesResult): Problem[] {
  const origins = imageOrigins(issues);
  return encoded.failures.map(({ source, reason }) => {
    const { src, ...where } = origins.get(source) ?? { file: source, field: "image", src: source };
    return unreadableImageProblem(where, src, reason);
  });
}
