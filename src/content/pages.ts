// Splits an issue's Markdown into pages (# 第N版 name) and articles (## title).
import type { Heading, Root, RootContent } from "mdast";
import type { Page } from "../model.ts";
import { problem, type Problem } from "../problems.ts";
import { parseArticle, type ArticleContext } from "./article.ts";
import { lineOf, plainText } from "./mdast-text.ts";
import { shortText } from "../util/shown.ts";

const CHINESE_NUMERALS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 第1版 要闻 → 1 and 要闻; undefined when the heading is not a page heading. */
export function readPageHeading(text: string): { number: number; name?: string } | undefined {
  const match = /^第\s*([0-9]+|[一二三四五六七八九十]+)\s*版(.*)$/.exec(text.trim());
  if (!match) return undefined;
  const number = /^[0-9]+$/.test(match[1]!) ? Number(match[1]) : chineseNumber(match[1]!);
  // 第1版：要闻 and 第1版—要闻 are written too; the separator is not part of the name.
  const name = match[2]!.replace(/^[\s：:·—–-]+/u, "").trim();
  return number > 0 ? { number, ...(name && { name }) } : undefined;
}

function chineseNumber(text: string): number {
  // 十 alone is 10, 十二 is 12, 二十 is 20, 二十三 is 23.
  const [tens, ones] = text.includes("十") ? text.split("十") : ["", text];
  return (text.includes("十") ? (tens ? (CHINESE_NUMERALS[tens] ?? 0) : 1) * 10 : 0) + (ones ? (CHINESE_NUMERALS[ones] ?? 0) : 0);
}

interface OpenArticle {
  heading: Heading;
  nodes: RootContent[];
}

interface OpenPage {
  page: Page;
  openArticle?: OpenArticle;
}

/** Walks the top level of the body: page headings open pages, titles open articles, everything else belongs to the open article. */
export function parsePages(root: Root, printedPageCount: number, context: ArticleContext): { pages: Page[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const pages: Page[] = [];
  let current: OpenPage | undefined;
  let orphan: OpenArticle | undefined;
  let reportedContentBeforePage = false;
  /** After a page heading that could not be read, its articles are still checked but not blamed for the missing page. */
  let underBadPageHeading = false;
  const where = (node: RootContent) => ({ file: context.file, line: lineOf(node, context) });

  const closeArticle = () => {
    const open = current?.openArticle ?? orphan;
    if (!open) return;
    const target = current?.openArticle ? current.page : undefined;
    const { article, problems: articleProblems } = parseArticle(open.heading, open.nodes, (target?.articles.length ?? 0) + 1, context);
    problems.push(...articleProblems);
    target?.articles.push(article);
    if (current) delete current.openArticle;
    orphan = undefined;
  };
  const closePage = () => {
    closeArticle();
    if (current && current.page.articles.length === 0) {
      problems.push(problem("EmptyPage", { file: context.file, line: current.page.line }, { number: current.page.number }));
    }
  };

  for (const node of root.children) {
    if (node.type === "heading" && node.depth === 1) {
      closePage();
      current = undefined;
      const heading = readPageHeading(plainText(node));
      underBadPageHeading = !heading;
      if (!heading) {
        problems.push(problem("BadPageHeading", { ...where(node), field: "page" }, { heading: shortText(plainText(node)) }));
        continue;
      }
      const previous = pages.at(-1);
      if (previous && heading.number <= previous.number) {
        problems.push(problem("PageNumberOrder", { ...where(node), field: "page" }, { number: heading.number, previous: previous.number }));
      }
      if (heading.number > printedPageCount) {
        problems.push(problem("PageBeyondPrintedCount", { ...where(node), field: "pages" }, { number: heading.number, printed: printedPageCount }));
      }
      const page: Page = { number: heading.number, ...(heading.name && { name: heading.name }), articles: [], line: lineOf(node, context) };
      pages.push(page);
      current = { page };
    } else if (node.type === "heading" && node.depth === 2) {
      closeArticle();
      if (current) {
        current.openArticle = { heading: node, nodes: [] };
      } else if (underBadPageHeading) {
        orphan = { heading: node, nodes: [] };
      } else {
        problems.push(problem("ArticleBeforePage", where(node), { title: shortText(plainText(node)) }));
        orphan = { heading: node, nodes: [] };
      }
    } else if (current?.openArticle ?? orphan) {
      (current?.openArticle ?? orphan)!.nodes.push(node);
    } else if (current) {
      problems.push(problem("ContentBeforeArticle", where(node), { excerpt: plainText(node).slice(0, 30), page: current.page.number }));
    } else if (!reportedContentBeforePage && !underBadPageHeading && node.type !== "html") {
      reportedContentBeforePage = true;
      problems.push(problem("ContentBeforePage", where(node), { excerpt: plainText(node).slice(0, 30) }));
    }
  }
  closePage();
  return { pages, problems };
}
