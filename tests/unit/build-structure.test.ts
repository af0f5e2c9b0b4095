// The build's files import one another in one direction (no circle), and the cache's layout is spelled in one module
// (src/build/cache-layout.ts), as the site's is in src/paths.ts.
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { projectRoot } from "../../src/project.ts";
import { buildRecordFile, CACHE_FOLDERS, cacheFolder, entryOfPublished, LEFT_OUT_OF_DEPLOY_CACHE, partEntry } from "../../src/build/cache-layout.ts";

const buildDir = path.join(projectRoot, "src", "build");

/** Each file of `dir` and the files of `dir` it imports, types included. */
async function importsOf(dir: string): Promise<Map<string, string[]>> {
  const graph = new Map<string, string[]>();
  for (const name of (await readdir(dir)).filter((file) => /\.(ts|js)$/.test(file))) {
    const text = await readFile(path.join(dir, name), "utf8");
    graph.set(name, [...text.matchAll(/^(?:import|export)[^;]*?from "\.\/([^"/]+)"/gms)].map((match) => match[1]!));
  }
  return graph;
}

/** The circles in `graph`, each as the files around it. */
function circles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const walk = (file: string, trail: string[]): void => {
    if (state.get(file) === "done") return;
    if (state.get(file) === "open") {
      found.push([...trail.slice(trail.indexOf(file)), file]);
      return;
    }
    state.set(file, "open");
    for (const next of graph.get(file) ?? []) walk(next, [...trail, file]);
    state.set(file, "done");
  };
  for (const file of graph.keys()) walk(file, []);
  return found;
}

test("should find no import circle among the build's files", async () => {
  const graph = await importsOf(buildDir);
  assert.ok((graph.get("build.ts") ?? []).includes("render-site.ts"), "the graph is read");
  assert.deepEqual(circles(graph), []);
});

test("should find a circle where there is one, so the check above can fail", () => {
  const graph = new Map([["a.ts", ["b.ts"]], ["b.ts", ["c.ts"]], ["c.ts", ["a.ts"]], ["d.ts", ["a.ts"]]]);
  assert.deepEqual(circles(graph), [["a.ts", "b.ts", "c.ts", "a.ts"]]);
});

test("should spell no folder of the cache outside cache-layout.ts", async () => {
  const spelled: string[] = [];
  const names = Object.values(CACHE_FOLDERS);
  for (const folder of ["build", "content", "deploy", "preview", "bench"]) {
    const dir = path.join(projectRoot, "src", folder);
    for (const name of (await readdir(dir)).filter((file) => file.endsWith(".ts") && file !== "cache-layout.ts")) {
      const text = await readFile(path.join(dir, name), "utf8");
      for (const match of text.matchAll(/join\([^()\n]*cache(?:Dir)?\b[^()\n]*?,\s*"([^"]+)"/g)) {
        if (names.includes(match[1] as (typeof names)[number])) spelled.push(`src/${folder}/${name}: ${match[0]}`);
      }
    }
  }
  assert.deepEqual(spelled, []);
});

test("should derive what CI leaves out, the records of an output folder and a published entry from the one layout", () => {
  const cacheDir = path.join(projectRoot, ".cache");
  const entry = partEntry(path.join(cacheFolder(cacheDir, "parts"), "2022-11", "abc"));
  assert.deepEqual(LEFT_OUT_OF_DEPLOY_CACHE, [
    path.relative(cacheDir, path.join(path.dirname(path.dirname(path.dirname(entry.site))), "*", "*", path.basename(entry.site))),
    path.relative(cacheDir, cacheFolder(cacheDir, "images")),
  ]);
  assert.deepEqual(entryOfPublished(entry.site), { dir: entry.dir, manifest: entry.manifest, below: "site/" });
  assert.equal(buildRecordFile(cacheDir, "_site"), buildRecordFile(cacheDir, path.resolve("_site")), "one output folder, one name");
  assert.notEqual(buildRecordFile(cacheDir, "_site", "a"), buildRecordFile(cacheDir, "_site", "b"));
  assert.equal(path.dirname(buildRecordFile(cacheDir, "_site")), cacheFolder(cacheDir, "builds"));
});
