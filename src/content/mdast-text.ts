// Reading mdast nodes as an issue file's editor sees them: their text without markup, and their line in the file.
import type { PhrasingContent, RootContent } from "mdast";
import { toString as textOf } from "mdast-util-to-string";

/** Where the nodes of one issue's body are: its file, and the lines before the body, to turn a node's line into the file's. */
export interface NodeContext {
  file: string;
  /** Added to a node's line to give its line in the file. */
  lineOffset: number;
}

/** Text of a node as a reader sees it: no raw HTML, no image alt text. */
export function plainText(node: RootContent | RootContent[]): string {
  return textOf(node, { includeHtml: false, includeImageAlt: false }).trim();
}

/** The node's line in the issue file. */
export function lineOf(node: RootContent, context: NodeContext): number {
  return (node.position?.start.line ?? 1) + context.lineOffset;
}

/** Removes the first `count` characters of text from a paragraph, dropping inline nodes left empty. */
export function dropLeadingText(parent: { children: PhrasingContent[] }, count: number): number {
  let remaining = count;
  while (remaining > 0 && parent.children.length > 0) {
    const child = parent.children[0]!;
    if (child.type === "text" || child.type === "inlineCode") {
      if (child.value.length <= remaining) {
        remaining -= child.value.length;
        parent.children.shift();
      } else {
        child.value = child.value.slice(remaining);
        remaining = 0;
      }
    } else if ("children" in child) {
      remaining = dropLeadingText(child as { children: PhrasingContent[] }, remaining);
      if ((child as { children: PhrasingContent[] }).children.length === 0) parent.children.shift();
    } else {
      parent.children.shift();
    }
  }
  const head = parent.children[0];
  if (head?.type === "text") head.value = head.value.replace(/^\s+/, "");
  return remaining;
}
