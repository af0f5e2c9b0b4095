// Every page type of the bundled archive, read in Chromium under the site's Content-Security-Policy: nothing the site needs is blocked, so the policy can stay strict.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { parse } from "node-html-parser";
import { browserSuite } from "./helpers/browser.ts";
import { servedArchives } from "./helpers/built-archive.ts";

/** One address of each page type, and how to tell the page has finished what it does. */
const PAGE_TYPES: { name: string; path: string; ready?: string; readyText?: RegExp; landsOn?: RegExp; status?: number; site?: "images" }[] = [
  { name: "home", path: "" },
  { name: "issue", path: "2022/11/01/" },
  { name: "版", path: "2022/11/01/1/" },
  {
    name: "article, with highlighting and its citation's copy buttons (/js/cite.js)",
    path: "2022/11/01/1/1/?highlight=会议",
    ready: "[data-citation-copy]:not([hidden])",
  },
  { name: "archive", path: "archive/" },
  { name: "year", path: "archive/2022/" },
  {
    name: "search with a query (Pagefind and its WebAssembly, in the page)",
    path: "search/?q=会议",
    ready: '[data-search-status][data-state="done"]',
    readyText: /找到 \d+ 篇/,
  },
  { name: "search's hits by year (/js/search-years.js)", path: "search/?q=会议", ready: "[data-search-years][data-state='done']" },
  {
    name: "search by a reporter alone",
    path: "search/?reporter=郭龙君&sort=newest",
    ready: '[data-search-status][data-state="done"]',
    readyText: /找到 \d+ 篇/,
  },
  { name: "people", path: "people/" },
  { name: "person", path: "people/guo-longjun/" },
  { name: "days of the year", path: "day/" },
  { name: "day of the year", path: "day/11-01/" },
  { name: "lunar day", path: "lunar/10-08/" },
  { name: "404", path: "no-such-page/", status: 404 },
  { name: "/no/ redirect", path: "no/1480/", landsOn: /\/2022\/11\/01\/$/ },
  { name: "版 with its scan and /js/scan.js", path: "2022/11/02/1/", ready: "[data-scan][data-ready]", site: "images" },
  { name: "article with photos", path: "2022/11/02/1/1/", site: "images" },
];

/** Photos, <picture> and scans come from a second archive, made for the image tests. */
const archives = servedArchives("bundled", "images");

test("should put the Content-Security-Policy first in the head of every page, before anything it governs", async () => {
  for (const file of [
    "index.html",
    "404.html",
    "search/index.html",
    "no/1480/index.html",
    "2022/11/01/1/1/index.html",
    "2022/11/01/index.html",
    "people/guo-longjun/index.html",
    "day/11-01/index.html",
  ]) {
    const head = parse(await readFile(path.join(archives.bundled.siteDir, file), "utf8")).querySelector("head");
    const policy = head?.querySelector('meta[http-equiv="Content-Security-Policy"]');
    assert.ok(policy, `${file} should have a Content-Security-Policy meta tag`);
    const content = policy.getAttribute("content") ?? "";
    assert.match(content, /(^|; )default-src 'none'(;|$)/, `${file}: everything not named is blocked`);
    assert.match(content, /(^|; )script-src 'self' 'wasm-unsafe-eval'(;|$)/, `${file}: only the site's scripts, and Pagefind's WebAssembly`);
    assert.doesNotMatch(content, /'unsafe-inline'|'unsafe-eval'|\*|https?:/, `${file}: no inline code, eval or other hosts`);
    const firstGoverned = head!.querySelector("script, link, style, base");
    const children = head!.childNodes.filter((node) => node.nodeType === 1);
    assert.ok(
      firstGoverned === null || children.indexOf(policy) < children.indexOf(firstGoverned),
      `${file}: the policy comes before the first link or script`,
    );
  }
});

browserSuite("the Content-Security-Policy in Chromium", (browser) => {
  for (const pageType of PAGE_TYPES) {
    test(`should show the ${pageType.name} page with no policy violation and no console error`, async () => {
      const page = await browser.newPage();
      const complaints: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error" || message.type() === "warning") complaints.push(`console ${message.type()}: ${message.text()}`);
      });
      page.on("pageerror", (error) => complaints.push(`page error: ${error.message}`));
      await page.exposeFunction("reportViolation", (violation: string) => complaints.push(`violation: ${violation}`));
      await page.addInitScript(() => {
        document.addEventListener("securitypolicyviolation", (event) => {
          void (window as unknown as { reportViolation(text: string): void }).reportViolation(
            `${event.effectiveDirective} blocked ${event.blockedURI} (${event.sourceFile}:${event.lineNumber})`,
          );
        });
      });
      try {
        const response = await page.goto(new URL(pageType.path, archives[pageType.site === "images" ? "images" : "bundled"].server.url).href);
        assert.ok(response, `${pageType.path} should load`);
        if (pageType.landsOn) await page.waitForURL(pageType.landsOn);
        if (pageType.ready) await page.locator(pageType.ready).first().waitFor();
        await page.waitForLoadState("networkidle");
        if (pageType.ready && pageType.readyText) assert.match(await page.locator(pageType.ready).innerText(), pageType.readyText);
        assert.equal(response.status(), pageType.status ?? 200);
        // Chromium logs the 404 page's own status as a console error; that one line is expected.
        const relevant = complaints.filter((complaint) => !(pageType.status === 404 && /status of 404/.test(complaint)));
        assert.deepEqual(relevant, [], `${pageType.path} should load with nothing blocked`);
      } finally {
        await page.close();
      }
    });
  }
});
