// How files reach a target, through tools made for it rather than an uploader of our own: rsync for a folder here or on a server over
// SSH (it writes each file under a temporary name and renames it into place, so a reader never gets half a file), and rclone for object
// storage and whatever else rclone speaks. Both skip a file the target already has with the same size and time, so a deploy run again
// after it was stopped sends only what it had not sent. A tool that fails becomes a problem the editor can act on, never a stack trace.
import { spawn } from "node:child_process";
import { copyFile, lstat, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { problem, ProblemsError, type Problem } from "../problems.ts";
import { shortText } from "../util/shown.ts";
import { shownTarget, type Target } from "./target.ts";
import { DEPLOY_LOCK, DEPLOY_SCRATCH, type LockStore } from "./target-lock.ts";

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
  /** The target's lock (target-lock.ts). */
  lock: LockStore;
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
      await withList(files, (list) => rsync([...SEND, `--files-from=${list}`, `${siteDir}/`, base]));
    },
    async put(file, as) {
      await ready;
      // From a folder of its own where it has its name on the target, so it is sent as every other file is (its scratch folder included).
      const dir = await mkdtemp(path.join(os.tmpdir(), "baoku-put-"));
      try {
        await mkdir(path.dirname(path.join(dir, as)), { recursive: true });
        await copyFile(file, path.join(dir, as));
        await withList([as], (list) => rsync([...SEND, `--files-from=${list}`, `${dir}/`, base]));
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    async remove(files, folders) {
      const gone = folders.filter(isPlainPath);
      // A file in a folder that goes goes with it; listing it would keep its folder in the sending copy, and so on the target.
      const inGone = (file: string) => gone.some((folder) => file.startsWith(`${folder}/`));
      const safe = { files: files.filter((file) => isPlainPath(file) && !inGone(file)), folders: gone };
      if (safe.files.length + safe.folders.length === 0) return;
      await ready;
      // rsync deletes, in the folders it is sent, what the sending folder lacks and the filters include: here, from an empty copy of
      // the folders that hold what goes, exactly the listed files and folders. (`--delete-missing-args`, which did this from a list, fails
      // in Debian's rsync 3.2.7 since its security update: "invalid file mode 00".) `--existing` makes no folder the target has not.
      const dir = await mkdtemp(path.join(os.tmpdir(), "baoku-remove-"));
      try {
        const parents = new Set<string>();
        for (const item of [...safe.files, ...safe.folders]) {
          for (let folder = path.posix.dirname(item); folder !== "." && !parents.has(folder); folder = path.posix.dirname(folder)) parents.add(folder);
        }
        for (const folder of parents) await mkdir(path.join(dir, "empty", folder), { recursive: true });
        await mkdir(path.join(dir, "empty"), { recursive: true });
        const filters = [
          ...[...parents].sort().map((folder) => `+ /${folder}/`),
          ...safe.files.map((file) => `+ /${file}`),
          ...safe.folders.map((folder) => `+ /${folder}/***`),
          "- *",
        ];
        await writeFile(path.join(dir, "filters"), `${filters.join("\n")}\n`);
        await rsync(["--recursive", "--delete", "--force", "--existing", `--filter=merge ${path.join(dir, "filters")}`, `${path.join(dir, "empty")}/`, base]);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    async fetch(files, intoDir) {
      await ready;
      await withList(files, async (list) => {
        const args = ["--times", "--ignore-missing-args", `--files-from=${list}`, base, `${intoDir}/`];
        const { code, stderr } = await rsync(args, SOURCE_MISSING);
        // A target folder that does not exist yet holds no manifest: the first deploy makes it.
        if (code !== 0 && !folderMissing(stderr)) throw new ProblemsError(failureOf("rsync", target, code, stderr));
      });
    },
    async list(folder) {
      await ready;
      const { stdout, stderr, code } = await rsync(["--list-only", `${base}${folder}/`], SOURCE_MISSING);
      if (code !== 0) {
        if (folderMissing(stderr)) return [];
        throw new ProblemsError(failureOf("rsync", target, code, stderr));
      }
      return stdout.split("\n").flatMap((line) => {
        const match = /^-\S+\s+[\d,.]+\s+\S+\s+\S+\s+(.+)$/.exec(line);
        return match ? [match[1]!] : [];
      });
    },
    async close() {
      if (!control || target.kind !== "ssh") return;
      const host = `${target.user ? `${target.user}@` : ""}${target.host}`;
      await new Promise((resolve) =>
        spawn("sh", ["-c", `${ssh} -o ControlPath=${control} -O exit ${host}`], { stdio: "ignore" })
          .on("close", resolve)
          .on("error", resolve),
      );
      await rm(control, { force: true });
    },
    lock:
      target.kind === "directory"
        ? folderLock(target.path)
        : {
            // One shell command on the server: `set -C` makes the lock with O_EXCL, so of two deploys only one makes it.
            async create(text) {
              const script = `${inFolder(target.path, true)} && mkdir -p ${DEPLOY_FOLDER_SH} && if (set -C; cat > ${quoted(DEPLOY_LOCK)}) 2>/dev/null; then rm -rf ${quoted(DEPLOY_SCRATCH)} && mkdir ${quoted(DEPLOY_SCRATCH)} && echo made; else echo held; cat ${quoted(DEPLOY_LOCK)}; fi`;
              const { stdout } = await remoteShell(script, text);
              const [answer, ...held] = stdout.split("\n");
              return answer === "made" ? undefined : held.join("\n").trim();
            },
            async remove(text) {
              await remoteShell(
                `${inFolder(target.path, false)} || exit 0; if [ "$(cat ${quoted(DEPLOY_LOCK)} 2>/dev/null)" = ${quoted(text)} ]; then rm -rf ${quoted(DEPLOY_SCRATCH)}; rm -f ${quoted(DEPLOY_LOCK)}; fi`,
                "",
              );
            },
          },
  };

  /** Runs `script` in the login shell of the target's server, through the deploy's shared SSH connection, with `input` on its standard input. */
  function remoteShell(script: string, input: string) {
    const host = target.kind === "ssh" ? `${target.user ? `${target.user}@` : ""}${target.host}` : "";
    return run("ssh", ["sh", "-c", `${ssh}${shared} ${quoted(host)} ${quoted(script)}`], target, [], input);
  }
}

/** What every rsync run that writes to the target passes: times kept, so a file sent before is skipped when run again, and compared to the
 * nanosecond (`--modify-window=-1`, rsync 3.1.3 and later on both sides): by default rsync compares whole seconds, and skipped a changed
 * file of the same size written in the same second as the one on the target (two builds a second apart, as the tests make them);
 * readable by the web server whatever this machine's umask; and files received into the target's scratch folder, which the next deploy
 * empties, rather than beside their final place, where a deploy killed midway would leave them (`.cite.bib.ef7FlK`). */
const SEND = ["--times", "--modify-window=-1", "--chmod=D755,F644", `--temp-dir=${DEPLOY_SCRATCH}`];

const DEPLOY_FOLDER_SH = quoted(path.posix.dirname(DEPLOY_LOCK));

/**
 * Whether `file` is a path a site can hold: relative, without `.` or `..` steps, and without what rsync's filters read as a pattern.
 * Deleted paths come from the target's lists, which anyone who can write the target can write.
 */
export function isPlainPath(file: string): boolean {
  return file !== "" && !file.startsWith("/") && !/[*?[\\\0\n\r]/.test(file) && file.split("/").every((step) => step !== "" && step !== "." && step !== "..");
}

/** A shell command going into `folder` (relative to the login's home), making it first when `make`. */
function inFolder(folder: string, make: boolean): string {
  return make ? `{ cd ${quoted(folder)} 2>/dev/null || { mkdir -p ${quoted(folder)} && cd ${quoted(folder)}; }; }` : `cd ${quoted(folder)} 2>/dev/null`;
}

/** `text` as one word of a POSIX shell. */
function quoted(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** The lock of a target that is a folder on this machine, made with O_EXCL. */
function folderLock(root: string): LockStore {
  const lock = path.join(root, DEPLOY_LOCK);
  const scratch = path.join(root, DEPLOY_SCRATCH);
  return {
    async create(text) {
      await mkdir(path.dirname(lock), { recursive: true });
      try {
        await writeFile(lock, text, { flag: "wx" });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
        return readFile(lock, "utf8");
      }
      await rm(scratch, { recursive: true, force: true });
      await mkdir(scratch);
      return undefined;
    },
    async remove(text) {
      if ((await readFile(lock, "utf8").catch(() => undefined)) !== text) return;
      await rm(scratch, { recursive: true, force: true });
      await rm(lock, { force: true });
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
  // rclone writes into a folder on this machine (its local backend) through any link inside it: those targets are checked for links
  // before each step, and locked as a folder is.
  const local = localFolderOf(remote);
  const linkFree = async (files: readonly string[]) => {
    const root = await local;
    if (root) await assertNoLinks(root, files);
  };
  return {
    async send(files) {
      if (files.length === 0) return;
      await linkFree(files);
      // Only the listed files, without listing the whole target first (which at decades of issues takes longer than the upload).
      await withList(files, (list) => rclone(["copy", siteDir, remote, `--files-from-raw=${list}`, "--no-traverse", "--transfers=8", "--checkers=16"]));
    },
    async put(file, as) {
      await linkFree([as]);
      await rclone(["copyto", file, at(as)]);
    },
    async remove(files, folders) {
      await linkFree([...files, ...folders]);
      if (files.length > 0) await withList(files, (list) => rclone(["delete", remote, `--files-from-raw=${list}`]));
      // Object storage has no folders; other remotes are left without empty ones. 3 is rclone's "directory not found".
      for (const folder of folders) await rclone(["rmdirs", at(folder)], [3]);
    },
    async fetch(files, intoDir) {
      await linkFree(files);
      await withList(files, (list) => rclone(["copy", remote, intoDir, `--files-from-raw=${list}`, "--no-traverse"]));
    },
    async list(folder) {
      await linkFree([`${folder}/`]);
      const { stdout, code } = await rclone(["lsf", "--files-only", at(folder)], [3]);
      return code === 3 ? [] : stdout.split("\n").filter((name) => name !== "");
    },
    async close() {},
    lock: {
      async create(text) {
        const root = await local;
        if (root) {
          await assertNoLinks(root, [DEPLOY_LOCK]);
          return folderLock(root).create(text);
        }
        // Object storage has no create-if-absent: the lock is written where none is and read back, so of two deploys the later writer wins
        // and the other, reading another's text, stops before it has sent anything.
        const held = await readRemote();
        if (held !== undefined) return held;
        await run("rclone", ["rcat", at(DEPLOY_LOCK)], target, [], text);
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const now = await readRemote();
        return now === text ? undefined : (now ?? "");
      },
      async remove(text) {
        const root = await local;
        if (root) return folderLock(root).remove(text);
        if ((await readRemote()) === text) await rclone(["deletefile", at(DEPLOY_LOCK)], [3, 4]);
      },
    },
  };

  async function readRemote(): Promise<string | undefined> {
    const { stdout, code } = await rclone(["cat", at(DEPLOY_LOCK)], [3, 4]);
    return code === 0 ? stdout : undefined;
  }
}

/** The folder on this machine an rclone remote writes to: `:local:/path`, or a remote configured with `type = local`; undefined for others. */
async function localFolderOf(remote: string): Promise<string | undefined> {
  const inline = /^:local(?:,[^:]*)?:(.*)$/.exec(remote);
  if (inline) return path.resolve(inline[1]!);
  const named = /^([A-Za-z0-9_-]+)(?:,[^:]*)?:(.*)$/.exec(remote);
  if (!named) return undefined;
  const listed = await new Promise<string>((resolve) => {
    let out = "";
    const child = spawn("rclone", ["listremotes", "--long"], { stdio: ["ignore", "pipe", "ignore"] });
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
    child.on("close", () => resolve(out)).on("error", () => resolve(""));
  });
  const isLocal = listed.split("\n").some((line) => new RegExp(`^${named[1]}:\\s+local\\s*$`).test(line));
  return isLocal ? path.resolve(named[2]!) : undefined;
}

/**
 * Refuses, with DeployTargetHasLink, a target folder on this machine where any folder on the way to one of `files` (relative to `root`;
 * a trailing `/` names a folder), or the file itself, is a symbolic link. `root` itself may be one: it is the target as the editor named it.
 */
async function assertNoLinks(root: string, files: readonly string[]): Promise<void> {
  const checked = new Map<string, boolean>();
  const isLink = async (relative: string) => {
    let link = checked.get(relative);
    if (link === undefined) {
      link = (await lstat(path.join(root, relative)).catch(() => undefined))?.isSymbolicLink() ?? false;
      checked.set(relative, link);
    }
    return link;
  };
  for (const file of files) {
    const steps = file.split("/").filter((step) => step !== "");
    for (let depth = 1; depth <= steps.length; depth++) {
      const relative = steps.slice(0, depth).join("/");
      if (await isLink(relative)) throw new ProblemsError(problem("DeployTargetHasLink", { file: root }, { link: relative }));
    }
  }
}

/** The most a tool may print: what is read from a target (its lists, a folder's names) is bounded like every other input. */
export const MAX_TOOL_OUTPUT = 64 * 1024 * 1024;

type Tool = "rsync" | "rclone" | "ssh";

/** What a tool said that tells why it failed, in the order they are tried: the first that matches names the problem. */
const FAILURES: readonly [RegExp, "DeployTargetUnreachable" | "DeployAccessDenied" | "DeployRemoteUnknown"][] = [
  [/didn't find section in config file|unknown backend|couldn't find type field/i, "DeployRemoteUnknown"],
  [/permission denied|host key verification failed|access ?denied|signaturedoesnotmatch|invalidaccesskeyid|forbidden|\b403\b/i, "DeployAccessDenied"],
  [
    /connection refused|could not resolve|no route to host|timed out|network is unreachable|no such host|i\/o timeout|connection reset|connection closed|couldn't connect|failed to dial|unexplained error/i,
    "DeployTargetUnreachable",
  ],
];

/** What rsync and rclone say when a folder is where a file is to go: the path is the first group. */
const FOLDER_FOR_FILE = /(?:cannot delete non-empty directory|could not make way for new (?:regular file|symlink)|is a directory)[:,]?\s*"?([^"\s]*)/i;

/**
 * Runs `tool` with `args` (for ssh, `sh` runs the command in them), with `input` on its standard input; an exit code other than 0 and
 * `allowed` becomes the problem of what it said, and output over MAX_TOOL_OUTPUT ends it.
 */
function run(tool: Tool, args: string[], target: Target, allowed: readonly number[], input = ""): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((resolve, reject) => {
    const [program, programArgs] = tool === "ssh" ? [args[0]!, args.slice(1)] : [tool, args];
    const child = spawn(program, programArgs, { stdio: ["pipe", "pipe", "pipe"] });
    child.stdin.on("error", () => {});
    child.stdin.end(input);
    let stdout = "";
    let stderr = "";
    let over = false;
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      if (over) return;
      stdout += chunk;
      if (stdout.length > MAX_TOOL_OUTPUT) {
        over = true;
        stdout = "";
        child.kill("SIGKILL");
      }
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      if (stderr.length < 1024 * 1024) stderr += chunk;
    });
    child.on("error", (error: NodeJS.ErrnoException) => {
      const where = { file: shownTarget(target) };
      reject(error.code === "ENOENT" && tool !== "ssh" ? new ProblemsError(problem("DeployToolMissing", where, { tool })) : error);
    });
    child.on("close", (code, signal) => {
      if (over)
        return reject(
          new ProblemsError(
            problem("DeployTargetListTooLarge", { file: shownTarget(target) }, { list: `${tool} ${args.at(-1)}`, limitMb: MAX_TOOL_OUTPUT / 1024 / 1024 }),
          ),
        );
      const exit = code ?? (signal ? 128 : 1);
      if (exit === 0 || allowed.includes(exit)) return resolve({ stdout, stderr, code: exit });
      reject(new ProblemsError(failureOf(tool, target, exit, stderr)));
    });
  });
}

/** A failure of this machine's own (a file that could not be read or written here, a full temporary folder), or undefined for any other error. */
export function systemFailure(error: unknown, target: string): ProblemsError | undefined {
  const { code, message } = (error ?? {}) as NodeJS.ErrnoException;
  if (typeof code !== "string" || typeof message !== "string") return undefined;
  return new ProblemsError(problem("DeployFailed", { file: target }, { tool: "npm run deploy", code, said: shortText(message, 300) }));
}

/** The problem of a tool that exited with `code` after saying `stderr`. */
export function failureOf(tool: Tool, target: Target, code: number, stderr: string): Problem {
  const where = { file: shownTarget(target) };
  const lines = stderr
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "" && !/NOTICE: Config file .* not found/.test(line));
  const folder = FOLDER_FOR_FILE.exec(stderr);
  if (folder) return problem("DeployTargetNotAFile", where, { path: shortText(folder[1]!.replace(/^.*?(\.baoku\/)/, "$1"), 200) });
  // The line that says why: one that names a known failure, else the first error the tool gave, not its summary ("some files/attrs were
  // not transferred (see previous errors) (code 23)"), which says nothing of the cause.
  const cause =
    lines.find((line) => FAILURES.some(([pattern]) => pattern.test(line))) ??
    lines.find((line) => /^(rsync|rclone|ssh|sh):|ERROR|error:|failed/i.test(line) && !/see previous errors|^rsync error: /.test(line)) ??
    lines.at(-1) ??
    `exit ${code}`;
  const said = shortText(cause, 300);
  const kind = FAILURES.find(([pattern]) => pattern.test(stderr))?.[1];
  if (kind) return problem(kind, where, { tool, said });
  return problem("DeployFailed", where, { tool, code, said });
}
