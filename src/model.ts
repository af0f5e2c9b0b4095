// The types that flow through the pipeline, in one place: the front-matter schema and the Issue, Page, Article, Byline and Photo models built from it.
import { z } from "zod";
import { LANGUAGES } from "./messages/language.ts";
import type { LunarDay } from "./content/calendar.ts";

/** The front-matter fields, as an editor writes them; their names stay ASCII in every language. */
export const FRONT_MATTER_FIELDS = ["issue", "date", "lunar", "pages", "weekday", "editor", "note"] as const;
export type FrontMatterField = (typeof FRONT_MATTER_FIELDS)[number];

/** Why a front-matter value was refused; the schema below gives these as its error messages. */
export type FieldRule = "wholeNumber" | "positive" | "date" | "realDate" | "text" | "nonEmpty" | "atMost100Pages" | "issueNumberRange";

/** Why a setting of baoku.config.json was refused; the schema below gives these as its error messages, `required` and `unknown` come from zod's own codes. */
const CONFIG_RULES = [
  "required",
  "unknown",
  "group",
  "list",
  "text",
  "nonEmpty",
  "address",
  "webAddress",
  "email",
  "endsWithSlash",
  "prefixes",
  "language",
] as const;
export type ConfigRule = (typeof CONFIG_RULES)[number];

export function isConfigRule(name: string): name is ConfigRule {
  return (CONFIG_RULES as readonly string[]).includes(name);
}

/** Why an image's path may not be used (content/photos.ts). */
export type ImagePathReason = "address" | "absolute" | "control" | "parent" | "empty" | "link";

/** Why a link's address would leave the archive (content/links.ts). */
export type LinkReason = "noScheme" | "absolute" | "climbs";

/** What is wrong with a 区域 (area) label's value (content/labels.ts). */
export type AreaFault =
  | { fault: "shape"; value: string }
  | { fault: "outside"; part: "x" | "y" | "w" | "h"; value: string }
  | { fault: "noSize" }
  | { fault: "pastRight"; sum: number }
  | { fault: "pastBottom"; sum: number };

/**
 * The schemas' error messages are not sentences but the names of the rules a value broke (FieldRule and ConfigRule), so the catalogue
 * can say what is wrong in the editor's language.
 */
const rule = <Rule extends FieldRule | ConfigRule>(name: Rule) => ({ error: name });

/** A calendar date written as YYYY-MM-DD. YAML reads an unquoted date as a Date, so both are accepted and normalised to the string. */
export const isoDateSchema = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z
    .string(rule("date"))
    .regex(/^\d{4}-\d{2}-\d{2}$/, rule("date"))
    .refine((text) => {
      const date = new Date(`${text}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
    }, rule("realDate")),
);

/**
 * A positive whole number up to `max`, whose rule `rule` names; quoted digits ("1480") are read as the number, as editors quote values out
 * of habit. Only decimal digits: front-matter.ts gives the schema what YAML read as 0x5C8 or 1e3 as written.
 */
const countSchema = (max: number, tooLarge: FieldRule) =>
  z.preprocess(
    (value) => (typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : value),
    z.number(rule("wholeNumber")).int(rule("wholeNumber")).positive(rule("positive")).max(max, rule(tooLarge)),
  );

const nonEmptyText = z.string(rule("text")).trim().min(1, rule("nonEmpty"));

/** Front-matter of one issue file: the masthead facts an editor types. Its keys are FRONT_MATTER_FIELDS. */
export const frontMatterSchema = z.strictObject({
  /** 总第N期: the issue's running number. */
  issue: countSchema(9_999_999, "issueNumberRange"),
  /** Publication date. */
  date: isoDateSchema,
  /** 农历 as printed on the masthead, e.g. 壬寅年十月初八; checked against `date`. */
  lunar: nonEmptyText,
  /** 今日N版: the printed page count, which may exceed the pages present in the file. */
  pages: countSchema(100, "atMost100Pages"),
  /** 星期 as printed (星期二 or 周二); checked against `date` when given. */
  weekday: nonEmptyText.optional(),
  /** 责任编辑. */
  editor: nonEmptyText.optional(),
  /** A free note on the issue, shown on its page. */
  note: nonEmptyText.optional(),
} satisfies Record<FrontMatterField, z.ZodType>);

export type FrontMatter = z.infer<typeof frontMatterSchema>;

const settingText = z.string(rule("text")).trim().min(1, rule("nonEmpty"));

/** A web address of the paper's: http or https only, since it becomes a link on every page (javascript: or data: would run or show anything). */
const webAddress = (name: "webAddress" | "address") => z.url({ protocol: /^https?$/, ...rule(name) });
const settings = <Shape extends z.ZodRawShape>(shape: Shape) => z.strictObject(shape, rule("group"));

/** The paper's configuration file, `baoku.config.json`. */
export const paperConfigSchema = settings({
  paper: settings({
    /** The paper's name as printed, e.g. 东昌府讯. */
    name: settingText,
    /** The romanized masthead, e.g. DONGCHANGSHIXUN. */
    masthead: settingText,
    /** The paper's website as printed on the masthead. */
    website: webAddress("webAddress").optional(),
    /** The submission email printed on the masthead. */
    email: z.email(rule("email")).optional(),
  }),
  /** Words that open a dateline (电头), e.g. 东昌府讯 and 本报讯. */
  datelinePrefixes: z.array(settingText, rule("list")).min(1, rule("prefixes")),
  site: settings({
    /** The address the site is published at, used for canonical links and feeds; ends with /. */
    baseUrl: webAddress("address").refine((url) => url.endsWith("/"), rule("endsWithSlash")),
    /** The site's title in the browser tab; defaults to the paper's name. */
    title: settingText.optional(),
  }),
  /**
   * The archive's repository on the web, e.g. https://github.com/<owner>/<repo>: each article links to its issue file there, at its line,
   * for readers to report an error or suggest a correction (site/corrections.ts).
   */
  repository: webAddress("webAddress").optional(),
  /** The language Baoku's messages are written in for this paper's editors: zh-CN (the default) or en. */
  language: z.enum(LANGUAGES, rule("language")).optional(),
});

export type PaperConfig = z.infer<typeof paperConfigSchema>;

/** Who wrote an article or took a photo, parsed from a byline such as （融媒体 全兴社 通讯员 李晓）. */
export interface Byline {
  /** The byline as printed, without its parentheses. */
  text: string;
  /** The unit the reporters belong to, e.g. 融媒体. */
  affiliation?: string;
  /** Staff reporters. */
  reporters: string[];
  /** 通讯员: contributing correspondents. */
  correspondents: string[];
}

/** A photo: an image with its caption and credit, or, when the image was not exported, the caption and credit alone. */
export interface Photo {
  /** Path of the image relative to the issue's folder; absent for a caption-only photo. */
  src?: string;
  /** The caption as printed. */
  caption: string;
  /** The credit as printed, e.g. 融媒体 徐振鑫 摄. */
  credit?: string;
  /** Everyone named in the credit. */
  photographers: string[];
  /** The image's size in pixels, read from the file, so pages reserve its space before it loads. */
  width?: number;
  height?: number;
  /** SHA-256 of the image file's bytes (hex): names its derivatives and keys their cache. */
  contentHash?: string;
  /** Line of the photo in the issue file. */
  line: number;
}

/** An image file as the build found it: its size in pixels (upright, after EXIF rotation) and the hash of its bytes. */
export interface ImageFile {
  /** Path relative to the issue's folder, e.g. page-1.jpg. */
  src: string;
  width: number;
  height: number;
  /** SHA-256 of the file's bytes (hex). */
  contentHash: string;
}

/** The scan of a printed page (版面图), `page-<N>.jpg` in the issue's folder, with `page-<N>.pdf` when the paper published one. */
export interface PageScan extends ImageFile {
  /** Path of the PDF relative to the issue's folder. */
  pdf?: string;
}

/** Where an article sits on its 版's scan (热区), in percent of the scan's width and height from its top left corner. */
export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The dateline (电头) that opens an article, e.g. 东昌府讯 10月28日. */
export interface Dateline {
  /** The dateline as printed, e.g. 东昌府讯 10月28日. */
  text: string;
  /** The prefix it starts with, e.g. 东昌府讯. */
  prefix: string;
  /** The date it gives, resolved to a year near the issue's date, as YYYY-MM-DD. */
  date?: string;
}

/** One article (or photo news item) on a 版. */
export interface Article {
  /** Position on its 版, from 1. */
  number: number;
  /** The headline; empty only for photo news printed without one. */
  title: string;
  /** 引题: printed above the title. */
  kicker?: string;
  /** 副题: printed below the title. */
  subtitle?: string;
  /** 栏目: the column banner the article runs under. */
  column?: string;
  dateline?: Dateline;
  byline?: Byline;
  photos: Photo[];
  /** 图片新闻: the item is only photos with captions and credits. */
  isPhotoNews: boolean;
  /** Where the article is printed on its 版's scan, from the label 区域：x,y,w,h. */
  area?: Area;
  /** Plain text of the first body paragraph, without the dateline. */
  lead: string;
  /** Plain text of every body paragraph, in order, without the dateline, byline and photos. */
  paragraphs: string[];
  /** The body rendered to sanitized HTML, without the dateline, byline and photos. */
  bodyHtml: string;
  /** The same body as Markdown, written anew from its syntax tree without raw HTML (what the page shows), for the JSON API. */
  bodyMarkdown: string;
  /** Line of the title in the issue file. */
  line: number;
}

/** One printed page (版) of an issue. */
export interface Page {
  /** 第N版. */
  number: number;
  /** The page's name or banner, e.g. 要闻. */
  name?: string;
  articles: Article[];
  /** The printed page's scan, found beside the issue file. */
  scan?: PageScan;
  /** Line of the page heading in the issue file. */
  line: number;
}

/** One issue of the paper: one Markdown file. */
export interface Issue {
  /** The issue file's path relative to the project root, with forward slashes. */
  file: string;
  /** 总第N期. */
  number: number;
  /** YYYY-MM-DD. */
  date: string;
  /** 农历 as printed. */
  lunarDate: string;
  /** 星期 computed from the date, e.g. 星期二. */
  weekday: string;
  /**
   * The lunar day of the date, computed when the issue is parsed and kept with its header in the parse cache: Intl's Chinese calendar
   * takes a tenth of a millisecond a date, a second a build at 11,000 issues.
   */
  lunarDay: LunarDay;
  /** 今日N版: the printed page count. */
  printedPageCount: number;
  editor?: string;
  note?: string;
  pages: Page[];
  /** Lines of the issue and date fields, for problems found across issues. */
  fieldLines: { issue: number; date: number };
}

/** An article named by where it is, its title, and the people its byline and photo credits name: what the people pages need of it. */
export interface CreditedArticle {
  /** 第N版. */
  page: number;
  /** Its position on the 版. */
  article: number;
  /** As printed; empty for photo news without a headline. */
  title: string;
  subtitle?: string;
  /** The start of its lead, a line's worth (PERSON_LEAD_LENGTH characters), for the people pages. */
  lead?: string;
  /** The unit its byline names, e.g. 融媒体. */
  affiliation?: string;
  reporters: string[];
  correspondents: string[];
  photographers: string[];
}

/**
 * An issue without its pages: what calendars, neighbours' links, search bundles, the people and this-day pages and the checks across
 * issues need of it, kept in the parse cache's index so that those pages never read an issue whole.
 */
export type IssueHeader = Omit<Issue, "pages"> & {
  articleCount: number;
  /** The 版 in the file, and how many of them have a scan: what the sitemaps and the IIIF collection need of an issue. */
  pageCount: number;
  scanCount: number;
  /** The title of the front page's first article (头版头条), for lists of issues. */
  headline?: string;
  /** Where the headline's article is: its 版 and its number on the 版, so lists of issues can link it. */
  headlineAt?: { page: number; article: number };
  /** The articles that name anyone in a byline or a photo credit, in order. */
  credited: CreditedArticle[];
};

/** How much of a lead the headers keep for the people pages: a line on a desktop, and a bounded share of the parse cache's index. */
export const PERSON_LEAD_LENGTH = 48;

export function issueHeader(issue: Issue): IssueHeader {
  const { pages, lunarDay, ...header } = issue;
  const lead = pages[0]?.articles[0];
  const headline = lead?.title;
  const credited = pages.flatMap((page) =>
    page.articles.flatMap((article) => {
      const photographers = [...new Set(article.photos.flatMap((photo) => photo.photographers))];
      const reporters = article.byline?.reporters ?? [];
      const correspondents = article.byline?.correspondents ?? [];
      if (reporters.length + correspondents.length + photographers.length === 0) return [];
      // By characters, not UTF-16 units, so a rare character outside the BMP (𠀋) is never cut in half.
      const lead = [...article.lead].slice(0, PERSON_LEAD_LENGTH).join("");
      return [
        {
          page: page.number,
          article: article.number,
          title: article.title,
          ...(article.subtitle && { subtitle: article.subtitle }),
          ...(lead && { lead }),
          ...(article.byline?.affiliation && { affiliation: article.byline.affiliation }),
          reporters,
          correspondents,
          photographers,
        },
      ];
    }),
  );
  return {
    ...header,
    articleCount: pages.reduce((sum, page) => sum + page.articles.length, 0),
    pageCount: pages.length,
    scanCount: pages.filter((page) => page.scan).length,
    ...(headline && { headline, headlineAt: { page: pages[0]!.number, article: lead!.number } }),
    credited,
    lunarDay,
  };
}
