// The preview's hotspot drawing: a 版 page with a scan is served with the editor (client/hotspot-editor.js and .css, and the 版's articles
// and areas read from its issue file) added, and the areas the editor saves are written into the issue file's 区域 lines in place, after
// which the preview's watcher rebuilds and the page reloads. None of it is in the built site: only the preview serves these files and
// takes this write (requests.ts lets the one POST through, from the preview's own pages).
import { readdir, readFile, realpath, rename, rm, stat, writeFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { z } from "zod";
import { clampedArea, withAreas, type AreaRefusal } from "../content/area-lines.ts";
import { loadConfig } from "../content/config.ts";
import { parseIssue } from "../content/parse-issue.ts";
import type { Language } from "../messages/language.ts";
import { say } from "../messages/texts.ts";
import type { Issue } from "../model.ts";
import { issueFileOf, ISSUES_FOLDER, pageOfPath, yearOf } from "../paths.ts";
import type { Middleware } from "./open-data-headers.ts";
import { HOTSPOT_ENDPOINT, PREVIEW_FOLDER, sitePathOf } from "./requests.ts";

export interface HotspotEditorOptions {
  /** The folder holding `issues/` and `baoku.config.json`. */
  contentRoot: string;
  /** The built site the preview serves. */
  outputDir: string;
  /** The site's path prefix, `/` or `/paper/`. */
  pathPrefix: string;
  /** The language to speak now (the paper's, once a build has read it). */
  language: () => Language;
}

/** The largest save the endpoint reads: a 版's every article with a long title fits many times over. */
export const HOTSPOT_BODY_LIMIT = 32 * 1024;

/** The editor's own files, served from client/ beside this module. */
const CLIENT_FILES: Readonly<Record<string, string>> = {
  [`${PREVIEW_FOLDER}hotspot-editor.js`]: "text/javascript; charset=utf-8",
  [`${PREVIEW_FOLDER}hotspot-editor.css`]: "text/css; charset=utf-8",
};
const clientFolder = path.join(import.meta.dirname, "client");

/** The id of the element that carries the 版's articles and the editor's words to the script. */
const DATA_ELEMENT = "baoku-hotspot-editor";

const percent = z.number().finite();
/** A save: the issue by its date, the 版 by its number, and each article's new area with the title the editor saw. */
const HotspotSave = z.strictObject({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  page: z.number().int().min(1).max(999),
  areas: z
    .array(
      z.strictObject({
        article: z.number().int().min(1).max(9999),
        title: z.string().max(1000),
        area: z.strictObject({ x: percent, y: percent, width: percent, height: percent }),
      }),
    )
    .min(1)
    .max(500),
});

/** What the preview adds to its server for the hotspot drawing: the middleware that serves 版 pages with the editor, and its own answers. */
export function hotspotEditor(options: HotspotEditorOptions): {
  middleware: Middleware;
  answer: (request: IncomingMessage, response: ServerResponse) => Promise<void>;
} {
  /** Saves one at a time, so two saves never read the same file and write over each other. */
  let saving: Promise<unknown> = Promise.resolve();
  return {
    middleware: (request, response, next) => {
      const sitePath = sitePathOf(request.url ?? "/").replace(/index\.html$/, "");
      const onPage = sitePath.startsWith(options.pathPrefix) ? pageOfPath(`/${sitePath.slice(options.pathPrefix.length)}`) : undefined;
      if (!onPage || !(request.method === "GET" || request.method === "HEAD")) return next();
      return pageWithEditor(options, sitePath.slice(options.pathPrefix.length), onPage).then(
        (html) => {
          if (html === undefined) return next();
          response.statusCode = 200;
          response.setHeader("Content-Type", "text/html; charset=utf-8");
          response.setHeader("Cache-Control", "no-cache");
          // A string, so the dev server adds its live-reload script to it as to every page it serves.
          response.end(request.method === "HEAD" ? "" : html);
        },
        () => next(),
      );
    },
    answer: async (request, response) => {
      const sitePath = sitePathOf(request.url ?? "");
      const type = CLIENT_FILES[sitePath];
      if (type) {
        if (request.method !== "GET" && request.method !== "HEAD") return send(response, 405, "text/plain; charset=utf-8", "405\n", { Allow: "GET, HEAD" });
        const body = await readFile(path.join(clientFolder, path.basename(sitePath)));
        return send(response, 200, type, request.method === "HEAD" ? "" : body, { "Cache-Control": "no-cache" });
      }
      if (sitePath !== HOTSPOT_ENDPOINT) return send(response, 404, "text/plain; charset=utf-8", "404\n");
      if (request.method !== "POST") return send(response, 405, "text/plain; charset=utf-8", "405\n", { Allow: "POST" });
      const language = options.language();
      const answered = saving.then(() => save(options, request, language));
      saving = answered.catch(() => undefined);
      // What fails before the issue file is known (reading the request) is told as a request that could not be read.
      const { status, message } = await answered.catch((error: unknown) => ({
        status: 400,
        message: say(language, "hotspotBadRequest", { detail: String(error) }),
      }));
      send(response, status, "application/json; charset=utf-8", JSON.stringify({ message }));
    },
  };
}

/** The answer to one save: its HTTP status and the message for the editor. */
interface Answer {
  status: number;
  message: string;
}

/** Reads, checks and writes one save. */
async function save(options: HotspotEditorOptions, request: IncomingMessage, language: Language): Promise<Answer> {
  const kilobytes = HOTSPOT_BODY_LIMIT / 1024;
  if (!/^application\/json\s*(;|$)/i.test(request.headers["content-type"] ?? "")) {
    return { status: 415, message: say(language, "hotspotBadRequest", { detail: "Content-Type: application/json" }) };
  }
  const body = await bodyOf(request, HOTSPOT_BODY_LIMIT);
  if (body === undefined) return { status: 413, message: say(language, "hotspotTooLarge", { kilobytes }) };
  let json: unknown;
  try {
    json = JSON.parse(body.toString("utf8"));
  } catch {
    return { status: 400, message: say(language, "hotspotBadRequest", { detail: "JSON" }) };
  }
  const parsed = HotspotSave.safeParse(json);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((issue) => `${issue.path.join(".") || "/"}: ${issue.code}`).join("; ");
    return { status: 400, message: say(language, "hotspotBadRequest", { detail }) };
  }
  const { date, page, areas } = parsed.data;
  const issueFile = await issueFileIn(options.contentRoot, date);
  if (!issueFile) return { status: 404, message: say(language, "hotspotNoIssue", { date }) };
  const file = issueFileOf(date);
  try {
    const { config } = loadConfig(options.contentRoot);
    const edits = areas.map((edit) => ({ ...edit, area: clampedArea(edit.area) }));
    const result = config ? withAreas(file, await readFile(issueFile), config, page, edits) : ({ reason: "unreadable" } as const);
    if (!("text" in result)) return refusalAnswer(result, file, language);
    await writeInPlace(issueFile, result.text);
    return { status: 200, message: say(language, "hotspotSaved", { file, count: edits.length }) };
  } catch (error) {
    return { status: 500, message: say(language, "hotspotWriteFailed", { file, reason: (error as NodeJS.ErrnoException).code ?? String(error) }) };
  }
}

function refusalAnswer(refusal: AreaRefusal, file: string, language: Language): Answer {
  switch (refusal.reason) {
    case "unreadable":
    case "noPage":
      return { status: 409, message: say(language, "hotspotUnreadable", { file }) };
    case "noArticle":
      return { status: 409, message: say(language, "hotspotNoArticle", { file, page: refusal.page, article: refusal.article }) };
    case "changed":
      return { status: 409, message: say(language, "hotspotChanged", { file, page: refusal.page, article: refusal.article, title: refusal.title }) };
    case "notKept":
      return { status: 500, message: say(language, "hotspotNotKept", { file }) };
  }
}

/**
 * The issue file of `date`, as the archive lists it: named in its year's folder of issues/ and, once links are followed, a file inside
 * issues/ (what content-files.ts reads); undefined for any other date. The path is made from the date, never taken from the request.
 */
async function issueFileIn(contentRoot: string, date: string): Promise<string | undefined> {
  const issuesFolder = path.join(contentRoot, ISSUES_FOLDER);
  const file = path.join(contentRoot, issueFileOf(date));
  const listed = await readdir(path.join(issuesFolder, yearOf(date))).catch(() => [] as string[]);
  if (!listed.includes(path.basename(file))) return undefined;
  const [realFile, realIssues] = await Promise.all([realpath(file).catch(() => undefined), realpath(issuesFolder)]);
  if (!realFile?.startsWith(realIssues + path.sep) || !(await stat(realFile)).isFile()) return undefined;
  return realFile;
}

/** Writes `text` as the file `file`: written beside it and renamed over it, so a build never reads half of it, with its mode kept. */
async function writeInPlace(file: string, text: string): Promise<void> {
  const { mode } = await stat(file);
  // A name the preview's watcher takes for an editor's temporary file (watch.ts), so only the rename is a change.
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    await writeFile(temporary, text, { mode });
    await rename(temporary, file);
  } finally {
    await rm(temporary, { force: true });
  }
}

/** The request's body, or undefined once it passes `limit` bytes (its Content-Length says so, or its bytes do). */
async function bodyOf(request: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  if (Number(request.headers["content-length"] ?? 0) > limit) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** The 版 page at `sitePath` with the editor added, when it has a scan and its issue file can be read; else undefined (served as built). */
async function pageWithEditor(options: HotspotEditorOptions, sitePath: string, onPage: { date: string; page: number }): Promise<string | undefined> {
  const html = await readFile(path.join(options.outputDir, sitePath, "index.html"), "utf8");
  if (!html.includes("data-scan") || !html.includes("</head>")) return undefined;
  const issueFile = await issueFileIn(options.contentRoot, onPage.date);
  const { config } = loadConfig(options.contentRoot);
  if (!issueFile || !config) return undefined;
  const issue = parseIssue(issueFileOf(onPage.date), await readFile(issueFile), config).issue;
  const printedPage = issue?.pages.find((page) => page.number === onPage.page);
  if (!printedPage) return undefined;
  const data = {
    endpoint: HOTSPOT_ENDPOINT,
    date: onPage.date,
    page: onPage.page,
    articles: articlesOf(printedPage, options.language()),
    texts: editorTexts(options.language()),
  };
  // JSON in a data block: `<` escaped, so no text in it can end the element.
  const json = JSON.stringify(data).replaceAll("<", "\\u003c");
  const tags =
    `<link rel="stylesheet" href="${PREVIEW_FOLDER}hotspot-editor.css">` +
    `<script type="application/json" id="${DATA_ELEMENT}">${json}</script>` +
    `<script type="module" src="${PREVIEW_FOLDER}hotspot-editor.js"></script>`;
  return html.replace("</head>", `${tags}</head>`);
}

/** The 版's articles as the editor lists them: number, the title to check the save against, the name shown, and the area. */
function articlesOf(printedPage: Issue["pages"][number], language: Language) {
  return printedPage.articles.map((article) => ({
    number: article.number,
    title: article.title,
    name: article.title || `${say(language, "hotspotPhotoNews")}${article.photos[0]?.caption ? ` ${article.photos[0].caption.slice(0, 20)}` : ""}`,
    ...(article.area && { area: article.area }),
  }));
}

/** The editor's words, from the catalogue; a word with facts keeps their names in braces, which the script fills in. */
function editorTexts(language: Language) {
  return {
    edit: say(language, "hotspotEdit"),
    help: say(language, "hotspotHelp"),
    article: say(language, "hotspotArticle"),
    option: say(language, "hotspotOption", { number: "{number}", title: "{title}", drawn: true }),
    optionUndrawn: say(language, "hotspotOption", { number: "{number}", title: "{title}", drawn: false }),
    save: say(language, "hotspotSave"),
    cancel: say(language, "hotspotCancel"),
    saving: say(language, "hotspotSaving"),
    unchanged: say(language, "hotspotUnchanged"),
    pending: say(language, "hotspotPending", { count: "{count}" }),
    offline: say(language, "hotspotOffline"),
  };
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer, headers: Record<string, string> = {}): void {
  response.writeHead(status, { "Content-Type": type, "X-Content-Type-Options": "nosniff", ...headers });
  response.end(body);
}
