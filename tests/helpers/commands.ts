// How the tests run the commands of scripts/ in a process of their own. Under `npm test`, scripts/test.ts bundles them with the test files
// (src/util/bundle.ts) and names the folder in BAOKU_TEST_COMMANDS, so each runs without tsx's loader: loading a command through tsx's
// hooks cost 2.0 CPU-seconds for `npm run check` and 0.7 from the bundle, on every one of the about fifty commands the suite starts. A
// file run on its own (`npx tsx --test`) runs them as `npm run` does: from the bundle src/run-command.mjs makes once for each version of
// the code, in the same way. What only tsx does — `npm start`'s preview forks its build child by its .ts file — is run as `npm run` runs
// it (tests/helpers/preview-process.ts, browser.test.ts), and tests/check.test.ts runs one command both ways and compares them.
import path from "node:path";
import { BUNDLED_COMMANDS } from "../../src/commands.ts";
import { projectRoot } from "../../src/project.ts";

/** The commands tests run as processes of their own, which scripts/test.ts bundles: those `npm run` runs from a bundle. */
export const COMMANDS = BUNDLED_COMMANDS;
export type CommandName = (typeof COMMANDS)[number];

/** The environment variable that names the folder of the run's bundles, `scripts/<name>.mjs` in it. */
export const COMMANDS_VARIABLE = "BAOKU_TEST_COMMANDS";

/** The arguments to `process.execPath` that run `scripts/<name>.ts`, followed by `args`: the run's bundle, or as `npm run` runs it without one. */
export function commandArgs(name: CommandName, ...args: string[]): string[] {
  const bundles = process.env[COMMANDS_VARIABLE];
  return bundles ? [path.join(bundles, "scripts", `${name}.mjs`), ...args] : npmCommandArgs(name, ...args);
}

/** The arguments to `process.execPath` that run `scripts/<name>.ts` as `npm run <name>` does (package.json: src/run-command.mjs). */
export function npmCommandArgs(name: CommandName, ...args: string[]): string[] {
  return [path.join(projectRoot, "src", "run-command.mjs"), name, ...args];
}

/** `npmCommandArgs` with the hook that prints, as the command exits, the packages it loaded (loaded-packages.mjs; read with loadedPackages). */
export function argsReportingPackages(name: CommandName, ...args: string[]): string[] {
  return ["--import", path.join(projectRoot, "tests/helpers/loaded-packages.mjs"), ...npmCommandArgs(name, ...args)];
}

/** The packages a command run with argsReportingPackages loaded, from its standard error. */
export function loadedPackages(stderr: string): Set<string> {
  return new Set(stderr.split("\n").flatMap((line) => (line.startsWith("LOADED ") ? (JSON.parse(line.slice(7)) as string[]) : [])));
}
