// A copy of the small fixture archive (tests/fixtures/archive-small) to build and edit: the setup of every test that changes an archive
// between builds of it.
import { cp, mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { projectRoot } from "../../src/project.ts";

export interface SmallArchive {
  /** The temporary folder holding it all: remove it when done. */
  root: string;
  contentRoot: string;
  /** Where a build of it puts its site, and its cache: beside the content, in `root`. */
  outputDir: string;
  cacheDir: string;
}

/** The small fixture archive copied into a new temporary folder named from `prefix`. */
export async function smallArchive(prefix: string): Promise<SmallArchive> {
  return smallArchiveIn(await mkdtemp(path.join(os.tmpdir(), prefix)));
}

/** The small fixture archive copied into `root`. */
export async function smallArchiveIn(root: string): Promise<SmallArchive> {
  const contentRoot = path.join(root, "content");
  await cp(path.join(projectRoot, "tests/fixtures/archive-small"), contentRoot, { recursive: true });
  return { root, contentRoot, outputDir: path.join(root, "_site"), cacheDir: path.join(root, "cache") };
}
