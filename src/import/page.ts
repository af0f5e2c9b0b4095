// One 版 of the export, print line by print line, to its banner and its items: articles (headlines, dateline, body, byline) and photo news (caption and credit).
import type { ImportedArticle, ImportedPage, ImportedText, PrintLine } from "./types.ts";
import { isHeadlineShaped, lineKind, type LineKind } from "./line-kinds.ts";
import { continuation } from "./paragraphs.ts";
import { readHeadlines } from "./headlines.ts";
import { judged, type Judgement, type UntitledReason } from "../messages/judgements.ts";

/** More headline lines than this in a row are not one headline group: banner, kicker, title and a subtitle of two lines at most. */
const MAX_HEADLINE_LINES = 4;

interface PageContext {
  number: number;
  /** The page starts under a page break, where a banner may be printed (every 版 but the first). */
  afterBreak: boolean;
  datelinePrefixes: readonly string[];
}

/** Reads one 版. Articles end at their byline; until then a short line without punctuation is taken as a new title only when a dateline follows it. */
export function readPage(lines: readonly PrintLine[], context: PageContext): ImportedPage {
  const reader = new PageReader(lines, context.datelinePrefixes);
  const page: ImportedPage = { number: context.number, articles: [] };
  /** The article still taking paragraphs: opened by its headlines, closed by its byline. */
  let open: ImportedArticle | undefined;
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!;
    const kind = reader.kinds[index]!;
    if (kind === "byline" || kind === "credit") {
      const target = open ?? page.articles.at(-1) ?? startUntitled(page, "bylineOpensPage");
      target.paragraphs.push({ text: line.text, checks: open || kind === "credit" ? [] : [judged("BylineAfterEndedArticle", {})] });
      if (kind === "byline") open = undefined;
      index += 1;
      continue;
    }

    const groupSize = reader.headlineGroupAt(index);
    const afterGroup = index + groupSize;
    if (groupSize > 0 && (reader.kinds[afterGroup] === "dateline" || !open)) {
      const headlines = readHeadlines(
        lines.slice(index, afterGroup).map((printLine) => printLine.text),
        {
          atPageStart: context.afterBreak && index === 0,
          beforeCaption: reader.isCaptionAt(afterGroup),
        },
      );
      if (headlines.banner) page.banner = headlines.banner;
      open = undefined;
      if (headlines.title) {
        open = {
          ...(headlines.kicker && { kicker: headlines.kicker }),
          title: headlines.title,
          ...(headlines.subtitle && { subtitle: headlines.subtitle }),
          paragraphs: [],
        };
        page.articles.push(open);
      }
      index = afterGroup;
      continue;
    }

    const paragraph = reader.paragraphAt(index);
    if (reader.kinds[paragraph.end] === "credit") {
      const credit = { text: lines[paragraph.end]!.text, checks: [] };
      if (open) {
        if (open.paragraphs.length > 0 && reader.endsItem(paragraph.end + 1)) {
          paragraph.checks.push(judged("CaptionKeptAsPhoto", { title: open.title.text }));
        }
        open.paragraphs.push(paragraph, credit);
      } else {
        page.articles.push({ title: { text: "", checks: [] }, paragraphs: [paragraph, credit] });
      }
      index = paragraph.end + 1;
      continue;
    }

    if (!open || (kind === "dateline" && open.paragraphs.length > 0)) {
      open = startUntitled(page, kind === "dateline" ? "datelineStartsArticle" : "followsEndedArticle");
    }
    open.paragraphs.push(paragraph);
    index = paragraph.end;
  }
  return page;
}

/** An article whose headline could not be found; the pipeline will also report its missing title. */
function startUntitled(page: ImportedPage, reason: UntitledReason): ImportedArticle {
  const article: ImportedArticle = {
    title: { text: "", checks: [judged("NoTitleFound", { reason })] },
    paragraphs: [],
  };
  page.articles.push(article);
  return article;
}

/** The page's lines with their kinds, and what can be read from a position onwards. */
class PageReader {
  readonly kinds: LineKind[];

  constructor(
    private readonly lines: readonly PrintLine[],
    datelinePrefixes: readonly string[],
  ) {
    this.kinds = lines.map((line) => lineKind(line.text, datelinePrefixes));
  }

  /** How many lines from `index` on are headline lines: headline-shaped text, none of them a caption. */
  headlineGroupAt(index: number): number {
    let size = 0;
    while (size < MAX_HEADLINE_LINES && this.isHeadlineLine(index + size)) size += 1;
    return size;
  }

  /** Whether the text at `index` is a caption: a paragraph with a credit line under it. */
  isCaptionAt(index: number): boolean {
    return this.kinds[index] === "text" && this.kinds[this.paragraphAt(index).end] === "credit";
  }

  /** Whether the item above ends before `index`: the page ends, or a headline group, a dateline or a byline comes next. */
  endsItem(index: number): boolean {
    return index >= this.lines.length || this.kinds[index] === "dateline" || this.kinds[index] === "byline" || this.headlineGroupAt(index) > 0;
  }

  /** The paragraph starting at `index`, with the print lines that continue it joined; `end` is the index after its last line. */
  paragraphAt(index: number): ImportedText & { end: number } {
    const first = this.lines[index]!;
    let text = first.text;
    const checks: Judgement[] = [];
    let end = index + 1;
    while (end < this.lines.length && this.kinds[end] === "text") {
      const next = this.lines[end]!.text;
      const how = continuation(text, next);
      if (how === "ends") break;
      const groupSize = this.headlineGroupAt(end);
      if (groupSize > 0 && this.kinds[end + groupSize] === "dateline") {
        checks.push(judged("ParagraphEndsBeforeTitle", {}));
        break;
      }
      if (how === "continues-after-quote") {
        checks.push(judged("JoinedAfterQuote", { end: text.slice(-8), next: excerpt(next) }));
      } else if (end === index + 1 && isHeadlineShaped(first.text) && !/^\p{P}/u.test(next)) {
        checks.push(judged("JoinedShortLine", { line: first.text }));
      }
      text += next;
      end += 1;
    }
    return { text, checks, end };
  }

  private isHeadlineLine(index: number): boolean {
    const line = this.lines[index];
    if (!line || this.kinds[index] !== "text" || !isHeadlineShaped(line.text)) return false;
    return this.kinds[index + 1] !== "credit";
  }
}

function excerpt(text: string): string {
  return text.length > 12 ? `${text.slice(0, 12)}…` : text;
}
