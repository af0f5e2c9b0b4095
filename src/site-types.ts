// The data the templates render: one record per page of the site, with its links already resolved, so templates hold no logic.
import type { Area, Byline, Dateline, PaperConfig, Photo } from "./model.ts";

/** A link to another page of the site. */
export interface Link {
  url: string;
  label: string;
  /** What the link is, where the pager's 上一期/下一期 would mislead (a day page's 往前3天). */
  what?: string;
}

/** The masthead facts of an issue, repeated on every page that belongs to it. */
export interface IssueSummary {
  /** Where the page is written in the site, e.g. /2022/11/01/; permalinks use it. */
  path: string;
  /** The address readers follow: `path` under the site's path prefix. */
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
  /** The printed 版 the archive does not hold (今日4版 with only 第1、2版 in the archive: [3, 4]); absent when it holds them all. */
  missingPages?: number[];
  year: string;
  yearUrl: string;
  editor?: string;
  note?: string;
}

/** A 版 as listed in an issue's 版面导航. */
export interface PageSummary {
  path: string;
  url: string;
  number: number;
  name?: string;
  /** 第1版 要闻. */
  label: string;
  /** The 版's scan, small, for the issue's 版面导航. */
  thumbnail?: Picture;
}

/** An article as listed on its issue and 版 pages. */
export interface ArticleSummary {
  path: string;
  url: string;
  number: number;
  /** The headline, or 图片新闻 for photo news printed without one. */
  title: string;
  kicker?: string;
  subtitle?: string;
  /** The title, kicker and subtitle as the phrases a line may break between (src/site/phrases.ts). */
  phrases: { title: string[]; kicker?: string[]; subtitle?: string[] };
  column?: string;
  lead: string;
  isPhotoNews: boolean;
  photos: SitePhoto[];
}

/** A photo with its image as published (both absent for a caption-only photo). */
export interface SitePhoto extends Photo {
  /** The JPEG a plain <img> would show. */
  url?: string;
  picture?: Picture;
}

/** An image as a <picture>: AVIF and WebP sources, a JPEG fallback, and its size so the page reserves its space. */
export interface Picture {
  /** <source> elements, best format first. */
  sources: { type: string; srcset: string }[];
  /** The JPEG fallback's address and its srcset. */
  src: string;
  srcset: string;
  /** The slot the image fills, for the browser's choice of width. */
  sizes: string;
  width: number;
  height: number;
  /** `eager` for the first image on its page, `lazy` for every other. */
  loading: "eager" | "lazy";
}

/** A 版's scan on its page: the image, the widest copy for zooming, the PDF, and its articles' areas as links. */
export interface SiteScan {
  picture: Picture;
  /** The scan's alt text, e.g. 2022年11月2日 第1版 要闻 版面图. */
  alt: string;
  /** The widest JPEG, for 查看大图. */
  fullUrl: string;
  pdfUrl?: string;
  hotspots: Hotspot[];
}

/** 热区: an article's rectangle on the scan (percent), linking to the article. */
export interface Hotspot extends Area {
  url: string;
  title: string;
}

/** What an issue or article page shows when shared: Open Graph and Twitter card tags. */
export interface SocialPreview {
  title: string;
  /** The lead, shortened. */
  description: string;
  /** The first photo, or the front page's scan. */
  image?: { url: string; width: number; height: number; alt: string };
}

/** /<YYYY>/<MM>/<DD>/ */
export interface IssuePageData extends IssueSummary {
  /** /no/<issue>/ */
  numberUrl: string;
  pages: (PageSummary & { articles: ArticleSummary[] })[];
  social: SocialPreview;
  previous?: Link;
  next?: Link;
  /** 历史上的今天: the issues of the same day and the same lunar day in earlier years. */
  thisDay: ThisDay;
  /** schema.org PublicationIssue as JSON, escaped for a <script> element (site/json-ld.ts). */
  jsonLd: string;
  /** The issue as open data: its JSON, and its IIIF manifest when it has scans (site/open-data.ts). */
  data: { json: string; iiif?: string };
}

/** /<YYYY>/<MM>/<DD>/<page>/ */
export interface PagePageData extends PageSummary {
  issue: IssueSummary;
  /** Every 版 of the issue, for the 版面导航. */
  siblings: PageSummary[];
  articles: ArticleSummary[];
  /** What search engines show for the 版: its date, label and headlines. */
  description: string;
  scan?: SiteScan;
  previous?: Link;
  next?: Link;
  /** The issue before, from the issue's first 版, and the issue after, from its last: a reader turning pages goes on into the next issue. */
  previousIssue?: Link;
  nextIssue?: Link;
}

/** /<YYYY>/<MM>/<DD>/<page>/<n>/ */
export interface ArticlePageData extends ArticleSummary {
  issue: IssueSummary;
  page: PageSummary;
  dateline?: Dateline;
  byline?: SiteByline;
  photos: CreditedPhoto[];
  bodyHtml: string;
  social: SocialPreview;
  previous?: Link;
  next?: Link;
  /** 引用本文 and the tags reference managers read. */
  citation: Citation;
  /** The citation's files beside the page (RIS, BibTeX, CSL-JSON): written by the render step, not by a template. */
  citationFiles: { path: string; content: string }[];
  /** schema.org NewsArticle as JSON, escaped for a <script> element (site/json-ld.ts). */
  jsonLd: string;
  /** 纠错: where to report an error, and the date of the last correction the archive's history shows. */
  correction: { reportUrl?: string; correctedOn?: string };
}

/** A person as a byline or credit names them, with their page. */
export interface PersonLink {
  name: string;
  url: string;
}

/** A byline with each name linked to its person's page. */
export interface SiteByline extends Omit<Byline, "reporters" | "correspondents"> {
  reporters: PersonLink[];
  correspondents: PersonLink[];
}

/** A photo whose credit is cut into the words as printed and the names, linked to their pages. */
export interface CreditedPhoto extends SitePhoto {
  creditParts: ({ text: string } | PersonLink)[];
}

/** 引用本文: GB/T 7714-2015 references, the downloads, and the meta tags Google Scholar and Zotero read. */
export interface Citation {
  /** 郭龙君. 区委常委会召开会议[N]. 东昌府讯, 2022-11-04(1). */
  reference: string;
  /** The online form [N/OL] around the access date, which the page fills in when it is copied: `before` + [YYYY-MM-DD] + `after`. */
  online: { before: string; after: string };
  downloads: { label: string; url: string; fileName: string; type: string }[];
  /** `<meta name>`, or `<meta property>` for Open Graph's (article:section). */
  meta: { name: string; content: string; property?: true }[];
}

/** One issue in a list of issues: its date, number and front-page headline. */
export interface IssueListing {
  url: string;
  date: string;
  dateText: string;
  year: string;
  weekday: string;
  lunarDate: string;
  number: number;
  /** Split into phrases as it is rendered (the `phrases` filter, build/render-part.ts). */
  headline?: string;
  /** The headline's article page. */
  headlineUrl?: string;
}

/** 历史上的今天 of one issue: the earlier issues of the same day of the year and of the same lunar day, and those days' pages. */
export interface ThisDay {
  solar: { label: string; url: string; issues: IssueListing[] };
  lunar: { label: string; url: string; issues: IssueListing[] };
}

/** /day/<MM>-<DD>/ and /lunar/<MM>-<DD>/: the issues of one day of the solar or the lunar year, in every year, newest first; a day with any. */
export interface DayPageData {
  path: string;
  url: string;
  /** 11月1日, or 农历十月初八. */
  title: string;
  calendar: "solar" | "lunar";
  issues: IssueListing[];
  /** What is special about the day: 2月29日 only in leap years, 三十 only in long months, a leap month only in some years. */
  note?: string;
  /** The same day of the leap month, or of the month a leap month follows. */
  related?: Link;
  /** The calendar of all such days. */
  indexUrl: string;
  previous?: Link;
  next?: Link;
}

/** /day/ and /lunar/: the days of the year as a calendar, month by month, each day with its count of issues. */
export interface DayIndexData {
  path: string;
  url: string;
  title: string;
  /** 按公历日期, 按农历日期: how a link to it reads. */
  label: string;
  calendar: "solar" | "lunar";
  /** Each day with its count of issues, and its page when it has any; a month without any is folded into `emptyMonths`. */
  months: { label: string; issueCount: number; days: { label: string; title: string; url?: string; issueCount: number }[] }[];
  /** The months without an issue in any year, as a reader lists them (1月至3月、12月), drawn as a line instead of empty calendars. */
  emptyMonths?: string;
  /** The other calendar's index. */
  other: Link;
}

/** What a person did in one article: its address, title, date and their roles in it (记者, 通讯员, 摄影). */
export interface PersonCredit {
  url: string;
  title: string;
  date: string;
  dateText: string;
  issueNumber: number;
  pageLabel: string;
  roles: string;
  /** The title and subtitle are split into phrases as they are rendered (the `phrases` filter, build/render-part.ts). */
  subtitle?: string;
  /** The start of the article's lead. */
  lead?: string;
}

/** /people/<slug>/ */
export interface PersonPageData {
  path: string;
  url: string;
  slug: string;
  /** As printed. */
  name: string;
  /** The name in pinyin, e.g. Guo Longjun. */
  romanized: string;
  /**
   * The article count, by role, and as a reader reads it: 共 4 篇，其中摄影 1 幅; `main` is the role they held in every article (记者),
   * which the page says once and the list of articles does not repeat.
   */
  counts: { total: number; byRole: { role: string; count: number }[]; text: string; main?: string };
  /** The units their bylines name (融媒体), most often named first. */
  affiliations: string[];
  /** Newest year first, each year's items newest first. */
  years: { year: string; credits: PersonCredit[] }[];
  /** The search page filtered to this person (the reporter filter), or searching the name for a photographer. */
  searchUrl: string;
  /** Others whose names have the same pinyin. */
  namesakes: Link[];
  /** /people/. */
  indexUrl: string;
  /**
   * For a person with more articles than a page lists (site/people.ts: PERSON_PAGE_CREDITS): a page a year, newest first, with its count
   * on their own page. Their own page then lists the newest year only, and each year's page that year, with `counts` of that year.
   */
  yearPages?: { year: string; count?: number; url: string }[];
  /** On one of those pages: its year, and the person's own page. */
  year?: string;
  personUrl?: string;
  /** The schema.org Person, as JSON for its script element (site/json-ld.ts); archiveRecords adds it, since it needs the site's address. */
  jsonLd?: string;
}

/** /people/<pinyin>/ when several names share that pinyin: a page leading to each of them. */
export interface NamesakePageData {
  path: string;
  url: string;
  romanized: string;
  people: Link[];
  /** /people/. */
  indexUrl: string;
}

/** /people/: everyone, by the first letter of their pinyin. */
export interface PeopleIndexData {
  path: string;
  url: string;
  count: number;
  groups: { letter: string; people: { name: string; romanized: string; url: string; total: number; roles: string }[] }[];
}

/** One day cell of a month calendar; `url` is set when an issue came out that day. */
export interface CalendarDay {
  day: number;
  date: string;
  url?: string;
  issueNumber?: number;
  /** The archive's newest issue, marked on its calendar. */
  isNewest?: true;
}

/** A month of 往期回顾, as weeks from Monday to Sunday; `null` pads days outside the month. */
export interface CalendarMonth {
  month: number;
  /** 11月. */
  label: string;
  issueCount: number;
  /** How many of its days have an issue, for the strip of months on /archive/: 0 for none, then 1–4 by quarters. */
  density: 0 | 1 | 2 | 3 | 4;
  weeks: (CalendarDay | null)[][];
}

/** /archive/<YYYY>/ */
export interface YearPageData {
  year: string;
  path: string;
  url: string;
  issueCount: number;
  /** Its months without an issue, as a reader lists them (1月至10月、12月): a line instead of ten empty calendars on a phone. */
  emptyMonths?: string;
  /** The year as open data: its issues as JSON and every article of it as JSON Lines (site/open-data.ts). */
  data: { json: string; bulk: string };
  months: CalendarMonth[];
  previous?: Link;
  next?: Link;
}

/** One entry of an Atom feed (site/feeds.ts); addresses are absolute. */
export interface FeedEntry {
  id: string;
  url: string;
  title: string;
  updated: Date;
  summary: string;
  /** The byline's names, or the photographers' of photo news. */
  authors: string[];
  /** The entry's data as JSON, for an issue. */
  alternate?: string;
}

/** An Atom feed: /feeds/issues.xml or /feeds/articles.xml. */
export interface Feed {
  path: string;
  url: string;
  title: string;
  updated: Date;
  home: string;
  author: string;
  entries: FeedEntry[];
}

/** Everything the templates need, built once per build. */
export interface SiteData {
  paper: PaperConfig["paper"];
  site: PaperConfig["site"] & {
    title: string;
    /** The folder the site is published under, `/` or e.g. `/baoku/`; every address in the site starts with it. */
    pathPrefix: string;
  };
  issues: IssuePageData[];
  pages: PagePageData[];
  articles: ArticlePageData[];
  /** Newest first, for /archive/. */
  years: YearPageData[];
  /** The newest issue's front page, shown at /. */
  home?: PagePageData;
  /** The home page's schema.org Periodical, as JSON for its script element (site/json-ld.ts). */
  homeJsonLd?: string;
  /** /no/<issue>/ redirects. */
  numberRedirects: { path: string; target: string; number: number }[];
  /** The search bundles the search page merges, newest first (see search-bundles.ts); `url` is the bundle's folder. */
  searchBundles: { key: string; url: string }[];
  /** 历史上的今天 of the newest issue, on the home page. */
  homeThisDay?: ThisDay;
  /** /people/<slug>/ pages, and the pages of names several people share. */
  people: PersonPageData[];
  namesakes: NamesakePageData[];
  /** /people/. */
  peopleIndex?: PeopleIndexData;
  /** The reporter filter's names with their pages, for the search page's results. */
  searchPeople: Record<string, string>;
  /** /day/<MM>-<DD>/ and /lunar/… pages. */
  days: DayPageData[];
  /** /day/ and /lunar/. */
  dayIndexes: DayIndexData[];
  /** The Atom feeds, which the archive-wide part writes; every page announces them. */
  feeds: Feed[];
}
