// `npm run bench -- [--sizes 300,1000,4000,11000] [--no-baseline] [--hugo-max 1000] [--search-only] [--work-dir <dir>]`: builds synthetic
// archives of N daily issues with Baoku and then with plain Eleventy and with Hugo + Pagefind in one run, and prints the figures
// (src/bench/bench.ts); --search-only measures the cold build, search and the day's builds only.
// For developers: its figures are in English.
import os from "node:os";
import path from "node:path";
import { DEFAULT_SIZES, runBench } from "../src/bench/bench.ts";
import { readCommandLine } from "../src/cli.ts";

const { values } = readCommandLine(
  {
    sizes: { type: "string" },
    "work-dir": { type: "string" },
    "no-baseline": { type: "boolean" },
    "hugo-max": { type: "string" },
    "search-only": { type: "boolean" },
  },
  "benchUsage",
);
await runBench({
  sizes: values.sizes ? values.sizes.split(",").map(Number) : DEFAULT_SIZES,
  workDir: values["work-dir"] ?? path.join(os.tmpdir(), "baoku-bench"),
  withBaseline: !values["no-baseline"],
  hugoMax: values["hugo-max"] ? Number(values["hugo-max"]) : 1000,
  searchOnly: Boolean(values["search-only"]),
});
