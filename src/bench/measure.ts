// Runs a command and measures it as a whole: wall time, and the peak resident memory of its process tree (the command and every process it starts).
import { spawn } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";

export interface Measured {
  seconds: number;
  /** The largest sum of resident memory over the process tree seen while it ran, sampled every `sampleMs`. */
  peakBytes: number;
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Parent and resident memory of every process, from /proc. */
async function processTable(): Promise<Map<number, { parent: number; rssBytes: number }>> {
  const table = new Map<number, { parent: number; rssBytes: number }>();
  for (const entry of await readdir("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const status = await readFile(`/proc/${entry}/status`, "utf8").catch(() => "");
    const parent = /^PPid:\s+(\d+)/m.exec(status)?.[1];
    const rss = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
    if (parent) table.set(Number(entry), { parent: Number(parent), rssBytes: Number(rss ?? 0) * 1024 });
  }
  return table;
}

/** Resident memory of `root` and all its descendants. */
async function treeRss(root: number): Promise<number> {
  const table = await processTable();
  const children = new Map<number, number[]>();
  for (const [pid, { parent }] of table) children.set(parent, [...(children.get(parent) ?? []), pid]);
  let total = 0;
  const pending = [root];
  while (pending.length > 0) {
    const pid = pending.pop()!;
    total += table.get(pid)?.rssBytes ?? 0;
    pending.push(...(children.get(pid) ?? []));
  }
  return total;
}

export async function measure(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; sampleMs?: number; rssOf?: (pid: number) => Promise<number> } = {},
): Promise<Measured> {
  const started = performance.now();
  const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  let peakBytes = 0;
  let sampling: Promise<void> | undefined;
  // A sample that takes longer than the interval (hundreds of processes to read on a loaded machine) is not queued behind: the next
  // tick that finds one under way is skipped. Queued, they piled up through a 70-minute build and held the result back for as long.
  const timer = setInterval(() => {
    if (sampling || !child.pid) return;
    const pid = child.pid;
    sampling = (options.rssOf ?? treeRss)(pid)
      .then((bytes) => {
        peakBytes = Math.max(peakBytes, bytes);
      })
      .finally(() => {
        sampling = undefined;
      });
  }, options.sampleMs ?? 100);
  const exitCode = await new Promise<number>((resolve) => child.on("close", (code) => resolve(code ?? 1)));
  clearInterval(timer);
  await sampling;
  return { seconds: (performance.now() - started) / 1000, peakBytes, exitCode, stdout, stderr };
}
