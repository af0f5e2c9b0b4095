// The archive repository's GitHub Actions workflow: valid YAML that checks, builds and tests every push and pull request, and publishes main.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { projectRoot } from "../src/project.ts";


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
}
interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, Job>;
}

const workflow = parse(await readFile(path.join(projectRoot, ".github/workflows/site.yml"), "utf8"), { prettyErrors: true, strict: true }) as Workflow;
const build = workflow.jobs.build!;
const runs = build.steps.map((step) => step.run).filter(Boolean);
const onMain = "github.event_name == 'push' && github.ref == 'refs/heads/main'";

test("should run on every push and pull request", () => {
  assert.deepEqual(Object.keys(workflow.on).sort(), ["pull_request", "push"]);
});

test("should install with npm ci and check, build and test in that order", () => {
  const order = ["npm ci", "npm run check", "npm run build", "npm test"].map((command) => runs.indexOf(command));
  assert.ok(order.every((index) => index >= 0), `missing one of the commands in ${runs.join(" | ")}`);
  assert.deepEqual([...order].sort((a, b) => a - b), order);
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
  assert.equal(build.steps.find((step) => step.uses?.startsWith("actions/cache@"))?.with?.path, ".cache");
});

test("should publish _site to GitHub Pages from main only", () => {
  const upload = build.steps.find((step) => step.uses?.startsWith("actions/upload-pages-artifact@"));
  assert.equal(upload?.with?.path, "_site");
  assert.equal(upload?.if, onMain);
  const deploy = workflow.jobs.deploy!;
  assert.equal(deploy.needs, "build");
  assert.equal(deploy.if, onMain);
  assert.deepEqual(deploy.permissions, { pages: "write", "id-token": "write" });
  assert.equal(deploy.environment?.name, "github-pages");
  assert.ok(deploy.steps.some((step) => step.uses?.startsWith("actions/deploy-pages@")));
});
