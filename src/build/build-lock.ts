// One build at a time for one output folder: `_site.lock` beside it names the build that holds it. A second build waits for the first
// (saying so once) or, after a while, stops with a problem; a lock whose build is gone (killed, even with SIGKILL) is taken over.
import { hostname } from "node:os";
import { open, readFile, rm, stat } from "node:fs/promises";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { problem, ProblemsError } from "../problems.ts";

/** Who holds a lock. */
interface Holder {
  pid: number;
  host: string;
  started: string;
}

export interface LockOptions {
  /** Called once when another build holds the lock, with its process id. */
  onWait?(holder: number): void;
  /** How long to wait for the other build; default: 30 minutes. */
  timeoutMs?: number;
  /** How often to look again; default: half a second. */
  pollMs?: number;
}

/** A lock file older than this that cannot be read is one its writer never finished (killed between creating and writing it). */
const UNREADABLE_STALE_MS = 10_000;

/** Takes the lock of `outputDir`, waiting while another build holds it; resolves to the function that lets it go. */
export async function lockOutput(outputDir: string, options: LockOptions = {}): Promise<() => Promise<void>> {
  const lockFile = `${outputDir}.lock`;
  const me: Holder = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  const deadline = Date.now() + (options.timeoutMs ?? 30 * 60_000);
  let told = false;
  await mkdir(path.dirname(lockFile), { recursive: true });
  for (;;) {
    if (await create(lockFile, me)) {
      return async () => {
        const holder = await readHolder(lockFile);
        if (holder?.pid === me.pid && holder.started === me.started) await rm(lockFile, { force: true });
      };
    }
    const holder = await readHolder(lockFile);
    if (await isStale(lockFile, holder)) {
      await takeOver(lockFile, holder);
      continue;
    }
    if (Date.now() > deadline) {
      throw new ProblemsError(
        problem("BuildRunning", { file: path.basename(lockFile) }, { pid: holder?.pid ?? 0, minutes: Math.round((options.timeoutMs ?? 30 * 60_000) / 60_000) }),
      );
    }
    if (!told && holder) {
      told = true;
      options.onWait?.(holder.pid);
    }
    await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 500));
  }
}

/** Creates the lock file with the holder in it; false when it exists already. */
async function create(lockFile: string, holder: Holder): Promise<boolean> {
  try {
    const handle = await open(lockFile, "wx");
    try {
      await handle.writeFile(JSON.stringify(holder));
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

async function readHolder(lockFile: string): Promise<Holder | undefined> {
  try {
    const holder = JSON.parse(await readFile(lockFile, "utf8")) as Holder;
    return typeof holder.pid === "number" ? holder : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the lock's build is gone: a process of this machine that no longer runs, or a file its writer never finished. */
async function isStale(lockFile: string, holder: Holder | undefined): Promise<boolean> {
  if (!holder) {
    const info = await stat(lockFile).catch(() => undefined);
    return info !== undefined && Date.now() - info.mtimeMs > UNREADABLE_STALE_MS;
  }
  return holder.host === hostname() && !isRunning(holder.pid);
}

/**
 * Removes a stale lock. Two builds may find the same stale lock; only one may remove it, or one would remove the lock the other has just
 * made. So the removal is itself done under a lock (`.takeover`), and only if the lock still names the same gone build.
 */
async function takeOver(lockFile: string, stale: Holder | undefined): Promise<void> {
  const takeover = `${lockFile}.takeover`;
  if (!(await create(takeover, { pid: process.pid, host: hostname(), started: new Date().toISOString() }))) {
    const info = await stat(takeover).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs > UNREADABLE_STALE_MS) await rm(takeover, { force: true });
    await new Promise((resolve) => setTimeout(resolve, 50));
    return;
  }
  try {
    const now = await readHolder(lockFile);
    if (JSON.stringify(now) === JSON.stringify(stale)) await rm(lockFile, { force: true });
  } finally {
    await rm(takeover, { force: true });
  }
}

/** Whether a process with this id is running (one that exists but is not ours to signal counts). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
