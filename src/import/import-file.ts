// `npm run import`'s work: read a layout export, convert it (import-issue.ts), check the result with the pipeline, and write it as the
// issue file — unless that file exists and `force` is not given. What to tell the editor is returned, not printed.
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { loadConfig } from "../content/config.ts";
import { parseIssue } from "../content/parse-issue.ts";
import type { Problem } from "../problems.ts";
import { decodeExport } from "./export-text.ts";
import importIssue, { type ImportResult } from "./import-issue.ts";
import { ImportError } from "./types.ts";

export interface ImportRequest {
  /** The export's path, absolute. */
  exportPath: string;
  /** The export's name as the editor sees it, for messages. */
  exportName: string;
  contentRoot: string;
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
  const { config, problems: configProblems } = await loadConfig(request.contentRoot);
  if (!config) return { outcome: "refused", problems: configProblems };
  let result: ImportResult;
  try {
    result = importIssue(decodeExport(bytes, request.exportName), config, request.exportName);
  } catch (error) {
    if (error instanceof ImportError) return { outcome: "refused", problems: [...error.problems] };
    throw error;
  }
  const target = path.join(request.contentRoot, result.file);
  if (existsSync(target) && !request.force) return { outcome: "exists", target };
  const { problems } = parseIssue(result.file, new TextEncoder().encode(result.markdown), config);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, result.markdown);
  return { outcome: "written", target, result, problems };
}
