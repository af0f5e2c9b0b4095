// The preview server (npm start) sends Access-Control-Allow-Origin: * with the open data, so a IIIF viewer or a notebook on another
// origin can read a preview's API, manifests, feeds and sitemaps, and sends it with no page.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { isOpenData } from "../src/preview/open-data-headers.ts";
import { serve, type DevServer } from "../src/preview/serve.ts";

const PREFIX = "/baoku/";
const FILES = [
  "index.html",
  "2022/11/01/index.html",
  "2022/11/01/1/1/index.html",
  "2022/11/01/1/1/cite.ris",
  "search/index.html",
  "api/v1/index.json",
  "api/v1/bulk/2022.jsonl",
  "iiif/2022-11-01/manifest.json",
  "iiif/2022-11-01/1/info.json",
  "feeds/articles.xml",
  "sitemap.xml",
  "sitemap-2022.xml",
  "robots.txt",
];
let workDir: string;
let server: DevServer;
let origin: string;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen({ port: 0, host: "127.0.0.1" }, resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

before(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), "baoku-preview-headers-"));
  for (const file of FILES) {
    await mkdir(path.dirname(path.join(workDir, file)), { recursive: true });
    await writeFile(path.join(workDir, file), file.endsWith(".html") ? '<!doctype html><html lang="zh-CN"><title>页</title><body></body></html>' : "{}");
  }
  const port = await freePort();
  server = await serve(port, { contentRoot: workDir, outputDir: workDir, pathPrefix: PREFIX, language: () => "zh-CN" });
  origin = `http://127.0.0.1:${port}`;
});

after(async () => {
  await server?.close();
  await rm(workDir, { recursive: true, force: true });
});

test("should take the API, IIIF, the feeds, the sitemaps, robots.txt and citation files for open data, and no page", () => {
  for (const sitePath of [
    "/api/v1/index.json",
    "/api/v1/people/guo-longjun/2021.json",
    "/iiif/collection.json",
    "/iiif/2022-11-01/1/full/max/0/default.jpg",
    "/feeds/issues.xml",
    "/sitemap.xml",
    "/sitemap-site.xml",
    "/sitemap-2022-2.xml",
    "/robots.txt",
    "/2022/11/01/1/1/cite.json",
  ]) {
    assert.ok(isOpenData(sitePath), sitePath);
  }
  for (const sitePath of [
    "/",
    "/2022/11/01/",
    "/2022/11/01/1/1/",
    "/search/",
    "/people/guo-longjun/",
    "/apiary/",
    "/sitemaps/",
    "/pagefind/2022/pagefind.js",
  ]) {
    assert.equal(isOpenData(sitePath), false, sitePath);
  }
});

test("should send Access-Control-Allow-Origin: * with every open data file under the path prefix, and not with pages", async () => {
  for (const file of FILES) {
    const response = await fetch(`${origin}${PREFIX}${file.replace(/index\.html$/, "")}`, { headers: { Origin: "https://projectmirador.org" } });
    await response.arrayBuffer();
    assert.equal(response.status, 200, file);
    const expected = file.endsWith(".html") ? null : "*";
    assert.equal(response.headers.get("access-control-allow-origin"), expected, file);
  }
});
