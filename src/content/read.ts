// Reading one issue file: strict UTF-8, BOM and CRLF tolerated, front-matter split off with gray-matter.
import matter from "gray-matter";
import { problem, type Problem } from "../problems.ts";
import { LIMITS, megabytes } from "./limits.ts";
import { textLines } from "../util/text.ts";

export interface IssueSource {
  /** The front-matter as YAML parsed it. */
  data: Record<string, unknown>;
  /** The front-matter's lines, for finding the line of a field. */
  frontMatterLines: string[];
  /** The Markdown after the front-matter. */
  body: string;
  /** Lines in the file before the body starts, to turn body lines into file lines. */
  bodyLineOffset: number;
}

// A byte order mark is kept here and dropped by the one BOM rule (util/text.ts).
const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The reason given when the front-matter is YAML but not fields (messages/issue-file.ts words it for the editor). */
export const NOT_FIELDS = "its lines are not fields written as name: value";

/** Decodes and splits an issue file; on failure returns the problem instead. */
export function readIssueSource(file: string, bytes: Uint8Array): IssueSource | Problem {
  if (bytes.length > LIMITS.fileBytes) return problem("FileTooLarge", { file }, { megabytes: megabytes(bytes.length), limit: megabytes(LIMITS.fileBytes) });
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return problem("NotUtf8", { file, line: lineOfFirstInvalidByte(bytes) }, {});
  }
  text = textLines(text);
  if (text.trim() === "") {
    return problem("EmptyFile", { file, line: 1 }, {});
  }
  if (!text.startsWith("---\n")) {
    return problem("MissingFrontMatter", { file, line: 1 }, {});
  }
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Options are passed so gray-matter does not keep every file in its global cache.
    parsed = matter(text, {});
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? "the YAML could not be read";
    return problem("MalformedYaml", { file, line: mark?.line !== undefined ? mark.line + 1 : 1 }, { reason });
  }
  // A list or a bare value between the --- lines parses as YAML but names no fields.
  const data: unknown = parsed.data ?? {};
  if (typeof data !== "object" || data === null || Array.isArray(data)) return problem("MalformedYaml", { file, line: 2 }, { reason: NOT_FIELDS });
  const body = parsed.content;
  const head = text.slice(0, text.length - body.length).split("\n");
  const bodyLineOffset = head.length - 1;
  const frontMatterLines = head.slice(1, bodyLineOffset - 1);
  if (usesAliases(data)) return problem("YamlAlias", { file, line: aliasLine(frontMatterLines) }, {});
  return {
    data: data as Record<string, unknown>,
    frontMatterLines,
    body,
    bodyLineOffset,
  };
}

/** The 1-based file line of a front-matter field, or of the opening --- when the field is absent. */
export function lineOfField(source: IssueSource, field: string): number {
  // Compared as text, not as a pattern: an unknown field's name may hold any character.
  const index = source.frontMatterLines.findIndex((line) => line.startsWith(field) && /^\s*:/.test(line.slice(field.length)));
  return index === -1 ? 1 : index + 2;
}

/** The 1-based line of the first byte that is not part of valid UTF-8 (decoding stopped before; the file has one). */
function lineOfFirstInvalidByte(bytes: Uint8Array): number {
  let line = 1;
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (length === 0 || index + length > bytes.length) return line;
    const second = bytes[index + 1] ?? 0;
    // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
    const [low, high] =
      lead === 0xe0 ? [0xa0, 0xbf] : lead === 0xed ? [0x80, 0x9f] : lead === 0xf0 ? [0x90, 0xbf] : lead === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    if (length > 1 && (second < low || second > high)) return line;
    for (let next = 2; next < length; next++) if ((bytes[index + next]! & 0xc0) !== 0x80) return line;
    if (lead === 0x0a) line++;
    index += length;
  }
  return line;
}

/**
 * Whether YAML's aliases made two places of the front-matter one value: js-yaml resolves `*name` to the very object `&name` made, so a
 * value met twice on the way through is an alias. Walked without recursion, each value once, so a deep or aliased value costs its size.
 */
function usesAliases(data: object): boolean {
  const seen = new Set<object>();
  const pending: unknown[] = [data];
  while (pending.length > 0) {
    const value = pending.pop();
    if (value === null || typeof value !== "object" || value instanceof Date) continue;
    if (seen.has(value)) return true;
    seen.add(value);
    for (const child of Object.values(value)) pending.push(child);
  }
  return false;
}

/** The line (1-based, in the file) of the first alias or anchor in the front-matter, or the first field's line. */
function aliasLine(frontMatterLines: readonly string[]): number {
  const index = frontMatterLines.findIndex((line) => /(?:^|[\s:,[{-])[*&][\w-]/.test(line));
  return (index === -1 ? 0 : index) + 2;
}
