// Runs a suite of tests against Debian's Chromium through playwright-core: skipped, with one line saying why, when Chromium is missing on a developer's machine, failed when it is missing in CI.
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { type BrowserContext, type CDPSession, chromium, type Page } from "playwright-core";
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
 * Declare tests inside `fn` with `test()` as usual and open pages with `browser.newPage()`.
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
    let session: { context: BrowserContext; userDataDir: string; cdp: CDPSession } | undefined;
    let windows: Promise<unknown> = Promise.resolve();
    before(async () => {
      session = await launchChromium();
    });
    after(async () => {
      if (!session) return;
      await session.context.close();
      await rm(session.userDataDir, { recursive: true, force: true });
    });
    fn({
      async newPage(viewport = { width: 1280, height: 800 }) {
        if (!session) throw new Error("the browser is not running: browser.newPage() was called outside a test");
        // Each page in a window of its own, not a tab behind the newest: Chromium acknowledges input to a background tab only after
        // 0.5–2 s, so a test that clicks in two pages in turn spent most of its time waiting (the merge test 73 s, 2 s a click; now 4 s).
        // Windows of one context share the profile, so what a page stores on the device the next page finds, as with tabs.
        // One window at a time, so each call's "page" event is its own window's when tests open pages concurrently.
        const { context, cdp } = session;
        const opened = windows.then(() => Promise.all([context.waitForEvent("page"), cdp.send("Target.createTarget", { url: "about:blank", newWindow: true })]));
        windows = opened.catch(() => undefined);
        const [page] = await opened;
        await page.setViewportSize(viewport);
        return page;
      },
    });
  });
}

/** Starts headless Chromium with a profile folder of its own, so no state leaks between runs. */
async function launchChromium(): Promise<{ context: BrowserContext; userDataDir: string; cdp: CDPSession }> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), "baoku-chromium-"));
  try {
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: chromiumPath,
      headless: true,
      args: [...CHROMIUM_ARGS],
    });
    const browser = context.browser();
    if (!browser) throw new Error("Chromium started without a browser session");
    return { context, userDataDir, cdp: await browser.newBrowserCDPSession() };
  } catch (error) {
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
}
