// Validates an issue's front-matter against the schema, then checks 星期 and 农历 against the date.
import { frontMatterSchema, type FrontMatter } from "./model.ts";
import { isSameLunarDate, isSameWeekday, lunarDateOf, weekdayOf } from "./calendar.ts";
import { lineOfField, type IssueSource } from "./read.ts";
import type { Problem } from "./problems.ts";

const FIELD_HELP: Record<string, string> = {
  issue: "Write the running number printed as 总第N期, e.g. issue: 1480.",
  date: "Write the publication date as YYYY-MM-DD, e.g. date: 2022-11-01.",
  lunar: "Write the 农历 printed on the masthead, e.g. lunar: 壬寅年十月初八.",
  pages: "Write the page count printed as 今日N版, e.g. pages: 4.",
  weekday: "Write the 星期 printed on the masthead, e.g. weekday: 星期二, or leave the field out.",
  editor: "Write the 责任编辑's name, or leave the field out.",
  note: "Write the note as text, or leave the field out.",
};

export function validateFrontMatter(file: string, source: IssueSource): { frontMatter?: FrontMatter; problems: Problem[] } {
  const result = frontMatterSchema.safeParse(source.data);
  if (!result.success) {
    const problems = result.error.issues.flatMap((issue): Problem[] => {
      if (issue.code === "unrecognized_keys") {
        return issue.keys.map((key) => ({
          kind: "UnknownField", severity: "error", file, line: lineOfField(source, key), field: key,
          message: `“${key}” is not a known field.`,
          fix: "The fields are issue, date, lunar, pages, weekday, editor and note; correct the spelling or remove the line.",
        }));
      }
      const field = String(issue.path[0] ?? "");
      const missing = source.data[field] === undefined || source.data[field] === null;
      return [{
        kind: missing ? "MissingField" : "InvalidField", severity: "error", file, line: lineOfField(source, field), field,
        message: missing ? `The required field ${field} is missing.` : `${field} ${issue.message}; it is ${JSON.stringify(source.data[field])}.`,
        fix: FIELD_HELP[field] ?? "Correct the value.",
      }];
    });
    return { problems };
  }
  const frontMatter = result.data;
  const problems: Problem[] = [];
  const lunar = lunarDateOf(frontMatter.date);
  if (!isSameLunarDate(frontMatter.lunar, lunar)) {
    problems.push({
      kind: "LunarDateMismatch", severity: "error", file, line: lineOfField(source, "lunar"), field: "lunar",
      message: `农历 “${frontMatter.lunar}” is not the lunar date of ${frontMatter.date}, which is ${lunar}.`,
      fix: `Write lunar: ${lunar}, or correct the date if that is what is wrong.`,
    });
  }
  const weekday = weekdayOf(frontMatter.date);
  if (frontMatter.weekday !== undefined && !isSameWeekday(frontMatter.weekday, weekday)) {
    problems.push({
      kind: "WeekdayMismatch", severity: "error", file, line: lineOfField(source, "weekday"), field: "weekday",
      message: `星期 “${frontMatter.weekday}” is wrong: ${frontMatter.date} is a ${weekday}.`,
      fix: `Write weekday: ${weekday}, or correct the date if that is what is wrong.`,
    });
  }
  return { frontMatter, problems };
}
