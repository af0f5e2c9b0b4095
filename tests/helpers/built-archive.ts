// The input archives that many test files only read — the bundled archive and the image archive — each built once per run of the suite
// and served by each file that asks: the first file to ask builds it, the others wait for that build (the build's own lock on the
// output folder) and then find the site up to date (its fingerprint), so they read it at no cost. A site is kept between runs in the
// system's temporary folder and built again whenever the code or the content changes.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before } from "node:test";
import { buildSite } from "../../src/build/build.ts";
import { lockOutput } from "../../src/build/build-lock.ts";
import { projectRoot } from "../../src/project.ts";
import { serveStatic, type StaticServer } from "../../src/util/static-server.ts";
import { makeImageArchive } from "./image-archive.ts";
import { testRenderPool } from "./render-pool.ts";
import { report } from "./report.ts";

/** The archives tests share: `bundled` is the project's own issues/ and configuration; `images` is tests/helpers/image-archive.ts's. */
export type ArchiveName = "bundled" | "images";

export interface BuiltArchive {
  /** The folder holding the archive's `issues/` and `baoku.config.json`. Read it; never write to it. */
  contentRoot: string;
  /** The built site. Read it; never write to it. */
  siteDir: string;
}

/** Where this checkout's shared archives live: one folder per project, so two checkouts on one machine never share a site. */
const sharedRoot = path.join(tmpdir(), "baoku-test-archives", createHash("sha256").update(projectRoot).digest("hex").slice(0, 12));

/** The archive `name`, built (or found up to date) for this run. */
export async function builtArchive(name: ArchiveName): Promise<BuiltArchive> {
  const dir = path.join(sharedRoot, name);
  const contentRoot = name === "bundled" ? projectRoot : await generatedContent(path.join(dir, "content"), makeImageArchive, "image-archive.ts");
  const siteDir = path.join(dir, "site");
  const result = await buildSite({ contentRoot, outputDir: siteDir, cacheDir: path.join(dir, "cache"), skipWhenUnchanged: true, renderPool: testRenderPool() });
  assert.ok(result.ok, `the ${name} archive should build:\n${report(result.problems)}`);
  return { contentRoot, siteDir };
}

/**
 * Registers `before` and `after` hooks in the calling file (or suite) that build `names` once and serve each on 127.0.0.1; the returned
 * object is filled in by `before`.
 */
export function servedArchives<Name extends ArchiveName>(...names: Name[]): Record<Name, BuiltArchive & { server: StaticServer }> {
  const served = {} as Record<Name, BuiltArchive & { server: StaticServer }>;
  before(async () => {
    for (const name of names) {
      const archive = await builtArchive(name);
      served[name] = { ...archive, server: await serveStatic(archive.siteDir) };
    }
  });
  after(async () => {
    for (const name of names) await served[name]?.server.close();
  });
  return served;
}

/**
 * A generated content root at `root`, made by `make` once and kept while the helper that makes it (`helperFile`, in tests/helpers) is
 * unchanged, so its images keep the times the build's fingerprint reads. Made beside and renamed into place, under a lock, so a file
 * running at the same time never reads half of it.
 */
async function generatedContent(root: string, make: (root: string) => Promise<string>, helperFile: string): Promise<string> {
  const key = createHash("sha256")
    .update(await readFile(path.join(import.meta.dirname, helperFile)))
    .digest("hex");
  const keyFile = `${root}.key`;
  const release = await lockOutput(root);
  try {
    if (existsSync(root) && (await readFile(keyFile, "utf8").catch(() => "")) === key) return root;
    const fresh = `${root}.new`;
    await rm(fresh, { recursive: true, force: true });
    await make(fresh);
    await rm(root, { recursive: true, force: true });
    await rename(fresh, root);
    await writeFile(keyFile, key);
    return root;
  } finally {
    await release();
  }
}
