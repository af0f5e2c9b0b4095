// Encodes the site's image derivatives with sharp, through a cache outside the site: each file is keyed by its source's content hash and its encoding options, so a second build encodes nothing.
import { createHash } from "node:crypto";
import { copyFile, link, mkdir, readFile, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp, { type OutputInfo } from "sharp";
import type { Derivative } from "../site/derivatives.ts";
import { MAX_IMAGE_PIXELS } from "../content/image-files.ts";
import { writeAtomically } from "../util/cache-files.ts";
import type { Verification } from "./cache-entries.ts";
import { eachLimited } from "../util/each-limited.ts";

export interface EncodeImagesOptions {
  /** The folder `Derivative.source` is relative to. */
  contentRoot: string;
  /** Where encoded files are kept between builds, e.g. `.cache/images`. */
  cacheDir: string;
  /** How many derivatives are encoded at once; default: `os.availableParallelism()`. */
  concurrency?: number;
  /** How derivatives taken from the cache are checked; default: cheap (their size). */
  verification?: Verification;
  /**
   * Derivatives a build that makes no site (`manifestOnly`) may take as done when the image cache no longer has them: their size and
   * SHA-256 as an earlier build published them, by the name of their cache file (see derivativeName). They are on the target already,
   * as the deployed manifest says, so they are neither encoded again nor needed here.
   */
  published?: ReadonlyMap<string, PublishedDerivative>;
}

/** A derivative's size and SHA-256 as published. */
export interface PublishedDerivative {
  size: number;
  sha256: string;
}

export interface EncodeImagesResult {
  /** Derivatives encoded by this run. */
  encoded: number;
  /** Derivatives found in the cache. */
  reused: number;
  /** The cache file of each derivative, by its site path. */
  files: Map<string, string>;
  /** Derivatives taken as done from `published`, by their site path: not in the cache, not encoded. */
  done: Map<string, PublishedDerivative & { name: string }>;
  /** Sources that could not be decoded, with sharp's reason; their derivatives were not made. */
  failures: { source: string; reason: string }[];
}

/** Makes every derivative missing from the cache, `concurrency` at a time, and says where each one's file is. */
export default async function encodeImages(derivatives: readonly Derivative[], options: EncodeImagesOptions): Promise<EncodeImagesResult> {
  const result: EncodeImagesResult = { encoded: 0, reused: 0, files: new Map(), done: new Map(), failures: [] };
  const missing: { derivative: Derivative; file: string }[] = [];
  for (const derivative of derivatives) {
    const file = cacheFile(options.cacheDir, derivative);
    const published = options.published?.get(path.basename(file));
    if (await isSound(file, options.verification ?? "cheap")) {
      result.files.set(derivative.path, file);
      result.reused++;
    } else if (published) {
      result.done.set(derivative.path, { ...published, name: path.basename(file) });
      result.reused++;
    } else {
      result.files.set(derivative.path, file);
      missing.push({ derivative, file });
    }
  }
  const sources = new SourceCache(options.contentRoot, missing);
  const failed = new Set<string>();
  await eachLimited(missing, options.concurrency ?? os.availableParallelism(), async ({ derivative, file }) => {
    try {
      const decoded = await sources.take(derivative.source);
      const bytes = await encode(decoded, derivative);
      await writeAtomically(file, bytes);
      await writeAtomically(`${file}.sum`, `${bytes.length} ${createHash("sha256").update(bytes).digest("hex")}`);
      result.encoded++;
    } catch (error) {
      result.files.delete(derivative.path);
      if (!failed.has(derivative.source)) result.failures.push({ source: derivative.source, reason: (error as Error).message });
      failed.add(derivative.source);
    }
  });
  return result;
}

/**
 * Whether a derivative in the cache is the one encoded: its size (and with "full", its SHA-256) as recorded in `<file>.sum` when it was
 * written. A damaged or half-restored cache file is encoded again rather than published.
 */
async function isSound(file: string, verification: Verification): Promise<boolean> {
  const [size, sha256] = (await readFile(`${file}.sum`, "utf8").catch(() => "")).split(" ");
  const info = await stat(file).catch(() => undefined);
  if (!info || !size || info.size !== Number(size)) return false;
  return (
    verification === "cheap" ||
    createHash("sha256")
      .update(await readFile(file))
      .digest("hex") === sha256
  );
}

/**
 * Puts each derivative from the image cache in its place in the site folder `siteDir` (a part's, in the cache); `files` is
 * `EncodeImagesResult.files`. A hard link, not a copy: the part and the image cache then hold the bytes once, on disk and in the archive
 * CI saves the cache as (tar keeps hard links). A copy where a link cannot be made.
 */
export async function copyDerivatives(files: ReadonlyMap<string, string>, siteDir: string): Promise<void> {
  await eachLimited([...files], 16, async ([sitePath, file]) => {
    // Site paths are percent-encoded addresses; the file on disk has the name as written.
    const target = path.join(siteDir, decodeURIComponent(sitePath));
    await mkdir(path.dirname(target), { recursive: true });
    await link(file, target).catch(() => copyFile(file, target));
  });
}

/** A source decoded once, upright and in sRGB, as raw pixels that every derivative of it is resized from. */
interface Decoded {
  data: Buffer;
  info: OutputInfo;
}

/** Decodes each source once and forgets it when its last pending derivative has taken it, so memory holds only the sources being worked on. */
class SourceCache {
  private readonly pending = new Map<string, number>();
  private readonly decoded = new Map<string, Promise<Decoded>>();

  constructor(
    private readonly contentRoot: string,
    jobs: readonly { derivative: Derivative }[],
  ) {
    for (const { derivative } of jobs) this.pending.set(derivative.source, (this.pending.get(derivative.source) ?? 0) + 1);
  }

  take(source: string): Promise<Decoded> {
    let decoded = this.decoded.get(source);
    if (!decoded) {
      decoded = readFile(path.join(this.contentRoot, source)).then((bytes) =>
        // failOn "truncated" refuses a file cut short instead of publishing it half grey.
        sharp(bytes, { limitInputPixels: MAX_IMAGE_PIXELS, failOn: "truncated" })
          .autoOrient()
          .toColourspace("srgb")
          .raw()
          .toBuffer({ resolveWithObject: true }),
      );
      this.decoded.set(source, decoded);
    }
    const left = (this.pending.get(source) ?? 1) - 1;
    this.pending.set(source, left);
    if (left === 0) this.decoded.delete(source);
    return decoded;
  }
}

/** One derivative's bytes: the decoded source resized to its width and encoded with its options; metadata (EXIF, GPS) is left out. */
function encode({ data, info }: Decoded, derivative: Derivative): Promise<Buffer> {
  const resized = sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } }).resize({
    width: derivative.width,
    height: derivative.height,
    fit: "fill",
  });
  switch (derivative.format) {
    case "avif":
      return resized.avif({ quality: derivative.quality, ...(derivative.effort !== undefined && { effort: derivative.effort }) }).toBuffer();
    case "webp":
      return resized.webp({ quality: derivative.quality, ...(derivative.effort !== undefined && { effort: derivative.effort }) }).toBuffer();
    case "jpeg":
      // JPEG has no transparency: a transparent PNG is shown on white, as on the page.
      return resized.flatten({ background: "#ffffff" }).jpeg({ quality: derivative.quality, mozjpeg: true }).toBuffer();
  }
}

/** The cache file of a derivative: named by a hash of everything that decides its bytes, so a new sharp or new settings miss the cache instead of serving stale files. */
export function cacheFile(cacheDir: string, derivative: Derivative): string {
  const { sourceHash, format, width, height, quality, effort } = derivative;
  const key = createHash("sha256")
    .update(JSON.stringify({ sourceHash, format, width, height, quality, effort, sharp: sharp.versions.sharp, vips: sharp.versions.vips }))
    .digest("hex");
  return path.join(cacheDir, key.slice(0, 2), `${key}.${format}`);
}
