// What rendering the site did, counted: each step (a part made or taken from the cache, a search bundle) returns its own counts as a
// value, and the site's are their sum, so no step adds to a counter another is adding to.

/** Counts of one step, or of the whole site. Rendering, indexing and encoding overlap: each time is its own work's, added up. */
export interface RenderCounts {
  /** Pages in the site, rendered now or taken from the cache. */
  pages: number;
  /** Parts of the site (site-parts.ts), and those rendered now. */
  parts: number;
  rendered: number;
  /** Search bundles, and those indexed now. */
  bundles: number;
  indexed: number;
  /** Image files encoded now, and those the site publishes that were encoded before. */
  encoded: number;
  reused: number;
  renderSeconds: number;
  searchSeconds: number;
  imageSeconds: number;
}

const NONE: RenderCounts = {
  pages: 0,
  parts: 0,
  rendered: 0,
  bundles: 0,
  indexed: 0,
  encoded: 0,
  reused: 0,
  renderSeconds: 0,
  searchSeconds: 0,
  imageSeconds: 0,
};

/** The counts given, the others 0. */
export function counted(counts: Partial<RenderCounts> = {}): RenderCounts {
  return { ...NONE, ...counts };
}

/** The sum of the counts. */
export function sumCounts(all: readonly RenderCounts[]): RenderCounts {
  const sum = counted();
  for (const counts of all) {
    for (const name of Object.keys(sum) as (keyof RenderCounts)[]) sum[name] += counts[name];
  }
  return sum;
}

/** Seconds since `started` (a `performance.now()`). */
export function secondsSince(started: number): number {
  return (performance.now() - started) / 1000;
}
