// Drawing hotspots in the preview (issue 29, point 5), on a copy of the bundled archive given a scan of 第1版 and two areas as the importer
// writes them: in Chromium a new hotspot is drawn, one moved and one resized, and each save changes the issue file in that one line and
// nothing else; the one write the preview takes refuses another origin or host, a date outside the archive, a path, a body too large,
// and every other write is still 405; the built site holds no trace of the editor. One preview serves the whole file.
import assert from "node:assert/strict";
import { cp, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import type { Page } from "playwright-core";
import { HOTSPOT_BODY_LIMIT } from "../src/preview/hotspots.ts";
import { HOTSPOT_ENDPOINT, previewHosts, refusalOf } from "../src/preview/requests.ts";
import { projectRoot } from "../src/project.ts";
import { browserSuite } from "./helpers/browser.ts";
import { makeImage } from "./helpers/image-archive.ts";
import { startPreview, type PreviewProcess } from "./helpers/preview-process.ts";
import { changedLines } from "./helpers/changed-lines.ts";

const ISSUE_FILE = "issues/2022/2022-11-01.md";
const PAGE_PATH = "/2022/11/01/1/";
/** The areas the importer would have written: article 1's after its 副题, article 3's right under its title. */
const FIRST_AREA = "区域：3,12,60,30";
const THIRD_AREA = "区域：55,50,40,20";

let contentRoot: string;
let preview: PreviewProcess;
let issueFile: string;

before(async () => {
  contentRoot = await mkdtemp(path.join(tmpdir(), "baoku-hotspots-"));
  await cp(path.join(projectRoot, "issues"), path.join(contentRoot, "issues"), { recursive: true });
  await cp(path.join(projectRoot, "baoku.config.json"), path.join(contentRoot, "baoku.config.json"));
  await makeImage(path.join(contentRoot, "issues/2022/2022-11-01/page-1.jpg"), 1200, 1700);
  issueFile = path.join(contentRoot, ISSUE_FILE);
  const text = (await readFile(issueFile, "utf8"))
    .replace("我区设分会场组织收听收看\n", `我区设分会场组织收听收看\n${FIRST_AREA}\n`)
    .replace("## 区人大常委会党组理论学习中心组进行集中学习研讨\n", `## 区人大常委会党组理论学习中心组进行集中学习研讨\n${THIRD_AREA}\n`);
  await writeFile(issueFile, text);
  preview = await startPreview(contentRoot, { BAOKU_LANG: "zh-CN" });
});

after(async () => {
  preview?.kill();
  await rm(contentRoot, { recursive: true, force: true });
  await rm(`${contentRoot}-outside.md`, { force: true });
});

/** A request to the preview with the headers given (Host defaults to its own), and its status and body. */
function send(method: string, target: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const origin = `http://127.0.0.1:${preview.port}`;
    const request_ = request(
      {
        host: "127.0.0.1",
        port: preview.port,
        path: target,
        method,
        headers: { Host: `127.0.0.1:${preview.port}`, Origin: origin, "Content-Type": "application/json", ...headers },
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8").on("data", (chunk: string) => (text += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body: text }));
      },
    );
    // A body refused before it is read may end the connection while it is still being sent.
    request_.on("error", (error: NodeJS.ErrnoException) =>
      error.code === "EPIPE" || error.code === "ECONNRESET" ? resolve({ status: -1, body: "" }) : reject(error),
    );
    request_.end(body);
  });
}

/** A save of article `article` on 第`page`版 as the editor sends it. */
function saveBody(fields: Record<string, unknown> = {}): string {
  return JSON.stringify({
    date: "2022-11-01",
    page: 1,
    areas: [{ article: 2, title: "全市疫情防控工作会议召开", area: { x: 10, y: 10, width: 10, height: 10 } }],
    ...fields,
  });
}

/** The lines that differ between two versions of a file (helpers/changed-lines.ts), and that what is outside them is the same byte for byte. */
function changedBytes(before: Buffer, after: Buffer): { removed: string[]; added: string[] } {
  const { start, removed, added } = changedLines(before.toString("utf8"), after.toString("utf8"));
  const b = after.toString("utf8").split("\n");
  // The rest, put back together, is the old file's bytes exactly.
  assert.deepEqual(Buffer.from([...b.slice(0, start), ...removed, ...b.slice(start + added.length)].join("\n")), before);
  return { removed, added };
}

/** The four numbers of a 区域 line. */
function areaOf(line: string | undefined): number[] {
  const match = /^区域：([\d.]+),([\d.]+),([\d.]+),([\d.]+)$/.exec(line ?? "");
  assert.ok(match, `a 区域 line as the importer writes it: ${line}`);
  return match.slice(1).map(Number);
}

function assertNear(actual: number[], expected: number[]): void {
  assert.ok(
    actual.every((value, index) => Math.abs(value - expected[index]!) <= 0.6),
    `${actual} ≈ ${expected}`,
  );
}

test("should let through one write only: a POST to the hotspot address from the preview's own origin", () => {
  const hosts = previewHosts(8080);
  const own = "http://localhost:8080";
  assert.equal(refusalOf("POST", HOTSPOT_ENDPOINT, "localhost:8080", hosts, own), undefined);
  assert.equal(refusalOf("POST", `${HOTSPOT_ENDPOINT}?x=1`, "localhost:8080", hosts, own), undefined);
  assert.equal(refusalOf("POST", HOTSPOT_ENDPOINT, "localhost:8080", hosts, "http://evil.example")?.status, 403);
  assert.equal(refusalOf("POST", HOTSPOT_ENDPOINT, "localhost:8080", hosts, "http://127.0.0.1:8080")?.status, 403, "the other name is another origin");
  assert.equal(refusalOf("POST", HOTSPOT_ENDPOINT, "localhost:8080", hosts, undefined)?.status, 403);
  assert.equal(refusalOf("POST", HOTSPOT_ENDPOINT, "attacker.example:8080", hosts, "http://attacker.example:8080")?.status, 403);
  for (const method of ["PUT", "DELETE", "PATCH"]) assert.equal(refusalOf(method, HOTSPOT_ENDPOINT, "localhost:8080", hosts, own)?.status, 405, method);
  assert.equal(refusalOf("POST", "/", "localhost:8080", hosts, own)?.status, 405);
  assert.equal(refusalOf("POST", `${HOTSPOT_ENDPOINT}/../hotspot`, "localhost:8080", hosts, own)?.status, 405);
});

test("should refuse a save from another origin or host, for a date or path outside the archive, too large or not JSON, and write nothing", async () => {
  const before = await readFile(issueFile);
  const port = preview.port;
  const answers = {
    "Origin: evil": (await send("POST", HOTSPOT_ENDPOINT, saveBody(), { Origin: "http://evil.example" })).status,
    "no Origin": (await send("POST", HOTSPOT_ENDPOINT, saveBody(), { Origin: "" })).status,
    "Origin: localhost, Host: 127.0.0.1": (await send("POST", HOTSPOT_ENDPOINT, saveBody(), { Origin: `http://localhost:${port}` })).status,
    "Host: attacker": (await send("POST", HOTSPOT_ENDPOINT, saveBody(), { Host: `attacker.example:${port}`, Origin: `http://attacker.example:${port}` }))
      .status,
    "an issue not in the archive": (await send("POST", HOTSPOT_ENDPOINT, saveBody({ date: "2022-11-05" }))).status,
    "a date that is a path": (await send("POST", HOTSPOT_ENDPOINT, saveBody({ date: "../../../etc/passwd" }))).status,
    "a file named": (await send("POST", HOTSPOT_ENDPOINT, saveBody({ file: "../package.json" }))).status,
    "a number that is not one": (await send("POST", HOTSPOT_ENDPOINT, saveBody({ page: "1" }))).status,
    "a title that changed": (
      await send("POST", HOTSPOT_ENDPOINT, saveBody({ areas: [{ article: 2, title: "别的稿件", area: { x: 1, y: 1, width: 1, height: 1 } }] }))
    ).status,
    "not JSON": (await send("POST", HOTSPOT_ENDPOINT, "{", {})).status,
    "text/plain": (await send("POST", HOTSPOT_ENDPOINT, saveBody(), { "Content-Type": "text/plain" })).status,
    "over the limit": (await send("POST", HOTSPOT_ENDPOINT, saveBody({ padding: "x".repeat(HOTSPOT_BODY_LIMIT) }))).status,
    "GET the endpoint": (await send("GET", HOTSPOT_ENDPOINT, "")).status,
    "PUT the endpoint": (await send("PUT", HOTSPOT_ENDPOINT, saveBody())).status,
    "POST /": (await send("POST", "/", saveBody())).status,
    "DELETE /index.html": (await send("DELETE", "/index.html", "")).status,
  };
  assert.deepEqual(answers, {
    "Origin: evil": 403,
    "no Origin": 403,
    "Origin: localhost, Host: 127.0.0.1": 403,
    "Host: attacker": 403,
    "an issue not in the archive": 404,
    "a date that is a path": 400,
    "a file named": 400,
    "a number that is not one": 400,
    "a title that changed": 409,
    "not JSON": 400,
    "text/plain": 415,
    "over the limit": 413,
    "GET the endpoint": 405,
    "PUT the endpoint": 405,
    "POST /": 405,
    "DELETE /index.html": 405,
  });
  const changed = await send("POST", HOTSPOT_ENDPOINT, saveBody({ areas: [{ article: 2, title: "别的稿件", area: { x: 1, y: 1, width: 1, height: 1 } }] }));
  assert.match((JSON.parse(changed.body) as { message: string }).message, /第1版的第2篇已经不是“别的稿件”.*请刷新页面再画/);
  assert.deepEqual(await readFile(issueFile), before, "nothing written");
});

browserSuite("the hotspot drawing on a 版 page of the preview", (browser) => {
  /** The point at `x`, `y` percent of the scan, in the page's coordinates. */
  async function onScan(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
    const box = (await page.locator(".scan-frame").boundingBox())!;
    return { x: box.x + (box.width * x) / 100, y: box.y + (box.height * y) / 100 };
  }

  async function dragOnScan(page: Page, from: [number, number], to: [number, number]): Promise<void> {
    const start = await onScan(page, ...from);
    const end = await onScan(page, ...to);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(end.x, end.y, { steps: 8 });
    await page.mouse.up();
  }

  /** Drags with one finger, as a phone sends it (touch events, which Chromium turns into pointer events of type touch). */
  async function swipeOnScan(page: Page, from: [number, number], to: [number, number]): Promise<void> {
    const start = await onScan(page, ...from);
    const end = await onScan(page, ...to);
    const session = await page.context().newCDPSession(page);
    await session.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [start] });
    for (let step = 1; step <= 8; step++) {
      const at = { x: start.x + ((end.x - start.x) * step) / 8, y: start.y + ((end.y - start.y) * step) / 8 };
      await session.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: [at] });
    }
    await session.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
    await session.detach();
  }

  /** Clicks 保存 and waits for the file to change, the message, and the page's reload after the rebuild; the file's lines that changed. */
  async function saved(page: Page): Promise<{ removed: string[]; added: string[] }> {
    const before = await readFile(issueFile);
    const reloaded = page.waitForEvent("load", { timeout: 120_000 });
    await page.getByRole("button", { name: "保存", exact: true }).click();
    await page.locator(".hotspot-editor-status", { hasText: "篇稿件的区域写进 issues/2022/2022-11-01.md" }).waitFor();
    await reloaded;
    await page.locator("[data-hotspot-editor=ready] .hotspot-layer:not([hidden])").waitFor();
    return changedBytes(before, await readFile(issueFile));
  }

  test("should draw a new hotspot, move one and resize one, each save changing the issue file in that line only", async () => {
    const page = await browser.newPage({ width: 1280, height: 1500 });
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
    await page.goto(`http://127.0.0.1:${preview.port}${PAGE_PATH}`);
    await page.locator("[data-hotspot-editor=ready]").waitFor();
    await page.getByRole("button", { name: "画热区" }).click();
    assert.equal(await page.locator(".hotspot-box").count(), 2, "the importer's two areas");

    // A new one, for article 2, which has none: its 区域 goes under its 副题.
    await page.getByLabel("稿件").selectOption("2");
    await dragOnScan(page, [10, 75], [50, 95]);
    await page.getByText("改动了 1 篇稿件的热区，还没有保存。").waitFor();
    const drawn = await saved(page);
    assert.equal(drawn.removed.length, 0);
    assert.equal(drawn.added.length, 1);
    assertNear(areaOf(drawn.added[0]), [10, 75, 40, 20]);
    assert.match(await readFile(issueFile, "utf8"), /副题：我区在分会场组织收听收看并召开续会 对全区疫情防控工作进行安排部署\n区域：/);

    // Article 1's moved by dragging it, then two presses of ↓: its size is kept exactly.
    await dragOnScan(page, [33, 27], [43, 32]);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    const moved = await saved(page);
    assert.deepEqual(moved.removed, [FIRST_AREA]);
    assert.equal(moved.added.length, 1);
    const [x, y, width, height] = areaOf(moved.added[0]);
    assertNear([x!, y!], [13, 18]);
    assert.deepEqual([width, height], [60, 30]);

    // Article 3's resized by its lower right corner, with a finger: its top left corner stays.
    await swipeOnScan(page, [95, 70], [90, 85]);
    const resized = await saved(page);
    assert.deepEqual(resized.removed, [THIRD_AREA]);
    assert.equal(resized.added.length, 1);
    const third = areaOf(resized.added[0]);
    assert.deepEqual(third.slice(0, 2), [55, 50]);
    assertNear(third.slice(2), [35, 35]);

    // The page shows the saved areas as a reader will see them, and 取消 puts back what was not saved.
    await dragOnScan(page, [60, 60], [70, 66]);
    await page.getByRole("button", { name: "取消" }).click();
    await page.getByRole("button", { name: "画热区" }).click();
    const boxes = await page.locator(".hotspot-box").evaluateAll((elements) => elements.map((element) => (element as HTMLElement).style.left));
    assert.equal(boxes.length, 3);
    assert.ok(boxes.includes("55%"), `article 3's box is where it was saved: ${boxes}`);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

test("should leave no trace of the editor in the built site, and serve the 版 page as built to anyone but the preview's editor", async () => {
  // The preview's site is what `npm run build` makes of the archive (the same buildSite); the editor is added only as the preview serves.
  const site = path.join(contentRoot, "_site");
  const traces: string[] = [];
  for (const entry of await readdir(site, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !/\.(html|js|css|json|xml|txt)$/.test(entry.name)) continue;
    const text = await readFile(path.join(entry.parentPath, entry.name), "utf8");
    if (/hotspot-editor|\.baoku-preview|画热区|hotspot-layer/.test(text)) traces.push(path.relative(site, path.join(entry.parentPath, entry.name)));
  }
  assert.deepEqual(traces, []);
  const built = await readFile(path.join(site, "2022/11/01/1/index.html"), "utf8");
  assert.match(built, /data-scan/);
  const served = (await send("GET", PAGE_PATH, "", { Origin: "" })).body;
  assert.match(served, /<script type="module" src="\/\.baoku-preview\/hotspot-editor\.js"><\/script>/);
  assert.equal((await send("GET", "/.baoku-preview/hotspot-editor.js", "")).status, 200);
  // The site's own .baoku/ (the deploy manifest) is still served as built.
  assert.equal((await send("GET", "/.baoku/deploy.json", "")).status, 200);
  // The issue page shows no scan to draw on and is served as built.
  assert.doesNotMatch((await send("GET", "/2022/11/01/", "")).body, /hotspot-editor/);
});

test("should refuse an issue file that leads out of the archive's issues folder, and leave the file it leads to alone", async () => {
  const outside = `${contentRoot}-outside.md`;
  const text = (await readFile(issueFile, "utf8")).replaceAll("2022-11-01", "2022-11-09");
  await writeFile(outside, text);
  await symlink(outside, path.join(contentRoot, "issues/2022/2022-11-09.md"));
  const answer = await send("POST", HOTSPOT_ENDPOINT, saveBody({ date: "2022-11-09" }));
  assert.equal(answer.status, 404);
  assert.match((JSON.parse(answer.body) as { message: string }).message, /issues\/ 里没有 2022-11-09 这一期的文件/);
  assert.equal(await readFile(outside, "utf8"), text);
});
