// The open data a build writes beside the pages: Atom feeds, sitemaps and robots.txt, the JSON API with its schemas, the bulk text and
// the IIIF manifests, checked as their readers read them (xmllint, a JSON Schema validator, a IIIF parser), and rewritten only where a
// new issue changes them.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "node-html-parser";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { normalize } from "@iiif/parser";
import { presentation3StrictUpgrade } from "@iiif/parser/strict";
import type { Manifest } from "@iiif/presentation-3";
import { buildSite } from "../src/build/build.ts";
import { testRenderPool } from "./helpers/render-pool.ts";
import { lunarDateOf } from "../src/content/calendar.ts";
import { API_SCHEMAS, type IssueJson } from "../src/site/open-data-schema.ts";
import { escapeXml, sitemapNames, splitSitemap, SITEMAP_LIMIT } from "../src/site/sitemaps.ts";
import { makeImageArchive } from "./helpers/image-archive.ts";
import { report } from "./helpers/report.ts";

const BASE = "http://localhost:8080/";
/** A title no XML or HTML may carry as it is. */
const HOSTILE = `A & B <粗> "引" 'x' ]]> -->`;

let workDir: string;
let contentRoot: string;
let siteDir: string;
let cacheDir: string;

function issueText(number: number, date: string, title: string): string {
  return `---\nissue: ${number}\ndate: ${date}\nlunar: ${lunarDateOf(date)}\npages: 2\n---\n\n# 第1版 要闻\n\n## ${title}\n引题：<i>${HOSTILE}</i>\n\n东昌府讯 ${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日，**会议**强调 <script>alert(1)</script> 要 [落实](https://example.org/?a=1&b=2)。\n\n第二段。\n\n(融媒体 郭龙君 通讯员 李晓)\n`;
}

async function build(): Promise<void> {
  const result = await buildSite({ renderPool: testRenderPool(), contentRoot, outputDir: siteDir, cacheDir });
  assert.ok(result.ok, report(result.problems));
}

before(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), "baoku-open-data-"));
  contentRoot = await makeImageArchive(path.join(workDir, "content"));
  siteDir = path.join(workDir, "site");
  cacheDir = path.join(workDir, "cache");
  await writeFile(path.join(contentRoot, "issues/2022/2022-12-01.md"), issueText(1482, "2022-12-01", HOSTILE));
  await build();
});

after(async () => {
  await rm(workDir, { recursive: true, force: true });
});

const read = (file: string) => readFile(path.join(siteDir, file), "utf8");
const readJson = async <T = Record<string, unknown>>(file: string): Promise<T> => JSON.parse(await read(file)) as T;
/** The file an absolute address of the site is published as. */
const fileOf = (address: string) => {
  const sitePath = decodeURIComponent(new URL(address).pathname);
  return sitePath.endsWith("/") ? `${sitePath.slice(1)}index.html` : sitePath.slice(1);
};

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(path.join(siteDir, folder), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(siteDir, path.join(entry.parentPath, entry.name)))
    .sort();
}

/** xmllint's verdict on a file: well-formed, with the root element and namespace it reports. */
function xmllint(file: string, xpath: string): string {
  return execFileSync("/usr/bin/xmllint", ["--xpath", xpath, path.join(siteDir, file)], { encoding: "utf8" }).trim();
}

test("should split addresses into sitemaps of at most 50,000, named name, name-2, …", () => {
  const entries = Array.from({ length: 2 * SITEMAP_LIMIT + 1 }, (_, index) => index);
  const chunks = splitSitemap("2022", entries);
  assert.deepEqual(
    chunks.map((chunk) => [chunk.name, chunk.entries.length]),
    [
      ["2022", 50_000],
      ["2022-2", 50_000],
      ["2022-3", 1],
    ],
  );
  assert.deepEqual(
    chunks.flatMap((chunk) => chunk.entries),
    entries,
    "every address once, in order",
  );
  assert.deepEqual(sitemapNames("2022", SITEMAP_LIMIT), ["2022"]);
  assert.deepEqual(sitemapNames("2022", SITEMAP_LIMIT + 1), ["2022", "2022-2"]);
  assert.deepEqual(sitemapNames("site", 0), ["site"]);
  assert.equal(escapeXml(`a&b<c>"d"'e'\u0001\uD800`), "a&amp;b&lt;c&gt;&quot;d&quot;&apos;e&apos;");
});

test("should write robots.txt naming the sitemap index, which lists well-formed sitemaps of every reader-facing page once, with lastmod, each in the sitemap's folder", async () => {
  assert.match(await read("robots.txt"), /^Sitemap: http:\/\/localhost:8080\/sitemap\.xml$/m);
  const ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
  assert.equal(xmllint("sitemap.xml", "namespace-uri(/*)"), ns);
  assert.equal(xmllint("sitemap.xml", "local-name(/*)"), "sitemapindex");
  const sitemaps = parse(await read("sitemap.xml"))
    .querySelectorAll("loc")
    .map((loc) => loc.textContent);
  assert.deepEqual(sitemaps, [`${BASE}sitemap-site.xml`, `${BASE}sitemap-2022.xml`]);
  const listed: string[] = [];
  for (const sitemap of sitemaps) {
    const file = fileOf(sitemap);
    assert.equal(xmllint(file, "namespace-uri(/*)"), ns, file);
    assert.equal(xmllint(file, "local-name(/*)"), "urlset", file);
    const urls = parse(await read(file)).querySelectorAll("url");
    assert.ok(urls.length <= SITEMAP_LIMIT);
    // sitemaps.org: a sitemap may list only addresses in its own folder and below; crawlers ignore the rest.
    const folder = new URL("./", sitemap).href;
    for (const url of urls) {
      listed.push(url.querySelector("loc")!.textContent);
      assert.ok(
        url.querySelector("loc")!.textContent.startsWith(folder),
        `${url.querySelector("loc")!.textContent} is outside ${folder}, the folder of ${sitemap}`,
      );
      assert.match(url.querySelector("lastmod")?.textContent ?? "", /^\d{4}-\d{2}-\d{2}$/, url.toString());
    }
  }
  assert.equal(new Set(listed).size, listed.length, "each page once");
  // Reader-facing: every page but the 404 and the /no/ addresses, which only lead to an issue's page.
  const pages = (await filesUnder("."))
    .filter((file) => file.endsWith("index.html") && !file.startsWith("no/"))
    .map((file) => `${BASE}${file.replace(/index\.html$/, "")}`);
  assert.deepEqual([...listed].sort(), pages.sort());
  assert.ok(listed.includes(`${BASE}2022/11/02/1/2/`) && listed.includes(`${BASE}people/guo-longjun/`) && listed.includes(`${BASE}day/11-02/`));
});

test("should write valid Atom feeds of the latest issues and articles, announced by every page, with content escaped", async () => {
  for (const feed of ["feeds/issues.xml", "feeds/articles.xml"]) {
    assert.equal(xmllint(feed, "namespace-uri(/*)"), "http://www.w3.org/2005/Atom", feed);
    const document = parse(await read(feed), { lowerCaseTagName: false });
    for (const field of ["title", "id", "updated", "author"]) assert.ok(document.querySelector(`feed > ${field}`), `${feed} ${field}`);
    const entries = document.querySelectorAll("entry");
    assert.ok(entries.length > 0);
    for (const entry of entries) {
      for (const field of ["title", "id", "updated", "summary"]) assert.ok(entry.querySelector(field)?.textContent, `${feed} entry ${field}`);
      assert.match(entry.querySelector("updated")!.textContent, /^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
      assert.ok(existsSync(path.join(siteDir, fileOf(entry.querySelector('link[rel="alternate"][type="text/html"]')!.getAttribute("href")!))));
    }
  }
  const articles = await read("feeds/articles.xml");
  assert.ok(!articles.includes("<粗>") && articles.includes("A &amp; B &lt;粗&gt;"), "a title is escaped");
  assert.equal(xmllint("feeds/articles.xml", "string(//*[local-name()='entry'][1]/*[local-name()='title'])"), HOSTILE, "and reads back as printed");
  assert.equal(xmllint("feeds/articles.xml", "string(//*[local-name()='entry'][1]/*[local-name()='author'][2])"), "李晓", "the byline's names are its authors");
  assert.equal(xmllint("feeds/issues.xml", "string(//*[local-name()='entry'][1]/*[local-name()='title'])"), "2022年12月1日 总第1482期");
  for (const file of (await filesUnder(".")).filter((name) => name.endsWith(".html"))) {
    const links = parse(await read(file))
      .querySelectorAll('link[rel="alternate"][type="application/atom+xml"]')
      .map((link) => link.getAttribute("href"));
    assert.deepEqual(links, ["/feeds/issues.xml", "/feeds/articles.xml"], file);
  }
});

/** A validator of each kind of API file, from the schemas the site publishes. */
async function validators() {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats.default(ajv);
  const index = await readJson<{ schemas: Record<string, string> }>("api/v1/index.json");
  assert.deepEqual(Object.keys(index.schemas).sort(), Object.keys(API_SCHEMAS).sort());
  const published = await filesUnder("api/v1/schemas");
  assert.deepEqual(published, Object.values(index.schemas).map(fileOf).sort(), "every schema the index names is published, and only those");
  return Object.fromEntries(
    await Promise.all(Object.entries(index.schemas).map(async ([name, address]) => [name, ajv.compile(await readJson(fileOf(address)))])),
  );
}

test("should write JSON API files that each validate against the JSON Schema published beside them", async () => {
  const validate = await validators();
  const kindOf = (file: string) => {
    if (file === "api/v1/index.json") return "index";
    const folder = file.split("/")[2];
    return ({ years: "year", issues: "issue", people: "person", bulk: "bulk-article" } as Record<string, string>)[folder!];
  };
  let checked = 0;
  for (const file of await filesUnder("api/v1")) {
    if (file.startsWith("api/v1/schemas/")) continue;
    const kind = kindOf(file);
    assert.ok(kind, `${file} is a kind of API file`);
    const text = await read(file);
    const records = file.endsWith(".jsonl") ? text.split("\n").filter(Boolean) : [text];
    for (const record of records) {
      const ok = validate[kind]!(JSON.parse(record));
      assert.ok(ok, `${file}: ${JSON.stringify(validate[kind]!.errors)}`);
      checked++;
    }
  }
  // index, 2 issues, a year, 3 people (郭龙君, 李晓, 徐振鑫, 全兴社: 4), 4 bulk lines.
  assert.ok(checked >= 12, `${checked} records checked`);
  // The same records parse with the zod schemas the pipeline builds them from.
  API_SCHEMAS.issue.parse(await readJson("api/v1/issues/2022-11-02.json"));
});

test("should give an issue's JSON everything its page shows, each article with its page's address, and announce it on the page", async () => {
  const issue = await readJson<IssueJson>("api/v1/issues/2022-11-02.json");
  assert.deepEqual([issue.number, issue.date, issue.lunarDate, issue.weekday, issue.printedPageCount], [1481, "2022-11-02", "壬寅年十月初九", "星期三", 4]);
  assert.equal(issue.next?.json, `${BASE}api/v1/issues/2022-12-01.json`);
  assert.deepEqual(
    issue.pages.map((page) => page.label),
    ["第1版 要闻", "第2版 综合"],
  );
  const [first, photoNews] = issue.pages[0]!.articles;
  assert.equal(first!.url, `${BASE}2022/11/02/1/1/`);
  assert.deepEqual(first!.area, { x: 5, y: 4, width: 60, height: 40 });
  assert.deepEqual(first!.dateline, { text: "东昌府讯 11月1日", prefix: "东昌府讯", date: "2022-11-01" });
  assert.deepEqual(
    first!.byline?.reporters.map((person) => [person.name, person.url, person.json]),
    [["郭龙君", `${BASE}people/guo-longjun/`, `${BASE}api/v1/people/guo-longjun.json`]],
  );
  assert.deepEqual(
    first!.photos.map((photo) => [photo.caption, photo.credit, photo.photographers[0]?.name]),
    [
      ["会场", "融媒体 郭龙君 摄", "郭龙君"],
      ["主席台", "融媒体 郭龙君 摄", "郭龙君"],
    ],
  );
  assert.ok(first!.photos.every((photo) => photo.image && existsSync(path.join(siteDir, fileOf(photo.image.url)))));
  assert.equal(first!.text, "区委召开经济工作会议，部署明年重点任务。\n会议强调，要坚持稳中求进工作总基调。");
  assert.equal(photoNews!.isPhotoNews, true);
  assert.equal(issue.pages[0]!.scan?.pdf, `${BASE}2022/11/02/page-1.pdf`);
  assert.ok(existsSync(path.join(siteDir, fileOf(issue.pages[0]!.scan!.image.url))));

  const hostile = (await readJson<IssueJson>("api/v1/issues/2022-12-01.json")).pages[0]!.articles[0]!;
  assert.equal(hostile.title, HOSTILE);
  assert.ok(hostile.kicker?.includes(HOSTILE), "labels are data, kept as printed");
  assert.equal(
    hostile.markdown,
    "**会议**强调 alert(1) 要 [落实](https://example.org/?a=1\\&b=2)。\n\n第二段。",
    "Markdown without the raw HTML the page drops",
  );
  assert.deepEqual(
    hostile.byline?.correspondents.map((person) => person.name),
    ["李晓"],
  );

  const page = parse(await read("2022/11/02/index.html"));
  assert.equal(page.querySelector('link[rel="alternate"][type="application/json"]')?.getAttribute("href"), "/api/v1/issues/2022-11-02.json");
  const iiif = page.querySelector('link[rel="alternate"][type^="application/ld+json"]');
  assert.equal(iiif?.getAttribute("type"), 'application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"');
  assert.equal(iiif?.getAttribute("href"), "/iiif/2022-11-02/manifest.json");
  assert.equal(
    parse(await read("2022/12/01/index.html")).querySelector('link[rel="alternate"][type^="application/ld+json"]'),
    null,
    "no manifest without scans",
  );
});

test("should write a year's issues and its bulk text, every article a line, linked from the API index and 数据与引用", async () => {
  const year = await readJson<{ issues: { date: string; iiif?: string }[]; bulk: string }>("api/v1/years/2022.json");
  assert.deepEqual(
    year.issues.map((issue) => [issue.date, Boolean(issue.iiif)]),
    [
      ["2022-11-02", true],
      ["2022-12-01", false],
    ],
  );
  const lines = (await read(fileOf(year.bulk)))
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { issue: { date: string }; page: { number: number }; number: number; title: string });
  assert.deepEqual(
    lines.map((line) => `${line.issue.date} ${line.page.number}/${line.number}`),
    ["2022-11-02 1/1", "2022-11-02 1/2", "2022-11-02 2/1", "2022-12-01 1/1"],
  );
  const data = parse(await read("data/index.html"));
  assert.ok(
    data.querySelectorAll("a").some((link) => link.getAttribute("href") === "/api/v1/bulk/2022.jsonl"),
    "数据与引用 links the year's bulk text",
  );
});

test("should write IIIF manifests with a canvas a 版 painted by its level-0 scan, a table of contents of a range a 版 and a range an article on its hotspot, and a collection with navDate", async () => {
  const manifest = await readJson<Manifest>("iiif/2022-11-02/manifest.json");
  const warnings: string[] = [];
  presentation3StrictUpgrade(structuredClone(manifest), { warnings });
  assert.deepEqual(warnings, [], "strictly valid Presentation 3");
  const { entities } = normalize(structuredClone(manifest)) as unknown as { entities: Record<"Manifest" | "Canvas", Record<string, unknown>> };
  const root = entities.Manifest[manifest.id] as { items: { id: string }[] };
  const canvases = root.items.map((item) => entities.Canvas[item.id] as { label: Record<string, string[]>; width: number; height: number });
  assert.deepEqual(
    canvases.map((canvas) => [canvas.label["zh-Hans"]![0], canvas.width, canvas.height]),
    [
      ["第1版", 1200, 1700],
      ["第2版", 1000, 1400],
    ],
  );
  type Tree = { label: Record<string, string[]>; items: (Tree | { id: string; type: "Canvas" })[] };
  const [contents, ...others] = manifest.structures! as unknown as Tree[];
  assert.equal(others.length, 0, "one table of contents, which Universal Viewer shows whole");
  assert.deepEqual(contents!.label, { "zh-Hans": ["目录"] });
  const pages = contents!.items as Tree[];
  assert.deepEqual(
    pages.map((page) => page.label["zh-Hans"]![0]),
    ["第1版 要闻", "第2版 综合"],
  );
  const ranges = pages.flatMap((page) => (page.items as Tree[]).map((range) => [range.label["zh-Hans"]![0], (range.items[0] as { id: string }).id]));
  assert.deepEqual(ranges, [
    ["区委召开经济工作会议", `${BASE}iiif/2022-11-02/canvas/1#xywh=60,68,720,680`],
    ["图片新闻", `${BASE}iiif/2022-11-02/canvas/1#xywh=60,850,1080,765`],
    ["社区公益大集开市", `${BASE}iiif/2022-11-02/canvas/2#xywh=100,140,800,560`],
  ]);
  assert.deepEqual(
    manifest.homepage?.map((link) => link.id),
    [`${BASE}2022/11/02/`],
  );
  assert.deepEqual(
    manifest.seeAlso?.map((link) => link.id),
    [`${BASE}api/v1/issues/2022-11-02.json`],
  );
  assert.equal(manifest.navDate, "2022-11-02T00:00:00Z");
  // Each scan's body is a published JPEG, and its image service's info.json and sizes are files of the site.
  for (const canvas of manifest.items) {
    const body = canvas.items![0]!.items![0]!.body as { id: string; service: { id: string }[] };
    assert.ok(existsSync(path.join(siteDir, fileOf(body.id))), body.id);
    const info = await readJson<{ id: string; profile: string; width: number; height: number; sizes: { width: number; height: number }[] }>(
      fileOf(`${body.service[0]!.id}/info.json`),
    );
    assert.equal(info.id, body.service[0]!.id);
    assert.equal(info.profile, "level0");
    for (const size of [...info.sizes.map((each) => `${each.width},${each.height}`), "max"]) {
      assert.ok(existsSync(path.join(siteDir, fileOf(`${info.id}/full/${size}/0/default.jpg`))), `${info.id} ${size}`);
    }
  }
  const collection = await readJson<{ type: string; items: { id: string; type: string; navDate: string }[] }>("iiif/collection.json");
  assert.equal(collection.type, "Collection");
  assert.deepEqual(
    collection.items.map((item) => [item.id, item.type, item.navDate]),
    [[`${BASE}iiif/2022-11-02/manifest.json`, "Manifest", "2022-11-02T00:00:00Z"]],
  );
  normalize(collection);
});

test("should leave other months' API and IIIF files untouched when an issue is added, and list it everywhere", async () => {
  const untouched = ["api/v1/issues/2022-11-02.json", "iiif/2022-11-02/manifest.json", "api/v1/years/2022.json", "api/v1/bulk/2022.jsonl", "sitemap-2022.xml"];
  const inode = async (file: string) => (await stat(path.join(siteDir, file))).ino;
  const before = await Promise.all(untouched.map(inode));
  const lastIssue = await inode("api/v1/issues/2022-12-01.json");
  await mkdir(path.join(contentRoot, "issues/2023"));
  await writeFile(path.join(contentRoot, "issues/2023/2023-01-03.md"), issueText(1483, "2023-01-03", "新年第一期"));
  await build();
  assert.deepEqual(await Promise.all(untouched.map(inode)), before, "the same files of the cache, not written again");
  assert.notEqual(await inode("api/v1/issues/2022-12-01.json"), lastIssue, "the issue before gains its link to the next");
  assert.equal((await readJson<IssueJson>("api/v1/issues/2022-12-01.json")).next?.date, "2023-01-03");
  assert.ok((await read("sitemap.xml")).includes(`${BASE}sitemap-2023.xml`));
  assert.ok((await read("feeds/issues.xml")).includes("2023年1月3日 总第1483期"));
  const index = await readJson<{ issueCount: number; newest: { date: string } }>("api/v1/index.json");
  assert.deepEqual([index.issueCount, index.newest.date], [3, "2023-01-03"]);
});
