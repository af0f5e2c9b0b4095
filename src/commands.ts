// The commands `npm run` starts from a bundle (src/run-command.mjs): each is scripts/<name>.ts with everything of src/ it imports in one
// module (src/util/bundle.ts), made once for each version of the code.
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { projectRoot } from "./project.ts";
import { bundleModules } from "./util/bundle.ts";
import { isStale } from "./util/cache-files.ts";

/** The commands run from their bundle: those an editor or CI runs over and over, where start-up is much of the time. */
export const BUNDLED_COMMANDS = ["build", "check", "deploy", "import", "new"] as const;

/**
 * Makes the bundles of every command in `dir` (`scripts/<name>.mjs`), through a folder of its own renamed into place, so a command started
 * meanwhile never reads half a bundle, and removes the bundles of other versions of the code beside it that no command has started from
 * for an hour: a build still running from one loads its modules split apart (`splitting`) as it needs them.
 */
export async function bundleCommands(dir: string): Promise<void> {
  const making = `${dir}.${process.pid}.tmp`;
  await rm(making, { recursive: true, force: true });
  await mkdir(making, { recursive: true });
  await bundleModules({
    entries: BUNDLED_COMMANDS.map((name) => path.join(projectRoot, "scripts", `${name}.ts`)),
    outDir: making,
    base: projectRoot,
    splitting: true,
  });
  await rename(making, dir).catch(async (error: NodeJS.ErrnoException) => {
    // Another command made the same bundles first: theirs are the same.
    if (error.code !== "ENOTEMPTY" && error.code !== "EEXIST") throw error;
    await rm(making, { recursive: true, force: true });
  });
  const now = Date.now();
  for (const other of await readdir(path.dirname(dir))) {
    const folder = path.join(path.dirname(dir), other);
    const used = await stat(folder).then(
      (info) => info.mtimeMs,
      () => now,
    );
    if (other !== path.basename(dir) && !other.endsWith(".tmp") && isStale(used, now)) await rm(folder, { recursive: true, force: true });
  }
}
