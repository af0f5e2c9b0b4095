// `npm run import`: the seed export round-trips to the hand-corrected issue except at the judgements it lists; own fixtures pin other layouts; each refusal says why.
// Fixtures: tests/fixtures/import-<case>/export.txt (input), expected.md (the issue as an editor would correct it), expected-checks.txt (the listed judgements; UPDATE=1 rewrites it).
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { existsSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { paperConfigSchema } from "../src/model.ts";
import { parseIssue } from "../src/content/parse-issue.ts";
import { hasErrors } from "../src/problems.ts";
import { formatProblems } from "../src/messages/report.ts";
import importIssue, { type ImportResult } from "../src/import/import-issue.ts";
import { decodeExport, printLines } from "../src/import/export-text.ts";
import { readMasthead } from "../src/import/masthead.ts";
import { readHeadlines } from "../src/import/headlines.ts";
import type { Check } from "../src/import/types.ts";
import { projectRoot } from "../src/project.ts";
import { describeJudgement } from "../src/messages/judgements.ts";
import { commandArgs } from "./helpers/commands.ts";

const run = promisify(execFile);
const fixturesDir = path.join(projectRoot, "tests", "fixtures");
/** A copy of shared/seed/dongchangfu-1480-2022-11-01.txt, the layout export the bundled issue was converted from. */
const seedExport = path.join(fixturesDir, "import-seed", "export.txt");
const config = paperConfigSchema.parse(JSON.parse(await readFile(path.join(projectRoot, "baoku.config.json"), "utf8")));

async function importFile(file: string): Promise<ImportResult> {
  return importIssue(decodeExport(await readFile(file), file), config, path.basename(file));
}

/** The differences between two texts as unified-diff hunks, each with the 1-based lines it spans in `actual`. */
function diffHunks(actual: string, expected: string): Array<{ actualLines: number[]; around: number[]; text: string }> {
  const a = actual.split("\n");
  const b = expected.split("\n");
  // Longest common subsequence, filled from the end so the walk below goes forwards.
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i -= 1) {
    for (let j = b.length - 1; j >= 0; j -= 1) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const hunks: Array<{ actualLines: number[]; around: number[]; text: string }> = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i += 1;
      j += 1;
      continue;
    }
    const start = { i, j };
    const lines: string[] = [];
    while ((i < a.length || j < b.length) && !(i < a.length && j < b.length && a[i] === b[j])) {
      if (j < b.length && (i >= a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) lines.push(`-${b[j++]}`);
      else lines.push(`+${a[i++]}`);
    }
    const actualLines = Array.from({ length: i - start.i }, (_, k) => start.i + k + 1);
    hunks.push({
      actualLines,
      around: actualLines.length > 0 ? actualLines : [start.i, start.i + 1],
      text: [`@@ -${start.j + 1},${j - start.j} +${start.i + 1},${i - start.i} @@`, ` ${b[start.j - 1] ?? ""}`, ...lines, ` ${b[j] ?? ""}`].join("\n"),
    });
  }
  return hunks;
}

/** Hunks of the diff from `expected` to the import's output that no listed judgement covers; a removal counts as covered when a line next to it is. */
function unlistedDifferences(result: ImportResult, expected: string): string[] {
  const covered = (line: number) => result.checks.some((check) => check.line <= line && line <= check.lastLine);
  return diffHunks(result.markdown, expected)
    .filter((hunk) => (hunk.actualLines.length > 0 ? !hunk.actualLines.every(covered) : !hunk.around.some(covered)))
    .map((hunk) => hunk.text);
}

function listed(checks: readonly Check[]): string {
  return checks.map((check) => `${check.line}: ${describeJudgement(check.judgement, "en")}`).join("\n");
}

/** Every character of the export's body but spaces, in order; the masthead aside. */
function exportBodyCharacters(exportText: string): string {
  const lines = printLines(exportText);
  const { bodyStart } = readMasthead(lines, config.paper, "export");
  return lines
    .slice(bodyStart)
    .map((line) => line.text)
    .join("")
    .replace(/\s/gu, "");
}

/** The issue file's text in print order (a kicker above its title) without what the importer adds: front-matter, 第N版 and ## markers, label words. */
function issueBodyCharacters(markdown: string): string {
  const lines = markdown.replace(/^---\n[\s\S]*?\n---\n/, "").split("\n");
  const printed: string[] = [];
  for (const line of lines) {
    // 引题： is written under its ## title but printed above it.
    if (line.startsWith("引题：")) printed.splice(printed.length - 1, 0, line.slice(3));
    else
      printed.push(
        line
          .replace(/^# 第\d+版/, "")
          .replace(/^##/, "")
          .replace(/^副题：/, ""),
      );
  }
  return printed.join("").replace(/\s/gu, "");
}

function assertPassesPipeline(result: ImportResult): void {
  const { problems } = parseIssue(result.file, new TextEncoder().encode(result.markdown), config);
  assert.ok(!hasErrors(problems), `the imported issue should pass the pipeline's checks:\n${formatProblems(problems, "en")}`);
}

test("should import the seed export as the hand-corrected issue, except at lines it lists for checking", async () => {
  const result = await importFile(seedExport);
  const expected = await readFile(path.join(projectRoot, "issues/2022/2022-11-01.md"), "utf8");
  assert.equal(result.file, "issues/2022/2022-11-01.md");
  const unlisted = unlistedDifferences(result, expected);
  assert.deepEqual(
    unlisted,
    [],
    `the import differs from issues/2022/2022-11-01.md where it listed nothing to check:\n${unlisted.join("\n")}\n\nIt listed:\n${listed(result.checks)}`,
  );
});

test("should keep every character of the seed's body, in order", async () => {
  const exportText = decodeExport(await readFile(seedExport), "seed");
  assert.equal(issueBodyCharacters((await importFile(seedExport)).markdown), exportBodyCharacters(exportText));
});

test("should write a seed issue that passes the pipeline's checks", async () => {
  assertPassesPipeline(await importFile(seedExport));
});

test("should list the seed's uncertain readings: a title broken over two print lines and the 第2版 banner", async () => {
  const { checks } = await importFile(seedExport);
  assert.deepEqual(
    checks.map((check) => check.line),
    [43, 82],
  );
  assert.deepEqual(
    checks.map((check) => check.judgement),
    [
      { kind: "TitlePartsJoined", facts: { before: "区人大常委会党组理论学习", part: "中心组进行集中学习研讨" } },
      { kind: "BannerRead", facts: { text: "非凡十年 铸就辉煌" } },
    ],
  );
  assert.match(describeJudgement(checks[0]!.judgement, "zh-CN"), /^把“区人大常委会党组理论学习”和“中心组进行集中学习研讨”合成了一个标题/);
  assert.match(describeJudgement(checks[1]!.judgement, "en"), /^Read “非凡十年 铸就辉煌”, the short line under the page break, as this 版's banner/);
});

const fixtureCases = (await readdir(fixturesDir)).filter((name) => name.startsWith("import-")).sort();

for (const name of fixtureCases) {
  const dir = path.join(fixturesDir, name);
  test(`should import fixture ${name} as expected.md, except at the judgements in expected-checks.txt`, async () => {
    const result = await importFile(path.join(dir, "export.txt"));
    const checksFile = path.join(dir, "expected-checks.txt");
    const checksText = `${listed(result.checks)}\n`;
    if (process.env.UPDATE === "1" || !existsSync(checksFile)) {
      await writeFile(checksFile, checksText);
      if (process.env.UPDATE !== "1") assert.fail(`${path.relative(projectRoot, checksFile)} did not exist and was written; review it and run again.`);
    }
    assert.equal(checksText, await readFile(checksFile, "utf8"), `${name}: the listed judgements changed; review them and run with UPDATE=1`);
    const unlisted = unlistedDifferences(result, await readFile(path.join(dir, "expected.md"), "utf8"));
    assert.deepEqual(unlisted, [], `${name}: the import differs from expected.md where it listed nothing to check:\n${unlisted.join("\n")}`);
  });

  test(`should keep every character of fixture ${name}'s body and pass the pipeline`, async () => {
    const file = path.join(dir, "export.txt");
    const result = await importFile(file);
    assert.equal(issueBodyCharacters(result.markdown), exportBodyCharacters(decodeExport(await readFile(file), file)));
    assertPassesPipeline(result);
  });
}

test("should read kickers, subtitles, banners and photo news from the four-page fixture", async () => {
  const { issue } = await importFile(path.join(fixturesDir, "import-four-pages/export.txt"));
  assert.deepEqual(
    issue.pages.map((page) => page.banner?.text),
    [undefined, "要闻", "乡村振兴 东昌府在行动", "文化生活"],
  );
  const [first, second] = issue.pages[0]!.articles;
  assert.deepEqual([first?.kicker?.text, first?.title.text], ["春耕进行时", "全区小麦田间管理全面展开"]);
  assert.deepEqual([second?.kicker?.text, second?.title.text, second?.subtitle?.text], ["聚焦项目建设——", "区重点项目集中开工", "我区19个项目总投资56亿元"]);
  assert.equal(first?.paragraphs.at(-1)?.text, "（融媒体 全兴社 通讯员 李晓）");
  assert.match(second?.paragraphs[1]?.text ?? "", /围绕提出的“三个一”工作法/, "a paragraph broken right before “ is joined");
  assert.match(first?.paragraphs[1]?.text ?? "", /推行“田长制”，实现了/, "a paragraph broken right after ” is joined");
  const photoNews = issue.pages[1]!.articles[1]!;
  assert.deepEqual(
    [photoNews.title.text, ...photoNews.paragraphs.map((paragraph) => paragraph.text)],
    ["", "春日暖阳下，东昌湖畔游人如织，市民在湖边散步、放风筝，尽享美好春光。", "融媒体 张伟 摄"],
  );
});

/** Runs `npm run import` on a content root of its own; the result's code is 0 on success. */
async function runImport(args: string[], contentRoot: string, language = ""): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(process.execPath, commandArgs("import", ...args, "--content", contentRoot), {
    cwd: projectRoot,
    env: { ...process.env, BAOKU_LANG: language },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

/** A content root with the paper's configuration and no issues, removed after `body`. */
async function withContentRoot(body: (root: string) => Promise<void>): Promise<void> {
  const root = await mkdtemp(path.join(os.tmpdir(), "baoku-import-"));
  try {
    await cp(path.join(projectRoot, "baoku.config.json"), path.join(root, "baoku.config.json"));
    await body(root);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

/** The seed export with one replacement, saved in `root`. */
async function editedSeed(root: string, from: string, to: string): Promise<string> {
  const text = await readFile(seedExport, "utf8");
  assert.ok(text.includes(from));
  const file = path.join(root, "export.txt");
  await writeFile(file, text.replace(from, to));
  return file;
}

test("should read a line over a title that ends with its event as the kicker, and list the reading", () => {
  const headlines = readHeadlines(["学习贯彻党的二十大精神", "区人大常委会党组会议召开"], { atPageStart: false, beforeCaption: false });
  assert.equal(headlines.kicker?.text, "学习贯彻党的二十大精神");
  assert.equal(headlines.title?.text, "区人大常委会党组会议召开");
  assert.equal(headlines.subtitle, undefined);
  assert.equal(headlines.title?.checks[0]?.kind, "KickerAndEventTitle");
});

test("should write issues/<YYYY>/<YYYY-MM-DD>.md and end with the judgements as file:line: why, in Chinese", async () => {
  await withContentRoot(async (root) => {
    const { code, stdout, stderr } = await runImport([seedExport], root);
    assert.equal(code, 0, stderr);
    assert.equal(stderr, "");
    const written = path.join(root, "issues/2022/2022-11-01.md");
    assert.equal(await readFile(written, "utf8"), (await importFile(seedExport)).markdown);
    const lines = stdout.trim().split("\n");
    assert.match(lines[0]!, /^已写入 .*issues\/2022\/2022-11-01\.md：总第1480期，2 个版，8 篇稿件。$/);
    assert.equal(lines[1], "请对照报纸核对下面 2 处判断：");
    assert.equal(
      lines.at(-2),
      `${written}:43: 把“区人大常委会党组理论学习”和“中心组进行集中学习研讨”合成了一个标题（一个标题分两行排）。如果“中心组进行集中学习研讨”是副题，请写在“副题：”一行；如果中间的空格是标题本来就有的，请加回去。`,
    );
    assert.match(
      lines.at(-1)!,
      new RegExp(`^${written.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:82: 把换版后第一行的短句“非凡十年 铸就辉煌”当作这个版的通栏标题`),
    );
  });
});

test("should tell the judgements in English when BAOKU_LANG=en", async () => {
  await withContentRoot(async (root) => {
    const { stdout } = await runImport([seedExport], root, "en");
    const lines = stdout.trim().split("\n");
    assert.match(lines[0]!, /^Wrote .*issues\/2022\/2022-11-01\.md: 总第1480期, 2 版, 8 items\.$/);
    assert.match(
      lines.at(-2)!,
      /:43: Joined “区人大常委会党组理论学习” and “中心组进行集中学习研讨” into one title broken over two print lines\. If “中心组进行集中学习研讨” is a subtitle, write it on a 副题： line; if the space belongs to the title, put it back\.$/,
    );
  });
});

test("should refuse to overwrite an existing issue file without --force, and overwrite it with --force", async () => {
  await withContentRoot(async (root) => {
    const written = path.join(root, "issues/2022/2022-11-01.md");
    await mkdir(path.dirname(written), { recursive: true });
    await writeFile(written, "corrected by hand");
    const refused = await runImport([seedExport], root);
    assert.equal(refused.code, 1);
    assert.equal(
      refused.stderr.trim(),
      `${written} 已经存在，所以什么也没有写入。如果要用这次导入替换它（在里面做过的修改都会丢失），请加上 --force 再导入一次。`,
    );
    assert.equal(await readFile(written, "utf8"), "corrected by hand");
    const forced = await runImport([seedExport, "--force"], root);
    assert.equal(forced.code, 0, forced.stderr);
    assert.match(await readFile(written, "utf8"), /^---\nissue: 1480\n/);
  });
});

test("should say so when the export file does not exist", async () => {
  await withContentRoot(async (root) => {
    const missing = path.join(root, "no-such-export.txt");
    const { code, stderr } = await runImport([missing], root);
    assert.equal(code, 1);
    assert.equal(stderr.trim().split("\n")[0], `没有 ${missing} 这个文件。请给出排版导出文件的路径。`);
    assert.doesNotMatch(stderr, /\n\s+at /, "no stack trace");
  });
});

test("should refuse a masthead without a date and write nothing", async () => {
  await withContentRoot(async (root) => {
    const file = await editedSeed(root, "2022年11月1日\n", "");
    const { code, stderr } = await runImport([file], root);
    assert.equal(code, 1);
    assert.equal(
      stderr.trim(),
      [
        "发现 1 个问题，涉及 1 个文件（1 个错误，0 个警告）。",
        `错误 ${file}:5：报头（第 5–18 行）找不到出版日期（例如 2022年11月1日）。照报纸把日期补进报头，再导入一次。 [MastheadWithoutDate]`,
        "什么也没有写入。",
      ].join("\n"),
    );
    assert.equal(existsSync(path.join(root, "issues")), false);
  });
});

test("should write the file but report a 星期 that does not match the date, and exit non-zero", async () => {
  await withContentRoot(async (root) => {
    const file = await editedSeed(root, "星期二", "星期三");
    const { code, stderr } = await runImport([file], root);
    assert.equal(code, 1);
    assert.match(
      stderr,
      /^错误 issues\/2022\/2022-11-01\.md:5 weekday（星期）：星期“星期三”与日期不符：2022-11-01 是星期二。改为 weekday: 星期二；如果错的是日期，就改正 date。 \[WeekdayMismatch\]$/m,
    );
    assert.match(
      await readFile(path.join(root, "issues/2022/2022-11-01.md"), "utf8"),
      /^weekday: 星期三$/m,
      "the 星期 is kept as printed, for the editor to correct",
    );
  });
});

test("should write the file but report a 农历 that does not match the date, and exit non-zero", async () => {
  await withContentRoot(async (root) => {
    const file = await editedSeed(root, "农历壬寅年十月初八", "农历壬寅年十月初九");
    const { code, stderr } = await runImport([file], root);
    assert.equal(code, 1);
    assert.match(
      stderr,
      /^错误 issues\/2022\/2022-11-01\.md:4 lunar（农历）：农历“壬寅年十月初九”与日期不符：2022-11-01 是农历壬寅年十月初八。.*\[LunarDateMismatch\]$/m,
    );
  });
});

test("should refuse an export that is not UTF-8 with the way to convert it", async () => {
  await withContentRoot(async (root) => {
    const file = path.join(root, "gbk.txt");
    await writeFile(file, Buffer.from([0xb6, 0xab, 0xb2, 0xfd, 0xb8, 0xae, 0xd1, 0xb6]));
    const { code, stderr } = await runImport([file], root);
    assert.equal(code, 1);
    assert.match(stderr, /不是 UTF-8 编码的文本，看起来是 GB18030\/GBK.*先转换编码：iconv -f GB18030 -t UTF-8/);
  });
});
