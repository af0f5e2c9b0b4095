// How the tests run the commands of scripts/ in a process of their own: each script bundled by esbuild (the compiler tsx runs on) into
// one file, once a run, and run by Node without tsx's loader. Loading a command through tsx's hooks cost 2.0 CPU-seconds for
// `npm run check` and 0.7 from the bundle, on every one of the about fifty commands the suite starts. The bundle is the same source
// compiled by the same compiler: each module keeps its own `import.meta.url` (so paths found from a file's place stay right) and the
// packages stay outside it, loaded from node_modules as the command loads them. What only tsx does — `npm start`'s preview forks its
// build child by its .ts file — is run as `npm run` runs it (tests/helpers/preview-process.ts, browser.test.ts), and
// tests/check.test.ts runs one command both ways and compares what they print.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { lockOutput } from "../../src/build/build-lock.ts";
import { projectRoot } from "../../src/project.ts";

/** The commands tests run as processes of their own. */
export type CommandName = "build" | "check" | "deploy" | "import" | "new";

/** Where the bundles live: inside the project, so the packages they import resolve from its node_modules. */
const bundlesRoot = path.join(projectRoot, "node_modules", ".cache", "baoku-test-commands");

/** The arguments to `process.execPath` that run `scripts/<name>.ts`, followed by `args`. */
export async function commandArgs(name: CommandName, ...args: string[]): Promise<string[]> {
  return [await bundled(name), ...args];
}

/** The arguments to `process.execPath` that run `scripts/<name>.ts` through tsx, as `npm run <name>` does. */
export function tsxCommandArgs(name: CommandName, ...args: string[]): string[] {
  return ["--import", "tsx", path.join(projectRoot, "scripts", `${name}.ts`), ...args];
}

let sourcesKey: Promise<string> | undefined;

/** A hash of every file of src/ and scripts/ and of the lock file: a bundle is made again when any of them changes. */
function sourceKey(): Promise<string> {
  sourcesKey ??= (async () => {
    const hash = createHash("sha256");
    for (const folder of ["src", "scripts"]) {
      const files = (await readdir(path.join(projectRoot, folder), { recursive: true, withFileTypes: true }))
        .filter((entry) => entry.isFile())
        .map((entry) => path.join(entry.parentPath, entry.name))
        .sort();
      for (const file of files)
        hash
          .update(path.relative(projectRoot, file))
          .update("\0")
          .update(await readFile(file))
          .update("\0");
    }
    hash.update(await readFile(path.join(projectRoot, "package-lock.json")));
    return hash.digest("hex").slice(0, 16);
  })();
  return sourcesKey;
}

/** The bundle of `scripts/<name>.ts` for the sources as they are now, made under a lock by the first process to ask. */
async function bundled(name: CommandName): Promise<string> {
  const folder = path.join(bundlesRoot, await sourceKey());
  const file = path.join(folder, `${name}.mjs`);
  if (existsSync(file)) return file;
  await mkdir(bundlesRoot, { recursive: true });
  const release = await lockOutput(path.join(bundlesRoot, name));
  try {
    if (existsSync(file)) return file;
    await mkdir(folder, { recursive: true });
    const fresh = `${file}.${process.pid}.new`;
    await build({
      entryPoints: [path.join(projectRoot, "scripts", `${name}.ts`)],
      outfile: fresh,
      bundle: true,
      packages: "external",
      platform: "node",
      format: "esm",
      target: "node20",
      logLevel: "error",
      plugins: [ownPlace],
    });
    await rename(fresh, file);
    // Bundles of earlier sources are no use to anyone.
    for (const entry of await readdir(bundlesRoot, { withFileTypes: true }))
      if (entry.isDirectory() && entry.name !== path.basename(folder)) await rm(path.join(bundlesRoot, entry.name), { recursive: true, force: true });
    return file;
  } finally {
    await release();
  }
}

/** Gives each module of the project its own `import.meta.url` and `import.meta.dirname`, as it has when tsx loads it from its file. */
const ownPlace = {
  name: "own-place",
  setup(esbuild: { onLoad: (options: { filter: RegExp }, load: (args: { path: string }) => Promise<{ contents: string; loader: "ts" | "js" }>) => void }) {
    esbuild.onLoad({ filter: /\.[cm]?[jt]s$/ }, async ({ path: file }) => {
      const text = await readFile(file, "utf8");
      return {
        contents: text
          .replaceAll("import.meta.url", JSON.stringify(pathToFileURL(file).href))
          .replaceAll("import.meta.dirname", JSON.stringify(path.dirname(file))),
        loader: file.endsWith(".ts") ? "ts" : "js",
      };
    });
  },
};
