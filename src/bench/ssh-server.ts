// A real SSH server for the deploy's tests and benchmark: Debian's OpenSSH sshd, started on 127.0.0.1 on a free port as whoever runs
// it (root in CI, an engineer on their machine), with a host key and a login key made for the run, so nothing of the machine's own
// ssh setup is used or changed.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";

export interface SshServer {
  port: number;
  user: string;
  /** The ssh command that logs in to it with the run's key and checks its host key, for RSYNC_RSH. */
  rsh: string;
  /** `ssh://user@127.0.0.1:port<folder>`, the deploy target of a folder on it. */
  targetOf(folder: string): string;
  stop(): Promise<void>;
}

/** Where sshd is: SSHD_PATH, or Debian's. It must be an absolute path (sshd re-executes itself). */
export function sshdPath(): string | undefined {
  const found = process.env.SSHD_PATH ?? "/usr/sbin/sshd";
  return path.isAbsolute(found) && existsSync(found) && hasCommand("ssh") && hasCommand("ssh-keygen") && hasCommand("rsync") ? found : undefined;
}

/** Whether `name` can be run (its exit code for a bad option does not matter). */
function hasCommand(name: string): boolean {
  return spawnSync(name, ["-?"], { stdio: "ignore" }).error === undefined;
}

/** Starts sshd; undefined when the machine has no sshd, ssh, ssh-keygen or rsync. Rejects when sshd does not come up within 15 s. */
export async function startSshServer(): Promise<SshServer | undefined> {
  const sshd = sshdPath();
  if (!sshd) return undefined;
  const dir = await mkdtemp(path.join(os.tmpdir(), "baoku-sshd-"));
  await chmod(dir, 0o700);
  const user = os.userInfo().username;
  for (const key of ["host_key", "user_key"]) {
    const made = spawnSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "baoku-test", "-f", path.join(dir, key)], { encoding: "utf8" });
    if (made.status !== 0) throw new Error(`ssh-keygen: ${made.stderr}`);
  }
  await writeFile(path.join(dir, "authorized_keys"), await readFile(path.join(dir, "user_key.pub")), { mode: 0o600 });
  const port = await freePort();
  await writeFile(path.join(dir, "known_hosts"), `[127.0.0.1]:${port} ${await readFile(path.join(dir, "host_key.pub"), "utf8")}`);
  await writeFile(
    path.join(dir, "sshd_config"),
    [
      `Port ${port}`,
      "ListenAddress 127.0.0.1",
      `HostKey ${path.join(dir, "host_key")}`,
      `PidFile ${path.join(dir, "sshd.pid")}`,
      `AuthorizedKeysFile ${path.join(dir, "authorized_keys")}`,
      `AllowUsers ${user}`,
      // The run's folder is in /tmp, which StrictModes would refuse as the place of the keys.
      "StrictModes no",
      "PasswordAuthentication no",
      "KbdInteractiveAuthentication no",
      "UsePAM no",
      "PermitRootLogin prohibit-password",
      "Subsystem sftp internal-sftp",
      "LogLevel ERROR",
      // The sessions' shell reads no one's start-up files: bash run by sshd reads ~/.bashrc, and an engineer's (or a CI image's root's)
      // may start pyenv, nvm or conda, which cost about half a second of CPU for each of the deploy's ten or so remote commands. A
      // server's account of its own is as plain; the login's folder stays the user's own.
      `SetEnv HOME=${dir}`,
      "",
    ].join("\n"),
  );
  // Run as root, sshd wants its privilege separation folder, which a container may not have.
  if (process.getuid?.() === 0) await mkdir("/run/sshd", { recursive: true, mode: 0o755 });
  const child = spawn(sshd, ["-D", "-e", "-f", path.join(dir, "sshd_config")], { stdio: ["ignore", "ignore", "pipe"] });
  let said = "";
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (said += chunk));
  const rsh = [
    "ssh",
    "-F",
    "/dev/null",
    "-i",
    path.join(dir, "user_key"),
    "-o",
    "IdentitiesOnly=yes",
    "-o",
    `UserKnownHostsFile=${path.join(dir, "known_hosts")}`,
    "-o",
    "StrictHostKeyChecking=yes",
    "-o",
    "LogLevel=ERROR",
  ].join(" ");
  const stop = async () => {
    // Stopping sshd leaves its sessions running (a deploy killed midway leaves its shared connection open for a minute), and they hold
    // the stderr it was started with: their process would keep this one's event loop waiting. They end with it.
    const sessions = await childrenOf(child.pid);
    await stopChild(child);
    for (const pid of sessions) {
      try {
        process.kill(pid, "SIGTERM");
      } catch {}
    }
    child.stderr?.destroy();
    await rm(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 15_000;
  for (;;) {
    const probe = spawnSync("sh", ["-c", `${rsh} -o BatchMode=yes -o ConnectTimeout=2 -p ${port} ${user}@127.0.0.1 true`], { encoding: "utf8" });
    if (probe.status === 0) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`sshd did not start: ${said}${probe.stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { port, user, rsh, targetOf: (folder) => `ssh://${user}@127.0.0.1:${port}${folder}`, stop };
}

/** A port on 127.0.0.1 nothing listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

/** The processes whose parent is `pid` (read from /proc; none where there is no /proc). */
export async function childrenOf(pid: number | undefined): Promise<number[]> {
  if (pid === undefined) return [];
  const found: number[] = [];
  for (const name of await readdir("/proc").catch(() => [] as string[])) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, "utf8").catch(() => "");
    // The parent's pid is the second field after the command name, which is in parentheses and may hold spaces.
    if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid) found.push(Number(name));
  }
  return found;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  child.kill("SIGTERM");
  await exited;
}
