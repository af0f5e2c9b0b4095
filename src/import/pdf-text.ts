// A 版's PDF as MuPDF reads it: its size, its text lines with their type size, weight and place, its pictures, and whether that text is
// usable at all (a scan has none; fonts without a Unicode map give U+FFFD, which must never reach an issue file). Also renders the scan.
import * as mupdf from "mupdf";

/** A rectangle in PDF points from the page's top left corner. */
export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** One printed line of text, as the layout program set it. */
export interface PdfLine {
  text: string;
  box: Rect;
  /** Type size in points: the largest in the line, so a line that opens with a smaller dateline still reads as body. */
  size: number;
  /** Set in a heavy face: a bold font, or a family drawn heavy (黑体, 标宋, 粗…) as Chinese headlines are. */
  heavy: boolean;
  /** The font's name as the PDF gives it, e.g. DAAAAA+UMingCN; kept for telling captions from body text. */
  font: string;
}

export interface PdfPage {
  width: number;
  height: number;
  lines: PdfLine[];
  /** Pictures on the page, from their placement on it. */
  images: Rect[];
}

/** Why a page's text cannot be used. */
export type UnusableText = "noText" | "unmapped";

/** Families Chinese layout programs use for headlines, by the words in their names (方正小标宋 is FZXBSJW, 方正大黑 FZDHTJW, …). */
const HEAVY_FONT = /bold|black|heavy|hei|xbs|dbs|cuhei|zhunhei|dhtj|ht[jk]w|黑|标宋|粗/i;
/** More than this share of characters without a Unicode value, and the page's text is unusable. */
const UNMAPPED_SHARE = 0.05;
/** Fewer characters than this on a page, and it is a picture of a page (a scan), not a page of text. */
const MIN_CHARACTERS = 20;
/** Pictures smaller than this (points a side) are rules and ornaments, not photos. */
const MIN_PICTURE_SIDE = 24;

// MuPDF's own notes (repairing a broken xref, a font it substituted) go to stderr in English; the importer says what matters in the
// editor's language instead, so they are dropped.
mupdf.setLog({ error: () => undefined, warning: () => undefined });

/** Opens a PDF; throws what MuPDF throws when the bytes are not a PDF it can read. */
export function openPdf(bytes: Uint8Array): mupdf.Document {
  return mupdf.Document.openDocument(bytes, "application/pdf");
}

/** Reads one page's lines and pictures. */
export function readPageText(document: mupdf.Document, index: number): PdfPage {
  const page = document.loadPage(index);
  const [left, top, right, bottom] = page.getBounds();
  const lines: PdfLine[] = [];
  const images: Rect[] = [];
  let current: { chars: string[]; box: Rect; size: number; heavyChars: number; font: string } | undefined;
  // inhibit-spaces: CJK type is often letter-spaced, which MuPDF would otherwise read as spaces; the spaces set in the text are kept.
  page.toStructuredText("preserve-whitespace,preserve-images,inhibit-spaces").walk({
    onImageBlock(bbox) {
      const box = rect(bbox, left, top);
      if (box.x1 - box.x0 >= MIN_PICTURE_SIDE && box.y1 - box.y0 >= MIN_PICTURE_SIDE) images.push(box);
    },
    beginLine(bbox) {
      current = { chars: [], box: rect(bbox, left, top), size: 0, heavyChars: 0, font: "" };
    },
    onChar(char, _origin, font, size) {
      if (!current) return;
      current.chars.push(char);
      if (size > current.size) current.size = size;
      const name = font.getName();
      if (!current.font) current.font = name;
      if (font.isBold() || HEAVY_FONT.test(name)) current.heavyChars += 1;
    },
    endLine() {
      if (!current) return;
      const text = current.chars
        .join("")
        .replace(/[\s\u3000]+/gu, " ")
        .trim();
      if (text) lines.push({ text, box: current.box, size: round(current.size), heavy: current.heavyChars * 2 > current.chars.length, font: current.font });
      current = undefined;
    },
  });
  return { width: right - left, height: bottom - top, lines, images };
}

/** Whether the page's text can be imported: some text, and almost all of it with Unicode values. */
export function unusableText(page: PdfPage): UnusableText | undefined {
  const characters = page.lines.reduce((sum, line) => sum + [...line.text.replace(/\s/g, "")].length, 0);
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what fonts without a Unicode map give
  const unmapped = page.lines.reduce((sum, line) => sum + (line.text.match(/[\uFFFD\uE000-\uF8FF\u0000-\u0008]/gu)?.length ?? 0), 0);
  if (characters > 0 && unmapped / characters > UNMAPPED_SHARE) return "unmapped";
  if (characters < MIN_CHARACTERS) return "noText";
  return undefined;
}

/** The page as a scan `width` pixels wide, PNG-encoded (white background, no transparency). */
export function renderPage(document: mupdf.Document, index: number, width: number): Uint8Array {
  const page = document.loadPage(index);
  const [left, , right] = page.getBounds();
  const scale = width / (right - left);
  const pixmap = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false, true);
  try {
    return pixmap.asPNG();
  } finally {
    pixmap.destroy();
  }
}

function rect(bbox: readonly number[], left: number, top: number): Rect {
  const [x0, y0, x1, y1] = bbox as [number, number, number, number];
  return { x0: x0 - left, y0: y0 - top, x1: x1 - left, y1: y1 - top };
}

function round(size: number): number {
  return Math.round(size * 10) / 10;
}
