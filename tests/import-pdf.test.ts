// `npm run import` on 版 PDFs: the fixture 版 (tests/helpers/newspaper-pdf.ts made them) read to the issue the layout printed — headlines,
// text, bylines and photos exact, areas on the printed articles — and pinned as expected.md; the judgements on hand-made layouts that
// leave a reading open; a scan and fonts without a Unicode map refused in Chinese with nothing written; the command's files and list.
// Fixtures: tests/fixtures/pdf-front/ (page-N.pdf, layout.json: where each article is printed; expected.md and expected-checks.txt,
// rewritten by an UPDATE=1 run), pdf-scanned/ and pdf-unmapped/.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { paperConfigSchema, type Area } from "../src/model.ts";
import { parseIssue } from "../src/content/parse-issue.ts";
import { hasErrors, ProblemsError } from "../src/problems.ts";
import importPdfs, { markUnmapped, pageNumberOf, SCAN_WIDTH, type PdfFile } from "../src/import/import-pdf.ts";
import { readPdfPage } from "../src/import/pdf-page.ts";
import type { PdfLine, PdfPage } from "../src/import/pdf-text.ts";
import type { ImportedArticle } from "../src/import/types.ts";
import { describeJudgement } from "../src/messages/judgements.ts";
import { projectRoot } from "../src/project.ts";
import { FRONT_PAGES, printPages, type PrintedLayout } from "./helpers/newspaper-pdf.ts";
import { chromiumPath } from "../src/util/chromium.ts";
import { commandArgs } from "./helpers/commands.ts";

const run = promisify(execFile);
const fixturesDir = path.join(projectRoot, "tests", "fixtures");
const frontDir = path.join(fixturesDir, "pdf-front");
const config = paperConfigSchema.parse(JSON.parse(await readFile(path.join(projectRoot, "baoku.config.json"), "utf8")));

async function pdfFiles(dir: string): Promise<PdfFile[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith(".pdf")).sort();
  return Promise.all(names.map(async (name) => ({ name: `${path.basename(dir)}/${name}`, bytes: new Uint8Array(await readFile(path.join(dir, name))) })));
}

/** The front fixture, imported once for every test that reads it. */
const front = importPdfs(await pdfFiles(frontDir), config);
const layout = JSON.parse(await readFile(path.join(frontDir, "layout.json"), "utf8")) as PrintedLayout[];

async function pinned(file: string, actual: string): Promise<void> {
  if (process.env.UPDATE === "1") await writeFile(file, actual);
  assert.equal(actual, await readFile(file, "utf8"), `${path.relative(projectRoot, file)} differs (UPDATE=1 rewrites it; review the diff)`);
}

function iou(a: Area, b: Area): number {
  const across = Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
  const down = Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  const shared = across * down;
  return shared / (a.width * a.height + b.width * b.height - shared);
}

test("should write the issue file pinned in expected.md, with what it is unsure of in expected-checks.txt", async () => {
  await pinned(path.join(frontDir, "expected.md"), front.markdown);
  const checks = front.checks.map((check) => `${check.line}: ${describeJudgement(check.judgement, "en")}`).join("\n");
  await pinned(path.join(frontDir, "expected-checks.txt"), checks === "" ? "" : `${checks}\n`);
});

test("should read the masthead's facts from 第1版 and number the 版 by their files", () => {
  assert.deepEqual(front.issue.masthead, { issue: 1480, date: "2022-11-01", lunar: { text: "壬寅年十月初八", checks: [] }, weekday: "星期二", pages: 4 });
  assert.equal(front.file, "issues/2022/2022-11-01.md");
  assert.deepEqual(
    front.issue.pages.map((page) => page.number),
    [1, 2],
  );
  assert.equal(front.issue.pages[0]!.banner, undefined);
  assert.equal(front.issue.pages[1]!.banner?.text, "非凡十年 铸就辉煌");
});

/** Asserts that an import has every article's headlines, text, byline and photo as `FRONT_PAGES` laid them out. */
function assertAsLaidOut(imported: ReturnType<typeof importPdfs>): void {
  for (const [index, laidOut] of FRONT_PAGES.entries()) {
    const page = imported.issue.pages[index]!;
    assert.equal(page.articles.length, laidOut.articles.length, `第${laidOut.number}版's items`);
    let photos = 0;
    laidOut.articles.forEach((expected, at) => {
      const article: ImportedArticle = page.articles[at]!;
      const where = `第${laidOut.number}版, item ${at + 1}`;
      assert.equal(article.title.text, (expected.title ?? "").replace(/\n/g, " "), `${where}: title`);
      assert.equal(article.kicker?.text, expected.kicker, `${where}: kicker`);
      assert.equal(article.subtitle?.text, expected.subtitle, `${where}: subtitle`);
      if (expected.photo) photos += 1;
      const photo = expected.photo ? [`![](photo-${laidOut.number}-${photos}.jpg)`, expected.photo.caption, expected.photo.credit] : [];
      assert.deepEqual(
        article.paragraphs.map((paragraph) => paragraph.text),
        [...photo, ...expected.paragraphs, ...(expected.byline ? [expected.byline] : [])],
        `${where}: paragraphs`,
      );
    });
  }
}

/** Asserts that every article's area overlaps where `printed` says it stands with IoU ≥ 0.8. */
function assertAreas(imported: ReturnType<typeof importPdfs>, printed: readonly PrintedLayout[]): void {
  for (const { page: number, articles } of printed) {
    const page = imported.issue.pages.find((candidate) => candidate.number === number)!;
    articles.forEach((expected, index) => {
      const area = page.articles[index]!.area!.area;
      const overlap = iou(area, expected.area);
      assert.ok(
        overlap >= 0.8,
        `第${number}版 “${expected.title}”: IoU ${overlap.toFixed(2)} (${JSON.stringify(area)} against ${JSON.stringify(expected.area)})`,
      );
    });
  }
}

test("should read every article's headlines, text, byline and photo exactly as laid out", () => {
  assertAsLaidOut(front);
});

test("should give each article an area overlapping where it is printed with IoU ≥ 0.8", () => {
  assertAreas(front, layout);
});

const missingChromium = existsSync(chromiumPath) ? undefined : `Chromium not found at ${chromiumPath}`;
if (missingChromium && process.env.CI !== "true") console.warn(`SKIPPED the PDF import's house-style test: ${missingChromium}`);

test("should read 版 printed in the test in another house style: no indents, headlines set left, captions in the body's face, larger body type", {
  skip: process.env.CI !== "true" && missingChromium !== undefined,
}, async () => {
  const style =
    ".article .body p, .photo .caption { text-indent: 0 } .article .kicker, .article .title, .article .subtitle { text-align: left }" +
    " .photo .caption { font-family: 'AR PL UMing CN' } .article .body { font-size: 14px }";
  const printed = await printPages(FRONT_PAGES, style);
  const imported = importPdfs(
    printed.map(({ pdf, layout: { page } }) => ({ name: `page-${page}.pdf`, bytes: new Uint8Array(pdf) })),
    config,
  );
  assertAsLaidOut(imported);
  assertAreas(
    imported,
    printed.map(({ layout: printedLayout }) => printedLayout),
  );
});

test("should write an issue the pipeline reads without errors, areas and photos included", () => {
  const { issue, problems } = parseIssue(front.file, new TextEncoder().encode(front.markdown), config);
  assert.equal(hasErrors(problems), false, JSON.stringify(problems));
  assert.ok(issue);
  assert.equal(issue.pages[0]!.articles[0]!.area?.width, front.issue.pages[0]!.articles[0]!.area?.area.width);
  const photoNews = issue.pages[0]!.articles[2]!;
  assert.deepEqual(
    photoNews.photos.map((photo) => [photo.src, photo.caption, photo.credit]),
    [["photo-1-1.jpg", FRONT_PAGES[0]!.articles[2]!.photo!.caption, "融媒体 徐振鑫 通讯员 张振祥 摄"]],
  );
});

test("should number 版 from their files' names", () => {
  assert.equal(pageNumberOf("page-3.pdf"), 3);
  assert.equal(pageNumberOf("2022-11-01/第12版.pdf"), 12);
  assert.equal(pageNumberOf("dcf20221101-04.pdf"), 4);
  assert.equal(pageNumberOf("要闻.pdf"), undefined);
});

/** A hand-made line: text at (x, y) in points, type `size`, as wide as its characters. */
function line(text: string, x: number, y: number, size: number, { heavy = false, font = "Song" } = {}): PdfLine {
  return { text, box: { x0: x, y0: y, x1: x + [...text].length * size, y1: y + size }, size, heavy, font };
}

/** A column of body lines (size 10, 16 pt apart), the first indented when `indentFirst` but ending at the same right edge, as set. */
function column(texts: readonly string[], x: number, y: number, indentFirst = true): PdfLine[] {
  return texts.map((text, index) => {
    const set = line(text, x + (index === 0 && indentFirst ? 20 : 0), y + index * 16, 10);
    return index === 0 && indentFirst ? { ...set, box: { ...set.box, x1: x + [...text].length * 10 } } : set;
  });
}

const BODY = ["这是正文的第一行文字，排在栏里面", "第二行文字接着排下去一直到栏尾巴", "第三行文字接着排下去一直到栏尾。"];

function layoutOf(lines: PdfLine[]): PdfPage {
  return { width: 600, height: 800, lines, images: [] };
}

test("should list a headline whose lines are set alike, so kicker, title and subtitle cannot be told apart", () => {
  const page = readPdfPage(
    layoutOf([
      line("区里召开会议", 100, 40, 24, { heavy: true }),
      line("部署明年工作任务", 80, 70, 23, { heavy: true }),
      ...column(BODY, 40, 110),
      ...column(BODY, 220, 110),
    ]),
    1,
    config.datelinePrefixes,
  );
  assert.deepEqual(
    page.articles[0]!.title.checks.map((check) => check.kind),
    ["HeadlineTypeClose"],
  );
  assert.equal(page.articles[0]!.title.text, "区里召开会议");
  assert.equal(page.articles[0]!.subtitle?.text, "部署明年工作任务");
});

test("should list a paragraph joined across columns though its column ends a sentence", () => {
  const first = column(BODY, 40, 110);
  const second = column(["新的一栏顶格开始，没有缩进的文字"], 220, 110, false);
  const page = readPdfPage(layoutOf([line("区里召开会议", 60, 40, 30, { heavy: true }), ...first, ...second]), 1, config.datelinePrefixes);
  const [paragraph] = page.articles[0]!.paragraphs;
  assert.equal(paragraph!.text, `${BODY.join("")}新的一栏顶格开始，没有缩进的文字`);
  assert.deepEqual(
    paragraph!.checks.map((check) => check.kind),
    ["ColumnJoinUnsure"],
  );
});

test("should split paragraphs of a 版 set without indents where a line stops short after a full stop", () => {
  const lines = [
    line("区里召开会议", 40, 40, 30, { heavy: true }),
    ...column([BODY[0]!, BODY[1]!, "短的末行。", "新的一段顶格排，没有缩进的文字", "这一段到这里结束了，末行也很短。"], 40, 90, false),
  ];
  const page = readPdfPage(layoutOf(lines), 1, config.datelinePrefixes);
  assert.deepEqual(
    page.articles[0]!.paragraphs.map((paragraph) => paragraph.text),
    [`${BODY[0]}${BODY[1]}短的末行。`, "新的一段顶格排，没有缩进的文字这一段到这里结束了，末行也很短。"],
  );
});

test("should list a column placed by distance to a headline that does not reach over it", () => {
  const page = readPdfPage(
    layoutOf([line("会议召开", 250, 40, 30, { heavy: true }), ...column(BODY, 40, 90), ...column(BODY, 250, 90), ...column(BODY, 430, 90)]),
    1,
    config.datelinePrefixes,
  );
  assert.equal(page.articles.length, 1);
  const kinds = page.articles[0]!.paragraphs.flatMap((paragraph) => paragraph.checks.map((check) => check.kind));
  assert.deepEqual(kinds, ["BlockPlacedByDistance", "BlockPlacedByDistance"], "the outer columns, which the centred title does not reach");
});

test("should list text with no headline above it, and areas that overlap", () => {
  const page = readPdfPage(
    layoutOf([
      line("区里召开会议", 40, 40, 30, { heavy: true }),
      ...column(BODY, 40, 90),
      ...column(BODY, 40, 300),
      line("另一篇稿件的标题", 150, 330, 20, { heavy: true }),
      ...column(BODY, 150, 360),
    ]),
    1,
    config.datelinePrefixes,
  );
  const untitled = page.articles.find((article) => article.title.text === "")!;
  assert.deepEqual(
    untitled.title.checks.map((check) => check.kind),
    ["NoTitleFound"],
  );
  const overlapping = page.articles.flatMap((article) => article.area?.checks ?? []).map((check) => check.kind);
  assert.ok(overlapping.includes("AreaOverlaps"), JSON.stringify(page.articles.map((article) => article.area)));
});

test("should refuse a scanned page and fonts without a Unicode map, every file at once, in Chinese", async () => {
  const files = [...(await pdfFiles(path.join(fixturesDir, "pdf-scanned"))), ...(await pdfFiles(path.join(fixturesDir, "pdf-unmapped")))];
  assert.throws(
    () => importPdfs(files, config),
    (error: unknown) => {
      assert.ok(error instanceof ProblemsError);
      assert.deepEqual(
        error.problems.map((found) => [found.kind, found.file, (found.facts as { reason: string }).reason]),
        [
          ["PdfWithoutText", "pdf-scanned/page-1.pdf", "noText"],
          ["PdfWithoutText", "pdf-unmapped/page-1.pdf", "unmapped"],
        ],
      );
      return true;
    },
  );
});

test("should list the few characters a font could not map on a page whose text is otherwise usable", () => {
  const page = readPdfPage(
    layoutOf([line("区里召开会议", 40, 40, 30, { heavy: true }), ...column([BODY[0]!, "第二行有一个字读不出来\uFFFD，接着排到栏尾。"], 40, 90)]),
    1,
    config.datelinePrefixes,
  );
  markUnmapped(page);
  assert.deepEqual(
    page.articles[0]!.paragraphs[0]!.checks.map((check) => [check.kind, check.facts]),
    [["UnmappedCharacters", { count: 1 }]],
  );
});

test("should refuse two PDFs named as the same 版", async () => {
  const [first] = await pdfFiles(frontDir);
  assert.throws(
    () => importPdfs([first!, { ...first!, name: "pdf-front/page-1-改.pdf" }], config),
    (error: unknown) =>
      error instanceof ProblemsError &&
      error.problems.length === 1 &&
      error.problem.kind === "PdfPageTwice" &&
      error.problem.file === "pdf-front/page-1-改.pdf",
  );
});

test("should refuse bytes that are not a PDF", () => {
  assert.throws(
    () => importPdfs([{ name: "page-1.pdf", bytes: new TextEncoder().encode("not a pdf") }], config),
    (error: unknown) => error instanceof ProblemsError && error.problem.kind === "PdfUnreadable",
  );
});

/** A content root with the paper's configuration and no issues. */
async function emptyArchive(): Promise<string> {
  const root = await mkdtemp(path.join(os.tmpdir(), "baoku-import-pdf-"));
  await mkdir(path.join(root, "issues"));
  await writeFile(path.join(root, "baoku.config.json"), await readFile(path.join(projectRoot, "baoku.config.json")));
  return root;
}

async function importCommand(args: string[], contentRoot: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return run(process.execPath, commandArgs("import", ...args, "--content", contentRoot), {
    cwd: projectRoot,
    env: { ...process.env, BAOKU_LANG: "zh-CN" },
  })
    .then(({ stdout, stderr }) => ({ code: 0, stdout, stderr }))
    .catch((error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }));
}

test("should put page-N.pdf and a scan 2,400 px wide beside the issue, and list its checks as file:line: why", async () => {
  const root = await emptyArchive();
  try {
    const { code, stdout } = await importCommand([path.relative(projectRoot, frontDir)], root);
    assert.equal(code, 0, stdout);
    const folder = path.join(root, "issues", "2022", "2022-11-01");
    assert.deepEqual((await readdir(folder)).sort(), ["page-1.jpg", "page-1.pdf", "page-2.jpg", "page-2.pdf", "photo-1-1.jpg", "photo-2-1.jpg"]);
    // The photo news' picture is 275 CSS px of the 983 px page wide and 190 high: so many pixels of the 2,400 px scan, a few more at most.
    const photo = await sharp(path.join(folder, "photo-1-1.jpg")).metadata();
    assert.ok(
      Math.abs(photo.width! - (275 / 983) * SCAN_WIDTH) < 12 && Math.abs(photo.height! - (190 / 983) * SCAN_WIDTH) < 12,
      `photo-1-1.jpg is ${photo.width}×${photo.height}`,
    );
    assert.deepEqual(await readFile(path.join(folder, "page-2.pdf")), await readFile(path.join(frontDir, "page-2.pdf")));
    const scan = await sharp(path.join(folder, "page-1.jpg")).metadata();
    assert.equal(scan.width, SCAN_WIDTH);
    assert.ok(Math.abs(scan.height! / scan.width! - 1398 / 983) < 0.002, `scan ${scan.width}×${scan.height} is not the page's shape`);
    assert.equal(await readFile(path.join(root, "issues", "2022", "2022-11-01.md"), "utf8"), front.markdown);
    const listed = stdout.split("\n").filter((text) => /^.+2022-11-01\.md:\d+: /.test(text));
    assert.ok(front.checks.length > 0);
    assert.deepEqual(
      listed.map((text) => Number(/\.md:(\d+): /.exec(text)![1])),
      front.checks.map((check) => check.line),
    );
    assert.match(listed[0]!, /字号和字重几乎一样/);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test("should tell the editor in Chinese what to do with a PDF without text, and write nothing", async () => {
  const root = await emptyArchive();
  try {
    const { code, stderr, stdout } = await importCommand(
      [
        path.relative(projectRoot, path.join(fixturesDir, "pdf-front", "page-2.pdf")),
        path.relative(projectRoot, path.join(fixturesDir, "pdf-scanned", "page-1.pdf")),
      ],
      root,
    );
    assert.equal(code, 1);
    const said = stdout + stderr;
    assert.match(said, /pdf-scanned\/page-1\.pdf 里没有可以读取的文字/);
    assert.match(said, /npm run import -- <导出文件\.txt>/);
    assert.match(said, /什么也没有写入/);
    assert.doesNotMatch(said, /\uFFFD|at .+\.ts:\d+/);
    assert.deepEqual(await readdir(path.join(root, "issues")), []);
    assert.equal(existsSync(path.join(root, "issues", "2022")), false);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
