// The build's files import one another in one direction (no circle), no function of theirs is longer than a reader can hold (80 lines),
// and the cache's layout is spelled in one module (src/build/cache-layout.ts), as the site's is in src/paths.ts.
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import ts from "typescript";
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

/** The longest a function's body may be, in lines, braces included. */
const MAX_FUNCTION_LINES = 80;

/** Each function, method, accessor or arrow function of `source` whose body is longer than `limit` lines, as "file:line name (N lines)". */
function longFunctions(file: string, source: string, limit: number): string[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const lineOf = (position: number) => tree.getLineAndCharacterOfPosition(position).line + 1;
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && "body" in node && node.body) {
      const body = node.body as ts.Node;
      const lines = lineOf(body.getEnd()) - lineOf(body.getStart(tree)) + 1;
      const named = "name" in node && node.name ? (node.name as ts.Node).getText(tree) : ts.isVariableDeclaration(node.parent) ? node.parent.name.getText(tree) : "(anonymous)";
      if (lines > limit) found.push(`${file}:${lineOf(node.getStart(tree))} ${named} (${lines} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

test("should find no function over 80 lines in the build's files", async () => {
  const files = (await readdir(buildDir)).filter((file) => /\.(ts|js)$/.test(file));
  assert.ok(files.includes("render-site.ts"), "the files are read");
  const long: string[] = [];
  for (const file of files) long.push(...longFunctions(file, await readFile(path.join(buildDir, file), "utf8"), MAX_FUNCTION_LINES));
  assert.deepEqual(long, []);
});

test("should count a long function's lines, nested or not, so the check above can fail", () => {
  const body = (lines: number) => Array.from({ length: lines - 2 }, (_, index) => `  const a${index} = ${index};`).join("\n");
  const source = [
    `export async function outer() {\n${body(60)}\n  const inner = () => {\n${body(22)}\n  };\n}`,
    `class Site {\n  render() {\n${body(81)}\n  }\n}`,
    `const short = function () {\n${body(80)}\n};`,
  ].join("\n");
  assert.deepEqual(longFunctions("x.ts", source, 80), ["x.ts:1 outer (82 lines)", "x.ts:84 render (81 lines)"]);
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
