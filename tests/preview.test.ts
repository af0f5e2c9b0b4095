// The editors' preview (`npm start`) against what round three of hostile input sent it: requests that ended the process (a `..` hidden
// behind `%2f`, malformed escapes), a Host that is not its own, writes; editors' ways of saving (in place, a new file renamed over the old
// one, twice; delete and recreate; a new image); and SIGTERM to npm's own process. One preview serves the whole file.
import assert from "node:assert/strict";
import { cp, mkdir, mkdtemp, readFile, rename, rm, unlink, writeFile } from "node:fs/promises";
import { request } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import sharp from "sharp";
import { pathRefusal, previewHosts, refusalOf } from "../src/preview/requests.ts";
import { projectRoot } from "../src/project.ts";
import { startPreview, type PreviewProcess } from "./helpers/preview-process.ts";
import { processGroupMembers } from "./helpers/processes.ts";

const issueFile = "issues/2022/2022-11-01.md";
/** The article page holding the sentence the saves change. */
const articlePage = "/2022/11/01/1/1/";
const sentence = "省委书记李干杰主持会议并讲话";

let contentRoot: string;
let preview: PreviewProcess;
let port: number;

before(async () => {
  contentRoot = await mkdtemp(path.join(tmpdir(), "baoku-preview-"));
  await cp(path.join(projectRoot, "issues"), path.join(contentRoot, "issues"), { recursive: true });
  await cp(path.join(projectRoot, "baoku.config.json"), path.join(contentRoot, "baoku.config.json"));
  preview = await startPreview(contentRoot, { BAOKU_LANG: "en" });
  port = preview.port;
});

after(async () => {
  preview?.kill();
  await rm(contentRoot, { recursive: true, force: true });
});

/** A raw HTTP/1.1 request, so the path reaches the server exactly as written (no client normalises `..` or escapes). */
function raw(method: string, target: string, host = `127.0.0.1:${port}`): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(`${method} ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`));
    let answer = "";
    socket.setEncoding("latin1").on("data", (chunk: string) => (answer += chunk));
    socket.on("end", () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0)));
    socket.on("error", reject);
  });
}

/** The page at `pathname` as a browser navigating to it gets it. */
function page(pathname: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request({ host: "127.0.0.1", port, path: pathname }, (response) => {
      let body = "";
      response.setEncoding("utf8").on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    })
      .on("error", reject)
      .end();
  });
}

/** Makes `save` and waits for the rebuild it causes; then the article page shows `marker`, if given. */
async function rebuiltAfter(save: () => Promise<void>, marker?: string): Promise<void> {
  const before = preview.finished();
  await save();
  await preview.until(`a rebuild after the save (${before} finished before)`, () => preview.finished() > before);
  if (marker) await preview.until(`${marker} on ${articlePage}`, async () => (await page(articlePage)).body.includes(marker));
}

test("should refuse the paths that ended the preview, other hosts and writes, and let the site's own addresses through", () => {
  for (const url of [
    "/..%2f..%2fetc%2fpasswd",
    "/.11ty/..%2f..%2fpackage.json",
    "/%E4%B8",
    "/%",
    "/%c0%ae",
    "/%c0%ae%c0%ae/etc/passwd",
    "/..%5c..%5cetc",
    "/../etc/passwd",
    "/a/%2e%2e/%2e%2e/etc",
    "/x%00.html",
  ]) {
    assert.equal(pathRefusal(url)?.status, 400, url);
  }
  for (const url of ["/", "/2022/11/01/1/1/", "/search/?q=%E4%B8%9C%E6%98%8C", "/css/site.css", "/2022/11/01/..index/"])
    assert.equal(pathRefusal(url), undefined, url);
  const hosts = previewHosts(8080);
  assert.equal(refusalOf("GET", "/", "localhost:8080", hosts), undefined);
  assert.equal(refusalOf("GET", "/", "127.0.0.1:8080", hosts), undefined);
  assert.equal(refusalOf("GET", "/", "attacker.example:8080", hosts)?.status, 403, "DNS rebinding");
  assert.equal(refusalOf("GET", "/", "localhost:8081", hosts)?.status, 403);
  assert.equal(refusalOf("GET", "/", undefined, hosts)?.status, 403);
  for (const method of ["POST", "PUT", "DELETE", "PATCH"]) assert.equal(refusalOf(method, "/", "localhost:8080", hosts)?.status, 405, method);
});

test("should answer every hostile request and go on serving and rebuilding", async () => {
  const answers: Record<string, number> = {};
  for (const url of [
    "/..%2f..%2fetc%2fpasswd",
    "/.11ty/..%2f..%2f..%2fetc%2fpasswd",
    "/%E4%B8",
    "/%",
    "/%c0%ae",
    "/../../../etc/passwd",
    "/.11ty/../../package.json",
  ]) {
    answers[url] = await raw("GET", url);
  }
  answers["Host: attacker.example"] = await raw("GET", "/", `attacker.example:${port}`);
  answers["POST /"] = await raw("POST", "/");
  answers["DELETE /index.html"] = await raw("DELETE", "/index.html");
  assert.deepEqual(answers, {
    "/..%2f..%2fetc%2fpasswd": 400,
    "/.11ty/..%2f..%2f..%2fetc%2fpasswd": 400,
    "/%E4%B8": 400,
    "/%": 400,
    "/%c0%ae": 400,
    "/../../../etc/passwd": 400,
    "/.11ty/../../package.json": 400,
    "Host: attacker.example": 403,
    "POST /": 405,
    "DELETE /index.html": 405,
  });
  assert.equal((await page("/")).status, 200, "the preview still serves");
  // It still rebuilds: the next test's saves go to this same preview.
});

test("should rebuild on every way an editor saves: in place, a new file renamed over the old one twice, delete and recreate, a new image", async () => {
  const file = path.join(contentRoot, issueFile);
  let shown = sentence;
  /** The issue file's text with the sentence marked `marker` instead of the marker of the save before. */
  const marked = async (marker: string) => {
    const text = (await readFile(file, "utf8")).replace(shown, `${sentence}${marker}`);
    shown = `${sentence}${marker}`;
    return text;
  };
  await rebuiltAfter(async () => writeFile(file, await marked("（原地）")), "（原地）");
  // As gedit and VS Code save: a new file beside it, renamed over it; the second save is the one a watch on the old inode misses.
  for (const marker of ["（改名一）", "（改名二）"]) {
    await rebuiltAfter(async () => {
      const temporary = path.join(path.dirname(file), `.goutputstream-${shown.length}`);
      await writeFile(temporary, await marked(marker));
      await rename(temporary, file);
    }, marker);
  }
  await rebuiltAfter(async () => {
    const text = await marked("（重建）");
    await unlink(file);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await writeFile(file, text);
  }, "（重建）");
  await rebuiltAfter(async () => {
    const folder = path.join(contentRoot, "issues/2022/2022-11-01");
    await mkdir(folder, { recursive: true });
    await sharp({ create: { width: 40, height: 30, channels: 3, background: "#888" } })
      .jpeg()
      .toFile(path.join(folder, "new-photo.jpg"));
  });
});

test("should stop the server and every process of it when npm's own process gets SIGTERM, freeing the port", async () => {
  const { npm } = preview;
  const exited = new Promise((resolve) => npm.once("exit", resolve));
  process.kill(npm.pid!, "SIGTERM");
  await exited;
  // A rebuild under way when npm was stopped ends a moment after npm does.
  await preview.until("every process of npm start to end", async () => (await processGroupMembers(npm.pid!)).length === 0, true);
  await preview.until("the port to be free", async () => (await raw("GET", "/").catch(() => -1)) === -1, true);
});
