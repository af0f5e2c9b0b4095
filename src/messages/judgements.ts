// The catalogue of the importer's judgements: each reading of a layout export the importer was not sure of, told in Chinese and English
// as what it did and what the editor should check against the printed page. The importer records the kind and its facts (import/types.ts).
import type { Language, Texts } from "./language.ts";

function judgement<Facts>(texts: Texts<Facts>): Texts<Facts> {
  return texts;
}

/** Print lines quoted one after another: “a” / “b”. */
function quoted(lines: readonly string[]): string {
  return lines.map((line) => `“${line}”`).join(" / ");
}

/** Why no title was found above an article. */
export type UntitledReason = "bylineOpensPage" | "datelineStartsArticle" | "followsEndedArticle" | "noHeadlineAbove";

const UNTITLED_REASONS: Record<UntitledReason, Record<Language, string>> = {
  bylineOpensPage: { "zh-CN": "这个版以署名或摄影署名开头", en: "a byline or credit opens the page" },
  datelineStartsArticle: { "zh-CN": "这里的电头开始了一篇新稿件", en: "a dateline starts a new article here" },
  followsEndedArticle: { "zh-CN": "它在上一篇稿件结束之后", en: "it follows the end of the article above" },
  noHeadlineAbove: {
    "zh-CN": "版面上它的上方没有标题，也不紧接着别的稿件",
    en: "on the page, no headline stands above it and it does not follow another article",
  },
};

export const JUDGEMENTS = {
  BannerRead: judgement<{ text: string }>({
    "zh-CN": ({ text }) => `把换版后第一行的短句“${text}”当作这个版的通栏标题。如果它是第一篇稿件的引题或标题，请移过去（引题写在 ## 标题下的“引题：…”一行）。`,
    en: ({ text }) =>
      `Read “${text}”, the short line under the page break, as this 版's banner. If it is the first article's kicker or title, move it there (引题：… under the ## title).`,
  }),
  CaptionKeptAsPhoto: judgement<{ title: string }>({
    "zh-CN": ({ title }) => `把这段图片说明和摄影署名当作稿件“${title}”的照片。如果它是单独的一条图片新闻，请在它上面加一行空的 ##。`,
    en: ({ title }) => `Kept this caption and its credit as a photo of the article “${title}”. If it is photo news of its own, put an empty ## line above it.`,
  }),
  NoTitleFound: judgement<{ reason: UntitledReason }>({
    "zh-CN": ({ reason }) => `这篇稿件没有找到标题（${UNTITLED_REASONS[reason]["zh-CN"]}）。请在 ## 后面写上标题，或者把这段文字移到它所属的稿件里。`,
    en: ({ reason }) =>
      `No title was found for this article (${UNTITLED_REASONS[reason].en}). Write its title after ##, or move its text into the article it belongs to.`,
  }),
  BylineAfterEndedArticle: judgement<Record<string, never>>({
    "zh-CN": () => "这行署名出现在一篇已经结束的稿件之后；请核对它是不是属于上面那篇稿件。",
    en: () => "This byline follows an article that already ended; check that it belongs to the article above.",
  }),
  ParagraphEndsBeforeTitle: judgement<Record<string, never>>({
    "zh-CN": () => "这一段末尾没有句末标点，但后面是标题和电头，所以没有和它们合并。请对照报纸核对这一段的结尾。",
    en: () =>
      "This paragraph ends without closing punctuation, but a title and dateline follow, so it was not joined with them. Check its end against the printed page.",
  }),
  JoinedAfterQuote: judgement<{ end: string; next: string }>({
    "zh-CN": ({ end, next }) =>
      `在“…${end} | ${next}”处把两行合成了一段：前一行以引号结尾、没有句号，所以当作跨栏断开的同一段。如果“${next}”是新的一段，请从那里分开。`,
    en: ({ end, next }) =>
      `Joined two print lines at …${end} | ${next}: the first ends with a quotation mark but no full stop, so they were read as one paragraph broken across columns. If a new paragraph starts at “${next}”, split them there.`,
  }),
  JoinedShortLine: judgement<{ line: string }>({
    "zh-CN": ({ line }) => `把短行“${line}”和下面的文字合成了一段（当作跨栏断开的同一段）。如果它是小标题，请让它单独成段。`,
    en: ({ line }) =>
      `Joined the short line “${line}” with the text under it, as one paragraph broken across columns. If it is a subheading, keep it as a paragraph of its own.`,
  }),
  TitleJoinedSubtitleRest: judgement<{ lines: string[] }>({
    "zh-CN": ({ lines }) => `把 ${quoted(lines)} 的前两行合成了标题（一个标题分两行排），其余的当作副题。`,
    en: ({ lines }) => `Joined the first two lines of ${quoted(lines)} into the title (a title broken over two print lines) and read the rest as its subtitle.`,
  }),
  TitleAndLongSubtitle: judgement<{ lines: string[] }>({
    "zh-CN": ({ lines }) => `把 ${quoted(lines)} 读作标题和分 ${lines.length - 1} 行排的副题。`,
    en: ({ lines }) => `Read ${quoted(lines)} as a title and a subtitle printed over ${lines.length - 1} lines.`,
  }),
  KickerTitleSubtitle: judgement<{ lines: string[] }>({
    "zh-CN": ({ lines }) => `把 ${quoted(lines)} 读作引题、标题和 ${lines.length - 2} 行副题。`,
    en: ({ lines }) => `Read ${quoted(lines)} as a kicker, a title and a subtitle of ${lines.length - 2} lines.`,
  }),
  KickerAndEventTitle: judgement<{ lines: string[] }>({
    "zh-CN": ({ lines }) => `把 ${quoted(lines)} 读作引题（排在标题上面）和标题，因为第二行以事件结尾。如果第一行才是标题，请把第二行改成它的副题。`,
    en: ({ lines }) =>
      `Read ${quoted(lines)} as a kicker (引题, printed above) and the title, which ends with its event. If the first line is the title, make the second its 副题.`,
  }),
  TitleLinesJoined: judgement<{ lines: string[] }>({
    "zh-CN": ({ lines }) => `把 ${quoted(lines)} 合成了一个标题（一个标题分两行排）。如果第二行是副题，请写在“副题：”一行。`,
    en: ({ lines }) => `Joined ${quoted(lines)} into one title broken over two print lines. If the second line is a subtitle, write it on a 副题： line.`,
  }),
  KickerAndTitle: judgement<{ lines: string[] }>({
    "zh-CN": ({ lines }) => `把 ${quoted(lines)} 读作引题（排在标题上面）和标题。如果第一行才是标题，请把第二行改成它的副题。`,
    en: ({ lines }) => `Read ${quoted(lines)} as a kicker (引题, printed above) and the title. If the first line is the title, make the second its 副题.`,
  }),
  TitleAndSubtitle: judgement<{ lines: string[] }>({
    "zh-CN": ({ lines }) => `把 ${quoted(lines)} 读作标题和副题。如果第一行是引题，请把两者对调；如果是一个标题分两行排，请把它们合起来。`,
    en: ({ lines }) =>
      `Read ${quoted(lines)} as the title and its subtitle. If the first line is a kicker (引题), swap them; if it is one title broken over two lines, join them.`,
  }),
  TitleSplit: judgement<{ line: string; before: string }>({
    "zh-CN": ({ line, before }) => `把“${line}”从“${before}”后面分成了标题和副题。如果它是一个完整的标题，请放回 ## 那一行。`,
    en: ({ line, before }) => `Split “${line}” into the title and a subtitle after “${before}”. If it is one title, put it back on the ## line.`,
  }),
  TitlePartsJoined: judgement<{ before: string; part: string }>({
    "zh-CN": ({ before, part }) =>
      `把“${before}”和“${part}”合成了一个标题（一个标题分两行排）。如果“${part}”是副题，请写在“副题：”一行；如果中间的空格是标题本来就有的，请加回去。`,
    en: ({ before, part }) =>
      `Joined “${before}” and “${part}” into one title broken over two print lines. If “${part}” is a subtitle, write it on a 副题： line; if the space belongs to the title, put it back.`,
  }),
  TitleSpaceKept: judgement<{ before: string; part: string }>({
    "zh-CN": ({ before, part }) =>
      `“${before} ${part}”保留为一个中间有空格的标题。如果“${part}”是副题，请写在“副题：”一行；如果只是一个标题分两行排，请去掉空格。`,
    en: ({ before, part }) =>
      `Kept “${before} ${part}” as one title with a space. If “${part}” is a subtitle, write it on a 副题： line; if the title was only broken over two lines, remove the space.`,
  }),
  HeadlineTypeClose: judgement<{ lines: string[] }>({
    "zh-CN": ({ lines }) => `${quoted(lines)} 的字号和字重几乎一样，分不清哪行是引题、标题、副题；这里按最大字号的行当标题。请对照版面核对。`,
    en: ({ lines }) =>
      `${quoted(lines)} are set in nearly the same size and weight, so kicker, title and subtitle could not be told apart; the largest lines were taken as the title. Check against the page.`,
  }),
  BlockPlacedByDistance: judgement<{ text: string }>({
    "zh-CN": ({ text }) => `“${text}”所在的栏上方没有紧挨着的标题或正文，按离它最近的标题归入了这篇稿件。如果它属于别的稿件，请移过去，并改正两篇稿件的区域。`,
    en: ({ text }) =>
      `Nothing stands right above “${text}” in its column, so it was given to the article of the nearest headline. If it belongs to another article, move it there and correct both areas.`,
  }),
  ColumnJoinUnsure: judgement<{ end: string; next: string }>({
    "zh-CN": ({ end, next }) =>
      `上一栏以“…${end}”结束（有句末标点），下一栏顶格的“${next}”没有缩进，所以当作同一段接着排。如果“${next}”是新的一段，请从那里分开。`,
    en: ({ end, next }) =>
      `The column ends with …${end} (a full stop) and the next column's unindented “${next}” was read as the same paragraph. If a new paragraph starts at “${next}”, split them there.`,
  }),
  AreaOverlaps: judgement<{ title: string }>({
    "zh-CN": ({ title }) => `这篇稿件的区域和“${title}”的区域有重叠，说明有些文字块可能归错了稿件。请在版面图上核对两篇稿件的范围。`,
    en: ({ title }) => `This article's area overlaps that of “${title}”, so some blocks may have gone to the wrong article. Check both against the page scan.`,
  }),
  UnmappedCharacters: judgement<{ count: number }>({
    "zh-CN": ({ count }) => `这里有 ${count} 个字在 PDF 里没有 Unicode 映射，读不出来，写成了 �。请照印出来的报纸改正。`,
    en: ({ count }) =>
      `${count} character${count === 1 ? "" : "s"} here had no Unicode value in the PDF and were written as �. Type them in from the printed page.`,
  }),
  LunarComputed: judgement<Record<string, never>>({
    "zh-CN": () => "报头上没有印农历；这里的农历是按日期推算的，请对照报纸核对。",
    en: () => "The masthead prints no 农历; this one is computed from the date. Compare it with the printed page.",
  }),
  PagesCounted: judgement<Record<string, never>>({
    "zh-CN": () => "报头上没有印“今日N版”；pages 是导出文件里找到的版数，请改成报纸上印的版数。",
    en: () => "The masthead prints no 今日N版; pages is the number of 版 found in the export. Set it to the printed count.",
  }),
} as const;

export type JudgementKind = keyof typeof JUDGEMENTS;

export type JudgementFacts<K extends JudgementKind> = (typeof JUDGEMENTS)[K] extends Texts<infer Facts> ? Facts : never;

/** One judgement: its kind and facts. */
export type Judgement = { [K in JudgementKind]: { kind: K; facts: JudgementFacts<K> } }[JudgementKind];

export function judged<K extends JudgementKind>(kind: K, facts: JudgementFacts<K>): Judgement {
  return { kind, facts } as Judgement;
}

/** A judgement in `language`. */
export function describeJudgement(found: Judgement, language: Language): string {
  return (JUDGEMENTS[found.kind][language] as (facts: unknown) => string)(found.facts);
}
