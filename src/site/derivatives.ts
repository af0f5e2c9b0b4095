// Plans the responsive derivatives of the images the site shows (which widths, which formats, where each is published) and the <picture> records templates render; src/build/encode-images.ts does the encoding.
import type { Article, ImageFile, Issue } from "../model.ts";
import type { Picture } from "../site-types.ts";
import { issueFolderOf, issuePath } from "../paths.ts";
import type { Addresser } from "./addresses.ts";

export type DerivativeFormat = "avif" | "webp" | "jpeg";

/** How one derivative is encoded. With the source's content hash, these options key the cache, so changing one re-encodes only what it affects. */
export interface EncodeOptions {
  format: DerivativeFormat;
  /** Width in pixels; the height follows the source's proportions. */
  width: number;
  /** The encoder's quality, 1–100. */
  quality: number;
  /** The encoder's effort (AVIF and WebP): higher is smaller and slower. */
  effort?: number;
}

/** One file the build publishes: a source image resized and encoded. */
export interface Derivative extends EncodeOptions {
  /** The source image, relative to the content root, with forward slashes. */
  source: string;
  /** SHA-256 of the source's bytes. */
  sourceHash: string;
  height: number;
  /** Where it is published in the site, e.g. /2022/11/02/photo-1.480.3f2a9c1b0d.avif. */
  path: string;
}

/** What an image is shown as, which decides its widths and the `sizes` its <picture> gives the browser. */
export interface ImageUse {
  /** Widths to encode, narrowest first; none wider than the source. */
  widths: readonly number[];
  /** The slot the image fills, as the <img sizes> attribute (see public/css/site.css). */
  sizes: string;
}

/** A photo in an article's column (--measure, 40rem), up to twice that for dense screens. */
export const PHOTO_USE: ImageUse = { widths: [480, 960, 1440], sizes: "(min-width: 42rem) 40rem, calc(100vw - 2rem)" };
/** 图片新闻: the photo is the story and takes the wide column (--wide, 64rem). */
export const PHOTO_NEWS_USE: ImageUse = { widths: [480, 960, 1440, 2048], sizes: "(min-width: 66rem) 62rem, calc(100vw - 2rem)" };
/** A 版's scan on its page: beside its headlines on a wide screen (about 40rem), the screen's whole width on a phone; the widest serves the zoomed view and 查看大图. */
export const SCAN_USE: ImageUse = { widths: [640, 1280, 2048], sizes: "(min-width: 60rem) 40rem, 100vw" };
/** A 版's thumbnail in the 版面导航 (7.5rem wide). */
export const THUMBNAIL_USE: ImageUse = { widths: [120, 240], sizes: "7.5rem" };

/** Each format's encoder settings: AVIF first (smallest), then WebP, then JPEG, which every browser reads. AVIF's effort is kept low: above 3 it takes many times longer for a few percent. */
const FORMATS: readonly Omit<EncodeOptions, "width">[] = [
  { format: "avif", quality: 50, effort: 2 },
  { format: "webp", quality: 75, effort: 4 },
  { format: "jpeg", quality: 80 },
];

const MIME_TYPES: Record<DerivativeFormat, string> = { avif: "image/avif", webp: "image/webp", jpeg: "image/jpeg" };
const EXTENSIONS: Record<DerivativeFormat, string> = { avif: "avif", webp: "webp", jpeg: "jpg" };

/** The widths `use` asks for that the image can give: none wider than the image, and the image's own width when it is narrower than the widest asked for. */
export function widthsFor(image: Pick<ImageFile, "width">, use: ImageUse): number[] {
  const widths = use.widths.filter((width) => width < image.width);
  const widest = Math.min(image.width, use.widths.at(-1) ?? image.width);
  if (!widths.includes(widest)) widths.push(widest);
  return widths;
}

/**
 * Every derivative of one image of an issue for one use, in the order of FORMATS then widths.
 * `issueFolder` is the issue's folder relative to the content root (issues/2022/2022-11-02) and `issuePath` its site path (/2022/11/02/).
 */
export function derivativesOf(image: ImageFile, use: ImageUse, issueFolder: string, issuePath: string): Derivative[] {
  const stem = image.src.replace(/\.[^./]*$/, "");
  const hash = image.contentHash.slice(0, 10);
  return FORMATS.flatMap((options) =>
    widthsFor(image, use).map((width) => ({
      ...options,
      width,
      height: Math.max(1, Math.round((image.height * width) / image.width)),
      source: `${issueFolder}/${image.src}`,
      sourceHash: image.contentHash,
      // The hash in the name lets hosts cache the file forever: a new image under the same name gets a new address.
      path: issuePath + `${stem}.${width}.${hash}.${EXTENSIONS[options.format]}`.split("/").map(encodeURIComponent).join("/"),
    })),
  );
}

/** The <picture> record for derivatives made by `derivativesOf`; `at` turns a site path into the address readers follow. */
export function pictureOf(derivatives: readonly Derivative[], use: ImageUse, loading: Picture["loading"], at: Addresser): Picture {
  const srcset = (format: DerivativeFormat) =>
    derivatives
      .filter((derivative) => derivative.format === format)
      .map((derivative) => `${at(derivative.path)} ${derivative.width}w`)
      .join(", ");
  const fallback = fallbackOf(derivatives);
  return {
    sources: (["avif", "webp"] as const).map((format) => ({ type: MIME_TYPES[format], srcset: srcset(format) })),
    src: at(fallback.path),
    srcset: srcset("jpeg"),
    sizes: use.sizes,
    width: fallback.width,
    height: fallback.height,
    loading,
  };
}

/** The JPEG a browser without srcset shows, and social previews use: the widest up to 1440 pixels. */
export function fallbackOf(derivatives: readonly Derivative[]): Derivative {
  const jpegs = derivatives.filter((derivative) => derivative.format === "jpeg");
  return jpegs.filter((derivative) => derivative.width <= 1440).at(-1) ?? jpegs[0]!;
}

/** The widest JPEG, for 查看大图. */
export function widestOf(derivatives: readonly Derivative[]): Derivative {
  return derivatives.filter((derivative) => derivative.format === "jpeg").at(-1)!;
}

/** A photo's image file, when it has one that was read. */
export function imageOf(photo: { src?: string; width?: number; height?: number; contentHash?: string }): ImageFile | undefined {
  const { src, width, height, contentHash } = photo;
  return src !== undefined && width !== undefined && height !== undefined && contentHash !== undefined ? { src, width, height, contentHash } : undefined;
}

/** The files made from one image of an issue for one use, published in the issue's folder of the site. */
export function issueDerivatives(issue: Pick<Issue, "file" | "date">, image: ImageFile, use: ImageUse): Derivative[] {
  return derivativesOf(image, use, issueFolderOf(issue.file), issuePath(issue.date));
}

/** How an article's photos are shown: large in photo news, in the column otherwise. */
export function photoUse(article: Pick<Article, "isPhotoNews">): ImageUse {
  return article.isPhotoNews ? PHOTO_NEWS_USE : PHOTO_USE;
}
