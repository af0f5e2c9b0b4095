// Article bodies to HTML with remark-html; its sanitizer drops raw HTML, scripts and unsafe URLs so content never reaches a page unsanitized.
import { unified } from "unified";
import remarkHtml from "remark-html";
import { toMarkdown } from "mdast-util-to-markdown";
import type { Root, RootContent } from "mdast";
import { visit, SKIP } from "unist-util-visit";

const htmlProcessor = unified().use(remarkHtml, { sanitize: true });

/** Renders body nodes to sanitized HTML. */
export function renderBodyHtml(nodes: RootContent[]): string {
  const root: Root = { type: "root", children: nodes };
  return String(htmlProcessor.stringify(htmlProcessor.runSync(root) as Root)).trim();
}

/** Writes body nodes back as Markdown, without raw HTML (which no page shows): the body as the JSON API gives it. */
export function renderBodyMarkdown(nodes: RootContent[]): string {
  const root: Root = structuredClone({ type: "root", children: nodes });
  visit(root, "html", (_node, index, parent) => {
    if (parent && index !== undefined) {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    return undefined;
  });
  return toMarkdown(root).trim();
}
