// Hostile input, round two: crafted files, full disks, damaged caches, other file systems, missing folders, links out of the archive,
// unsafe configured addresses, builds at once and oversized images. Each ends with one problem in the editor's language, naming its file
// and line where a file is to blame, in bounded time, with the published site untouched. The huge inputs are made here, not committed.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFile, spawn, spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, readlink, rm, symlink, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { deflateSync } from "node:zlib";
import { buildSite, type BuildOptions, type BuildResult } from "../src/build/build.ts";
import { testRenderPool } from "./helpers/render-pool.ts";
import { lockOutput } from "../src/build/build-lock.ts";
import { scanArchive } from "../src/content/archive.ts";
import { parseIssue } from "../src/content/parse-issue.ts";
import { LIMITS } from "../src/content/limits.ts";
import { readConfig } from "../src/content/config.ts";
import { formatProblems } from "../src/messages/report.ts";
import type { PaperConfig } from "../src/model.ts";
import { projectRoot } from "../src/project.ts";
import { treeDigest } from "./helpers/tree-digest.ts";
import { report } from "./helpers/report.ts";
import { commandArgs } from "./helpers/commands.ts";
import { smallArchiveIn } from "./helpers/small-archive.ts";

const run = promisify(execFile);
const FILE = "issues/2022/2022-11-01.md";
const FRONT_MATTER = "---\nissue: 1480\ndate: 2022-11-01\nlunar: 壬寅年十月初八\npages: 4\n---\n\n# 第1版\n\n## 标题\n\n";
/** Lines of FRONT_MATTER before the body text that follows it. */
const BODY_LINE = FRONT_MATTER.split("\n").length;
const config = JSON.parse(await readFile(path.join(projectRoot, "baoku.config.json"), "utf8")) as PaperConfig;

let workDir: string;

before(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), "baoku-round-two-"));
});

after(async () => {
  await rm(workDir, { recursive: true, force: true });
});

/** The problems of an issue file whose body after a title is `body`, as kinds with their lines. */
function parsedProblems(body: string): { kind: string; line: number | undefined }[] {
  return parseIssue(FILE, new TextEncoder().encode(FRONT_MATTER + body), config).problems.map((found) => ({ kind: found.kind, line: found.line }));
}

/** A content root of its own holding the bundled archive. */
async function bundledContent(name: string): Promise<string> {
  const root = path.join(workDir, name);
  await cp(path.join(projectRoot, "issues"), path.join(root, "issues"), { recursive: true });
  await cp(path.join(projectRoot, "baoku.config.json"), path.join(root, "baoku.config.json"));
  return root;
}

/** `npm run build` on a content root, as an editor runs it: exit code and what it printed. */
async function buildCommand(contentRoot: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(process.execPath, commandArgs("build", "--content", contentRoot, ...args), {
    cwd: projectRoot,
    env: { ...process.env, BAOKU_LANG: "" },
    maxBuffer: 16 * 1024 * 1024,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

test("should refuse deep nesting at its line, in bounded time: 2,000 and 10,000 >, 1,000 nested list items, a staircase of quotes", () => {
  assert.deepEqual(parsedProblems(`${">".repeat(2000)} 正文\n`), [{ kind: "NestingTooDeep", line: BODY_LINE }]);
  assert.deepEqual(parsedProblems(`${">".repeat(10_000)} 正文\n`), [{ kind: "NestingTooDeep", line: BODY_LINE }]);
  const list = Array.from({ length: 1000 }, (_, level) => `${"  ".repeat(level)}- 第${level}层`).join("\n");
  assert.deepEqual(parsedProblems(list), [{ kind: "NestingTooDeep", line: BODY_LINE + LIMITS.nesting }]);
  const staircase = Array.from({ length: 3000 }, (_, level) => `${">".repeat(level + 1)} 第${level}层`).join("\n");
  assert.deepEqual(parsedProblems(staircase), [{ kind: "NestingTooDeep", line: BODY_LINE + LIMITS.nesting }]);
  assert.deepEqual(parsedProblems(`${"- ".repeat(40)}正文\n`), [{ kind: "NestingTooDeep", line: BODY_LINE }], "list markers on one line");
});

test("should refuse runs of markup that cost the parser the square of their length, at their line", () => {
  const stars = `${"*".repeat(50_000)}x${"*".repeat(50_000)}\n\n${"[".repeat(50_000)}`;
  assert.deepEqual(parsedProblems(stars), [{ kind: "TooMuchMarkup", line: BODY_LINE }]);
  assert.deepEqual(parsedProblems(`${"*a ".repeat(4000)}b${" a*".repeat(4000)}`), [{ kind: "TooMuchMarkup", line: BODY_LINE }]);
  assert.deepEqual(
    parsedProblems("标题\n===\n".repeat(2000)).map((found) => found.kind),
    ["TooMuchMarkup"],
    "a chain of setext underlines",
  );
  const brackets = Array.from({ length: 200 }, () => "[".repeat(1000)).join("\n\n");
  assert.deepEqual(
    parsedProblems(brackets).map((found) => found.kind),
    ["TooMuchMarkup"],
    "markup marks across the whole file",
  );
  assert.deepEqual(
    parsedProblems(`${"正文".repeat(40_000)}\n`).map((found) => found.kind),
    ["BlockTooLong"],
  );
  const message = formatProblems(parseIssue(FILE, new TextEncoder().encode(FRONT_MATTER + stars), config).problems, "zh-CN");
  assert.match(message, /这一段的 \* 和 _ 到这一行已有 100000 个，超过了一段 200 个的上限。/, "the message says which limit and its number");
});

test("should keep ordinary articles within the limits: quotes, lists, emphasis, a horizontal rule, full-width indents", () => {
  const ordinary = [
    "> 引用的一段话，*强调*和**加粗**。",
    "",
    "- 第一条",
    "  - 第二层",
    "    - 第三层",
    "",
    "1. 编号",
    "2. 编号",
    "",
    "* * * * * * * * * * * * * * * * * * * *",
    "",
    "　　全角空格缩进的段落，[链接](http://dcf.lcxw.cn)。",
    "",
    "(融媒体 郭龙君)",
  ].join("\n");
  assert.deepEqual(parsedProblems(ordinary), []);
});

test("should refuse an issue file over the size limit without reading it, and say the limit", async () => {
  const root = await bundledContent("too-large");
  await writeFile(path.join(root, "issues/2022/2022-11-02.md"), Buffer.alloc(LIMITS.fileBytes + 1, 0x61));
  const scanned = await scanArchive(root);
  assert.deepEqual(
    scanned.problems.map((found) => [found.kind, found.file]),
    [["FileTooLarge", "issues/2022/2022-11-02.md"]],
  );
  assert.match(formatProblems(scanned.problems, "zh-CN"), /超过了一期文件 16 MB 的上限/);
});

test("should refuse YAML aliases in the front-matter at their line, without expanding them", () => {
  const bomb = ['x0: &x0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let level = 1; level <= 8; level++)
    bomb.push(
      `x${level}: &x${level} [${Array(9)
        .fill(`*x${level - 1}`)
        .join(",")}]`,
    );
  const text = `---\nissue: 1480\ndate: 2022-11-01\nlunar: 壬寅年十月初八\npages: 4\n${bomb.join("\n")}\neditor: *x8\n---\n\n# 第1版\n`;
  const { problems } = parseIssue(FILE, new TextEncoder().encode(text), config);
  assert.deepEqual(
    problems.map((found) => [found.kind, found.line]),
    [["YamlAlias", 6]],
  );
  assert.match(formatProblems(problems, "zh-CN"), /文件头用了 YAML 的锚点和别名（& 和 \*），报库不接受/);
});

test("should refuse a configured address that is not http(s), naming the setting", () => {
  const refused = (paper: Record<string, unknown>, site: Record<string, unknown> = {}) =>
    readConfig(JSON.stringify({ ...config, paper: { ...config.paper, ...paper }, site: { ...config.site, ...site } })).problems;
  for (const website of [
    "javascript:alert(document.domain)//x",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:x",
    "file:///etc/passwd",
    "//evil.example/",
  ]) {
    assert.deepEqual(
      refused({ website }).map((found) => [found.kind, found.field]),
      [["InvalidConfig", "paper.website"]],
      website,
    );
  }
  assert.deepEqual(
    refused({}, { baseUrl: "javascript:alert(1)//x/" }).map((found) => found.field),
    ["site.baseUrl"],
  );
  assert.deepEqual(
    refused({ email: "javascript:alert(1)" }).map((found) => found.field),
    ["paper.email"],
  );
  assert.deepEqual(refused({ website: "https://dcf.lcxw.cn/" }), []);
  assert.match(
    formatProblems(refused({ website: "javascript:x" }), "zh-CN"),
    /baoku\.config\.json:\d+ paper\.website：设置 paper\.website 必须是以 http:\/\/ 或 https:\/\/ 开头的完整网址/,
  );
});

test("should refuse a missing issues/ folder, one that is a file, a year that is a file, and an archive with no issues, unless --allow-empty", async () => {
  const kinds = async (root: string) => (await scanArchive(root)).problems.map((found) => found.kind);
  const root = path.join(workDir, "no-issues");
  await mkdir(root, { recursive: true });
  await cp(path.join(projectRoot, "baoku.config.json"), path.join(root, "baoku.config.json"));
  assert.deepEqual(await kinds(root), ["IssuesFolderMissing"]);
  await writeFile(path.join(root, "issues"), "");
  assert.deepEqual(await kinds(root), ["IssuesFolderMissing"]);
  await rm(path.join(root, "issues"));
  await mkdir(path.join(root, "issues"));
  assert.deepEqual(await kinds(root), ["NoIssues"]);
  assert.deepEqual((await scanArchive(root, { allowEmpty: true })).problems, []);
  await writeFile(path.join(root, "issues", "2022"), "");
  assert.deepEqual(await kinds(root), ["YearNotFolder"]);

  // Built over a real site, none of them replaces it.
  const outputDir = path.join(workDir, "no-issues-site");
  const bundled = await buildSite({ renderPool: testRenderPool(), contentRoot: await bundledContent("kept"), outputDir });
  assert.ok(bundled.ok, report(bundled.problems));
  const before = await treeDigest(outputDir);
  const failed = await buildCommand(root, "--output", outputDir);
  assert.equal(failed.code, 1);
  assert.match(failed.stderr, /^错误 issues\/2022：issues\/2022 应当是放 2022 年各期的文件夹，却是一个文件。/m);
  assert.doesNotMatch(failed.stderr, /\n\s+at /, "no stack trace");
  assert.deepEqual(await treeDigest(outputDir), before);
  const check = await run(process.execPath, commandArgs("check", "--content", path.join(workDir, "no-issues")), {
    cwd: projectRoot,
    env: { ...process.env, BAOKU_LANG: "" },
  }).then(
    () => 0,
    (error: { code: number }) => error.code,
  );
  assert.equal(check, 1, "check fails too");
});

test("should neither read nor publish a PDF or an image folder that is a link out of the archive", async () => {
  const root = await bundledContent("links-out");
  const outside = path.join(workDir, "outside");
  await mkdir(path.join(outside, "folder"), { recursive: true });
  await writeFile(path.join(outside, "secret.pdf"), "%PDF-1.4 the secret bytes");
  const folder = path.join(root, "issues/2022/2022-11-01");
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, "page-1.jpg"), await sharpPng(40, 30));
  await symlink(path.join(outside, "secret.pdf"), path.join(folder, "page-1.pdf"));
  const result = await buildSite({ renderPool: testRenderPool(), contentRoot: root, outputDir: path.join(workDir, "links-out-site") });
  assert.deepEqual(
    result.problems.map((found) => [found.kind, found.file]),
    [["LinkOutOfArchive", "issues/2022/2022-11-01/page-1.pdf"]],
  );

  await rm(folder, { recursive: true });
  await writeFile(path.join(outside, "folder", "page-1.jpg"), await sharpPng(40, 30));
  await symlink(path.join(outside, "folder"), folder);
  const linkedFolder = await scanArchive(root);
  assert.deepEqual(
    linkedFolder.problems.map((found) => [found.kind, found.file]),
    [["LinkOutOfArchive", "issues/2022/2022-11-01"]],
  );
  const loaded = await linkedFolder.issues[0]!.load();
  assert.equal(loaded.pages[0]!.scan, undefined, "nothing in the linked folder is used");
});

test("should refuse a 19,000 × 19,000 image with the one image limit in its message", async () => {
  const root = await bundledContent("huge-image");
  const folder = path.join(root, "issues/2022/2022-11-01");
  await mkdir(folder, { recursive: true });
  await writeFile(path.join(folder, "page-1.png"), pngHeader(19_000, 19_000));
  const scanned = await scanArchive(root);
  assert.deepEqual(
    scanned.problems.map((found) => found.kind),
    ["ImageTooLarge"],
  );
  assert.match(formatProblems(scanned.problems, "zh-CN"), /有 19000×19000 像素，超过了每边 16000 像素的上限/);
});

test("should say the disk is full, naming the file and the space, and leave the site as it was", {
  skip: process.getuid?.() !== 0 && "mounting a small tmpfs needs root",
}, async () => {
  const tiny = path.join(workDir, "tiny");
  await mkdir(tiny);
  const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", "size=400k", "tmpfs", tiny]);
  if (mounted.status !== 0) {
    console.warn(`SKIPPED the full-disk test: could not mount a tmpfs (${mounted.stderr.toString().trim()})`);
    return;
  }
  try {
    const outputDir = path.join(tiny, "site");
    await mkdir(outputDir);
    await writeFile(path.join(outputDir, "index.html"), "the earlier site");
    const failed = await buildCommand(path.join(projectRoot), "--output", outputDir, "--cache", path.join(tiny, "cache"));
    assert.equal(failed.code, 1);
    assert.match(failed.stderr, /^错误 .*：写这个文件时磁盘满了（它所在的磁盘只剩 [\d.]+ MB）。腾出空间后再构建：这个报库的一次完整构建大约要写 [\d.]+ MB/m);
    assert.doesNotMatch(failed.stderr, /\n\s+at /, "no stack trace");
    assert.equal(await readFile(path.join(outputDir, "index.html"), "utf8"), "the earlier site");
  } finally {
    spawnSync("umount", [tiny]);
  }
});

test("should publish to another file system than the cache's by copying", { skip: !existsSync("/dev/shm") && "no /dev/shm" }, async () => {
  const outputDir = path.join(await mkdtemp("/dev/shm/baoku-"), "site");
  const cacheDir = path.join(workDir, "exdev-cache");
  try {
    if (statSync(path.dirname(outputDir)).dev === statSync(workDir).dev) return;
    const first = await buildSite({ renderPool: testRenderPool(), outputDir, cacheDir });
    assert.ok(first.ok, report(first.problems));
    assert.equal(statSync(path.join(outputDir, "index.html")).nlink, 1, "copies, not links");
    await writeFile(path.join(outputDir, "index.html"), "edited by hand");
    const second = await buildSite({ renderPool: testRenderPool(), outputDir, cacheDir, skipWhenUnchanged: true, verify: true });
    assert.ok(second.ok, report(second.problems));
    assert.equal(second.unchanged, undefined, "a changed copy is made again with --verify");
    assert.match(await readFile(path.join(outputDir, "index.html"), "utf8"), /^<!doctype html>/);
  } finally {
    await rm(path.dirname(outputDir), { recursive: true, force: true });
  }
});

/** A build of the bundled archive with its own output and cache; the cache entries it used. */
async function cachedBuild(name: string): Promise<{ outputDir: string; cacheDir: string; result: BuildResult }> {
  const outputDir = path.join(workDir, name, "_site");
  const cacheDir = path.join(workDir, name, "cache");
  const result = await buildSite({ renderPool: testRenderPool(), outputDir, cacheDir, skipWhenUnchanged: true });
  assert.ok(result.ok, report(result.problems));
  return { outputDir, cacheDir, result };
}

test("should make again a damaged cache entry rather than publish it, and tell nothing changed without looking at every served file", async () => {
  const { outputDir, cacheDir } = await cachedBuild("damaged");
  const clean = await treeDigest(outputDir);
  const issuePage = path.join(outputDir, "2022/11/01/index.html");
  const build = (output: string, more: Partial<BuildOptions> = {}) =>
    buildSite({ renderPool: testRenderPool(), outputDir: output, cacheDir, skipWhenUnchanged: true, ...more });

  // A rebuild with nothing changed looks at the content, the code and the copy the last build finished, not at every served file (about
  // 760,000 at 11,000 issues): a page damaged by hand in _site, and so in the cache it is a link to, is left to the builds that take it.
  await truncate(issuePage, 100);
  const unchanged = await build(outputDir);
  assert.ok(unchanged.ok && unchanged.unchanged, "the cheap check does not read the served files");

  // A build that takes the entry checks its files' sizes and times, and makes it again: the damaged page is not published.
  const taken = await build(path.join(workDir, "damaged", "taken", "_site"));
  assert.ok(taken.ok && !taken.unchanged, report(taken.problems));
  assert.deepEqual(await treeDigest(path.join(workDir, "damaged", "taken", "_site")), clean);

  const bundles = await readdir(path.join(cacheDir, "search"), { recursive: true });
  const entryFile = bundles.find((file) => file.endsWith("pagefind-entry.json"))!;
  await writeFile(path.join(cacheDir, "search", entryFile), '{"broken');
  const broken = await build(path.join(workDir, "damaged", "broken", "_site"));
  assert.ok(broken.ok, report(broken.problems));
  assert.deepEqual(await treeDigest(path.join(workDir, "damaged", "broken", "_site")), clean);

  // --verify hashes every file and makes the served copy whole again.
  const verified = await build(outputDir, { verify: true });
  assert.ok(verified.ok && !verified.unchanged);
  assert.deepEqual(await treeDigest(outputDir), clean);

  await writeFile(path.join(outputDir, "index.html"), "edited in place", { flag: "r+" });
  assert.ok((await build(outputDir)).unchanged, "an edit by hand in _site is not a change to the archive");
  assert.ok((await build(outputDir, { verify: true })).ok);
  assert.deepEqual(await treeDigest(outputDir), clean);

  // A change that keeps size and time slips past a taking build's check too; --verify (and --full) hash every file.
  const page = path.join(outputDir, "2022/11/01/1/index.html");
  const info = statSync(page);
  const bytes = await readFile(page);
  bytes[bytes.length - 2] = bytes[bytes.length - 2] === 0x20 ? 0x0a : 0x20;
  await writeFile(page, bytes, { flag: "r+" });
  spawnSync("touch", ["-d", info.mtime.toISOString(), page]);
  const again = await build(outputDir, { verify: true });
  assert.ok(again.ok);
  assert.deepEqual(await treeDigest(outputDir), clean);
});

test("should not check again what the copy it updates already holds, so a day's build does not grow with the archive; --verify checks it", async () => {
  const { root, contentRoot, outputDir, cacheDir } = await smallArchiveIn(path.join(workDir, "placed"));
  const build = async (more: Partial<BuildOptions> = {}) => {
    const result = await buildSite({ renderPool: testRenderPool(), contentRoot, outputDir, cacheDir, skipWhenUnchanged: true, ...more });
    assert.ok(result.ok, report(result.problems));
    return result;
  };
  const day = path.join(contentRoot, "issues/2022/2022-01-04.md");
  const addParagraph = async (text: string) => writeFile(day, `${await readFile(day, "utf8")}\n${text}\n`);
  await build();
  await addParagraph("第一天补上的一段。");
  await build();
  // Both copies are made; December's part is in both, as hard links to its cache entry.
  const december = path.join(outputDir, "2021/12/30/index.html");
  const whole = await readFile(december, "utf8");
  await truncate(december, 100);

  // A file replaced by hand (a new file, not the cache's) in the copy the next build updates, the one not served.
  const other = path.join(root, (await readlink(outputDir)) === "_site.a" ? "_site.b" : "_site.a");
  const replaced = path.join(other, "2021/12/31/index.html");
  const original = await readFile(replaced, "utf8");
  await rm(replaced);
  await writeFile(replaced, "replaced by hand");

  // The next day changes January: the copy it updates keeps December's part as it is, unchecked (about 760,000 files at 11,000 issues).
  await addParagraph("第二天补上的一段。");
  await build();
  assert.equal(path.join(root, await readlink(outputDir)), other);
  assert.equal((await readFile(december, "utf8")).length, 100, "what the copy already held is not checked again");
  assert.equal(await readFile(path.join(outputDir, "2021/12/31/index.html"), "utf8"), "replaced by hand", "nor stated file by file");

  // --verify checks every file and makes the copy anew: the site is a clean build's of the same content.
  await build({ verify: true });
  assert.equal(await readFile(december, "utf8"), whole);
  assert.equal(await readFile(path.join(outputDir, "2021/12/31/index.html"), "utf8"), original);
  const clean = path.join(root, "clean");
  const fresh = await buildSite({ renderPool: testRenderPool(), contentRoot, outputDir: path.join(clean, "_site"), cacheDir: path.join(clean, "cache") });
  assert.ok(fresh.ok, report(fresh.problems));
  assert.deepEqual(await treeDigest(outputDir), await treeDigest(path.join(clean, "_site")));
});

test("should let one build at a time write a site: a second waits and says so, a killed build's lock is taken over", async () => {
  const outputDir = path.join(workDir, "locked", "_site");
  await mkdir(path.dirname(outputDir), { recursive: true });
  // A lock left by a process that is gone.
  const gone = spawn(process.execPath, ["-e", ""]);
  await new Promise((resolve) => gone.once("exit", resolve));
  await writeFile(`${outputDir}.lock`, JSON.stringify({ pid: gone.pid, host: (await import("node:os")).hostname(), started: "2026-01-01T00:00:00Z" }));
  const release = await lockOutput(outputDir);
  // Held now: another waits, is told once, and gives up after its time with a problem.
  const told: number[] = [];
  const waiting = await lockOutput(outputDir, { timeoutMs: 600, pollMs: 50, onWait: (pid) => told.push(pid) }).then(
    () => undefined,
    (error: { problem?: { kind: string } }) => error.problem?.kind,
  );
  assert.equal(waiting, "BuildRunning");
  assert.deepEqual(told, [process.pid]);
  await release();
  assert.equal(existsSync(`${outputDir}.lock`), false);

  // Two builds started together both succeed, one after the other, and the site is whole.
  const [one, two] = await Promise.all([
    buildCommand(projectRoot, "--output", outputDir, "--cache", path.join(workDir, "locked", "cache"), "--full"),
    buildCommand(projectRoot, "--output", outputDir, "--cache", path.join(workDir, "locked", "cache"), "--full"),
  ]);
  assert.deepEqual([one.code, two.code], [0, 0], `${one.stderr}\n${two.stderr}`);
  assert.match(one.stderr + two.stderr, /另一个构建（进程 \d+）正在写同一个网站，等它结束后再开始…/);
  assert.match(await readlink(outputDir), /^_site\.[ab]$/);
  assert.equal(existsSync(`${outputDir}.lock`), false);
});

test("should leave a complete site whenever a build is killed, and build it whole the next time", async () => {
  const outputDir = path.join(workDir, "kills", "_site");
  const cacheDir = path.join(workDir, "kills", "cache");
  const first = await buildSite({ renderPool: testRenderPool(), outputDir, cacheDir });
  assert.ok(first.ok, report(first.problems));
  const clean = await treeDigest(outputDir);
  for (const delay of [400, 1200, 2500, 3500]) {
    const child = spawn(process.execPath, commandArgs("build", "--output", outputDir, "--cache", cacheDir, "--full"), {
      cwd: projectRoot,
      stdio: "ignore",
    });
    const closed = new Promise((resolve) => child.once("close", resolve));
    await new Promise((resolve) => setTimeout(resolve, delay));
    child.kill("SIGKILL");
    await closed;
    assert.deepEqual(await treeDigest(outputDir), clean, `the served site is whole after a kill at ${delay} ms`);
  }
  const next = await buildSite({ renderPool: testRenderPool(), outputDir, cacheDir });
  assert.ok(next.ok, report(next.problems));
  assert.deepEqual(await treeDigest(outputDir), clean);
  assert.equal(existsSync(`${outputDir}.lock`), false);
});

/** A real PNG of the given size, made by sharp. */
async function sharpPng(width: number, height: number): Promise<Buffer> {
  const { default: sharp } = await import("sharp");
  return sharp({ create: { width, height, channels: 3, background: "#888" } })
    .png()
    .toBuffer();
}

/** A PNG that is only its header: what sharp reads for an image's size, without millions of pixels to make. */
function pngHeader(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.alloc(1))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
