// Paragraphs broken across columns: where a body paragraph ends, and whether the next print line continues it.

/** Sentence-final punctuation, optionally followed by closing quotes or brackets: the paragraph ends here. */
const SENTENCE_END = /[。！？!?…](?:[”’」』）)》"'])*$/u;
/** A paragraph cannot start with these; a line that does continues the one before, wherever it ended. */
const CONTINUING_START = /^[，,、。；;：:！？!?）)”’」』》…]/u;
/** Brackets that close a byline-like aside, e.g. …（点）; also treated as an end. */
const CLOSING_BRACKET = /[）)]$/u;
/** A closing quote with no sentence-final mark before it ends a quoted phrase, not the paragraph. */
const PHRASE_QUOTE_END = /[^。！？!?…][”’」』]$/u;

export type Continuation =
  /** The paragraph goes on in the next line: it ended mid-sentence. */
  | "continues"
  /** Probably goes on: it ended with a quoted phrase, not a sentence. */
  | "continues-after-quote"
  /** It ended; the next line starts a new paragraph. */
  | "ends";

/** Whether `next` continues the paragraph that so far reads `paragraph`. */
export function continuation(paragraph: string, next: string): Continuation {
  if (CONTINUING_START.test(next)) return "continues";
  if (SENTENCE_END.test(paragraph) || CLOSING_BRACKET.test(paragraph)) return "ends";
  if (PHRASE_QUOTE_END.test(paragraph)) return "continues-after-quote";
  return "continues";
}
