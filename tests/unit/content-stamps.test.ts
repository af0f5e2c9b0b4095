// A build reads only the issue files that changed since its last read (content/content-files.ts, FileStamps): a file's hash is trusted
// when its size, times and inode are those its stamp recorded and it had not changed just before the stamps were taken, or, in a fresh
// checkout, when git's index holds it unchanged with the object id its stamp recorded.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { commitAll, git } from "../helpers/git-archive.ts";
import { contentHash, readContentFiles, type FileStamps } from "../../src/content/content-files.ts";
import { projectRoot } from "../../src/project.ts";

const FILE = "issues/2022/2022-01-04.md";
const IMAGE_FOLDER = "issues/2022/2022-01-04";

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

test("should trust, in a fresh checkout, the stamps of the files git's index holds unchanged, images included, and read the others", async () => {
  const root = await archive();
  const clone = `${root}-clone`;
  try {
    await mkdir(path.join(root, IMAGE_FOLDER), { recursive: true });
    await writeFile(path.join(root, IMAGE_FOLDER, "photo.jpg"), Buffer.alloc(5000, 7));
    await commitAll(root, "archive", "2022-11-02T08:00:00+08:00");
    // Git is asked whatever the bytes to read: the archive here is far under ASK_GIT_ABOVE_BYTES.
    const first = await readContentFiles(root, undefined, 0);
    assert.equal(first.read, first.markdown.length + first.others.length, "a read without stamps reads every file, images too");
    assert.ok(
      Object.values(first.stamps.files).every((stamp) => /^[0-9a-f]{40}$/.test(stamp.blob ?? "")),
      "each stamp keeps git's object id",
    );
    const photo = first.others.find((other) => other.file.endsWith("photo.jpg"));
    assert.equal(photo?.hash, contentHash(Buffer.alloc(5000, 7)), "an image is known by its bytes, not its time");

    // A fresh checkout, as CI makes on every run: other times and inodes, the same content.
    await git(path.dirname(root), ["clone", "-q", root, clone]);
    // A file system monitor the repository's configuration names is not started.
    const monitor = `${clone}-monitor.sh`;
    await writeFile(monitor, `#!/bin/sh\ntouch '${monitor}.ran'\n`, { mode: 0o755 });
    await git(clone, ["config", "core.fsmonitor", monitor]);
    // A few kilobytes to read are read rather than asked of git.
    const few = await readContentFiles(clone, first.stamps);
    assert.equal(few.read, first.read);
    const fresh = await readContentFiles(clone, first.stamps, 0);
    assert.equal(existsSync(`${monitor}.ran`), false, "no monitor ran");
    assert.equal(fresh.read, 0, "git vouches for every file");
    assert.ok(fresh.restamped, "the stamps are brought up to the checkout's times");
    assert.deepEqual(
      [...fresh.markdown, ...fresh.others].map(({ file, hash }) => [file, hash]),
      [...first.markdown, ...first.others].map(({ file, hash }) => [file, hash]),
    );

    // An edit not committed, a file git is told to assume unchanged, and a stamp whose size is not the file's (a line-ending conversion
    // turned on since the stamp was made, say): each is read.
    // The edits keep each file's size, which the stamp alone would not tell.
    const sameSize = async (file: string) => {
      const text = await readFile(path.join(clone, file), "utf8");
      assert.ok(text.includes("东昌府"));
      await writeFile(path.join(clone, file), text.replace("东昌府", "聊城市"));
    };
    await sameSize(FILE);
    const assumed = "issues/2022/2022-01-03.md";
    await git(clone, ["update-index", "--assume-unchanged", assumed]);
    await sameSize(assumed);
    const resized = photo!.file;
    const stamps: FileStamps = { ...first.stamps, files: { ...first.stamps.files, [resized]: { ...first.stamps.files[resized]!, size: 1 } } };
    const edited = await readContentFiles(clone, stamps, 0);
    assert.equal(edited.read, 3);
    assert.equal(edited.markdown.find(({ file }) => file === FILE)?.hash, contentHash(await readFile(path.join(clone, FILE))));
    assert.equal(edited.markdown.find(({ file }) => file === assumed)?.hash, contentHash(await readFile(path.join(clone, assumed))));
  } finally {
    await rm(root, { recursive: true, force: true });
    await rm(clone, { recursive: true, force: true });
    await rm(`${clone}-monitor.sh`, { force: true });
    await rm(`${clone}-monitor.sh.ran`, { force: true });
  }
});
