// The benchmark stops, saying why, when the build's code changes after its cold build: every later build would redo the whole site, and
// a day's build timed then means nothing (an afternoon's 11,000-issue run timed 1,265 s for one issue that way, and did not say so).
import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { sameCodeAs } from "../../src/bench/same-code.ts";

const root = await mkdtemp(path.join(tmpdir(), "baoku-same-code-"));
after(() => rm(root, { recursive: true, force: true }));

test("should let the day's builds run while the code is the one of the cold build, and stop them once it changes", async () => {
  await mkdir(path.join(root, "src"), { recursive: true });
  await mkdir(path.join(root, "public", "js"), { recursive: true });
  await writeFile(path.join(root, "src", "build.ts"), "export const x = 1;\n");
  await writeFile(path.join(root, "public", "js", "search.js"), "// the search page\n");
  const sameCode = await sameCodeAs(root);
  await sameCode("adding issue 11001");
  // Content and notes are not the build's code.
  await mkdir(path.join(root, "docs"), { recursive: true });
  await writeFile(path.join(root, "docs", "BENCHMARKS.md"), "figures\n");
  await sameCode("adding issue 11002");
  await writeFile(path.join(root, "public", "js", "search.js"), "// the search page, edited during the run\n");
  await assert.rejects(
    sameCode("adding issue 11003"),
    /^Error: adding issue 11003: the build's code \(src, templates, public, .*\) changed after the cold build/,
  );
});
