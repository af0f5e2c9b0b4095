// npm run deploy against a real SSH server (Debian's OpenSSH sshd on 127.0.0.1, started here) and a plain folder: the first deploy sends
// the whole site, the next one only what an added issue changed, in an order where no page arrives before what it loads, and a deploy
// killed midway and run again ends with the target equal to the site. Also the plan's rules on their own, and the problems an editor gets.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, realpath, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite } from "../src/build/build.ts";
import { testRenderPool } from "./helpers/render-pool.ts";
import { DEPLOY_INDEX, parseIndex } from "../src/build/deploy-manifest.ts";
import { bundledText, syntheticIssue } from "../src/bench/synthetic-archive.ts";
import type { SshServer } from "../src/bench/ssh-server.ts";
import { sshServerOrSkip } from "./helpers/ssh.ts";
import { deploySite, type DeployStep } from "../src/deploy/deploy.ts";
import { emptiedFolders, planDeploy, stepOf } from "../src/deploy/plan.ts";
import { parseTarget } from "../src/deploy/target.ts";
import { ProblemsError } from "../src/problems.ts";
import { issueFileOf } from "../src/paths.ts";
import { projectRoot } from "../src/project.ts";
import { report } from "./helpers/report.ts";
import { treeDigest } from "./helpers/tree-digest.ts";
import { commandArgs } from "./helpers/commands.ts";

let workDir: string;
let contentRoot: string;
let siteDir: string;
let server: SshServer | undefined;
const isCI = process.env.CI === "true" || process.env.CI === "1";

before(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), "baoku-deploy-"));
  contentRoot = path.join(workDir, "content");
  siteDir = path.join(workDir, "_site");
  await cp(path.join(projectRoot, "issues"), path.join(contentRoot, "issues"), { recursive: true });
  await cp(path.join(projectRoot, "baoku.config.json"), path.join(contentRoot, "baoku.config.json"));
  server = await sshServerOrSkip();
});

after(async () => {
  await server?.stop();
  await rm(workDir, { recursive: true, force: true });
});

/** Builds the content root into the site folder. */
async function build(): Promise<void> {
  const result = await buildSite({ renderPool: testRenderPool(), contentRoot, outputDir: siteDir, cacheDir: path.join(workDir, "cache") });
  assert.ok(result.ok, report(result.problems));
}

/** Adds issue `number` on `date` to the content root. */
async function addIssue(number: number, date: string): Promise<void> {
  const file = path.join(contentRoot, issueFileOf(date));
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, syntheticIssue(await bundledText(), number, date));
}

/** The files that differ between two digests of a site: added or changed, and removed. */
function changes(before: Map<string, string>, now: Map<string, string>): { sent: string[]; removed: string[] } {
  return {
    sent: [...now]
      .filter(([file, hash]) => before.get(file) !== hash)
      .map(([file]) => file)
      .sort(),
    removed: [...before.keys()].filter((file) => !now.has(file)).sort(),
  };
}

test("should plan only what differs, pages after their assets, new pages before the pages that link them, entry points and deletions last", () => {
  const hash = (n: number) => String(n).repeat(64).slice(0, 64);
  const deployed = new Map([
    [
      "old",
      new Map([
        ["2022/11/01/index.html", hash(1)],
        ["css/site.css", hash(2)],
        ["2022/11/01/gone/index.html", hash(3)],
        ["pagefind/2022-11/pagefind-entry.json", hash(4)],
      ]),
    ],
  ]);
  const local = new Map([
    ["kept", new Map([["js/search.js", hash(5)]])],
    [
      "new",
      new Map([
        ["2022/11/01/index.html", hash(6)],
        ["css/site.css", hash(2)],
        ["2022/11/02/index.html", hash(7)],
        ["pagefind/2022-11/pagefind-entry.json", hash(8)],
        ["pagefind/2022-11/fragment/a.pf_fragment", hash(9)],
        ["index.html", hash(1)],
      ]),
    ],
  ]);
  const plan = planDeploy(local, ["kept", "old"], deployed);
  assert.deepEqual(plan.assets, ["pagefind/2022-11/fragment/a.pf_fragment"]);
  assert.deepEqual(plan.newPages, ["2022/11/02/index.html"]);
  assert.deepEqual(plan.changedPages, ["2022/11/01/index.html"]);
  assert.deepEqual(plan.entryPoints, ["index.html", "pagefind/2022-11/pagefind-entry.json"]);
  assert.deepEqual(plan.deletions, ["2022/11/01/gone/index.html"]);
  assert.deepEqual(plan.lists, ["new"]);
  assert.equal(plan.unchanged, 2, "js/search.js (its list is deployed) and css/site.css (the same hash)");
  assert.equal(planDeploy(local, undefined, new Map()).newPages.length, 2, "a target never deployed to is sent everything");
  assert.deepEqual(
    emptiedFolders(["2022/11/01/gone/index.html", "2022/11/01/3/index.html"], (folder) => folder === "2022/11/01" || folder === "2022/11" || folder === "2022"),
    ["2022/11/01/3", "2022/11/01/gone"],
  );
  for (const [file, step] of [
    ["404.html", "entry"],
    ["search/index.html", "entry"],
    ["feed.xml", "entry"],
    ["2022/feed.xml", "entry"],
    ["sitemap-2022.xml", "entry"],
    ["people/guo-longjun/index.html", "page"],
    ["2022/11/01/1/1/cite.ris", "asset"],
    ["pagefind/1995/pagefind.js", "asset"],
    ["feeds/issues.xml", "entry"],
    ["sitemap-site.xml", "entry"],
    ["robots.txt", "entry"],
    ["api/v1/index.json", "entry"],
    ["iiif/collection.json", "entry"],
    ["api/v1/issues/2022-11-01.json", "page"],
    ["api/v1/bulk/2022.jsonl", "page"],
    ["iiif/2022-11-01/manifest.json", "page"],
    ["api/v1/schemas/issue.schema.json", "page"],
  ] as const) {
    assert.equal(stepOf(file), step, file);
  }
});

test("should take nothing as deployed that a deploy stopped midway may have sent or removed, when the site has changed again since", () => {
  const hash = (n: number) => String(n).repeat(64).slice(0, 64);
  // Deployed: A. A deploy of B was stopped after removing A's page that B had not; the site is A again (the change undone).
  const listA = new Map([
    ["2022/11/02/index.html", hash(1)],
    ["index.html", hash(2)],
  ]);
  const listB = new Map([
    ["2022/11/03/index.html", hash(3)],
    ["index.html", hash(4)],
  ]);
  const plan = planDeploy(new Map([["A", listA]]), [], new Map([["B", listB]]), new Set(["A", "B"]));
  assert.deepEqual(plan.newPages, ["2022/11/02/index.html"], "A's page is sent again: the stopped deploy may have removed it");
  assert.deepEqual(plan.entryPoints, ["index.html"]);
  assert.deepEqual(plan.deletions, ["2022/11/03/index.html"], "what the stopped deploy may have sent of B is removed");
  assert.equal(plan.unchanged, 0);
});

test("should read targets as a folder, a server over SSH or an rclone remote", () => {
  assert.deepEqual(parseTarget("ssh://editor@www.example.cn:2222/srv/www"), {
    kind: "ssh",
    user: "editor",
    host: "www.example.cn",
    port: 2222,
    path: "/srv/www",
  });
  assert.deepEqual(parseTarget("editor@www.example.cn:/srv/www"), { kind: "ssh", user: "editor", host: "www.example.cn", path: "/srv/www" });
  assert.deepEqual(parseTarget("oss:paper-archive/site"), { kind: "rclone", remote: "oss:paper-archive/site" });
  assert.deepEqual(parseTarget("rclone::sftp,host=127.0.0.1:/srv"), { kind: "rclone", remote: ":sftp,host=127.0.0.1:/srv" });
  assert.deepEqual(parseTarget("/mnt/share/site"), { kind: "directory", path: "/mnt/share/site" });
  assert.equal(parseTarget("ssh://editor@"), undefined);
});

test("should deploy to a server over SSH: everything first, then only what one more issue changed, the target equal to the site each time", async (t) => {
  if (!server) return t.skip("no sshd");
  const remote = path.join(workDir, "www");
  const target = server.targetOf(remote);
  await build();
  const first = await treeDigest(siteDir);
  const sent = await deploySite({ siteDir, target, rsh: server.rsh });
  assert.equal(sent.firstDeploy, true);
  assert.equal(sent.sent, first.size, "a first deploy sends every file of the site");
  assert.deepEqual(await treeDigest(remote), first, "the target is the site, byte for byte");
  const again = await deploySite({ siteDir, target, rsh: server.rsh });
  assert.equal(again.sent + again.removed, 0, "nothing changed, nothing sent");
  // The next test kills a deploy of the same change to a copy of this target.
  await cp(remote, path.join(workDir, "www-killed"), { recursive: true, preserveTimestamps: true });

  await addIssue(1481, "2022-11-02");
  await build();
  const second = await treeDigest(siteDir);
  const expected = changes(first, second);
  const steps: DeployStep[] = [];
  const result = await deploySite({ siteDir, target, rsh: server.rsh, onStep: (step) => steps.push(step) });
  const planned = [
    ...result.plan.assets,
    ...result.plan.newPages,
    ...result.plan.changedPages,
    ...result.plan.entryPoints,
    ...result.plan.lists.map((name) => `.baoku/deploy/${name}.sha256`),
    DEPLOY_INDEX,
  ].sort();
  assert.deepEqual(planned, expected.sent, "exactly the files whose bytes changed are sent, the manifest's own included");
  assert.deepEqual(
    result.plan.deletions,
    expected.removed.filter((file) => !file.startsWith(".baoku/")),
    "the lists no longer named are removed after the index",
  );
  assert.ok(
    result.plan.newPages.includes("2022/11/02/index.html") && result.plan.entryPoints.includes("index.html"),
    "the new issue is a new page, and the home page an entry point",
  );
  assert.ok(
    result.plan.assets.some((file) => file.startsWith("pagefind/")),
    "its search bundle goes with the assets",
  );
  assert.deepEqual(
    steps,
    [...new Set(steps)].sort((a, b) => STEP_ORDER.indexOf(a) - STEP_ORDER.indexOf(b)),
    "the steps come in their order",
  );
  assert.deepEqual(await treeDigest(remote), second);
});

const STEP_ORDER: DeployStep[] = ["manifest", "assets", "newPages", "changedPages", "entryPoints", "deletions"];

test("should end equal when a deploy is killed midway and run again", async (t) => {
  if (!server) return t.skip("no sshd");
  // The target as the test before left it after its first deploy; the site has one more issue since.
  const remote = path.join(workDir, "www-killed");
  const target = server.targetOf(remote);
  const deployedIndex = await readFile(path.join(remote, DEPLOY_INDEX), "utf8");
  assert.notEqual(await readFile(path.join(siteDir, DEPLOY_INDEX), "utf8"), deployedIndex, "the site has changed since");

  // The command in a process group of its own, killed with its rsync and ssh as soon as it has begun to send pages.
  const child = spawn(process.execPath, commandArgs("deploy", "--site", siteDir, target), {
    cwd: projectRoot,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, RSYNC_RSH: server.rsh, BAOKU_LANG: "en" },
  });
  let said = "";
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once("exit", (_code, signal) => resolve(signal)));
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    said += chunk;
    if (/Sending (new|changed) pages/.test(said)) process.kill(-child.pid!, "SIGKILL");
  });
  assert.equal(await exited, "SIGKILL", `the deploy should have been killed midway; it said: ${said}`);
  assert.equal(
    await readFile(path.join(remote, DEPLOY_INDEX), "utf8"),
    deployedIndex,
    "the target keeps the last deploy's manifest until everything else is sent",
  );

  const rerun = await deploySite({ siteDir, target, rsh: server.rsh });
  assert.equal(rerun.firstDeploy, false);
  assert.deepEqual(await treeDigest(remote), await treeDigest(siteDir), "run again, the deploy ends with the target equal to the site");
});

test("should remove a withdrawn issue from the server, its folders with it", async (t) => {
  if (!server) return t.skip("no sshd");
  // The target of the test before last, which holds the added issue.
  const remote = path.join(workDir, "www");
  assert.ok(existsSync(path.join(remote, "2022/11/02/index.html")));
  await rm(path.join(contentRoot, issueFileOf("2022-11-02")));
  await build();
  const result = await deploySite({ siteDir, target: server.targetOf(remote), rsh: server.rsh });
  assert.ok(result.plan.deletions.includes("2022/11/02/index.html"));
  assert.equal(existsSync(path.join(remote, "2022/11/02")), false, "the issue's folder is gone");
  assert.deepEqual(await treeDigest(remote), await treeDigest(siteDir));
});

test("should deploy through rclone as well, here to a folder by its local backend", async (t) => {
  if (spawnSync("rclone", ["version"], { stdio: "ignore" }).error) {
    if (isCI) assert.fail("no rclone; CI=true, so the rclone test fails instead of being skipped. Install rclone.");
    console.warn("SKIPPED the rclone deploy test: no rclone (apt-get install -y rclone)");
    return t.skip("no rclone");
  }
  if (!existsSync(siteDir)) await build();
  const folder = path.join(workDir, "bucket");
  const first = await deploySite({ siteDir, target: `rclone::local:${folder}` });
  assert.equal(first.firstDeploy, true);
  assert.deepEqual(await treeDigest(folder), await treeDigest(siteDir));
  const again = await deploySite({ siteDir, target: `:local:${folder}` });
  assert.equal(again.sent + again.removed, 0);
});

test("should deploy to a plain folder, and tell the editor in Chinese what is wrong when it cannot", async () => {
  if (!existsSync(siteDir)) await build();
  const folder = path.join(workDir, "share", "site");
  const result = await deploySite({ siteDir, target: folder });
  assert.deepEqual(await treeDigest(folder), await treeDigest(siteDir));
  assert.equal(result.firstDeploy, true);
  assert.ok(parseIndex(await readFile(path.join(await realpath(siteDir), DEPLOY_INDEX), "utf8")), "the site carries its manifest");

  const failure = async (options: Parameters<typeof deploySite>[0]) => {
    const error = await deploySite(options).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    assert.ok(error instanceof ProblemsError, String(error));
    return error.problem;
  };
  assert.equal((await failure({ siteDir: path.join(workDir, "nothing"), target: folder })).kind, "DeploySiteNotBuilt");
  const unreachable = await failure({ siteDir, target: "ssh://editor@127.0.0.1:1/srv/www", rsh: "ssh -F /dev/null" });
  assert.equal(unreachable.kind, "DeployTargetUnreachable", JSON.stringify(unreachable));
  const deployArgs = commandArgs("deploy", "--site", siteDir, "ssh://editor@127.0.0.1:1/srv/www");
  const run = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, deployArgs, {
      cwd: projectRoot,
      env: { ...process.env, BAOKU_LANG: "zh", RSYNC_RSH: "ssh -F /dev/null" },
    });
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.on("close", (code) => resolve({ code, stderr }));
  });
  assert.equal(run.code, 1);
  assert.match(run.stderr, /连不上发布目标.*\[DeployTargetUnreachable\]/);
  assert.doesNotMatch(run.stderr, /\bat .*\.ts:\d+/, "no stack trace");
  const missing = await failure({ siteDir, target: "nosuchremote:site" });
  assert.ok(["DeployRemoteUnknown", "DeployToolMissing"].includes(missing.kind), missing.kind);
});

test("should keep the deploy lists of another site built from the same cache, as every cache entry is kept", async () => {
  // Two archives built one after the other with one cache, as the tests and a newsroom's several papers do: the second build must not
  // take away the lists the first site's manifest links, or the first site's next build (or one running at the same time) fails.
  const cacheDir = path.join(workDir, "shared-cache");
  const [first, second] = [path.join(workDir, "first"), path.join(workDir, "second")];
  for (const root of [first, second]) {
    await cp(path.join(projectRoot, "issues"), path.join(root, "issues"), { recursive: true });
    await cp(path.join(projectRoot, "baoku.config.json"), path.join(root, "baoku.config.json"));
  }
  const file = path.join(second, issueFileOf("2022-11-02"));
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, syntheticIssue(await bundledText(), 1481, "2022-11-02"));
  for (const root of [first, second]) {
    const result = await buildSite({ renderPool: testRenderPool(), contentRoot: root, outputDir: path.join(root, "_site"), cacheDir });
    assert.ok(result.ok, report(result.problems));
  }
  const index = parseIndex(await readFile(path.join(first, "_site", DEPLOY_INDEX), "utf8"));
  assert.ok(index && index.lists.length > 0);
  const missing = index.lists.filter((name) => !existsSync(path.join(cacheDir, "deploy", `${name}.sha256`)));
  assert.deepEqual(missing, [], "the first site's lists are still in the cache");
  const again = await buildSite({ renderPool: testRenderPool(), contentRoot: first, outputDir: path.join(first, "_site"), cacheDir });
  assert.ok(again.ok, report(again.problems));
});
