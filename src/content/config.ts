// The paper's configuration file, baoku.config.json, validated with the schema, with the language a command speaks. The file is read, and
// the language decided, in one place (config-peek.ts): a command reads it once, validates it here, and passes what it read on.
import type { z } from "zod";
import { isConfigRule, paperConfigSchema, type ConfigRule, type PaperConfig } from "../model.ts";
import { problem, type Problem } from "../problems.ts";
import type { Language } from "../messages/language.ts";
import { CONFIG_FILE, parseConfigText, peekConfig, type PeekedConfig } from "./config-peek.ts";

export { CONFIG_FILE };

/** baoku.config.json as a command read it. */
export interface ConfigFile {
  /** The file's bytes, which the build's fingerprint is made of; absent when there is no file. */
  bytes?: Uint8Array;
  /** The configuration, when the file holds a valid one. */
  config?: PaperConfig;
  /** What stops it being used. */
  problems: Problem[];
  /** The language the command speaks to the person running it. */
  language: Language;
}

/** Reads baoku.config.json in `contentRoot`, once a command: its configuration, its problems and the command's language. */
export function loadConfig(contentRoot: string, environment: NodeJS.ProcessEnv = process.env): ConfigFile {
  return validateConfig(peekConfig(contentRoot, environment), contentRoot);
}

/**
 * The configuration in `text`, the file's contents, or the problems that stop it being used; and the language of the run: `BAOKU_LANG`,
 * else the `language` the file names — even when another setting is wrong, so the editor who asked for English is told in English
 * what to correct — else Chinese.
 */
export function readConfig(text: string, environment: NodeJS.ProcessEnv = process.env): Omit<ConfigFile, "bytes"> {
  return validateConfig(parseConfigText(text, environment), "");
}

/** The configuration file read by config-peek.ts (in `contentRoot`), validated against the schema. */
export function validateConfig(peeked: PeekedConfig, contentRoot: string): ConfigFile {
  const { bytes, text, json, jsonError, language } = peeked;
  const read = bytes ? { bytes } : {};
  if (text === undefined) return { problems: [problem("MissingConfig", { file: CONFIG_FILE }, { folder: contentRoot })], language };
  if (jsonError !== undefined) {
    const line = lineOfPosition(text, jsonError);
    return { ...read, problems: [problem("InvalidConfig", { file: CONFIG_FILE, ...(line && { line }) }, { json: jsonError })], language };
  }
  const result = paperConfigSchema.safeParse(json);
  if (result.success) return { ...read, config: result.data, problems: [], language };
  return { ...read, problems: result.error.issues.flatMap((issue) => settingProblems(issue, json, text)), language };
}

/** One problem for each setting a schema issue is about: every unknown key of a group, or the setting itself. */
function settingProblems(issue: z.core.$ZodIssue, json: unknown, text: string): Problem[] {
  const at = issue.path.map(String);
  const report = (setting: string, rule: ConfigRule) => {
    const line = lineOfSetting(
      text,
      setting.split(".").filter((key) => key !== ""),
    );
    return problem("InvalidConfig", { file: CONFIG_FILE, ...(line && { line }), ...(setting && { field: setting }) }, { setting, rule });
  };
  if (issue.code === "unrecognized_keys") return issue.keys.map((key) => report([...at, key].join("."), "unknown"));
  const missing = valueAt(json, issue.path) === undefined;
  return [report(at.join("."), missing ? "required" : isConfigRule(issue.message) ? issue.message : "text")];
}

function valueAt(json: unknown, keys: readonly PropertyKey[]): unknown {
  let value = json;
  for (const key of keys) value = value !== null && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return value;
}

/** The line of the character JSON.parse names in its message (`… at position 57`), if it names one. */
function lineOfPosition(text: string, reason: string): number | undefined {
  const position = /position (\d+)/.exec(reason)?.[1];
  return position === undefined ? undefined : text.slice(0, Number(position)).split("\n").length;
}

/**
 * The line of a setting in the file: where its last key is written as a JSON key, after its parents' keys; undefined when it is not
 * written (a missing setting) or its key is an array index.
 */
function lineOfSetting(text: string, keys: readonly string[]): number | undefined {
  let from = 0;
  for (const key of keys) {
    if (/^\d+$/.test(key)) break;
    const found = text.indexOf(`${JSON.stringify(key)}`, from);
    if (found === -1) return undefined;
    from = found;
  }
  return keys.length === 0 || from === 0 ? undefined : text.slice(0, from).split("\n").length;
}
