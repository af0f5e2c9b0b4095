// The image files beside an issue: each photo it shows and each 版's scan (page-<N>.jpg, page-<N>.pdf), checked and measured, with the hash of its bytes.
import { createHash } from "node:crypto";
import { open, readdir, readFile, realpath } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import type { ImageFile, Issue, PageScan } from "./model.ts";
import type { Problem } from "./problems.ts";

/** The longest side, in pixels, an image may have: larger files are mistakes (a scan at the wrong resolution) and would take minutes and gigabytes to encode. */
export const MAX_IMAGE_SIDE = 20_000;

/** What sharp reports for the formats cameras and layout software export; AVIF is read as HEIF with AV1 compression. */
const SUPPORTED_FORMATS = new Set(["jpeg", "png", "webp", "tiff", "heif"]);

/** A scan's file name: page-<N> with an image extension, or .pdf for the printed page as a PDF. */
const SCAN_NAME = /^page-(\d+)\.(jpe?g|png|webp|pdf)$/i;

/** Where a problem with an image is reported: the issue file and the line that names the image (or the 版 heading, for a scan). */
export interface Where {
  file: string;
  line?: number;
  field: string;
}

/**
 * Checks every image an issue shows and records what the build needs of it: each photo's size and hash, and each 版's scan and PDF.
 * Fills in `issue` (photos' width, height and contentHash; pages' scan) and returns the problems found.
 */
export default async function inspectIssueImages(issue: Issue, contentRoot: string): Promise<Problem[]> {
  const folder = issue.file.replace(/\.md$/, "");
  const folderPath = path.join(contentRoot, folder);
  const problems: Problem[] = [];
  const photos = issue.pages.flatMap((page) => page.articles.flatMap((article) => article.photos));
  const reads = await Promise.all(photos.map((photo) =>
    photo.src === undefined ? undefined : readImageFile(folderPath, folder, photo.src, { file: issue.file, line: photo.line, field: "image" })));
  reads.forEach((read, index) => {
    if (!read) return;
    if ("problem" in read) problems.push(read.problem);
    else Object.assign(photos[index]!, { width: read.image.width, height: read.image.height, contentHash: read.image.contentHash });
  });
  problems.push(...(await findScans(issue, folderPath, folder)));
  return problems;
}

/** Finds page-<N>.jpg (and page-<N>.pdf) in the issue's folder and attaches each to its 版. */
async function findScans(issue: Issue, folderPath: string, folder: string): Promise<Problem[]> {
  const names = (await readdir(folderPath).catch(() => [] as string[])).filter((name) => SCAN_NAME.test(name)).sort();
  const problems: Problem[] = [];
  const byPage = new Map<number, { image?: string; pdf?: string }>();
  for (const name of names) {
    const [, number, extension] = SCAN_NAME.exec(name)!;
    const files = byPage.get(Number(number)) ?? {};
    if (extension!.toLowerCase() === "pdf") files.pdf = name;
    else files.image ??= name;
    byPage.set(Number(number), files);
  }
  for (const [number, files] of [...byPage].sort(([a], [b]) => a - b)) {
    const page = issue.pages.find((candidate) => candidate.number === number);
    const shown = files.image ?? files.pdf!;
    if (!page || !files.image) {
      problems.push({
        kind: "ScanWithoutPage", severity: "warning", file: issue.file, field: "scan",
        message: page ? `${folder}/${files.pdf} is not linked: 第${number}版 has no scan image (page-${number}.jpg) to go with it.` : `${folder}/${shown} is not shown: the issue file has no 第${number}版.`,
        fix: page ? `Add page-${number}.jpg beside the PDF.` : `Add the 版 (# 第${number}版) with its articles, or remove the scan.`,
      });
      continue;
    }
    const where = { file: issue.file, line: page.line, field: "scan" };
    const read = await readImageFile(folderPath, folder, files.image, where);
    if ("problem" in read) {
      problems.push(read.problem);
      continue;
    }
    const pdfProblem = files.pdf ? await checkPdf(folderPath, folder, files.pdf, where) : undefined;
    if (pdfProblem) problems.push(pdfProblem);
    const scan: PageScan = { ...read.image, ...(files.pdf && !pdfProblem && { pdf: files.pdf }) };
    page.scan = scan;
  }
  for (const page of issue.pages) {
    for (const article of page.articles) {
      if (!article.area || page.scan) continue;
      problems.push({
        kind: "AreaWithoutScan", severity: "warning", file: issue.file, line: article.line, field: "area",
        message: `The article “${article.title || "图片新闻"}” gives its area on 第${page.number}版, but ${folder}/ has no scan of that 版, so the area is not shown.`,
        fix: `Add the scan as ${folder}/page-${page.number}.jpg, or remove the 区域 label.`,
      });
    }
  }
  return problems;
}

/** Reads one image of the issue's folder: its size (upright) and the hash of its bytes, or the problem that stops it being shown. */
async function readImageFile(folderPath: string, folder: string, src: string, where: Where): Promise<{ image: ImageFile } | { problem: Problem }> {
  const error = (kind: Problem["kind"], message: string, fix: string) => ({ problem: { ...where, kind, severity: "error" as const, message, fix } });
  const file = path.join(folderPath, src);
  const real = await realpath(file).catch(() => undefined);
  if (!real) return error("MissingImage", `The image ${src} is not in ${folder}/.`, `Copy the image into ${folder}/ or correct its name.`);
  // A symbolic link inside the folder may point anywhere on the machine that builds the site.
  const realFolder = await realpath(folderPath);
  if (!real.startsWith(realFolder + path.sep)) {
    return error("ImagePathOutsideIssue", `The image ${src} is a link to a file outside the issue's folder.`, `Copy the image itself into ${folder}/.`);
  }
  const bytes = await readFile(real).catch(() => undefined);
  if (!bytes) return error("MissingImage", `The image ${src} is not a file in ${folder}/.`, `Copy the image into ${folder}/ or correct its name.`);
  const metadata = await sharp(bytes).metadata().catch((failure: Error) => failure);
  if (metadata instanceof Error) return { problem: unreadableImageProblem(where, src, metadata.message) };
  const format = metadata.format === "heif" && metadata.compression !== "av1" ? "heic" : metadata.format;
  if (!SUPPORTED_FORMATS.has(format)) {
    return error("UnsupportedImage", `The image ${src} is ${format.toUpperCase()}, which the site does not publish.`, "Export it as JPEG, PNG or WebP.");
  }
  const { width, height } = metadata.autoOrient;
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) {
    return error("ImageTooLarge", `The image ${src} is ${width}×${height} pixels, more than ${MAX_IMAGE_SIDE} on a side.`, `Export it smaller; ${MAX_IMAGE_SIDE} pixels a side is the limit, and 3000 is plenty for a page scan.`);
  }
  return { image: { src, width, height, contentHash: createHash("sha256").update(bytes).digest("hex") } };
}

/** The problem of an image whose bytes sharp cannot decode, found here from its header or later by the build from its pixels. */
export function unreadableImageProblem(where: Where, src: string, reason: string): Problem {
  return { ...where, kind: "UnreadableImage", severity: "error", message: `The image ${src} cannot be read as an image (${reason}).`, fix: "Export it again as JPEG, PNG or WebP." };
}

/** Where each image the issues show is named, by its path relative to the content root: the photo's line, or the 版 heading's for a scan. */
export function imageOrigins(issues: readonly Issue[]): Map<string, Where & { src: string }> {
  const origins = new Map<string, Where & { src: string }>();
  for (const issue of issues) {
    const folder = issue.file.replace(/\.md$/, "");
    for (const page of issue.pages) {
      if (page.scan) origins.set(`${folder}/${page.scan.src}`, { file: issue.file, line: page.line, field: "scan", src: page.scan.src });
      for (const photo of page.articles.flatMap((article) => article.photos)) {
        if (photo.src !== undefined) origins.set(`${folder}/${photo.src}`, { file: issue.file, line: photo.line, field: "image", src: photo.src });
      }
    }
  }
  return origins;
}

/** A PDF starts with %PDF-; anything else would be offered to readers as a download that does not open. */
async function checkPdf(folderPath: string, folder: string, name: string, where: Where): Promise<Problem | undefined> {
  const handle = await open(path.join(folderPath, name), "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(5), 0, 5, 0);
    if (bytesRead === 5 && buffer.toString("latin1") === "%PDF-") return undefined;
  } finally {
    await handle.close();
  }
  return { ...where, kind: "UnreadablePdf", severity: "error", message: `${folder}/${name} is not a PDF.`, fix: `Export the 版 again as PDF, or remove ${name}.` };
}
