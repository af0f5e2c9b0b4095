// 引用本文: the GB/T 7714-2015 references in their exact shape, and the RIS, BibTeX and CSL-JSON files read back by a real parser
// (citation-js, which Zotero's own formats follow) into the same article.
import { test } from "node:test";
import assert from "node:assert/strict";
import { Cite } from "@citation-js/core";
import "@citation-js/plugin-ris";
import "@citation-js/plugin-bibtex";
import "@citation-js/plugin-csl";
import { bibtexOf, citationKey, citationOf, cslOf, gbtOnline, gbtReference, risOf, type CitedArticle } from "../../src/site/citation.ts";
import { scriptJson } from "../../src/site/json-ld.ts";

const cited = (overrides: Partial<CitedArticle> = {}): CitedArticle => ({
  title: "区委常委会召开会议",
  authors: ["郭龙君"],
  paper: "东昌府讯",
  date: "2022-11-04",
  issueNumber: 1483,
  page: 1,
  section: "要闻",
  url: "https://example.org/2022/11/04/1/1/",
  key: "dongchangshixun-2022-11-04-1-1",
  path: "/2022/11/04/1/1/",
  folderUrl: "/2022/11/04/1/1/",
  ...overrides,
});

/** What citation-js reads from a text, as CSL-JSON. */
async function read(text: string): Promise<Record<string, unknown>[]> {
  return (await Cite.async(text)).data as Record<string, unknown>[];
}

test("should write the newspaper reference as GB/T 7714-2015 shows it: authors, title[N], paper, date(版)", () => {
  assert.equal(gbtReference(cited()), "郭龙君. 区委常委会召开会议[N]. 东昌府讯, 2022-11-04(1).");
});

test("should name up to three authors, reporters before correspondents, and the first three then 等 after that (§8.1.2)", () => {
  assert.equal(gbtReference(cited({ authors: ["全兴社", "李晓"] })), "全兴社, 李晓. 区委常委会召开会议[N]. 东昌府讯, 2022-11-04(1).");
  assert.equal(gbtReference(cited({ authors: ["甲", "乙", "丙"] })), "甲, 乙, 丙. 区委常委会召开会议[N]. 东昌府讯, 2022-11-04(1).");
  assert.equal(gbtReference(cited({ authors: ["甲", "乙", "丙", "丁"] })), "甲, 乙, 丙, 等. 区委常委会召开会议[N]. 东昌府讯, 2022-11-04(1).");
});

test("should start the reference of an article without a byline with its title", () => {
  assert.equal(gbtReference(cited({ authors: [], title: "图片新闻", page: 3 })), "图片新闻[N]. 东昌府讯, 2022-11-04(3).");
});

test("should leave room for the reader's access date in the online form, and read whole without it", () => {
  const { before, after } = gbtOnline(cited());
  assert.equal(`${before}[2026-12-01]${after}`, "郭龙君. 区委常委会召开会议[N/OL]. 东昌府讯, 2022-11-04(1)[2026-12-01]. https://example.org/2022/11/04/1/1/.");
  assert.equal(`${before}${after}`, "郭龙君. 区委常委会召开会议[N/OL]. 东昌府讯, 2022-11-04(1). https://example.org/2022/11/04/1/1/.");
});

test("should write RIS that citation-js reads back as a newspaper article with every author, the paper, year, 版 and address", async () => {
  const ris = risOf(cited({ authors: ["郭龙君", "李晓"], pdfUrl: "https://example.org/2022/11/04/page-1.pdf" }));
  assert.match(ris, /^TY {2}- NEWS\r\n/);
  assert.match(ris, /\r\nDA {2}- 2022\/11\/04\/\r\nPY {2}- 2022\r\n/);
  assert.match(ris, /\r\nLA {2}- zh\r\nER {2}- \r\n$/);
  const [item] = await read(ris);
  assert.equal(item?.type, "article-newspaper");
  // citation-js files a newspaper's AU as its reporters, as the RIS specification names them.
  assert.deepEqual(item?.reporter, ["郭龙君", "李晓"]);
  assert.equal(item?.title, "区委常委会召开会议");
  assert.equal(item?.["container-title"], "东昌府讯");
  assert.deepEqual(item?.issued, { "date-parts": [[2022]] });
  assert.equal(item?.page, "1");
  assert.equal(item?.URL, "https://example.org/2022/11/04/1/1/");
  assert.equal(item?.language, "zh");
});

test("should write a biblatex @article of subtype newspaper that citation-js reads back whole, names unsplit", async () => {
  const bibtex = bibtexOf(cited({ authors: ["欧阳晓", "李晓"] }));
  for (const field of [
    "entrysubtype = {newspaper}",
    "journaltitle = {东昌府讯}",
    "date = {2022-11-04}",
    "pages = {1}",
    "url = {https://example.org/2022/11/04/1/1/}",
    "langid = {chinese}",
  ]) {
    assert.ok(bibtex.includes(`  ${field},`), field);
  }
  const [item] = await read(bibtex);
  assert.equal(item?.id, "dongchangshixun-2022-11-04-1-1");
  assert.equal(item?.genre, "newspaper");
  assert.deepEqual(item?.author, [{ family: "欧阳晓" }, { family: "李晓" }]);
  assert.equal(item?.title, "区委常委会召开会议");
  assert.equal(item?.["container-title"], "东昌府讯");
  assert.deepEqual(item?.issued, { "date-parts": [[2022, 11, 4]] });
  assert.equal(item?.issue, "1483");
  assert.equal(item?.page, "1");
});

test("should escape what TeX reads as commands in a BibTeX title, so the title comes back as printed", async () => {
  const title = "100% 达标 & {创新} #1 $5 a_b ~ ^ \\ 完";
  const [item] = await read(bibtexOf(cited({ title })));
  assert.equal(item?.title, title);
});

test("should write CSL-JSON of type article-newspaper that citation-js takes as it is", async () => {
  const csl = cslOf(cited({ authors: ["郭龙君", "李晓"] }));
  const [item] = await read(csl);
  assert.equal(item?.type, "article-newspaper");
  assert.deepEqual(item?.author, [{ literal: "郭龙君" }, { literal: "李晓" }]);
  assert.deepEqual(item?.issued, { "date-parts": [[2022, 11, 4]] });
  assert.equal(item?.["container-title"], "东昌府讯");
  assert.equal(item?.issue, "1483");
  assert.equal(item?.page, "1");
  assert.equal(item?.section, "要闻");
  assert.equal(item?.language, "zh-CN");
  // citation-js can turn it into a formatted reference as well: the data is complete enough to cite from.
  assert.match((await Cite.async(csl)).format("bibliography", { format: "text", template: "apa" }) as string, /东昌府讯/);
});

test("should give the downloads ASCII names and the meta tags Google Scholar and Zotero read, no citation_journal_title, the PDF only where the 版 has one", () => {
  const { citation, files } = citationOf(cited({ pdfUrl: "https://example.org/2022/11/04/page-1.pdf" }));
  assert.deepEqual(
    files.map((file) => file.path),
    ["/2022/11/04/1/1/cite.ris", "/2022/11/04/1/1/cite.bib", "/2022/11/04/1/1/cite.json"],
  );
  assert.deepEqual(
    citation.downloads.map((download) => download.fileName),
    ["dongchangshixun-2022-11-04-1-1.ris", "dongchangshixun-2022-11-04-1-1.bib", "dongchangshixun-2022-11-04-1-1.json"],
  );
  assert.deepEqual(
    citation.meta.map((tag) => `${tag.name}=${tag.content}`),
    [
      "citation_title=区委常委会召开会议",
      "citation_author=郭龙君",
      "citation_publication_date=2022/11/04",
      "citation_issue=1483",
      "citation_firstpage=1",
      "citation_language=zh",
      "citation_pdf_url=https://example.org/2022/11/04/page-1.pdf",
      "citation_public_url=https://example.org/2022/11/04/1/1/",
      "DC.type=newspaperArticle",
      "prism.publicationName=东昌府讯",
      "article:section=要闻",
    ],
  );
  assert.equal(
    citationOf(cited()).citation.meta.some((tag) => tag.name === "citation_pdf_url"),
    false,
  );
  assert.equal(citationKey("DONGCHANGSHIXUN", "2022-11-04", 2, 3), "dongchangshixun-2022-11-04-2-3");
  assert.equal(citationKey("东昌府讯", "2022-11-04", 2, 3), "baoku-2022-11-04-2-3");
});

test("should write JSON for a script element with no < > & or line separators left, meaning the same when parsed", () => {
  const value = { headline: "</script><script>alert(1)</script> & <!-- \u2028\u2029" };
  const text = scriptJson(value);
  assert.doesNotMatch(text, /[<>&\u2028\u2029]/);
  assert.deepEqual(JSON.parse(text), value);
});
