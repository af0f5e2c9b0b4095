// What round three of hostile input did to deploy targets: two deploys racing to one target, rsync's temporary files left by a killed
// deploy, links inside an rclone target, a target list of millions of lines and a deploy.json that is a folder. Two sites (the bundled
// archive, and it with one issue more) are built once for the file; most targets are folders here, the racing and killing also go over
// SSH to Debian's sshd on 127.0.0.1.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, utimes, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { buildSite } from "../src/build/build.ts";
import { DEPLOY_INDEX, listPath, parseIndex } from "../src/build/deploy-manifest.ts";
import { bundledText, syntheticIssue } from "../src/bench/synthetic-archive.ts";
import type { SshServer } from "../src/bench/ssh-server.ts";
import { sshServerOrSkip } from "./helpers/ssh.ts";
import { deploySite, MAX_LIST_BYTES, type DeployOptions } from "../src/deploy/deploy.ts";
import { DEPLOY_LOCK, DEPLOY_SCRATCH } from "../src/deploy/target-lock.ts";
import { failureOf, isPlainPath } from "../src/deploy/transport.ts";
import { ProblemsError } from "../src/problems.ts";
import { formatProblem } from "../src/messages/report.ts";
import { issueFileOf } from "../src/paths.ts";
import { projectRoot } from "../src/project.ts";
import { report } from "./helpers/report.ts";
import { treeDigest } from "./helpers/tree-digest.ts";
import { commandArgs } from "./helpers/commands.ts";

let workDir: string;
/** The bundled archive, and the same with one issue more: two sites that differ in a few hundred files. */
let siteA: string;
let siteB: string;
let server: SshServer | undefined;
const isCI = process.env.CI === "true" || process.env.CI === "1";
const hasRclone = !spawnSync("rclone", ["version"], { stdio: "ignore" }).error;

before(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), "baoku-deploy-targets-"));
  const cacheDir = path.join(workDir, "cache");
  for (const [name, extra] of [
    ["a", false],
    ["b", true],
  ] as const) {
    const root = path.join(workDir, name);
    await cp(path.join(projectRoot, "issues"), path.join(root, "issues"), { recursive: true });
    await cp(path.join(projectRoot, "baoku.config.json"), path.join(root, "baoku.config.json"));
    if (extra) {
      const file = path.join(root, issueFileOf("2022-11-02"));
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, syntheticIssue(await bundledText(), 1481, "2022-11-02"));
    }
    const result = await buildSite({ contentRoot: root, outputDir: path.join(root, "_site"), cacheDir });
    assert.ok(result.ok, report(result.problems));
  }
  [siteA, siteB] = [path.join(workDir, "a", "_site"), path.join(workDir, "b", "_site")];
  server = await sshServerOrSkip();
});

after(async () => {
  await server?.stop();
  await rm(workDir, { recursive: true, force: true });
});

/** The problem a deploy that must fail fails with. */
async function failure(options: DeployOptions) {
  const error = await deploySite(options).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  assert.ok(error instanceof ProblemsError, `the deploy should have failed with a problem; it gave ${String(error)}`);
  return error.problem;
}

/** The process id of a process that has ended, as a deploy killed with -9 leaves in its lock. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await new Promise((resolve) => child.once("exit", resolve));
  return child.pid!;
}

/** rsync's temporary files (`.cite.bib.ef7FlK`) anywhere under `root`. */
async function temporaryFiles(root: string): Promise<string[]> {
  return (await readdir(root, { recursive: true })).filter((file) => /(^|\/)\.[^/]+\.[A-Za-z0-9]{6}$/.test(file));
}

/** Asserts that `target` holds exactly `site`, and nothing of a deploy: no lock, no scratch folder, no temporary file. */
async function assertEqualTo(target: string, site: string, what: string): Promise<void> {
  assert.deepEqual(await temporaryFiles(target), [], `${what}: no temporary files`);
  assert.equal(existsSync(path.join(target, DEPLOY_LOCK)), false, `${what}: the lock is gone`);
  assert.equal(existsSync(path.join(target, DEPLOY_SCRATCH)), false, `${what}: the scratch folder is gone`);
  assert.deepEqual(await treeDigest(target), await treeDigest(site), `${what}: the target equals the site`);
}

test("should let one of two deploys racing to a folder through, refuse the other in Chinese, and leave the target equal to the site that won", async () => {
  const target = path.join(workDir, "race-folder");
  await deploySite({ siteDir: siteA, target });
  for (const [first, second] of [[siteB, siteA]] as const) {
    const results = await Promise.allSettled([deploySite({ siteDir: first, target }), deploySite({ siteDir: second, target })]);
    const won = results.flatMap((result, index) => (result.status === "fulfilled" ? [[first, second][index]!] : []));
    const refused = results.flatMap((result) => (result.status === "rejected" ? [result.reason as unknown] : []));
    assert.equal(won.length, 1, "one deploy went through");
    assert.ok(refused[0] instanceof ProblemsError && refused[0].problem.kind === "DeployTargetLocked", String(refused[0]));
    const message = formatProblem(refused[0].problem, "zh-CN");
    assert.match(message, /另一次发布正在/);
    assert.match(message, new RegExp(`${hostname()}.*进程 ${process.pid}`));
    await assertEqualTo(target, won[0]!, "after the race");
  }
});

test("should let one of two deploys racing over SSH through and leave the server's folder equal to the site that won", async (t) => {
  if (!server) return t.skip("no sshd");
  const remote = path.join(workDir, "race-ssh");
  const target = server.targetOf(remote);
  const results = await Promise.allSettled([deploySite({ siteDir: siteA, target, rsh: server.rsh }), deploySite({ siteDir: siteB, target, rsh: server.rsh })]);
  const won = [siteA, siteB].filter((_site, index) => results[index]!.status === "fulfilled");
  assert.equal(
    won.length,
    1,
    JSON.stringify(results.map((result) => (result.status === "rejected" ? String((result.reason as ProblemsError).problem?.kind ?? result.reason) : "ok"))),
  );
  const refused = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
  assert.equal((refused.reason as ProblemsError).problem.kind, "DeployTargetLocked");
  await assertEqualTo(remote, won[0]!, "after the race over SSH");
});

test("should send a changed file of the same size written in the same second as the one on the target", async () => {
  const target = path.join(workDir, "same-second");
  const file = "api/v1/index.json";
  const [a, b] = [path.join(siteA, file), path.join(siteB, file)];
  assert.equal((await stat(a)).size, (await stat(b)).size, "the two sites' index (1 issue, 2 issues) is the same size");
  assert.notEqual(await readFile(a, "utf8"), await readFile(b, "utf8"));
  // rsync compares whole seconds unless told otherwise: two builds a second apart wrote these.
  const second = Math.floor(Date.now() / 1000) - 60;
  await utimes(a, second + 0.2, second + 0.2);
  await utimes(b, second + 0.7, second + 0.7);
  await deploySite({ siteDir: siteA, target });
  await deploySite({ siteDir: siteB, target });
  await assertEqualTo(target, siteB, "after the second site's deploy");
});

test("should refuse a target whose lock a running deploy holds, and take over the lock of a deploy that was killed", async () => {
  const target = path.join(workDir, "locked");
  await deploySite({ siteDir: siteA, target });
  await writeFile(path.join(target, DEPLOY_LOCK), JSON.stringify({ host: hostname(), pid: process.pid, since: "2026-12-06T09:30:00.000Z" }));
  const locked = await failure({ siteDir: siteB, target });
  assert.equal(locked.kind, "DeployTargetLocked");
  assert.match(formatProblem(locked, "zh-CN"), /2026-12-06T09:30:00\.000Z.*\.baoku\/deploy\.lock/s);
  await rm(path.join(target, DEPLOY_LOCK));
  assert.deepEqual(await treeDigest(target), await treeDigest(siteA), "the refused deploy changed nothing");
  // What a deploy killed with -9 leaves: its lock, and in the scratch folder a file rsync was receiving.
  await writeFile(path.join(target, DEPLOY_LOCK), JSON.stringify({ host: hostname(), pid: await deadPid(), since: "2026-12-06T09:30:00.000Z" }));
  await mkdir(path.join(target, DEPLOY_SCRATCH), { recursive: true });
  await writeFile(path.join(target, DEPLOY_SCRATCH, ".cite.bib.ef7FlK"), "half a file");
  await deploySite({ siteDir: siteB, target });
  await assertEqualTo(target, siteB, "after taking over a dead deploy's lock");
});

test("should leave no temporary file and the target equal to the site after deploys killed at two moments and run again", async (t) => {
  if (!server) return t.skip("no sshd");
  const remote = path.join(workDir, "killed");
  const target = server.targetOf(remote);
  await deploySite({ siteDir: siteA, target, rsh: server.rsh });
  // Each kill at another step, sending the other site, so each deploy has files to send and remove.
  // Two moments keep the file fast: while files are sent into place, and while pages are (A → B adds an issue, B → A removes it).
  const moments = [/Sending assets/, /Sending (new|changed) pages|Removing files/];
  let site = siteA;
  for (const moment of moments) {
    site = site === siteA ? siteB : siteA;
    const child = spawn(process.execPath, commandArgs("deploy", "--site", site, target), {
      cwd: projectRoot,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, RSYNC_RSH: server.rsh, BAOKU_LANG: "en" },
    });
    let said = "";
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      said += chunk;
      if (moment.test(said)) {
        try {
          process.kill(-child.pid!, "SIGKILL");
        } catch {}
      }
    });
    await exited;
    const rerun = await deploySite({ siteDir: site, target, rsh: server.rsh });
    assert.equal(rerun.firstDeploy, false);
    await assertEqualTo(remote, site, `killed at ${moment.source}, then run again (it said: ${said.trim().split("\n").join(" / ")})`);
  }
});

test("should refuse an rclone target holding a link, writing nothing through it", async (t) => {
  if (!hasRclone) {
    if (isCI) assert.fail("no rclone; CI=true, so the rclone test fails instead of being skipped. Install rclone.");
    return t.skip("no rclone");
  }
  const elsewhere = path.join(workDir, "elsewhere");
  for (const link of ["2022", ".baoku"]) {
    const folder = path.join(workDir, `bucket-link-${link}`);
    await rm(elsewhere, { recursive: true, force: true });
    await mkdir(elsewhere, { recursive: true });
    await mkdir(folder, { recursive: true });
    await symlink(elsewhere, path.join(folder, link));
    const refused = await failure({ siteDir: siteA, target: `:local:${folder}` });
    assert.equal(refused.kind, "DeployTargetHasLink", `${link}: ${JSON.stringify(refused)}`);
    assert.match(formatProblem(refused, "zh-CN"), new RegExp(`${link.replace(".", "\\.")} 是一个符号链接`));
    assert.deepEqual(await readdir(elsewhere), [], `nothing was written through ${link}`);
  }
  // A link further down, planted after a first deploy: the next deploy, which removes and sends files there, is refused too.
  const folder = path.join(workDir, "bucket-deep");
  await deploySite({ siteDir: siteB, target: `:local:${folder}` });
  await rm(path.join(folder, "2022/11/02"), { recursive: true });
  await symlink(elsewhere, path.join(folder, "2022/11/02"));
  assert.equal((await failure({ siteDir: siteA, target: `:local:${folder}` })).kind, "DeployTargetHasLink");
  assert.deepEqual(await readdir(elsewhere), []);
});

test("should refuse a target list of millions of lines before reading it, and a deploy.json that is a folder, each with its cause", async () => {
  const target = path.join(workDir, "hostile-lists");
  await deploySite({ siteDir: siteA, target });
  const index = parseIndex(await readFile(path.join(target, DEPLOY_INDEX), "utf8"))!;
  const huge = "f".repeat(32);
  const line = `${"0".repeat(64)}  2021/03/10/1/1/index.html\n`;
  await writeFile(path.join(target, listPath(huge)), line.repeat(Math.ceil((MAX_LIST_BYTES + 1) / line.length)));
  await writeFile(path.join(target, DEPLOY_INDEX), JSON.stringify({ format: 1, lists: [...index.lists, huge].sort() }));
  const tooLarge = await failure({ siteDir: siteB, target });
  assert.equal(tooLarge.kind, "DeployTargetListTooLarge");
  assert.match(formatProblem(tooLarge, "zh-CN"), /ffffffffffffffffffffffffffffffff\.sha256 超过了 16 MB.*删掉目标上的 \.baoku/s);

  const folderIndex = path.join(workDir, "folder-index");
  await mkdir(path.join(folderIndex, DEPLOY_INDEX), { recursive: true });
  await writeFile(path.join(folderIndex, DEPLOY_INDEX, "notes.txt"), "an editor's notes");
  const notAFile = await failure({ siteDir: siteA, target: folderIndex });
  assert.equal(notAFile.kind, "DeployTargetNotAFile");
  assert.match(formatProblem(notAFile, "zh-CN"), /\.baoku\/deploy\.json 是一个文件夹/);
  assert.doesNotMatch(formatProblem(notAFile, "zh-CN"), /退出码 23/);
  assert.equal(await readFile(path.join(folderIndex, DEPLOY_INDEX, "notes.txt"), "utf8"), "an editor's notes", "the folder is left as it was");
});

test("should say the cause rsync gave, not its summary line, when a deploy fails, and delete no path a target list makes up", () => {
  const target = { kind: "directory", path: "/mnt/share/site" } as const;
  const stderr = [
    'rsync: [receiver] mkstemp "/mnt/share/site/.baoku/tmp/.index.html.Ab12Cd" failed: Read-only file system (30)',
    "rsync error: some files/attrs were not transferred (see previous errors) (code 23) at main.c(1338) [sender=3.2.7]",
  ].join("\n");
  const failed = failureOf("rsync", target, 23, stderr);
  assert.equal(failed.kind, "DeployFailed");
  assert.match(formatProblem(failed, "zh-CN"), /Read-only file system/);
  for (const hostile of ["../outside.html", "/etc/passwd", "2022/../../x", "a/*", "a//b", "./a", ""])
    assert.equal(isPlainPath(hostile), false, `${hostile} is never deleted`);
  assert.ok(isPlainPath("2022/11/01/1/index.html") && isPlainPath(".baoku/deploy-pending.json"));
  const folder = failureOf(
    "rsync",
    target,
    23,
    "rsync: [receiver] cannot delete non-empty directory: .baoku/deploy.json\nrsync error: some files/attrs were not transferred (see previous errors) (code 23)",
  );
  assert.equal(folder.kind, "DeployTargetNotAFile");
});
