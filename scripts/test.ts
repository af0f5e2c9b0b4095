// `npm test` and `npm run test:unit`: the test files, and the commands they start (tests/helpers/commands.ts), bundled by esbuild, then
// the files run by node:test, three at a time (two for the unit lane). `npm test -- tests/x.test.ts …` runs the files named. A test
// file bundled starts without tsx's loader: that saved about a CPU-second a file and more in files that load Eleventy
// (docs/BENCHMARKS.md has the figures); its stack traces still name the .ts lines. `npx tsx --test tests/x.test.ts` runs one file from
// its source as before.
import { spawn } from "node:child_process";
import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { projectRoot } from "../src/project.ts";
import { bundleModules } from "../src/util/bundle.ts";
import { COMMANDS, COMMANDS_VARIABLE } from "../tests/helpers/commands.ts";

const { values, positionals } = parseArgs({ options: { unit: { type: "boolean" } }, allowPositionals: true });

/** The test files of a folder of tests/, in name order. */
async function testFiles(folder: string): Promise<string[]> {
  return (await readdir(path.join(projectRoot, folder)))
    .filter((name) => name.endsWith(".test.ts"))
    .sort()
    .map((name) => path.join(projectRoot, folder, name));
}

const files =
  positionals.length > 0
    ? positionals.map((file) => path.resolve(file))
    : values.unit
      ? await testFiles("tests/unit")
      : [...(await testFiles("tests/unit")), ...(await testFiles("tests"))];

// A folder of this run's own, inside the project so the bundles' packages resolve from its node_modules, and removed when the run ends.
const outDir = path.join(projectRoot, "node_modules", ".cache", "baoku-tests", String(process.pid));
const commands = COMMANDS.map((name) => path.join(projectRoot, "scripts", `${name}.ts`));
const bundles = await bundleModules({ entries: [...files, ...commands], outDir, base: projectRoot, sourceMaps: true }).catch(async () => {
  // esbuild has printed where and why (logLevel "error"); its stack trace would only repeat it.
  await rm(outDir, { recursive: true, force: true });
  process.exit(1);
});

const testBundles = bundles.slice(0, files.length);
const child = spawn(process.execPath, ["--enable-source-maps", "--test", `--test-concurrency=${values.unit ? 2 : 3}`, "--test-reporter=spec", ...testBundles], {
  cwd: projectRoot,
  stdio: "inherit",
  env: { ...process.env, [COMMANDS_VARIABLE]: outDir },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
const code = await new Promise<number>((resolve) => child.on("close", (status, signal) => resolve(status ?? (signal ? 1 : 0))));
await rm(outDir, { recursive: true, force: true });
process.exit(code);
