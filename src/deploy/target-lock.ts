// One deploy at a time on a target: a lock file in the target's .baoku folder, made only where none is (O_EXCL on a folder here or over
// SSH), naming the machine and process that holds it. A second deploy is refused with who holds it; a lock whose process on this machine
// has died (a deploy killed with -9) is taken over. Two deploys that overlapped removed each other's lists and left a target that its
// manifest did not describe.
import os from "node:os";
import { isRunning } from "../build/build-lock.ts";
import { DEPLOY_FOLDER } from "../build/deploy-manifest.ts";
import { problem, ProblemsError } from "../problems.ts";

/** The lock, relative to the target's root. */
export const DEPLOY_LOCK = `${DEPLOY_FOLDER}/deploy.lock`;
/** Where rsync writes the files it is receiving before it renames them into place: emptied by each deploy that takes the lock. */
export const DEPLOY_SCRATCH = `${DEPLOY_FOLDER}/tmp`;

/** How a transport makes and removes the lock on its target. */
export interface LockStore {
  /** Makes the lock holding `text` where there is none, and readies the scratch folder; else returns what the lock there holds. */
  create(text: string): Promise<string | undefined>;
  /** Removes the lock, and the scratch folder, when it still holds `text`. */
  remove(text: string): Promise<void>;
}

/** Who holds a lock, as written in it. */
interface Holder {
  host: string;
  pid: number;
  since: string;
}

/** Takes the target's lock through `store`, or throws DeployTargetLocked; `shownTarget` names the target in the problem. Returns its release. */
export async function lockTarget(store: LockStore, shownTarget: string): Promise<() => Promise<void>> {
  const text = JSON.stringify({ host: os.hostname(), pid: process.pid, since: new Date().toISOString() } satisfies Holder);
  for (let attempt = 0; ; attempt++) {
    const held = await store.create(text);
    if (held === undefined) return () => store.remove(text);
    const holder = holderOf(held);
    // A deploy killed on this machine: its process is gone, so nothing is sending; the next deploy mends whatever it left.
    if (attempt === 0 && holder && holder.host === os.hostname() && !isRunning(holder.pid)) {
      await store.remove(held);
      continue;
    }
    throw new ProblemsError(
      problem(
        "DeployTargetLocked",
        { file: shownTarget },
        {
          host: holder?.host ?? "?",
          pid: holder?.pid ?? "?",
          since: holder?.since ?? "?",
          lock: DEPLOY_LOCK,
        },
      ),
    );
  }
}

/** The holder a lock's text names, or undefined for a text no deploy wrote. */
function holderOf(text: string): Holder | undefined {
  try {
    const holder = JSON.parse(text) as Partial<Holder>;
    return typeof holder.host === "string" && Number.isInteger(holder.pid) && typeof holder.since === "string" ? (holder as Holder) : undefined;
  } catch {
    return undefined;
  }
}
