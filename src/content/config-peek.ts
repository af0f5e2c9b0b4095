// Reads baoku.config.json, once a command, and decides from it, with the environment, the language the command speaks — without
// validating it against the schema, which config.ts does with what this read. A rebuild with nothing changed needs only the file's bytes
// (they are in the build's fingerprint, and the same bytes were valid at the build it recorded) and a command line's mistake only the
// language: neither then loads zod and the schema, about a quarter of a second of a command that should take less than one.
import { readFileSync } from "node:fs";
import path from "node:path";
import { runLanguage, type Language } from "../messages/language.ts";
import { withoutBom } from "../util/text.ts";

export const CONFIG_FILE = "baoku.config.json";

/** baoku.config.json as read and parsed, not yet validated. */
export interface PeekedConfig {
  /** The file's bytes; absent when there is no file. */
  bytes?: Buffer;
  /** Its text without a byte-order mark, its JSON, or why that is not JSON (JSON.parse's message). */
  text?: string;
  json?: unknown;
  jsonError?: string;
  /** The language of the run: `BAOKU_LANG`, else the `language` the file names — even when another setting is wrong — else Chinese. */
  language: Language;
}

/** Reads baoku.config.json in `contentRoot`. */
export function peekConfig(contentRoot: string, environment: NodeJS.ProcessEnv = process.env): PeekedConfig {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path.join(contentRoot, CONFIG_FILE));
  } catch {
    return { language: runLanguage(undefined, environment) };
  }
  return { bytes, ...parseConfigText(bytes.toString("utf8"), environment) };
}

/** The configuration file's text parsed, and the language it names. */
export function parseConfigText(text: string, environment: NodeJS.ProcessEnv = process.env): Omit<PeekedConfig, "bytes"> {
  const source = withoutBom(text);
  try {
    const json: unknown = JSON.parse(source);
    const named = json !== null && typeof json === "object" ? (json as { language?: unknown }).language : undefined;
    return { text: source, json, language: runLanguage(named, environment) };
  } catch (error) {
    return { text: source, jsonError: (error as Error).message, language: runLanguage(undefined, environment) };
  }
}
