// The SSH server the deploy tests and the benchmark start: stopping it ends the sessions still open on it (a deploy killed midway leaves
// its shared connection open for a minute), which held the server's stderr and kept a finished test file running until they timed out.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { sshServerOrSkip } from "./helpers/ssh.ts";

test("should end the sessions still open on the server when it stops, a shared connection's included", async (t) => {
  const server = await sshServerOrSkip();
  if (!server) return t.skip("no sshd");
  const dir = await mkdtemp(path.join(tmpdir(), "baoku-ssh-test-"));
  const control = path.join(dir, "control");
  const ssh = (options: string) =>
    spawnSync("sh", ["-c", `${server.rsh} -o BatchMode=yes -p ${server.port} -o ControlPath=${control} ${options} ${server.user}@127.0.0.1`]);
  try {
    // A shared connection as a killed deploy leaves it: in the background, kept for a minute.
    assert.equal(ssh("-o ControlMaster=yes -o ControlPersist=60 -N -f").status, 0, "the shared connection opens");
    assert.equal(ssh("-O check").status, 0, "and is open");
    await server.stop();
    let open = true;
    for (let tries = 0; tries < 50 && open; tries++) {
      open = ssh("-O check").status === 0;
      if (open) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(open, false, "the server's stop closed the shared connection");
  } finally {
    ssh("-O exit");
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  }
});
