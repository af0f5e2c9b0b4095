// Reading one issue file: strict UTF-8, BOM and CRLF tolerated, front-matter split off with gray-matter.
import matter from "gray-matter";
import type { Problem } from "./problems.ts";

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

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Decodes and splits an issue file; on failure returns the problem instead. */
export function readIssueSource(file: string, bytes: Uint8Array): IssueSource | Problem {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return {
      kind: "NotUtf8", severity: "error", file,
      message: "The file is not valid UTF-8 text.",
      fix: "Save it as UTF-8 (in most editors: Save As… → Encoding: UTF-8); GBK or GB2312 exports must be converted.",
    };
  }
  text = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  if (text.trim() === "") {
    return { kind: "EmptyFile", severity: "error", file, message: "The file is empty.", fix: "Add the front-matter and the issue's pages, or delete the file." };
  }
  if (!text.startsWith("---\n")) {
    return {
      kind: "MissingFrontMatter", severity: "error", file, line: 1,
      message: "The file does not start with front-matter.",
      fix: "Begin the file with a --- line, the fields issue, date, lunar and pages, and another --- line.",
    };
  }
  let parsed: matter.GrayMatterFile<string>;
  try {
    // Options are passed so gray-matter does not keep every file in its global cache.
    parsed = matter(text, {});
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? "the YAML could not be read";
    return {
      kind: "MalformedYaml", severity: "error", file, line: mark?.line !== undefined ? mark.line + 1 : 1,
      message: `The front-matter is not valid YAML: ${reason}.`,
      fix: "Write each field as `name: value` on its own line; quote values that contain a colon followed by a space.",
    };
  }
  const body = parsed.content;
  const bodyLineOffset = text.slice(0, text.length - body.length).split("\n").length - 1;
  return {
    data: (parsed.data ?? {}) as Record<string, unknown>,
    frontMatterLines: text.split("\n").slice(1, bodyLineOffset - 1),
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
