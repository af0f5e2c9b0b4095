// Which of the paths given to `npm run import` are 版 PDFs: PDF files as given, and the PDFs in a folder, in the order of their 版 numbers.
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { pageNumberOf } from "./import-pdf.ts";

export type PdfPaths =
  /** The PDFs to import, absolute. */
  | { kind: "pdfs"; paths: string[] }
  /** A folder was given that holds no PDF. */
  | { kind: "emptyFolder"; folder: string }
  /** A file that is not a PDF given with PDFs. */
  | { kind: "mixed"; others: string[] }
  /** No PDF and no folder: a text export. */
  | { kind: "notPdf" };

/** Finds the PDFs among the given paths; a folder stands for the PDFs in it. */
export async function pdfPathsOf(given: readonly string[]): Promise<PdfPaths> {
  const paths: string[] = [];
  const others: string[] = [];
  for (const file of given) {
    const folder = await stat(file).then(
      (found) => found.isDirectory(),
      () => false,
    );
    if (folder) {
      const inside = (await readdir(file)).filter((name) => /\.pdf$/i.test(name));
      if (inside.length === 0) return { kind: "emptyFolder", folder: file };
      paths.push(...inside.sort(byPageNumber).map((name) => path.join(file, name)));
    } else if (/\.pdf$/i.test(file)) {
      paths.push(file);
    } else {
      others.push(file);
    }
  }
  if (paths.length === 0) return { kind: "notPdf" };
  return others.length > 0 ? { kind: "mixed", others } : { kind: "pdfs", paths };
}

/** page-2.pdf before page-10.pdf; names without a number after those with one, by name. */
function byPageNumber(a: string, b: string): number {
  return (pageNumberOf(a) ?? Infinity) - (pageNumberOf(b) ?? Infinity) || a.localeCompare(b);
}
