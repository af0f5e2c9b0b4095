// Reads the bundled archive in real Chromium the way a reader does, by clicking from the home page, and checks that `npm start` serves the site and rebuilds it on edits.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { get as httpGet } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { browserSuite } from "./helpers/browser.ts";
import { servedArchives } from "./helpers/built-archive.ts";
import type { StaticServer } from "../src/util/static-server.ts";
import { projectRoot } from "../src/project.ts";
import { freePort, isProcessGroupAlive, processGroupMembers } from "./helpers/processes.ts";

const seedIssueFile = "issues/2022/2022-11-01.md";

/** Addresses follow the scheme in src/site-types.ts: /<YYYY>/<MM>/<DD>/<版>/<n>/. */
const pageUrlPattern = /^\/\d{4}\/\d{2}\/\d{2}\/\d+\/$/;
const articleUrlPattern = /^\/\d{4}\/\d{2}\/\d{2}\/\d+\/\d+\/$/;

/** The seed issue, 总第1480期: 7 articles and 1 photo news on 第1版 and 第2版. */
const seedItemCount = 8;

browserSuite("the bundled archive in Chromium", (browser) => {
  const archives = servedArchives("bundled");
  let site: StaticServer;

  before(() => {
    site = archives.bundled.server;
  });

  test("should reach every item from the home page through the 版 pages", async () => {
    const page = await browser.newPage();
    await page.goto(site.url);
    const pageLinks = await linksMatching(page, pageUrlPattern, page.getByRole("navigation", { name: "版面导航" }));
    assert.ok(pageLinks.length >= 2, `the home page's 版面导航 should link to 第1版 and 第2版, found ${pageLinks.map((link) => link.name).join(", ")}`);

    const reached = new Set<string>();
    for (const pageLink of pageLinks) {
      await page.goto(site.url);
      await clickThrough(page, pageLink.href);
      for (const articleLink of await linksMatching(page, articleUrlPattern, page.getByRole("main"))) {
        if (reached.has(articleLink.href)) continue;
        await clickThrough(page, articleLink.href);
        assert.equal(await headingText(page), articleLink.name, `${articleLink.href} should be headed by the title it was linked with`);
        reached.add(articleLink.href);
        await page.goBack();
      }
    }
    assert.equal(reached.size, seedItemCount, `every item should be reachable, reached:\n${[...reached].join("\n")}`);
  });

  test("should reach every item from the issue page's 标题导航", async () => {
    const page = await browser.newPage();
    await page.goto(site.url);
    await page.getByRole("link", { name: "本期全部版面和标题" }).click();
    // The click starts the navigation; the issue page's 标题导航 is there once it has loaded.
    await page.getByRole("region", { name: "标题导航" }).waitFor();
    const headlineLinks = await linksMatching(page, articleUrlPattern, page.getByRole("region", { name: "标题导航" }));
    assert.equal(headlineLinks.length, seedItemCount, "标题导航 should list every item of the issue");
    for (const link of headlineLinks) {
      await clickThrough(page, link.href);
      assert.equal(await headingText(page), link.name);
      await page.goBack();
    }
  });

  test("should reach the issue from 往期回顾 through the year's calendar", async () => {
    const page = await browser.newPage();
    await page.goto(site.url);
    await page.getByRole("navigation", { name: "网站导航" }).getByRole("link", { name: "往期回顾" }).click();
    await page.waitForURL(/\/archive\/$/);
    await page.getByRole("link", { name: "2022年", exact: true }).click();
    await page.waitForURL(/\/archive\/2022\/$/);
    await page.getByRole("link", { name: "2022年11月1日 总第1480期" }).click();
    await page.waitForURL(/\/2022\/11\/01\/$/);
    assert.match(await page.getByRole("main").innerText(), /总第1480期/);
  });

  test("should show the title, dateline and byline on an article page", async () => {
    const page = await browser.newPage();
    await page.goto(new URL("/2022/11/01/1/", site.url).href);
    await page.getByRole("link", { name: "省委常委会召开扩大会议", exact: true }).click();
    await page.waitForURL((url) => articleUrlPattern.test(url.pathname));
    assert.equal(await headingText(page), "省委常委会召开扩大会议");
    const article = page.getByRole("article");
    assert.ok(await article.getByText("东昌府讯 10月28日").isVisible(), "the dateline should be shown");
    assert.match(await article.innerText(), /融媒体\s+郭龙君/, "the byline should be shown");
  });

  for (const viewport of [
    { width: 360, height: 740 },
    { width: 1280, height: 800 },
  ]) {
    test(`should fit ${viewport.width}×${viewport.height} without horizontal scrolling, in zh-CN, on every page type`, async () => {
      const page = await browser.newPage(viewport);
      const pageTypes = {
        home: "/",
        issue: "/2022/11/01/",
        版: "/2022/11/01/1/",
        article: "/2022/11/01/1/1/",
        "archive year": "/archive/2022/",
        "404": "/no-such-page/",
      };
      const problems: string[] = [];
      for (const [pageType, pathname] of Object.entries(pageTypes)) {
        const response = await page.goto(new URL(pathname, site.url).href);
        assert.equal(response?.status(), pageType === "404" ? 404 : 200, `${pathname} (${pageType})`);
        await page.evaluate(() => document.fonts.ready);
        const layout = await page.evaluate(() => ({
          lang: document.documentElement.lang,
          scrollWidth: document.scrollingElement?.scrollWidth ?? 0,
          innerWidth: window.innerWidth,
          // The elements reaching past the right edge, to say what overflows.
          overflowing: [...document.body.querySelectorAll("*")]
            .filter((element) => element.getBoundingClientRect().right > window.innerWidth + 0.5)
            .slice(0, 3)
            .map((element) => `<${element.tagName.toLowerCase()} class="${element.className}">`),
        }));
        if (layout.lang !== "zh-CN") problems.push(`${pageType} ${pathname}: html lang is "${layout.lang}", not zh-CN`);
        if (layout.scrollWidth > layout.innerWidth) {
          problems.push(
            `${pageType} ${pathname}: ${layout.scrollWidth}px wide in a ${layout.innerWidth}px window; overflowing: ${layout.overflowing.join(" ")}`,
          );
        }
      }
      assert.deepEqual(problems, []);
    });
  }
});

describe("npm start", () => {
  test("should serve the site, rebuild on an edit, keep serving it through a broken edit, and stop on Ctrl-C", async () => {
    const contentRoot = await copyBundledContent();
    const server = await startServer(contentRoot);
    try {
      const home = await server.waitFor("/", (html) => html.includes("省委常委会召开扩大会议"));
      assert.ok(home.includes("/.11ty/reload-client.js"), "pages should carry the live-reload script");
      // The site is served before the watchers have read the archive; a save before they say so would go unheard (seen under load).
      await server.waitForOutput(/正在留意/);

      const issueFile = path.join(contentRoot, seedIssueFile);
      const original = await readFile(issueFile, "utf8");
      await writeFile(issueFile, original.replace("## 省委常委会召开扩大会议", "## 省委常委会召开扩大会议（重发）"));
      await server.waitFor("/", (html) => html.includes("省委常委会召开扩大会议（重发）"));

      await writeFile(issueFile, original.replace("issue: 1480", "issue: 一四八〇"));
      await server.waitForOutput(/仍是上一次构建好的网站/);
      assert.match(
        server.output(),
        /^错误 issues\/2022\/2022-11-01\.md:2 issue（期号）：issue（期号）写的是 "一四八〇"，不对：必须是只用十进制数字写的整数/m,
        "the failed rebuild's report, in Chinese",
      );
      assert.ok((await server.get("/")).includes("省委常委会召开扩大会议（重发）"), "a failed rebuild should leave the previous site served");

      const exitCode = await server.stop("SIGINT");
      assert.equal(exitCode, 0, `Ctrl-C should exit cleanly; output:\n${server.output()}`);
      assert.deepEqual(await survivorsOf(server.pid), [], "no process of npm start should be left running");
    } finally {
      server.kill();
      await rm(contentRoot, { recursive: true, force: true });
    }
  });

  test("should exit non-zero with the report when the first build fails", async () => {
    const contentRoot = await copyBundledContent();
    const issueFile = path.join(contentRoot, seedIssueFile);
    await writeFile(issueFile, (await readFile(issueFile, "utf8")).replace("date: 2022-11-01", "date: 2022-13-01"));
    const server = await startServer(contentRoot);
    try {
      assert.notEqual(await server.exited, 0);
      assert.match(server.output(), /2022-11-01\.md/, "the report should name the issue file");
      assert.match(server.output(), /第一次构建没有成功/);
    } finally {
      server.kill();
      await rm(contentRoot, { recursive: true, force: true });
    }
  });
});

browserSuite("npm start in Chromium", (browser) => {
  test("should serve every page, the 404 page too, with its live-reload script and no policy violation or console error", async () => {
    const contentRoot = await copyBundledContent();
    const server = await startServer(contentRoot);
    try {
      await server.waitFor("/", (html) => html.includes("省委常委会召开扩大会议"));
      const page = await browser.newPage();
      const complaints: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error" || message.type() === "warning") complaints.push(`${page.url()}: console ${message.type()}: ${message.text()}`);
      });
      page.on("pageerror", (error) => complaints.push(`${page.url()}: page error: ${error.message}`));
      for (const pathname of ["/", "/2022/11/01/1/1/", "/no-such-page/"]) {
        const response = await page.goto(server.url + pathname);
        assert.equal(response?.status(), pathname === "/no-such-page/" ? 404 : 200, pathname);
        assert.equal(await page.locator('script[src^="/.11ty/reload-client.js"]').count(), 1, `${pathname} links the reload script`);
        await page.waitForLoadState("networkidle");
      }
      // Chromium logs the 404 page's own status as a console error; that one line is expected.
      assert.deepEqual(
        complaints.filter((complaint) => !/status of 404/.test(complaint)),
        [],
      );
      await page.close();
    } finally {
      server.kill();
      await rm(contentRoot, { recursive: true, force: true });
    }
  });
});

/** A temporary content root holding a copy of the bundled issues and config, for tests that edit them. */
async function copyBundledContent(): Promise<string> {
  const contentRoot = await mkdtemp(path.join(tmpdir(), "baoku-start-"));
  await cp(path.join(projectRoot, "issues"), path.join(contentRoot, "issues"), { recursive: true });
  await cp(path.join(projectRoot, "baoku.config.json"), path.join(contentRoot, "baoku.config.json"));
  return contentRoot;
}

/** The links inside `scope` whose address matches `pattern`, in page order and without repeats, with their text. */
async function linksMatching(page: Page, pattern: RegExp, scope = page.locator("body")): Promise<{ href: string; name: string }[]> {
  const links = await scope
    .locator("a[href]")
    .evaluateAll((anchors) =>
      anchors.map((anchor) => ({ href: new URL((anchor as HTMLAnchorElement).href).pathname, name: (anchor.textContent ?? "").trim().replace(/\s+/g, " ") })),
    );
  const seen = new Set<string>();
  return links.filter((link) => pattern.test(link.href) && !seen.has(link.href) && seen.add(link.href));
}

/** Clicks the first visible link to `href` and waits for the page it leads to. */
async function clickThrough(page: Page, href: string): Promise<void> {
  await page.locator(`a[href="${href}"]:visible`).first().click();
  await page.waitForURL((url) => url.pathname === href);
}

async function headingText(page: Page): Promise<string> {
  return (await page.getByRole("heading", { level: 1 }).innerText()).trim();
}

/** `scripts/start.ts` running on a free port against `contentRoot`, building into a folder of its own. */
async function startServer(contentRoot: string) {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--content", contentRoot, "--output", path.join(contentRoot, "_site")], {
    cwd: projectRoot,
    env: { ...process.env, PORT: String(port), BAOKU_LANG: "" },
    // Its own process group, so the test can check that stopping it leaves nothing behind.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 : null))));
  const baseUrl = `http://127.0.0.1:${port}`;

  // Not `fetch`: it says `Sec-Fetch-Mode: cors`, and the dev server adds its live-reload script only to pages a browser navigates to.
  const get = (pathname: string) =>
    new Promise<string>((resolve, reject) => {
      httpGet(baseUrl + pathname, (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (body += chunk));
        response.on("end", () => (response.statusCode === 200 ? resolve(body) : reject(new Error(`GET ${pathname}: ${response.statusCode}`))));
      }).on("error", reject);
    });
  const poll = async <T>(what: string, attempt: () => Promise<T | undefined>): Promise<T> => {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`npm start exited (${child.exitCode}) while waiting for ${what}:\n${output}`);
      const value = await attempt().catch(() => undefined);
      if (value !== undefined) return value;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`timed out waiting for ${what}; npm start printed:\n${output}`);
  };

  return {
    pid: child.pid!,
    url: baseUrl,
    exited,
    output: () => output,
    get,
    /** Fetches `pathname` until its HTML satisfies `accept`. */
    waitFor: (pathname: string, accept: (html: string) => boolean) =>
      poll(`${pathname} to change`, async () => {
        const html = await get(pathname);
        return accept(html) ? html : undefined;
      }),
    waitForOutput: (pattern: RegExp) => poll(`output matching ${pattern}`, async () => (pattern.test(output) ? true : undefined)),
    async stop(signal: NodeJS.Signals) {
      child.kill(signal);
      return exited;
    },
    /** Ends the whole process group, whatever state it is in. */
    kill() {
      if (isProcessGroupAlive(child.pid!)) process.kill(-child.pid!, "SIGKILL");
    },
  };
}

/**
 * The processes of group `pgid` still running a second after its leader ended, by command line.
 * Zombies are not counted (processes.ts).
 */
async function survivorsOf(pgid: number): Promise<string[]> {
  const deadline = Date.now() + 1000;
  for (;;) {
    const survivors = await processGroupMembers(pgid);
    if (survivors.length === 0 || Date.now() > deadline) return survivors;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
