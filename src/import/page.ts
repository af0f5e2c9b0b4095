// One 版 of the export, print line by print line, to its banner and its items: articles (headlines, dateline, body, byline) and photo news (caption and credit).
import type { ImportedArticle, ImportedPage, ImportedText, PrintLine } from "./types.ts";
import { isHeadlineShaped, lineKind, type LineKind } from "./line-kinds.ts";
import { continuation } from "./paragraphs.ts";
import { readHeadlines } from "./headlines.ts";

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
      const target = open ?? page.articles.at(-1) ?? startUntitled(page, "a byline or credit opens the page");
      target.paragraphs.push({ text: line.text, checks: open || kind === "credit" ? [] : ["This byline follows an article that already ended; check that it belongs to the article above."] });
      if (kind === "byline") open = undefined;
      index += 1;
      continue;
    }

    const groupSize = reader.headlineGroupAt(index);
    const afterGroup = index + groupSize;
    if (groupSize > 0 && (reader.kinds[afterGroup] === "dateline" || !open)) {
      const headlines = readHeadlines(lines.slice(index, afterGroup).map((printLine) => printLine.text), {
        atPageStart: context.afterBreak && index === 0,
        beforeCaption: reader.isCaptionAt(afterGroup),
      });
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
          paragraph.checks.push(`Kept this caption and its credit as a photo of the article “${open.title.text}”. If it is photo news of its own, put an empty ## line above it.`);
        }
        open.paragraphs.push(paragraph, credit);
      } else {
        page.articles.push({ title: { text: "", checks: [] }, paragraphs: [paragraph, credit] });
      }
      index = paragraph.end + 1;
      continue;
    }

    if (!open || (kind === "dateline" && open.paragraphs.length > 0)) {
      open = startUntitled(page, kind === "dateline" ? "a dateline starts a new article here" : "it follows the end of the article above");
    }
    open.paragraphs.push(paragraph);
    index = paragraph.end;
  }
  return page;
}

/** An article whose headline could not be found; the pipeline will also report its missing title. */
function startUntitled(page: ImportedPage, reason: string): ImportedArticle {
  const article: ImportedArticle = {
    title: { text: "", checks: [`No title was found for this article (${reason}). Write its title after ##, or move its text into the article it belongs to.`] },
    paragraphs: [],
  };
  page.articles.push(article);
  return article;
}

/** The page's lines with their kinds, and what can be read from a position onwards. */
class PageReader {
  readonly kinds: LineKind[];

  constructor(private readonly lines: readonly PrintLine[], datelinePrefixes: readonly string[]) {
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
    const checks: string[] = [];
    let end = index + 1;
    while (end < this.lines.length && this.kinds[end] === "text") {
      const next = this.lines[end]!.text;
      const how = continuation(text, next);
      if (how === "ends") break;
      const groupSize = this.headlineGroupAt(end);
      if (groupSize > 0 && this.kinds[end + groupSize] === "dateline") {
        checks.push(`This paragraph ends without closing punctuation, but a title and dateline follow, so it was not joined with them. Check its end against the printed page.`);
        break;
      }
      if (how === "continues-after-quote") {
        checks.push(`Joined two print lines at …${text.slice(-8)} | ${excerpt(next)}: the first ends with a quotation mark but no full stop, so they were read as one paragraph broken across columns. If a new paragraph starts at “${excerpt(next)}”, split them there.`);
      } else if (end === index + 1 && isHeadlineShaped(first.text) && !/^\p{P}/u.test(next)) {
        checks.push(`Joined the short line “${first.text}” with the text under it, as one paragraph broken across columns. If it is a subheading, keep it as a paragraph of its own.`);
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
