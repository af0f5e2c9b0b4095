// The benchmark's measure (src/bench/measure.ts): the peak memory of a command's process tree, sampled while it runs, and the result as
// soon as it ends, however slow a sample is next to the interval.
import { test } from "node:test";
import assert from "node:assert/strict";
import { measure } from "../../src/bench/measure.ts";

test("should return when the command ends, not after a backlog of samples", async () => {
  // Each sample takes 20 ms here, sampled every millisecond, as reading hundreds of processes' status can on a loaded machine: queued,
  // the samples of a 0.3 s command ran on for seconds after it ended.
  const slowSample = async () => {
    await new Promise((resolve) => setTimeout(resolve, 20));
    return 1;
  };
  const started = performance.now();
  const run = await measure("sleep", ["0.3"], { sampleMs: 1, rssOf: slowSample });
  const total = (performance.now() - started) / 1000;
  assert.equal(run.exitCode, 0);
  assert.equal(run.peakBytes, 1);
  // 300 samples queued would be 6 s; one under way at the end, 20 ms.
  assert.ok(total < 2, `a 0.3 s command measured in ${total.toFixed(2)} s`);
  assert.ok(run.seconds < 2, `and said to take ${run.seconds.toFixed(2)} s`);
});

test("should see the memory of the whole process tree", async () => {
  const run = await measure(process.execPath, [
    "-e",
    "require('node:child_process').spawnSync(process.execPath, ['-e', 'const b = Buffer.alloc(96 * 1024 * 1024, 1); setTimeout(() => b.length, 2000)'])",
  ]);
  assert.equal(run.exitCode, 0);
  assert.ok(run.peakBytes > 96 * 1024 * 1024, `peak ${run.peakBytes}`);
});
