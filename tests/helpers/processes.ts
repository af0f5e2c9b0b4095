// What tests of commands that start servers and children share: a free port, and the processes of a process group.
import { readdir, readFile } from "node:fs/promises";
import { createServer } from "node:net";

/** A port on 127.0.0.1 that nothing listens on now. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** Whether any process of group `pgid` is still there (zombies included). */
export function isProcessGroupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The live processes of group `pgid`, by command line. Zombies are not counted: tsx's esbuild helper ends when the leader does, but
 * PID 1 of a container may be slow to reap it.
 */
export async function processGroupMembers(pgid: number): Promise<string[]> {
  const members: string[] = [];
  for (const pid of (await readdir("/proc")).filter((name) => /^\d+$/.test(name))) {
    const stat = await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "");
    // The fields after the parenthesised command name: state, ppid, pgrp, …
    const [state, , group] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (group !== String(pgid) || state === "Z") continue;
    members.push((await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => pid)).replaceAll("\0", " ").trim());
  }
  return members;
}
