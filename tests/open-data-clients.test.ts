// The open data read by clients nobody here wrote, on an archive of the bundled issue (photo news by 徐振鑫 and 张振祥), the image
// archive's 总第1481期 (scans with hotspots) and a 总第1482期 with one scanned 版: Python's urllib.robotparser and feedparser, npm's
// sitemap parser, Zotero's Embedded Metadata and RDF translators (from a checkout named by ZOTERO_TRANSLATORS), jsonld.js with
// schema.org's own context, Ajv against the published schemas, and the table of contents @iiif/helpers makes for Clover.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createReadStream, existsSync } from "node:fs";
import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse, type HTMLElement } from "node-html-parser";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import jsonld from "jsonld";
import type { JsonLdDocument, NodeObject, Options } from "jsonld";
import { Vault } from "@iiif/helpers/vault";
import { parseSitemap, parseSitemapIndex } from "sitemap";
import { rangesToTableOfContentsTree, type RangeTableOfContentsNode } from "@iiif/helpers";
import { buildSite } from "../src/build/build.ts";
import { lunarDateOf } from "../src/content/calendar.ts";
import { projectRoot } from "../src/project.ts";
import { API_SCHEMAS } from "../src/site/open-data-schema.ts";
import { makeImage, makeImageArchive } from "./helpers/image-archive.ts";
import { report } from "./helpers/report.ts";
import { zoteroReading } from "./helpers/zotero-translators.ts";

const BASE = "http://localhost:8080/";
const SCHEMA = "http://schema.org/";
/** Debian's Python, which has python3-feedparser; the python3 on PATH may be another without it. */
const PYTHON = "/usr/bin/python3";
const PHOTO_NEWS = "2022/11/01/1/6/";

const workDir = await mkdtemp(path.join(tmpdir(), "baoku-open-data-clients-"));
const siteDir = path.join(workDir, "site");

before(async () => {
  const contentRoot = await makeImageArchive(path.join(workDir, "content"));
  await copyFile(path.join(projectRoot, "issues/2022/2022-11-01.md"), path.join(contentRoot, "issues/2022/2022-11-01.md"));
  await writeFile(
    path.join(contentRoot, "issues/2022/2022-11-03.md"),
    `---\nissue: 1482\ndate: 2022-11-03\nlunar: ${lunarDateOf("2022-11-03")}\npages: 2\n---\n\n# 第1版 要闻\n\n## 全区秋冬季造林启动\n区域：5,5,90,40\n\n东昌府讯 11月2日，全区秋冬季造林工作启动。\n\n(融媒体 郭龙君)\n\n## 社区开展消防演练\n区域：5,50,90,45\n\n古楼街道开展消防演练。\n\n(融媒体 全兴社)\n`,
  );
  await makeImage(path.join(contentRoot, "issues/2022/2022-11-03/page-1.jpg"), 800, 1100);
  const result = await buildSite({ contentRoot, outputDir: siteDir, cacheDir: path.join(workDir, "cache") });
  assert.ok(result.ok, report(result.problems));
});

after(() => rm(workDir, { recursive: true, force: true }));

const read = (file: string) => readFile(path.join(siteDir, file), "utf8");
const readJson = async <T>(file: string): Promise<T> => JSON.parse(await read(file)) as T;
const open = async (sitePath: string) => parse(await read(`${sitePath}index.html`));
const metas = (page: HTMLElement, name: string) => page.querySelectorAll(`meta[name="${name}"]`).map((meta) => meta.getAttribute("content"));
const jsonLdOf = (page: HTMLElement) =>
  JSON.parse(page.querySelector('script[type="application/ld+json"]')?.rawText ?? "null") as Record<string, unknown> | null;

/** Python's answer, or undefined when Debian's Python or its feedparser is missing (then the test skips, except in CI). */
function python(script: string, ...args: string[]): string | undefined {
  try {
    execFileSync(PYTHON, ["-c", "import feedparser"], { stdio: "ignore" });
  } catch {
    assert.ok(!process.env.CI, `${PYTHON} with python3-feedparser is needed in CI (.ci/run installs it)`);
    return undefined;
  }
  return execFileSync(PYTHON, ["-c", script, ...args], { encoding: "utf8" });
}

test("should have robots.txt name the sitemap index for urllib.robotparser, and every sitemap npm's sitemap parser reads list only addresses in its own folder", async (t) => {
  const robots = python(
    "import sys, urllib.robotparser as r\np = r.RobotFileParser()\np.parse(open(sys.argv[1], encoding='utf-8').read().splitlines())\nprint(*p.site_maps() or [], sep='\\n')",
    path.join(siteDir, "robots.txt"),
  );
  if (robots === undefined) return t.skip(`no python3-feedparser in ${PYTHON}: apt-get install python3-feedparser`);
  assert.deepEqual(robots.trim().split("\n"), [`${BASE}sitemap.xml`]);
  // npm's sitemap reads the index and each sitemap as a crawler's parser does.
  const fileOf = (address: string) => createReadStream(path.join(siteDir, new URL(address).pathname.slice(1)));
  const sitemaps = (await parseSitemapIndex(fileOf(`${BASE}sitemap.xml`))).map((item) => item.url);
  assert.deepEqual(sitemaps, [`${BASE}sitemap-site.xml`, `${BASE}sitemap-2022.xml`]);
  for (const sitemap of sitemaps) {
    const folder = new URL("./", sitemap).href;
    const locs = (await parseSitemap(fileOf(sitemap))).map((item) => item.url);
    assert.ok(locs.length > 0, sitemap);
    assert.deepEqual(
      locs.filter((loc) => !loc.startsWith(folder)),
      [],
      `every address of ${sitemap} is in ${folder}`,
    );
  }
  assert.equal(existsSync(path.join(siteDir, "sitemaps")), false, "the old /sitemaps/ folder is retired");
});

test("should give feedparser well-formed Atom feeds whose photo news names its photographers as authors", async (t) => {
  const script =
    "import sys, json, feedparser\nd = feedparser.parse(sys.argv[1])\nprint(json.dumps({'bozo': bool(d.bozo), 'problem': str(d.get('bozo_exception', '')), 'version': d.version, 'entries': [{'link': e.link, 'title': e.title, 'authors': [a.get('name') for a in e.get('authors', [])], 'updated': e.updated} for e in d.entries]}))";
  const out = python(script, path.join(siteDir, "feeds/articles.xml"));
  if (out === undefined) return t.skip(`no python3-feedparser in ${PYTHON}: apt-get install python3-feedparser`);
  const feed = JSON.parse(out) as {
    bozo: boolean;
    problem: string;
    version: string;
    entries: { link: string; title: string; authors: string[]; updated: string }[];
  };
  assert.equal(feed.bozo, false, `well-formed: ${feed.problem}`);
  assert.equal(feed.version, "atom10");
  const photoNews = feed.entries.find((entry) => entry.link === `${BASE}${PHOTO_NEWS}`);
  assert.deepEqual(photoNews?.authors, ["徐振鑫", "张振祥"]);
  assert.equal(photoNews?.title, "图片新闻");
  const issues = JSON.parse(python(script, path.join(siteDir, "feeds/issues.xml"))!) as typeof feed;
  assert.equal(issues.bozo, false, issues.problem);
  assert.deepEqual(
    issues.entries.map((entry) => entry.link),
    [`${BASE}2022/11/03/`, `${BASE}2022/11/02/`, `${BASE}2022/11/01/`],
  );
});

test("should tell Zotero and Google Scholar an article is a newspaper article by its tags: no citation_journal_title, DC.type and the paper", async () => {
  for (const article of ["2022/11/01/1/1/", PHOTO_NEWS, "2022/11/03/1/2/"]) {
    const page = await open(article);
    assert.deepEqual(metas(page, "citation_journal_title"), [], `${article}: Zotero takes citation_journal_title for a journal article`);
    assert.deepEqual(metas(page, "DC.type"), ["newspaperArticle"], article);
    assert.deepEqual(metas(page, "prism.publicationName"), ["东昌府讯"], article);
    assert.equal(metas(page, "citation_title").length, 1, `${article}: Google Scholar's title`);
    assert.match(metas(page, "citation_publication_date")[0] ?? "", /^\d{4}\/\d{2}\/\d{2}$/, article);
    assert.ok(metas(page, "citation_author").length > 0, `${article}: Google Scholar wants an author`);
  }
  const issuePage = await open("2022/11/01/");
  assert.deepEqual([...metas(issuePage, "DC.type"), ...metas(issuePage, "citation_title")], [], "an issue page is no article");
});

test("should have Zotero's own Embedded Metadata translator save an article as newspaperArticle and an issue page as a web page", async (t) => {
  const checkout = process.env.ZOTERO_TRANSLATORS;
  if (!checkout) return t.skip("ZOTERO_TRANSLATORS is not set to a checkout of zotero/translators: Zotero's type detection not run");
  const read_ = async (sitePath: string, change = (html: string) => html) =>
    zoteroReading(checkout, change(await read(`${sitePath}index.html`)), `${BASE}${sitePath}`);
  const typeOf = async (sitePath: string, change?: (html: string) => string) => (await read_(sitePath, change)).itemType;
  assert.equal(await typeOf("2022/11/01/1/1/"), "newspaperArticle");
  assert.equal(await typeOf(PHOTO_NEWS), "newspaperArticle");
  assert.equal(await typeOf("2022/11/02/1/1/"), "newspaperArticle");
  assert.equal(await typeOf("2022/11/01/"), "webpage");
  // The item it saves: the import's fields from the page's tags, the authors from citation_author and the 版 from citation_firstpage.
  const saved = async (sitePath: string) => {
    const { fields } = await read_(sitePath);
    const { itemType, title, publicationTitle, date, section, pages, language, url, creators } = fields;
    return { itemType, title, publicationTitle, date, section, pages, language, url, creators };
  };
  const author = (lastName: string) => ({ firstName: "", lastName, creatorType: "author" });
  assert.deepEqual(await saved("2022/11/02/1/1/"), {
    itemType: "newspaperArticle",
    title: "区委召开经济工作会议",
    publicationTitle: "东昌府讯",
    date: "2022/11/02",
    section: "要闻",
    pages: "1",
    language: "zh",
    url: `${BASE}2022/11/02/1/1/`,
    creators: [author("郭龙君")],
  });
  // Photo news is saved with its photographers as authors; an article on 第2版 has page 2.
  const photos = await saved(PHOTO_NEWS);
  assert.deepEqual([photos.title, photos.pages, photos.creators], ["图片新闻", "1", [author("徐振鑫"), author("张振祥")]]);
  const second = await saved("2022/11/01/2/1/");
  assert.deepEqual([second.title, second.pages, second.creators], ["“信义币”打底 共建美好家园", "2", [author("全兴社")]]);
  // The detection tells the types apart: the tag the site no longer writes makes the same page a journal article.
  assert.equal(
    await typeOf("2022/11/01/1/1/", (html) => html.replace("</head>", '<meta name="citation_journal_title" content="东昌府讯"></head>')),
    "journalArticle",
  );
});

test("should name the photographers of photo news as its authors in its tags, JSON-LD, RIS, CSL-JSON and GB/T 7714 reference", async () => {
  const page = await open(PHOTO_NEWS);
  assert.deepEqual(metas(page, "citation_author"), ["徐振鑫", "张振祥"]);
  const authors = (jsonLdOf(page)?.author ?? []) as { "@type": string; "@id": string; name: string }[];
  assert.deepEqual(
    authors.map((author) => [author["@type"], author.name]),
    [
      ["Person", "徐振鑫"],
      ["Person", "张振祥"],
    ],
  );
  assert.match(authors[0]!["@id"], /^http:\/\/localhost:8080\/people\/[a-z-]+\/#person$/);
  assert.match(await read(`${PHOTO_NEWS}cite.ris`), /^AU {2}- 徐振鑫\r\nAU {2}- 张振祥\r$/m);
  assert.deepEqual((await readJson<{ author: { literal: string }[] }[]>(`${PHOTO_NEWS}cite.json`))[0]!.author, [{ literal: "徐振鑫" }, { literal: "张振祥" }]);
  assert.match(await read(`${PHOTO_NEWS}cite.bib`), /author = \{\{徐振鑫\} and \{张振祥\}\}/);
  assert.equal(page.querySelector("[data-citation-text]")?.textContent.trim(), "徐振鑫, 张振祥. 图片新闻[N]. 东昌府讯, 2022-11-01(1).");
});

/** jsonld.js's document loader, offline: schema.org's context from the fixture, and nothing else. */
type DocumentLoader = NonNullable<Options.DocLoader["documentLoader"]>;
async function offlineLoader(): Promise<DocumentLoader> {
  type RemoteDocument = Awaited<ReturnType<DocumentLoader>>;
  const context = JSON.parse(await readFile(path.join(projectRoot, "tests/fixtures/schema-org/schemaorgcontext.jsonld"), "utf8")) as RemoteDocument["document"];
  return async (url: string) => {
    if (/^https?:\/\/schema\.org\/?$/.test(url)) return { document: context, documentUrl: url };
    throw new Error(`no network in tests: ${url}`);
  };
}

test("should give jsonld.js linked data whose nodes join across pages by @id: article, issue, paper and people", async () => {
  const documentLoader = await offlineLoader();
  const pages = { home: "", issue: "2022/11/01/", article: "2022/11/01/1/1/", photoNews: PHOTO_NEWS, photos: "2022/11/02/1/1/" };
  const data = Object.fromEntries(await Promise.all(Object.entries(pages).map(async ([name, sitePath]) => [name, jsonLdOf(await open(sitePath))!]))) as Record<
    keyof typeof pages,
    Record<string, unknown>
  >;
  const author = (data.photoNews.author as { url: string }[])[0]!.url;
  const person = jsonLdOf(await open(new URL(author).pathname.slice(1)));
  assert.ok(person, "a person page has JSON-LD");
  const idOf = async (document: Record<string, unknown>) => ((await jsonld.expand(document as JsonLdDocument, { documentLoader })) as NodeObject[])[0]!["@id"];
  // Each page's own node, as jsonld.js expands it, has the id the other pages name it by.
  assert.equal(await idOf(data.home), `${BASE}#periodical`);
  assert.equal(await idOf(data.issue), `${BASE}2022/11/01/#issue`);
  assert.equal(await idOf(data.article), `${BASE}2022/11/01/1/1/#article`);
  assert.equal(await idOf(person!), `${author}#person`);

  // Without a context to compact to, jsonld.js flattens to the expanded graph: an array of nodes, one an @id.
  const flat = (await jsonld.flatten([...Object.values(data), person!] as JsonLdDocument, undefined, { documentLoader })) as unknown as NodeObject[];
  const node = (id: string) => flat.find((each) => each["@id"] === id)!;
  const ids = (value: unknown) => ((value as { "@id": string }[] | undefined) ?? []).map((each) => each["@id"]);
  const values = (value: unknown) => ((value as { "@value": string }[] | undefined) ?? []).map((each) => each["@value"]);
  const article = node(`${BASE}2022/11/01/1/1/#article`);
  assert.deepEqual(article["@type"], [`${SCHEMA}NewsArticle`]);
  assert.deepEqual(ids(article[`${SCHEMA}isPartOf`]), [await idOf(data.issue)], "the article is part of the issue the issue page describes");
  const issue = node(`${BASE}2022/11/01/#issue`);
  assert.deepEqual(ids(issue[`${SCHEMA}isPartOf`]), [await idOf(data.home)], "the issue is part of the paper the home page describes");
  assert.ok(ids(issue[`${SCHEMA}hasPart`]).includes(`${BASE}2022/11/01/1/1/#article`), "the issue page lists the article by its id");
  assert.deepEqual(values(node(`${BASE}#periodical`)[`${SCHEMA}name`]), ["东昌府讯"], "one node for the paper, whichever page named it");
  const photographer = node(`${author}#person`);
  assert.deepEqual(photographer["@type"], [`${SCHEMA}Person`]);
  assert.deepEqual(values(photographer[`${SCHEMA}name`]), ["徐振鑫"]);
  assert.ok(ids(node(`${BASE}${PHOTO_NEWS}#article`)[`${SCHEMA}author`]).includes(`${author}#person`), "photo news is by its photographer's node");
  assert.match(
    ids(node(`${BASE}2022/11/02/1/1/#article`)[`${SCHEMA}image`])[0] ?? "",
    /^http:\/\/localhost:8080\/2022\/11\/02\/.+\.jpg$/,
    "an article with photos has its image",
  );
  const quads = (await jsonld.toRDF(flat as unknown as JsonLdDocument, { format: "application/n-quads" })) as unknown as string;
  assert.ok(quads.includes(`<${BASE}2022/11/01/1/1/#article> <${SCHEMA}isPartOf> <${BASE}2022/11/01/#issue> .`));
});

test("should publish JSON Schemas that accept v1 data with fields added later, say schemaVersion 1.1, and keep the build's own check strict", async () => {
  const index = await readJson<{ apiVersion: number; schemaVersion: string; schemas: Record<string, string> }>("api/v1/index.json");
  assert.equal(index.apiVersion, 1);
  assert.equal(index.schemaVersion, "1.1");
  const ajv = new Ajv2020({ allErrors: true });
  addFormats.default(ajv);
  const validate = ajv.compile(await readJson(new URL(index.schemas.issue!).pathname.slice(1)));
  const issue = await readJson<{ pages: { articles: Record<string, unknown>[] }[]; paper: Record<string, unknown> }>("api/v1/issues/2022-11-02.json");
  assert.ok(validate(issue), JSON.stringify(validate.errors));
  const grown = structuredClone(issue) as typeof issue & Record<string, unknown>;
  grown.edition = "早版";
  grown.paper.issn = "0000-0000";
  grown.pages[0]!.articles[0]!.wordCount = 812;
  assert.ok(validate(grown), `a v1 reader accepts fields added later: ${JSON.stringify(validate.errors)}`);
  assert.equal(validate({ ...issue, number: "1481" }), false, "the schema still checks the fields it names");
  assert.equal(API_SCHEMAS.issue.safeParse(grown).success, false, "the build never writes a field its schema does not describe");
  for (const name of Object.keys(index.schemas)) {
    assert.ok(!(await read(new URL(index.schemas[name]!).pathname.slice(1))).includes('"additionalProperties": false'), name);
  }
});

test("should give a one-scan issue a table of contents Clover's @iiif/helpers shows, with each article under its 版, and one top range for Universal Viewer", async () => {
  for (const [date, pages] of [
    ["2022-11-03", [["第1版 要闻", ["全区秋冬季造林启动", "社区开展消防演练"]]]],
    [
      "2022-11-02",
      [
        ["第1版 要闻", ["区委召开经济工作会议", "图片新闻"]],
        ["第2版 综合", ["社区公益大集开市"]],
      ],
    ],
  ] as const) {
    const json = await readJson<{ id: string; items: unknown[]; structures: { items: unknown[] }[] }>(`iiif/${date}/manifest.json`);
    if (date === "2022-11-03") assert.equal(json.items.length, 1, "one canvas");
    // manifold (Universal Viewer) builds its tree from the first top-level Range only: it must hold every article.
    assert.equal(json.structures.length, 1, date);
    const vault = new Vault();
    const manifest = vault.loadManifestSync(json.id, json)!;
    const tree = rangesToTableOfContentsTree(vault, manifest.structures, manifest.label)!;
    const label = (node: RangeTableOfContentsNode) => node.label?.["zh-Hans"]?.[0];
    // Clover lists the tree's Range children at the top (or the tree when it has none), each with its own below.
    const ranges = (node: RangeTableOfContentsNode) => (node.items ?? []).filter((item) => item.type === "Range");
    const top = ranges(tree).length ? ranges(tree) : [tree];
    assert.deepEqual(
      top.map((node) => [label(node), ranges(node).map(label)]),
      pages,
      date,
    );
    for (const article of top.flatMap(ranges)) assert.ok(article.firstCanvas, `${label(article)} leads to its canvas`);
  }
});
