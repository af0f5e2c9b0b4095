// The words of the problems in the issue files and the archive's folders: the front-matter, the issues between them, the 版, articles,
// labels, links and footnotes, in Chinese and in English.
import type { FieldRule, FrontMatterField, LinkReason } from "../model.ts";
import type { Words } from "./language.ts";
import type { Wording } from "./catalogue.ts";

/** The issue file and folder the examples are told in. */
export const EXAMPLE_FILE = "issues/2022/2022-11-02.md";
export const EXAMPLE_FOLDER = "issues/2022/2022-11-02";

/** What each front-matter field holds, in the paper's words. */
const FIELD_MEANING: Record<FrontMatterField, Words> = {
  issue: { "zh-CN": "期号", en: "总第N期" },
  date: { "zh-CN": "出版日期", en: "the date" },
  lunar: { "zh-CN": "农历", en: "农历" },
  pages: { "zh-CN": "版数", en: "今日N版" },
  weekday: { "zh-CN": "星期", en: "星期" },
  editor: { "zh-CN": "责任编辑", en: "责任编辑" },
  note: { "zh-CN": "备注", en: "a note" },
};

/** How to write each front-matter field. */
const FIELD_HELP: Record<FrontMatterField, Words> = {
  issue: { "zh-CN": "写报头上“总第N期”的数字，例如 issue: 1480。", en: "Write the running number printed as 总第N期, e.g. issue: 1480." },
  date: { "zh-CN": "按“年-月-日”写出版日期，例如 date: 2022-11-01。", en: "Write the publication date as YYYY-MM-DD, e.g. date: 2022-11-01." },
  lunar: { "zh-CN": "照报头上印的写农历，例如 lunar: 壬寅年十月初八。", en: "Write the 农历 printed on the masthead, e.g. lunar: 壬寅年十月初八." },
  pages: { "zh-CN": "写报头上“今日N版”的版数，例如 pages: 4。", en: "Write the page count printed as 今日N版, e.g. pages: 4." },
  weekday: {
    "zh-CN": "照报头上印的写星期，例如 weekday: 星期二；也可以不写这一行。",
    en: "Write the 星期 printed on the masthead, e.g. weekday: 星期二, or leave the field out.",
  },
  editor: { "zh-CN": "写责任编辑的名字，或者删掉这一行。", en: "Write the 责任编辑's name, or leave the field out." },
  note: { "zh-CN": "写上备注的文字，或者删掉这一行。", en: "Write the note as text, or leave the field out." },
};

/** A front-matter field named with what it holds: `lunar（农历）`, `issue (总第N期)`. */
export function fieldLabel(field: string, language: keyof Words): string {
  const meaning = (FIELD_MEANING as Record<string, Words | undefined>)[field]?.[language];
  if (!meaning || meaning === field) return field;
  return language === "zh-CN" ? `${field}（${meaning}）` : field;
}

function fieldHelp(field: string): Words {
  return (FIELD_HELP as Record<string, Words | undefined>)[field] ?? { "zh-CN": "改正这个值。", en: "Correct the value." };
}

/** What each rule a front-matter value broke asks of it. */
const FIELD_RULES: Record<FieldRule, Words> = {
  wholeNumber: { "zh-CN": "必须是只用十进制数字写的整数，例如 1480", en: "must be a whole number in decimal digits, e.g. 1480" },
  atMost100Pages: { "zh-CN": "一期最多 100 版", en: "must be at most 100 pages" },
  issueNumberRange: { "zh-CN": "期号最大是 9999999", en: "must be at most 9999999" },
  positive: { "zh-CN": "必须是大于 0 的数", en: "must be a positive number" },
  date: { "zh-CN": "日期要写成“年-月-日”（YYYY-MM-DD），例如 2022-11-01", en: "must be a date written as YYYY-MM-DD, e.g. 2022-11-01" },
  realDate: { "zh-CN": "日历上没有这一天", en: "is not a real calendar date" },
  text: { "zh-CN": "必须是文字", en: "must be text" },
  nonEmpty: { "zh-CN": "不能是空的", en: "must not be empty" },
};

/** Why each kind of address would leave the archive. */
const LINK_REASONS: Record<LinkReason, Words> = {
  noScheme: { "zh-CN": "没有写 http: 或 https:，会指向别的服务器", en: "has no scheme, so it points at another server" },
  absolute: {
    "zh-CN": "是以 / 开头的绝对路径，网站发布在子目录下时会离开报库",
    en: "is an absolute path, which leaves the archive when the site is published under a folder",
  },
  climbs: { "zh-CN": "用 .. 跳到了报库最上层之外", en: "climbs (..) above the archive's top folder" },
};

/** A title as a message names it; photo news printed without one is named so. */
function titled(title: string, language: keyof Words): string {
  return title || (language === "zh-CN" ? "（无标题）" : "(no title)");
}

const LABEL_LIST: Words = {
  "zh-CN": "标签有引题、副题、栏目、作者和区域（也可以写 kicker、subtitle、column、byline、area），同义的写法见编辑指南",
  en: "The labels are 引题, 副题, 栏目, 作者 and 区域 (or kicker, subtitle, column, byline, area; the guide lists the synonyms accepted)",
};

export const ISSUE_FILE_PROBLEMS = {
  NotUtf8: {
    title: { "zh-CN": "文件不是 UTF-8 编码", en: "Not UTF-8" },
    message: { "zh-CN": () => "这个文件不是 UTF-8 编码的文本。", en: () => "The file is not valid UTF-8 text." },
    hint: {
      "zh-CN": () => "用 UTF-8 编码另存（大多数编辑器里：另存为… → 编码：UTF-8）；GBK 或 GB2312 的导出文件要先转换。",
      en: () => "Save it as UTF-8 (in most editors: Save As… → Encoding: UTF-8); GBK or GB2312 exports must be converted.",
    },
    examples: [{ file: EXAMPLE_FILE, facts: {} }],
  },
  EmptyFile: {
    title: { "zh-CN": "文件是空的", en: "Empty file" },
    message: { "zh-CN": () => "文件是空的。", en: () => "The file is empty." },
    hint: { "zh-CN": () => "写上文件头和本期的各版，或者删掉这个文件。", en: () => "Add the front-matter and the issue's pages, or delete the file." },
    examples: [{ file: EXAMPLE_FILE, facts: {} }],
  },
  MissingFrontMatter: {
    title: { "zh-CN": "缺少文件头", en: "No front-matter" },
    message: { "zh-CN": () => "文件没有以文件头开始。", en: () => "The file does not start with front-matter." },
    hint: {
      "zh-CN": () => "文件第一行写 ---，接着写 issue、date、lunar、pages 等字段，每个一行，再写一行 ---。",
      en: () => "Begin the file with a --- line, the fields issue, date, lunar and pages, and another --- line.",
    },
    examples: [{ file: EXAMPLE_FILE, line: 1, facts: {} }],
  },
  MalformedYaml: {
    title: { "zh-CN": "文件头格式不对", en: "Front-matter not valid YAML" },
    message: {
      "zh-CN": ({ reason }) => `文件头的格式不对：${yamlReasonZh(reason)}。`,
      en: ({ reason }) => `The front-matter is not valid YAML: ${reason}.`,
    },
    hint: {
      "zh-CN": () => "每个字段单独写一行，写成“名称: 值”（英文冒号，冒号后空一格）；值里有“冒号加空格”时，用英文引号把值括起来。",
      en: () => "Write each field as `name: value` on its own line; quote values that contain a colon followed by a space.",
    },
    examples: [{ file: EXAMPLE_FILE, line: 3, facts: { reason: "bad indentation of a mapping entry" } }],
  },
  MissingField: {
    title: { "zh-CN": "缺少必填字段", en: "Required field missing" },
    message: {
      "zh-CN": ({ field }) => `缺少必填的字段 ${fieldLabel(field, "zh-CN")}。`,
      en: ({ field }) => `The required field ${field} is missing.`,
    },
    hint: { "zh-CN": ({ field }) => fieldHelp(field)["zh-CN"], en: ({ field }) => fieldHelp(field).en },
    examples: [{ file: EXAMPLE_FILE, line: 1, field: "lunar", facts: { field: "lunar" } }],
  },
  InvalidField: {
    title: { "zh-CN": "字段的值不对", en: "Field value not valid" },
    message: {
      "zh-CN": ({ field, rule, value }) => `${fieldLabel(field, "zh-CN")}写的是 ${value}，不对：${FIELD_RULES[rule]["zh-CN"]}。`,
      en: ({ field, rule, value }) => `${field} ${FIELD_RULES[rule].en}; it is ${value}.`,
    },
    hint: { "zh-CN": ({ field }) => fieldHelp(field)["zh-CN"], en: ({ field }) => fieldHelp(field).en },
    examples: [{ file: EXAMPLE_FILE, line: 2, field: "issue", facts: { field: "issue", rule: "wholeNumber", value: '"一四八一"' } }],
  },
  InvisibleCharacter: {
    title: { "zh-CN": "看不见的字符", en: "Invisible character" },
    message: {
      "zh-CN": ({ code, name, context }) =>
        `这一行有一个看不见的字符 ${code}（${name}），在“${context}”里。读者看不到它，它却会原样出现在网页标题、订阅、数据和搜索里，有的还会把后面的文字顺序颠倒。`,
      en: ({ code, name, context }) =>
        `This line holds a character no reader sees, ${code} (${name}), in “${context}”. It would still be published in page titles, feeds, data and search, and some reverse the text after them.`,
    },
    hint: {
      "zh-CN": ({ code }) =>
        `删掉 ⟨${code}⟩ 标出的那个字符（在编辑器里把光标移到那里按删除键，或者把这一行重新输入一遍）；从网页或排版软件里复制来的文字常带着它。`,
      en: ({ code }) =>
        `Delete the character marked ⟨${code}⟩ (put the cursor there and delete it, or type the line again); text copied from web pages and layout software often carries one.`,
    },
    examples: [
      { file: EXAMPLE_FILE, line: 9, facts: { code: "U+200B", name: "零宽空格", context: "## 省委常委会⟨U+200B⟩召开扩大会议" } },
      { file: EXAMPLE_FILE, line: 7, field: "editor", facts: { code: "U+202E", name: "从右到左强制", context: "editor: ⟨U+202E⟩王伟" } },
    ],
  },
  UnknownField: {
    title: { "zh-CN": "不认识的字段", en: "Unknown field" },
    message: { "zh-CN": ({ field }) => `“${field}”不是文件头里的字段。`, en: ({ field }) => `“${field}” is not a known field.` },
    hint: {
      "zh-CN": ({ suggestion }) =>
        `${suggestion ? `是不是要写 ${suggestion}（${fieldLabel(suggestion, "zh-CN").replace(/^.*（|）$/g, "")}）？` : ""}文件头的字段有 issue、date、lunar、pages、weekday、editor 和 note；改正拼写，或者删掉这一行。`,
      en: ({ suggestion }) =>
        `${suggestion ? `Did you mean ${suggestion}? ` : ""}The fields are issue, date, lunar, pages, weekday, editor and note; correct the spelling or remove the line.`,
    },
    examples: [{ file: EXAMPLE_FILE, line: 4, field: "luner", facts: { field: "luner", suggestion: "lunar" } }],
  },
  LunarDateMismatch: {
    title: { "zh-CN": "农历与日期不符", en: "农历 does not match the date" },
    message: {
      "zh-CN": ({ printed, date, computed }) => `农历“${printed}”与日期不符：${date} 是农历${computed}。`,
      en: ({ printed, date, computed }) => `农历 “${printed}” is not the lunar date of ${date}, which is ${computed}.`,
    },
    hint: {
      "zh-CN": ({ computed }) => `改为 lunar: ${computed}；如果错的是日期，就改正 date。`,
      en: ({ computed }) => `Write lunar: ${computed}, or correct the date if that is what is wrong.`,
    },
    examples: [{ file: EXAMPLE_FILE, line: 4, field: "lunar", facts: { printed: "壬寅年十月初八", date: "2022-11-02", computed: "壬寅年十月初九" } }],
  },
  WeekdayMismatch: {
    title: { "zh-CN": "星期与日期不符", en: "星期 does not match the date" },
    message: {
      "zh-CN": ({ printed, date, computed }) => `星期“${printed}”与日期不符：${date} 是${computed}。`,
      en: ({ printed, date, computed }) => `星期 “${printed}” is wrong: ${date} is a ${computed}.`,
    },
    hint: {
      "zh-CN": ({ computed }) => `改为 weekday: ${computed}；如果错的是日期，就改正 date。`,
      en: ({ computed }) => `Write weekday: ${computed}, or correct the date if that is what is wrong.`,
    },
    examples: [{ file: EXAMPLE_FILE, line: 6, field: "weekday", facts: { printed: "星期二", date: "2022-11-02", computed: "星期三" } }],
  },
  MisplacedIssueFile: {
    title: { "zh-CN": "文件放错了位置", en: "Issue file misplaced" },
    message: { "zh-CN": () => "每期的文件必须放在 issues/<年>/<年-月-日>.md。", en: () => "Issue files must be named issues/<YYYY>/<YYYY-MM-DD>.md." },
    hint: {
      "zh-CN": () => "把文件移到它那一年的文件夹里，按日期命名，例如 issues/2022/2022-11-01.md；issues/ 里不要放别的 Markdown 文件。",
      en: () => "Move the file to the year folder and name it by its date, e.g. issues/2022/2022-11-01.md; other Markdown does not belong under issues/.",
    },
    examples: [{ file: "issues/2022/1102.md", facts: {} }],
  },
  PathDateMismatch: {
    title: { "zh-CN": "文件名与日期不符", en: "File name does not match the date" },
    message: {
      "zh-CN": ({ date, expected }) => `文件头的日期是 ${date}，文件应当是 ${expected}。`,
      en: ({ date, expected }) => `The file's date is ${date}, so it must be ${expected}.`,
    },
    hint: {
      "zh-CN": ({ expected }) => `把文件改名为 ${expected}，或者改正 date。`,
      en: ({ expected }) => `Rename the file to ${expected}, or correct the date.`,
    },
    examples: [{ file: EXAMPLE_FILE, line: 3, field: "date", facts: { date: "2022-11-03", expected: "issues/2022/2022-11-03.md" } }],
  },
  DuplicateDate: {
    title: { "zh-CN": "同一天有两期", en: "Two issues on one date" },
    message: {
      "zh-CN": ({ date, other }) => `${date} 已经有一期了：${other}。`,
      en: ({ date, other }) => `${date} already has an issue, ${other}.`,
    },
    hint: {
      "zh-CN": () => "每个日期只能有一个文件：把两个文件合并，或者改正其中一个的日期。",
      en: () => "Keep one file for each date; merge the two or correct the date of one.",
    },
    examples: [{ file: "issues/2022/2022-11-02-2.md", line: 3, field: "date", facts: { date: "2022-11-02", other: EXAMPLE_FILE } }],
  },
  DuplicateIssueNumber: {
    title: { "zh-CN": "期号重复", en: "Issue number used twice" },
    message: {
      "zh-CN": ({ number, other, otherDate }) => `总第${number}期与 ${other}（${otherDate}）的期号相同。`,
      en: ({ number, other, otherDate }) => `总第${number}期 is also the number of ${other} (${otherDate}).`,
    },
    hint: { "zh-CN": () => "每期的期号各不相同：改正写错的那一期。", en: () => "Each issue has its own number; correct the one that is wrong." },
    examples: [{ file: "issues/2022/2022-11-03.md", line: 2, field: "issue", facts: { number: 1481, other: EXAMPLE_FILE, otherDate: "2022-11-02" } }],
  },
  IssueNumberOrder: {
    title: { "zh-CN": "期号没有随日期递增", en: "Issue numbers out of order" },
    message: {
      "zh-CN": ({ number, date, previousNumber, previousDate }) =>
        `总第${number}期（${date}）比更早的 ${previousDate} 那期（总第${previousNumber}期）还小；期号要随日期递增。`,
      en: ({ number, date, previousNumber, previousDate }) =>
        `总第${number}期 (${date}) is lower than 总第${previousNumber}期 of the earlier ${previousDate}; numbers must rise with the date.`,
    },
    hint: { "zh-CN": () => "改正这两期中一期的期号或日期。", en: () => "Correct the issue number or the date of one of the two files." },
    examples: [
      {
        file: "issues/2022/2022-11-03.md",
        line: 2,
        field: "issue",
        facts: { number: 1479, date: "2022-11-03", previousNumber: 1481, previousDate: "2022-11-02" },
      },
    ],
  },
  IssueNumberGap: {
    title: { "zh-CN": "期号中间有空缺", en: "A gap in the issue numbers" },
    message: {
      "zh-CN": ({ number, previousNumber, previousDate }) => {
        const missing = number - previousNumber - 1;
        const which = missing === 1 ? `总第${previousNumber + 1}期` : ` ${missing} 期（总第${previousNumber + 1}–${number - 1}期）`;
        return `总第${number}期排在总第${previousNumber}期（${previousDate}）之后，报库里缺了${which}。`;
      },
      en: ({ number, previousNumber, previousDate }) => {
        const missing = number - previousNumber - 1;
        const which = missing === 1 ? `总第${previousNumber + 1}期 is` : `${missing} issues (总第${previousNumber + 1}–${number - 1}期) are`;
        return `总第${number}期 follows 总第${previousNumber}期 (${previousDate}), so ${which} not in the archive.`;
      },
    },
    hint: {
      "zh-CN": () => "有这些期的文件时把它们补上；如果印刷时本来就跳过了这些期号，就不用管。",
      en: () => "Add the missing issues' files when you have them; if the numbers were skipped in print, nothing needs doing.",
    },
    examples: [{ file: "issues/2022/2022-11-04.md", line: 2, field: "issue", facts: { number: 1484, previousNumber: 1481, previousDate: "2022-11-02" } }],
  },
  ContentBeforePage: {
    title: { "zh-CN": "文字写在第一个版之前", en: "Text before the first page" },
    message: {
      "zh-CN": ({ excerpt }) => `“${excerpt}”写在了第一个版标题之前。`,
      en: ({ excerpt }) => `“${excerpt}” comes before the first page heading.`,
    },
    hint: { "zh-CN": () => "正文要从版标题开始，例如 # 第1版 要闻。", en: () => "Start the body with a page heading such as # 第1版 要闻." },
    examples: [{ file: EXAMPLE_FILE, line: 8, facts: { excerpt: "区委召开常委会会议" } }],
  },
  ArticleBeforePage: {
    title: { "zh-CN": "稿件写在第一个版之前", en: "Article before the first page" },
    message: {
      "zh-CN": ({ title }) => `稿件“${title}”写在了所有版标题之前。`,
      en: ({ title }) => `The article “${title}” comes before any page heading.`,
    },
    hint: { "zh-CN": () => "在它上面加一行版标题，例如 # 第1版 要闻。", en: () => "Put a page heading such as # 第1版 要闻 above it." },
    examples: [{ file: EXAMPLE_FILE, line: 8, facts: { title: "区委召开常委会会议" } }],
  },
  BadPageHeading: {
    title: { "zh-CN": "版标题写错了", en: "Not a page heading" },
    message: {
      "zh-CN": ({ heading }) => `“# ${heading}”不是版标题。`,
      en: ({ heading }) => `“# ${heading}” is not a page heading.`,
    },
    hint: {
      "zh-CN": () => "版标题写成 # 第N版 加版名，例如 # 第1版 要闻；稿件的标题用 ##。",
      en: () => "Write a page as # 第N版 followed by its name, e.g. # 第1版 要闻; use ## for an article's title.",
    },
    examples: [{ file: EXAMPLE_FILE, line: 8, field: "page", facts: { heading: "区委召开常委会会议" } }],
  },
  PageNumberOrder: {
    title: { "zh-CN": "版的顺序不对", en: "Pages out of order" },
    message: {
      "zh-CN": ({ number, previous }) => `第${number}版排在第${previous}版之后；各版要按顺序排，每版只出现一次。`,
      en: ({ number, previous }) => `第${number}版 comes after 第${previous}版; pages must be in order and appear once.`,
    },
    hint: { "zh-CN": () => "改正版号，或者把这个版移到它的位置。", en: () => "Renumber the page heading or move the page to its place." },
    examples: [{ file: EXAMPLE_FILE, line: 20, field: "page", facts: { number: 2, previous: 3 } }],
  },
  PageBeyondPrintedCount: {
    title: { "zh-CN": "版号超出版数", en: "Page beyond the printed count" },
    message: {
      "zh-CN": ({ number, printed }) => `第${number}版超出了文件头写的版数（今日${printed}版）。`,
      en: ({ number, printed }) => `第${number}版 is beyond the ${printed} pages the front-matter says were printed (今日${printed}版).`,
    },
    hint: {
      "zh-CN": ({ number }) => `改正版号，或者把 pages 改为 ${number} 或更大的数。`,
      en: ({ number }) => `Correct the page number, or set pages: ${number} or more.`,
    },
    examples: [{ file: EXAMPLE_FILE, line: 30, field: "pages", facts: { number: 5, printed: 4 } }],
  },
  EmptyPage: {
    title: { "zh-CN": "版上没有稿件", en: "Page without articles" },
    message: { "zh-CN": ({ number }) => `第${number}版没有稿件。`, en: ({ number }) => `第${number}版 has no articles.` },
    hint: {
      "zh-CN": () => "在版标题下面用 ## 标题写上稿件；如果这个版不收进报库，就删掉版标题。",
      en: () => "Add its articles under ## titles, or remove the page heading if the page is not in the archive.",
    },
    examples: [{ file: EXAMPLE_FILE, line: 20, facts: { number: 3 } }],
  },
  ContentBeforeArticle: {
    title: { "zh-CN": "文字不在任何稿件下", en: "Text under no article" },
    message: {
      "zh-CN": ({ excerpt, page }) => `“${excerpt}”在第${page}版上，但不在任何稿件标题下面。`,
      en: ({ excerpt, page }) => `“${excerpt}” is on 第${page}版 but under no article title.`,
    },
    hint: {
      "zh-CN": () => "在它上面加一行 ## 标题；如果它是这个版的通栏标题，就写在版标题后面：# 第N版 通栏标题。",
      en: () => "Put a ## title above it, or, if it is the page's banner, write it after the page heading: # 第N版 banner.",
    },
    examples: [{ file: EXAMPLE_FILE, line: 10, facts: { excerpt: "非凡十年 铸就辉煌", page: 2 } }],
  },
  MissingTitle: {
    title: { "zh-CN": "稿件没有标题", en: "Article without a title" },
    message: {
      "zh-CN": () => "这篇稿件没有标题；只有图片新闻可以不写标题。",
      en: () => "This article has no title; only photo news (图片新闻) may be printed without one.",
    },
    hint: { "zh-CN": () => "在这一行的 ## 后面写上标题。", en: () => "Write the headline after ## on this line." },
    examples: [{ file: EXAMPLE_FILE, line: 12, facts: {} }],
  },
  EmptyArticle: {
    title: { "zh-CN": "稿件是空的", en: "Empty article" },
    message: {
      "zh-CN": ({ title }) => `稿件“${titled(title, "zh-CN")}”既没有文字也没有照片。`,
      en: ({ title }) => `The article “${titled(title, "en")}” has no text and no photo.`,
    },
    hint: { "zh-CN": () => "在标题下写上正文，或者删掉这一行标题。", en: () => "Add its paragraphs under the title, or remove the title line." },
    examples: [{ file: EXAMPLE_FILE, line: 12, facts: { title: "区委召开常委会会议" } }],
  },
  UnknownLabel: {
    title: { "zh-CN": "不认识的标签", en: "Unknown label" },
    message: {
      "zh-CN": (facts) => ("word" in facts ? `“${facts.word}”不是标签。` : `“${facts.text}”不是标签，却紧跟在标题下的标签后面。`),
      en: (facts) => ("word" in facts ? `“${facts.word}” is not a label.` : `“${facts.text}” is not a label, but it follows the labels under the title.`),
    },
    hint: {
      "zh-CN": (facts) => {
        if (!("word" in facts)) return "在标签和正文第一段之间空一行。";
        const orBody = "如果这一行是正文，就在标题和正文之间空一行。";
        if (facts.titleWord) return `标题写在 ## 后面，不用标签；${orBody}`;
        if (facts.suggestion) return `是不是要写“${facts.suggestion}${/\p{Script=Han}/u.test(facts.suggestion) ? "：" : ":"}”？改正这个词；${orBody}`;
        return `${LABEL_LIST["zh-CN"]}；改正这个词，${orBody}`;
      },
      en: (facts) => {
        if (!("word" in facts)) return "Leave a blank line between the labels and the article's first paragraph.";
        if (facts.titleWord) return "The title goes on the ## line, not in a label; if this line is body text, leave a blank line before it.";
        if (facts.suggestion) return `Did you mean ${facts.suggestion}? Correct the word, or leave a blank line before body text.`;
        return `${LABEL_LIST.en}; correct the word, or leave a blank line before body text.`;
      },
    },
    examples: [
      { file: EXAMPLE_FILE, line: 11, field: "副提", facts: { word: "副提", suggestion: "副题" } },
      { file: EXAMPLE_FILE, line: 12, field: "来源", facts: { word: "来源" } },
      { file: EXAMPLE_FILE, line: 11, field: "标题", facts: { word: "标题", titleWord: true } },
      { file: EXAMPLE_FILE, line: 13, facts: { text: "东昌府讯 11月1日，正文紧跟标签。" } },
    ],
  },
  EmptyLabel: {
    title: { "zh-CN": "标签后面没有文字", en: "Empty label" },
    message: { "zh-CN": ({ word }) => `标签“${word}”后面没有文字。`, en: ({ word }) => `The label ${word} has no text.` },
    hint: { "zh-CN": ({ word }) => `在“${word}：”后面写上文字，或者删掉这一行。`, en: ({ word }) => `Write the text after “${word}：”, or remove the line.` },
    examples: [{ file: EXAMPLE_FILE, line: 11, field: "副题", facts: { word: "副题" } }],
  },
  DuplicateLabel: {
    title: { "zh-CN": "标签写了两次", en: "Label given twice" },
    message: { "zh-CN": ({ word }) => `标签“${word}”写了两次。`, en: ({ word }) => `The label ${word} is given twice.` },
    hint: { "zh-CN": () => "两行只留一行。", en: () => "Keep one of the two lines." },
    examples: [{ file: EXAMPLE_FILE, line: 12, field: "副题", facts: { word: "副题" } }],
  },
  InvalidArea: {
    title: { "zh-CN": "区域写错了", en: "Area not valid" },
    message: {
      "zh-CN": (facts) => {
        switch (facts.fault) {
          case "shape":
            return `区域要写成四个数 x,y,w,h（占版面图的百分比），这里写的是“${facts.value}”。`;
          case "outside":
            return `区域的 ${facts.part} 是 ${facts.value}，但每个数都要是 0 到 100 之间的百分比。`;
          case "noSize":
            return "区域没有大小：宽 w 和高 h 都要大于 0。";
          case "pastRight":
            return `区域超出了版面图的右边：x + w 是 ${facts.sum}，大于 100。`;
          case "pastBottom":
            return `区域超出了版面图的下边：y + h 是 ${facts.sum}，大于 100。`;
        }
      },
      en: (facts) => {
        switch (facts.fault) {
          case "shape":
            return `The area must be four numbers x,y,w,h (percent of the scan), but is “${facts.value}”.`;
          case "outside":
            return `The area gives ${facts.part} = ${facts.value}, but every number is a percentage from 0 to 100.`;
          case "noSize":
            return "The area has no size: its width and height must be more than 0.";
          case "pastRight":
            return `The area reaches past the scan's right edge: x + w is ${facts.sum}, more than 100.`;
          case "pastBottom":
            return `The area reaches past the scan's bottom edge: y + h is ${facts.sum}, more than 100.`;
        }
      },
    },
    hint: {
      "zh-CN": ({ word }) => `按 x,y,w,h 写出稿件在版面图上的矩形：从左上角量起，单位是百分比，都在 0–100 之间，例如 ${word}：10,5,40,30。`,
      en: ({ word }) =>
        `Write the article's rectangle on the 版's scan as x,y,w,h in percent from the top left corner, within 0–100, e.g. ${word}：10,5,40,30.`,
    },
    examples: [
      { file: EXAMPLE_FILE, line: 11, field: "区域", facts: { word: "区域", fault: "pastRight", sum: 110 } },
      { file: EXAMPLE_FILE, line: 11, field: "区域", facts: { word: "区域", fault: "shape", value: "左上角" } },
      { file: EXAMPLE_FILE, line: 11, field: "area", facts: { word: "area", fault: "outside", part: "y", value: "120" } },
      { file: EXAMPLE_FILE, line: 11, field: "区域", facts: { word: "区域", fault: "noSize" } },
      { file: EXAMPLE_FILE, line: 11, field: "区域", facts: { word: "区域", fault: "pastBottom", sum: 100.5 } },
    ],
  },
  UnsafeLink: {
    title: { "zh-CN": "不安全的链接", en: "Unsafe link" },
    message: {
      "zh-CN": ({ url, scheme }) => `链接“${url}”是 ${scheme}: 地址；链接只能是网址（http、https）或邮箱（mailto）。`,
      en: ({ url, scheme }) => `The link “${url}” is a ${scheme}: address; links may only be web (http, https) or mail (mailto) addresses.`,
    },
    hint: {
      "zh-CN": () => "写完整的网址，例如 [区政府网](http://www.dcf.gov.cn/)，或者去掉链接、只留文字。",
      en: () => "Write the full web address, e.g. [区政府网](http://www.dcf.gov.cn/), or remove the link and keep its text.",
    },
    examples: [{ file: EXAMPLE_FILE, line: 16, field: "link", facts: { url: "javascript:alert(1)", scheme: "javascript" } }],
  },
  LinkOutsideArchive: {
    title: { "zh-CN": "链接离开了报库", en: "Link outside the archive" },
    message: {
      "zh-CN": ({ url, reason }) => `链接“${url}”${LINK_REASONS[reason]["zh-CN"]}。`,
      en: ({ url, reason }) => `The link “${url}” ${LINK_REASONS[reason].en}.`,
    },
    hint: {
      "zh-CN": () => "从这篇稿件出发，用相对路径链接报库里的其他页面（例如上个月 31 日那一期是 ../../../../10/31/），或者写完整的 http(s) 网址。",
      en: () =>
        "Link to another page of the archive relatively from this article (e.g. ../../../../10/31/ for the issue of the 31st of the previous month), or write a full http(s) address.",
    },
    examples: [{ file: EXAMPLE_FILE, line: 16, field: "link", facts: { url: "/2022/10/31/", reason: "absolute" } }],
  },
  UnsupportedFootnote: {
    title: { "zh-CN": "不支持脚注", en: "Footnotes not supported" },
    message: {
      "zh-CN": ({ label }) => `“[${label}]:”是脚注，网站不显示脚注，注文会变成一个坏链接。`,
      en: ({ label }) => `“[${label}]:” is a footnote, which the site does not show; the note would become a broken link.`,
    },
    hint: {
      "zh-CN": () => "把注文写成稿件末尾的一段（注：……），并去掉 [^…] 标记。",
      en: () => "Write the note as a paragraph at the end of the article (注：…) and remove the [^…] marks.",
    },
    examples: [{ file: EXAMPLE_FILE, line: 18, field: "link", facts: { label: "^1" } }],
  },
  DatelineAfterIssue: {
    title: { "zh-CN": "电头日期晚于出版日期", en: "Dateline after the issue" },
    message: {
      "zh-CN": ({ dateline, datelineDate, issueDate }) => `电头“${dateline}”的日期是 ${datelineDate}，晚于本期的出版日期 ${issueDate}。`,
      en: ({ dateline, datelineDate, issueDate }) => `The dateline “${dateline}” gives ${datelineDate}, after the issue's date ${issueDate}.`,
    },
    hint: { "zh-CN": () => "对照报纸核对电头里的月和日。", en: () => "Check the dateline's month and day against the printed page." },
    examples: [
      { file: EXAMPLE_FILE, line: 12, field: "dateline", facts: { dateline: "东昌府讯 11月5日", datelineDate: "2022-11-05", issueDate: "2022-11-02" } },
    ],
  },
  MissingByline: {
    title: { "zh-CN": "没有署名", en: "No byline" },
    message: {
      "zh-CN": ({ title, photoNews }) => (photoNews ? `图片新闻“${titled(title, "zh-CN")}”没有写摄影者。` : `稿件“${titled(title, "zh-CN")}”没有署名。`),
      en: ({ title, photoNews }) =>
        photoNews ? `The photo news “${titled(title, "en")}” credits no photographer.` : `The article “${titled(title, "en")}” has no byline.`,
    },
    hint: {
      "zh-CN": ({ photoNews }) =>
        photoNews
          ? "照报纸在图片说明后面写上摄影署名，例如 融媒体 张三 摄。"
          : "照报纸把署名写成最后一段，例如 (融媒体 张三)，或者在标题下写一行“作者：”标签。",
      en: ({ photoNews }) =>
        photoNews
          ? "Add the credit as printed after the caption, e.g. 融媒体 张三 摄."
          : "Add the byline as printed as the last paragraph, e.g. (融媒体 张三), or a 作者： label under the title.",
    },
    examples: [
      { file: EXAMPLE_FILE, line: 10, field: "byline", facts: { title: "区委召开常委会会议", photoNews: false } },
      { file: EXAMPLE_FILE, line: 30, field: "byline", facts: { title: "", photoNews: true } },
    ],
  },
  IssuesFolderMissing: {
    title: { "zh-CN": "没有 issues 文件夹", en: "No issues folder" },
    message: {
      "zh-CN": ({ notFolder }) => (notFolder ? "issues 应当是放各期文件的文件夹，却是一个文件。" : "报库里没有放各期文件的 issues/ 文件夹。"),
      en: ({ notFolder }) =>
        notFolder ? "issues must be the folder of the issue files, but it is a file." : "The archive has no issues/ folder for its issue files.",
    },
    hint: {
      "zh-CN": () => "检查是不是在报库的文件夹里运行（或 --content 给对了文件夹）；issues/ 里按年份放各期的文件，例如 issues/2022/2022-11-01.md。",
      en: () =>
        "Check that the command runs in the archive's folder (or that --content names it); issues/ holds a folder a year, e.g. issues/2022/2022-11-01.md.",
    },
    examples: [
      { file: "issues", facts: { notFolder: false } },
      { file: "issues", facts: { notFolder: true } },
    ],
  },
  YearNotFolder: {
    title: { "zh-CN": "年份不是文件夹", en: "A year that is not a folder" },
    message: {
      "zh-CN": ({ year }) => `issues/${year} 应当是放 ${year} 年各期的文件夹，却是一个文件。`,
      en: ({ year }) => `issues/${year} must be the folder of ${year}'s issues, but it is a file.`,
    },
    hint: {
      "zh-CN": ({ year }) => `删掉或改名这个文件，把 ${year} 年的各期放进文件夹 issues/${year}/。`,
      en: ({ year }) => `Remove or rename the file and put ${year}'s issues in the folder issues/${year}/.`,
    },
    examples: [{ file: "issues/2022", facts: { year: "2022" } }],
  },
  LinkOutOfArchive: {
    title: { "zh-CN": "指向报库之外的链接", en: "A link out of the archive" },
    message: {
      "zh-CN": () => "这是一个符号链接，指向它所在的文件夹之外，或者指向一个文件夹；报库不读也不发布它。",
      en: () => "This is a symbolic link out of the folder it is in, or to a folder; Baoku neither reads nor publishes it.",
    },
    hint: {
      "zh-CN": () => "把它指向的文件或文件夹本身复制到这里，再删掉链接。",
      en: () => "Copy the file or folder it points to in its place, and remove the link.",
    },
    examples: [{ file: `${EXAMPLE_FOLDER}/page-1.pdf`, facts: {} }],
  },
  NoIssues: {
    title: { "zh-CN": "报库里一期也没有", en: "No issues at all" },
    message: { "zh-CN": () => "issues/ 里一期报纸的文件也没有。", en: () => "There is not one issue file in issues/." },
    hint: {
      "zh-CN": () => "如果这是新建的报库，先用 npm run new 或 npm run import 建第一期；确实要构建一个空的报库，就加上 --allow-empty。",
      en: () => "If the archive is new, make its first issue with npm run new or npm run import; to build an empty archive on purpose, add --allow-empty.",
    },
    examples: [{ file: "issues", facts: {} }],
  },
  FileTooLarge: {
    title: { "zh-CN": "文件太大", en: "File too large" },
    message: {
      "zh-CN": ({ megabytes, limit }) => `这个文件有 ${megabytes} MB，超过了一期文件 ${limit} MB 的上限，报库没有读它。`,
      en: ({ megabytes, limit }) => `The file is ${megabytes} MB, more than the ${limit} MB an issue file may be; it was not read.`,
    },
    hint: {
      "zh-CN": () => "一期报纸的文字只有几 MB；检查文件里是不是粘进了别的东西（图片的数据、重复的内容），只留这一期的文字。",
      en: () => "An issue's text is a few MB; check whether something else was pasted in (image data, repeated text) and keep only the issue's text.",
    },
    examples: [{ file: EXAMPLE_FILE, facts: { megabytes: 40, limit: 16 } }],
  },
  NestingTooDeep: {
    title: { "zh-CN": "嵌套太深", en: "Nesting too deep" },
    message: {
      "zh-CN": ({ depth, limit }) => `这一行套了 ${depth} 层引用（>）或列表，超过了 ${limit} 层的上限。`,
      en: ({ depth, limit }) => `This line is nested ${depth} levels deep in quotes (>) or lists, more than the limit of ${limit}.`,
    },
    hint: {
      "zh-CN": () => "报纸的稿件用不着这么多层：去掉行首多余的 > 或缩进，普通段落顶格写。",
      en: () => "No article needs so many levels: remove the extra > or indentation at the start of the line, and write paragraphs unindented.",
    },
    examples: [{ file: EXAMPLE_FILE, line: 14, facts: { depth: 2000, limit: 16 } }],
  },
  BlockTooLong: {
    title: { "zh-CN": "一段太长", en: "Block too long" },
    message: {
      "zh-CN": ({ kilobytes, limit }) => `从这一行起，中间没有空行的一段超过了 ${limit} KB 的上限（已有 ${kilobytes} KB）。`,
      en: ({ kilobytes, limit }) => `The block from this line, with no blank line in it, is longer than the limit of ${limit} KB (${kilobytes} KB so far).`,
    },
    hint: {
      "zh-CN": () => "段与段之间要空一行；检查是不是少了空行，或者粘进了不属于这篇稿件的内容。",
      en: () => "Paragraphs are separated by blank lines; check for missing blank lines, or text pasted in that does not belong to the article.",
    },
    examples: [{ file: EXAMPLE_FILE, line: 14, facts: { kilobytes: 65, limit: 64 } }],
  },
  TooMuchMarkup: {
    title: { "zh-CN": "Markdown 符号太多", en: "Too much markup" },
    message: {
      "zh-CN": ({ marks, count, limit }) =>
        marks === "emphasis"
          ? `这一段的 * 和 _ 到这一行已有 ${count} 个，超过了一段 ${limit} 个的上限。`
          : marks === "underlines"
            ? `这一段里 === 或 --- 下划线到这一行已有 ${count} 行，超过了一段 ${limit} 行的上限。`
            : `文件里的 Markdown 符号（* _ [ ] < > \` \\ &）到这一行已有 ${count} 个，超过了一期 ${limit} 个的上限。`,
      en: ({ marks, count, limit }) =>
        marks === "emphasis"
          ? `This block has ${count} * and _ marks by this line, more than the limit of ${limit} in one block.`
          : marks === "underlines"
            ? `This block has ${count} === or --- underlines by this line, more than the limit of ${limit} in one block.`
            : `The file has ${count} Markdown marks (* _ [ ] < > \` \\ &) by this line, more than the limit of ${limit} in one issue.`,
    },
    hint: {
      "zh-CN": () => "稿件里用不着这么多符号：检查是不是粘进了别的东西；要印出星号或下划线本身时，在前面加 \\。",
      en: () => "No article needs so many: check whether something else was pasted in; to print a * or _ itself, put a \\ before it.",
    },
    examples: [
      { file: EXAMPLE_FILE, line: 14, facts: { marks: "emphasis", count: 201, limit: 200 } },
      { file: EXAMPLE_FILE, line: 30, facts: { marks: "underlines", count: 21, limit: 20 } },
      { file: EXAMPLE_FILE, line: 900, facts: { marks: "markup", count: 100001, limit: 100000 } },
    ],
  },
  YamlAlias: {
    title: { "zh-CN": "文件头用了 YAML 别名", en: "YAML aliases in the front-matter" },
    message: {
      "zh-CN": () => "文件头用了 YAML 的锚点和别名（& 和 *），报库不接受：一个别名可以展开成极大的值。",
      en: () => "The front-matter uses YAML anchors and aliases (& and *), which Baoku refuses: an alias can expand to a huge value.",
    },
    hint: {
      "zh-CN": () => "每个字段直接写出它的值；值以 * 或 & 开头时，用英文引号括起来。",
      en: () => "Write each field's value out; quote a value that starts with * or &.",
    },
    examples: [{ file: EXAMPLE_FILE, line: 7, facts: {} }],
  },
} satisfies Wording;

/**
 * js-yaml's reasons (gray-matter reads front-matter with it), in the editor's words; a reason not listed is quoted as js-yaml gave it.
 * Matched from the start, as js-yaml sometimes adds details after them.
 */
const YAML_REASONS: readonly [string, string][] = [
  ["bad indentation", "有一行的缩进不对：字段名要顶格写"],
  ["duplicated mapping key", "同一个字段写了两次"],
  ["end of the stream or a document separator is expected", "有一行不是“名称: 值”的写法"],
  ["incomplete explicit mapping pair", "有一行缺少字段名"],
  ["can not read a block mapping entry", "有一行缺少冒号，或者冒号后面没有空格"],
  ["can not read an implicit mapping pair", "有一行缺少冒号，或者冒号后面没有空格"],
  ["unexpected end of the stream within a double quoted scalar", "双引号没有配对"],
  ["unexpected end of the stream within a single quoted scalar", "单引号没有配对"],
  ["unexpected end of the stream within a flow collection", "方括号或大括号没有配对"],
  ["missed comma between flow collection entries", "方括号或大括号里缺少逗号"],
  ["unidentified alias", "用了 YAML 的别名（*），但没有定义它"],
  ["unknown tag", "用了报库不认得的 YAML 标签（!）"],
  ["end of the stream or a document separator", "有一行不是“名称: 值”的写法"],
  ["its lines are not fields written as name: value", "每一行都要写成“名称: 值”，不能是列表或单独的一个值"],
];

function yamlReasonZh(reason: string): string {
  return YAML_REASONS.find(([english]) => reason.startsWith(english))?.[1] ?? `YAML 读不懂它（YAML 的说明：${reason}）`;
}
