// Writes articles' 区域 lines into an issue file in place, as the preview's hotspot drawing saves them: an article's 区域 line gets its new
// value, or a line is added where the parser reads labels (at the end of the article's label block, else right under its title), and every
// other byte of the file stays as it was — line endings, a byte-order mark, the editor's own spelling of the label.
import type { Heading, RootContent } from "mdast";
import type { Area, PaperConfig } from "../model.ts";
import { areaValue, labelBlockOf, readLabelLine } from "./labels.ts";
import { markdownParser, parseIssue } from "./parse-issue.ts";
import { readIssueSource } from "./read.ts";

/** One article's new area: the article by its number on its 版, with the title the editor saw, so a file changed since is not written blind. */
export interface AreaEdit {
  article: number;
  title: string;
  area: Area;
}

/** Why the edits were not made. */
export type AreaRefusal =
  | { reason: "unreadable" }
  | { reason: "noPage"; page: number }
  | { reason: "noArticle"; page: number; article: number }
  | { reason: "changed"; page: number; article: number; title: string }
  | { reason: "notKept"; page: number; article: number };

/** The smallest side of an area, in percent: a narrower one is a slip of the pointer, and a zero one is refused by the parser. */
const SMALLEST_SIDE = 0.1;

/**
 * An area as the preview writes it: each number to one decimal (the importer's precision, a tenth of a percent is under 3 px of a 2,400 px
 * scan), inside the scan, and never smaller than SMALLEST_SIDE.
 */
export function clampedArea({ x, y, width, height }: Area): Area {
  const tenths = (value: number, low: number, high: number) => Math.round(Math.min(high, Math.max(low, value)) * 10) / 10;
  const left = tenths(x, 0, 100 - SMALLEST_SIDE);
  const top = tenths(y, 0, 100 - SMALLEST_SIDE);
  return { x: left, y: top, width: tenths(width, SMALLEST_SIDE, 100 - left), height: tenths(height, SMALLEST_SIDE, 100 - top) };
}

/**
 * The text of the issue file `file` (its `bytes`) with the areas of `edits` written for the articles of 版 `page`; or why not. The result
 * is parsed again before it is given, and refused unless each article reads back with the area written.
 */
export function withAreas(file: string, bytes: Uint8Array, config: PaperConfig, page: number, edits: readonly AreaEdit[]): { text: string } | AreaRefusal {
  const parsed = parseIssue(file, bytes, config).issue;
  const source = readIssueSource(file, bytes);
  if (!parsed || "kind" in source) return { reason: "unreadable" };
  const printedPage = parsed.pages.find((candidate) => candidate.number === page);
  if (!printedPage) return { reason: "noPage", page };
  const headings = articleHeadings(source.body, source.bodyLineOffset);
  const lines = new LineEditor(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes));
  const changes: { line: number; change: (editor: LineEditor) => void }[] = [];
  for (const edit of edits) {
    const article = printedPage.articles[edit.article - 1];
    if (!article) return { reason: "noArticle", page, article: edit.article };
    if (article.title !== edit.title) return { reason: "changed", page, article: edit.article, title: edit.title };
    const found = headings.get(article.line);
    if (!found) return { reason: "unreadable" };
    changes.push(areaChange(found, source.bodyLineOffset, lines, areaValue(edit.area)));
  }
  // From the bottom up, so an added line does not move the lines of the changes still to make.
  for (const { change } of changes.sort((a, b) => b.line - a.line)) change(lines);
  const text = lines.text();
  const reread = parseIssue(file, new TextEncoder().encode(text), config).issue?.pages.find((candidate) => candidate.number === page);
  for (const edit of edits) {
    const area = reread?.articles[edit.article - 1]?.area;
    if (!area || areaValue(area) !== areaValue(edit.area)) return { reason: "notKept", page, article: edit.article };
  }
  return { text };
}

interface ArticleNodes {
  heading: Heading;
  /** The nodes under the title, up to the next title or 版. */
  nodes: RootContent[];
}

/** Every article's title (## heading) in the body, by its line in the file, with the nodes under it. */
function articleHeadings(body: string, lineOffset: number): Map<number, ArticleNodes> {
  const headings = new Map<number, ArticleNodes>();
  let open: ArticleNodes | undefined;
  for (const node of markdownParser.parse(body).children) {
    if (node.type === "heading" && node.depth <= 2) {
      open = node.depth === 2 ? { heading: node, nodes: [] } : undefined;
      if (open) headings.set((node.position?.start.line ?? 0) + lineOffset, open);
    } else {
      open?.nodes.push(node);
    }
  }
  return headings;
}

/** The change that writes `value` as the article's area: its 区域 line's value replaced, or a 区域 line added to its labels. */
function areaChange(
  { heading, nodes }: ArticleNodes,
  lineOffset: number,
  lines: LineEditor,
  value: string,
): { line: number; change: (editor: LineEditor) => void } {
  const block = labelBlockOf(heading, nodes);
  if (block?.position) {
    const first = block.position.start.line + lineOffset;
    const last = block.position.end.line + lineOffset;
    for (let line = first; line <= last; line++) {
      const written = lines.line(line);
      if (readLabelLine(written)?.name !== "area") continue;
      // The label as the editor wrote it (热区:, area：, indented) is kept; only its value is new.
      const label = /^[^：:︰﹕]*[：:︰﹕]\s*/u.exec(written)![0];
      return { line, change: (editor) => editor.replace(line, `${label}${value}`) };
    }
    return { line: last, change: (editor) => editor.insertAfter(last, [`区域：${value}`]) };
  }
  // No labels yet: the line goes right under the title, as the importer writes it; a paragraph right under the title (no blank line
  // between) would otherwise be read as labels too, so a blank line then keeps it the body it was.
  const titleLine = (heading.position?.end.line ?? 0) + lineOffset;
  const next = lines.line(titleLine + 1);
  return { line: titleLine, change: (editor) => editor.insertAfter(titleLine, next.trim() === "" ? [`区域：${value}`] : [`区域：${value}`, ""]) };
}

/** A text as lines, each with the line ending it had, so what is not changed is given back byte for byte. */
class LineEditor {
  /** Lines and their endings, alternating: line 1, its ending, line 2, … (the last line may have none). */
  private readonly parts: string[];

  constructor(text: string) {
    // The line breaks the parser counts (read.ts turns \r\n and a lone \r into \n), so line numbers agree with its.
    this.parts = text.split(/(\r\n|\r|\n)/);
  }

  /** Line `number` (from 1), without its ending; empty past the end. */
  line(number: number): string {
    return this.parts[(number - 1) * 2] ?? "";
  }

  replace(number: number, text: string): void {
    this.parts[(number - 1) * 2] = text;
  }

  /** Adds `added` after line `number`, each ended as that line is (or as the file's first line is, when it is the last and has none). */
  insertAfter(number: number, added: readonly string[]): void {
    const index = (number - 1) * 2 + 1;
    const ending = this.parts[index] ?? this.parts[1] ?? "\n";
    if (index >= this.parts.length) this.parts.push(ending);
    this.parts.splice(index + 1, 0, ...added.flatMap((text) => [text, ending]));
  }

  text(): string {
    return this.parts.join("");
  }
}
