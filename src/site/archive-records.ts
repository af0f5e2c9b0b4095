// The records that span the archive: the year calendars (往期回顾), the home page, the search bundles, the people pages and the pages of
// 历史上的今天, and what a month's pages show of the rest of the archive (its ArchiveContext). All of it from the issues' headers.
import type { IssueHistory } from "../content/history.ts";
import type { Issue, IssueHeader, PaperConfig } from "../model.ts";
import type { CalendarDay, CalendarMonth, DayPageData, IssueSummary, SiteData, YearPageData } from "../site-types.ts";
import { apiYearPath, bulkPath, bundlePath, personPath, yearOf, yearPath } from "../paths.ts";
import { addresser, pathPrefixOf } from "./addresses.ts";
import { issueRecords, periodicalOf, summariseIssue, type ArchiveContext } from "./issue-records.ts";
import { periodicalJsonLd, personJsonLd } from "./json-ld.ts";
import { monthRuns } from "./words.ts";
import { namesIn, peopleRecords, personSlugs, type PersonSlugs } from "./people.ts";
import type { SearchBundle } from "./search-bundles.ts";
import { dayIndex, dayIndexes, dayPages, earlierOnTheDay, thisDayOf, type DayIndex } from "./this-day.ts";

/** How full a month is, for 往期回顾's strip of months: 0 without an issue, then by quarters of its days that have one. */
function densityOf(issueCount: number, daysInMonth: number): CalendarMonth["density"] {
  if (issueCount === 0) return 0;
  return Math.min(4, Math.ceil((issueCount / daysInMonth) * 4)) as CalendarMonth["density"];
}

/** Month calendars of one year, weeks from Monday; `issueByDate` maps YYYY-MM-DD to the issue of that day, `newestDate` is the archive's newest issue's. */
function yearCalendar(year: number, issueByDate: ReadonlyMap<string, IssueSummary>, newestDate: string | undefined): CalendarMonth[] {
  return Array.from({ length: 12 }, (_, monthIndex) => {
    const daysInMonth = new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
    const mondayOffset = (new Date(Date.UTC(year, monthIndex, 1)).getUTCDay() + 6) % 7;
    const cells: (CalendarDay | null)[] = Array.from({ length: mondayOffset }, () => null);
    let issueCount = 0;
    for (let day = 1; day <= daysInMonth; day++) {
      const date = `${year}-${String(monthIndex + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
      const issue = issueByDate.get(date);
      if (issue) issueCount++;
      cells.push({ day, date, ...(issue && { url: issue.url, issueNumber: issue.number }), ...(date === newestDate && { isNewest: true }) });
    }
    while (cells.length % 7 !== 0) cells.push(null);
    const weeks = Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7));
    return { month: monthIndex + 1, label: `${monthIndex + 1}月`, issueCount, density: densityOf(issueCount, daysInMonth), weeks };
  });
}

/** What spans the archive, worked out once a build from every issue's header (oldest first) and the archive's history. */
export interface ArchiveIndex {
  slugs: PersonSlugs;
  days: DayIndex;
  history: IssueHistory;
}

export function archiveIndex(headers: readonly IssueHeader[], history: IssueHistory): ArchiveIndex {
  return { slugs: personSlugs(namesIn(headers)), days: dayIndex(headers), history };
}

/** What the pages of `issues` (a run of the archive's issues, e.g. a month) show of the rest of the archive. */
export function archiveContext(config: PaperConfig, index: ArchiveIndex, issues: readonly IssueHeader[]): ArchiveContext {
  return { thisDay: thisDayContext(config, index, issues), ...namesAndHistory(config, index, issues) };
}

/** 历史上的今天 of each of `issues`, by its date. */
export function thisDayContext(config: PaperConfig, index: ArchiveIndex, issues: readonly IssueHeader[]): ArchiveContext["thisDay"] {
  const at = addresser(pathPrefixOf(config));
  return Object.fromEntries(issues.map((issue) => [issue.date, thisDayOf(index.days, issue.date, at)]));
}

/** What identifies a run of issues' ArchiveContext: its people and history, and by key the issues its 历史上的今天 lists. */
export type ArchiveContextIdentity = Pick<ArchiveContext, "people" | "history"> & { thisDay: Record<string, { solar: string[]; lunar: string[] }> };

/**
 * What identifies `archiveContext` of the same issues, for a part's hash, without making it: its people and history, and for
 * 历史上的今天 the issues each date lists, by `keyOf` (their parse-cache keys, which stand for everything their listings are made
 * from; the code and the configuration are in every key). At 11,000 issues the listings of every month, made and hashed at every
 * build, were most of the months' plans, and a day's build renders one month.
 */
export function archiveContextIdentity(
  config: PaperConfig,
  index: ArchiveIndex,
  issues: readonly IssueHeader[],
  keyOf: (header: IssueHeader) => string,
): ArchiveContextIdentity {
  const thisDay = Object.fromEntries(
    issues.map((issue) => {
      const { solar, lunar } = earlierOnTheDay(index.days, issue.date);
      return [issue.date, { solar: solar.map(keyOf), lunar: lunar.map(keyOf) }];
    }),
  );
  return { thisDay, ...namesAndHistory(config, index, issues) };
}

/** The addresses of the people `issues` name, and their files' history. */
function namesAndHistory(config: PaperConfig, index: ArchiveIndex, issues: readonly IssueHeader[]): Pick<ArchiveContext, "people" | "history"> {
  const at = addresser(pathPrefixOf(config));
  const people: ArchiveContext["people"] = {};
  for (const name of [...namesIn(issues)].sort()) {
    people[name] = at(personPath(index.slugs.slugOf.get(name)!));
  }
  const history: ArchiveContext["history"] = {};
  for (const issue of issues) {
    const changed = index.history.get(issue.file);
    if (changed) history[issue.file] = changed;
  }
  return { people, history };
}

/** The records that span the archive, by the parts of the site that render them (build/site-parts.ts). */
export interface ArchiveRecords {
  /** The archive-wide part's. */
  archive: Pick<SiteData, "years" | "home" | "homeJsonLd" | "homeThisDay" | "searchBundles" | "peopleIndex" | "searchPeople" | "dayIndexes">;
  /** The people pages, which the people part renders. */
  people: Pick<SiteData, "people" | "namesakes">;
  /** The day pages, which the day parts render. */
  days: DayPageData[];
}

/**
 * The records that span the archive: the year calendars, the home page (the newest issue's front page; `newest` is that issue in full),
 * the search bundles' addresses, the people pages and the day pages. `headers` are every issue's, oldest first; `bundles` the search
 * bundles, oldest first.
 */
export function archiveRecords(
  config: PaperConfig,
  headers: readonly IssueHeader[],
  index: ArchiveIndex,
  bundles: readonly SearchBundle[],
  newest?: Issue,
): ArchiveRecords {
  const at = addresser(pathPrefixOf(config));
  const issueByDate = new Map(headers.map((header) => [header.date, summariseIssue(header, at)]));
  const yearNames = [...new Set(headers.map((header) => yearOf(header.date)))].sort().reverse();
  const years: YearPageData[] = yearNames.map((year) => {
    const months = yearCalendar(Number(year), issueByDate, headers.at(-1)?.date);
    const empty = months.filter((month) => month.issueCount === 0).map((month) => month.month);
    return {
      year,
      path: yearPath(year),
      url: at(yearPath(year)),
      issueCount: months.reduce((sum, month) => sum + month.issueCount, 0),
      ...(empty.length && { emptyMonths: monthRuns(empty) }),
      data: { json: at(apiYearPath(year)), bulk: at(bulkPath(year)) },
      months,
    };
  });
  years.forEach((year, index) => {
    // `years` is newest first: the previous year is the next item.
    const older = years[index + 1];
    const newer = years[index - 1];
    if (older) year.previous = { url: older.url, label: `${older.year}年` };
    if (newer) year.next = { url: newer.url, label: `${newer.year}年` };
  });
  // The front page's record depends on the issue before it only, which its 上一期 leads to.
  const newestContext = newest && archiveContext(config, index, [headers.at(-1)!]);
  const home = newest && newestContext ? issueRecords(config, [newest], newestContext, headers.at(-2)).pages[0] : undefined;
  const { people: peoplePages, namesakes, peopleIndex, searchPeople } = peopleRecords(headers, index.slugs, at);
  const absolute = (address: string) => new URL(address, config.site.baseUrl).href;
  // A year page describes the same person as their own page: one @id, the own page's.
  const people = peoplePages.map((person) => ({ ...person, jsonLd: personJsonLd({ name: person.name, url: absolute(person.personUrl ?? person.url) }) }));
  return {
    archive: {
      years,
      ...(home && { home }),
      homeJsonLd: periodicalJsonLd(periodicalOf(config)),
      ...(newest && newestContext && { homeThisDay: newestContext.thisDay[newest.date]! }),
      // The live bundle only: the search page finds the sealed ones in the term directory, so the page does not grow with the archive.
      searchBundles: bundles.slice(-1).map((bundle) => ({ key: bundle.key, url: at(bundlePath(bundle.key)) })),
      peopleIndex,
      searchPeople,
      dayIndexes: dayIndexes(index.days, at),
    },
    people: { people, namesakes },
    days: dayPages(index.days, at),
  };
}
