// `npm test` and `npm run test:unit`: runs the test files with node:test, three at a time, the slowest first. Node's own `--test` sorts
// the files it is given by name, which started the four slowest browser files (minutes each) together near the end; `run()` keeps the
// order given. `--unit` runs tests/unit/ only (no build, browser or server), two at a time.
import { readdir } from "node:fs/promises";
import path from "node:path";
import { run } from "node:test";
import { spec } from "node:test/reporters";
import { projectRoot } from "../src/project.ts";

/**
 * The files that take longest, from a full run of the suite on this project's two-core machine (docs/BENCHMARKS.md, "The test suite"),
 * started first so none of them runs on alone at the end; the rest follow by name. Those that drive Chromium alternate with those that
 * build or deploy: started together, the four heaviest browser files each took 1.2–1.4 times as long as beside the others, and the run
 * more CPU time (Playwright polls while it waits). A file missing here only starts later.
 */
const SLOWEST_FIRST = [
  "search-ranking",
  "incremental-build",
  "deploy",
  "reading-room",
  "deploy-targets",
  "search",
  "atomic-build",
  "build-fingerprint",
  "reading-room-two",
  "deploy-from-cache",
  "hostile-round-two",
  "hotspot-drawing",
  "preview",
  "browser",
  "csp",
  "images-browser",
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
