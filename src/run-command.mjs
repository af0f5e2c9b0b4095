// `npm run build`, `check`, `deploy`, `import` and `new` (src/commands.ts): scripts/<name>.ts run from its bundle, by plain Node. Through
// tsx's loader, compiling the command's modules on a loader thread took about 0.45 s of a 1.4 s `npm run check` at 11,000 issues; from
// the bundle the check took 0.85 s. The bundle is kept in node_modules/.cache/baoku-commands/ under a hash of everything it is made of
// (src/, scripts/, package.json, package-lock.json and tsconfig.json, by content): any change makes a new one on the next run, about a
// second. Plain JavaScript, so that starting it needs no compiler.
import { existsSync, utimesSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { filesHash } from "./util/files-hash.mjs";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const [name = "", ...args] = process.argv.slice(2);

// What the bundles are made of: every file of src/ and scripts/, and the project's package and compiler settings.
const made = filesHash(root, ["src", "scripts", "package.json", "package-lock.json", "tsconfig.json"]);
const dir = path.join(root, "node_modules", ".cache", "baoku-commands", made.slice(0, 16));
const bundle = path.join(dir, "scripts", `${name}.mjs`);
if (!existsSync(bundle)) {
  const { tsImport } = await import("tsx/esm/api");
  const { BUNDLED_COMMANDS, bundleCommands } = await tsImport("./commands.ts", import.meta.url);
  if (!BUNDLED_COMMANDS.includes(name)) {
    console.error(`run-command.mjs: no command ${JSON.stringify(name)}; the commands are ${BUNDLED_COMMANDS.join(", ")}.`);
    process.exit(2);
  }
  await bundleCommands(dir);
}
// Marked as used: the bundles of other versions are removed only once no command has started from them for an hour (src/commands.ts).
const now = new Date();
utimesSync(dir, now, now);
// The command reads its arguments as if started from its own file.
process.argv = [process.execPath, path.join(root, "scripts", `${name}.ts`), ...args];
await import(pathToFileURL(bundle).href);
