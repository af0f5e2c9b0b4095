// The data the templates render: one record per page of the site, with its links already resolved, so templates hold no logic.
import type { Area, Byline, Dateline, PaperConfig, Photo } from "./model.ts";

/** A link to another page of the site. */
export interface Link {
  url: string;
  label: string;
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
}

/** /<YYYY>/<MM>/<DD>/<page>/<n>/ */
export interface ArticlePageData extends ArticleSummary {
  issue: IssueSummary;
  page: PageSummary;
  dateline?: Dateline;
  byline?: Byline;
  bodyHtml: string;
  social: SocialPreview;
  previous?: Link;
  next?: Link;
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
  months: CalendarMonth[];
  previous?: Link;
  next?: Link;
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
  /** /no/<issue>/ redirects. */
  numberRedirects: { path: string; target: string; number: number }[];
  /** The search bundles the search page merges, newest first (see search-bundles.ts); `url` is the bundle's folder. */
  searchBundles: { key: string; url: string }[];
}
