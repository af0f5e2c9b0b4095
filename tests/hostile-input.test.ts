// Hostile content in every field an editor writes, built into a site: every page is parsed and must hold no script, event handler or script address
// but the site's own; addresses that could run code or leave the archive are rejected with file and line before anything is built.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile, copyFile } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import path from "node:path";
import sharp from "sharp";
import { parse } from "node-html-parser";
import { buildSite } from "../src/build/build.ts";
import { testRenderPool } from "./helpers/render-pool.ts";
import { loadArchive } from "../src/content/archive.ts";
import { lunarDateOf, weekdayOf } from "../src/content/calendar.ts";
import { formatProblems } from "../src/messages/report.ts";
import { renderBodyHtml } from "../src/content/render.ts";
import { unified } from "unified";
import remarkParse from "remark-parse";
import { projectRoot } from "../src/project.ts";
import { report } from "./helpers/report.ts";

/** Markup an attacker might hide in any text field: each must come out as text or not at all. */
export const PAYLOADS = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
  "<img src=x onerror=alert(1)>",
  '<img src="x" alt="" onerror="alert(1)" />',
  "<svg onload=alert(1)>",
  "<svg><script>alert(1)</script></svg>",
  '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">点我</a>',
  '<a href="jav&#x09;ascript:alert(1)">点我</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">点我</a>',
  '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
  "</title><script>alert(1)</script>",
  "</script><script>alert(1)</script>",
  '" onmouseover="alert(1)',
  "' onfocus='alert(1)' autofocus='",
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  "&lt;script&gt;alert(1)&lt;/script&gt;",
  "&#60;img src=x onerror=alert(1)&#62;",
  "&#x3C;svg onload=alert(1)&#x3E;",
  "<body onload=alert(1)>",
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<form action="javascript:alert(1)"><button>提交</button></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<link rel="stylesheet" href="javascript:alert(1)">',
  "<style>@import 'javascript:alert(1)';</style>",
  '<div style="background:url(javascript:alert(1))">x</div>',
  "<details open ontoggle=alert(1)>",
  "<input autofocus onfocus=alert(1)>",
  '<video><source onerror="alert(1)"></video>',
  "<!--<script>alert(1)</script>-->",
  "<scr<script>ipt>alert(1)</scr</script>ipt>",
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  "<template><script>alert(1)</script></template>",
  "{{ 7*7 }}{% raw %}{{ constructor.constructor('alert(1)')() }}",
  "javascript:alert(1)",
  "要闻, title:假标题, image:javascript:alert(1), date:1999-01-01",
];

/** Image files named like markup, each shown by one photo. */
const HOSTILE_FILE_NAMES = [
  'x" onerror="alert(1).png',
  "<svg onload=alert(1)>.png",
  "'><img src=x onerror=alert(1)>.png",
  "javascript:alert(1).png",
  "&lt;script&gt;.png",
];

/**
 * The site's own scripts, by the page types that load them: /js/preferences.js on every page, /js/search.js and /js/search-person.js on
 * the search page, /js/highlight.js, /js/article-tools.js and /js/cite.js on articles, /js/scan.js with a 版's scan, /js/calendar-today.js
 * on a year's calendars, /js/date-jump.js on the home and archive pages.
 */
const OWN_SCRIPTS = new Set([
  "/js/preferences.js",
  "/js/search.js",
  "/js/search-person.js",
  "/js/highlight.js",
  "/js/article-tools.js",
  "/js/cite.js",
  "/js/scan.js",
  "/js/calendar-today.js",
  "/js/date-jump.js",
]);

/** Elements content must never produce; the site's own forms, links and metas are allowed by the checks below. */
const FORBIDDEN_ELEMENTS = [
  "iframe",
  "frame",
  "frameset",
  "object",
  "embed",
  "applet",
  "svg",
  "math",
  "base",
  "style",
  "template",
  "video",
  "audio",
  "track",
  "details",
];

/** Attributes whose value is an address a browser may load or follow. */
const URL_ATTRIBUTES = ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "cite", "srcset", "ping"];

/** Addresses that run code or carry a document: after the whitespace and control characters browsers ignore are removed. */
const SCRIPT_ADDRESS = /^(javascript|vbscript|data):/i;

/** Metas the layout writes: charset, viewport, the CSP, color-scheme, robots, description, the /no/ pages' refresh, the Open Graph and Twitter card fields, and the citation_* tags reference managers read. */
const OWN_METAS =
  /^(charset|viewport|color-scheme|robots|description|http-equiv:content-security-policy|http-equiv:refresh|og:[a-z_:]+|article:[a-z_]+|twitter:[a-z:]+|citation_[a-z_]+|DC\.type|prism\.publicationName)$/;

/** Metas whose content is an address: it must be on the site. */
const ADDRESS_METAS = new Set(["og:url", "og:image", "og:image:url", "og:image:secure_url", "twitter:image", "citation_public_url", "citation_pdf_url"]);

/** The citation files beside each article, which its page links to as alternates. */
const CITATION_FILE = /^\/\d{4}\/\d{2}\/\d{2}\/\d+\/\d+\/cite\.(ris|bib|json)$/;

/** The open data pages announce as alternates (docs/API.md): the feeds, an issue's JSON and its IIIF manifest. */
const OPEN_DATA_FILE = /^\/(feeds\/(issues|articles)\.xml|api\/v1\/issues\/\d{4}-\d{2}-\d{2}\.json|iiif\/\d{4}-\d{2}-\d{2}\/manifest\.json)$/;

/** The address the hostile archive is published at (baoku.config.json's site.baseUrl). */
const BASE_URL = "http://localhost:8080/";

/** The meta a search record carries (build/search-records.ts): its date and issue number, its articles (a), and the title Pagefind takes itself. */
const OWN_SEARCH_META = new Set(["title", "date", "issue", "a"]);

/** A payload in a Markdown image title: backslashes and quotes escaped. */
function quoted(text: string): string {
  return `"${text.replace(/[\\"]/g, (character) => `\\${character}`)}"`;
}

function frontMatter(date: string, number: number, pages: number, extra: Record<string, string>): string {
  const fields = Object.entries(extra).map(([name, value]) => `${name}: ${JSON.stringify(value)}`);
  return [
    "---",
    `issue: ${number}`,
    `date: ${date}`,
    `lunar: ${lunarDateOf(date)}`,
    `weekday: ${weekdayOf(date)}`,
    `pages: ${pages}`,
    ...fields,
    "---",
    "",
  ].join("\n");
}

/** One 版 with one article, with `payload` in the page name, title, every label, dateline, body, caption, credit and byline. */
function hostilePage(number: number, payload: string): string {
  return [
    `# 第${number}版 版名${payload}`,
    "",
    `## 标题${payload}`,
    `引题：引题${payload}`,
    `副题：副题${payload}`,
    `栏目：栏目${payload}`,
    "",
    `东昌府讯 10月28日，正文${payload}结束。`,
    "",
    `第二段 ${payload} [链接文字${payload}](https://example.org/?q=${encodeURIComponent(payload)}) **加粗${payload}**`,
    "",
    `![说明${payload}](photo.png ${quoted(`融媒体 摄影${payload} 摄`)})`,
    "",
    `（融媒体 记者${payload}）`,
    "",
  ].join("\n");
}

/** Markdown constructs that must render safely: code, lists, tables, footnotes, comments, autolinks and the links that are allowed. */
const MARKDOWN_EDGES = [
  "# 第1版 杂项",
  "",
  "## 代码与列表",
  "",
  "正文 `<script>alert(1)</script>` 行内代码。",
  "",
  "```html",
  "<script>alert(1)</script>",
  "</code></pre><script>alert(1)</script>",
  "```",
  "",
  "    <img src=x onerror=alert(1)>",
  "",
  "- 一级 <b onclick=alert(1)>粗</b>",
  "  - 二级 <i onmouseover=alert(1)>斜</i>",
  '    1. 三级 [ok](https://example.org/a?b=<c>&d="e")',
  "",
  "| 表头 | <script>alert(1)</script> |",
  "| --- | --- |",
  "| 单元 | <img src=x onerror=alert(1)> |",
  "",
  "脚注[^1] <!-- 注释 <script>alert(1)</script> -->",
  "",
  "[^1]: 脚注内容 <svg onload=alert(1)>",
  "",
  '<div onclick="alert(1)">',
  "块级 HTML",
  "</div>",
  "",
  "> 引用 <script>alert(1)</script>",
  "",
  '邮件 <mailto:dcsx2005@sina.com> 与 <https://example.org/> 以及 [上一期](../../../../10/31/ "\\" onmouseover=alert(1)") 和 [锚点](#top)',
  "",
  // U+2028 and U+2029 end a line in older JavaScript, so JSON in a script element must escape them.
  "## 分行\u2028分段\u2029标题",
  "",
  "正文。",
  "",
].join("\n");

let workDir: string;
let contentRoot: string;
let siteDir: string;

/** Writes the hostile archive: one issue with every payload everywhere, one with hostile image file names, one with Markdown edge cases. */
async function writeHostileArchive(root: string): Promise<void> {
  await mkdir(root, { recursive: true });
  await copyFile(path.join(projectRoot, "baoku.config.json"), path.join(root, "baoku.config.json"));
  const png = await sharp({ create: { width: 4, height: 3, channels: 3, background: "#888888" } })
    .png()
    .toBuffer();
  const yearDir = path.join(root, "issues", "2022");

  const first = "2022-11-01";
  await mkdir(path.join(yearDir, first), { recursive: true });
  await writeFile(path.join(yearDir, first, "photo.png"), png);
  await writeFile(path.join(yearDir, first, "page-1.png"), png);
  await writeFile(
    path.join(yearDir, `${first}.md`),
    `${frontMatter(first, 1480, PAYLOADS.length, { editor: `编辑${PAYLOADS[0]}`, note: `说明${PAYLOADS[13]}` })}\n${PAYLOADS.map((payload, index) => hostilePage(index + 1, payload)).join("\n")}`,
  );

  const second = "2022-11-02";
  await mkdir(path.join(yearDir, second), { recursive: true });
  const photos = await Promise.all(
    HOSTILE_FILE_NAMES.map(async (name, index) => {
      await writeFile(path.join(yearDir, second, name), png);
      return `![文件名${index}](./${encodeURIComponent(name)} "融媒体 张三 摄")\n`;
    }),
  );
  await writeFile(
    path.join(yearDir, `${second}.md`),
    `${frontMatter(second, 1481, 1, { editor: `编辑${PAYLOADS[15]}`, note: `说明${PAYLOADS[17]}` })}\n# 第1版 图片\n\n## 文件名\n\n${photos.join("\n")}\n正文。\n`,
  );

  const third = "2022-11-03";
  await writeFile(path.join(yearDir, `${third}.md`), `${frontMatter(third, 1482, 1, { editor: PAYLOADS[19]!, note: PAYLOADS[20]! })}\n${MARKDOWN_EDGES}`);
}

before(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), "baoku-hostile-"));
  contentRoot = path.join(workDir, "content");
  siteDir = path.join(workDir, "_site");
  await writeHostileArchive(contentRoot);
  const result = await buildSite({ renderPool: testRenderPool(), contentRoot, outputDir: siteDir });
  assert.ok(result.ok, `the hostile archive should build:\n${report(result.problems)}`);
});

after(async () => {
  await rm(workDir, { recursive: true, force: true });
});

/** Every HTML file of the built site, relative to it. */
async function htmlFiles(): Promise<string[]> {
  return (await readdir(siteDir, { recursive: true })).filter((file) => file.endsWith(".html")).sort();
}

/** The problems with one page, parsed: scripts not the site's own, handler attributes, script addresses, forbidden elements, metas and links not the layout's. */
function unsafeParts(file: string, html: string): string[] {
  const found: string[] = [];
  const document = parse(html, { comment: false });
  const scripts = document.querySelectorAll("script");
  for (const script of scripts) {
    const src = script.getAttribute("src");
    const isJsonLd = script.getAttribute("type") === "application/ld+json" && !script.rawText.includes("<") && isJson(script.rawText);
    if (!isJsonLd && !(src && OWN_SCRIPTS.has(src) && script.rawText.trim() === "")) found.push(`${file}: script ${script.outerHTML.slice(0, 80)}`);
  }
  // The raw text as well: a breakout a lenient parser misses would still show as a second <script.
  const rawScriptTags = html.match(/<script\b/gi)?.length ?? 0;
  if (rawScriptTags !== scripts.length) found.push(`${file}: ${rawScriptTags} <script in the text but ${scripts.length} script elements`);
  if (document.querySelectorAll("title").length !== 1) found.push(`${file}: ${document.querySelectorAll("title").length} title elements`);
  for (const element of document.querySelectorAll("*")) {
    const tag = element.tagName.toLowerCase();
    // The search page's own fold for its filters is the one <details> the layout writes.
    const isOwnFold = tag === "details" && file === "search/index.html" && element.hasAttribute("data-search-refine");
    if (FORBIDDEN_ELEMENTS.includes(tag) && !isOwnFold) found.push(`${file}: <${tag}>`);
    for (const [name, value] of Object.entries(element.attributes)) {
      const attribute = name.toLowerCase();
      if (attribute.startsWith("on")) found.push(`${file}: handler ${attribute}="${value}" on <${tag}>`);
      if (attribute === "style") found.push(`${file}: style="${value}" on <${tag}>`);
      const addresses = attribute === "srcset" ? value.split(",").map((candidate) => candidate.trim().split(/\s+/)[0] ?? "") : [value];
      // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers drop control characters from an address, so the test does too
      if (URL_ATTRIBUTES.includes(attribute) && addresses.some((address) => SCRIPT_ADDRESS.test(address.replace(/[\u0000-\u0020]+/g, ""))))
        found.push(`${file}: ${attribute}="${value}" on <${tag}>`);
    }
    if (tag === "source" && element.parentNode?.tagName !== "PICTURE") found.push(`${file}: <source> outside <picture>`);
    if (tag === "meta") {
      const kind =
        element.getAttribute("charset") !== undefined
          ? "charset"
          : element.getAttribute("http-equiv")
            ? `http-equiv:${element.getAttribute("http-equiv")!.toLowerCase()}`
            : (element.getAttribute("property") ?? element.getAttribute("name") ?? "");
      const content = element.getAttribute("content") ?? "";
      if (!OWN_METAS.test(kind)) found.push(`${file}: meta ${element.outerHTML}`);
      if (kind === "http-equiv:refresh" && !/^0; url=\/\d{4}\/\d{2}\/\d{2}\/$/.test(content)) found.push(`${file}: refresh ${element.outerHTML}`);
      if (ADDRESS_METAS.has(kind) && !content.startsWith(BASE_URL)) found.push(`${file}: ${kind} is not on the site: ${content}`);
    }
    const alternate = element.getAttribute("rel") === "alternate" ? (element.getAttribute("href") ?? "") : "";
    const isOwnAlternate = CITATION_FILE.test(alternate) || OPEN_DATA_FILE.test(alternate);
    if (tag === "link" && !["canonical", "icon", "stylesheet"].includes(element.getAttribute("rel") ?? "") && !isOwnAlternate)
      found.push(`${file}: link ${element.outerHTML}`);
    // The site's own forms: search, and 按日期查找 on the home and archive pages.
    if (tag === "form" && !["/search/", "/archive/"].includes(element.getAttribute("action") ?? ""))
      found.push(`${file}: form ${element.outerHTML.slice(0, 80)}`);
  }
  return found;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

test("should hold at least 30 payloads, each put in every field an editor writes", () => {
  assert.ok(PAYLOADS.length >= 30, `${PAYLOADS.length} payloads`);
});

test("should write no script, event handler, script address or foreign element on any page, beyond the site's own", async () => {
  const files = await htmlFiles();
  assert.match(
    await readFile(path.join(siteDir, "2022/11/01/1/index.html"), "utf8"),
    /<script type="module" src="\/js\/scan\.js">/,
    "the scan's script is among those checked",
  );
  assert.ok(files.length > PAYLOADS.length * 2, `every 版 and article should be a page; found ${files.length} pages`);
  const found: string[] = [];
  for (const file of files) found.push(...unsafeParts(file, await readFile(path.join(siteDir, file), "utf8")));
  assert.deepEqual(found, []);
});

test("should show each payload as text in the title, headings, labels, caption and credit, so the reader sees what the editor wrote", async () => {
  const payload = "</title><script>alert(1)</script>";
  const index = PAYLOADS.indexOf(payload) + 1;
  const html = await readFile(path.join(siteDir, `2022/11/01/${index}/1/index.html`), "utf8");
  const document = parse(html);
  // Raw HTML is removed from titles and labels (as from bodies); entities that spell markup come through as the characters they spell.
  assert.equal(document.querySelector("title")?.textContent.startsWith("标题alert(1) - 2022年11月1日"), true, document.querySelector("title")?.textContent);
  const entityPage = parse(
    await readFile(path.join(siteDir, `2022/11/01/${PAYLOADS.indexOf("&lt;script&gt;alert(1)&lt;/script&gt;") + 1}/1/index.html`), "utf8"),
  );
  assert.equal(entityPage.querySelector("h1")?.textContent, "标题<script>alert(1)</script>");
  assert.match(entityPage.querySelector("title")?.innerHTML ?? "", /^标题&lt;script&gt;alert\(1\)&lt;\/script&gt; - /);
  assert.equal(entityPage.querySelector(".kicker")?.textContent, "引题<script>alert(1)</script>");
  const quotePage = parse(await readFile(path.join(siteDir, `2022/11/01/${PAYLOADS.indexOf('" onmouseover="alert(1)') + 1}/1/index.html`), "utf8"));
  const image = quotePage.querySelector("figure img");
  assert.equal(image?.getAttribute("alt"), '说明" onmouseover="alert(1)', "the caption stays inside alt");
  assert.equal(image?.getAttribute("onmouseover"), undefined);
  assert.match(quotePage.querySelector(".photo-credit")?.textContent ?? "", /摄影" onmouseover="alert\(1\)/);
});

test("should not evaluate template syntax written in content", async () => {
  const index = PAYLOADS.findIndex((payload) => payload.startsWith("{{ 7*7 }}")) + 1;
  const html = await readFile(path.join(siteDir, `2022/11/01/${index}/1/index.html`), "utf8");
  assert.match(parse(html).querySelector("h1")?.textContent ?? "", /^标题\{\{ 7\*7 \}\}\{% raw %\}\{\{ constructor/);
});

test("should keep search metadata to the records' own keys, with the values written in the pages", async () => {
  const searchDir = path.join(siteDir, "pagefind");
  const fragments = (await readdir(searchDir, { recursive: true })).filter((file) => /^[^/]+\/fragment\/[^/]+$/.test(file));
  const problems: string[] = [];
  let articles = 0;
  for (const file of fragments) {
    const record = JSON.parse(
      gunzipSync(await readFile(path.join(searchDir, file)))
        .toString("utf8")
        .replace(/^pagefind_dcd/, ""),
    ) as { url: string; meta: Record<string, string> };
    for (const [key, value] of Object.entries(record.meta)) {
      if (!OWN_SEARCH_META.has(key)) problems.push(`${record.url}: meta key ${key}=${value}`);
    }
    if (!/^\/\d{4}\/\d{2}\/\d{2}\/$/.test(record.url)) problems.push(`${record.url}: url`);
    // Each article of the issue, as the search page shows it: [anchor, title, kicker, subtitle, 版, reporters], all as the page prints them.
    for (const [id, title, kicker, subtitle, pageLabel] of JSON.parse(record.meta.a ?? "[]") as string[][]) {
      articles++;
      const address = `/${(id ?? "").split("-").join("/")}/`;
      if (!/^\/\d{4}\/\d{2}\/\d{2}\/\d+\/\d+\/$/.test(address)) problems.push(`${record.url}: article ${id}`);
      const page = parse(await readFile(path.join(siteDir, address, "index.html"), "utf8"));
      if (title !== page.querySelector("h1")?.textContent) problems.push(`${address}: title ${title}`);
      if ((kicker ?? "") !== (page.querySelector(".article-header .kicker")?.textContent ?? "")) problems.push(`${address}: kicker ${kicker}`);
      if ((subtitle ?? "") !== (page.querySelector(".article-header .subtitle")?.textContent ?? "")) problems.push(`${address}: subtitle ${subtitle}`);
      if (!/^第\d+版/.test(pageLabel ?? "")) problems.push(`${address}: page ${pageLabel}`);
    }
  }
  assert.ok(articles >= PAYLOADS.length, `${articles} articles in the search records`);
  assert.deepEqual(problems, []);
});

test("should write no markup into feeds or other text files: XML escaped, JSON with < > & as escapes, every address on the site", async () => {
  const files = (await readdir(siteDir, { recursive: true })).filter(
    (file) => /\.(xml|json|jsonl|txt|webmanifest)$/.test(file) && !file.startsWith("pagefind") && !CITATION_FILE.test(`/${file}`),
  );
  assert.ok(
    files.some((file) => file.startsWith("api/v1/issues/")) && files.some((file) => file.startsWith("feeds/")),
    "the open data is among the files checked",
  );
  const problems: string[] = [];
  /** Every address-like string in parsed JSON: http(s) ones must be on the site; none may run code. */
  const checkAddresses = (file: string, value: unknown, key = ""): void => {
    if (typeof value === "string") {
      if (
        /^(url|json|id|bulk|iiif|pdf|canvas|issue|first|newest|\$id|\$schema)$/.test(key) &&
        !value.startsWith(BASE_URL) &&
        !value.startsWith("http://iiif.io/") &&
        !value.startsWith("https://json-schema.org/")
      )
        problems.push(`${file}: ${key} ${value}`);
    } else if (Array.isArray(value)) for (const item of value) checkAddresses(file, item, key);
    else if (value && typeof value === "object") for (const [name, item] of Object.entries(value)) checkAddresses(file, item, name);
  };
  for (const file of files) {
    const text = await readFile(path.join(siteDir, file), "utf8");
    if (/\.jsonl?$/.test(file)) {
      if (/[<>&]/.test(text)) problems.push(`${file}: < > & written as they are`);
      for (const record of file.endsWith(".jsonl") ? text.split("\n").filter(Boolean) : [text]) checkAddresses(file, JSON.parse(record));
    } else if (file.endsWith(".xml")) {
      // Content is text in XML, escaped: the only elements are the format's own, and every address is the site's.
      const tags = new Set([...text.matchAll(/<([A-Za-z][\w:-]*)/g)].map((match) => match[1]!));
      for (const tag of tags)
        if (!/^(feed|title|id|link|updated|author|name|entry|summary|sitemapindex|sitemap|urlset|url|loc|lastmod)$/.test(tag))
          problems.push(`${file}: <${tag}>`);
      for (const [, address] of text.matchAll(/(?:href="|<loc>|<id>)([^"<]*)/g)) if (!address!.startsWith(BASE_URL)) problems.push(`${file}: ${address}`);
    } else {
      assert.doesNotMatch(text, /<script|javascript:|\bon[a-z]+=/i, file);
    }
  }
  assert.deepEqual(problems, []);
});

test("should write citation files that hold each field as data, on one line, with the title as the page shows it and every address on the site", async () => {
  const files = (await readdir(siteDir, { recursive: true })).filter((file) => CITATION_FILE.test(`/${file}`));
  assert.ok(files.length >= PAYLOADS.length * 3, `${files.length} citation files`);
  for (const file of files.filter((name) => name.endsWith(".json"))) {
    const [item] = JSON.parse(await readFile(path.join(siteDir, file), "utf8")) as { title: string; URL: string }[];
    const page = parse(await readFile(path.join(siteDir, path.dirname(file), "index.html"), "utf8"));
    assert.equal(item?.title, page.querySelector("h1")?.textContent, `${file}: the title as the page shows it`);
    assert.ok(item?.URL.startsWith(BASE_URL), `${file}: ${item?.URL}`);
  }
  for (const file of files.filter((name) => !name.endsWith(".json"))) {
    const text = await readFile(path.join(siteDir, file), "utf8");
    const addresses = file.endsWith(".ris")
      ? [...text.matchAll(/^(?:UR|L1) {2}- (.*)\r$/gm)].map((match) => match[1]!)
      : [...text.matchAll(/^ {2}url = \{(.*)\},$/gm)].map((match) => match[1]!);
    assert.ok(addresses.length > 0 && addresses.every((address) => address.startsWith(BASE_URL)), `${file}: ${addresses.join(" ")}`);
    if (file.endsWith(".ris"))
      assert.ok(
        text
          .split("\r\n")
          .slice(0, -1)
          .every((line) => /^[A-Z][A-Z0-9] {2}- /.test(line)),
        `${file}: a tag on every line`,
      );
    else
      assert.ok(
        text
          .split("\n")
          .slice(1, -2)
          .every((line) => /^ {2}[a-z]+ = \{.*\},$/.test(line)),
        `${file}: a field on every line`,
      );
  }
});

test("should write schema.org data that no title can break out of: < > & and U+2028/2029 escaped, the same data once parsed", async () => {
  const pages = [
    ...["&lt;script&gt;alert(1)&lt;/script&gt;", "&#x3C;svg onload=alert(1)&#x3E;"].map((payload) => `2022/11/01/${PAYLOADS.indexOf(payload) + 1}/1/`),
    "2022/11/03/1/2/",
  ];
  for (const payload of pages) {
    const html = await readFile(path.join(siteDir, payload, "index.html"), "utf8");
    const title = parse(html).querySelector("h1")?.textContent ?? "";
    const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
    assert.equal(blocks.length, 1, payload);
    assert.doesNotMatch(blocks[0]!, /[<>&\u2028\u2029]/, payload);
    const data = JSON.parse(blocks[0]!) as { "@type": string; headline: string; isPartOf: { "@type": string; isPartOf: { "@type": string } } };
    assert.deepEqual([data["@type"], data.isPartOf["@type"], data.isPartOf.isPartOf["@type"]], ["NewsArticle", "PublicationIssue", "Periodical"]);
    assert.equal(data.headline, title, `${payload}: the headline as the page shows it`);
    assert.match(title, /[<\u2028]/u, `${payload}: the title does hold what must be escaped`);
  }
});

/** A content root with one issue whose every link or image is one that must be refused. */
async function rejectedArchive(root: string, outsideImage: string): Promise<void> {
  const date = "2022-11-01";
  const folder = path.join(root, "issues", "2022", date);
  await mkdir(folder, { recursive: true });
  await copyFile(path.join(projectRoot, "baoku.config.json"), path.join(root, "baoku.config.json"));
  await symlink(outsideImage, path.join(folder, "linked.png"));
  const lines = [
    "# 第1版 要闻",
    "",
    "## 不安全的链接",
    "",
    "[点我](javascript:alert(1))",
    "",
    "[点我](JaVaScRiPt:alert(1))",
    "",
    "[点我](java%0Ascript:alert(1))",
    "",
    "[点我](&#106;avascript:alert(1))",
    "",
    "[点我](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "",
    "[点我](vbscript:msgbox(1))",
    "",
    "<javascript:alert(1)>",
    "",
    "[引用][坏]",
    "",
    "[坏]: javascript:alert(1)",
    "",
    "[上上级](../../../../../../etc/passwd)",
    "",
    "[编码的点](%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd)",
    "",
    "[绝对路径](/etc/passwd)",
    "",
    "[无协议](//evil.example/)",
    "",
    "![数据图](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "",
    "![脚本图](javascript:alert(1))",
    "",
    "![编码的点](%2e%2e/%2e%2e/secret.png)",
    "",
    "![符号链接](linked.png)",
    "",
  ];
  await writeFile(path.join(root, "issues", "2022", `${date}.md`), `${frontMatter(date, 1480, 1, {})}\n${lines.join("\n")}`);
}

test("should refuse script addresses and paths out of the archive in links and images, each with file and line, before building", async () => {
  const root = path.join(workDir, "rejected");
  const outsideImage = path.join(workDir, "outside.png");
  await writeFile(
    outsideImage,
    await sharp({ create: { width: 2, height: 2, channels: 3, background: "#000" } })
      .png()
      .toBuffer(),
  );
  await rejectedArchive(root, outsideImage);
  const archive = await loadArchive(root);
  const found = archive.problems.filter((problem) => problem.severity === "error").map((problem) => `${problem.line} ${problem.kind}`);
  const frontMatterLines = 8;
  const at = (bodyLine: number, kind: string) => `${bodyLine + frontMatterLines} ${kind}`;
  assert.deepEqual(
    found.sort(),
    [
      at(5, "UnsafeLink"),
      at(7, "UnsafeLink"),
      at(9, "UnsafeLink"),
      at(11, "UnsafeLink"),
      at(13, "UnsafeLink"),
      at(15, "UnsafeLink"),
      at(17, "UnsafeLink"),
      at(21, "UnsafeLink"),
      at(23, "LinkOutsideArchive"),
      at(25, "LinkOutsideArchive"),
      at(27, "LinkOutsideArchive"),
      at(29, "LinkOutsideArchive"),
      at(31, "ImagePathOutsideIssue"),
      at(33, "ImagePathOutsideIssue"),
      at(35, "ImagePathOutsideIssue"),
      at(37, "ImagePathOutsideIssue"),
    ].sort(),
    formatProblems(archive.problems, "en"),
  );
  const report = formatProblems(archive.problems, "en");
  assert.match(
    report,
    /^error issues\/2022\/2022-11-01\.md:13 link: The link “javascript:alert\(1\)” is a javascript: address; links may only be web \(http, https\) or mail \(mailto\) addresses\./m,
  );
  assert.match(report, /^error issues\/2022\/2022-11-01\.md:45 image: The image linked\.png is a link to a file outside the issue's folder\./m);

  const outputDir = path.join(workDir, "rejected-site");
  const result = await buildSite({ renderPool: testRenderPool(), contentRoot: root, outputDir });
  assert.equal(result.ok, false);
  assert.deepEqual(await readdir(workDir).then((names) => names.filter((name) => name.startsWith("rejected-site"))), [], "nothing is written");
});

test("should drop script and data addresses in rendering too, should a link ever get past the checks", () => {
  const parser = unified().use(remarkParse);
  for (const markdown of [
    "[x](javascript:alert(1))",
    "[x](data:text/html,<script>alert(1)</script>)",
    "![x](data:image/svg+xml,<svg onload=alert(1)>)",
    "[x](vbscript:msgbox(1))",
    "<javascript:alert(1)>",
  ]) {
    const html = renderBodyHtml(parser.parse(markdown).children);
    assert.doesNotMatch(html, /href="(javascript|data|vbscript):|src="data:|<svg|onload/i, `${markdown} → ${html}`);
  }
});
