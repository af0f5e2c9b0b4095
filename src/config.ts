// Reads the paper's configuration file, baoku.config.json, and validates it with the schema.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { paperConfigSchema, type PaperConfig } from "./model.ts";
import type { Problem } from "./problems.ts";

export const CONFIG_FILE = "baoku.config.json";

export async function loadConfig(contentRoot: string): Promise<{ config?: PaperConfig; problems: Problem[] }> {
  let text: string;
  try {
    text = await readFile(path.join(contentRoot, CONFIG_FILE), "utf8");
  } catch {
    return { problems: [{ kind: "MissingConfig", severity: "error", file: CONFIG_FILE, message: `There is no ${CONFIG_FILE} in ${contentRoot}.`, fix: "Create it with the paper's name, masthead, dateline prefixes and the site's address (see the README)." }] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    return { problems: [{ kind: "InvalidConfig", severity: "error", file: CONFIG_FILE, message: `The file is not valid JSON: ${(error as Error).message}.`, fix: "Check the quotes, commas and braces near the place named." }] };
  }
  const result = paperConfigSchema.safeParse(json);
  if (result.success) return { config: result.data, problems: [] };
  return {
    problems: result.error.issues.map((issue) => {
      const field = issue.path.join(".");
      return {
        kind: "InvalidConfig" as const, severity: "error" as const, file: CONFIG_FILE, ...(field && { field }),
        message: `${field || "The configuration"} ${issue.message}.`,
        fix: "Correct the value in the configuration file (see the README for each setting).",
      };
    }),
  };
}
