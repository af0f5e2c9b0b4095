// A build reads only the issue files that changed since its last read (content/content-files.ts, FileStamps): a file's hash is trusted
// when its size, times and inode are those its stamp recorded and it had not changed just before the stamps were taken.
import { test } from "node:test";
import assert from "node:assert/strict";
import { cp, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { contentHash, readContentFiles, type FileStamps } from "../../src/content/content-files.ts";
import { projectRoot } from "../../src/project.ts";

const FILE = "issues/2022/2022-01-04.md";

/** The stamps as if they had been taken a minute later: none of the files then changed in the moment they were taken. */
const later = (stamps: FileStamps): FileStamps => ({ ...stamps, takenMs: stamps.takenMs + 60_000 });

async function archive(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), "baoku-stamps-"));
  await cp(path.join(projectRoot, "tests/fixtures/archive-small"), root, { recursive: true });
  return root;
}

test("should hash each issue file once, then trust the stamps of the files that did not change", async () => {
  const root = await archive();
  try {
    const first = await readContentFiles(root);
    assert.ok(first.markdown.length >= 2);
    assert.equal(first.read, first.markdown.length, "a read without stamps reads every file");
    assert.ok(first.markdown.every((file) => file.bytes !== undefined));

    const second = await readContentFiles(root, later(first.stamps));
    assert.equal(second.read, 0, "nothing changed, nothing read");
    assert.deepEqual(
      second.markdown.map(({ file, hash }) => [file, hash]),
      first.markdown.map(({ file, hash }) => [file, hash]),
    );
    assert.ok(second.markdown.every((file) => file.bytes === undefined));
    assert.deepEqual(second.stamps.files, first.stamps.files);

    await writeFile(path.join(root, FILE), `${await readFile(path.join(root, FILE), "utf8")}\n新增的一段。\n`);
    const third = await readContentFiles(root, later(first.stamps));
    assert.equal(third.read, 1, "only the edited file is read");
    const edited = third.markdown.find((file) => file.file === FILE);
    assert.equal(edited?.hash, contentHash(await readFile(path.join(root, FILE))));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test("should read again a file edited with its size and time kept, a file changed as the stamps were taken, and a file of another inode", async () => {
  const root = await archive();
  try {
    const file = path.join(root, FILE);
    const first = await readContentFiles(root);
    const stamp = first.stamps.files[FILE];
    assert.ok(stamp);

    // The same size and the same time (as `touch -d` would set it back): only the ctime, which no program can set, tells.
    const text = await readFile(file, "utf8");
    const changed = text.replace("东昌府", "聊城市");
    assert.equal(Buffer.byteLength(changed), Buffer.byteLength(text));
    assert.notEqual(changed, text);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await writeFile(file, changed);
    const now = await stat(file);
    const sameSizeAndTime = later({
      ...first.stamps,
      files: { ...first.stamps.files, [FILE]: { ...stamp, size: now.size, mtimeMs: now.mtimeMs, ino: now.ino } },
    });
    const edited = await readContentFiles(root, sameSizeAndTime);
    assert.equal(edited.read, 1);
    assert.equal(edited.markdown.find((each) => each.file === FILE)?.hash, contentHash(Buffer.from(changed)));

    // Racily clean (git's name): a stamp taken in the moment the file last changed could hide a second change in the same tick.
    const racy = await readContentFiles(root, edited.stamps);
    assert.ok(racy.read >= 1, "files changed within two seconds of the stamps are read again");

    // Another machine, or a copied archive: every inode differs, and every file is read.
    const copy = await archive();
    try {
      await writeFile(path.join(copy, FILE), changed);
      const moved = await readContentFiles(copy, later(edited.stamps));
      assert.equal(moved.read, moved.markdown.length);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
