// `npm run check`: validates every issue file without building, and prints each problem as file:line, field, what is wrong and what to do.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { loadArchive } from "../src/archive.ts";
import { formatProblems, hasErrors } from "../src/problems.ts";
import { optionValue } from "./build.ts";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const contentRoot = path.resolve(optionValue("content") ?? projectRoot);
const archive = await loadArchive(contentRoot);
const report = formatProblems(archive.problems);
if (report) console.error(report);
if (hasErrors(archive.problems)) process.exit(1);
console.log(`Checked ${archive.issues.length} issue${archive.issues.length === 1 ? "" : "s"}: ${archive.problems.length === 0 ? "no problems" : "no errors"}.`);
