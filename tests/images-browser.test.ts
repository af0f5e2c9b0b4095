// Reads a scanned 版 in real Chromium: the scan loads in a modern format, its hotspots are links a reader clicks or tabs to; zooming is tested with the rest of the reading room (reading-room.test.ts).
import assert from "node:assert/strict";
import { test } from "node:test";
import { browserSuite } from "./helpers/browser.ts";
import { servedArchives } from "./helpers/built-archive.ts";

/** The image archive, built once a run (built-archive.ts). */
const archives = servedArchives("images");

browserSuite("a scanned 版 in Chromium", (browser) => {
  test("should show the scan, loaded as AVIF, with its size reserved", async () => {
    const page = await browser.newPage();
    await page.goto(new URL("2022/11/02/1/", archives.images.server.url).href);
    const scan = page.getByRole("img", { name: "2022年11月2日 第1版 要闻 版面图" });
    await scan.waitFor();
    await page.waitForFunction(() => document.querySelector<HTMLImageElement>(".scan img")?.complete === true);
    const loaded = await scan.evaluate((image: HTMLImageElement) => ({
      naturalWidth: image.naturalWidth,
      currentSrc: image.currentSrc,
      height: image.getBoundingClientRect().height,
    }));
    assert.ok(loaded.naturalWidth > 0, "the scan loaded");
    assert.match(loaded.currentSrc, /\/2022\/11\/02\/page-1\.\d+\.[0-9a-f]{10}\.avif$/);
    assert.ok(loaded.height > 500, `the scan is shown large, ${loaded.height}px tall`);
    await page.close();
  });

  test("should land on the article when its hotspot on the scan is clicked", async () => {
    const page = await browser.newPage();
    await page.goto(new URL("2022/11/02/1/", archives.images.server.url).href);
    const hotspot = page.getByRole("group", { name: "第1版 要闻 版面热区" }).getByRole("link", { name: "区委召开经济工作会议" });
    const box = await hotspot.boundingBox();
    assert.ok(box && box.width > 100 && box.height > 100, `the hotspot covers its area: ${JSON.stringify(box)}`);
    // Click where the article is printed on the scan, as a reader would.
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForURL(/\/2022\/11\/02\/1\/1\/$/);
    assert.equal((await page.locator("h1").textContent())?.trim(), "区委召开经济工作会议");
    await page.close();
  });

  test("should reach a hotspot with the keyboard and follow it with Enter", async () => {
    const page = await browser.newPage();
    await page.goto(new URL("2022/11/02/1/", archives.images.server.url).href);
    let focused: string | null = null;
    for (let presses = 0; presses < 40 && focused !== "图片新闻"; presses++) {
      await page.keyboard.press("Tab");
      focused = await page.evaluate(() => (document.activeElement?.closest(".scan-hotspots a") ? document.activeElement.getAttribute("aria-label") : null));
    }
    assert.equal(focused, "图片新闻", "Tab reaches the photo news hotspot");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/2022\/11\/02\/1\/2\/$/);
    assert.equal((await page.locator("h1").textContent())?.trim(), "图片新闻");
    await page.close();
  });
});
