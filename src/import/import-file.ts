// `npm run import`'s work: read a layout export (or a 版's PDFs), convert it (import-issue.ts, import-pdf.ts), check the result with the
// pipeline, and write it as the issue file — with, for PDFs, each page-N.pdf and its scan beside it — unless that file exists and `force`
// is not given. What to tell the editor is returned, not printed.
import { existsSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import type { ConfigFile } from "../content/config.ts";
import { parseIssue } from "../content/parse-issue.ts";
import { ProblemsError, type Problem } from "../problems.ts";
import { decodeExport } from "./export-text.ts";
import importIssue, { type ImportResult } from "./import-issue.ts";
import importPdfs, { renderScan, type PdfFile } from "./import-pdf.ts";
import { issueFolderOf } from "../paths.ts";
import type { Area } from "../model.ts";

export interface ImportRequest {
  /** The export's path, absolute. */
  exportPath: string;
  /** The export's name as the editor sees it, for messages. */
  exportName: string;
  contentRoot: string;
  /** Its baoku.config.json, as the command read it (content/config.ts: loadConfig). */
  configFile: ConfigFile;
  /** Replace an existing issue file. */
  force: boolean;
}

export type ImportOutcome =
  /** The export could not be read at all. */
  | { outcome: "noExport"; missing: boolean; reason: string }
  /** The configuration or the export has a mistake that stops the import; nothing was written. */
  | { outcome: "refused"; problems: Problem[] }
  /** The issue file exists already, and `force` was not given; nothing was written. */
  | { outcome: "exists"; target: string }
  /** The issue file was written, even when the pipeline finds errors in it: the editor corrects them in the file, where they are reported. */
  | { outcome: "written"; target: string; result: ImportResult; problems: Problem[] };

export async function importExportFile(request: ImportRequest): Promise<ImportOutcome> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(request.exportPath);
  } catch (error) {
    const failure = error as NodeJS.ErrnoException;
    return { outcome: "noExport", missing: failure.code === "ENOENT", reason: failure.code ?? failure.message };
  }
  const { config, problems: configProblems } = request.configFile;
  if (!config) return { outcome: "refused", problems: configProblems };
  let result: ImportResult;
  try {
    result = importIssue(decodeExport(bytes, request.exportName), config, request.exportName);
  } catch (error) {
    if (error instanceof ProblemsError) return { outcome: "refused", problems: [...error.problems] };
    throw error;
  }
  const target = path.join(request.contentRoot, result.file);
  if (existsSync(target) && !request.force) return { outcome: "exists", target };
  const { problems } = parseIssue(result.file, new TextEncoder().encode(result.markdown), config);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, result.markdown);
  return { outcome: "written", target, result, problems };
}

export interface PdfImportRequest {
  /** The PDFs' paths, absolute, one 版 each (or several pages of a PDF, one 版 each). */
  pdfPaths: string[];
  /** How to show a path to the editor, for messages. */
  shown: (file: string) => string;
  contentRoot: string;
  /** Its baoku.config.json, as the command read it (content/config.ts: loadConfig). */
  configFile: ConfigFile;
  /** Replace an existing issue file and its scans. */
  force: boolean;
}

/** JPEG quality of the rendered scans: type stays crisp when zoomed, and a 版 is about a megabyte. */
const SCAN_QUALITY = 82;

/**
 * Imports 版 PDFs: the issue file, and in its folder each 版's page-N.pdf (the PDF as given) and page-N.jpg (rendered from it). Every
 * file is read and every scan rendered before anything is written, so a refusal leaves the archive as it was.
 */
export async function importPdfFiles(request: PdfImportRequest): Promise<ImportOutcome & { scans?: string[] }> {
  const files: PdfFile[] = [];
  for (const pdfPath of request.pdfPaths) {
    try {
      files.push({ name: request.shown(pdfPath), bytes: new Uint8Array(await readFile(pdfPath)) });
    } catch (error) {
      const failure = error as NodeJS.ErrnoException;
      return { outcome: "noExport", missing: failure.code === "ENOENT", reason: failure.code ?? failure.message };
    }
  }
  const { config, problems: configProblems } = request.configFile;
  if (!config) return { outcome: "refused", problems: configProblems };
  let result: ReturnType<typeof importPdfs>;
  try {
    result = importPdfs(files, config);
  } catch (error) {
    if (error instanceof ProblemsError) return { outcome: "refused", problems: [...error.problems] };
    throw error;
  }
  const target = path.join(request.contentRoot, result.file);
  if (existsSync(target) && !request.force) return { outcome: "exists", target };
  const folder = path.join(request.contentRoot, issueFolderOf(result.file));
  const beside = await Promise.all(
    result.sources.map(async (source, index) => {
      const png = renderScan(source);
      const photos = await Promise.all(
        (result.issue.pages[index]!.photos ?? []).map(async (photo) => ({ file: photo.file, jpeg: await cutPhoto(png, photo.area) })),
      );
      return { number: source.number, pdf: source.file.bytes, scan: await sharp(png).jpeg({ quality: SCAN_QUALITY, mozjpeg: true }).toBuffer(), photos };
    }),
  );
  const { problems } = parseIssue(result.file, new TextEncoder().encode(result.markdown), config);
  await mkdir(folder, { recursive: true });
  const scans: string[] = [];
  for (const { number, pdf, scan, photos } of beside) {
    await writeAtomically(path.join(folder, `page-${number}.pdf`), pdf);
    await writeAtomically(path.join(folder, `page-${number}.jpg`), scan);
    scans.push(`page-${number}.jpg`);
    for (const photo of photos) await writeAtomically(path.join(folder, photo.file), photo.jpeg);
  }
  await writeAtomically(target, result.markdown);
  return { outcome: "written", target, result, problems, scans };
}

/** A photo cut from the rendered 版 where it is printed: the PDF's own picture as the reader sees it, cropped and scaled as laid out. */
async function cutPhoto(scanPng: Uint8Array, area: Area): Promise<Buffer> {
  const scan = sharp(scanPng);
  const { width = 0, height = 0 } = await scan.metadata();
  const left = Math.floor((area.x / 100) * width);
  const top = Math.floor((area.y / 100) * height);
  const region = {
    left,
    top,
    width: Math.min(width - left, Math.ceil((area.width / 100) * width)),
    height: Math.min(height - top, Math.ceil((area.height / 100) * height)),
  };
  return scan.extract(region).jpeg({ quality: SCAN_QUALITY, mozjpeg: true }).toBuffer();
}

/** Writes a file whole or not at all: a reader never sees half of it. */
async function writeAtomically(file: string, data: Uint8Array | string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, file);
}
