// git, for what it knows of a content root in a checkout: its history (content/history.ts) and the content of its clean files
// (content/content-files.ts). Never a reason to fail: without git, outside a repository or when git fails, the answer is nothing.
import { execFile } from "node:child_process";

/**
 * Runs git in `cwd` and resolves to its output, or undefined when git is missing or fails for any reason. Without a file system monitor:
 * ls-files, diff-files and blame would start the one a repository's configuration names (core.fsmonitor), and a build starts no daemon.
 */
export function git(cwd: string, args: readonly string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile("git", ["-c", "core.quotePath=false", "-c", "core.fsmonitor=false", ...args], { cwd, maxBuffer: 1 << 28, encoding: "utf8" }, (error, stdout) =>
      resolve(error ? undefined : stdout),
    );
  });
}

/**
 * The object id of each file below `folder` (relative to `cwd`, by its path relative to `cwd` with forward slashes) that git's index
 * holds and the work tree has unchanged: git's own hash of its content, known without reading it. A file is left out when git says it
 * differs from the index (by its stat, and by its bytes when the stat cannot tell: git's "racily clean" files), when git is told to
 * assume it unchanged or to skip it in the work tree (whose content git no longer watches), and when it is a link or a submodule. Empty
 * without git or a repository.
 */
export async function cleanObjectIds(cwd: string, folder: string): Promise<Map<string, string>> {
  const [listed, changed] = await Promise.all([
    git(cwd, ["ls-files", "--stage", "-v", "-z", "--", folder]),
    git(cwd, ["diff-files", "--relative", "--name-only", "-z", "--", folder]),
  ]);
  const ids = new Map<string, string>();
  if (listed === undefined || changed === undefined) return ids;
  const differs = new Set(changed.split("\0"));
  for (const line of listed.split("\0")) {
    // "<tag> <mode> <object id> <stage>\t<path>": tag H is a file tracked as usual; 100644 and 100755 are plain files.
    const match = /^H (100644|100755) ([0-9a-f]{40,64}) 0\t(.+)$/s.exec(line);
    if (match && !differs.has(match[3]!)) ids.set(match[3]!, match[2]!);
  }
  return ids;
}
