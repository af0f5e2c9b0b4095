// The editors' preview (`npm start`): build the archive, serve it with live reload, and rebuild whenever an issue, a template, an asset or
// the configuration changes; a build with errors prints them and the last good site stays up.
import { fork, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { BuildOptions, BuildResult } from "../build/build.ts";
import { printProblems, stop } from "../cli.ts";
import { shownPath } from "../util/shown.ts";
import type { ConfigFile } from "../content/config.ts";
import { say } from "../messages/texts.ts";
import { pathPrefixOf } from "../site/addresses.ts";
import { PortInUse, serve } from "./serve.ts";
import { debounced, describeSource, serialized, watchedSources, watchSources } from "./watch.ts";

/** The environment variable that carries a preview build's options to its process (build-child.ts), as JSON. */
export const BUILD_OPTIONS_VARIABLE = "BAOKU_PREVIEW_BUILD_OPTIONS";

const buildChild = path.join(path.dirname(fileURLToPath(import.meta.url)), "build-child.ts");

export interface PreviewOptions {
  /** The folder holding `issues/` and `baoku.config.json`. */
  contentRoot: string;
  /** The folder the site is built into and served from. */
  outputDir: string;
  /** The port on 127.0.0.1. */
  port: number;
  /** Print Eleventy's per-file log. */
  verbose: boolean;
  /** baoku.config.json as the command read it: the language to speak until a build has read it again, and the site's path prefix. */
  configFile: ConfigFile;
}

/** Builds the site, serves it, and rebuilds on every change until Ctrl-C. Exits with 1 when the first build fails. */
export async function preview(options: PreviewOptions): Promise<void> {
  const buildOptions: BuildOptions = { contentRoot: options.contentRoot, outputDir: options.outputDir, verbose: options.verbose };
  let { language } = options.configFile;
  /** The child process of the build under way, so Ctrl-C can end it too. */
  let running: ChildProcess | undefined;

  /** Runs one build in a fresh process and prints what it says; true when the site was built. */
  const buildOnce = async (): Promise<boolean> => {
    const started = performance.now();
    const child = fork(buildChild, [], { env: { ...process.env, [BUILD_OPTIONS_VARIABLE]: JSON.stringify(buildOptions) } });
    running = child;
    let result: BuildResult | undefined;
    child.on("message", (message) => {
      result = message as BuildResult;
    });
    // "close", not "exit": it comes after the last message.
    const [exitCode, signal] = (await once(child, "close")) as [number | null, NodeJS.Signals | null];
    running = undefined;
    if (!result) {
      console.error(say(language, "previewBuildCrashed", { how: signal ?? `exit code ${exitCode}` }));
      return false;
    }
    language = result.language;
    printProblems(result.problems, language);
    if (result.ok) console.log(say(language, "previewBuilt", { pages: result.writtenCount, seconds: (performance.now() - started) / 1000 }));
    return result.ok;
  };

  console.log(say(language, "previewBuilding"));
  if (!(await buildOnce())) stop(say(language, "previewFirstBuildFailed"));

  // The site is served under its path prefix (from baoku.config.json's site.baseUrl), as it will be published.
  const { config } = options.configFile;
  const pathPrefix = config ? pathPrefixOf(config) : "/";
  const editing = { contentRoot: options.contentRoot, outputDir: options.outputDir, pathPrefix, language: () => language };
  const devServer = await serve(options.port, editing).catch((error: unknown) => {
    if (error instanceof PortInUse) stop(say(language, "portInUse", { port: error.port }));
    throw error;
  });
  const url = `http://localhost:${options.port}${pathPrefix}`;
  const watched = watchedSources(options.contentRoot);
  console.log(say(language, "previewServing", { folder: shownPath(options.outputDir), url }));

  let stopping = false;
  const rebuild = serialized(async () => {
    if (stopping) return;
    console.log(say(language, "previewRebuilding"));
    if (await buildOnce()) devServer.reload();
    else console.error(say(language, "previewStillServing", { url }));
  });
  const watchers = await watchSources(watched, debounced(rebuild, 200), (source, error) =>
    console.error(say(language, "previewWatchStopped", { folder: source.path, reason: error.message })),
  );
  // Said once the watchers have read their folders: a save before that would go unheard.
  console.log(say(language, "previewWatching", { sources: watched.flatMap(describeSource) }));

  const end = async () => {
    stopping = true;
    await Promise.all(watchers.map((watcher) => watcher.close()));
    if (running) await endProcess(running);
    await devServer.close();
    process.exit(0);
  };
  process.once("SIGINT", end);
  process.once("SIGTERM", end);
  // Whatever ran this process (tsx, npm's shell) ended without passing the signal on: the preview ends too rather than serve on unseen.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void end();
  }, 1000).unref();
}

/** Ends `child` and waits until it has gone, so nothing of `npm start` outlives it. */
async function endProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill();
  await exited;
}
