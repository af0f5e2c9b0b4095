// The PDF importer: the 版 PDFs a layout program exports to an issue — masthead from 第1版, each 版 read by its geometry (pdf-page.ts) — and
// each 版's scan rendered from its PDF. Refuses, with every file's reason at once, PDFs whose text cannot be used.
import path from "node:path";
import type { PaperConfig } from "../model.ts";
import { issueFileOf } from "../paths.ts";
import { problem, ProblemsError, type Problem } from "../problems.ts";
import type { ImportedIssue, ImportedPage, PrintLine } from "./types.ts";
import { judged } from "../messages/judgements.ts";
import { readMasthead } from "./masthead.ts";
import { issueMarkdown } from "./issue-markdown.ts";
import { openPdf, readPageText, renderPage, unusableText, type PdfPage } from "./pdf-text.ts";
import { readPdfPage } from "./pdf-page.ts";
import type { ImportResult } from "./import-issue.ts";

/** A 版's PDF as given: its bytes and its name as the editor sees it. */
export interface PdfFile {
  name: string;
  bytes: Uint8Array;
}

/** One 版 of the import: its number, the PDF it came from and which page of it. */
export interface PdfPageSource {
  number: number;
  file: PdfFile;
  index: number;
}

export interface PdfImportResult extends ImportResult {
  /** Each 版 with the PDF it came from, to copy beside the issue and render as its scan. */
  sources: PdfPageSource[];
}

/** The width, in pixels, of the scans rendered from the PDFs: sharp enough to read body type when zoomed on a desktop. */
export const SCAN_WIDTH = 2400;

/** Reads the PDFs, one 版 each (a PDF of several pages gives several 版); throws a ProblemsError listing every file that cannot be read. */
export default function importPdfs(files: readonly PdfFile[], config: PaperConfig): PdfImportResult {
  const problems: Problem[] = [];
  const read: Array<{ source: PdfPageSource; page: PdfPage }> = [];
  for (const file of files) {
    let document: ReturnType<typeof openPdf>;
    try {
      document = openPdf(file.bytes);
    } catch {
      problems.push(problem("PdfUnreadable", { file: file.name }, { file: file.name }));
      continue;
    }
    const count = document.countPages();
    const printed = pageNumberOf(file.name);
    for (let index = 0; index < count; index += 1) {
      const page = readPageText(document, index);
      const reason = unusableText(page);
      if (reason) {
        problems.push(problem("PdfWithoutText", { file: file.name }, { file: file.name, reason, ...(count > 1 && { page: index + 1 }) }));
        continue;
      }
      read.push({ source: { number: printed !== undefined && count === 1 ? printed : 0, file, index }, page });
    }
  }
  numberInOrder(read.map(({ source }) => source));
  for (const { source } of read) {
    const first = read.find((other) => other.source.number === source.number)!.source;
    if (first !== source)
      problems.push(problem("PdfPageTwice", { file: source.file.name }, { file: source.file.name, other: first.file.name, page: source.number }));
  }
  if (problems.length > 0) throw new ProblemsError(problems[0]!, problems);
  read.sort((a, b) => a.source.number - b.source.number);

  const front = read[0];
  if (!front) throw new ProblemsError(problem("PdfWithoutText", { file: files[0]?.name ?? "" }, { file: files[0]?.name ?? "", reason: "noText" }));
  const { masthead, rest } = takeMasthead(front.page, config.paper, front.source.file.name);
  const pages: ImportedPage[] = read.map(({ source, page }) => readPdfPage(source === front.source ? rest : page, source.number, config.datelinePrefixes));
  for (const page of pages) markUnmapped(page);
  const issue: ImportedIssue = { masthead, pages };
  const { markdown, checks } = issueMarkdown(issue);
  return { file: issueFileOf(masthead.date), markdown, checks, issue, sources: read.map(({ source }) => source) };
}

/** 第1版's masthead, read from its lines top to bottom as the text importer reads an export's first lines; and the page without them. */
function takeMasthead(page: PdfPage, paper: PaperConfig["paper"], file: string): { masthead: ImportedIssue["masthead"]; rest: PdfPage } {
  const sorted = [...page.lines].sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);
  const printLines: PrintLine[] = sorted.map((line, index) => ({ text: line.text, line: index + 1, blanksBefore: 0 }));
  const { masthead, bodyStart } = readMasthead(printLines, paper, file);
  return { masthead, rest: { ...page, lines: sorted.slice(bodyStart) } };
}

/** Lists every text with characters a font could not map (U+FFFD): too few to refuse the page, each must be typed in from the print. */
export function markUnmapped(page: ImportedPage): void {
  const texts = [page.banner, ...page.articles.flatMap((article) => [article.kicker, article.title, article.subtitle, ...article.paragraphs])];
  for (const text of texts) {
    const count = text?.text.match(/\uFFFD/gu)?.length ?? 0;
    if (text && count > 0) text.checks.push(judged("UnmappedCharacters", { count }));
  }
}

/** The 版 number in a PDF's name: page-3.pdf, 第3版.pdf, 2022-11-01-03.pdf (the last number); undefined when it has none. */
export function pageNumberOf(name: string): number | undefined {
  const base = path.basename(name).replace(/\.pdf$/i, "");
  const printed = /第\s*(\d+)\s*版/.exec(base) ?? /(\d+)(?!.*\d)/.exec(base);
  const number = printed ? Number(printed[1]) : NaN;
  return number > 0 && number < 1000 ? number : undefined;
}

/** Gives the 版 whose names carry no number (or several pages of one PDF) the numbers after the highest one given, in the order given. */
function numberInOrder(sources: PdfPageSource[]): void {
  let next = Math.max(0, ...sources.map((source) => source.number)) + 1;
  for (const source of sources) if (source.number === 0) source.number = next++;
}

/** The scan of one 版, rendered from its PDF, as PNG. */
export function renderScan(source: PdfPageSource, width = SCAN_WIDTH): Uint8Array {
  return renderPage(openPdf(source.file.bytes), source.index, width);
}
