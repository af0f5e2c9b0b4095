// `npm test` and `npm run test:unit`: runs the test files with node:test, three at a time, the slowest first. Node's own `--test` sorts
// the files it is given by name, which left the four slowest (minutes each) to start last and run on alone while the two cores idled;
// `run()` keeps the order given. `--unit` runs tests/unit/ only (no build, browser or server).
import { readdir } from "node:fs/promises";
import path from "node:path";
import { run } from "node:test";
import { spec } from "node:test/reporters";
import { projectRoot } from "../src/project.ts";

/**
 * The files that take longest, slowest first, from a full run of the suite on this project's two-core machine (docs/BENCHMARKS.md,
 * "The test suite"); the rest follow by name. A file missing here only starts later.
 */
const SLOWEST_FIRST = [
  "search-ranking",
  "reading-room",
  "search",
  "reading-room-two",
  "deploy",
  "incremental-build",
  "deploy-targets",
  "atomic-build",
  "build-fingerprint",
  "hotspot-drawing",
  "preview",
  "browser",
  "csp",
  "deploy-from-cache",
  "images-browser",
  "hostile-round-two",
];

const unitOnly = process.argv.includes("--unit");
const testsDir = path.join(projectRoot, "tests");
const inFolder = async (dir: string) =>
  (await readdir(dir))
    .filter((name) => name.endsWith(".test.ts"))
    .sort()
    .map((name) => path.join(dir, name));
const suite = unitOnly ? [] : await inFolder(testsDir);
const rank = (file: string) => {
  const at = SLOWEST_FIRST.indexOf(path.basename(file, ".test.ts"));
  return at === -1 ? SLOWEST_FIRST.length : at;
};
const files = [...suite.sort((a, b) => rank(a) - rank(b)), ...(await inFolder(path.join(testsDir, "unit")))];

const stream = run({ files, concurrency: unitOnly ? 2 : 3 });
stream.on("test:fail", () => {
  process.exitCode = 1;
});
stream.compose(new spec()).pipe(process.stdout);
