// Round three of hostile input, the issue files' part: dates that do not exist (rolled over by YAML into the next month), numbers in
// other bases or past any paper's size, and text no reader can see (NUL and other controls, zero-width characters, direction controls),
// each a problem at its line in the editors' words; and the build's own folders: a cache that cannot be written, an output that is not
// the build's link (one test builds the bundled archive; the others are refused before the build begins).
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildSite } from "../src/build/build.ts";
import { report } from "./helpers/report.ts";
import { treeDigest } from "./helpers/tree-digest.ts";
import { parseIssue } from "../src/content/parse-issue.ts";
import { decodeExport } from "../src/import/export-text.ts";
import importIssue from "../src/import/import-issue.ts";
import { ProblemsError } from "../src/problems.ts";
import { formatProblems } from "../src/messages/report.ts";
import type { PaperConfig } from "../src/model.ts";
import { projectRoot } from "../src/project.ts";

const config = JSON.parse(await readFile(path.join(projectRoot, "baoku.config.json"), "utf8")) as PaperConfig;
const HEADER = { issue: "1480", date: "2022-11-01", lunar: "壬寅年十月初八", pages: "4" };
const BODY = "\n# 第1版\n\n## 省委常委会召开扩大会议\n\n东昌府讯 10月28日，省委常委会召开扩大会议。\n";

/** An issue file's text with the header fields `fields` (in order) over the bundled defaults, and `body`. */
function issueText(fields: Partial<Record<string, string>> = {}, body = BODY): string {
  const header = { ...HEADER, ...fields };
  return `---\n${Object.entries(header)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}: ${value}`)
    .join("\n")}\n---\n${body}`;
}

/** The errors of the issue file `file` holding `text`, as kind, line, field and the facts that matter here. */
function problemsOf(text: string, file = "issues/2022/2022-11-01.md") {
  const { problems } = parseIssue(file, new TextEncoder().encode(text), config);
  return problems
    .filter((found) => found.severity === "error")
    .map((found) => ({ kind: found.kind, line: found.line, field: found.field, facts: found.facts as Record<string, unknown> }));
}

test("should refuse a date that does not exist as impossible, wherever it is written, and never roll it into the next month", () => {
  for (const [file, date] of [
    ["issues/2022/2022-02-30.md", "2022-02-30"],
    ["issues/2023/2023-01-01.md", "2022-13-01"],
    ["issues/2023/2023-02-29.md", "2023-02-29"],
    ["issues/2022/2022-04-31.md", "2022-04-31"],
  ] as const) {
    const found = problemsOf(issueText({ date }), file);
    assert.deepEqual(
      found.map(({ kind, line, field, facts }) => ({ kind, line, field, rule: facts.rule })),
      [{ kind: "InvalidField", line: 3, field: "date", rule: "realDate" }],
      `${file} with date: ${date}`,
    );
    const message = formatProblems(parseIssue(file, new TextEncoder().encode(issueText({ date })), config).problems, "zh-CN");
    assert.match(message, new RegExp(`${date}.*日历上没有这一天`));
    assert.doesNotMatch(message, /03-0[12]|2023-01-01\.md，/, "no rolled-over date is offered");
  }
  // Quoted, the same; and a real date still passes.
  assert.equal(problemsOf(issueText({ date: "'2022-02-30'" }), "issues/2022/2022-02-30.md")[0]?.facts.rule, "realDate");
  assert.deepEqual(problemsOf(issueText()), []);
  assert.deepEqual(problemsOf(issueText({ date: "2024-02-29", lunar: "甲辰年正月二十", issue: "1481" }), "issues/2024/2024-02-29.md"), []);
});

test("should read issue and pages as decimal whole numbers within bounds: no hexadecimal, octal, exponent, and at most 100 版", () => {
  const ruleOf = (fields: Record<string, string>) =>
    problemsOf(issueText(fields)).map(({ kind, field, facts }) => `${kind} ${field} ${String(facts.rule)} ${String(facts.value)}`);
  assert.deepEqual(ruleOf({ issue: "0x5C8" }), ['InvalidField issue wholeNumber "0x5C8"']);
  assert.deepEqual(ruleOf({ issue: "0o2710" }), ['InvalidField issue wholeNumber "0o2710"']);
  assert.deepEqual(ruleOf({ issue: "1.48e3" }), ['InvalidField issue wholeNumber "1.48e3"']);
  assert.deepEqual(ruleOf({ pages: "100000000" }), ["InvalidField pages atMost100Pages 100000000"]);
  assert.deepEqual(ruleOf({ pages: "0b100" }), ['InvalidField pages wholeNumber "0b100"']);
  assert.deepEqual(ruleOf({ issue: "99999999" }), ["InvalidField issue issueNumberRange 99999999"]);
  assert.deepEqual(ruleOf({ pages: "100", issue: '"1480"' }), []);
  assert.match(
    formatProblems(parseIssue("issues/2022/2022-11-01.md", new TextEncoder().encode(issueText({ pages: "100000000" })), config).problems, "zh-CN"),
    /一期最多 100 版/,
  );
});

test("should refuse NUL, other controls, zero-width characters and direction controls at their line, naming the character", () => {
  const cases: [string, Partial<Record<string, string>>, string, number, string | undefined][] = [
    ["NUL in a title", {}, BODY.replace("召开扩大", "召开\u0000扩大"), 10, undefined],
    ["NUL in the body", {}, BODY.replace("省委常委会召开扩大会议。", "省委常委会\u0000召开扩大会议。"), 12, undefined],
    ["a C1 control", {}, BODY.replace("扩大会议。", "扩大\u0085会议。"), 12, undefined],
    ["a zero-width space in a title", {}, BODY.replace("召开扩大", "召开\u200b扩大"), 10, undefined],
    ["a zero-width joiner", {}, BODY.replace("召开扩大", "召开\u200d扩大"), 10, undefined],
    ["a word joiner", {}, BODY.replace("召开扩大", "召开\u2060扩大"), 10, undefined],
    ["a BOM inside", {}, BODY.replace("召开扩大", "召开\ufeff扩大"), 10, undefined],
    ["an RLO in editor", { editor: "\u202e王伟" }, BODY, 6, "editor"],
    ["an LRI left open in a title", {}, BODY.replace("召开扩大", "召开\u2066扩大"), 10, undefined],
    ["an RLM in lunar", { lunar: "壬寅年十月初八\u200f" }, BODY, 4, "lunar"],
    ["a title of only invisible characters", {}, BODY.replace("## 省委常委会召开扩大会议", "## \u200b\u200c\u200d"), 10, undefined],
  ];
  for (const [what, fields, body, line, field] of cases) {
    const found = problemsOf(issueText(fields, body)).filter(({ kind }) => kind === "InvisibleCharacter");
    assert.equal(found.length, 1, `${what}: ${JSON.stringify(problemsOf(issueText(fields, body)))}`);
    assert.equal(found[0]!.line, line, what);
    assert.equal(found[0]!.field, field, what);
  }
  const message = formatProblems(
    parseIssue("issues/2022/2022-11-01.md", new TextEncoder().encode(issueText({}, BODY.replace("召开扩大", "召开\u200b扩大"))), config).problems,
    "zh-CN",
  );
  const line = message.split("\n").find((text) => text.includes("[InvisibleCharacter]"))!;
  assert.match(line, /issues\/2022\/2022-11-01\.md:10.*U\+200B（零宽空格）.*召开⟨U\+200B⟩扩大/);
  assert.doesNotMatch(line, /\u200b/, "the message shows the character by name, not itself");
  // Ordinary text passes: full-width spaces and punctuation, a tab.
  assert.deepEqual(problemsOf(issueText({}, BODY.replace("东昌府讯", "\u3000\u3000东昌府讯\t"))), []);
});

let workDir: string | undefined;
after(async () => {
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

/** A content root with the bundled issues, and a served site standing in for one built before: a link to a folder with a page. */
async function contentAndSite(): Promise<{ contentRoot: string; outputDir: string }> {
  workDir ??= await mkdtemp(path.join(tmpdir(), "baoku-round-three-"));
  const root = await mkdtemp(path.join(workDir, "case-"));
  const contentRoot = path.join(root, "content");
  await cp(path.join(projectRoot, "issues"), path.join(contentRoot, "issues"), { recursive: true });
  await cp(path.join(projectRoot, "baoku.config.json"), path.join(contentRoot, "baoku.config.json"));
  return { contentRoot, outputDir: path.join(root, "_site") };
}

test("should move an output that is a plain file or a folder of someone's aside, named and told, never deleting it", async () => {
  const { contentRoot, outputDir } = await contentAndSite();
  const cacheDir = path.join(path.dirname(outputDir), "cache");
  await mkdir(path.join(outputDir, "mine"), { recursive: true });
  await writeFile(path.join(outputDir, "mine", "notes.txt"), "notes");
  const onFolder = await buildSite({ contentRoot, outputDir, cacheDir });
  assert.ok(onFolder.ok, report(onFolder.problems));
  const moved = onFolder.problems.filter((found) => found.kind === "OutputMovedAside");
  assert.equal(moved.length, 1);
  const aside = path.join(path.dirname(outputDir), path.basename(String(moved[0]!.facts.movedTo)));
  assert.equal(await readFile(path.join(aside, "mine", "notes.txt"), "utf8"), "notes", "the editor's folder is kept, under the name told");
  assert.match(formatProblems(moved, "zh-CN"), /报库没有删它，而是把它挪到了 .*_site\.moved-aside-\d{4}-\d{2}-\d{2}/);
  assert.ok((await readFile(path.join(outputDir, "index.html"), "utf8")).includes("<html"), "the new site is served");

  await rm(outputDir);
  await writeFile(outputDir, "an editor's file named _site");
  const onFile = await buildSite({ contentRoot, outputDir, cacheDir });
  const second = onFile.problems.find((found) => found.kind === "OutputMovedAside");
  assert.ok(onFile.ok && second, report(onFile.problems));
  assert.equal(await readFile(path.join(path.dirname(outputDir), path.basename(String(second.facts.movedTo))), "utf8"), "an editor's file named _site");
  assert.notEqual(second.facts.movedTo, moved[0]!.facts.movedTo, "a second one moved aside the same day gets a name of its own");
});

test("should refuse a read-only cache with a problem in Chinese, no stack trace, and the served site untouched", {
  skip: process.getuid?.() !== 0 && "mounting a read-only file system needs root",
}, async () => {
  const { contentRoot, outputDir } = await contentAndSite();
  const served = path.join(path.dirname(outputDir), "_site.a");
  await mkdir(served, { recursive: true });
  await writeFile(path.join(served, "index.html"), "<!doctype html><title>served</title>");
  await symlink("_site.a", outputDir);
  const before = await treeDigest(outputDir);
  const cacheDir = path.join(path.dirname(outputDir), "read-only-cache");
  await mkdir(cacheDir);
  execFileSync("mount", ["-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", cacheDir]);
  try {
    const result = await buildSite({ contentRoot, outputDir, cacheDir });
    assert.equal(result.ok, false);
    assert.deepEqual(
      result.problems.map((found) => [found.kind, found.facts]),
      [["CacheNotWritable", { code: "EROFS" }]],
    );
    assert.match(formatProblems(result.problems, "zh-CN"), /构建缓存文件夹写不进去.*--cache/);
    assert.deepEqual(await treeDigest(outputDir), before, "the served site is as it was");
  } finally {
    execFileSync("umount", [cacheDir]);
  }
});

test("should name the encoding of an export that is not UTF-8 and give its conversion: UTF-16 by its mark or its text, GB18030, Big5", async () => {
  const folder = path.join(projectRoot, "tests/fixtures/export-encodings");
  const told: Record<string, unknown> = {};
  for (const name of ["utf16-bom", "utf16le", "utf16be", "gb18030", "big5"]) {
    try {
      decodeExport(await readFile(path.join(folder, `${name}.txt`)), `${name}.txt`);
      told[name] = "decoded";
    } catch (error) {
      assert.ok(error instanceof ProblemsError, String(error));
      told[name] = error.problem.facts;
    }
  }
  assert.deepEqual(told, {
    "utf16-bom": { file: "utf16-bom.txt", encoding: "UTF-16LE" },
    utf16le: { file: "utf16le.txt", encoding: "UTF-16LE" },
    utf16be: { file: "utf16be.txt", encoding: "UTF-16BE" },
    gb18030: { file: "gb18030.txt", encoding: "GB18030" },
    big5: { file: "big5.txt", encoding: "BIG5" },
  });
  const utf16 = (() => {
    try {
      decodeExport(new Uint8Array([0xff, 0xfe, 0x1c, 0x4e]), "export.txt");
    } catch (error) {
      return formatProblems([(error as ProblemsError).problem], "zh-CN");
    }
    return "";
  })();
  assert.match(utf16, /看起来是 UTF-16.*iconv -f UTF-16LE -t UTF-8 export\.txt/);
  assert.doesNotMatch(utf16, /GBK -t/);
  // UTF-8 (the seed) and plain ASCII are read as they are.
  assert.match(decodeExport(await readFile(path.join(folder, "utf8.txt")), "utf8.txt"), /东昌府/);
  assert.equal(decodeExport(Buffer.from("abcdefghijklmnopqrstuvwxyz\n".repeat(100)), "ascii.txt").length, 2700);
});

test("should bound what one export may produce: over 100 版 or 16 MB is refused at once, with the line where the limit is passed", () => {
  const masthead = "东昌府讯\n\n2022年11月1日 星期二 农历壬寅年十月初八 总第1480期 今日4版\n\n";
  const text = masthead + Array.from({ length: 10_000 }, (_, index) => `第${index + 1}版的一段文字。`).join("\n\n\n\n");
  const refused = (() => {
    try {
      importIssue(text, config, "export.txt");
    } catch (error) {
      return (error as ProblemsError).problem;
    }
    return undefined;
  })();
  assert.equal(refused?.kind, "ExportTooLarge");
  assert.deepEqual(refused?.facts, { count: 10_000, limit: 100, unit: "版" });
  assert.ok(refused?.line && refused.line > 100, "the line of the 101st 版");
  assert.throws(
    () => decodeExport(new Uint8Array(17 * 1024 * 1024), "huge.txt"),
    (error: unknown) => error instanceof ProblemsError && error.problem.kind === "ExportTooLarge",
  );
});
