// Reads the paper's configuration file, baoku.config.json, and validates it with the schema.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { z } from "zod";
import { isConfigRule, paperConfigSchema, type ConfigRule, type PaperConfig } from "../model.ts";
import { problem, type Problem } from "../problems.ts";
import { withoutBom } from "../util/text.ts";

export const CONFIG_FILE = "baoku.config.json";

export async function loadConfig(contentRoot: string): Promise<{ config?: PaperConfig; problems: Problem[] }> {
  const text = await readFile(path.join(contentRoot, CONFIG_FILE), "utf8").catch(() => undefined);
  if (text === undefined) return { problems: [problem("MissingConfig", { file: CONFIG_FILE }, { folder: contentRoot })] };
  return readConfig(text);
}

/** The configuration in `text`, the file's contents, or the problems that stop it being used. */
export function readConfig(text: string): { config?: PaperConfig; problems: Problem[] } {
  const source = withoutBom(text);
  let json: unknown;
  try {
    json = JSON.parse(source);
  } catch (error) {
    const reason = (error as Error).message;
    const line = lineOfPosition(source, reason);
    return { problems: [problem("InvalidConfig", { file: CONFIG_FILE, ...(line && { line }) }, { json: reason })] };
  }
  const result = paperConfigSchema.safeParse(json);
  if (result.success) return { config: result.data, problems: [] };
  return { problems: result.error.issues.flatMap((issue) => settingProblems(issue, json, source)) };
}

/** One problem for each setting a schema issue is about: every unknown key of a group, or the setting itself. */
function settingProblems(issue: z.core.$ZodIssue, json: unknown, text: string): Problem[] {
  const at = issue.path.map(String);
  const report = (setting: string, rule: ConfigRule) => {
    const line = lineOfSetting(text, setting.split(".").filter((key) => key !== ""));
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
