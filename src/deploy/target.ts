// Where `npm run deploy` puts the site, read from what the editor typed: a folder on this machine (a mounted share, a test's folder), a
// folder on a server reached by SSH (rsync), or an rclone remote (object storage: Aliyun OSS, Tencent COS, Qiniu, S3, and whatever else
// rclone speaks).
import path from "node:path";

export type Target =
  /** A folder on this machine; rsync copies into it. */
  | { kind: "directory"; path: string }
  /** A folder on a server, by rsync over SSH with the machine's ssh (its keys, known hosts and ~/.ssh/config). */
  | { kind: "ssh"; user?: string; host: string; port?: number; path: string }
  /** An rclone remote and the path in it, as rclone writes them (`oss:paper-archive/site`), configured in rclone.conf or RCLONE_CONFIG_*. */
  | { kind: "rclone"; remote: string };

/**
 * Reads a target:
 * - `ssh://[user@]host[:port]/path` or `user@host:path` (as scp and rsync write it): a server's folder, over SSH;
 * - `rclone:<remote>:<path>` or `<remote>:<path>` with a remote name of letters, digits, `_` and `-`: an rclone remote;
 * - anything else (`/srv/www`, `./out`, `D:\…` is not supported): a folder here.
 * Undefined for an `ssh://` address without a host or path.
 */
export function parseTarget(text: string): Target | undefined {
  if (text.startsWith("ssh://")) {
    const match = /^ssh:\/\/(?:([^@/]+)@)?([^:/]+)(?::(\d+))?(\/.*)$/.exec(text);
    if (!match) return undefined;
    const [, user, host, port, folder] = match;
    return { kind: "ssh", host: host!, path: folder!, ...(user && { user }), ...(port && { port: Number(port) }) };
  }
  const scp = /^([^@/:]+)@([^:/]+):(.*)$/.exec(text);
  if (scp) return { kind: "ssh", user: scp[1]!, host: scp[2]!, path: scp[3] || "." };
  if (text.startsWith("rclone:")) return { kind: "rclone", remote: text.slice("rclone:".length) };
  if (/^:?[A-Za-z0-9_-]+(,[^:]*)?:/.test(text) && !path.isAbsolute(text)) return { kind: "rclone", remote: text };
  return { kind: "directory", path: path.resolve(text) };
}

/** The target as the editor is shown it. */
export function shownTarget(target: Target): string {
  switch (target.kind) {
    case "directory":
      return target.path;
    case "ssh":
      return `${target.user ? `${target.user}@` : ""}${target.host}${target.port ? `:${target.port}` : ""}:${target.path}`;
    case "rclone":
      return target.remote;
  }
}
