// Indexes article pages for Pagefind's client-side search, one search bundle at a time (see src/site/search-bundles.ts). Each page is indexed
// as built (its data-pagefind-body, meta, filters and sort), plus its text spelled as segmentation-proof search terms
// (public/js/search-terms.js), which the search page queries with.
import { spawn } from "node:child_process";
import { link, mkdir, readdir, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "node-html-parser";
import { indexTerms } from "../../public/js/search-terms.js";
import type { Language } from "../messages/language.ts";
import { say } from "../messages/texts.ts";
import { diskFullAt } from "./failure.ts";

/** How much a match in each part of an article counts, against 1 for its body; Pagefind's data-pagefind-weight. */
const TERM_WEIGHTS = { title: 5, headings: 2 } as const;

/**
 * The page's HTML with its search terms added to the end of its data-pagefind-body, and without what the page marks data-pagefind-ignore
 * (纠错's link and date), which Pagefind would skip but the terms would not; the page served to readers is not changed.
 */
export function withSearchTerms(html: string): string {
  const root = parse(html);
  const body = root.querySelector("[data-pagefind-body]");
  if (!body) return html;
  for (const ignored of body.querySelectorAll("[data-pagefind-ignore]")) ignored.remove();
  const textOf = (selector: string) => body.querySelectorAll(selector).map((element) => element.textContent).join(" ");
  body.insertAdjacentHTML(
    "beforeend",
    `<div data-pagefind-weight="${TERM_WEIGHTS.title}">${indexTerms(textOf("h1"))}</div>` +
      `<div data-pagefind-weight="${TERM_WEIGHTS.headings}">${indexTerms(textOf(".kicker, .subtitle, .column"))}</div>` +
      `<div>${indexTerms(body.textContent)}</div>`,
  );
  return root.toString();
}

/** Pagefind's own search interfaces, which Baoku's search page does not use; about 430 KB not to publish. */
const UNUSED_UI = /^pagefind-(?:ui|modular-ui|component-ui|highlight)\.(?:js|css)$/;

async function removeUnusedUi(bundleDir: string): Promise<void> {
  for (const name of await readdir(bundleDir)) {
    if (UNUSED_UI.test(name)) await rm(path.join(bundleDir, name));
  }
}

/**
 * Pagefind's language for the index. The search page queries spelled terms only and makes its excerpts itself, so Pagefind's own Chinese
 * word segmentation is not used; a language without segmentation or stemming ("zxx", no linguistic content) indexes about 1.7 times as fast
 * in about 60% of the memory, and no stemmer can change a spelled term.
 */
const INDEX_LANGUAGE = "zxx";

/**
 * Writes one search bundle into `bundleDir` from the article pages below `inputDirs` (written there with their search terms, see
 * render-part.ts). Pagefind keeps the whole index in memory until it is written, so each bundle is indexed by a Pagefind process of its
 * own: its command line, run on a folder of hard links to the inputs (the cache's own file system), so that its exit and its messages
 * are seen — through Pagefind's Node API a Pagefind that dies (a full disk makes it panic) leaves the build waiting for ever. The
 * addresses it records are the pages' paths below their input folder, and the search page adds the path prefix.
 */
export async function indexBundle(inputDirs: readonly string[], bundleDir: string, language: Language): Promise<void> {
  const site = `${bundleDir}.input`;
  await rm(site, { recursive: true, force: true });
  try {
    for (const inputDir of inputDirs) await linkFiles(inputDir, site);
    const { code, signal, stderr } = await run(pagefindBinary(), ["--site", site, "--output-path", bundleDir, "--force-language", INDEX_LANGUAGE, "--silent"]);
    if (code !== 0) {
      // Pagefind panics on a full disk; its message names the kind of error, not the file.
      if (/No space left on device|StorageFull/i.test(stderr)) throw diskFullAt(bundleDir);
      throw new Error(say(language, "searchIndexFailed", { stage: "index", errors: `${signal ?? `exit code ${code}`}: ${stderr.trim().slice(-2000)}` }));
    }
    await removeUnusedUi(bundleDir);
  } finally {
    await rm(site, { recursive: true, force: true });
  }
}

/** Hard-links every file below `from` to the same place below `to`. */
async function linkFiles(from: string, to: string): Promise<void> {
  const entries = await readdir(from, { recursive: true, withFileTypes: true });
  for (const entry of entries.filter((each) => each.isFile())) {
    const target = path.join(to, path.relative(from, path.join(entry.parentPath, entry.name)));
    await mkdir(path.dirname(target), { recursive: true });
    await link(path.join(entry.parentPath, entry.name), target);
  }
}

/** Pagefind's executable, as its own Node package finds it: PAGEFIND_BINARY_PATH, or the binary of the platform's optional package. */
function pagefindBinary(): string {
  const fromEnvironment = process.env.PAGEFIND_EXTENDED_BINARY_PATH ?? process.env.PAGEFIND_BINARY_PATH;
  if (fromEnvironment) return fromEnvironment;
  const require = createRequire(import.meta.url);
  const platform = `${process.platform === "win32" ? "windows" : process.platform}-${process.arch}`;
  for (const name of ["pagefind_extended", "pagefind"]) {
    try {
      return require.resolve(`@pagefind/${platform}/bin/${name}${process.platform === "win32" ? ".exe" : ""}`);
    } catch {
      // Not this one; try the next.
    }
  }
  return require.resolve(`@pagefind/${platform}/bin/pagefind_extended`);
}

const withParent = path.join(path.dirname(fileURLToPath(import.meta.url)), "with-parent.js");

/** Runs a command to its end, keeping what it writes to standard error; it is killed if this process dies first (with-parent.js). */
function run(command: string, args: readonly string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [withParent, command, ...args], { stdio: ["ignore", "ignore", "pipe", "ipc"] });
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-20_000);
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stderr }));
  });
}
