// The records that span the archive, which its archive-wide part renders: the year calendars (往期回顾), the home page and the search bundles.
import type { Issue, IssueHeader, PaperConfig } from "../model.ts";
import type { CalendarDay, CalendarMonth, IssueSummary, SiteData, YearPageData } from "../site-types.ts";
import { bundlePath, yearOf, yearPath } from "../paths.ts";
import { addresser, pathPrefixOf } from "./addresses.ts";
import { issueRecords, summariseIssue } from "./issue-records.ts";
import type { SearchBundle } from "./search-bundles.ts";

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

/**
 * The records that span the archive: the year calendars, the home page (the newest issue's front page; `newest` is that issue in full)
 * and the search bundles' addresses. `headers` are every issue's, oldest first; `bundles` the search bundles, oldest first.
 */
export function archiveRecords(config: PaperConfig, headers: readonly IssueHeader[], bundles: readonly SearchBundle[], newest?: Issue): Pick<SiteData, "years" | "home" | "searchBundles"> {
  const at = addresser(pathPrefixOf(config));
  const issueByDate = new Map(headers.map((header) => [header.date, summariseIssue(header, at)]));
  const yearNames = [...new Set(headers.map((header) => yearOf(header.date)))].sort().reverse();
  const years: YearPageData[] = yearNames.map((year) => {
    const months = yearCalendar(Number(year), issueByDate, headers.at(-1)?.date);
    return { year, path: yearPath(year), url: at(yearPath(year)), issueCount: months.reduce((sum, month) => sum + month.issueCount, 0), months };
  });
  years.forEach((year, index) => {
    // `years` is newest first: the previous year is the next item.
    const older = years[index + 1];
    const newer = years[index - 1];
    if (older) year.previous = { url: older.url, label: `${older.year}年` };
    if (newer) year.next = { url: newer.url, label: `${newer.year}年` };
  });
  // The front page's record does not depend on the issues around it.
  const home = newest ? issueRecords(config, [newest]).pages[0] : undefined;
  return {
    years,
    ...(home && { home }),
    searchBundles: [...bundles].reverse().map((bundle) => ({ key: bundle.key, url: at(bundlePath(bundle.key)) })),
  };
}

