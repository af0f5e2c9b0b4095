// 引用本文: an article's reference in GB/T 7714-2015 (newspaper [N], and online [N/OL] with the reader's access date), its RIS, BibTeX
// (biblatex) and CSL-JSON files for Zotero, EndNote and NoteExpress, and the meta tags Google Scholar and Zotero read from the page.
import type { Citation } from "../site-types.ts";
import { CITATION_FILES } from "../paths.ts";

/** What a reference is made of, for one article. */
export interface CitedArticle {
  /** As the page shows it (图片新闻 for photo news without a headline). */
  title: string;
  /** As words.ts's authorsOf names them: the byline's reporters, then its correspondents, then the photographers of photo news. */
  authors: string[];
  /** The paper's name, e.g. 东昌府讯. */
  paper: string;
  /** YYYY-MM-DD of the issue. */
  date: string;
  /** 总第N期. */
  issueNumber: number;
  /** 第N版. */
  page: number;
  /** The 版's name, or 第N版 when it has none. */
  section: string;
  /** The article page's absolute address. */
  url: string;
  /** The absolute address of the 版's PDF, when the paper published one. */
  pdfUrl?: string;
  /** An ASCII name for the reference: the key of its BibTeX entry and CSL item, and the downloads' file names. */
  key: string;
  /** The article page's folder in the site, e.g. /2022/11/01/1/1/, beside which the files go. */
  path: string;
  /** The same folder under the site's path prefix, for links. */
  folderUrl: string;
}

/** GB/T 7714-2015 §8.1.2: up to three responsible persons, then “, 等”. */
const MAX_AUTHORS = 3;

/** 郭龙君, 李晓. (with the separator before the title), or nothing when no one is named: the reference then starts with the title. */
function authorsPart(authors: readonly string[]): string {
  if (authors.length === 0) return "";
  const named = authors.slice(0, MAX_AUTHORS).join(", ");
  return `${authors.length > MAX_AUTHORS ? `${named}, 等` : named}. `;
}

/** 郭龙君. 区委常委会召开会议[N]. 东昌府讯, 2022-11-04(1). */
export function gbtReference(cited: CitedArticle): string {
  return `${authorsPart(cited.authors)}${cited.title}[N]. ${cited.paper}, ${cited.date}(${cited.page}).`;
}

/** The online form around its access date: `before` + [2026-12-01] + `after` is 郭龙君. 区委常委会召开会议[N/OL]. 东昌府讯, 2022-11-04(1)[2026-12-01]. https://…. */
export function gbtOnline(cited: CitedArticle): Citation["online"] {
  return { before: `${authorsPart(cited.authors)}${cited.title}[N/OL]. ${cited.paper}, ${cited.date}(${cited.page})`, after: `. ${cited.url}.` };
}

/** RIS, one tag a line, CRLF as the format asks: TY NEWS, AU per author, TI, T2 the paper, DA and PY, IS 总第N期, SP the 版, UR, LA. */
export function risOf(cited: CitedArticle): string {
  const lines: [string, string][] = [
    ["TY", "NEWS"],
    ...cited.authors.map((author): [string, string] => ["AU", author]),
    ["TI", cited.title],
    ["T2", cited.paper],
    ["DA", `${cited.date.replaceAll("-", "/")}/`],
    ["PY", cited.date.slice(0, 4)],
    ["IS", String(cited.issueNumber)],
    ["SP", String(cited.page)],
    ["SE", cited.section],
    ["UR", cited.url],
    ...(cited.pdfUrl ? [["L1", cited.pdfUrl] as [string, string]] : []),
    ["LA", "zh"],
  ];
  return [...lines, ["ER", ""] as const].map(([tag, value]) => `${tag}  - ${oneLine(value)}\r\n`).join("");
}

/** A biblatex @article of subtype newspaper, each name braced whole so that no program splits a Chinese name into parts. */
export function bibtexOf(cited: CitedArticle): string {
  const fields: [string, string][] = [
    ...(cited.authors.length ? [["author", cited.authors.map((author) => `{${bibtexText(author)}}`).join(" and ")] as [string, string]] : []),
    ["title", bibtexText(cited.title)],
    ["journaltitle", bibtexText(cited.paper)],
    ["entrysubtype", "newspaper"],
    ["date", cited.date],
    ["number", String(cited.issueNumber)],
    ["pages", String(cited.page)],
    ["url", cited.url],
    ["langid", "chinese"],
  ];
  return `@article{${cited.key},\n${fields.map(([name, value]) => `  ${name} = {${value}},`).join("\n")}\n}\n`;
}

/** CSL-JSON, an array of one item of type article-newspaper; each name as a literal, since a Chinese name has no given-name split to guess. */
export function cslOf(cited: CitedArticle): string {
  const [year, month, day] = cited.date.split("-").map(Number);
  const item = {
    id: cited.key,
    type: "article-newspaper",
    title: cited.title,
    ...(cited.authors.length && { author: cited.authors.map((literal) => ({ literal })) }),
    "container-title": cited.paper,
    issued: { "date-parts": [[year, month, day]] },
    issue: String(cited.issueNumber),
    page: String(cited.page),
    section: cited.section,
    URL: cited.url,
    language: "zh-CN",
  };
  return `${JSON.stringify([item], null, 2)}\n`;
}

/**
 * What Google Scholar and Zotero read from the page's head. Google Scholar's Highwire tags, without citation_journal_title: Zotero's
 * Embedded Metadata translator takes that tag to mean a journal article, whatever else the page says. Zotero's item type comes from
 * DC.type instead (its RDF translator's detectType takes a Zotero type name there over any guess from citation_title or og:type), the
 * paper from prism.publicationName, the 版's name from article:section.
 */
function metaTags(cited: CitedArticle): Citation["meta"] {
  return [
    { name: "citation_title", content: cited.title },
    ...cited.authors.map((author) => ({ name: "citation_author", content: author })),
    { name: "citation_publication_date", content: cited.date.replaceAll("-", "/") },
    { name: "citation_issue", content: String(cited.issueNumber) },
    { name: "citation_firstpage", content: String(cited.page) },
    { name: "citation_language", content: "zh" },
    ...(cited.pdfUrl ? [{ name: "citation_pdf_url", content: cited.pdfUrl }] : []),
    { name: "citation_public_url", content: cited.url },
    { name: "DC.type", content: "newspaperArticle" },
    { name: "prism.publicationName", content: cited.paper },
    { name: "article:section", content: cited.section, property: true },
  ];
}

/** What the page shows and the files the build writes beside it. */
export function citationOf(cited: CitedArticle): { citation: Citation; files: { path: string; content: string }[] } {
  const formats = [
    { label: "RIS", file: CITATION_FILES.ris, type: "application/x-research-info-systems", content: risOf(cited) },
    { label: "BibTeX", file: CITATION_FILES.bibtex, type: "application/x-bibtex", content: bibtexOf(cited) },
    { label: "CSL-JSON", file: CITATION_FILES.csl, type: "application/vnd.citationstyles.csl+json", content: cslOf(cited) },
  ];
  return {
    citation: {
      reference: gbtReference(cited),
      online: gbtOnline(cited),
      downloads: formats.map((format) => ({
        label: format.label,
        url: `${cited.folderUrl}${format.file}`,
        fileName: `${cited.key}${format.file.slice(format.file.indexOf("."))}`,
        type: format.type,
      })),
      meta: metaTags(cited),
    },
    files: formats.map((format) => ({ path: `${cited.path}${format.file}`, content: format.content })),
  };
}

/** An ASCII key for the article: the paper's romanized masthead and where the article is, e.g. dongchangshixun-2022-11-01-1-2. */
export function citationKey(masthead: string, date: string, page: number, article: number): string {
  const paper =
    masthead
      .normalize("NFKD")
      .replace(/[^A-Za-z0-9]+/g, "")
      .toLowerCase() || "baoku";
  return `${paper}-${date}-${page}-${article}`;
}

/** Text inside a BibTeX field: the characters TeX reads as commands written so it reads them as themselves. */
function bibtexText(text: string): string {
  return oneLine(text).replace(/[\\{}$&%#_^~]/g, (character) => BIBTEX_ESCAPES[character]!);
}

const BIBTEX_ESCAPES: Record<string, string> = {
  "\\": "\\textbackslash{}",
  "{": "\\{",
  "}": "\\}",
  $: "\\$",
  "&": "\\&",
  "%": "\\%",
  "#": "\\#",
  _: "\\_",
  "^": "\\textasciicircum{}",
  "~": "\\textasciitilde{}",
};

/** A value on one line: formats that are read a line at a time must not see a line break inside one. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, " ");
}
