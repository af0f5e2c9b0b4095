// The links in an article's body: web and mail addresses are fine, relative links must stay inside the archive, and script or data addresses are errors rather than silently dropped.
// Footnotes, which plain Markdown would turn into links, are reported too.
import type { Definition, RootContent } from "mdast";
import { visit } from "unist-util-visit";
import type { Problem } from "./problems.ts";

export interface LinkContext {
  file: string;
  /** Added to a node's line to give its line in the file. */
  lineOffset: number;
}

/** Schemes a link may use; anything else (javascript:, data:, vbscript:, file:) could run code or read the reader's disk. */
const ALLOWED_SCHEMES = new Set(["http", "https", "mailto"]);

/** Folders above an article's page (/YYYY/MM/DD/<版>/<n>/, see articleUrl in site.ts): a relative link may climb this many and stay in the archive. */
const ARTICLE_DEPTH = 5;

/** Every link and link definition in `nodes` whose address is not allowed, as a problem with its line. */
export default function linkProblems(nodes: readonly RootContent[], context: LinkContext): Problem[] {
  const problems: Problem[] = [];
  for (const node of nodes) {
    visit(node, (child) => {
      if (child.type !== "link" && child.type !== "definition") return;
      const problem = child.type === "definition" && child.label?.startsWith("^") ? footnoteProblem(child) : linkProblem(child.url);
      if (!problem) return;
      problems.push({
        ...problem, severity: "error", file: context.file, field: "link",
        line: (child.position?.start.line ?? node.position?.start.line ?? 1) + context.lineOffset,
      });
    });
  }
  return problems;
}

/** A GitHub-style footnote, `[^1]: note`, which plain Markdown reads as a link to an address spelled like the note. */
function footnoteProblem(definition: Definition): Pick<Problem, "kind" | "message" | "fix"> {
  return {
    kind: "UnsupportedFootnote",
    message: `“[${definition.label}]:” is a footnote, which the site does not show; the note would become a broken link.`,
    fix: "Write the note as a paragraph at the end of the article (注：…) and remove the [^…] marks.",
  };
}

/** Why a link's address may not be used, or undefined when it may. */
export function linkProblem(url: string): Pick<Problem, "kind" | "message" | "fix"> | undefined {
  // Browsers ignore ASCII whitespace and control characters in a scheme (java\tscript:), and decode %-escapes in paths (%2e%2e is ..).
  const address = decodeOnce(url).replace(/[\u0000-\u0020]+/g, "");
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(address)?.[1]?.toLowerCase();
  if (scheme !== undefined && !ALLOWED_SCHEMES.has(scheme)) {
    return {
      kind: "UnsafeLink",
      message: `The link “${url}” is a ${scheme}: address; links may only be web (http, https) or mail (mailto) addresses.`,
      fix: "Write the full web address, e.g. [区政府网](http://www.dcf.gov.cn/), or remove the link and keep its text.",
    };
  }
  if (scheme !== undefined || address.startsWith("#") || address === "") return undefined;
  const outside = address.startsWith("//") || address.startsWith("\\\\")
    ? "has no scheme, so it points at another server"
    : address.startsWith("/") || address.startsWith("\\")
      ? "is an absolute path, which leaves the archive when the site is published under a folder"
      : climbsAboveArchive(address)
        ? "climbs (..) above the archive's top folder"
        : undefined;
  if (!outside) return undefined;
  return {
    kind: "LinkOutsideArchive",
    message: `The link “${url}” ${outside}.`,
    fix: "Link to another page of the archive relatively from this article (e.g. ../../../../10/31/ for the issue of the 31st of the previous month), or write a full http(s) address.",
  };
}

/** Whether a relative path, followed from an article's page, goes above the site's root. */
function climbsAboveArchive(path: string): boolean {
  let depth = ARTICLE_DEPTH;
  for (const segment of path.split(/[?#]/)[0]!.split(/[\\/]/)) {
    if (segment === "..") depth--;
    else if (segment !== "." && segment !== "") depth++;
    if (depth < 0) return true;
  }
  return false;
}

function decodeOnce(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}
