// What the preview watches for changes — the issues and configuration of the content root, the project's templates, assets and Eleventy
// configuration — and how a burst of file events becomes one rebuild.
import { existsSync, statSync } from "node:fs";
import { watch, type FSWatcher } from "chokidar";
import path from "node:path";
import { projectRoot } from "../project.ts";

/** A folder watched with its subfolders, or a folder watched for the named files only. */
export interface WatchedSource {
  path: string;
  recursive: boolean;
  /** For a folder watched for some of its files: their names. */
  files?: string[];
}

/** What a build reads: the issues and config of the content root, and the project's templates, assets and Eleventy config. */
export function watchedSources(contentRoot: string): WatchedSource[] {
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
export function describeSource(source: WatchedSource): string[] {
  if (source.files) return source.files.map((file) => path.relative(process.cwd(), path.join(source.path, file)));
  return [`${path.relative(process.cwd(), source.path)}/`];
}

/**
 * Calls `onChange` for every relevant change under `sources`, and `onError` when a watch fails; a folder that does not exist is skipped.
 * chokidar (Eleventy's own watcher) rather than Node's recursive `fs.watch`, which on Linux follows the inode of a file an editor
 * replaced by renaming a new one over it (vim, gedit, VS Code) and so hears none of that file's later saves. Resolves once every watcher
 * has read its folders: chokidar hears nothing in a folder before, and an archive of decades holds thousands of files, so whoever says
 * "watching" must wait for it.
 */
export async function watchSources(
  sources: WatchedSource[],
  onChange: () => void,
  onError: (source: WatchedSource, error: Error) => void,
): Promise<FSWatcher[]> {
  const watchers = sources
    .filter((source) => existsSync(source.path))
    .map((source) => {
      const relevant = (file: string) => (source.files ? source.files.includes(path.basename(file)) : !isEditorTempFile(file));
      const watcher = watch(source.path, {
        ignoreInitial: true,
        ...(!source.recursive && { depth: 0 }),
        ignored: (file: string) => file !== source.path && !relevant(file) && !(source.recursive && isFolderOf(source.path, file)),
      });
      watcher.on("all", (_event, file) => {
        if (relevant(file)) onChange();
      });
      watcher.on("error", (error) => onError(source, error instanceof Error ? error : new Error(String(error))));
      return watcher;
    });
  await Promise.all(watchers.map((watcher) => new Promise<void>((resolve) => watcher.once("ready", () => resolve()))));
  return watchers;
}

/** Whether `file` names a folder under `root` that exists: folders are walked into, never themselves a change. */
function isFolderOf(root: string, file: string): boolean {
  return file.startsWith(root + path.sep) && (statSync(file, { throwIfNoEntry: false })?.isDirectory() ?? false);
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
export function debounced(fn: () => void, waitMs: number): () => void {
  let timer: NodeJS.Timeout | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(fn, waitMs);
  };
}

/** Runs `task` one at a time: a call while it runs makes it run once more afterwards, however many calls came in between. */
export function serialized(task: () => Promise<void>): () => void {
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
