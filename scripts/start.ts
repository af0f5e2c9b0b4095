// `npm start`: build the archive, serve it at http://localhost:8080 with live reload, and rebuild it whenever an issue, a template, an asset or the configuration changes.
import { fork, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { watch, type FSWatcher } from "node:fs";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.ts";
import { pathPrefixOf } from "../src/site.ts";
import type { BuildOptions, BuildResult } from "./build.ts";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const thisScript = fileURLToPath(import.meta.url);

/** Set in the environment of the child process that runs one build; holds its `BuildOptions` as JSON. */
const buildChildEnv = "BAOKU_START_BUILD_OPTIONS";

export interface StartOptions {
  /** The folder holding `issues/` and `baoku.config.json`; default: the project root. */
  contentRoot: string;
  /** The folder the site is built into and served from; default: `_site` in the project root. */
  outputDir: string;
  /** The port on 127.0.0.1; default: `PORT` from the environment, else 8080. */
  port: number;
  /** Print Eleventy's per-file log; default: false. */
  verbose: boolean;
}

/** The part of `@11ty/eleventy-dev-server` this script uses; the package ships no types. */
interface DevServer {
  readonly server: Server;
  ready(): Promise<void>;
  /** Tells every open page to reload. */
  reload(): void;
  close(): Promise<void>;
}
interface DevServerModule {
  getServer(name: string, dir: string, options: { port: number; pathPrefix: string; liveReload: boolean; domDiff: boolean; messageOnStart: () => false }): DevServer;
}

/** The child process of the build under way, so Ctrl-C can end it too. */
let runningBuild: ChildProcess | undefined;

/** Builds the site, serves it, and rebuilds on every change until Ctrl-C. Exits with 1 when the first build fails. */
export async function start(options: StartOptions): Promise<void> {
  const buildOptions: BuildOptions = { contentRoot: options.contentRoot, outputDir: options.outputDir, verbose: options.verbose };
  console.log("Building the archive…");
  if (!(await buildOnce(buildOptions))) {
    console.error("The first build failed, so there is nothing to serve. Fix the problems above and run `npm start` again.");
    process.exit(1);
  }

  // The site is served under its path prefix (from baoku.config.json's site.baseUrl), as it will be published.
  const { config } = await loadConfig(options.contentRoot);
  const pathPrefix = config ? pathPrefixOf(config) : "/";
  const devServer = await serve(options.outputDir, options.port, pathPrefix);
  const url = `http://localhost:${options.port}${pathPrefix}`;
  const watched = watchedSources(options.contentRoot);
  console.log(`Serving ${path.relative(process.cwd(), options.outputDir) || "."} at ${url}`);
  console.log(`Watching ${watched.flatMap(describeSource).join(", ")}; Ctrl-C to stop.`);

  let stopping = false;
  const rebuild = serialized(async () => {
    if (stopping) return;
    console.log("Change seen, rebuilding…");
    if (await buildOnce(buildOptions)) devServer.reload();
    else console.error(`Still serving the previous build at ${url}`);
  });
  const watchers = watchSources(watched, debounced(rebuild, 200));

  const stop = async () => {
    stopping = true;
    for (const watcher of watchers) watcher.close();
    if (runningBuild) await endProcess(runningBuild);
    await devServer.close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

/**
 * Runs one build in a fresh Node process and prints its report; true when the site was built.
 * Eleventy keeps template contents, layouts and the imported config in module-level caches that a second build in the same process would reuse, so only a new process sees every edit.
 */
async function buildOnce(options: BuildOptions): Promise<boolean> {
  const started = performance.now();
  const child = fork(thisScript, [], { env: { ...process.env, [buildChildEnv]: JSON.stringify(options) } });
  runningBuild = child;
  let result: BuildResult | undefined;
  child.on("message", (message) => {
    result = message as BuildResult;
  });
  // "close", not "exit": it comes after the last message.
  const [exitCode, signal] = (await once(child, "close")) as [number | null, NodeJS.Signals | null];
  runningBuild = undefined;
  if (!result) {
    console.error(`The build crashed (${signal ?? `exit code ${exitCode}`}); its error is printed above.`);
    return false;
  }
  if (result.report) console.error(result.report);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (result.ok) console.log(`Built ${result.writtenCount} pages in ${seconds} s.`);
  return result.ok;
}

/** Ends `child` and waits until it has gone, so nothing of `npm start` outlives it. */
async function endProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill();
  await exited;
}

/** The child's side of `buildOnce`: build once and send the result to the parent. */
async function buildForParent(options: BuildOptions): Promise<void> {
  const { buildSite } = await import("./build.ts");
  const result = await buildSite(options);
  process.send?.(result);
}

/** Serves `dir` on 127.0.0.1 with Eleventy's dev server, which injects the live-reload script into every page. */
async function serve(dir: string, port: number, pathPrefix: string): Promise<DevServer> {
  await assertPortFree(port);
  const require = createRequire(import.meta.url);
  const devServerModule = require("@11ty/eleventy-dev-server") as DevServerModule;
  const devServer = devServerModule.getServer("baoku", dir, { port, pathPrefix, liveReload: true, domDiff: false, messageOnStart: () => false });
  // `serve()` would listen on every interface and move to the next port when this one is taken; listen here instead, on loopback only.
  devServer.server.listen({ port, host: "127.0.0.1" });
  await devServer.ready();
  return devServer;
}

/** Fails with a message that says what to do when `port` is taken, rather than the dev server's retry on other ports. */
async function assertPortFree(port: number): Promise<void> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new Error(`Port ${port} is already in use on 127.0.0.1; set PORT to another port, e.g. PORT=8081 npm start`) : error),
    );
    probe.listen({ port, host: "127.0.0.1" }, () => probe.close(() => resolve()));
  });
}

/** A folder watched with its subfolders, or a folder watched for the named files only. */
interface WatchedSource {
  path: string;
  recursive: boolean;
  /** For a folder watched for some of its files: their names. */
  files?: string[];
}

/** What a build reads: the issues and config of the content root, and the project's templates, assets and Eleventy config. */
function watchedSources(contentRoot: string): WatchedSource[] {
  const sources: WatchedSource[] = [
    { path: path.join(contentRoot, "issues"), recursive: true },
    { path: path.join(projectRoot, "templates"), recursive: true },
    { path: path.join(projectRoot, "public"), recursive: true },
  ];
  // Single files are watched through their folder: editors that save by writing a new file and renaming it over the old one would end a watch on the file itself.
  if (contentRoot === projectRoot) {
    sources.push({ path: projectRoot, recursive: false, files: ["baoku.config.json", ".eleventy.js"] });
  } else {
    sources.push({ path: contentRoot, recursive: false, files: ["baoku.config.json"] });
    sources.push({ path: projectRoot, recursive: false, files: [".eleventy.js"] });
  }
  return sources;
}

/** How a watched source is named to the person running `npm start`: issues/, baoku.config.json. */
function describeSource(source: WatchedSource): string[] {
  if (source.files) return source.files.map((file) => path.relative(process.cwd(), path.join(source.path, file)));
  return [`${path.relative(process.cwd(), source.path)}/`];
}

/** Calls `onChange` for every relevant change under `sources`; a folder that does not exist is skipped. */
function watchSources(sources: WatchedSource[], onChange: () => void): FSWatcher[] {
  const watchers: FSWatcher[] = [];
  for (const source of sources) {
    try {
      const watcher = watch(source.path, { recursive: source.recursive }, (_event, filename) => {
        if (!filename) return onChange();
        if (source.files ? source.files.includes(filename) : !isEditorTempFile(filename)) onChange();
      });
      watcher.on("error", (error) => console.error(`Stopped watching ${source.path}: ${error.message}`));
      watchers.push(watcher);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
  return watchers;
}

/** Swap, backup and lock files that editors write beside the file being edited (vim, Emacs, JetBrains IDEs, macOS). */
function isEditorTempFile(filename: string): boolean {
  const name = path.basename(filename);
  return (
    name.startsWith(".#") ||
    name.startsWith("#") ||
    name.endsWith("~") ||
    /\.(sw[a-p]|swx|tmp|bak)$/.test(name) ||
    name === "4913" ||
    name.endsWith("___jb_tmp___") ||
    name.endsWith("___jb_old___") ||
    name === ".DS_Store"
  );
}

/** Calls `fn` once `waitMs` have passed without another call, so a burst of file events gives one rebuild. */
function debounced(fn: () => void, waitMs: number): () => void {
  let timer: NodeJS.Timeout | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, waitMs);
  };
}

/** Runs `task` one at a time: a call while it runs makes it run once more afterwards, however many calls came in between. */
function serialized(task: () => Promise<void>): () => void {
  let running = false;
  let again = false;
  const run = async () => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    do {
      again = false;
      await task();
    } while (again);
    running = false;
  };
  return () => void run();
}

function optionsFromCommandLine(): StartOptions {
  const { values } = parseArgs({
    options: {
      content: { type: "string" },
      output: { type: "string" },
      verbose: { type: "boolean", default: false },
    },
  });
  const port = Number(process.env.PORT || 8080);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`PORT must be a port number from 1 to 65535, not ${process.env.PORT}`);
    process.exit(1);
  }
  return {
    contentRoot: path.resolve(values.content ?? projectRoot),
    outputDir: path.resolve(values.output ?? path.join(projectRoot, "_site")),
    port,
    verbose: values.verbose,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === thisScript) {
  const childOptions = process.env[buildChildEnv];
  if (childOptions) await buildForParent(JSON.parse(childOptions) as BuildOptions);
  else await start(optionsFromCommandLine());
}
