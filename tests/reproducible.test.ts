// The same input gives the same site, byte for byte: pages, images, the search index, whatever the output folder and whether images come from the cache.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { buildSite } from "../src/build/build.ts";
import { testRenderPool } from "./helpers/render-pool.ts";
import { treeDigest } from "./helpers/tree-digest.ts";
import { projectRoot } from "../src/project.ts";
import { report } from "./helpers/report.ts";

const workDir = await mkdtemp(path.join(tmpdir(), "baoku-reproducible-"));

/** A one-issue archive with a photo, so image encoding is part of what must come out the same. */
async function archiveWithPhoto(): Promise<string> {
  const root = path.join(workDir, "with-photo");
  await mkdir(path.join(root, "issues", "2022", "2022-11-01"), { recursive: true });
  await copyFile(path.join(projectRoot, "baoku.config.json"), path.join(root, "baoku.config.json"));
  const pixels = Buffer.from(Array.from({ length: 64 * 48 * 3 }, (_, index) => (index * 37) % 256));
  await sharp(pixels, { raw: { width: 64, height: 48, channels: 3 } })
    .jpeg()
    .toFile(path.join(root, "issues", "2022", "2022-11-01", "photo.jpg"));
  await writeFile(
    path.join(root, "issues", "2022", "2022-11-01.md"),
    [
      "---",
      "issue: 1480",
      "date: 2022-11-01",
      "lunar: 壬寅年十月初八",
      "pages: 4",
      "---",
      "",
      "# 第1版 要闻",
      "",
      "## 标题",
      "",
      "正文。",
      "",
      '![说明](photo.jpg "融媒体 张三 摄")',
      "",
      "(融媒体 张三)",
      "",
    ].join("\n"),
  );
  return root;
}

after(async () => {
  await rm(workDir, { recursive: true, force: true });
});

const archives = [
  ["the bundled archive", projectRoot],
  ["the small fixture archive", path.join(projectRoot, "tests", "fixtures", "archive-small")],
  ["an archive with a photo", await archiveWithPhoto()],
] as const;

for (const [name, contentRoot] of archives) {
  test(`should build ${name} twice, from clean, into byte-identical trees`, async () => {
    const sites = [];
    for (const run of ["first", "second"]) {
      const outputDir = path.join(workDir, `${name.replace(/\W+/g, "-")}-${run}`, "_site");
      const result = await buildSite({
        renderPool: testRenderPool(),
        contentRoot,
        outputDir,
        cacheDir: path.join(workDir, `cache-${name.replace(/\W+/g, "-")}-${run}`),
      });
      assert.ok(result.ok, report(result.problems));
      sites.push(await treeDigest(outputDir));
    }
    const [first, second] = sites as [Map<string, string>, Map<string, string>];
    assert.deepEqual([...second.keys()], [...first.keys()], "the same files");
    const differing = [...first].filter(([file, hash]) => second.get(file) !== hash).map(([file]) => file);
    assert.deepEqual(differing, [], "the same bytes");
    assert.ok(first.size > 10, `${first.size} files`);
    if (name === "an archive with a photo")
      assert.ok(
        [...first.keys()].some((file) => /\.(jpe?g|webp|avif)$/.test(file)),
        "the photo is published",
      );
  });
}
