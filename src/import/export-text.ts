// The layout export as text: strict UTF-8 decoded, split into print lines, and those lines into 版 at every run of three or more blank lines.
import type { PrintLine } from "./types.ts";
import { ImportError } from "./types.ts";
import { problem } from "../problems.ts";

/** Blank lines that separate one 版 from the next in the export. */
export const PAGE_BREAK_BLANKS = 3;

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Decodes an export's bytes; a BOM and CRLF line endings are fine, other encodings are refused with the way to convert them. */
export function decodeExport(bytes: Uint8Array, file: string): string {
  try {
    return utf8.decode(bytes).replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  } catch {
    throw new ImportError(problem("ExportNotUtf8", { file }, { file }));
  }
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
