// Characters no reader sees but every published copy carries: control characters (NUL and the rest of C0 and C1), zero-width characters
// and the controls of writing direction. A title of only such characters publishes an empty headline; a direction control left open
// turns the text after it around in the page, the feed or the JSON-LD that quotes it. Each is a problem at its line.
import { problem, type Problem } from "../problems.ts";

/** The characters refused, by code point, with their names in the editors' words. */
const INVISIBLE_NAMES: ReadonlyMap<number, string> = new Map([
  [0x200b, "零宽空格"],
  [0x200c, "零宽不连字"],
  [0x200d, "零宽连字"],
  [0x2060, "零宽不换行"],
  [0xfeff, "零宽不换行空格（BOM）"],
  [0x180e, "蒙古文元音分隔符"],
  [0x00ad, "软连字符"],
  [0x200e, "从左到右标记"],
  [0x200f, "从右到左标记"],
  [0x061c, "阿拉伯文字母标记"],
  [0x202a, "从左到右嵌入"],
  [0x202b, "从右到左嵌入"],
  [0x202c, "方向格式结束"],
  [0x202d, "从左到右强制"],
  [0x202e, "从右到左强制"],
  [0x2066, "从左到右隔离"],
  [0x2067, "从右到左隔离"],
  [0x2068, "方向隔离"],
  [0x2069, "方向隔离结束"],
]);

/** Control characters (tab and line breaks are text), zero-width characters and direction controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters in an issue file is the point
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]/u;

/** The most such problems told for one file: a file full of them says so in its first lines. */
const MAX_PER_FILE = 20;

/** The code point as written in Unicode's charts: U+200B. */
export function codePointName(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Whether `text` holds a character no reader can see. */
export function hasInvisible(text: string): boolean {
  return INVISIBLE.test(text);
}

/**
 * The problems of the invisible characters in `lines`, the first of which is line `firstLine` of `file`; `fieldOf` names the front-matter
 * field a line belongs to, if any.
 */
export function invisibleProblems(
  file: string,
  lines: readonly string[],
  firstLine: number,
  fieldOf: (index: number) => string | undefined = () => undefined,
): Problem[] {
  const problems: Problem[] = [];
  for (const [index, text] of lines.entries()) {
    const match = INVISIBLE.exec(text);
    if (!match) continue;
    const code = match[0].codePointAt(0)!;
    const field = fieldOf(index);
    const before = [...text.slice(0, match.index)].slice(-8).join("");
    const after = [...text.slice(match.index + 1)].slice(0, 8).join("").replace(new RegExp(INVISIBLE.source, "gu"), "");
    problems.push(
      problem(
        "InvisibleCharacter",
        { file, line: firstLine + index, ...(field && { field }) },
        {
          code: codePointName(code),
          name: INVISIBLE_NAMES.get(code) ?? (code === 0 ? "空字符 NUL" : "控制字符"),
          context: `${before.replace(new RegExp(INVISIBLE.source, "gu"), "")}⟨${codePointName(code)}⟩${after}`,
        },
      ),
    );
    if (problems.length === MAX_PER_FILE) break;
  }
  return problems;
}
