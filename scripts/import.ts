// `npm run import -- <export.txt> [--force] [--content <dir>]`: converts a layout export into issues/<YYYY>/<YYYY-MM-DD>.md, checks it with the pipeline, and lists what the editor must check.
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.ts";
import { parseIssue } from "../src/parse-issue.ts";
import { formatProblems, hasErrors } from "../src/problems.ts";
import importIssue from "../src/import/import-issue.ts";
import { decodeExport } from "../src/import/export-text.ts";
import { ImportError } from "../src/import/types.ts";

const USAGE = "Usage: npm run import -- <export.txt> [--force] [--content <dir>]";
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** Stops with a message for the editor and no stack trace. */
function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** A path as the editor can open it from here: relative when it is inside the current folder. */
function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}

let args: ReturnType<typeof readArguments>;
try {
  args = readArguments();
} catch (error) {
  fail(`${(error as Error).message}\n${USAGE}`);
}

const exportPath = path.resolve(args.exportFile);
const bytes = await readFile(exportPath).catch((error: NodeJS.ErrnoException) =>
  fail(error.code === "ENOENT" ? `There is no file ${shown(exportPath)}. Give the path of the layout export to import.\n${USAGE}` : `${shown(exportPath)} cannot be read (${error.code ?? error.message}).`),
);
const { config, problems: configProblems } = await loadConfig(args.contentRoot);
if (!config) fail(formatProblems(configProblems));

let result: ReturnType<typeof importIssue>;
try {
  result = importIssue(decodeExport(bytes, shown(exportPath)), config, shown(exportPath));
} catch (error) {
  if (error instanceof ImportError) fail(`${error.message}\nNothing was written.`);
  throw error;
}

const target = path.join(args.contentRoot, result.file);
if (existsSync(target) && !args.force) {
  fail(`${shown(target)} already exists, so nothing was written. To replace it with this import (any corrections made in it will be lost), run the import again with --force.`);
}

// The file is written even when the pipeline finds errors in it: the editor corrects them in the file, which is where they are reported.
const { problems } = parseIssue(result.file, new TextEncoder().encode(result.markdown), config);
await mkdir(path.dirname(target), { recursive: true });
await writeFile(target, result.markdown);

const articles = result.issue.pages.reduce((sum, page) => sum + page.articles.length, 0);
console.log(`Wrote ${shown(target)}: 总第${result.issue.masthead.issue}期, ${result.issue.pages.length} 版, ${articles} items.`);
if (problems.length > 0) console.error(formatProblems(problems));
if (result.checks.length > 0) {
  console.log(`Check ${result.checks.length === 1 ? "this judgement" : `these ${result.checks.length} judgements`} against the printed page:`);
  for (const check of result.checks) console.log(`${shown(target)}:${check.line}: ${check.why}`);
}
if (hasErrors(problems)) process.exit(1);

/** The command line: the export's path, --force, and the content root (default: the project). */
function readArguments(): { exportFile: string; force: boolean; contentRoot: string } {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { force: { type: "boolean", default: false }, content: { type: "string" } },
  });
  const [exportFile, ...extra] = positionals;
  if (!exportFile) throw new Error("Give the layout export to import.");
  if (extra.length > 0) throw new Error(`Import one export at a time; also given: ${extra.join(" ")}.`);
  return { exportFile, force: values.force ?? false, contentRoot: path.resolve(values.content ?? projectRoot) };
}
