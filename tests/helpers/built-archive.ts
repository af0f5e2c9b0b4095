// The input archives that several test files only read — the bundled archive, the image archive, and the search-ranking archive split
// into bundles two ways — each built once per run of the suite and served by each file that asks: the first file to ask builds it, the
// others wait for that build (the build's own lock on the output folder) and then find the site up to date (its fingerprint), so they
// read it at no cost. A site is kept between runs in the system's temporary folder and built again whenever the code or the content
// changes.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before } from "node:test";
import { buildSite, type BuildOptions } from "../../src/build/build.ts";
import { lockOutput } from "../../src/build/build-lock.ts";
import { projectRoot } from "../../src/project.ts";
import { serveStatic, type StaticServer } from "../../src/util/static-server.ts";
import { searchArchive } from "./filler-archive.ts";
import { makeImageArchive } from "./image-archive.ts";
import { testRenderPool } from "./render-pool.ts";
import { report } from "./report.ts";
import { QUERIES } from "./search-queries.ts";
import { bundleCount } from "./search-page.ts";

/**
 * The archives tests share: `bundled` is the project's own issues/ and configuration; `images` is tests/helpers/image-archive.ts's;
 * `ranking` is the bundled issue among two months of filler written from its own character pairs plus an issue of mixed scripts
 * (RANKING_FILLER), split into search bundles by the default rule (a month a bundle: three), and `ranking-by-year` the same content with
 * a year's months in one bundle (two).
 */
export type ArchiveName = "bundled" | "images" | "ranking" | "ranking-by-year";

/** The filler of the ranking archive: two months (November and December 2022), so a month a bundle makes them two bundles and 2023 the third. */
export const RANKING_FILLER = { issues: 40, articlesPerIssue: 8, paragraphsPerArticle: 12, mix: "markov", avoid: QUERIES.map((each) => each.query) } as const;

/** Where each archive's content comes from, and how its build differs from the default. */
const ARCHIVES: Record<ArchiveName, { content: "bundled" | "images" | "ranking"; build?: Pick<BuildOptions, "searchBundleArticles"> }> = {
  bundled: { content: "bundled" },
  images: { content: "images" },
  ranking: { content: "ranking" },
  "ranking-by-year": { content: "ranking", build: { searchBundleArticles: 100_000 } },
};

/**
 * How each generated content is made: by `make`, from the helpers named (in tests/helpers) and the options given; it is made again when
 * any of them changes, and not for an edit elsewhere in this file.
 */
const GENERATED = {
  images: { make: makeImageArchive, helpers: ["image-archive.ts"], options: {} },
  ranking: { make: (root: string) => searchArchive(RANKING_FILLER, root), helpers: ["filler-archive.ts", "search-queries.ts"], options: RANKING_FILLER },
} as const;

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
  const { content, build } = ARCHIVES[name];
  const contentRoot = content === "bundled" ? projectRoot : await generatedContent(path.join(sharedRoot, `${content}-content`), GENERATED[content]);
  const siteDir = path.join(dir, "site");
  const result = await buildSite({
    contentRoot,
    outputDir: siteDir,
    cacheDir: path.join(dir, "cache"),
    skipWhenUnchanged: true,
    renderPool: testRenderPool(),
    ...build,
  });
  assert.ok(result.ok, `the ${name} archive should build:\n${report(result.problems)}`);
  return { contentRoot, siteDir };
}

/**
 * Registers `before` and `after` hooks in the calling file (or suite) that build `names` once and serve each on 127.0.0.1; the returned
 * object is filled in by `before`.
 */
export function servedArchives<Name extends ArchiveName>(...names: Name[]): Record<Name, BuiltArchive & { server: StaticServer }> {
  return servedArchivesThen(names, async () => {});
}

/** `servedArchives`, then `then` with them, in the same `before` (the hooks of a file's top level do not wait for each other). */
function servedArchivesThen<Name extends ArchiveName>(
  names: readonly Name[],
  then: (served: Record<Name, BuiltArchive & { server: StaticServer }>) => Promise<void>,
): Record<Name, BuiltArchive & { server: StaticServer }> {
  const served = {} as Record<Name, BuiltArchive & { server: StaticServer }>;
  before(async () => {
    for (const name of names) {
      const archive = await builtArchive(name);
      served[name] = { ...archive, server: await serveStatic(archive.siteDir) };
    }
    await then(served);
  });
  after(async () => {
    for (const name of names) await served[name]?.server.close();
  });
  return served;
}

/**
 * Registers hooks that serve the ranking archive's two sites (`servedArchives`) and check the split: `byDefault` a month a bundle (three
 * bundles), `byYear` a year's months together (two). The returned object is filled in by `before`.
 */
export function servedRankingSites(): { byDefault: StaticServer; byYear: StaticServer } {
  const sites = {} as { byDefault: StaticServer; byYear: StaticServer };
  servedArchivesThen(["ranking", "ranking-by-year"] as const, async (archives) => {
    assert.deepEqual(
      [await bundleCount(archives.ranking.siteDir), await bundleCount(archives["ranking-by-year"].siteDir)],
      [3, 2],
      "the archive is split two ways",
    );
    Object.assign(sites, { byDefault: archives.ranking.server, byYear: archives["ranking-by-year"].server });
  });
  return sites;
}

/**
 * A generated content root at `root`, made by `make` once and kept while the helpers that make it and its options are unchanged, so
 * its files keep the times the build's fingerprint reads. Made beside and renamed into place, under a lock, so a file running at the same
 * time never reads half of it.
 */
async function generatedContent(
  root: string,
  { make, helpers, options }: { make: (root: string) => Promise<string>; helpers: readonly string[]; options: object },
): Promise<string> {
  const hash = createHash("sha256").update(JSON.stringify(options));
  for (const helper of helpers) hash.update(await readFile(path.join(import.meta.dirname, helper)));
  const key = hash.digest("hex");
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
