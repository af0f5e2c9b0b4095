// The render pool of every build a test file makes in its own process: rendering in the file's process (render-pool.ts's
// inProcessRenderPool), since starting two workers, each loading tsx and Eleventy, costs more CPU than rendering the small archives tests
// build (about 2 CPU-seconds a worker, 30 files). The workers themselves are tested by every build a test runs as `npm run build`.
import { after } from "node:test";
import { inProcessRenderPool, type RenderPool } from "../../src/build/render-pool.ts";

let pool: RenderPool | undefined;

// Registered when a test file first imports this module, so at the file's top level: it runs after all of the file's tests.
after(() => pool?.close());

/** The file's pool, started on first use. */
export function testRenderPool(): RenderPool {
  pool ??= inProcessRenderPool();
  return pool;
}
