// One 版's PDF, read by its geometry, to its banner and its items: headline groups told apart by type size, bodies put in reading order
// column by column, paragraphs split at their indents, photos with caption and credit, and each item's area in percent of the page.
import type { Area } from "../model.ts";
import type { ImportedArticle, ImportedPage, ImportedPhoto, ImportedText } from "./types.ts";
import type { PdfLine, PdfPage, Rect } from "./pdf-text.ts";
import { lineKind, type LineKind } from "./line-kinds.ts";
import { continuation } from "./paragraphs.ts";
import { judged, type Judgement } from "../messages/judgements.ts";

/** A line this much larger than the body type is a headline (banner, kicker, title or subtitle). */
const HEADLINE_SIZE_RATIO = 1.2;
/** Lines of one headline group stand at most this many of their type sizes apart. */
const HEADLINE_LEADING = 0.9;
/** Kicker, title and subtitle whose sizes differ by less than this share cannot be told apart by type. */
const CLOSE_SIZES = 0.1;
/** Title lines sized within this share of the largest are all title (a size set by eye differs by a hair, not by 5%). */
const TITLE_SIZE_SHARE = 0.98;
/** A headline line this wide, as a share of its article, was broken by the layout (joined without a space); narrower, it was broken by hand. */
const FULL_WIDTH = 0.85;
/** Text directly under something in its column, within this many body sizes, continues it. */
const COLUMN_GAP = 2;
/** A line set in this many body sizes from its column's left edge is indented: a paragraph starts there. */
const INDENT = 1.2;
/** Margin around an article's blocks in its area, in body sizes: the hotspot covers the article's rules and white space too. */
const AREA_MARGIN = 0.5;
/** Areas that share more than this share of the smaller one overlap enough to be listed. */
const OVERLAP_SHARE = 0.05;

type KindOf = (text: string) => LineKind;

/** Body text and datelines run on; bylines and credits stand alone. */
function isBodyText(kind: LineKind): boolean {
  return kind === "text" || kind === "dateline";
}

/** A thing printed on the page: a body line or a picture. */
interface Block {
  box: Rect;
  line?: PdfLine;
  /** The item it belongs to, once placed. */
  item?: Item;
  /** Placed by distance to the nearest headline rather than by what stands directly above it. */
  byDistance?: boolean;
}

/** A headline group: the lines of a banner, or of an article's kicker, title and subtitle. */
interface HeadlineGroup {
  lines: PdfLine[];
  box: Rect;
  item?: Item;
}

/** An item being read: an article under a headline group, or photo news or text found without one. */
interface Item {
  group?: HeadlineGroup;
  blocks: Block[];
  /** Why there is no headline, for text without a picture. */
  untitled?: boolean;
}

/** Reads a 版 whose masthead lines, if any, have been taken out. */
export function readPdfPage(pdf: PdfPage, number: number, datelinePrefixes: readonly string[]): ImportedPage {
  const bodySize = commonSize(pdf.lines);
  const kindOf = (text: string) => lineKind(text, datelinePrefixes);
  const isHeadline = (line: PdfLine) => line.size >= bodySize * HEADLINE_SIZE_RATIO && kindOf(line.text) !== "byline" && kindOf(line.text) !== "credit";
  const groups = headlineGroups(pdf.lines.filter(isHeadline));
  const blocks: Block[] = [
    ...pdf.lines.filter((line) => !isHeadline(line)).map((line) => ({ box: line.box, line })),
    ...pdf.images.map((box) => ({ box })),
  ].sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);

  const banner = groups.find((group) => isBanner(group, groups, blocks, bodySize));
  const items: Item[] = [];
  for (const group of groups) {
    if (group === banner) continue;
    group.item = { group, blocks: [] };
    items.push(group.item);
  }
  for (const block of blocks)
    place(
      block,
      blocks,
      groups.filter((group) => group !== banner),
      items,
      bodySize,
    );

  const ordered = items.filter((item) => item.group || item.blocks.length > 0).sort((a, b) => compareItems(a, b, bodySize));
  const photos: ImportedPhoto[] = [];
  /** Names the photo printed at `box`, in reading order: photo-<版>-<n>.jpg. */
  const photoAt = (box: Rect) => {
    const file = `photo-${number}-${photos.length + 1}.jpg`;
    photos.push({ file, area: percentArea(box, pdf) });
    return file;
  };
  const articles = ordered.map((item) => readItem(item, bodySize, pdf, kindOf, photoAt));
  markOverlaps(articles);
  return {
    number,
    ...(banner && { banner: { text: joinLines(banner.lines, banner.box.x1 - banner.box.x0), checks: [] } }),
    articles: articles.map(({ article }) => article),
    ...(photos.length > 0 && { photos }),
  };
}

/** The body's type size: the size most characters on the page are set in. */
function commonSize(lines: readonly PdfLine[]): number {
  const counts = new Map<number, number>();
  for (const line of lines) counts.set(line.size, (counts.get(line.size) ?? 0) + [...line.text].length);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}

/** Gathers headline lines into groups: lines that overlap across and stand close above one another. */
function headlineGroups(lines: readonly PdfLine[]): HeadlineGroup[] {
  const sorted = [...lines].sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);
  const groups: HeadlineGroup[] = [];
  for (const line of sorted) {
    const group = groups.find((candidate) =>
      candidate.lines.some(
        (member) => overlapX(member.box, line.box) > 0 && line.box.y0 - member.box.y1 <= HEADLINE_LEADING * Math.max(member.size, line.size),
      ),
    );
    if (group) {
      group.lines.push(line);
      group.box = union(group.box, line.box);
    } else {
      groups.push({ lines: [line], box: line.box });
    }
  }
  return groups;
}

/** A banner heads the page: the topmost group, with headlines rather than text right under it, over two or more articles. */
function isBanner(group: HeadlineGroup, groups: readonly HeadlineGroup[], blocks: readonly Block[], bodySize: number): boolean {
  if (groups[0] !== group) return false;
  const below = groups.filter((other) => other !== group && other.box.y0 >= group.box.y1 && overlapX(other.box, group.box) > 0);
  const nearestBelow = Math.min(...below.map((other) => other.box.y0));
  const textRightUnder = blocks.some(
    (block) =>
      overlapX(block.box, group.box) > 0 && block.box.y0 >= group.box.y1 && block.box.y0 < nearestBelow && block.box.y0 - group.box.y1 <= COLUMN_GAP * bodySize,
  );
  return below.length >= 2 && !textRightUnder;
}

/**
 * Places a block in an item: the item of what stands right above it in its column; else the nearest headline group above it (a title set
 * over several columns may not reach the outer ones); else a new item of its own (photo news, or text whose headline was not found).
 */
function place(block: Block, blocks: readonly Block[], groups: readonly HeadlineGroup[], items: Item[], bodySize: number): void {
  const reach = Math.min(bodySize, (block.box.x1 - block.box.x0) * 0.2);
  const above: Array<{ box: Rect; item?: Item }> = [
    ...groups.flatMap((group) => group.lines.map((line) => ({ box: line.box, item: group.item }))),
    ...blocks.filter((other) => other.item && other !== block),
  ].filter((other) => overlapX(other.box, block.box) >= reach && other.box.y1 <= block.box.y0 + bodySize * 0.3);
  const directly = above.sort((a, b) => b.box.y1 - a.box.y1)[0];
  if (directly?.item) {
    // A short last line (话。) or a byline set right does not reach across the column, but it closes the gap to what stands above it.
    const closest = blocks
      .filter(
        (other) =>
          other.item === directly.item &&
          other !== block &&
          other.box.y1 > directly.box.y1 &&
          other.box.y1 <= block.box.y0 + bodySize * 0.3 &&
          overlapX(other.box, directly.box) > 0,
      )
      .reduce((lowest, other) => (other.box.y1 > lowest.box.y1 ? other : lowest), directly);
    if (block.box.y0 - closest.box.y1 <= COLUMN_GAP * bodySize) {
      join(directly.item, block);
      return;
    }
  }
  const floor = directly ? directly.box.y1 : -Infinity;
  const nearest = groups
    .filter((group) => group.box.y1 <= block.box.y0 + bodySize * 0.3 && group.box.y1 >= floor)
    .sort((a, b) => distance(a.box, block.box) - distance(b.box, block.box))[0];
  if (nearest?.item) {
    join(nearest.item, block, overlapX(nearest.box, block.box) < reach);
    return;
  }
  const item: Item = { blocks: [], untitled: true };
  items.push(item);
  join(item, block);
}

function join(item: Item, block: Block, byDistance = false): void {
  block.item = item;
  if (byDistance) block.byDistance = true;
  item.blocks.push(block);
}

/** Items in reading order: top to bottom, and left to right among those that start at about the same height. */
function compareItems(a: Item, b: Item, bodySize: number): number {
  const boxA = itemBox(a);
  const boxB = itemBox(b);
  if (Math.abs(boxA.y0 - boxB.y0) > 2 * bodySize) return boxA.y0 - boxB.y0;
  return boxA.x0 - boxB.x0;
}

function itemBox(item: Item): Rect {
  return [...(item.group ? [item.group.box] : []), ...item.blocks.map((block) => block.box)].reduce(union);
}

/** An item as an article: its headlines, its paragraphs in reading order, and its area. */
function readItem(item: Item, bodySize: number, pdf: PdfPage, kindOf: KindOf, photoAt: (box: Rect) => string): { article: ImportedArticle; box: Rect } {
  const box = itemBox(item);
  const width = item.blocks.length > 0 ? item.blocks.map((block) => block.box).reduce(union) : box;
  const headlines = item.group ? readHeadlineGroup(item.group.lines, width.x1 - width.x0) : { title: { text: "", checks: [] } };
  const paragraphs = readParagraphs(item.blocks, kindOf, photoAt);
  if (item.untitled && paragraphs.length > 0 && !item.blocks.some((block) => !block.line)) {
    headlines.title = { text: "", checks: [judged("NoTitleFound", { reason: "noHeadlineAbove" })] };
  }
  const margin = AREA_MARGIN * bodySize;
  const padded = {
    x0: Math.max(0, box.x0 - margin),
    y0: Math.max(0, box.y0 - margin),
    x1: Math.min(pdf.width, box.x1 + margin),
    y1: Math.min(pdf.height, box.y1 + margin),
  };
  return {
    article: { ...headlines, paragraphs, area: { area: percentArea(padded, pdf), checks: [] } },
    box: padded,
  };
}

/** Kicker, title and subtitle by type size: the largest lines are the title, smaller ones above it the kicker, below it the subtitle. */
function readHeadlineGroup(lines: readonly PdfLine[], articleWidth: number): Pick<ImportedArticle, "kicker" | "title" | "subtitle"> {
  const sorted = [...lines].sort((a, b) => a.box.y0 - b.box.y0);
  const largest = Math.max(...sorted.map((line) => line.size));
  const isTitle = sorted.map((line) => line.size >= largest * TITLE_SIZE_SHARE);
  const first = isTitle.indexOf(true);
  const last = isTitle.lastIndexOf(true);
  const kicker = sorted.slice(0, first);
  const title = sorted.slice(first, last + 1);
  const subtitle = sorted.slice(last + 1);
  const checks: Judgement[] = [];
  const others = [...kicker, ...subtitle];
  const heavyTitle = title.every((line) => line.heavy);
  if (others.some((line) => line.size >= largest * (1 - CLOSE_SIZES) && line.heavy === heavyTitle)) {
    checks.push(judged("HeadlineTypeClose", { lines: sorted.map((line) => line.text) }));
  }
  return {
    ...(kicker.length > 0 && { kicker: { text: joinLines(kicker, articleWidth), checks: [] } }),
    title: { text: joinLines(title, articleWidth), checks },
    ...(subtitle.length > 0 && { subtitle: { text: joinLines(subtitle, articleWidth), checks: [] } }),
  };
}

/** Headline lines as one text: a line the layout broke because it was full joins the next directly; one broken by hand keeps a space. */
function joinLines(lines: readonly PdfLine[], width: number): string {
  return lines.reduce((text, line, index) => {
    if (index === 0) return line.text;
    const before = lines[index - 1]!;
    return before.box.x1 - before.box.x0 >= FULL_WIDTH * width ? `${text}${line.text}` : `${text} ${line.text}`;
  }, "");
}

/**
 * The item's body, column after column, top to bottom in each: an indented line (or a byline, a credit) starts a paragraph, and so does a
 * line under one that stopped short of the column's edge after a full stop (for 版 set without indents); a column's first line continues
 * the paragraph before it unless either says otherwise. A picture is an image paragraph (its file cut from the scan later); the
 * lines under it in another face are its caption.
 */
function readParagraphs(blocks: readonly Block[], kindOf: KindOf, photoAt: (box: Rect) => string): ImportedText[] {
  const bodyFont = commonFont(blocks);
  const paragraphs: ImportedText[] = [];
  let open: ImportedText | undefined;
  let afterPicture = false;
  /** The face of the caption being read, under a picture. */
  let captionFont: string | undefined;
  /** The line before stopped short of its column's right edge, as a paragraph's last line does. */
  let endedShort = false;
  for (const column of inColumns(blocks)) {
    const left = Math.min(...column.filter((block) => block.line).map((block) => block.box.x0));
    const right = Math.max(...column.filter((block) => block.line).map((block) => block.box.x1));
    column.forEach((block, index) => {
      const line = block.line;
      if (!line) {
        paragraphs.push({ text: `![](${photoAt(block.box)})`, checks: [] });
        open = undefined;
        afterPicture = true;
        captionFont = undefined;
        return;
      }
      const kind = kindOf(line.text);
      if (afterPicture) {
        afterPicture = false;
        if (isBodyText(kind) && line.font !== bodyFont) captionFont = line.font;
      } else if (captionFont !== undefined && (line.font !== captionFont || !isBodyText(kind))) {
        captionFont = undefined;
        if (isBodyText(kind)) open = undefined;
      }
      const indented = line.box.x0 >= left + INDENT * line.size;
      const sentenceEnded = open !== undefined && continuation(open.text, line.text) === "ends";
      const shortBefore = endedShort;
      endedShort = line.box.x1 < right - INDENT * line.size;
      if (!open || indented || (shortBefore && sentenceEnded) || !isBodyText(kind) || !isBodyText(kindOf(open.text))) {
        open = { text: line.text, checks: block.byDistance ? [judged("BlockPlacedByDistance", { text: excerpt(line.text) })] : [] };
        paragraphs.push(open);
        return;
      }
      if (index === 0 && sentenceEnded) {
        open.checks.push(judged("ColumnJoinUnsure", { end: open.text.slice(-8), next: excerpt(line.text) }));
      }
      open.text += line.text;
    });
  }
  return paragraphs;
}

/** The item's blocks in columns — blocks overlapping across by half the narrower belong to one — left to right, each top to bottom. */
function inColumns(blocks: readonly Block[]): Block[][] {
  const columns: Array<{ box: Rect; blocks: Block[] }> = [];
  for (const block of blocks) {
    const width = block.box.x1 - block.box.x0;
    const column = columns.find((candidate) => overlapX(candidate.box, block.box) >= 0.5 * Math.min(width, candidate.box.x1 - candidate.box.x0));
    if (column) {
      column.blocks.push(block);
      column.box = { ...column.box, x0: Math.min(column.box.x0, block.box.x0), x1: Math.max(column.box.x1, block.box.x1) };
    } else {
      columns.push({ box: block.box, blocks: [block] });
    }
  }
  return columns.sort((a, b) => a.box.x0 - b.box.x0).map((column) => column.blocks.sort((a, b) => a.box.y0 - b.box.y0));
}

/** The face most of the item's lines are set in: its body type. */
function commonFont(blocks: readonly Block[]): string {
  const counts = new Map<string, number>();
  for (const block of blocks) if (block.line) counts.set(block.line.font, (counts.get(block.line.font) ?? 0) + block.line.text.length);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "";
}

/** Lists, on the later article's area, every pair of areas that overlap by more than a sliver. */
function markOverlaps(articles: ReadonlyArray<{ article: ImportedArticle; box: Rect }>): void {
  articles.forEach(({ article, box }, index) => {
    for (const earlier of articles.slice(0, index)) {
      const shared = overlapX(box, earlier.box) * Math.max(0, Math.min(box.y1, earlier.box.y1) - Math.max(box.y0, earlier.box.y0));
      if (shared > OVERLAP_SHARE * Math.min(size(box), size(earlier.box))) {
        article.area?.checks.push(judged("AreaOverlaps", { title: earlier.article.title.text || excerpt(earlier.article.paragraphs[0]?.text ?? "") }));
      }
    }
  });
}

/** A rectangle in points as an area in percent of the page, to one decimal, inside the page. */
function percentArea(box: Rect, pdf: PdfPage): Area {
  const x = floor1((box.x0 / pdf.width) * 100);
  const y = floor1((box.y0 / pdf.height) * 100);
  return {
    x,
    y,
    width: tenths(Math.min(ceil1((box.x1 / pdf.width) * 100), 100) - x),
    height: tenths(Math.min(ceil1((box.y1 / pdf.height) * 100), 100) - y),
  };
}

function floor1(value: number): number {
  return Math.floor(value * 10) / 10;
}

function ceil1(value: number): number {
  return Math.ceil(value * 10) / 10;
}

/** A sum of tenths without floating-point noise: 92 rather than 92.00000000000001. */
function tenths(value: number): number {
  return Math.round(value * 10) / 10;
}

function overlapX(a: Rect, b: Rect): number {
  return Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0));
}

function union(a: Rect, b: Rect): Rect {
  return { x0: Math.min(a.x0, b.x0), y0: Math.min(a.y0, b.y0), x1: Math.max(a.x1, b.x1), y1: Math.max(a.y1, b.y1) };
}

function size(box: Rect): number {
  return (box.x1 - box.x0) * (box.y1 - box.y0);
}

/** How far a headline group stands from a block: down to it, and across when they do not overlap. */
function distance(group: Rect, block: Rect): number {
  const across = Math.max(0, group.x0 - block.x1, block.x0 - group.x1);
  return block.y0 - group.y1 + across;
}

function excerpt(text: string): string {
  return text.length > 12 ? `${text.slice(0, 12)}…` : text;
}
