// The types that pass between the importer's stages: print lines from the export, the issue read out of them, and the judgements the editor must check.
import type { Judgement } from "../messages/judgements.ts";
import type { Area } from "../model.ts";

/** One non-blank line of the layout export. */
export interface PrintLine {
  text: string;
  /** 1-based line in the export. */
  line: number;
  /** Blank lines right above it in the export; three or more start a new 版. */
  blanksBefore: number;
}

/** A piece of the issue as it will be written, with what the importer was unsure of about it. */
export interface ImportedText {
  text: string;
  /** Judgements to check (messages/judgements.ts). */
  checks: Judgement[];
}

/** An article or a photo news item (empty title) read from the export. */
export interface ImportedArticle {
  kicker?: ImportedText;
  /** Empty for photo news printed without a headline. */
  title: ImportedText;
  subtitle?: ImportedText;
  /** Where it stands on its 版 (区域), when read from the 版's PDF. */
  area?: { area: Area; checks: Judgement[] };
  /** Body paragraphs in order, the dateline, captions, credits and byline included, as printed. */
  paragraphs: ImportedText[];
}

export interface ImportedPage {
  number: number;
  /** The page's banner (e.g. 非凡十年 铸就辉煌), when one was printed under the page break. */
  banner?: ImportedText;
  articles: ImportedArticle[];
  /** Photos to cut from the 版's scan (PDF import only): the file each article's image paragraph names, and where it is printed. */
  photos?: ImportedPhoto[];
}

/** A photo printed on a 版, to be cut from its scan into the issue's folder. */
export interface ImportedPhoto {
  /** Its file name in the issue's folder, photo-<版>-<n>.jpg. */
  file: string;
  area: Area;
}

/** The masthead's facts, as the front-matter will hold them. */
export interface Masthead {
  issue: number;
  date: string;
  lunar: ImportedText;
  weekday?: string;
  /** 今日N版; undefined when the masthead does not print it. */
  pages?: number;
}

/** The whole issue read from an export. */
export interface ImportedIssue {
  masthead: Masthead;
  pages: ImportedPage[];
}

/** A judgement in the written file: the line to look at, the last line it concerns, and why. */
export interface Check {
  line: number;
  /** The last line the judgement covers (a title's label lines, say); equal to `line` for a single line. */
  lastLine: number;
  judgement: Judgement;
}
