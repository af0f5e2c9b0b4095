// Every page type read in Chromium at a phone's width (390 px) and a desktop's (1366 px), light and dark: axe-core finds no WCAG 2.2 A/AA
// or best-practice violation, and the keyboard alone reaches every control, each with a visible focus; and the W3C Nu checker (vnu-jar)
// finds no error in any page of either site.
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Page } from "playwright-core";
import { browserSuite, type Browser } from "./helpers/browser.ts";
import { addressOf, PAGE_TYPES, readingSites, type PageType, type ReadingSites } from "./helpers/reading-sites.ts";

const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
const vnuJar = path.join(path.dirname(require.resolve("vnu-jar/package.json")), "build", "dist", "vnu.jar");

/** The rules axe runs: WCAG 2.0, 2.1 and 2.2 at levels A and AA, and Deque's best practices. */
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];

/** The four ways every page is read. */
const VARIANTS = [390, 1366].flatMap((width) => (["light", "dark"] as const).map((colorScheme) => ({ width, height: width < 500 ? 844 : 900, colorScheme })));

let sites: ReadingSites;

before(async () => {
  sites = await readingSites();
});

after(async () => {
  await sites?.close();
});

browserSuite("accessibility of every page type in Chromium", (browser) => {
  // Each page is opened once a variant for both checks: opening and settling is most of the time.
  for (const pageType of PAGE_TYPES) {
    test(`should have no axe-core violation on the ${pageType.name} page and let the keyboard alone reach every control with a visible focus, at 390 and 1366 px, light and dark`, async () => {
      const violations: string[] = [];
      const keyboard: string[] = [];
      for (const variant of VARIANTS) {
        const page = await open(browser, pageType, variant);
        const where = `${variant.width}px ${variant.colorScheme}`;
        violations.push(...(await axeViolations(page)).map((violation) => `${where}: ${violation}`));
        keyboard.push(...(await tabThrough(page)).map((problem) => `${where}: ${problem}`));
        await page.close();
      }
      assert.deepEqual(violations, [], `axe-core on ${pageType.path}`);
      assert.deepEqual(keyboard, [], `the keyboard on ${pageType.path}`);
    });
  }
});

describe("the W3C Nu HTML checker", () => {
  const java = spawnSync("java", ["-version"]);
  const missing = java.error ? "Java not found (install openjdk-17-jre-headless)" : undefined;
  const isCI = process.env.CI === "true" || process.env.CI === "1";
  test("should find no error in any page of the bundled archive or the image archive", { skip: missing && !isCI ? missing : false }, async () => {
    assert.equal(missing, undefined, missing);
    const files = [...(await htmlFiles(sites.seedDir)), ...(await htmlFiles(sites.imageDir))];
    assert.ok(files.length > 25, `${files.length} pages`);
    // One run for every page: the Java start is most of the time.
    const messages = await runVnu(files);
    assert.deepEqual(messages, []);
  });
});

/** The subset of axe-core's API the test calls. */
interface AxeRunner {
  run(context: Document, options: object): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }>;
}

/** Opens `pageType` at `variant`'s size and colour scheme and waits until its scripts are done. */
async function open(browser: Browser, pageType: PageType, variant: (typeof VARIANTS)[number]): Promise<Page> {
  const page = await browser.newPage({ width: variant.width, height: variant.height });
  await page.emulateMedia({ colorScheme: variant.colorScheme });
  const response = await page.goto(addressOf(sites, pageType));
  assert.equal(response?.status(), pageType.status ?? 200, pageType.path);
  if (pageType.ready) await page.locator(pageType.ready).first().waitFor();
  await page.evaluate(() => document.fonts.ready);
  return page;
}

/** axe-core's violations on the page, one line each: rule, impact, what it asks, and the first elements that break it. */
async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const results = await (window as unknown as { axe: AxeRunner }).axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return results.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.length} element(s), e.g. ${violation.nodes.slice(0, 3).map((node) => node.target.join(" ")).join(", ")}`);
  }, AXE_TAGS);
}

/**
 * Presses Tab from the top of the page until the focus comes round again, and says which controls it never reached and which it reached
 * without a visible focus indicator (an outline of 2 px or more, or, for a hotspot on a scan, its outline drawn at full strength).
 */
async function tabThrough(page: Page): Promise<string[]> {
  const controls = await page.evaluate(() => {
    const all = [...document.querySelectorAll<HTMLElement | SVGElement>('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])')];
    const shown = all.filter((element) => !element.closest("[hidden], [inert]") && element.getClientRects().length > 0 && getComputedStyle(element).visibility !== "hidden" && !(element as HTMLButtonElement).disabled);
    shown.forEach((element, index) => element.setAttribute("data-tab-probe", String(index)));
    return shown.length;
  });
  const reached = new Set<string>();
  const problems: string[] = [];
  for (let presses = 0; presses < controls + 10; presses++) {
    await page.keyboard.press("Tab");
    const focus = await page.evaluate(() => {
      const element = document.activeElement;
      if (!element || element === document.body) return undefined;
      const style = getComputedStyle(element);
      const rect = element.closest(".scan-hotspots a") ? element.querySelector("rect") : null;
      const visible = rect
        ? Number.parseFloat(getComputedStyle(rect).strokeWidth) >= 3
        : style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) >= 2;
      const name = `<${element.tagName.toLowerCase()}> ${(element.getAttribute("aria-label") ?? element.textContent ?? "").trim().slice(0, 30)}`;
      return { probe: element.getAttribute("data-tab-probe"), visible, name };
    });
    if (!focus) continue;
    if (focus.probe !== null && reached.has(focus.probe)) break;
    if (focus.probe !== null) reached.add(focus.probe);
    if (!focus.visible) problems.push(`no visible focus on ${focus.name}`);
  }
  const missed = await page.evaluate((seen) => [...document.querySelectorAll("[data-tab-probe]")]
    .filter((element) => !seen.includes(element.getAttribute("data-tab-probe") ?? ""))
    .map((element) => `<${element.tagName.toLowerCase()}> ${(element.getAttribute("aria-label") ?? element.textContent ?? "").trim().slice(0, 30)}`), [...reached]);
  return [...problems, ...missed.map((name) => `not reached by Tab: ${name}`)];
}

async function htmlFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith(".html")).map((entry) => path.join(entry.parentPath, entry.name)).sort();
}

/** The Nu checker's errors for `files`, one line each: file, line, message. */
async function runVnu(files: string[]): Promise<string[]> {
  const child = spawn("java", ["-jar", vnuJar, "--errors-only", "--format", "json", ...files], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk) => (output += chunk));
  child.stderr.on("data", (chunk) => (output += chunk));
  await new Promise((resolve) => child.on("close", resolve));
  const { messages } = JSON.parse(output) as { messages: { url: string; lastLine?: number; message: string; type: string }[] };
  return messages.map((message) => `${message.url.replace(/^file:/, "")}:${message.lastLine ?? 0}: ${message.type}: ${message.message}`);
}
