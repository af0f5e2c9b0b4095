// The links in an article's body: web and mail addresses are fine, relative links must stay inside the archive, and script or data addresses are errors rather than silently dropped.
// Footnotes, which plain Markdown would turn into links, are reported too.
import type { RootContent } from "mdast";
import { visit } from "unist-util-visit";
import { problem, type Problem } from "../problems.ts";
import type { LinkReason } from "../model.ts";
import { ARTICLE_DEPTH } from "../paths.ts";
import { shortText } from "../util/shown.ts";
import type { NodeContext } from "./mdast-text.ts";

/** Schemes a link may use; anything else (javascript:, data:, vbscript:, file:) could run code or read the reader's disk. */
const ALLOWED_SCHEMES = new Set(["http", "https", "mailto"]);

/** Every link and link definition in `nodes` whose address is not allowed, as a problem with its line. */
export default function linkProblems(nodes: readonly RootContent[], context: NodeContext): Problem[] {
  const problems: Problem[] = [];
  for (const node of nodes) {
    visit(node, (child) => {
      if (child.type !== "link" && child.type !== "definition") return;
      const where = { file: context.file, field: "link", line: (child.position?.start.line ?? node.position?.start.line ?? 1) + context.lineOffset };
      if (child.type === "definition" && child.label?.startsWith("^")) {
        problems.push(problem("UnsupportedFootnote", where, { label: shortText(child.label) }));
        return;
      }
      const unsafe = linkProblem(child.url);
      if (!unsafe) return;
      const url = shortText(child.url, 80);
      problems.push(
        "scheme" in unsafe
          ? problem("UnsafeLink", where, { url, scheme: shortText(unsafe.scheme, 20) })
          : problem("LinkOutsideArchive", where, { url, reason: unsafe.reason }),
      );
    });
  }
  return problems;
}

/** Why a link's address may not be used — a scheme that is not allowed, or a way out of the archive — or undefined when it may. */
export function linkProblem(url: string): { scheme: string } | { reason: LinkReason } | undefined {
  // Browsers ignore ASCII whitespace and control characters in a scheme (java\tscript:), and decode %-escapes in paths (%2e%2e is ..).
  // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers drop control characters from an address, so the check must too
  const address = decodeOnce(url).replace(/[\u0000-\u0020]+/g, "");
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(address)?.[1]?.toLowerCase();
  if (scheme !== undefined && !ALLOWED_SCHEMES.has(scheme)) return { scheme };
  if (scheme !== undefined || address.startsWith("#") || address === "") return undefined;
  if (address.startsWith("//") || address.startsWith("\\\\")) return { reason: "noScheme" };
  if (address.startsWith("/") || address.startsWith("\\")) return { reason: "absolute" };
  if (climbsAboveArchive(address)) return { reason: "climbs" };
  return undefined;
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
