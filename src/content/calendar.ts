// 星期 and 农历 of a date, computed with Intl's Chinese calendar, and comparisons with what the masthead prints.

const lunarFormat = new Intl.DateTimeFormat("zh-CN-u-ca-chinese", { timeZone: "UTC", year: "numeric", month: "long", day: "numeric" });
const lunarNumbers = new Intl.DateTimeFormat("zh-CN-u-ca-chinese", { timeZone: "UTC", month: "numeric", day: "numeric" });
const weekdayFormat = new Intl.DateTimeFormat("zh-CN", { timeZone: "UTC", weekday: "long" });
const DIGITS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

function utcDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

/** 星期 of a YYYY-MM-DD date, e.g. 星期二. */
export function weekdayOf(isoDate: string): string {
  return weekdayFormat.format(utcDate(isoDate));
}

/** 农历 of a YYYY-MM-DD date as a masthead prints it, e.g. 壬寅年十月初八, leap months as 闰二月. */
export function lunarDateOf(isoDate: string): string {
  const parts = lunarFormat.formatToParts(utcDate(isoDate));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("yearName")}年${part("month")}${lunarDayOfMonth(Number(part("day")))}`;
}

/** A day of the lunar year without its year: the month (1–12), whether it is the leap month (闰月) after that month, and the day (1–30). */
export interface LunarDay {
  month: number;
  leap: boolean;
  day: number;
}

/** The lunar month and day of a YYYY-MM-DD date, e.g. 2023-03-22 → 闰二月初一 as { month: 2, leap: true, day: 1 }. */
export function lunarDayOf(isoDate: string): LunarDay {
  const parts = lunarNumbers.formatToParts(utcDate(isoDate));
  // Intl writes a leap month as 闰2.
  const month = parts.find((p) => p.type === "month")?.value ?? "";
  return { month: Number(month.replace("闰", "")), leap: month.startsWith("闰"), day: Number(parts.find((p) => p.type === "day")?.value) };
}

/** The months' names as Intl's Chinese calendar writes them in 农历 (正月 … 十一月, 腊月). */
const LUNAR_MONTHS = ["正月", "二月", "三月", "四月", "五月", "六月", "七月", "八月", "九月", "十月", "十一月", "腊月"];

/** 十月初八, 闰二月初一: a lunar day as a masthead names it, without the year. */
export function lunarDayName({ month, leap, day }: LunarDay): string {
  return `${leap ? "闰" : ""}${LUNAR_MONTHS[month - 1]}${lunarDayOfMonth(day)}`;
}

/** 初一 … 初十, 十一 … 二十, 廿一 … 三十. */
export function lunarDayOfMonth(day: number): string {
  if (day <= 10) return `初${DIGITS[day]}`;
  if (day < 20) return `十${DIGITS[day - 10]}`;
  if (day === 20) return "二十";
  if (day < 30) return `廿${DIGITS[day - 20]}`;
  return "三十";
}

/** Whether a printed 农历 names the same day as the computed one; the year may be left out, and common variants (冬月, 腊月, 二十一 for 廿一) are accepted. */
export function isSameLunarDate(printed: string, computed: string): boolean {
  const printedForm = normaliseLunar(printed);
  const computedForm = normaliseLunar(computed);
  return printedForm === computedForm || printedForm === computedForm.replace(/^.{2}年/, "");
}

function normaliseLunar(text: string): string {
  return text
    .replace(/\s+/g, "")
    .replace(/^农历/, "")
    .replace(/冬月/g, "十一月")
    .replace(/腊月/g, "十二月")
    .replace(/一月/g, (match, offset: number, whole: string) => (whole[offset - 1] === "十" ? match : "正月"))
    .replace(/廿/g, "二十")
    .replace(/卅/g, "三十");
}

/** Whether a printed 星期 (星期二, 周二, 礼拜二, 星期天) names the computed weekday. */
export function isSameWeekday(printed: string, computed: string): boolean {
  const dayOf = (text: string) =>
    text
      .replace(/\s+/g, "")
      .replace(/^(星期|周|礼拜)/, "")
      .replace("天", "日");
  return /^(星期|周|礼拜)/.test(printed.trim()) && dayOf(printed) === dayOf(computed);
}
