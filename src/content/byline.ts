// Bylines and photo credits: （融媒体 全兴社 通讯员 李晓） → affiliation, reporters and correspondents.
import type { Byline } from "../model.ts";

/** A paragraph wholly in parentheses, half- or full-width: the text inside, or undefined. */
export function parenthesisedText(paragraph: string): string | undefined {
  const match = /^[（(]([^()（）]+)[)）]$/.exec(paragraph.trim());
  return match?.[1]?.trim() || undefined;
}

/** A photo credit: a short line ending in 摄, e.g. 融媒体 徐振鑫 通讯员 张振祥 摄. */
export function isPhotoCredit(paragraph: string): boolean {
  return /^[^。！？；\n]{1,60}摄$/.test(paragraph.trim()) && /\S\s*摄$/.test(paragraph.trim()) && !/^[（(]/.test(paragraph.trim());
}

/** Words that make the names after them correspondents. */
const CORRESPONDENT = /^(.*)通讯员$/;
/** Words that make the names after them staff reporters. */
const REPORTER = /^(.*?)(记者|摄影记者|报道)$/;

/**
 * Parses a byline's text (without parentheses). The first word is the affiliation when more words follow it
 * (融媒体 郭龙君); 通讯员 starts the correspondents; a word ending in 记者 names the affiliation and starts the reporters.
 */
export function parseByline(text: string): Byline {
  const cleaned = text.replace(/\s*摄$/, "").trim();
  const words = cleaned.split(/[\s\u3000、，,]+/).filter(Boolean);
  const byline: Byline = { text: text.trim(), reporters: [], correspondents: [] };
  let names = byline.reporters;
  words.forEach((word, index) => {
    const correspondent = CORRESPONDENT.exec(word);
    const reporter = REPORTER.exec(word);
    if (correspondent) {
      if (correspondent[1] && !byline.affiliation) byline.affiliation = correspondent[1];
      names = byline.correspondents;
    } else if (reporter) {
      if (reporter[1] && !byline.affiliation) byline.affiliation = reporter[1];
      names = byline.reporters;
    } else if (index === 0 && words.length > 1 && !CORRESPONDENT.test(words[1] ?? "")) {
      byline.affiliation = word;
    } else {
      names.push(word);
    }
  });
  return byline;
}
