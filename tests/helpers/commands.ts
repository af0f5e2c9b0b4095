// How the tests run the commands of scripts/ in a process of their own: each script bundled (src/util/bundle.ts) into one file, once
// for the sources as they are, and run by Node without tsx's loader. Loading a command through tsx's hooks cost 2.0 CPU-seconds for
// `npm run check` and 0.7 from the bundle, on every one of the about fifty commands the suite starts. The bundle is the same source
// compiled by the same compiler. What only tsx does — `npm start`'s preview forks its build child by its .ts file — is run as `npm run`
// runs it (tests/helpers/preview-process.ts, browser.test.ts), and tests/check.test.ts runs one command both ways and compares them.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import { lockOutput } from "../../src/build/build-lock.ts";
import { projectRoot } from "../../src/project.ts";
import { bundleModules } from "../../src/util/bundle.ts";

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
    const fresh = path.join(folder, `.${name}.${process.pid}`);
    const [made] = await bundleModules({ entries: [path.join(projectRoot, "scripts", `${name}.ts`)], outDir: fresh, base: path.join(projectRoot, "scripts") });
    await rename(made!, file);
    await rm(fresh, { recursive: true, force: true });
    // Bundles of earlier sources are no use to anyone.
    for (const entry of await readdir(bundlesRoot, { withFileTypes: true }))
      if (entry.isDirectory() && /^[0-9a-f]{16}$/.test(entry.name) && entry.name !== path.basename(folder))
        await rm(path.join(bundlesRoot, entry.name), { recursive: true, force: true });
    return file;
  } finally {
    await release();
  }
}
