// `npm run bench:images -- [--photos 36] [--width 2400] [--height 1600] [--concurrency N]`: times encoding a cold and a warm image cache
// (src/bench/bench-images.ts). For developers: its figures are in English.
import os from "node:os";
import { runImageBench } from "../src/bench/bench-images.ts";
import { readCommandLine } from "../src/cli.ts";

const { values } = readCommandLine(
  {
    photos: { type: "string", default: "36" },
    width: { type: "string", default: "2400" },
    height: { type: "string", default: "1600" },
    concurrency: { type: "string" },
  },
  "benchImagesUsage",
);
await runImageBench({
  photoCount: Number(values.photos),
  width: Number(values.width),
  height: Number(values.height),
  concurrency: values.concurrency ? Number(values.concurrency) : os.availableParallelism(),
});
