// Runs a suite of tests against Debian's Chromium through playwright-core: skipped, with one line saying why, when Chromium is missing on a developer's machine, failed when it is missing in CI.
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, afterEach, before, describe, test } from "node:test";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath } from "../../src/util/chromium.ts";

export { chromiumPath };

/** What a suite's tests get: a way to open pages in the suite's browser. */
export interface Browser {
  /** A new tab of the suite's browser, with the given viewport (default 1280×800). */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
}

const missingReason = existsSync(chromiumPath) ? undefined : `Chromium not found at ${chromiumPath} (set CHROMIUM_PATH)`;
const isCI = process.env.CI === "true" || process.env.CI === "1";

if (missingReason && !isCI) console.warn(`SKIPPED browser tests: ${missingReason}`);

/**
 * Declares a `describe` suite whose tests share one headless Chromium, launched before the first test with a fresh profile and closed, profile removed, after the last.
 * Declare tests inside `fn` with `test()` as usual and open pages with `browser.newPage()`: each is a tab, closed when its test ends.
 * Chromium answers input to a tab behind the newest only after 0.5–2 s, so a test that works in two pages in turn brings each to the
 * front first (`page.bringToFront()`); tabs rather than a window a page, because every shown window costs CPU while it idles (about
 * a fifth of a core each here), where a tab behind costs next to nothing.
 */
export function browserSuite(name: string, fn: (browser: Browser) => void): void {
  if (missingReason && isCI) {
    describe(name, () => {
      test("needs Chromium", () => {
        throw new Error(`${missingReason}; CI=true, so browser tests fail instead of being skipped. Install the chromium package.`);
      });
    });
    return;
  }
  describe(name, { skip: missingReason ?? false }, () => {
    let session: { context: BrowserContext; userDataDir: string } | undefined;
    /** The pages the running test opened: closed when it ends, since every page left open costs Chromium CPU time while it idles. */
    const opened = new Set<Page>();
    before(async () => {
      session = await launchChromium();
    });
    afterEach(async () => {
      for (const page of opened) await page.close().catch(() => undefined);
      opened.clear();
    });
    after(async () => {
      if (!session) return;
      await session.context.close();
      await rm(session.userDataDir, { recursive: true, force: true });
    });
    fn({
      async newPage(viewport = { width: 1280, height: 800 }) {
        if (!session) throw new Error("the browser is not running: browser.newPage() was called outside a test");
        const page = await session.context.newPage();
        opened.add(page);
        await page.setViewportSize(viewport);
        return page;
      },
    });
  });
}

/** Starts headless Chromium with a profile folder of its own, so no state leaks between runs. */
async function launchChromium(): Promise<{ context: BrowserContext; userDataDir: string }> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), "baoku-chromium-"));
  try {
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      headless: true,
      args: [...CHROMIUM_ARGS],
    });
    return { context, userDataDir };
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
}
