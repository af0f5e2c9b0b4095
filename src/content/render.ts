// Article bodies to HTML with remark-html; its sanitizer drops raw HTML, scripts and unsafe URLs so content never reaches a page unsanitized.
import { unified } from "unified";
import remarkHtml from "remark-html";
import type { Root, RootContent } from "mdast";

const htmlProcessor = unified().use(remarkHtml, { sanitize: true });

/** Renders body nodes to sanitized HTML. */
export function renderBodyHtml(nodes: RootContent[]): string {
  const root: Root = { type: "root", children: nodes };
  return String(htmlProcessor.stringify(htmlProcessor.runSync(root) as Root)).trim();
}
