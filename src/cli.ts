// What every command shares: its command line, read with node:util's parseArgs; the content root it works on; and stopping with a message
// for the person at the terminal instead of a stack trace. The language a command speaks comes with its configuration (content/config.ts).
import path from "node:path";
import { parseArgs } from "node:util";
import { peekConfig } from "./content/config-peek.ts";
import type { Language } from "./messages/language.ts";
import { formatProblems } from "./messages/report.ts";
import { say, type TextKey } from "./messages/texts.ts";
import { projectRoot } from "./project.ts";
import type { Problem } from "./problems.ts";

export { projectRoot };

type OptionSpecs = Record<string, { type: "string" | "boolean"; default?: string | boolean; short?: string }>;

/** What the person typed, read against the command's options. */
export interface CommandLine<Specs extends OptionSpecs> {
  values: { [Name in keyof Specs]?: Specs[Name]["type"] extends "string" ? string : boolean };
  positionals: string[];
}

/** Texts that are a command's usage line. */
type UsageKey = Extract<TextKey, `${string}Usage`>;

/**
 * The command line of a command with `options` (and positional arguments when `positionals` is set). A mistake in it stops the command
 * with what is wrong and the usage line, in the language of `--content`'s paper (or the project's), and exit code 1.
 */
export function readCommandLine<Specs extends OptionSpecs>(options: Specs, usage: UsageKey, { positionals = false } = {}): CommandLine<Specs> {
  try {
    const parsed = parseArgs({ options, allowPositionals: positionals, strict: true });
    return { values: parsed.values as CommandLine<Specs>["values"], positionals: parsed.positionals };
  } catch (error) {
    const { language } = peekConfig(contentRootOf(contentArgument()));
    stop(`${commandLineMistake(error as NodeJS.ErrnoException, language)}\n${say(language, usage)}`);
  }
}

/** The folder holding `issues/` and `baoku.config.json`: `--content` when given, else the project. */
export function contentRootOf(content: string | undefined): string {
  return path.resolve(content ?? projectRoot);
}

/** Prints the problems, sorted under their summary, to standard error; nothing when there are none. */
export function printProblems(problems: readonly Problem[], language: Language): void {
  const report = formatProblems(problems, language);
  if (report) console.error(report);
}

/** Ends the command with `message` on standard error and exit code 1. */
export function stop(message: string): never {
  console.error(message);
  process.exit(1);
}

/** `--content`'s value, read by hand for a command line that could not be read whole. */
function contentArgument(): string | undefined {
  const index = process.argv.indexOf("--content");
  return index === -1 ? undefined : process.argv[index + 1];
}

/** What parseArgs refused, in `language`; its messages quote the option or argument concerned. */
function commandLineMistake(error: NodeJS.ErrnoException, language: Language): string {
  const quoted = /'([^']+)'/.exec(error.message)?.[1] ?? "";
  switch (error.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
      return say(language, "unknownOption", { option: quoted });
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
      return say(language, "optionNeedsValue", { option: quoted.split(" ")[0] ?? quoted });
    case "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL":
      return say(language, "unexpectedArgument", { argument: quoted });
    default:
      return say(language, "commandLineNotRead", { reason: error.message });
  }
}
