// From site paths to the addresses readers follow: the site is published under the path of its base URL (`/`, or `/<repo>/` for a
// GitHub Pages project site), and every link, asset and search result carries that prefix.
import type { PaperConfig } from "../model.ts";

/** The folder the site is published under, from the path of its base URL. */
export function pathPrefixOf(config: PaperConfig): string {
  return new URL(config.site.baseUrl).pathname;
}

/** Turns site paths (`/2022/11/01/`), which say where a page is written, into the addresses readers follow, under the site's path prefix. */
export type Addresser = (sitePath: string) => string;

export function addresser(pathPrefix: string): Addresser {
  return (sitePath) => pathPrefix + sitePath.slice(1);
}
