// Text as Baoku reads it from a file, by one rule wherever it comes from (issue files, layout exports, baoku.config.json): a byte order
// mark, which Windows editors write before the text, is no part of it.

/** `text` without a leading byte order mark. */
export function withoutBom(text: string): string {
  return text.startsWith("\uFEFF") ? text.slice(1) : text;
}

/** `text` without a byte order mark and with every line ending (CRLF, CR) written as \n. */
export function textLines(text: string): string {
  return withoutBom(text).replace(/\r\n?/g, "\n");
}
