// Validates an issue's front-matter against the schema, then checks 星期 and 农历 against the date.
import { FRONT_MATTER_FIELDS, frontMatterSchema, type FieldRule, type FrontMatter } from "../model.ts";
import { problem, type Problem } from "../problems.ts";
import { isSameLunarDate, isSameWeekday, lunarDateOf, weekdayOf } from "./calendar.ts";
import { lineOfField, type IssueSource } from "./read.ts";
import { nearestWord } from "./nearest-word.ts";
import { shownValue } from "../util/shown.ts";

/** The fields YAML turns into a number or a date by itself, and would change on the way: 2022-02-30 into 2022-03-02, 0x5C8 into 1480. */
const CONVERTED_FIELDS = ["issue", "date", "pages"] as const;

/**
 * The front-matter with those fields as the editor wrote them, where YAML converted them: so a date that does not exist is refused as
 * one rather than rolled over into the next month, and a number is read in decimal digits only.
 */
function asWritten(source: IssueSource): Record<string, unknown> {
  const data = { ...source.data };
  for (const field of CONVERTED_FIELDS) {
    const value = data[field];
    if (typeof value !== "number" && !(value instanceof Date)) continue;
    const line = source.frontMatterLines[lineOfField(source, field) - 2];
    const written = line
      ?.slice(line.indexOf(":") + 1)
      .replace(/\s+#.*$/, "")
      .trim();
    const read = value instanceof Date ? (Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10)) : String(value);
    if (written && written !== read) data[field] = written;
  }
  return data;
}

/** Names editors write for a field, in the paper's words or misremembered; an unknown field spelt so is pointed to the field it means. */
const FIELD_SYNONYMS: Record<string, (typeof FRONT_MATTER_FIELDS)[number]> = {
  期号: "issue",
  期数: "issue",
  总期号: "issue",
  number: "issue",
  no: "issue",
  日期: "date",
  出版日期: "date",
  农历: "lunar",
  阴历: "lunar",
  lunardate: "lunar",
  版数: "pages",
  今日版数: "pages",
  page: "pages",
  星期: "weekday",
  周: "weekday",
  week: "weekday",
  day: "weekday",
  责任编辑: "editor",
  责编: "editor",
  编辑: "editor",
  备注: "note",
  说明: "note",
  notes: "note",
};

export function validateFrontMatter(file: string, source: IssueSource): { frontMatter?: FrontMatter; problems: Problem[] } {
  const written = asWritten(source);
  const result = frontMatterSchema.safeParse(written);
  if (!result.success) {
    const problems = result.error.issues.flatMap((issue): Problem[] => {
      if (issue.code === "unrecognized_keys") {
        return issue.keys.map((key) => {
          const suggestion = FIELD_SYNONYMS[key.toLowerCase()] ?? nearestWord(key, FRONT_MATTER_FIELDS);
          return problem("UnknownField", { file, line: lineOfField(source, key), field: key }, { field: key, ...(suggestion && { suggestion }) });
        });
      }
      const field = String(issue.path[0] ?? "");
      const where = { file, line: lineOfField(source, field), field };
      const value = written[field];
      if (value === undefined || value === null) return [problem("MissingField", where, { field })];
      return [problem("InvalidField", where, { field, rule: issue.message as FieldRule, value: shownValue(value) })];
    });
    return { problems };
  }
  const frontMatter = result.data;
  const problems: Problem[] = [];
  const lunar = lunarDateOf(frontMatter.date);
  if (!isSameLunarDate(frontMatter.lunar, lunar)) {
    problems.push(
      problem(
        "LunarDateMismatch",
        { file, line: lineOfField(source, "lunar"), field: "lunar" },
        { printed: frontMatter.lunar, date: frontMatter.date, computed: lunar },
      ),
    );
  }
  const weekday = weekdayOf(frontMatter.date);
  if (frontMatter.weekday !== undefined && !isSameWeekday(frontMatter.weekday, weekday)) {
    problems.push(
      problem(
        "WeekdayMismatch",
        { file, line: lineOfField(source, "weekday"), field: "weekday" },
        { printed: frontMatter.weekday, date: frontMatter.date, computed: weekday },
      ),
    );
  }
  return { frontMatter, problems };
}
