// The preview's watcher: ready when it says so. chokidar hears nothing in a folder it has not read yet, and the preview said it was
// watching before its watchers had read the archive, so a save made at once went unheard (seen under load, and certain in an archive of
// thousands of files, whose reading takes seconds).
import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { watchSources } from "../../src/preview/watch.ts";

test("should hear a save made as soon as the watchers are ready, in an archive of thousands of files", async () => {
  const root = await mkdtemp(path.join(tmpdir(), "baoku-watch-"));
  try {
    // Thirty years of issue files, in a folder a year.
    for (let year = 1995; year < 2025; year++) {
      await mkdir(path.join(root, String(year)));
      await Promise.all(Array.from({ length: 100 }, (_, day) => writeFile(path.join(root, String(year), `${year}-${day}.md`), "")));
    }
    let heard = 0;
    const watchers = await watchSources(
      [{ path: root, recursive: true }],
      () => heard++,
      (_source, error) => assert.fail(error),
    );
    try {
      await writeFile(path.join(root, "2024", "2024-0.md"), "改动");
      for (let waited = 0; waited < 100 && heard === 0; waited++) await new Promise((resolve) => setTimeout(resolve, 50));
      assert.ok(heard > 0, "the save right after the watchers were ready was heard");
    } finally {
      await Promise.all(watchers.map((watcher) => watcher.close()));
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
