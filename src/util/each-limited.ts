// Work on many items with only a few in flight: enough to keep the disk or the cores busy without opening every file at once.

/** A gate that runs at most `limit` tasks at once, in the order they were given; each call resolves with its task's result. */
export function limited(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

/** `work` on every item, at most `limit` at a time, with the results in the items' order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const run = limited(Math.max(1, limit));
  return Promise.all(items.map((item) => run(() => work(item))));
}

/** Runs `work` on every item, at most `limit` at a time. */
export async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  await mapLimited(items, limit, work);
}
