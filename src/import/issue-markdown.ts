// Writes an imported issue as an issue file (front-matter, # 第N版, ## titles with their labels, paragraphs) and places each judgement on its line.
import type { Check, ImportedArticle, ImportedIssue, ImportedText } from "./types.ts";
import { judged, type Judgement } from "../messages/judgements.ts";
import { areaValue } from "../content/labels.ts";

/** The issue file's text, and the judgements to check by line. */
export function issueMarkdown(issue: ImportedIssue): { markdown: string; checks: Check[] } {
  const writer = new LineWriter();
  const { masthead } = issue;
  const pagesChecks = masthead.pages === undefined ? [judged("PagesCounted", {})] : [];
  writer.block([
    { text: "---", checks: [] },
    { text: `issue: ${masthead.issue}`, checks: [] },
    { text: `date: ${masthead.date}`, checks: [] },
    { text: `lunar: ${masthead.lunar.text}`, checks: masthead.lunar.checks },
    ...(masthead.weekday ? [{ text: `weekday: ${masthead.weekday}`, checks: [] }] : []),
    { text: `pages: ${masthead.pages ?? issue.pages.length}`, checks: pagesChecks },
    { text: "---", checks: [] },
  ]);
  for (const page of issue.pages) {
    writer.block([{ text: `# 第${page.number}版${page.banner ? ` ${page.banner.text}` : ""}`, checks: page.banner?.checks ?? [] }]);
    for (const article of page.articles) {
      writer.headline(article);
      for (const paragraph of article.paragraphs) writer.block([paragraph]);
    }
  }
  return { markdown: writer.text(), checks: writer.checks };
}

/** Collects lines, a blank line between blocks, and the line numbers of their judgements. */
class LineWriter {
  private readonly lines: string[] = [];
  readonly checks: Check[] = [];

  /** Lines printed together, each with its own judgements. */
  block(lines: readonly ImportedText[]): void {
    if (this.lines.length > 0) this.lines.push("");
    for (const line of lines) {
      this.lines.push(line.text);
      this.note(line.checks, this.lines.length, this.lines.length);
    }
  }

  /** The ## title and its label lines; judgements on the title cover the whole headline, which they are about. */
  headline(article: ImportedArticle): void {
    const labels = [
      ...(article.kicker ? [{ ...article.kicker, text: `引题：${article.kicker.text}` }] : []),
      ...(article.subtitle ? [{ ...article.subtitle, text: `副题：${article.subtitle.text}` }] : []),
      ...(article.area ? [{ text: `区域：${areaValue(article.area.area)}`, checks: article.area.checks }] : []),
    ];
    this.block([{ text: `##${article.title.text ? ` ${article.title.text}` : ""}`, checks: [] }, ...labels]);
    const titleLine = this.lines.length - labels.length;
    this.note(article.title.checks, titleLine, this.lines.length);
  }

  text(): string {
    return `${this.lines.join("\n")}\n`;
  }

  private note(judgements: readonly Judgement[], line: number, lastLine: number): void {
    for (const judgement of judgements) this.checks.push({ line, lastLine, judgement });
  }
}
