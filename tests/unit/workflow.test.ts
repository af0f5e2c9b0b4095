// The archive repository's GitHub Actions workflow: valid YAML that checks, builds and tests every push and pull request, and publishes main.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { projectRoot } from "../../src/project.ts";
import { LEFT_OUT_OF_DEPLOY_CACHE } from "../../src/build/ci-cache.ts";

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string;
  if?: string;
  steps: Step[];
  permissions?: Record<string, string>;
  environment?: { name: string };
  concurrency?: { group: string; "cancel-in-progress": boolean };
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}

const workflowText = await readFile(path.join(projectRoot, ".github/workflows/site.yml"), "utf8");
const workflow = parse(workflowText, { prettyErrors: true, strict: true }) as Workflow;
const build = workflow.jobs.build!;
const runs = build.steps.map((step) => step.run).filter(Boolean);
const onMain = "github.event_name == 'push' && github.ref == 'refs/heads/main'";
const toPages = `${onMain} && vars.BAOKU_DEPLOY_TARGET == ''`;
const toObjectStorage = `${onMain} && vars.BAOKU_DEPLOY_TARGET != ''`;

test("should run on every push and pull request", () => {
  assert.deepEqual(Object.keys(workflow.on).sort(), ["pull_request", "push"]);
});

test("should install with npm ci and check, build and test in that order", () => {
  const order = ["npm ci", "npm run check", "npm run build", "npm test"].map((command) => runs.indexOf(command));
  assert.ok(
    order.every((index) => index >= 0),
    `missing one of the commands in ${runs.join(" | ")}`,
  );
  assert.deepEqual(
    [...order].sort((a, b) => a - b),
    order,
  );
  assert.equal(build.steps.find((step) => step.run === "npm test")?.env?.CI, "true");
});

test("should fail on dependencies with known high or critical vulnerabilities", () => {
  assert.ok(runs.includes("npm audit --omit=dev --audit-level=high"));
});

test("should check out the whole history, which 更正于 is read from", () => {
  const checkout = build.steps.find((step) => step.uses?.startsWith("actions/checkout@"));
  assert.equal(checkout?.with?.["fetch-depth"], 0);
});

test("should cache npm and what earlier builds made", () => {
  assert.equal(build.steps.find((step) => step.uses?.startsWith("actions/setup-node@"))?.with?.cache, "npm");
  const cache = build.steps.find((step) => step.uses?.startsWith("actions/cache@"));
  assert.equal(cache?.with?.path, ".cache");
  assert.equal(cache?.if, "vars.BAOKU_DEPLOY_TARGET == ''", "the whole cache for a site published to Pages");
});

/** The paths of a cache step, one a line. */
const cachePaths = (step: Step | undefined) =>
  String(step?.with?.path ?? "")
    .trim()
    .split("\n")
    .map((line) => line.trim());

test("should keep, for an archive published to object storage, the cache without pages and images that the deploy job saves, and build the manifest only from it", () => {
  const leftOut = [".cache", ...LEFT_OUT_OF_DEPLOY_CACHE.map((pattern) => `!.cache/${pattern}`)];
  const restore = build.steps.find((step) => step.uses?.startsWith("actions/cache/restore@"));
  assert.equal(restore?.if, "vars.BAOKU_DEPLOY_TARGET != ''");
  assert.deepEqual(cachePaths(restore), leftOut, "the paths src/build/ci-cache.ts leaves out");
  assert.equal(restore?.with?.key, "baoku-deploy-${{ github.sha }}");
  const manifestOnly = build.steps.find((step) => step.run === "npm run build -- --manifest-only");
  assert.equal(manifestOnly?.if, "vars.BAOKU_DEPLOY_TARGET != ''");
  assert.equal(build.steps.find((step) => step.run === "npm run build")?.if, "vars.BAOKU_DEPLOY_TARGET == ''");
  const job = workflow.jobs["deploy-object-storage"]!;
  const saved = job.steps.find((step) => step.uses?.startsWith("actions/cache@"));
  assert.deepEqual(cachePaths(saved), leftOut, "the deploy job saves the same cache");
  assert.equal(saved?.with?.["restore-keys"], "baoku-deploy-");
  assert.ok(job.steps.some((step) => step.run === "npm run build -- --manifest-only"));
});

test("should build the whole site and deploy again only when the deploy says a whole build is needed (exit code 3)", () => {
  const deploy = workflow.jobs["deploy-object-storage"]!.steps.find((step) => step.run?.includes("npm run deploy"))!;
  const dir = mkdtempSync(path.join(tmpdir(), "baoku-deploy-step-"));
  try {
    // npm stands in for the real one: it logs each call and fails the first deploy with the exit code given.
    const bin = path.join(dir, "bin");
    mkdirSync(bin);
    writeFileSync(
      path.join(bin, "npm"),
      `#!/bin/sh\necho "$*" >> "${dir}/calls"\nif [ "$2" = deploy ] && [ ! -e "${dir}/deployed-once" ]; then touch "${dir}/deployed-once"; exit "$FIRST_EXIT"; fi\nexit 0\n`,
      { mode: 0o755 },
    );
    const run = (firstExit: number) => {
      rmSync(path.join(dir, "calls"), { force: true });
      rmSync(path.join(dir, "deployed-once"), { force: true });
      const result = spawnSync("bash", ["-e", "-c", deploy.run!], {
        cwd: dir,
        encoding: "utf8",
        env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, FIRST_EXIT: String(firstExit), BAOKU_DEPLOY_TARGET: "store:paper/site" },
      });
      return {
        status: result.status,
        calls: spawnSync("cat", [path.join(dir, "calls")], { encoding: "utf8" })
          .stdout.trim()
          .split("\n"),
      };
    };
    assert.deepEqual(run(0), { status: 0, calls: ["run deploy -- store:paper/site"] });
    assert.deepEqual(run(3), { status: 0, calls: ["run deploy -- store:paper/site", "run build", "run deploy -- store:paper/site"] });
    assert.deepEqual(run(1), { status: 1, calls: ["run deploy -- store:paper/site"] }, "any other failure fails the job");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("should publish _site to GitHub Pages from main only, unless the archive is published to object storage", () => {
  const upload = build.steps.find((step) => step.uses?.startsWith("actions/upload-pages-artifact@"));
  assert.equal(upload?.with?.path, "_site");
  assert.equal(upload?.if, toPages);
  const deploy = workflow.jobs.deploy!;
  assert.equal(deploy.needs, "build");
  assert.equal(deploy.if, toPages);
  assert.deepEqual(deploy.permissions, { pages: "write", "id-token": "write" });
  assert.equal(deploy.environment?.name, "github-pages");
  assert.ok(deploy.steps.some((step) => step.uses?.startsWith("actions/deploy-pages@")));
});

test("should stop before GitHub Pages' 1 GB limit, saying so in Chinese and English, before the site is handed to Pages", () => {
  const index = build.steps.findIndex((step) => step.run?.includes("du -sbL _site"));
  assert.ok(index >= 0, "a step measures _site, following its link and counting each hard-linked file");
  const check = build.steps[index]!;
  assert.equal(check.if, toPages);
  assert.match(check.run!, /limit=1000000000/);
  assert.match(check.run!, /::error title=网站超过 GitHub Pages 的 1 GB 上限::.*对象存储/);
  assert.match(check.run!, /::error title=The site exceeds GitHub Pages' 1 GB limit::.*object storage/);
  assert.match(check.run!, /exit 1/);
  assert.ok(index < build.steps.findIndex((step) => step.uses?.startsWith("actions/upload-pages-artifact@")));
  // The check itself, run on a small folder and on one over the limit, in the shell the runner uses.
  const script = (limit: string) => check.run!.replace("limit=1000000000", `limit=${limit}`);
  const site = mkdtempSync(path.join(tmpdir(), "baoku-pages-"));
  try {
    mkdirSync(path.join(site, "_site.a"));
    writeFileSync(path.join(site, "_site.a", "index.html"), "x".repeat(2000));
    symlinkSync("_site.a", path.join(site, "_site"));
    const run = (limit: string) => spawnSync("bash", ["-e", "-c", script(limit)], { cwd: site, encoding: "utf8" });
    assert.equal(run("1000000000").status, 0);
    const over = run("1000");
    assert.equal(over.status, 1);
    assert.match(over.stdout, /_site 有 0 MB，GitHub Pages 最多发布 1 GB/);
  } finally {
    rmSync(site, { recursive: true, force: true });
  }
});

test("should deploy to object storage with rclone from main when BAOKU_DEPLOY_TARGET is set, with the keys from secrets only", () => {
  const job = workflow.jobs["deploy-object-storage"]!;
  assert.equal(job.needs, "build");
  assert.equal(job.if, toObjectStorage);
  assert.equal(job.environment?.name, "object-storage");
  assert.equal(job.concurrency?.["cancel-in-progress"], false, "a deploy is never cut off by the next push");
  const steps = job.steps.map((step) => step.run ?? step.uses ?? "");
  const order = ["apt-get install -y rclone", "actions/cache@", "npm ci", "npm run build", "npm run deploy --"].map((part) =>
    steps.findIndex((step) => step.includes(part)),
  );
  assert.ok(
    order.every((index) => index >= 0),
    `missing one of the steps in ${steps.join(" | ")}`,
  );
  assert.deepEqual(
    [...order].sort((a, b) => a - b),
    order,
  );
  const cache = job.steps.find((step) => step.uses?.startsWith("actions/cache@"));
  assert.equal(cache?.with?.key, "baoku-deploy-${{ github.sha }}", "the cache the last deploy kept");
  const deploy = job.steps.find((step) => step.run?.includes("npm run deploy"))!;
  assert.equal(deploy.env?.RCLONE_CONFIG_STORE_TYPE, "s3");
  assert.equal(deploy.env?.RCLONE_CONFIG_STORE_ACCESS_KEY_ID, "${{ secrets.STORE_ACCESS_KEY_ID }}");
  assert.equal(deploy.env?.RCLONE_CONFIG_STORE_SECRET_ACCESS_KEY, "${{ secrets.STORE_SECRET_ACCESS_KEY }}");
  assert.equal(deploy.env?.BAOKU_DEPLOY_TARGET, "${{ vars.BAOKU_DEPLOY_TARGET }}");
  // Secrets reach rclone through its environment alone: none is written into a command, a file or another job.
  const secretUses = [...workflowText.matchAll(/\$\{\{\s*secrets\.(\w+)\s*\}\}/g)].map((match) => match[1]);
  assert.deepEqual(secretUses.sort(), ["STORE_ACCESS_KEY_ID", "STORE_SECRET_ACCESS_KEY"]);
  for (const step of Object.values(workflow.jobs).flatMap((each) => each.steps)) assert.doesNotMatch(step.run ?? "", /secrets\./);
});
