// Values, text and paths as a message shows them: short, on one line, never the whole of a value that may be huge (a YAML alias can make
// a field of a few bytes expand to gigabytes), and a path as the person at the terminal can open it.
import path from "node:path";

/** Characters of a value a message quotes; longer text is cut with an ellipsis. */
const MAX_SHOWN = 40;

/** The value as written, shortly: text in quotes, numbers and dates as they are, a list or a mapping by what it is. */
export function shownValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(shortText(value));
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "(invalid date)" : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return `[…] (${value.length})`;
  if (value === null || value === undefined) return "null";
  return "{…}";
}

/** Text from a file as a message quotes it: at most `max` characters, cut with an ellipsis. */
export function shortText(text: string, max = MAX_SHOWN): string {
  const characters = [...text.slice(0, max * 2)];
  return characters.length > max ? `${characters.slice(0, max - 1).join("")}…` : text;
}

/** A path as the person at the terminal can open it from where they are: relative when it is inside the current folder. */
export function shownPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative === "" ? "." : relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}
