// Work on many items with only a few in flight: enough to keep the disk or the cores busy without opening every file at once.

/** Runs `work` on every item, at most `limit` at a time. */
export async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

/** `work` on every item, at most `limit` at a time, with the results in the items' order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  await eachLimited(items.map((item, index) => ({ item, index })), limit, async ({ item, index }) => {
    results[index] = await work(item);
  });
  return results;
}
