// The two sites the reading-room tests read: the bundled archive, and the image archive (photos, photo news and scanned 版 with hotspots),
// each built once a run (built-archive.ts) and served from 127.0.0.1; and one address of every page type across them.
import type { StaticServer } from "../../src/util/static-server.ts";
import { servedArchives } from "./built-archive.ts";

export interface ReadingSites {
  /** The built sites' folders, for checks that read their files. */
  readonly seedDir: string;
  readonly imageDir: string;
  readonly seed: StaticServer;
  readonly images: StaticServer;
}

/**
 * Registers the hooks that serve both sites, built once for the whole run (built-archive.ts's `servedArchives`); the returned sites are
 * there once the calling file's `before` has run.
 */
export function servedReadingSites(): ReadingSites {
  const archives = servedArchives("bundled", "images");
  return {
    get seedDir() {
      return archives.bundled.siteDir;
    },
    get imageDir() {
      return archives.images.siteDir;
    },
    get seed() {
      return archives.bundled.server;
    },
    get images() {
      return archives.images.server;
    },
  };
}

export interface PageType {
  name: string;
  /** The address in its site, without a leading slash. */
  path: string;
  site: "seed" | "images";
  /** A selector that is there once the page's scripts have done their work. */
  ready?: string;
  status?: number;
}

/** One address of every page type a reader meets, with and without scans. */
export const PAGE_TYPES: readonly PageType[] = [
  { name: "home", path: "", site: "seed" },
  { name: "issue", path: "2022/11/01/", site: "seed" },
  { name: "issue with page scans", path: "2022/11/02/", site: "images" },
  { name: "版 without a scan", path: "2022/11/01/2/", site: "seed" },
  { name: "版 with its scan", path: "2022/11/02/1/", site: "images", ready: "[data-scan][data-ready]" },
  { name: "article", path: "2022/11/01/1/1/", site: "seed", ready: "[data-article-tools][data-ready]" },
  { name: "article with photos", path: "2022/11/02/1/1/", site: "images", ready: "[data-article-tools][data-ready]" },
  { name: "photo news without its photo", path: "2022/11/01/1/6/", site: "seed", ready: "[data-article-tools][data-ready]" },
  { name: "photo news", path: "2022/11/02/1/2/", site: "images", ready: "[data-article-tools][data-ready]" },
  { name: "archive", path: "archive/", site: "seed" },
  { name: "数据与引用", path: "data/", site: "seed" },
  { name: "day index", path: "day/", site: "seed" },
  { name: "day", path: "day/11-01/", site: "seed" },
  { name: "people", path: "people/", site: "seed" },
  { name: "person", path: "people/guo-longjun/", site: "seed" },
  { name: "year", path: "archive/2022/", site: "seed" },
  { name: "search with results", path: "search/?q=会议", site: "seed", ready: '[data-search-status][data-state="done"]' },
  { name: "search without a query", path: "search/", site: "seed", ready: "[data-search-help]" },
  { name: "404", path: "no-such-page/", site: "seed", status: 404 },
];

/** The address of `pageType` on its server. */
export function addressOf(sites: ReadingSites, pageType: PageType): string {
  return new URL(pageType.path, (pageType.site === "seed" ? sites.seed : sites.images).url).href;
}
