// Asking the search page a query as a reader does after the first: typed into the form of the page already open, so the index
// Pagefind has loaded stays loaded. A page not yet on the site's search page opens it at the query instead.
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { Page } from "playwright-core";

/** Searches `query` on the search page of the site at `siteUrl` and waits until the search has finished. */
export async function askSearchPage(page: Page, siteUrl: string, query: string): Promise<void> {
  const searchPage = new URL("/search/", siteUrl).href;
  // Tests ask two pages in turn: the one asked is brought to the front, where Chromium answers it at once (browser.ts).
  await page.bringToFront();
  if (page.url().startsWith(searchPage)) {
    // The form's submit handler runs at once: it writes the address and marks the status as searching before its first await.
    await page.evaluate((text) => {
      const input = document.querySelector<HTMLInputElement>("[data-search-input]")!;
      input.value = text;
      input.form!.requestSubmit();
    }, query);
    await page.locator('[data-search-status][data-state="done"]').waitFor({ timeout: 30_000 });
  } else {
    await openSearch(page, { url: siteUrl }, `q=${encodeURIComponent(query)}`);
  }
}

/** The addresses of the results listed. */
export function resultPaths(page: Page): Promise<string[]> {
  return page.locator(".search-result-title a").evaluateAll((links) => links.map((link) => new URL((link as HTMLAnchorElement).href).pathname));
}

/** Opens the search page of `site` at `query` (already encoded), brought to the front, and waits until the search has finished. */
export async function openSearch(page: Page, site: { url: string }, query: string): Promise<void> {
  await page.bringToFront();
  await page.goto(new URL(`/search/?${query}`, site.url).href);
  // Attached, not visible: a query of punctuation alone leaves the status empty (the page's help says what to do).
  await page.locator('[data-search-status][data-state="done"]').waitFor({ state: "attached", timeout: 30_000 });
}

/** The address of the live bundle, the one the search page names (`data-search-bundles`), as the page has it. */
export function liveBundleUrl(page: Page): Promise<string> {
  return page
    .locator("[data-search-bundles]")
    .evaluate((element) => (JSON.parse((element as HTMLElement).dataset.searchBundles ?? "[]") as { url: string }[])[0]?.url ?? "");
}

/** The search bundles a built site holds: its folders under /pagefind/ but the term directory. */
export async function bundleCount(siteDir: string): Promise<number> {
  return (await readdir(path.join(siteDir, "pagefind"), { withFileTypes: true })).filter((entry) => entry.isDirectory() && entry.name !== "directory").length;
}
