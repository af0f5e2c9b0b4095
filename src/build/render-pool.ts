// Child processes that render parts of the site in parallel (render-worker.ts), each one part at a time. A worker that fails or dies
// rejects the part it was rendering with its problem (RenderWorkerStopped, RenderFailed) or its file system error; the pool is closed when the build is done.
import { fork, type ChildProcess } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { RenderRequest, SearchStats } from "./render-part.ts";
import { problem, ProblemsError } from "../problems.ts";
import { shortText, shownPath } from "../util/shown.ts";

const workerScript = path.join(path.dirname(fileURLToPath(import.meta.url)), "render-worker.ts");

/** What rendering a part did: the pages written, its search statistics, and the seconds the worker spent on it. */
export interface Rendered {
  written: number;
  search: SearchStats;
  seconds: number;
}

interface Task {
  request: RenderRequest;
  startedAt?: number;
  resolve(rendered: Rendered): void;
  reject(error: Error): void;
}

export interface RenderPool {
  /** How many parts it renders at once. */
  readonly size: number;
  /** Renders a part once a worker is free. */
  render(request: RenderRequest): Promise<Rendered>;
  /**
   * Told, before the first part, how many months the build renders (those the cache has no entry for): a pool may start its workers now,
   * so their start-up (loading Eleventy) overlaps the checks of the cached parts, or choose how to render.
   */
  warm(monthsToRender: number): void;
  close(): void;
}

/** What a render worker answers: an error (with a file system code, or not), or what it wrote. */
export interface WorkerMessage {
  error?: string;
  code?: string;
  path?: string;
  dest?: string;
  written?: number;
  search?: SearchStats;
}

/** Settles `task` with its worker's answer. A file system error is the build's to judge (a full disk, say); any other is a problem, told by its first line. */
function settle(task: Task | undefined, message: WorkerMessage): void {
  const { error, code, path: file, dest } = message;
  if (error !== undefined && code) task?.reject(Object.assign(new Error(error), { code, ...(file && { path: file }), ...(dest && { dest }) }));
  else if (error !== undefined && task)
    task.reject(
      new ProblemsError(
        problem("RenderFailed", { file: shownPath(task.request.siteDir) }, { part: task.request.part.key, reason: shortText(error.split("\n")[0] ?? "", 300) }),
      ),
    );
  else
    task?.resolve({
      written: message.written ?? 0,
      search: message.search ?? { records: 0, articles: 0, terms: 0 },
      seconds: (performance.now() - (task?.startedAt ?? 0)) / 1000,
    });
}

/**
 * What a worker answers when rendering `request` failed with `error`: a file system error keeps its code and path, so the build can say
 * which file could not be written and why (Eleventy wraps the errors of its writes in its own, with the file system's as their cause).
 */
export function failureAnswer(request: RenderRequest, error: unknown): WorkerMessage {
  const { code, path: named, dest } = fileSystemError(error) ?? {};
  // A write to an open file names none: the part's folder is where it was writing.
  const path = named ?? (code ? request.siteDir : undefined);
  return {
    error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    ...(code && { code }),
    ...(path && { path }),
    ...(dest && { dest }),
  };
}

/** The file system error in `error` or among its causes (`cause`, or Eleventy's `originalError`), if there is one. */
function fileSystemError(error: unknown): (NodeJS.ErrnoException & { dest?: string }) | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 10; depth++) {
    if ((current as NodeJS.ErrnoException).code) return current as NodeJS.ErrnoException & { dest?: string };
    current = current.cause ?? (current as { originalError?: unknown }).originalError;
  }
  return undefined;
}

/**
 * A pool that renders in this process, one part at a time, with no worker to start: for a process that builds small archives many
 * times (the test files), where starting two workers, each loading tsx and Eleventy, costs more than rendering. Its answers are the
 * workers' own: each request is copied as a worker's message would be, and its failures become the same problems.
 */
export function inProcessRenderPool(): RenderPool {
  let queue = Promise.resolve();
  return {
    size: 1,
    render(request) {
      const rendered = queue.then(async () => {
        const startedAt = performance.now();
        // Loaded when first asked for, as a worker loads it: a build that renders nothing never loads Eleventy.
        const { renderPart } = await import("./render-part.ts");
        const answer: WorkerMessage = await renderPart(structuredClone(request)).catch((error: unknown) => failureAnswer(request, error));
        return new Promise<Rendered>((resolve, reject) => settle({ request, startedAt, resolve, reject }, answer));
      });
      queue = rendered.then(
        () => undefined,
        () => undefined,
      );
      return rendered;
    },
    warm() {},
    close() {},
  };
}

/**
 * Months a build renders in its own process rather than in workers: a day's build, or a small archive's whole build. Measured with
 * `npm run build` on synthetic archives (2 cores): 31 issues cold 9.9 s and 16.0 CPU-s with two workers, 8.3 s and 11.9 CPU-s in the
 * process; 62 issues (two months) 13.0–15.9 s against 12.4–12.8 s; at 365 issues (twelve months) the workers win, 38.0 s against 42.7 s.
 * A worker's start-up (tsx and Eleventy, about 2 CPU-seconds) is worth paying only for more months than this.
 */
export const MONTHS_RENDERED_IN_PROCESS = 2;

/**
 * The pool a build uses unless given one: it renders in the build's own process when the build renders few months (a day's issue, a
 * small archive), and in `createRenderPool`'s workers otherwise. It chooses when `warm` tells it how many months there are.
 */
export function buildRenderPool(): RenderPool {
  let chosen: RenderPool | undefined;
  const pool = () => (chosen ??= createRenderPool());
  return {
    // Read before `warm`, the workers' size, without choosing: only `warm` or a first part chooses.
    get size() {
      return chosen?.size ?? os.availableParallelism();
    },
    render: (request) => pool().render(request),
    warm(monthsToRender) {
      chosen ??= monthsToRender <= MONTHS_RENDERED_IN_PROCESS ? inProcessRenderPool() : createRenderPool();
      chosen.warm(monthsToRender);
    },
    close: () => chosen?.close(),
  };
}

/** A pool of `size` render workers (default: the machine's parallelism), started as work arrives. */
export function createRenderPool(size = os.availableParallelism()): RenderPool {
  const queue: Task[] = [];
  const idle: ChildProcess[] = [];
  const running = new Map<ChildProcess, Task>();
  let started = 0;
  let nextId = 0;

  function startWorker(): ChildProcess {
    started++;
    const worker = fork(workerScript, [], {
      execArgv: ["--import", import.meta.resolve("tsx")],
      serialization: "advanced",
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    worker.on("message", (message: WorkerMessage) => {
      const task = running.get(worker);
      running.delete(worker);
      settle(task, message);
      idle.push(worker);
      dispatch();
    });
    worker.on("exit", (code, signal) => {
      started--;
      const task = running.get(worker);
      running.delete(worker);
      const idleAt = idle.indexOf(worker);
      if (idleAt !== -1) idle.splice(idleAt, 1);
      // A problem, worded when the build reports it, in the language of the run.
      task?.reject(
        new ProblemsError(
          problem("RenderWorkerStopped", { file: shownPath(task.request.siteDir) }, { how: signal ?? `exit code ${code}`, part: task.request.part.key }),
        ),
      );
      dispatch();
    });
    return worker;
  }

  function dispatch(): void {
    while (queue.length > 0) {
      const worker = idle.pop() ?? (started < size ? startWorker() : undefined);
      if (!worker) return;
      const task = queue.shift()!;
      task.startedAt = performance.now();
      running.set(worker, task);
      worker.send({ id: nextId++, request: task.request });
    }
  }

  return {
    size,
    render(request) {
      return new Promise((resolve, reject) => {
        queue.push({ request, resolve, reject });
        dispatch();
      });
    },
    warm(monthsToRender) {
      while (started < Math.min(size, Math.max(monthsToRender, 1))) idle.push(startWorker());
    },
    close() {
      for (const worker of [...idle, ...running.keys()]) worker.kill();
      idle.length = 0;
    },
  };
}
