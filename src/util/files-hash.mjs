// The hash of a set of the project's files by their paths and bytes: what a build's code fingerprint is made of (build-fingerprint.ts)
// and what names the bundle of the commands npm runs (run-command.mjs). Plain JavaScript, so that run-command.mjs can load it before any
// compiler is loaded.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/**
 * The files of `entry` (a file, or every file below a folder), relative to `base`, sorted; none when it does not exist.
 * @param {string} base
 * @param {string} entry
 * @returns {string[]}
 */
function filesUnder(base, entry) {
  const full = path.join(base, entry);
  const info = statSync(full, { throwIfNoEntry: false });
  if (!info) return [];
  if (info.isFile()) return [entry];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((name) => name.isFile())
    .map((name) => path.relative(base, path.join(name.parentPath, name.name)))
    .sort();
}

/**
 * The SHA-256 (hex) of every file of `entries` below `root`, in the order given, each by its path and bytes.
 * @param {string} root
 * @param {readonly string[]} entries
 * @returns {string}
 */
export function filesHash(root, entries) {
  const hash = createHash("sha256");
  for (const entry of entries) {
    for (const file of filesUnder(root, entry)) hash.update(`code ${file}\0`).update(readFileSync(path.join(root, file))).update("\0");
  }
  return hash.digest("hex");
}
