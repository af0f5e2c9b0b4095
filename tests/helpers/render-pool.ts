// One pool of render workers for every build a test file makes in its own process: starting a worker loads tsx and Eleventy, which
// cost more than rendering a small archive, so a file that builds many sites starts its workers once. Closed after the file's tests.
import { after } from "node:test";
import { createRenderPool, type RenderPool } from "../../src/build/render-pool.ts";

let pool: RenderPool | undefined;

// Registered when a test file first imports this module, so at the file's top level: it runs after all of the file's tests.
after(() => pool?.close());

/** The file's pool, started on first use. */
export function testRenderPool(): RenderPool {
  pool ??= createRenderPool();
  return pool;
}
