// The layout export as text: strict UTF-8 decoded, split into print lines, and those lines into 版 at every run of three or more blank lines.
import type { PrintLine } from "./types.ts";
import { problem, ProblemsError } from "../problems.ts";
import { LIMITS, megabytes } from "../content/limits.ts";
import { textLines } from "../util/text.ts";

/** Blank lines that separate one 版 from the next in the export. */
export const PAGE_BREAK_BLANKS = 3;

// A byte order mark is kept here and dropped by the one BOM rule (util/text.ts).
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The most 版 one export may hold: a daily's issue has a few dozen at most; ten thousand took 1.6 GB before failing. */
export const MAX_EXPORT_PAGES = 100;
/** The most bytes of one export, as of one issue file (content/limits.ts). */
export const MAX_EXPORT_BYTES = LIMITS.fileBytes;

/** The encodings an export that is not UTF-8 is told as, by the names iconv takes. */
export type ExportEncoding = "UTF-16LE" | "UTF-16BE" | "GB18030" | "BIG5";

/** Decodes an export's bytes; a BOM and CRLF line endings are fine, other encodings are refused with the one they seem to be and how to convert. */
export function decodeExport(bytes: Uint8Array, file: string): string {
  if (bytes.length > MAX_EXPORT_BYTES)
    throw new ProblemsError(problem("ExportTooLarge", { file }, { count: megabytes(bytes.length), limit: megabytes(MAX_EXPORT_BYTES), unit: "MB" }));
  // UTF-16 with a byte order mark is never UTF-8; without one, its ASCII characters' NUL bytes are, but no export holds NUL.
  if (!(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff)) {
    try {
      const text = utf8.decode(bytes);
      if (!text.includes("\0")) return textLines(text);
    } catch {
      // Told below, with the encoding it seems to be.
    }
  }
  const utf16 = utf16Of(bytes);
  const encoding = utf16 ?? chineseEncodingOf(bytes);
  throw new ProblemsError(problem("ExportNotUtf8", { file }, { file, ...(encoding && { encoding }) }));
}

/**
 * UTF-16 by its byte order mark, or by what its code units are when read in either byte order: text (ASCII, CJK characters and
 * punctuation) in one order and not the other. UTF-8 and GB18030 read as UTF-16 give code units all over the range.
 */
function utf16Of(bytes: Uint8Array): ExportEncoding | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "UTF-16LE";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "UTF-16BE";
  const units = Math.min(bytes.length >> 1, 4096);
  if (units === 0) return undefined;
  const isText = (unit: number) =>
    (unit >= 0x09 && unit <= 0x7e) || (unit >= 0x3000 && unit <= 0x303f) || (unit >= 0x4e00 && unit <= 0x9fff) || (unit >= 0xff00 && unit <= 0xffef);
  let [little, big] = [0, 0];
  for (let index = 0; index < units; index++) {
    const [first, second] = [bytes[2 * index]!, bytes[2 * index + 1]!];
    if (isText(first | (second << 8))) little++;
    if (isText((first << 8) | second)) big++;
  }
  if (little / units > 0.9 && little > big) return "UTF-16LE";
  if (big / units > 0.9 && big > little) return "UTF-16BE";
  return undefined;
}

/**
 * GB18030 (GBK, GB2312) or Big5, for bytes that are not UTF-8: whichever decodes them; when both do, the share of second bytes in
 * 0x40–0x7E tells them apart, as Big5 puts about two fifths of its characters' second bytes there and simplified Chinese in GBK almost none.
 */
function chineseEncodingOf(bytes: Uint8Array): ExportEncoding | undefined {
  const decodes = (label: string) => {
    try {
      new TextDecoder(label, { fatal: true }).decode(bytes);
      return true;
    } catch {
      return false;
    }
  };
  const [gb, big5] = [decodes("gb18030"), decodes("big5")];
  if (gb !== big5) return gb ? "GB18030" : "BIG5";
  if (!gb) return undefined;
  let [pairs, low] = [0, 0];
  for (let index = 0; index < bytes.length - 1; index++) {
    if (bytes[index]! < 0x81) continue;
    pairs++;
    if (bytes[index + 1]! >= 0x40 && bytes[index + 1]! <= 0x7e) low++;
    index++;
  }
  return pairs > 0 && low / pairs > 0.2 ? "BIG5" : "GB18030";
}

/** The export's non-blank lines, trimmed, each with its line number and the blank lines above it. */
export function printLines(text: string): PrintLine[] {
  const lines: PrintLine[] = [];
  let blanks = 0;
  text.split("\n").forEach((raw, index) => {
    const trimmed = raw.replace(/[\s\u3000]+$/u, "").replace(/^[\s\u3000]+/u, "");
    if (trimmed === "") {
      blanks += 1;
      return;
    }
    lines.push({ text: trimmed, line: index + 1, blanksBefore: blanks });
    blanks = 0;
  });
  return lines;
}

/** Splits the body's lines into 版: a new one starts at a line with three or more blank lines above it. */
export function splitPages(lines: readonly PrintLine[]): PrintLine[][] {
  const pages: PrintLine[][] = [];
  for (const line of lines) {
    const current = pages.at(-1);
    if (!current || (line.blanksBefore >= PAGE_BREAK_BLANKS && current.length > 0)) pages.push([line]);
    else current.push(line);
  }
  return pages;
}
