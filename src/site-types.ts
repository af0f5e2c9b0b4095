// The data the templates render: one record per page of the site, with its links already resolved, so templates hold no logic.
import type { Byline, Dateline, PaperConfig, Photo } from "./model.ts";

/** A link to another page of the site. */
export interface Link {
  url: string;
  label: string;
}

/** The masthead facts of an issue, repeated on every page that belongs to it. */
export interface IssueSummary {
  url: string;
  /** 总第N期. */
  number: number;
  /** YYYY-MM-DD. */
  date: string;
  /** The date as Chinese readers write it: 2022年11月1日. */
  dateText: string;
  /** 星期二. */
  weekday: string;
  /** 农历 as printed. */
  lunarDate: string;
  /** 今日N版. */
  printedPageCount: number;
  year: string;
  yearUrl: string;
  editor?: string;
  note?: string;
}

/** A 版 as listed in an issue's 版面导航. */
export interface PageSummary {
  url: string;
  number: number;
  name?: string;
  /** 第1版 要闻. */
  label: string;
}

/** An article as listed on its issue and 版 pages. */
export interface ArticleSummary {
  url: string;
  number: number;
  /** The headline, or 图片新闻 for photo news printed without one. */
  title: string;
  kicker?: string;
  subtitle?: string;
  column?: string;
  lead: string;
  isPhotoNews: boolean;
  photos: SitePhoto[];
}

/** A photo with the address its image is published at (absent for a caption-only photo). */
export interface SitePhoto extends Photo {
  url?: string;
}

/** /<YYYY>/<MM>/<DD>/ */
export interface IssuePageData extends IssueSummary {
  /** /no/<issue>/ */
  numberUrl: string;
  pages: (PageSummary & { articles: ArticleSummary[] })[];
  previous?: Link;
  next?: Link;
}

/** /<YYYY>/<MM>/<DD>/<page>/ */
export interface PagePageData extends PageSummary {
  issue: IssueSummary;
  /** Every 版 of the issue, for the 版面导航. */
  siblings: PageSummary[];
  articles: ArticleSummary[];
  previous?: Link;
  next?: Link;
}

/** /<YYYY>/<MM>/<DD>/<page>/<n>/ */
export interface ArticlePageData extends ArticleSummary {
  issue: IssueSummary;
  page: PageSummary;
  dateline?: Dateline;
  byline?: Byline;
  bodyHtml: string;
  previous?: Link;
  next?: Link;
}

/** One day cell of a month calendar; `url` is set when an issue came out that day. */
export interface CalendarDay {
  day: number;
  date: string;
  url?: string;
  issueNumber?: number;
}

/** A month of 往期回顾, as weeks from Monday to Sunday; `null` pads days outside the month. */
export interface CalendarMonth {
  month: number;
  /** 11月. */
  label: string;
  issueCount: number;
  weeks: (CalendarDay | null)[][];
}

/** /archive/<YYYY>/ */
export interface YearPageData {
  year: string;
  url: string;
  issueCount: number;
  months: CalendarMonth[];
  previous?: Link;
  next?: Link;
}

/** Everything the templates need, built once per build. */
export interface SiteData {
  paper: PaperConfig["paper"];
  site: PaperConfig["site"] & { title: string };
  issues: IssuePageData[];
  pages: PagePageData[];
  articles: ArticlePageData[];
  /** Newest first, for /archive/. */
  years: YearPageData[];
  /** The newest issue's front page, shown at /. */
  home?: PagePageData;
  /** /no/<issue>/ redirects. */
  numberRedirects: { url: string; target: string; number: number }[];
}
