// The commands npm runs from a bundle (src/run-command.mjs, src/commands.ts): made whole into place, and the bundles of other versions
// of the code removed only once no command has started from them for an hour, since a build still running loads its split modules late.
import assert from "node:assert/strict";
import { test } from "node:test";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, utimes } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { BUNDLED_COMMANDS, bundleCommands } from "../../src/commands.ts";

test("should make every command's bundle, and remove another version's only when unused for an hour", async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), "baoku-commands-"));
  try {
    const [recent, old] = [path.join(root, "recent"), path.join(root, "old")];
    await mkdir(recent);
    await mkdir(old);
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    await utimes(old, twoHoursAgo, twoHoursAgo);
    await bundleCommands(path.join(root, "current"));
    for (const name of BUNDLED_COMMANDS) assert.ok(existsSync(path.join(root, "current", "scripts", `${name}.mjs`)), name);
    assert.deepEqual((await readdir(root)).sort(), ["current", "recent"]);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
