// Reading a built site's pages as HTML, for tests that assert what a page shows.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse, type HTMLElement } from "node-html-parser";

/** The page at `sitePath` (a folder, e.g. people/guo-longjun) of the site in `siteDir`, parsed. */
export async function openPage(siteDir: string, sitePath: string): Promise<HTMLElement> {
  return parse(await readFile(path.join(siteDir, sitePath, "index.html"), "utf8"));
}

/** An element's text with its white space run together, as a reader sees it; empty for no element. */
export function textOf(element: HTMLElement | null | undefined): string {
  return (element?.textContent ?? "").replace(/\s+/g, " ").trim();
}
