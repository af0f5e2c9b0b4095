// 历史上的今天: the issues of one day of the year, solar (11月1日) or lunar (农历十月初八), across the years. Gives each issue its earlier
// issues of the same day for its page, and the records of /day/<MM>-<DD>/, /lunar/<MM>-<DD>/ and their calendars. Built from headers only.
import type { IssueHeader } from "../model.ts";
import type { DayIndexData, DayPageData, IssueListing, Link, ThisDay } from "../site-types.ts";
import { articlePath, dayPath, DAYS_PATH, issuePath, LUNAR_DAYS_PATH, lunarDayPath, yearOf } from "../paths.ts";
import { lunarDayName, lunarDayOf, lunarDayOfMonth, type LunarDay } from "../content/calendar.ts";
import { pushTo } from "../util/push-to.ts";
import type { Addresser } from "./addresses.ts";
import { dateText, monthRuns } from "./words.ts";

/** The 366 days of the solar year as MM-DD, 02-29 included. */
export const SOLAR_DAYS: readonly string[] = Array.from({ length: 12 }, (_, month) =>
  // 2000 is a leap year, so its months have every day a month can have.
  Array.from(
    { length: new Date(Date.UTC(2000, month + 1, 0)).getUTCDate() },
    (_, day) => `${String(month + 1).padStart(2, "0")}-${String(day + 1).padStart(2, "0")}`,
  ),
).flat();

/** The lunar days every year may have: 12 months of up to 30 days. Leap months (闰月) come only in some years and are added when the archive has one. */
const LUNAR_DAYS: readonly LunarDay[] = Array.from({ length: 12 }, (_, month) =>
  Array.from({ length: 30 }, (_, day) => ({ month: month + 1, leap: false, day: day + 1 })),
).flat();

function solarKey(date: string): string {
  return date.slice(5, 10);
}

function lunarKey(day: LunarDay): string {
  return lunarDayPath(day);
}

/** 11月1日. */
function solarDayName(key: string): string {
  return `${Number(key.slice(0, 2))}月${Number(key.slice(3, 5))}日`;
}

function listing(header: IssueHeader, at: Addresser): IssueListing {
  return {
    url: at(issuePath(header.date)),
    date: header.date,
    dateText: dateText(header.date),
    year: yearOf(header.date),
    weekday: header.weekday,
    lunarDate: header.lunarDate,
    number: header.number,
    ...(header.headline && { headline: header.headline }),
    ...(header.headlineAt && { headlineUrl: at(articlePath(header.date, header.headlineAt.page, header.headlineAt.article)) }),
  };
}

/** The archive's issues by day of the solar and of the lunar year, each list oldest first. */
export interface DayIndex {
  solar: ReadonlyMap<string, IssueHeader[]>;
  lunar: ReadonlyMap<string, IssueHeader[]>;
  lunarDayOf: ReadonlyMap<string, LunarDay>;
}

/** Sorts the archive's headers (oldest first) by day. Linear in the issues. */
export function dayIndex(headers: readonly IssueHeader[]): DayIndex {
  const solar = new Map<string, IssueHeader[]>();
  const lunar = new Map<string, IssueHeader[]>();
  const lunarDays = new Map<string, LunarDay>();
  for (const header of headers) {
    const day = header.lunarDay;
    lunarDays.set(header.date, day);
    pushTo(solar, solarKey(header.date), header);
    pushTo(lunar, lunarKey(day), header);
  }
  return { solar, lunar, lunarDayOf: lunarDays };
}

/**
 * 历史上的今天 of the issue of `date`: the issues of the same day of the year and of the same lunar day before it, newest first. Only
 * earlier issues, so an issue's page never changes when a later issue is added: the day's page lists every year.
 */
export function thisDayOf(index: DayIndex, date: string, at: Addresser): ThisDay {
  const { day, solar, lunar } = earlierOnTheDay(index, date);
  return {
    solar: { label: solarDayName(solarKey(date)), url: at(dayPath(date)), issues: solar.map((header) => listing(header, at)) },
    lunar: { label: `农历${lunarDayName(day)}`, url: at(lunarDayPath(day)), issues: lunar.map((header) => listing(header, at)) },
  };
}

/**
 * The lunar day of `date`, and the issues 历史上的今天 of the issue of `date` lists (thisDayOf), newest first: its listings are made from
 * these headers alone.
 */
export function earlierOnTheDay(index: DayIndex, date: string): { day: LunarDay; solar: IssueHeader[]; lunar: IssueHeader[] } {
  const day = index.lunarDayOf.get(date) ?? lunarDayOf(date);
  const earlier = (list: readonly IssueHeader[] | undefined) => (list ?? []).filter((header) => header.date < date).reverse();
  return { day, solar: earlier(index.solar.get(solarKey(date))), lunar: earlier(index.lunar.get(lunarKey(day))) };
}

/** The leap months (闰月) the archive has issues in, as lunar days. */
function leapDays(index: DayIndex): LunarDay[] {
  const months = new Set([...index.lunarDayOf.values()].filter((day) => day.leap).map((day) => day.month));
  return [...months].flatMap((month) => Array.from({ length: 30 }, (_, day) => ({ month, leap: true, day: day + 1 })));
}

/** Every lunar day with a page, in the order of the year: a leap month after the month it repeats. */
function lunarDaysOf(index: DayIndex): LunarDay[] {
  const order = (day: LunarDay) => day.month * 100 + (day.leap ? 50 : 0) + day.day;
  return [...LUNAR_DAYS, ...leapDays(index)].sort((a, b) => order(a) - order(b));
}

function lunarNote(day: LunarDay, issues: readonly IssueHeader[]): string | undefined {
  const monthName = lunarDayName({ ...day, day: 1 }).replace(/初一$/, "");
  const notes: string[] = [];
  if (day.leap) {
    const years = [...new Set(issues.map((header) => yearOf(header.date)))];
    notes.push(`${monthName}是闰月，只有部分年份才有${years.length ? `（本报在${years.join("、")}年有这一天的报纸）` : ""}。`);
  }
  if (day.day === 30) notes.push(`农历大月三十天、小月二十九天，${monthName}是小月的年份没有三十。`);
  return notes.length ? notes.join("") : undefined;
}

/**
 * The pages of the days of the solar year (up to 366, 02-29 among them) and of the lunar year (up to 360, and the days of the leap
 * months) on which the archive has an issue: a daily paper of a few years has all of them, and a page that could only say "none"
 * is left out, as its calendar (dayIndexes) shows the day without a link.
 */
export function dayPages(index: DayIndex, at: Addresser): DayPageData[] {
  const newestFirst = (list: readonly IssueHeader[]) => [...list].reverse().map((header) => listing(header, at));
  const solar: DayPageData[] = SOLAR_DAYS.filter((key) => index.solar.has(key)).map((key) => ({
    path: dayPath(`2000-${key}`),
    url: at(dayPath(`2000-${key}`)),
    title: solarDayName(key),
    calendar: "solar",
    issues: newestFirst(index.solar.get(key)!),
    indexUrl: at(DAYS_PATH),
    ...(key === "02-29" && { note: "2月29日只在闰年才有，每四年左右一次。" }),
  }));
  const lunarDays = lunarDaysOf(index).filter((day) => index.lunar.has(lunarKey(day)));
  const lunar: DayPageData[] = lunarDays.map((day) => {
    const issues = index.lunar.get(lunarKey(day))!;
    const note = lunarNote(day, issues);
    // The same day of a leap month and of the month it repeats, when the archive has both.
    const relatedDay = { ...day, leap: !day.leap };
    const related = index.lunar.has(lunarKey(relatedDay)) ? { url: at(lunarDayPath(relatedDay)), label: `农历${lunarDayName(relatedDay)}` } : undefined;
    return {
      path: lunarDayPath(day),
      url: at(lunarDayPath(day)),
      title: `农历${lunarDayName(day)}`,
      calendar: "lunar",
      issues: newestFirst(issues),
      indexUrl: at(LUNAR_DAYS_PATH),
      ...(note && { note }),
      ...(related && { related }),
    };
  });
  // A day without issues has no page, so the day before may be days before: the pager says how far it goes.
  const lunarYear = lunarDaysOf(index).map(lunarKey);
  const solarPositions = SOLAR_DAYS.flatMap((key, position) => (index.solar.has(key) ? [position] : []));
  const lunarPositions = lunarDays.map((day) => lunarYear.indexOf(lunarKey(day)));
  for (const [pages, positions] of [
    [solar, solarPositions],
    [lunar, lunarPositions],
  ] as const) {
    pages.forEach((page, position) => {
      const link = (other: DayPageData | undefined, days: number, way: "前" | "后"): Link | undefined =>
        other && { url: other.url, label: other.title, what: days === 1 ? (way === "前" ? "前一天" : "后一天") : `往${way}${days}天` };
      const previous = link(pages[position - 1], positions[position]! - positions[position - 1]!, "前");
      const next = link(pages[position + 1], positions[position + 1]! - positions[position]!, "后");
      if (previous) page.previous = previous;
      if (next) page.next = next;
    });
  }
  return [...solar, ...lunar];
}

/**
 * /day/ and /lunar/: every day of the year month by month, with its count of issues and a link to its page where it has any; none for
 * an archive without issues.
 */
export function dayIndexes(index: DayIndex, at: Addresser): DayIndexData[] {
  if (index.lunarDayOf.size === 0) return [];
  const solarMonths: DayIndexData["months"] = Array.from({ length: 12 }, (_, month) => ({
    label: `${month + 1}月`,
    issueCount: 0,
    days: SOLAR_DAYS.filter((key) => Number(key.slice(0, 2)) === month + 1).map((key) => ({
      label: String(Number(key.slice(3, 5))),
      title: solarDayName(key),
      issueCount: index.solar.get(key)?.length ?? 0,
      ...(index.solar.has(key) && { url: at(dayPath(`2000-${key}`)) }),
    })),
  }));
  const lunarMonths: DayIndexData["months"] = [];
  for (const day of lunarDaysOf(index)) {
    if (day.day === 1) lunarMonths.push({ label: lunarDayName(day).replace(/初一$/, ""), issueCount: 0, days: [] });
    lunarMonths.at(-1)!.days.push({
      label: lunarDayOfMonth(day.day),
      title: `农历${lunarDayName(day)}`,
      issueCount: index.lunar.get(lunarKey(day))?.length ?? 0,
      ...(index.lunar.has(lunarKey(day)) && { url: at(lunarDayPath(day)) }),
    });
  }
  for (const month of [...solarMonths, ...lunarMonths]) month.issueCount = month.days.reduce((sum, day) => sum + day.issueCount, 0);
  const emptySolar = solarMonths.flatMap((month, index) => (month.issueCount ? [] : [index + 1]));
  const emptyLunar = lunarMonths
    .filter((month) => !month.issueCount)
    .map((month) => month.label)
    .join("、");
  const solarLink = { url: at(DAYS_PATH), label: "按公历日期" };
  const lunarLink = { url: at(LUNAR_DAYS_PATH), label: "按农历日期" };
  return [
    {
      path: DAYS_PATH,
      url: solarLink.url,
      title: "历史上的今天：公历",
      label: solarLink.label,
      calendar: "solar",
      months: solarMonths,
      other: lunarLink,
      ...(emptySolar.length && { emptyMonths: monthRuns(emptySolar) }),
    },
    {
      path: LUNAR_DAYS_PATH,
      url: lunarLink.url,
      title: "历史上的今天：农历",
      label: lunarLink.label,
      calendar: "lunar",
      months: lunarMonths,
      other: solarLink,
      ...(emptyLunar && { emptyMonths: emptyLunar }),
    },
  ];
}
