// The search page's table of traditional characters and their simplified forms, generated from OpenCC's conversion data (opencc-js) at
// build time, so that a query typed in traditional characters (東昌府訊) finds the paper's simplified text. Two scripts: a bitmap of which
// characters are traditional, small, which the search page loads with itself; and the table, which it loads only when a query holds one.
import { readdir, readFile, rm, stat } from "node:fs/promises";
import path from "node:path";
import * as OpenCC from "opencc-js";
import { exists, isStale, touch, writeAtomically } from "../util/cache-files.ts";
import { cacheFolder } from "./cache-layout.ts";

/** The script names under the site's js/. */
export const TRADITIONAL_MARKS = "zh-traditional-marks.js";
export const TRADITIONAL_TABLE = "zh-traditional.js";

/** The unified ideographs the bitmap covers; characters beyond (compatibility ideographs, extension B on) are looked up in the table. */
const MARKED_FROM = 0x3400;
const MARKED_TO = 0x9fff;
/** Ranges whose characters OpenCC may convert. */
const RANGES = [
  [MARKED_FROM, MARKED_TO],
  [0xf900, 0xfaff],
  [0x20000, 0x2fa1f],
] as const;

/** The two scripts' text, from the build cache when this code made them before (the cache key is the code's hash). */
export async function traditionalScripts(cacheDir: string, codeHash: string): Promise<Record<string, string>> {
  const folder = path.join(cacheFolder(cacheDir, "traditional"), codeHash.slice(0, 16));
  const files = [TRADITIONAL_MARKS, TRADITIONAL_TABLE];
  if ((await Promise.all(files.map((name) => exists(path.join(folder, name))))).every(Boolean)) {
    await touch(folder);
    return Object.fromEntries(await Promise.all(files.map(async (name) => [name, await readFile(path.join(folder, name), "utf8")] as const)));
  }
  const scripts = makeScripts();
  for (const [name, text] of Object.entries(scripts)) await writeAtomically(path.join(folder, name), text);
  await pruneOthers(path.dirname(folder), folder);
  return scripts;
}

/** Removes the tables other code made that no build has used for a while. */
async function pruneOthers(root: string, kept: string): Promise<void> {
  for (const name of await readdir(root)) {
    const other = path.join(root, name);
    const info = await stat(other).catch(() => undefined);
    if (other !== kept && info && isStale(info.mtimeMs)) await rm(other, { recursive: true, force: true });
  }
}

/** Every character OpenCC converts from traditional to mainland simplified on its own, with its simplified form. */
export function traditionalPairs(): [string, string][] {
  const convert = OpenCC.Converter({ from: "t", to: "cn" });
  const pairs: [string, string][] = [];
  for (const [from, to] of RANGES) {
    for (let code = from; code <= to; code++) {
      const character = String.fromCodePoint(code);
      const simplified = convert(character);
      if (simplified !== character) pairs.push([character, simplified]);
    }
  }
  return pairs;
}

function makeScripts(): Record<string, string> {
  const pairs = traditionalPairs();
  const bits = new Uint8Array(Math.ceil((MARKED_TO - MARKED_FROM + 1) / 8));
  for (const [character] of pairs) {
    const offset = character.codePointAt(0)! - MARKED_FROM;
    if (character.codePointAt(0)! <= MARKED_TO) bits[offset >> 3]! |= 1 << (offset & 7);
  }
  const header = "// Generated at build time from OpenCC's traditional-to-simplified data (opencc-js, Apache-2.0) by src/build/traditional-table.ts.\n";
  const marks =
    `${header}const BITS = Uint8Array.from(atob(${JSON.stringify(Buffer.from(bits).toString("base64"))}), (c) => c.charCodeAt(0));\n` +
    `/** Whether a character may be traditional: marked in the bitmap, or beyond the ideographs it covers. @param {string} character */\n` +
    `export function maybeTraditional(character) {\n` +
    `  const code = character.codePointAt(0) ?? 0;\n` +
    `  if (code < ${MARKED_FROM}) return false;\n` +
    `  if (code > ${MARKED_TO}) return code >= 0xf900;\n` +
    `  const offset = code - ${MARKED_FROM};\n` +
    `  return ((BITS[offset >> 3] ?? 0) & (1 << (offset & 7))) !== 0;\n` +
    `}\n`;
  const table =
    `${header}const PAIRS = ${JSON.stringify(pairs.map(([from, to]) => from + to).join(""))};\n` +
    `const SIMPLIFIED = new Map();\n` +
    `for (let at = 0, pairs = [...PAIRS]; at < pairs.length; at += 2) SIMPLIFIED.set(pairs[at], pairs[at + 1]);\n` +
    `/** The text with each traditional character in its simplified form. @param {string} text */\n` +
    `export function toSimplified(text) {\n` +
    `  return [...text].map((character) => SIMPLIFIED.get(character) ?? character).join("");\n` +
    `}\n`;
  return { [TRADITIONAL_MARKS]: marks, [TRADITIONAL_TABLE]: table };
}
