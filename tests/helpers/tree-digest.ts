// The files of a folder with the hash of each one's bytes, so two built sites compare equal only when they are byte for byte the same.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** Every file under `root`, relative to it and sorted, mapped to the SHA-256 of its bytes. */
export async function treeDigest(root: string): Promise<Map<string, string>> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
    .sort();
  const digest = new Map<string, string>();
  for (const file of files)
    digest.set(
      file,
      createHash("sha256")
        .update(await readFile(path.join(root, file)))
        .digest("hex"),
    );
  return digest;
}
