// The build's files import one another in one direction (no circle), no function of theirs is longer than a reader can hold (80 lines),
// and the cache's layout is spelled in one module (src/build/cache-layout.ts), as the site's is in src/paths.ts.
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import ts from "typescript";
import { projectRoot } from "../../src/project.ts";
import {
  buildRecordFile,
  bundleEntry,
  CACHE_FOLDERS,
  cacheFolder,
  entryOfPublished,
  LEFT_OUT_OF_DEPLOY_CACHE,
  PART_SEARCH_INPUT,
  partEntry,
} from "../../src/build/cache-layout.ts";

const buildDir = path.join(projectRoot, "src", "build");

/** Each file of `dir` and the files of `dir` it imports, types and imports when needed (`import("./…")`) included. */
async function importsOf(dir: string): Promise<Map<string, string[]>> {
  const graph = new Map<string, string[]>();
  for (const name of (await readdir(dir)).filter((file) => /\.(ts|js)$/.test(file))) {
    const text = await readFile(path.join(dir, name), "utf8");
    graph.set(
      name,
      [...text.matchAll(/^(?:import|export)[^;]*?from "\.\/([^"/]+)"|\bimport\("\.\/([^"/]+)"\)/gms)].map((match) => (match[1] ?? match[2])!),
    );
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
  const graph = new Map([
    ["a.ts", ["b.ts"]],
    ["b.ts", ["c.ts"]],
    ["c.ts", ["a.ts"]],
    ["d.ts", ["a.ts"]],
  ]);
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
      const named =
        "name" in node && node.name
          ? (node.name as ts.Node).getText(tree)
          : ts.isVariableDeclaration(node.parent)
            ? node.parent.name.getText(tree)
            : "(anonymous)";
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

/**
 * Where `source` spells one of the cache's folder `names` to reach it: a path joined or resolved with it, or a path compared with it
 * (`cacheFolder(cacheDir, "parts")` names it by its key, which the compiler checks, and is not spelling it).
 */
function spelledFolders(file: string, source: string, names: readonly string[]): string[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && names.includes(node.text)) {
      const parent = node.parent;
      const joined = ts.isCallExpression(parent) && /(?:^|\.)(?:join|resolve)$/.test(parent.expression.getText(tree));
      const compared =
        ts.isBinaryExpression(parent) &&
        [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken].includes(parent.operatorToken.kind);
      if (joined || compared) found.push(`${file}:${tree.getLineAndCharacterOfPosition(node.getStart(tree)).line + 1} ${parent.getText(tree)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

const FOLDER_NAMES = [...Object.values(CACHE_FOLDERS), PART_SEARCH_INPUT];

test("should spell no folder of the cache outside cache-layout.ts", async () => {
  const spelled: string[] = [];
  const src = path.join(projectRoot, "src");
  for (const name of (await readdir(src, { recursive: true })).filter((file) => file.endsWith(".ts") && path.basename(file) !== "cache-layout.ts")) {
    spelled.push(...spelledFolders(`src/${name}`, await readFile(path.join(src, name), "utf8"), FOLDER_NAMES));
  }
  assert.deepEqual(spelled, []);
});

test("should find a folder of the cache spelled in a path or a comparison, so the check above can fail", () => {
  const source = [
    `const parts = path.join(cacheDir, "parts");`,
    `const kind = relative[0] === "images" ? "image derivatives" : "other";`,
    `const input = join(entry, \`search-input\`);`,
    `const named = cacheFolder(cacheDir, "parts");`,
    `const label = "parsed";`,
  ].join("\n");
  assert.deepEqual(spelledFolders("x.ts", source, FOLDER_NAMES), [
    `x.ts:1 path.join(cacheDir, "parts")`,
    `x.ts:2 relative[0] === "images"`,
    "x.ts:3 join(entry, `search-input`)",
  ]);
});

test("should derive what CI leaves out, the records of an output folder and a published entry from the one layout", () => {
  const cacheDir = path.join(projectRoot, ".cache");
  const entry = partEntry(path.join(cacheFolder(cacheDir, "parts"), "2022-11", "abc"));
  const bundle = bundleEntry(path.join(cacheFolder(cacheDir, "search"), "2022-11", "abc"));
  assert.deepEqual(LEFT_OUT_OF_DEPLOY_CACHE, [
    path.relative(cacheDir, path.join(path.dirname(path.dirname(path.dirname(entry.site))), "*", "*", path.basename(entry.site))),
    path.relative(cacheDir, cacheFolder(cacheDir, "images")),
    path.relative(cacheDir, path.join(cacheFolder(cacheDir, "parsed"), "*", "*")),
    path.relative(cacheDir, path.join(cacheFolder(cacheDir, "parts"), "*", "*", path.basename(entry.searchInput))),
    path.relative(cacheDir, path.join(cacheFolder(cacheDir, "search"), "*", "*", path.basename(bundle.files))),
  ]);
  assert.deepEqual(entryOfPublished(entry.site), { dir: entry.dir, manifest: entry.manifest, below: "site/" });
  assert.equal(buildRecordFile(cacheDir, "_site"), buildRecordFile(cacheDir, path.resolve("_site")), "one output folder, one name");
  assert.notEqual(buildRecordFile(cacheDir, "_site", "a"), buildRecordFile(cacheDir, "_site", "b"));
  assert.equal(path.dirname(buildRecordFile(cacheDir, "_site")), cacheFolder(cacheDir, "builds"));
});
