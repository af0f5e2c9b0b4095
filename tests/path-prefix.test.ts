// A site published under a path prefix (a GitHub Pages project site lives at /<repo>/): every link, asset, script and search result stays under it.
import assert from "node:assert/strict";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { parse } from "node-html-parser";
import { buildSite } from "../src/build/build.ts";
import { testRenderPool } from "./helpers/render-pool.ts";
import { browserSuite } from "./helpers/browser.ts";
import { serveStatic, type StaticServer } from "../src/util/static-server.ts";
import { projectRoot } from "../src/project.ts";
import { report } from "./helpers/report.ts";

const PREFIX = "/baoku-test/";

let workDir: string;
/** The folder served as the host's root; the site is in its baoku-test/ folder. */
let hostRoot: string;
let siteDir: string;

before(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), "baoku-prefix-"));
  const contentRoot = path.join(workDir, "content");
  await cp(path.join(projectRoot, "issues"), path.join(contentRoot, "issues"), { recursive: true });
  const config = JSON.parse(await readFile(path.join(projectRoot, "baoku.config.json"), "utf8")) as { site: { baseUrl: string } };
  config.site.baseUrl = `https://example.github.io${PREFIX}`;
  await writeFile(path.join(contentRoot, "baoku.config.json"), JSON.stringify(config));
  hostRoot = path.join(workDir, "host");
  siteDir = path.join(hostRoot, PREFIX);
  const result = await buildSite({ renderPool: testRenderPool(), contentRoot, outputDir: siteDir });
  assert.ok(result.ok, report(result.problems));
});

after(async () => {
  await rm(workDir, { recursive: true, force: true });
});

/** Every address in a page that a browser would follow or load, with where it was found. */
function addressesIn(html: string): { where: string; address: string }[] {
  const root = parse(html);
  const found: { where: string; address: string }[] = [];
  for (const element of root.querySelectorAll("[href], [src], [action], [srcset], [poster], meta[http-equiv]")) {
    for (const attribute of ["href", "src", "action", "poster"]) {
      const value = element.getAttribute(attribute);
      if (value !== undefined) found.push({ where: `${element.tagName} ${attribute}`, address: value });
    }
    for (const candidate of (element.getAttribute("srcset") ?? "")
      .split(",")
      .map((part) => part.trim().split(/\s+/)[0])
      .filter(Boolean)) {
      found.push({ where: `${element.tagName} srcset`, address: candidate! });
    }
    const refresh = /url=(.+)$/i.exec(element.getAttribute("content") ?? "");
    if (element.getAttribute("http-equiv")?.toLowerCase() === "refresh" && refresh) found.push({ where: "meta refresh", address: refresh[1]!.trim() });
  }
  for (const noscript of root.querySelectorAll("noscript")) found.push(...addressesIn(noscript.textContent));
  return found;
}

test("should keep every root-relative address of every page under the prefix", async () => {
  const pages = (await readdir(siteDir, { recursive: true })).filter((file) => file.endsWith(".html"));
  assert.ok(pages.length >= 16);
  const escaping: string[] = [];
  for (const page of pages) {
    for (const { where, address } of addressesIn(await readFile(path.join(siteDir, page), "utf8"))) {
      if (address.startsWith("/") && !address.startsWith(PREFIX)) escaping.push(`${page}: ${where} ${address}`);
    }
  }
  assert.deepEqual(escaping, []);
});

test("should make canonical links absolute under the published address", async () => {
  const article = parse(await readFile(path.join(siteDir, "2022/11/01/1/1/index.html"), "utf8"));
  assert.equal(article.querySelector('link[rel="canonical"]')?.getAttribute("href"), `https://example.github.io${PREFIX}2022/11/01/1/1/`);
});

test("should have no root-relative address in the site's stylesheets and scripts", async () => {
  for (const folder of ["css", "js"]) {
    for (const file of await readdir(path.join(siteDir, folder))) {
      const text = await readFile(path.join(siteDir, folder, file), "utf8");
      assert.doesNotMatch(text, /url\(\s*["']?\/(?!\/)|["'`]\/(pagefind|js|css|search|archive)\//, `${folder}/${file}`);
    }
  }
});

test("should put every address of the open data under the published address: feeds, sitemaps, robots.txt, JSON and IIIF", async () => {
  const published = `https://example.github.io${PREFIX}`;
  const files = (await readdir(siteDir, { recursive: true })).filter((file) =>
    /^(api|iiif|feeds)\/.*\.(json|jsonl|xml)$|^(sitemap(-[\w-]+)?\.xml|robots\.txt)$/.test(file),
  );
  assert.ok(files.includes("api/v1/issues/2022-11-01.json") && files.includes("feeds/articles.xml") && files.includes("sitemap.xml"));
  const outside: string[] = [];
  for (const file of files) {
    const text = await readFile(path.join(siteDir, file), "utf8");
    for (const [address] of text.matchAll(/https?:\/\/[^"<\s\\]+/g)) {
      const foreign = /^https?:\/\/(iiif\.io|www\.w3\.org|www\.sitemaps\.org|json-schema\.org|dcf\.lcxw\.cn)(?:\/|$)/.test(address);
      if (!foreign && !address.startsWith(published)) outside.push(`${file}: ${address}`);
    }
  }
  assert.deepEqual(outside, []);
  // A sitemap may list only addresses in its own folder (sitemaps.org): under a prefix, that folder is the prefix's.
  for (const file of files.filter((name) => /^sitemap-.*\.xml$/.test(name))) {
    const locs = [...(await readFile(path.join(siteDir, file), "utf8")).matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
    assert.ok(locs.length > 0 && locs.every((loc) => loc.startsWith(published)), file);
  }
  assert.match(await readFile(path.join(siteDir, "robots.txt"), "utf8"), new RegExp(`^Sitemap: ${published}sitemap\\.xml$`, "m"));
  const issuePage = parse(await readFile(path.join(siteDir, "2022/11/01/index.html"), "utf8"));
  assert.equal(issuePage.querySelector('link[type="application/json"]')?.getAttribute("href"), `${PREFIX}api/v1/issues/2022-11-01.json`);
});

browserSuite("a prefixed site in Chromium", (browser) => {
  let host: StaticServer;
  before(async () => {
    host = await serveStatic(hostRoot);
  });
  after(async () => {
    await host?.close();
  });

  test("should browse and search under the prefix without leaving it", async () => {
    const page = await browser.newPage();
    const requested: string[] = [];
    page.on("request", (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(new URL(PREFIX, host.url).href);
    await page.getByRole("link", { name: "省委常委会召开扩大会议" }).first().click();
    await page.waitForURL(new RegExp(`${PREFIX}2022/11/01/1/1/$`));
    await page.getByRole("search").first().getByRole("searchbox").fill("信义币");
    await page.getByRole("search").first().getByRole("button", { name: "搜索" }).click();
    await page.locator('[data-search-status][data-state="done"]').waitFor();
    await page.locator(".search-result-title a").first().click();
    await page.waitForURL(new RegExp(`${PREFIX}2022/11/01/2/1/\\?highlight=`));
    assert.deepEqual(
      requested.filter((pathname) => !pathname.startsWith(PREFIX)),
      [],
    );
  });
});
