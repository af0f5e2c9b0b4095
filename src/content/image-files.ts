// The image files beside an issue: each photo it shows and each 版's scan (page-<N>.jpg, page-<N>.pdf), checked and measured, with the
// hash of its bytes. What is measured is returned, and `withImages` makes the issue that carries it; the parsed issue is not changed.
import { createHash } from "node:crypto";
import { lstat, open, readdir, readFile, realpath } from "node:fs/promises";
import path from "node:path";
import type { ImageFile, Issue, PageScan, Photo } from "../model.ts";
import { problem, type Problem, type Where as ProblemWhere } from "../problems.ts";
import { issueFolderOf } from "../paths.ts";
import { shortText } from "../util/shown.ts";

/**
 * The longest side, in pixels, an image may have, and the one image limit: larger files are mistakes (a scan at the wrong resolution) and
 * would take minutes and gigabytes to encode. Its square is the most pixels sharp is allowed to decode (about sharp's own default), so
 * no image within it is refused by sharp for its size.
 */
export const MAX_IMAGE_SIDE = 16_000;

/** The most pixels an image may have: MAX_IMAGE_SIDE squared. */
export const MAX_IMAGE_PIXELS = MAX_IMAGE_SIDE * MAX_IMAGE_SIDE;

/** What sharp reports for the formats cameras and layout software export; AVIF is read as HEIF with AV1 compression. */
const SUPPORTED_FORMATS = new Set(["jpeg", "png", "webp", "tiff", "heif"]);

/** A scan's file name: page-<N> with an image extension, or .pdf for the printed page as a PDF. */
const SCAN_NAME = /^page-(\d+)\.(jpe?g|png|webp|pdf)$/i;

/** Where a problem with an image is reported: the issue file and the line that names the image (or the 版 heading, for a scan). */
export type Where = Required<Pick<ProblemWhere, "file" | "field">> & Pick<ProblemWhere, "line">;

/** What inspecting an issue's images found: each photo's file and each 版's scan as measured, and the problems. */
export interface IssueImages {
  /** The file of each photo, in the order of `photosOf(issue)`; undefined where the photo has no image or it could not be read. */
  photos: (ImageFile | undefined)[];
  /** Each 版's scan (with its PDF), by the 版's number. */
  scans: Map<number, PageScan>;
  problems: Problem[];
}

/** Every photo of an issue, 版 by 版 and article by article. */
function photosOf(issue: Issue): Photo[] {
  return issue.pages.flatMap((page) => page.articles.flatMap((article) => article.photos));
}

/** Checks every image an issue shows and measures what the build needs of it: each photo's size and hash, and each 版's scan and PDF. */
export default async function inspectIssueImages(issue: Issue, contentRoot: string): Promise<IssueImages> {
  const folder = issueFolderOf(issue.file);
  const folderPath = path.join(contentRoot, folder);
  const problems: Problem[] = [];
  // A folder that is itself a link may lead anywhere on the machine that builds the site: nothing in it is read.
  const folderIsLink = (await lstat(folderPath).catch(() => undefined))?.isSymbolicLink() ?? false;
  const reads = await Promise.all(
    photosOf(issue).map((photo) => {
      if (photo.src === undefined) return undefined;
      const where = { file: issue.file, line: photo.line, field: "image" };
      if (folderIsLink) return { problem: problem("ImagePathOutsideIssue", where, { image: shortText(photo.src), reason: "link", folder }) };
      return readImageFile(folderPath, folder, photo.src, where);
    }),
  );
  const photos = reads.map((read) => {
    if (read && "problem" in read) problems.push(read.problem);
    return read && "image" in read ? read.image : undefined;
  });
  const scans = folderIsLink ? new Map<number, PageScan>() : await findScans(issue, folderPath, folder, problems);
  return { photos, scans, problems };
}

/** The issue with what `images` measured: each photo's size and hash, and each 版's scan. */
export function withImages(issue: Issue, images: IssueImages): Issue {
  let index = 0;
  return {
    ...issue,
    pages: issue.pages.map((page) => {
      const scan = images.scans.get(page.number);
      return {
        ...page,
        ...(scan && { scan }),
        articles: page.articles.map((article) => ({
          ...article,
          photos: article.photos.map((photo) => {
            const image = images.photos[index++];
            return image ? { ...photo, width: image.width, height: image.height, contentHash: image.contentHash } : photo;
          }),
        })),
      };
    }),
  };
}

/** Finds page-<N>.jpg (and page-<N>.pdf) in the issue's folder, for each 版 that has one; adds to `problems` what is wrong with them. */
async function findScans(issue: Issue, folderPath: string, folder: string, problems: Problem[]): Promise<Map<number, PageScan>> {
  const names = (await readdir(folderPath).catch(() => [] as string[])).filter((name) => SCAN_NAME.test(name)).sort();
  const scans = new Map<number, PageScan>();
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
    if (!page || !files.image) {
      problems.push(
        problem(
          "ScanWithoutPage",
          { file: issue.file, field: "scan" },
          { scan: `${folder}/${files.image ?? files.pdf!}`, page: number, pdfOnly: page !== undefined },
        ),
      );
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
    scans.set(number, { ...read.image, ...(files.pdf && !pdfProblem && { pdf: files.pdf }) });
  }
  for (const page of issue.pages) {
    for (const article of page.articles) {
      if (!article.area || scans.has(page.number)) continue;
      problems.push(
        problem("AreaWithoutScan", { file: issue.file, line: article.line, field: "area" }, { title: shortText(article.title), page: page.number, folder }),
      );
    }
  }
  return scans;
}

/**
 * Reads one image of the issue's folder: its size (upright) and the hash of its bytes, or the problem that stops it being shown. sharp is
 * loaded here, when the first image is read, so checking issues without images does not wait for it.
 */
async function readImageFile(folderPath: string, folder: string, src: string, where: Where): Promise<{ image: ImageFile } | { problem: Problem }> {
  const image = shortText(src);
  const file = path.join(folderPath, src);
  const real = await realpath(file).catch(() => undefined);
  if (!real) return { problem: problem("MissingImage", where, { image, folder }) };
  // A symbolic link inside the folder may point anywhere on the machine that builds the site.
  const realFolder = await realpath(folderPath);
  if (!real.startsWith(realFolder + path.sep)) return { problem: problem("ImagePathOutsideIssue", where, { image, reason: "link", folder }) };
  const bytes = await readFile(real).catch(() => undefined);
  if (!bytes) return { problem: problem("MissingImage", where, { image, folder, notAFile: true }) };
  const { default: sharp } = await import("sharp");
  // The header alone is read here, so sharp's pixel limit is lifted: the size is checked against MAX_IMAGE_SIDE below, with its own message.
  const metadata = await sharp(bytes, { limitInputPixels: false })
    .metadata()
    .catch((failure: Error) => failure);
  if (metadata instanceof Error) return { problem: unreadableImageProblem(where, src, metadata.message) };
  const format = metadata.format === "heif" && metadata.compression !== "av1" ? "heic" : metadata.format;
  if (!SUPPORTED_FORMATS.has(format)) return { problem: problem("UnsupportedImage", where, { image, format }) };
  const { width, height } = metadata.autoOrient;
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE) return { problem: problem("ImageTooLarge", where, { image, width, height, limit: MAX_IMAGE_SIDE }) };
  return { image: { src, width, height, contentHash: createHash("sha256").update(bytes).digest("hex") } };
}

/** The problem of an image whose bytes sharp cannot decode, found here from its header or later by the build from its pixels. */
export function unreadableImageProblem(where: Where, src: string, reason: string): Problem {
  return problem("UnreadableImage", where, { image: shortText(src), reason: shortText(reason, 200) });
}

/** Where each image the issues show is named, by its path relative to the content root: the photo's line, or the 版 heading's for a scan. */
export function imageOrigins(issues: readonly Issue[]): Map<string, Where & { src: string }> {
  const origins = new Map<string, Where & { src: string }>();
  for (const issue of issues) {
    const folder = issueFolderOf(issue.file);
    for (const page of issue.pages) {
      if (page.scan) origins.set(`${folder}/${page.scan.src}`, { file: issue.file, line: page.line, field: "scan", src: page.scan.src });
      for (const photo of page.articles.flatMap((article) => article.photos)) {
        if (photo.src !== undefined) origins.set(`${folder}/${photo.src}`, { file: issue.file, line: photo.line, field: "image", src: photo.src });
      }
    }
  }
  return origins;
}

/** A PDF starts with %PDF-; anything else would be offered to readers as a download that does not open. A link out of the folder is not read. */
async function checkPdf(folderPath: string, folder: string, name: string, where: Where): Promise<Problem | undefined> {
  const real = await realpath(path.join(folderPath, name)).catch(() => undefined);
  if (!real?.startsWith((await realpath(folderPath)) + path.sep)) return problem("LinkOutOfArchive", { file: `${folder}/${name}`, field: where.field }, {});
  const handle = await open(real, "r");
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(5), 0, 5, 0);
    if (bytesRead === 5 && buffer.toString("latin1") === "%PDF-") return undefined;
  } finally {
    await handle.close();
  }
  return problem("UnreadablePdf", where, { pdf: `${folder}/${name}`, name });
}
