// `npm start` as an editor runs it, for the tests of the preview: npm's own process on a free port, in a process group of its own (so a
// test can see that nothing of it is left), serving a content root, with what it prints kept to wait on.
import assert from "node:assert/strict";
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { projectRoot } from "../../src/project.ts";
import { freePort, isProcessGroupAlive } from "./processes.ts";

export interface PreviewProcess {
  npm: ChildProcess;
  port: number;
  /** Everything npm start has printed so far. */
  output(): string;
  /**
   * Polls `done` until it holds; fails with what the preview printed when it never does, or when the preview has ended — unless the wait
   * is for what follows its end (`afterEnd`: its children stopping, its port freed).
   */
  until(what: string, done: () => boolean | Promise<boolean>, afterEnd?: boolean): Promise<void>;
  /** How many builds the preview has finished, with or without problems. */
  finished(): number;
  /** Ends every process of it, at once. */
  kill(): void;
}

/** Starts `npm start` for `contentRoot`, built into its `_site`, and waits until it serves; `env` is added to the environment. */
export async function startPreview(contentRoot: string, env: NodeJS.ProcessEnv = {}): Promise<PreviewProcess> {
  const port = await freePort();
  let printed = "";
  const npm = spawn("npm", ["start", "--", "--content", contentRoot, "--output", path.join(contentRoot, "_site")], {
    cwd: projectRoot,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, PORT: String(port), ...env },
  });
  npm.stdout!.setEncoding("utf8").on("data", (chunk: string) => (printed += chunk));
  npm.stderr!.setEncoding("utf8").on("data", (chunk: string) => (printed += chunk));
  const preview: PreviewProcess = {
    npm,
    port,
    output: () => printed,
    async until(what, done, afterEnd = false) {
      for (let tries = 0; tries < 600; tries++) {
        if (await done()) return;
        if (!afterEnd && (npm.exitCode !== null || npm.signalCode !== null)) assert.fail(`npm start ended while waiting for ${what}:\n${printed}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.fail(`no ${what}; npm start printed:\n${printed}`);
    },
    // In either language the preview may speak.
    finished: () => (printed.match(/Built \d+ pages|Still serving|已构建 \d+ 个页面|仍是上一次构建好的网站/g) ?? []).length,
    kill() {
      if (npm.pid && isProcessGroupAlive(npm.pid)) process.kill(-npm.pid, "SIGKILL");
    },
  };
  await preview.until("the preview to serve", () => /Watching |正在留意/.test(printed));
  return preview;
}
