// What a print line is, from its text alone: a dateline, a byline, a photo credit, or text, and whether text is shaped like a headline.
import { isPhotoCredit, parenthesisedText } from "../content/byline.ts";
import { matchDateline } from "../content/dateline.ts";

export type LineKind = "dateline" | "byline" | "credit" | "text";

/** The dateline's date does not matter here, only that the line opens with one; any issue date will do. */
const ANY_ISSUE_DATE = "2000-01-01";
/** Longer than this, a parenthesised line is a note in the body, not a byline. */
const MAX_BYLINE_LENGTH = 40;
/** Longer than this, a line is body text, whatever its punctuation; a title and subtitle run together stay well under it. */
const MAX_HEADLINE_LENGTH = 60;

export function lineKind(text: string, datelinePrefixes: readonly string[]): LineKind {
  if (matchDateline(text, datelinePrefixes, ANY_ISSUE_DATE)) return "dateline";
  if (text.length <= MAX_BYLINE_LENGTH && parenthesisedText(text) !== undefined) return "byline";
  if (isPhotoCredit(text)) return "credit";
  return "text";
}

/**
 * Whether text could be a headline (a banner, kicker, title or subtitle): short, no full stop or semicolon, at most one comma,
 * and not ending mid-sentence. Body text broken at a column has commas every few words, so this keeps it apart.
 */
export function isHeadlineShaped(text: string): boolean {
  if (text.length > MAX_HEADLINE_LENGTH) return false;
  if (/[。；;]/.test(text) || /[！？!?]./.test(text)) return false;
  if ((text.match(/[，,]/g) ?? []).length > 1) return false;
  return !/[，,、：:]$/.test(text);
}
