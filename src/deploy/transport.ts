// How files reach a target, through tools made for it rather than an uploader of our own: rsync for a folder here or on a server over
// SSH (it writes each file under a temporary name and renames it into place, so a reader never gets half a file), and rclone for object
// storage and whatever else rclone speaks. Both skip a file the target already has with the same size and time, so a deploy run again
// after it was stopped sends only what it had not sent. A tool that fails becomes a problem the editor can act on, never a stack trace.
import { spawn } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { problem, type Problem } from "../problems.ts";
import { shortText } from "../content/shown-value.ts";
import { shownTarget, type Target } from "./target.ts";

export interface Transport {
  /** Copies `files` (paths relative to the site's root) from the site to the target, making folders as needed. */
  send(files: readonly string[]): Promise<void>;
  /** Copies the file `file` of this machine to `as` (relative to the site's root) on the target. */
  put(file: string, as: string): Promise<void>;
  /** Removes `files`, and then `folders` with whatever is left below them, from the target; what is not there is no mistake. */
  remove(files: readonly string[], folders: readonly string[]): Promise<void>;
  /** Copies `files` of the target into `intoDir`; a file the target does not have is left out. */
  fetch(files: readonly string[], intoDir: string): Promise<void>;
  /** The names of the files in `folder` of the target; none when it has no such folder. */
  list(folder: string): Promise<string[]>;
  /** Ends what the transport keeps open (an SSH connection shared by its rsync runs). */
  close(): Promise<void>;
}

/** A deploy that cannot go on, with the problem to tell the editor. */
export class DeployFailure extends Error {
  override name = "DeployFailure";

  constructor(readonly problem: Problem) {
    super(problem.kind);
  }
}

/**
 * The transport for `target`, sending from `siteDir` (the site's real folder, not the link to it); `rsh` is the ssh command rsync logs in
 * with (default: RSYNC_RSH, else ssh).
 */
export function transportFor(target: Target, siteDir: string, rsh = process.env.RSYNC_RSH ?? "ssh"): Transport {
  return target.kind === "rclone" ? rcloneTransport(target.remote, siteDir, target) : rsyncTransport(target, siteDir, rsh);
}

/** Files a tool is given at once, in a list file. */
async function withList<T>(files: readonly string[], use: (listFile: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "baoku-deploy-"));
  try {
    const listFile = path.join(dir, "files");
    await writeFile(listFile, files.map((file) => `${file}\n`).join(""));
    return await use(listFile);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function rsyncTransport(target: Exclude<Target, { kind: "rclone" }>, siteDir: string, rsh: string): Transport {
  const base = target.kind === "ssh" ? `${target.user ? `${target.user}@` : ""}${target.host}:${target.path.replace(/\/*$/, "/")}` : `${target.path}/`;
  // The machine's ssh, with what the editor set in RSYNC_RSH (a key, a known-hosts file); never waiting for a password that nobody types.
  // One connection serves every rsync run of the deploy (ControlMaster): logging in costs about a second, as much as a day's files.
  const control = target.kind === "ssh" ? path.join(os.tmpdir(), `baoku-ssh-${process.pid}-${Math.random().toString(36).slice(2, 8)}`) : undefined;
  const ssh = `${rsh} -o BatchMode=yes -o ConnectTimeout=15${target.kind === "ssh" && target.port ? ` -p ${target.port}` : ""}`;
  const shared = control ? ` -o ControlMaster=auto -o ControlPath=${control} -o ControlPersist=60` : "";
  const shell = target.kind === "ssh" ? ["-e", `${ssh}${shared}`] : [];
  const rsync = (args: string[], allowed: readonly number[] = []) => run("rsync", [...shell, ...args], target, allowed);
  const ready = target.kind === "directory" ? mkdir(target.path, { recursive: true }).then(() => undefined) : Promise.resolve();
  return {
    async send(files) {
      if (files.length === 0) return;
      await ready;
      // Readable by the web server whatever this machine's umask; times kept, so a file sent before is skipped when run again.
      await withList(files, (list) => rsync(["--times", "--chmod=D755,F644", `--files-from=${list}`, `${siteDir}/`, base]));
    },
    async put(file, as) {
      await ready;
      // Into the folder it goes in, which the lists sent before it made.
      await rsync(["--times", "--chmod=F644", file, `${base}${as}`]);
    },
    async remove(files, folders) {
      if (files.length + folders.length === 0) return;
      await ready;
      // Listed paths the site does not have are deleted on the target: the site no longer has any of these. rsync says 24, "vanished",
      // when the folder of such a path is gone from the site as well, which is the case of every folder removed.
      await withList([...files, ...folders], (list) => rsync(["--delete-missing-args", "--force", "--recursive", `--files-from=${list}`, `${siteDir}/`, base], [24]));
    },
    async fetch(files, intoDir) {
      await ready;
      await withList(files, async (list) => {
        const args = ["--times", "--ignore-missing-args", `--files-from=${list}`, base, `${intoDir}/`];
        const { code, stderr } = await rsync(args, SOURCE_MISSING);
        // A target folder that does not exist yet holds no manifest: the first deploy makes it.
        if (code !== 0 && !folderMissing(stderr)) throw new DeployFailure(failureOf("rsync", target, code, stderr));
      });
    },
    async list(folder) {
      await ready;
      const { stdout, stderr, code } = await rsync(["--list-only", `${base}${folder}/`], SOURCE_MISSING);
      if (code !== 0) {
        if (folderMissing(stderr)) return [];
        throw new DeployFailure(failureOf("rsync", target, code, stderr));
      }
      return stdout.split("\n").flatMap((line) => {
        const match = /^-\S+\s+[\d,.]+\s+\S+\s+\S+\s+(.+)$/.exec(line);
        return match ? [match[1]!] : [];
      });
    },
    async close() {
      if (!control || target.kind !== "ssh") return;
      const host = `${target.user ? `${target.user}@` : ""}${target.host}`;
      await new Promise((resolve) => spawn("sh", ["-c", `${ssh} -o ControlPath=${control} -O exit ${host}`], { stdio: "ignore" }).on("close", resolve).on("error", resolve));
      await rm(control, { force: true });
    },
  };
}

/**
 * rsync's exit codes when what it was to read is not there (3: the source folder, 12: the sending side stopped for it, 23: a file):
 * taken as answers where the folder may not exist yet, once its message says so.
 */
const SOURCE_MISSING = [3, 12, 23];

/** Whether rsync said that a folder it was to read from does not exist. */
function folderMissing(stderr: string): boolean {
  return /(change_dir|link_stat) .* failed: No such file or directory/.test(stderr);
}

function rcloneTransport(remote: string, siteDir: string, target: Target): Transport {
  const at = (folder: string) => (/[:/]$/.test(remote) ? `${remote}${folder}` : `${remote}/${folder}`);
  const rclone = (args: string[], allowed: readonly number[] = []) => run("rclone", args, target, allowed);
  return {
    async send(files) {
      if (files.length === 0) return;
      // Only the listed files, without listing the whole target first (which at decades of issues takes longer than the upload).
      await withList(files, (list) => rclone(["copy", siteDir, remote, `--files-from-raw=${list}`, "--no-traverse", "--transfers=8", "--checkers=16"]));
    },
    async put(file, as) {
      await rclone(["copyto", file, at(as)]);
    },
    async remove(files, folders) {
      if (files.length > 0) await withList(files, (list) => rclone(["delete", remote, `--files-from-raw=${list}`]));
      // Object storage has no folders; other remotes are left without empty ones. 3 is rclone's "directory not found".
      for (const folder of folders) await rclone(["rmdirs", at(folder)], [3]);
    },
    async fetch(files, intoDir) {
      await withList(files, (list) => rclone(["copy", remote, intoDir, `--files-from-raw=${list}`, "--no-traverse"]));
    },
    async list(folder) {
      const { stdout, code } = await rclone(["lsf", "--files-only", at(folder)], [3]);
      return code === 3 ? [] : stdout.split("\n").filter((name) => name !== "");
    },
    async close() {},
  };
}

/** What a tool said that tells why it failed, in the order they are tried: the first that matches names the problem. */
const FAILURES: readonly [RegExp, "DeployTargetUnreachable" | "DeployAccessDenied" | "DeployRemoteUnknown"][] = [
  [/didn't find section in config file|unknown backend|couldn't find type field/i, "DeployRemoteUnknown"],
  [/permission denied|host key verification failed|access ?denied|signaturedoesnotmatch|invalidaccesskeyid|forbidden|\b403\b/i, "DeployAccessDenied"],
  [/connection refused|could not resolve|no route to host|timed out|network is unreachable|no such host|i\/o timeout|connection reset|connection closed|couldn't connect|failed to dial|unexplained error/i, "DeployTargetUnreachable"],
];

/** Runs `tool`; an exit code other than 0 and `allowed` becomes the problem of what it said. */
function run(tool: "rsync" | "rclone", args: string[], target: Target, allowed: readonly number[]): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("error", (error: NodeJS.ErrnoException) => {
      const where = { file: shownTarget(target) };
      reject(error.code === "ENOENT" ? new DeployFailure(problem("DeployToolMissing", where, { tool })) : error);
    });
    child.on("close", (code, signal) => {
      const exit = code ?? (signal ? 128 : 1);
      if (exit === 0 || allowed.includes(exit)) return resolve({ stdout, stderr, code: exit });
      reject(new DeployFailure(failureOf(tool, target, exit, stderr)));
    });
  });
}

/** A failure of this machine's own (a file that could not be read or written here, a full temporary folder), or undefined for any other error. */
export function systemFailure(error: unknown, target: string): DeployFailure | undefined {
  const { code, message } = (error ?? {}) as NodeJS.ErrnoException;
  if (typeof code !== "string" || typeof message !== "string") return undefined;
  return new DeployFailure(problem("DeployFailed", { file: target }, { tool: "npm run deploy", code, said: shortText(message, 300) }));
}

/** The problem of a tool that exited with `code` after saying `stderr`. */
export function failureOf(tool: "rsync" | "rclone", target: Target, code: number, stderr: string): Problem {
  const where = { file: shownTarget(target) };
  const lines = stderr.split("\n").map((line) => line.trim()).filter((line) => line !== "" && !/NOTICE: Config file .* not found/.test(line));
  const said = shortText(lines.find((line) => FAILURES.some(([pattern]) => pattern.test(line))) ?? lines.at(-1) ?? `exit ${code}`, 300);
  const kind = FAILURES.find(([pattern]) => pattern.test(stderr))?.[1];
  if (kind) return problem(kind, where, { tool, said });
  return problem("DeployFailed", where, { tool, code, said });
}
