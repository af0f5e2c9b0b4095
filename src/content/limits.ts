// What one issue file may ask of the Markdown parser. micromark's time grows with the square of some constructs inside one block (nested
// block quotes and lists, runs of emphasis marks, chains of setext underlines) and its tree's depth with nesting, which overflows the
// stack of everything that walks the tree. These limits are checked on the raw text, in one pass, before parsing, so that a build's time
// and memory grow at most linearly with its files and a crafted file is refused at its line instead of stalling or crashing CI.

export const LIMITS = {
  /** Bytes of one issue file: a daily issue of 100 版 is a few MB. */
  fileBytes: 16 * 1024 * 1024,
  /** Block quotes and list items a line may be inside. */
  nesting: 16,
  /** Bytes of one block (lines with no blank line between them): a long article's paragraph is a few KB. */
  blockBytes: 64 * 1024,
  /** Emphasis marks (* and _) in one block. */
  emphasisMarks: 200,
  /** Setext underlines (=== or --- under a line) in one block. */
  underlines: 20,
  /** Markdown's marks (* _ [ ] < > ` \ &) in the whole body: what costs the parser most, character for character. */
  markupMarks: 100_000,
} as const;

/** Bytes as whole megabytes, rounded up, for messages. */
export function megabytes(bytes: number): number {
  return Math.ceil(bytes / (1024 * 1024));
}

/** A limit the body goes past, and where: its line (1-based, in the body) and what was counted. */
export type LimitHit =
  | { limit: "nesting"; line: number; count: number }
  | { limit: "blockBytes"; line: number; count: number }
  | { limit: "emphasisMarks"; line: number; count: number }
  | { limit: "underlines"; line: number; count: number }
  | { limit: "markupMarks"; line: number; count: number };

const EMPHASIS = /[*_]/g;
const MARKUP = /[*_[\]<>`\\&]/g;
const UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*$/;
/** A container opening at the start of what is left of a line: a block quote marker, or a list item's bullet or number. */
const CONTAINER = /^[ \t]{0,3}(?:>[ \t]?|(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$))/;
/** A thematic break (* * * or - - -), whose marks open nothing. */
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/** The first limit the Markdown body goes past, or undefined when it is within all of them. */
export function bodyLimitHit(body: string): LimitHit | undefined {
  let blockStart = 0;
  let blockBytes = 0;
  let emphasis = 0;
  let underlines = 0;
  let markup = 0;
  const lines = body.split("\n");
  for (const [index, text] of lines.entries()) {
    const line = index + 1;
    if (text.trim() === "") {
      blockBytes = emphasis = underlines = 0;
      blockStart = line + 1;
      continue;
    }
    const depth = nestingOf(text);
    if (depth > LIMITS.nesting) return { limit: "nesting", line, count: depth };
    // The marks first: a line of 50,000 * is better told as too many marks than as too long.
    emphasis += text.match(EMPHASIS)?.length ?? 0;
    if (emphasis > LIMITS.emphasisMarks) return { limit: "emphasisMarks", line, count: emphasis };
    if (UNDERLINE.test(text) && ++underlines > LIMITS.underlines) return { limit: "underlines", line, count: underlines };
    markup += text.match(MARKUP)?.length ?? 0;
    if (markup > LIMITS.markupMarks) return { limit: "markupMarks", line, count: markup };
    blockBytes += Buffer.byteLength(text) + 1;
    if (blockBytes > LIMITS.blockBytes) return { limit: "blockBytes", line: blockStart, count: blockBytes };
  }
  return undefined;
}

/**
 * How deep a line is nested: the containers it opens (> and list markers, which may follow one another on one line) and, for the lines
 * that continue a list item, its indentation, two columns a level (a tab is four).
 */
function nestingOf(text: string): number {
  if (THEMATIC_BREAK.test(text)) return 0;
  const indent = /^[ \t]*/.exec(text)![0].replace(/\t/g, "    ").length;
  let depth = Math.floor(indent / 2);
  let rest = text.slice(/^[ \t]*/.exec(text)![0].length);
  for (let marker = CONTAINER.exec(rest); marker && depth <= LIMITS.nesting; marker = CONTAINER.exec(rest)) {
    depth++;
    rest = rest.slice(marker[0].length);
  }
  return depth;
}
