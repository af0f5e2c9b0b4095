// npm run audit: Lighthouse (its default, a mid-range phone on a slow 4G link) on every page type of an archive (home, issue, 版, article,
// 往期回顾 and a year, the people and a person, the days and a day, 数据与引用, search)
// built afresh, served from 127.0.0.1 as a static host would (text gzipped) and read by Debian's Chromium; each page's four category scores. Outside
// npm test: each page takes Lighthouse several seconds of simulated loading.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { parse } from "node-html-parser";
import { buildSite, type BuildResult } from "../build/build.ts";
import type { ConfigFile } from "../content/config.ts";
import { CHROMIUM_ARGS, chromiumPath } from "../util/chromium.ts";
import { serveStatic } from "../util/static-server.ts";

/** The categories scored, as Lighthouse names them. */
export const AUDIT_CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
export type AuditCategory = (typeof AUDIT_CATEGORIES)[number];

/** The score every category of every page must reach. */
export const PASSING_SCORE = 95;

export interface PageAudit {
  /** home, issue, 版, article, archive, year, people, person, days, day, data or search. */
  pageType: string;
  /** The page's path in the site. */
  path: string;
  /** 0–100 by category. */
  scores: Record<AuditCategory, number>;
}

export interface AuditOptions {
  contentRoot: string;
  /** Its baoku.config.json, as the command read it (content/config.ts: loadConfig). */
  configFile: ConfigFile;
  /** The page types to audit (home, issue, 版, article, archive, year, people, person, days, day, data, search); all when empty. */
  only?: string[];
  /** Told the page type before each page is audited. */
  onPage(pageType: string, pathname: string): void;
}

/** The build's problems when the archive does not build, else each page type's scores. */
export async function auditArchive({ contentRoot, configFile, only = [], onPage }: AuditOptions): Promise<{ build: BuildResult; pages: PageAudit[] }> {
  const workDir = await mkdtemp(path.join(tmpdir(), "baoku-audit-"));
  try {
    const siteDir = path.join(workDir, "_site");
    const build = await buildSite({ contentRoot, configFile, outputDir: siteDir, cacheDir: path.join(workDir, ".cache") });
    if (!build.ok) return { build, pages: [] };
    // As GitHub Pages serves a site: text gzipped, kept for ten minutes.
    const server = await serveStatic(siteDir, { compress: true });
    const chrome = await chromeLauncher.launch({ chromePath: chromiumPath, chromeFlags: ["--headless=new", ...CHROMIUM_ARGS] });
    try {
      const pages: PageAudit[] = [];
      for (const [pageType, pathname] of (await pagesToAudit(siteDir)).filter(([pageType]) => only.length === 0 || only.includes(pageType))) {
        onPage(pageType, pathname);
        const result = await lighthouse(new URL(pathname.slice(1), server.url).href, {
          port: chrome.port,
          output: "json",
          logLevel: "error",
          onlyCategories: [...AUDIT_CATEGORIES],
        });
        const categories = result?.lhr.categories ?? {};
        pages.push({
          pageType,
          path: pathname,
          scores: Object.fromEntries(AUDIT_CATEGORIES.map((category) => [category, Math.round((categories[category]?.score ?? 0) * 100)])) as Record<
            AuditCategory,
            number
          >,
        });
      }
      return { build, pages };
    } finally {
      chrome.kill();
      await server.close();
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/**
 * The home page, the newest issue, its first 版 and that 版's first article, as the home page links them; then every other page type a
 * reader reaches: 往期回顾 and a year, 记者与摄影 and a person, 历史上的今天 and a day, 数据与引用, and search with a query.
 */
async function pagesToAudit(siteDir: string): Promise<[string, string][]> {
  const page = async (file: string) => parse(await readFile(path.join(siteDir, file), "utf8").catch(() => ""));
  const home = await page("index.html");
  const linked = (selector: string) => home.querySelector(selector)?.getAttribute("href");
  const firstLink = async (file: string, prefix: string) =>
    (await page(file))
      .querySelectorAll("main a")
      .map((link) => link.getAttribute("href"))
      .find((href) => href?.startsWith(prefix) && href !== prefix);
  const pages: [string, string | undefined][] = [
    ["home", "/"],
    ["issue", linked(".masthead-facts a")],
    ["版", linked('.page-nav a[aria-current="page"]')],
    ["article", linked(".summary-title a")],
    ["archive", "/archive/"],
    ["year", await firstLink("archive/index.html", "/archive/")],
    ["people", "/people/"],
    ["person", await firstLink("people/index.html", "/people/")],
    ["days", "/day/"],
    ["day", await firstLink("day/index.html", "/day/")],
    ["data", "/data/"],
    ["search", "/search/?q=%E4%BC%9A%E8%AE%AE"],
  ];
  return pages.filter((page): page is [string, string] => page[1] !== undefined);
}
