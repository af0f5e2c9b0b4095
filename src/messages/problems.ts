// The catalogue of problems: every kind of mistake Baoku finds in an issue file, the paper's configuration or a layout export, with its
// severity, a title, and what is wrong and what to do in Chinese and in English. Call sites name the kind and pass its facts (see
// ../problems.ts); no sentence of a problem is written anywhere else. The editors' guide's list of problems is generated from here.
import type { Texts, Words } from "./language.ts";

export type Severity = "error" | "warning";

/** One kind of problem. `Facts` are what a call site knows of the case: names, numbers, short excerpts, never whole values. */
export interface ProblemDefinition<Facts> {
  readonly severity: Severity;
  /** A few words naming the kind, for the guide. */
  readonly title: Words;
  /** What is wrong, one or two sentences. */
  readonly message: Texts<Facts>;
  /** What to do about it. */
  readonly hint: Texts<Facts>;
  /** Typical cases, one for each way the kind reads: the guide shows the first, and tests render every text of each. */
  readonly examples: readonly [Example<Facts>, ...Example<Facts>[]];
}

/** A case as a report shows it: where it is, and its facts. */
export interface Example<Facts> {
  file: string;
  line?: number;
  field?: string;
  facts: Facts;
}

/** An export's encoding as the editor knows it. */
function encodingName(encoding: "UTF-16LE" | "UTF-16BE" | "GB18030" | "BIG5", language: "zh-CN" | "en"): string {
  const names = { "UTF-16LE": ["UTF-16（Windows 的“Unicode”）", "UTF-16 (Windows' “Unicode”)"], "UTF-16BE": ["UTF-16（大端）", "UTF-16 big-endian"], GB18030: ["GB18030/GBK（简体中文 Windows 的默认编码）", "GB18030/GBK (simplified Chinese Windows' default)"], BIG5: ["Big5（繁体中文）", "Big5 (traditional Chinese)"] } as const;
  return names[encoding][language === "zh-CN" ? 0 : 1];
}

function kind<Facts>(definition: ProblemDefinition<Facts>): ProblemDefinition<Facts> {
  return definition;
}

const EXAMPLE_FILE = "issues/2022/2022-11-02.md";
const EXAMPLE_FOLDER = "issues/2022/2022-11-02";
const CONFIG = "baoku.config.json";

/** The front-matter fields, as an editor writes them; their names stay ASCII in every language. */
export const FRONT_MATTER_FIELDS = ["issue", "date", "lunar", "pages", "weekday", "editor", "note"] as const;
export type FrontMatterField = (typeof FRONT_MATTER_FIELDS)[number];

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
  weekday: { "zh-CN": "照报头上印的写星期，例如 weekday: 星期二；也可以不写这一行。", en: "Write the 星期 printed on the masthead, e.g. weekday: 星期二, or leave the field out." },
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

/** Why a front-matter value was refused; the schema (model.ts) gives these as its error messages. */
export type FieldRule = "wholeNumber" | "positive" | "date" | "realDate" | "text" | "nonEmpty" | "atMost100Pages" | "issueNumberRange";

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

/** Why a setting of baoku.config.json was refused; the schema gives these as its error messages, `required` and `unknown` come from zod's own codes. */
export type ConfigRule =
  | "required" | "unknown" | "group" | "list" | "text" | "nonEmpty" | "address" | "webAddress" | "email" | "endsWithSlash" | "prefixes" | "language";

const CONFIG_RULES: Record<ConfigRule, Words> = {
  required: { "zh-CN": "缺少这一项", en: "is missing" },
  unknown: { "zh-CN": "不是报库认得的设置", en: "is not a setting Baoku knows" },
  group: { "zh-CN": "必须是用 { } 括起来的一组设置", en: "must be a group of settings in { }" },
  list: { "zh-CN": "必须是用 [ ] 括起来的列表", en: "must be a list in [ ]" },
  text: { "zh-CN": "必须是用英文双引号括起来的文字", en: "must be text in double quotes" },
  nonEmpty: { "zh-CN": "不能是空的", en: "must not be empty" },
  address: { "zh-CN": "必须是以 http:// 或 https:// 开头、以 / 结尾的完整网址，例如 https://example.org/", en: "must be a full http:// or https:// address ending with /, e.g. https://example.org/" },
  webAddress: { "zh-CN": "必须是以 http:// 或 https:// 开头的完整网址，例如 http://dcf.lcxw.cn", en: "must be a full http:// or https:// address, e.g. http://dcf.lcxw.cn" },
  email: { "zh-CN": "必须是邮箱地址，例如 dcsx2005@sina.com", en: "must be an email address, e.g. dcsx2005@sina.com" },
  endsWithSlash: { "zh-CN": "必须以 / 结尾", en: "must end with /" },
  prefixes: { "zh-CN": "至少要列出一个电头，例如 [\"本报讯\"]", en: "must list at least one dateline prefix, e.g. [\"本报讯\"]" },
  language: { "zh-CN": "只能是 \"zh-CN\"（中文）或 \"en\"（英文）", en: "must be \"zh-CN\" (Chinese) or \"en\" (English)" },
};

export function isConfigRule(name: string): name is ConfigRule {
  return Object.hasOwn(CONFIG_RULES, name);
}

/** Why an image's path may not be used. */
export type ImagePathReason = "address" | "absolute" | "control" | "parent" | "empty" | "link";

const IMAGE_PATH_REASONS: Record<ImagePathReason, Words> = {
  address: { "zh-CN": "是网址，不是本期的文件", en: "is an address, not a file of the issue" },
  absolute: { "zh-CN": "是绝对路径，在本期的文件夹之外", en: "is an absolute path, outside the issue's folder" },
  control: { "zh-CN": "含有控制字符，不能当作文件名", en: "contains a control character, so it cannot name a file" },
  parent: { "zh-CN": "用 .. 跳出了本期的文件夹", en: "leaves the issue's folder (..)" },
  empty: { "zh-CN": "是空的", en: "is empty" },
  link: { "zh-CN": "是指向本期文件夹之外的链接", en: "is a link to a file outside the issue's folder" },
};

/** Why a link's address would leave the archive. */
export type LinkReason = "noScheme" | "absolute" | "climbs";

const LINK_REASONS: Record<LinkReason, Words> = {
  noScheme: { "zh-CN": "没有写 http: 或 https:，会指向别的服务器", en: "has no scheme, so it points at another server" },
  absolute: { "zh-CN": "是以 / 开头的绝对路径，网站发布在子目录下时会离开报库", en: "is an absolute path, which leaves the archive when the site is published under a folder" },
  climbs: { "zh-CN": "用 .. 跳到了报库最上层之外", en: "climbs (..) above the archive's top folder" },
};

/** What is wrong with a 区域 (area) label's value. */
export type AreaFault =
  | { fault: "shape"; value: string }
  | { fault: "outside"; part: "x" | "y" | "w" | "h"; value: string }
  | { fault: "noSize" }
  | { fault: "pastRight"; sum: number }
  | { fault: "pastBottom"; sum: number };

/** Where an importer problem was found in a layout export: the masthead's first and last line, when it has one. */
interface MastheadLines {
  first?: number;
  last?: number;
}

function mastheadZh({ first, last }: MastheadLines): string {
  if (first === undefined || last === undefined) return "导出文件开头没有报头，";
  return `报头（${first === last ? `第 ${last} 行` : `第 ${first}–${last} 行`}）`;
}

function mastheadEn({ first, last }: MastheadLines): string {
  if (first === undefined || last === undefined) return "The export starts with no masthead; it";
  return `The masthead (${first === last ? `line ${last}` : `lines ${first}–${last}`})`;
}

/** A title as a message names it; photo news printed without one is named so. */
function titled(title: string, language: keyof Words): string {
  return title || (language === "zh-CN" ? "（无标题）" : "(no title)");
}

const LABEL_LIST: Words = {
  "zh-CN": "标签有引题、副题、栏目、作者和区域（也可以写 kicker、subtitle、column、byline、area），同义的写法见编辑指南",
  en: "The labels are 引题, 副题, 栏目, 作者 and 区域 (or kicker, subtitle, column, byline, area; the guide lists the synonyms accepted)",
};

export const PROBLEMS = {
  MissingConfig: kind<{ folder: string }>({
    severity: "error",
    title: { "zh-CN": "缺少报纸设置文件", en: "No configuration file" },
    message: {
      "zh-CN": ({ folder }) => `${folder} 里没有报纸的设置文件 ${CONFIG}。`,
      en: ({ folder }) => `There is no ${CONFIG} in ${folder}.`,
    },
    hint: {
      "zh-CN": () => `新建 ${CONFIG}，写上报名、报头拼音、电头和网站地址（见编辑指南“报纸的设置”）。`,
      en: () => "Create it with the paper's name, masthead, dateline prefixes and the site's address (see the README).",
    },
    examples: [{ file: CONFIG, facts: { folder: "/srv/archive" } }],
  }),
  InvalidConfig: kind<{ json: string } | { setting: string; rule: ConfigRule }>({
    severity: "error",
    title: { "zh-CN": "报纸设置写错了", en: "Configuration not valid" },
    message: {
      "zh-CN": (facts) => ("json" in facts ? "这个文件不是合法的 JSON，读不出设置。" : `设置 ${facts.setting || "整个文件"} ${CONFIG_RULES[facts.rule]["zh-CN"]}。`),
      en: (facts) => ("json" in facts ? `The file is not valid JSON: ${facts.json}.` : `${facts.setting || "The configuration"} ${CONFIG_RULES[facts.rule].en}.`),
    },
    hint: {
      "zh-CN": (facts) => ("json" in facts
        ? "检查所标行附近的引号、逗号和大括号：名称和文字都用英文双引号括起来，各项之间用英文逗号隔开，最后一项后面不加逗号。"
        : `在 ${CONFIG} 里改正这一项（每项设置的写法见编辑指南“报纸的设置”）。`),
      en: (facts) => ("json" in facts ? "Check the quotes, commas and braces near the place named." : "Correct the value in the configuration file (see the README for each setting)."),
    },
    examples: [
      { file: CONFIG, field: "paper.website", facts: { setting: "paper.website", rule: "webAddress" } },
      { file: CONFIG, line: 3, facts: { json: "Expected ',' or '}' after property value in JSON at position 57 (line 3 column 5)" } },
    ],
  }),
  NotUtf8: kind<Record<string, never>>({
    severity: "error",
    title: { "zh-CN": "文件不是 UTF-8 编码", en: "Not UTF-8" },
    message: { "zh-CN": () => "这个文件不是 UTF-8 编码的文本。", en: () => "The file is not valid UTF-8 text." },
    hint: {
      "zh-CN": () => "用 UTF-8 编码另存（大多数编辑器里：另存为… → 编码：UTF-8）；GBK 或 GB2312 的导出文件要先转换。",
      en: () => "Save it as UTF-8 (in most editors: Save As… → Encoding: UTF-8); GBK or GB2312 exports must be converted.",
    },
    examples: [{ file: EXAMPLE_FILE, facts: {} }],
  }),
  EmptyFile: kind<Record<string, never>>({
    severity: "error",
    title: { "zh-CN": "文件是空的", en: "Empty file" },
    message: { "zh-CN": () => "文件是空的。", en: () => "The file is empty." },
    hint: { "zh-CN": () => "写上文件头和本期的各版，或者删掉这个文件。", en: () => "Add the front-matter and the issue's pages, or delete the file." },
    examples: [{ file: EXAMPLE_FILE, facts: {} }],
  }),
  MissingFrontMatter: kind<Record<string, never>>({
    severity: "error",
    title: { "zh-CN": "缺少文件头", en: "No front-matter" },
    message: { "zh-CN": () => "文件没有以文件头开始。", en: () => "The file does not start with front-matter." },
    hint: {
      "zh-CN": () => "文件第一行写 ---，接着写 issue、date、lunar、pages 等字段，每个一行，再写一行 ---。",
      en: () => "Begin the file with a --- line, the fields issue, date, lunar and pages, and another --- line.",
    },
    examples: [{ file: EXAMPLE_FILE, line: 1, facts: {} }],
  }),
  MalformedYaml: kind<{ reason: string }>({
    severity: "error",
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
  }),
  MissingField: kind<{ field: string }>({
    severity: "error",
    title: { "zh-CN": "缺少必填字段", en: "Required field missing" },
    message: {
      "zh-CN": ({ field }) => `缺少必填的字段 ${fieldLabel(field, "zh-CN")}。`,
      en: ({ field }) => `The required field ${field} is missing.`,
    },
    hint: { "zh-CN": ({ field }) => fieldHelp(field)["zh-CN"], en: ({ field }) => fieldHelp(field).en },
    examples: [{ file: EXAMPLE_FILE, line: 1, field: "lunar", facts: { field: "lunar" } }],
  }),
  InvalidField: kind<{ field: string; rule: FieldRule; value: string }>({
    severity: "error",
    title: { "zh-CN": "字段的值不对", en: "Field value not valid" },
    message: {
      "zh-CN": ({ field, rule, value }) => `${fieldLabel(field, "zh-CN")}写的是 ${value}，不对：${FIELD_RULES[rule]["zh-CN"]}。`,
      en: ({ field, rule, value }) => `${field} ${FIELD_RULES[rule].en}; it is ${value}.`,
    },
    hint: { "zh-CN": ({ field }) => fieldHelp(field)["zh-CN"], en: ({ field }) => fieldHelp(field).en },
    examples: [{ file: EXAMPLE_FILE, line: 2, field: "issue", facts: { field: "issue", rule: "wholeNumber", value: "\"一四八一\"" } }],
  }),
  InvisibleCharacter: kind<{ code: string; name: string; context: string }>({
    severity: "error",
    title: { "zh-CN": "看不见的字符", en: "Invisible character" },
    message: {
      "zh-CN": ({ code, name, context }) => `这一行有一个看不见的字符 ${code}（${name}），在“${context}”里。读者看不到它，它却会原样出现在网页标题、订阅、数据和搜索里，有的还会把后面的文字顺序颠倒。`,
      en: ({ code, name, context }) => `This line holds a character no reader sees, ${code} (${name}), in “${context}”. It would still be published in page titles, feeds, data and search, and some reverse the text after them.`,
    },
    hint: {
      "zh-CN": ({ code }) => `删掉 ⟨${code}⟩ 标出的那个字符（在编辑器里把光标移到那里按删除键，或者把这一行重新输入一遍）；从网页或排版软件里复制来的文字常带着它。`,
      en: ({ code }) => `Delete the character marked ⟨${code}⟩ (put the cursor there and delete it, or type the line again); text copied from web pages and layout software often carries one.`,
    },
    examples: [
      { file: EXAMPLE_FILE, line: 9, facts: { code: "U+200B", name: "零宽空格", context: "## 省委常委会⟨U+200B⟩召开扩大会议" } },
      { file: EXAMPLE_FILE, line: 7, field: "editor", facts: { code: "U+202E", name: "从右到左强制", context: "editor: ⟨U+202E⟩王伟" } },
    ],
  }),
  UnknownField: kind<{ field: string; suggestion?: string }>({
    severity: "error",
    title: { "zh-CN": "不认识的字段", en: "Unknown field" },
    message: { "zh-CN": ({ field }) => `“${field}”不是文件头里的字段。`, en: ({ field }) => `“${field}” is not a known field.` },
    hint: {
      "zh-CN": ({ suggestion }) => `${suggestion ? `是不是要写 ${suggestion}（${fieldLabel(suggestion, "zh-CN").replace(/^.*（|）$/g, "")}）？` : ""}文件头的字段有 issue、date、lunar、pages、weekday、editor 和 note；改正拼写，或者删掉这一行。`,
      en: ({ suggestion }) => `${suggestion ? `Did you mean ${suggestion}? ` : ""}The fields are issue, date, lunar, pages, weekday, editor and note; correct the spelling or remove the line.`,
    },
    examples: [{ file: EXAMPLE_FILE, line: 4, field: "luner", facts: { field: "luner", suggestion: "lunar" } }],
  }),
  LunarDateMismatch: kind<{ printed: string; date: string; computed: string }>({
    severity: "error",
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
  }),
  WeekdayMismatch: kind<{ printed: string; date: string; computed: string }>({
    severity: "error",
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
  }),
  MisplacedIssueFile: kind<Record<string, never>>({
    severity: "error",
    title: { "zh-CN": "文件放错了位置", en: "Issue file misplaced" },
    message: { "zh-CN": () => "每期的文件必须放在 issues/<年>/<年-月-日>.md。", en: () => "Issue files must be named issues/<YYYY>/<YYYY-MM-DD>.md." },
    hint: {
      "zh-CN": () => "把文件移到它那一年的文件夹里，按日期命名，例如 issues/2022/2022-11-01.md；issues/ 里不要放别的 Markdown 文件。",
      en: () => "Move the file to the year folder and name it by its date, e.g. issues/2022/2022-11-01.md; other Markdown does not belong under issues/.",
    },
    examples: [{ file: "issues/2022/1102.md", facts: {} }],
  }),
  PathDateMismatch: kind<{ date: string; expected: string }>({
    severity: "error",
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
  }),
  DuplicateDate: kind<{ date: string; other: string }>({
    severity: "error",
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
  }),
  DuplicateIssueNumber: kind<{ number: number; other: string; otherDate: string }>({
    severity: "error",
    title: { "zh-CN": "期号重复", en: "Issue number used twice" },
    message: {
      "zh-CN": ({ number, other, otherDate }) => `总第${number}期与 ${other}（${otherDate}）的期号相同。`,
      en: ({ number, other, otherDate }) => `总第${number}期 is also the number of ${other} (${otherDate}).`,
    },
    hint: { "zh-CN": () => "每期的期号各不相同：改正写错的那一期。", en: () => "Each issue has its own number; correct the one that is wrong." },
    examples: [{ file: "issues/2022/2022-11-03.md", line: 2, field: "issue", facts: { number: 1481, other: EXAMPLE_FILE, otherDate: "2022-11-02" } }],
  }),
  IssueNumberOrder: kind<{ number: number; date: string; previousNumber: number; previousDate: string }>({
    severity: "error",
    title: { "zh-CN": "期号没有随日期递增", en: "Issue numbers out of order" },
    message: {
      "zh-CN": ({ number, date, previousNumber, previousDate }) => `总第${number}期（${date}）比更早的 ${previousDate} 那期（总第${previousNumber}期）还小；期号要随日期递增。`,
      en: ({ number, date, previousNumber, previousDate }) => `总第${number}期 (${date}) is lower than 总第${previousNumber}期 of the earlier ${previousDate}; numbers must rise with the date.`,
    },
    hint: { "zh-CN": () => "改正这两期中一期的期号或日期。", en: () => "Correct the issue number or the date of one of the two files." },
    examples: [{ file: "issues/2022/2022-11-03.md", line: 2, field: "issue", facts: { number: 1479, date: "2022-11-03", previousNumber: 1481, previousDate: "2022-11-02" } }],
  }),
  IssueNumberGap: kind<{ number: number; previousNumber: number; previousDate: string }>({
    severity: "warning",
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
  }),
  ContentBeforePage: kind<{ excerpt: string }>({
    severity: "error",
    title: { "zh-CN": "文字写在第一个版之前", en: "Text before the first page" },
    message: {
      "zh-CN": ({ excerpt }) => `“${excerpt}”写在了第一个版标题之前。`,
      en: ({ excerpt }) => `“${excerpt}” comes before the first page heading.`,
    },
    hint: { "zh-CN": () => "正文要从版标题开始，例如 # 第1版 要闻。", en: () => "Start the body with a page heading such as # 第1版 要闻." },
    examples: [{ file: EXAMPLE_FILE, line: 8, facts: { excerpt: "区委召开常委会会议" } }],
  }),
  ArticleBeforePage: kind<{ title: string }>({
    severity: "error",
    title: { "zh-CN": "稿件写在第一个版之前", en: "Article before the first page" },
    message: {
      "zh-CN": ({ title }) => `稿件“${title}”写在了所有版标题之前。`,
      en: ({ title }) => `The article “${title}” comes before any page heading.`,
    },
    hint: { "zh-CN": () => "在它上面加一行版标题，例如 # 第1版 要闻。", en: () => "Put a page heading such as # 第1版 要闻 above it." },
    examples: [{ file: EXAMPLE_FILE, line: 8, facts: { title: "区委召开常委会会议" } }],
  }),
  BadPageHeading: kind<{ heading: string }>({
    severity: "error",
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
  }),
  PageNumberOrder: kind<{ number: number; previous: number }>({
    severity: "error",
    title: { "zh-CN": "版的顺序不对", en: "Pages out of order" },
    message: {
      "zh-CN": ({ number, previous }) => `第${number}版排在第${previous}版之后；各版要按顺序排，每版只出现一次。`,
      en: ({ number, previous }) => `第${number}版 comes after 第${previous}版; pages must be in order and appear once.`,
    },
    hint: { "zh-CN": () => "改正版号，或者把这个版移到它的位置。", en: () => "Renumber the page heading or move the page to its place." },
    examples: [{ file: EXAMPLE_FILE, line: 20, field: "page", facts: { number: 2, previous: 3 } }],
  }),
  PageBeyondPrintedCount: kind<{ number: number; printed: number }>({
    severity: "error",
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
  }),
  EmptyPage: kind<{ number: number }>({
    severity: "warning",
    title: { "zh-CN": "版上没有稿件", en: "Page without articles" },
    message: { "zh-CN": ({ number }) => `第${number}版没有稿件。`, en: ({ number }) => `第${number}版 has no articles.` },
    hint: {
      "zh-CN": () => "在版标题下面用 ## 标题写上稿件；如果这个版不收进报库，就删掉版标题。",
      en: () => "Add its articles under ## titles, or remove the page heading if the page is not in the archive.",
    },
    examples: [{ file: EXAMPLE_FILE, line: 20, facts: { number: 3 } }],
  }),
  ContentBeforeArticle: kind<{ excerpt: string; page: number }>({
    severity: "error",
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
  }),
  MissingTitle: kind<Record<string, never>>({
    severity: "error",
    title: { "zh-CN": "稿件没有标题", en: "Article without a title" },
    message: {
      "zh-CN": () => "这篇稿件没有标题；只有图片新闻可以不写标题。",
      en: () => "This article has no title; only photo news (图片新闻) may be printed without one.",
    },
    hint: { "zh-CN": () => "在这一行的 ## 后面写上标题。", en: () => "Write the headline after ## on this line." },
    examples: [{ file: EXAMPLE_FILE, line: 12, facts: {} }],
  }),
  EmptyArticle: kind<{ title: string }>({
    severity: "error",
    title: { "zh-CN": "稿件是空的", en: "Empty article" },
    message: {
      "zh-CN": ({ title }) => `稿件“${titled(title, "zh-CN")}”既没有文字也没有照片。`,
      en: ({ title }) => `The article “${titled(title, "en")}” has no text and no photo.`,
    },
    hint: { "zh-CN": () => "在标题下写上正文，或者删掉这一行标题。", en: () => "Add its paragraphs under the title, or remove the title line." },
    examples: [{ file: EXAMPLE_FILE, line: 12, facts: { title: "区委召开常委会会议" } }],
  }),
  UnknownLabel: kind<{ word: string; suggestion?: string; titleWord?: boolean } | { text: string }>({
    severity: "error",
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
  }),
  EmptyLabel: kind<{ word: string }>({
    severity: "error",
    title: { "zh-CN": "标签后面没有文字", en: "Empty label" },
    message: { "zh-CN": ({ word }) => `标签“${word}”后面没有文字。`, en: ({ word }) => `The label ${word} has no text.` },
    hint: { "zh-CN": ({ word }) => `在“${word}：”后面写上文字，或者删掉这一行。`, en: ({ word }) => `Write the text after “${word}：”, or remove the line.` },
    examples: [{ file: EXAMPLE_FILE, line: 11, field: "副题", facts: { word: "副题" } }],
  }),
  DuplicateLabel: kind<{ word: string }>({
    severity: "error",
    title: { "zh-CN": "标签写了两次", en: "Label given twice" },
    message: { "zh-CN": ({ word }) => `标签“${word}”写了两次。`, en: ({ word }) => `The label ${word} is given twice.` },
    hint: { "zh-CN": () => "两行只留一行。", en: () => "Keep one of the two lines." },
    examples: [{ file: EXAMPLE_FILE, line: 12, field: "副题", facts: { word: "副题" } }],
  }),
  ImagePathOutsideIssue: kind<{ image: string; reason: ImagePathReason; folder: string }>({
    severity: "error",
    title: { "zh-CN": "图片不在本期的文件夹里", en: "Image outside the issue's folder" },
    message: {
      "zh-CN": ({ image, reason }) => `图片“${image}”${IMAGE_PATH_REASONS[reason]["zh-CN"]}。`,
      // A link is named as the file it is; the other reasons are about what was written, which is quoted.
      en: ({ image, reason }) => `${reason === "link" ? `The image ${image}` : `The image “${image}”`} ${IMAGE_PATH_REASONS[reason].en}.`,
    },
    hint: {
      "zh-CN": ({ reason, folder }) => (reason === "link"
        ? `把图片文件本身复制到 ${folder}/ 里。`
        : `把图片放进本期的文件夹（${folder}/），只写文件名，例如 ![说明](photo.jpg "融媒体 张三 摄")。`),
      en: ({ reason, folder }) => (reason === "link"
        ? `Copy the image itself into ${folder}/.`
        : `Put the image in the issue's folder (${folder}/) and write its name, e.g. ![说明](photo.jpg "融媒体 张三 摄").`),
    },
    examples: [
      { file: EXAMPLE_FILE, line: 14, field: "image", facts: { image: "../2022-11-01/photo.jpg", reason: "parent", folder: EXAMPLE_FOLDER } },
      { file: EXAMPLE_FILE, line: 14, field: "image", facts: { image: "photo.jpg", reason: "link", folder: EXAMPLE_FOLDER } },
    ],
  }),
  MissingImage: kind<{ image: string; folder: string; notAFile?: boolean }>({
    severity: "error",
    title: { "zh-CN": "找不到图片", en: "Image not found" },
    message: {
      "zh-CN": ({ image, folder, notAFile }) => (notAFile ? `${image} 在 ${folder}/ 里不是一个文件。` : `图片 ${image} 不在 ${folder}/ 里。`),
      en: ({ image, folder, notAFile }) => (notAFile ? `The image ${image} is not a file in ${folder}/.` : `The image ${image} is not in ${folder}/.`),
    },
    hint: {
      "zh-CN": ({ folder }) => `把图片复制到 ${folder}/ 里，或者改正文件名。`,
      en: ({ folder }) => `Copy the image into ${folder}/ or correct its name.`,
    },
    examples: [{ file: EXAMPLE_FILE, line: 14, field: "image", facts: { image: "photo.jpg", folder: EXAMPLE_FOLDER } }],
  }),
  UnreadableImage: kind<{ image: string; reason: string }>({
    severity: "error",
    title: { "zh-CN": "图片读不出来", en: "Image cannot be read" },
    message: {
      "zh-CN": ({ image, reason }) => `图片 ${image} 读不出来，文件可能已损坏（图像程序的说明：${reason}）。`,
      en: ({ image, reason }) => `The image ${image} cannot be read as an image (${reason}).`,
    },
    hint: { "zh-CN": () => "重新导出为 JPEG、PNG 或 WebP。", en: () => "Export it again as JPEG, PNG or WebP." },
    examples: [{ file: EXAMPLE_FILE, line: 14, field: "image", facts: { image: "photo.jpg", reason: "VipsJpeg: Premature end of input file" } }],
  }),
  UnsupportedImage: kind<{ image: string; format: string }>({
    severity: "error",
    title: { "zh-CN": "图片格式不支持", en: "Image format not published" },
    message: {
      "zh-CN": ({ image, format }) => `图片 ${image} 是 ${format.toUpperCase()} 格式，网站不发布这种格式。`,
      en: ({ image, format }) => `The image ${image} is ${format.toUpperCase()}, which the site does not publish.`,
    },
    hint: { "zh-CN": () => "导出为 JPEG、PNG 或 WebP。", en: () => "Export it as JPEG, PNG or WebP." },
    examples: [{ file: EXAMPLE_FILE, line: 14, field: "image", facts: { image: "photo.gif", format: "gif" } }],
  }),
  ImageTooLarge: kind<{ image: string; width: number; height: number; limit: number }>({
    severity: "error",
    title: { "zh-CN": "图片太大", en: "Image too large" },
    message: {
      "zh-CN": ({ image, width, height, limit }) => `图片 ${image} 有 ${width}×${height} 像素，超过了每边 ${limit} 像素的上限。`,
      en: ({ image, width, height, limit }) => `The image ${image} is ${width}×${height} pixels, more than ${limit} on a side.`,
    },
    hint: {
      "zh-CN": ({ limit }) => `导出小一些的图片：每边最多 ${limit} 像素，版面图有 3000 像素就够了。`,
      en: ({ limit }) => `Export it smaller; ${limit} pixels a side is the limit, and 3000 is plenty for a page scan.`,
    },
    examples: [{ file: EXAMPLE_FILE, line: 14, field: "image", facts: { image: "photo.jpg", width: 19000, height: 19000, limit: 16000 } }],
  }),
  UnreadablePdf: kind<{ pdf: string; name: string }>({
    severity: "error",
    title: { "zh-CN": "PDF 打不开", en: "Not a PDF" },
    message: { "zh-CN": ({ pdf }) => `${pdf} 不是 PDF 文件。`, en: ({ pdf }) => `${pdf} is not a PDF.` },
    hint: {
      "zh-CN": ({ name }) => `把这个版重新导出为 PDF，或者删掉 ${name}。`,
      en: ({ name }) => `Export the 版 again as PDF, or remove ${name}.`,
    },
    examples: [{ file: EXAMPLE_FILE, line: 8, field: "scan", facts: { pdf: `${EXAMPLE_FOLDER}/page-1.pdf`, name: "page-1.pdf" } }],
  }),
  InvalidArea: kind<{ word: string } & AreaFault>({
    severity: "error",
    title: { "zh-CN": "区域写错了", en: "Area not valid" },
    message: {
      "zh-CN": (facts) => {
        switch (facts.fault) {
          case "shape": return `区域要写成四个数 x,y,w,h（占版面图的百分比），这里写的是“${facts.value}”。`;
          case "outside": return `区域的 ${facts.part} 是 ${facts.value}，但每个数都要是 0 到 100 之间的百分比。`;
          case "noSize": return "区域没有大小：宽 w 和高 h 都要大于 0。";
          case "pastRight": return `区域超出了版面图的右边：x + w 是 ${facts.sum}，大于 100。`;
          case "pastBottom": return `区域超出了版面图的下边：y + h 是 ${facts.sum}，大于 100。`;
        }
      },
      en: (facts) => {
        switch (facts.fault) {
          case "shape": return `The area must be four numbers x,y,w,h (percent of the scan), but is “${facts.value}”.`;
          case "outside": return `The area gives ${facts.part} = ${facts.value}, but every number is a percentage from 0 to 100.`;
          case "noSize": return "The area has no size: its width and height must be more than 0.";
          case "pastRight": return `The area reaches past the scan's right edge: x + w is ${facts.sum}, more than 100.`;
          case "pastBottom": return `The area reaches past the scan's bottom edge: y + h is ${facts.sum}, more than 100.`;
        }
      },
    },
    hint: {
      "zh-CN": ({ word }) => `按 x,y,w,h 写出稿件在版面图上的矩形：从左上角量起，单位是百分比，都在 0–100 之间，例如 ${word}：10,5,40,30。`,
      en: ({ word }) => `Write the article's rectangle on the 版's scan as x,y,w,h in percent from the top left corner, within 0–100, e.g. ${word}：10,5,40,30.`,
    },
    examples: [
      { file: EXAMPLE_FILE, line: 11, field: "区域", facts: { word: "区域", fault: "pastRight", sum: 110 } },
      { file: EXAMPLE_FILE, line: 11, field: "区域", facts: { word: "区域", fault: "shape", value: "左上角" } },
      { file: EXAMPLE_FILE, line: 11, field: "area", facts: { word: "area", fault: "outside", part: "y", value: "120" } },
      { file: EXAMPLE_FILE, line: 11, field: "区域", facts: { word: "区域", fault: "noSize" } },
      { file: EXAMPLE_FILE, line: 11, field: "区域", facts: { word: "区域", fault: "pastBottom", sum: 100.5 } },
    ],
  }),
  AreaWithoutScan: kind<{ title: string; page: number; folder: string }>({
    severity: "warning",
    title: { "zh-CN": "有区域但没有版面图", en: "Area on a page without a scan" },
    message: {
      "zh-CN": ({ title, page, folder }) => `稿件“${title || "图片新闻"}”写了它在第${page}版上的区域，但 ${folder}/ 里没有这个版的版面图，区域不会显示。`,
      en: ({ title, page, folder }) => `The article “${title || "图片新闻"}” gives its area on 第${page}版, but ${folder}/ has no scan of that 版, so the area is not shown.`,
    },
    hint: {
      "zh-CN": ({ page, folder }) => `把版面图放在 ${folder}/page-${page}.jpg，或者删掉“区域”标签。`,
      en: ({ page, folder }) => `Add the scan as ${folder}/page-${page}.jpg, or remove the 区域 label.`,
    },
    examples: [{ file: EXAMPLE_FILE, line: 10, field: "area", facts: { title: "区委召开常委会会议", page: 1, folder: EXAMPLE_FOLDER } }],
  }),
  ScanWithoutPage: kind<{ scan: string; page: number; pdfOnly: boolean }>({
    severity: "warning",
    title: { "zh-CN": "版面图用不上", en: "Scan not shown" },
    message: {
      "zh-CN": ({ scan, page, pdfOnly }) => (pdfOnly ? `${scan} 没有用上：第${page}版没有配套的版面图（page-${page}.jpg）。` : `${scan} 没有显示：本期文件里没有第${page}版。`),
      en: ({ scan, page, pdfOnly }) => (pdfOnly ? `${scan} is not linked: 第${page}版 has no scan image (page-${page}.jpg) to go with it.` : `${scan} is not shown: the issue file has no 第${page}版.`),
    },
    hint: {
      "zh-CN": ({ page, pdfOnly }) => (pdfOnly ? `在 PDF 旁边放上 page-${page}.jpg。` : `写上这个版（# 第${page}版）和它的稿件，或者删掉这张版面图。`),
      en: ({ page, pdfOnly }) => (pdfOnly ? `Add page-${page}.jpg beside the PDF.` : `Add the 版 (# 第${page}版) with its articles, or remove the scan.`),
    },
    examples: [
      { file: EXAMPLE_FILE, field: "scan", facts: { scan: `${EXAMPLE_FOLDER}/page-3.jpg`, page: 3, pdfOnly: false } },
      { file: EXAMPLE_FILE, field: "scan", facts: { scan: `${EXAMPLE_FOLDER}/page-2.pdf`, page: 2, pdfOnly: true } },
    ],
  }),
  UnsafeLink: kind<{ url: string; scheme: string }>({
    severity: "error",
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
  }),
  LinkOutsideArchive: kind<{ url: string; reason: LinkReason }>({
    severity: "error",
    title: { "zh-CN": "链接离开了报库", en: "Link outside the archive" },
    message: {
      "zh-CN": ({ url, reason }) => `链接“${url}”${LINK_REASONS[reason]["zh-CN"]}。`,
      en: ({ url, reason }) => `The link “${url}” ${LINK_REASONS[reason].en}.`,
    },
    hint: {
      "zh-CN": () => "从这篇稿件出发，用相对路径链接报库里的其他页面（例如上个月 31 日那一期是 ../../../../10/31/），或者写完整的 http(s) 网址。",
      en: () => "Link to another page of the archive relatively from this article (e.g. ../../../../10/31/ for the issue of the 31st of the previous month), or write a full http(s) address.",
    },
    examples: [{ file: EXAMPLE_FILE, line: 16, field: "link", facts: { url: "/2022/10/31/", reason: "absolute" } }],
  }),
  UnsupportedFootnote: kind<{ label: string }>({
    severity: "error",
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
  }),
  DatelineAfterIssue: kind<{ dateline: string; datelineDate: string; issueDate: string }>({
    severity: "warning",
    title: { "zh-CN": "电头日期晚于出版日期", en: "Dateline after the issue" },
    message: {
      "zh-CN": ({ dateline, datelineDate, issueDate }) => `电头“${dateline}”的日期是 ${datelineDate}，晚于本期的出版日期 ${issueDate}。`,
      en: ({ dateline, datelineDate, issueDate }) => `The dateline “${dateline}” gives ${datelineDate}, after the issue's date ${issueDate}.`,
    },
    hint: { "zh-CN": () => "对照报纸核对电头里的月和日。", en: () => "Check the dateline's month and day against the printed page." },
    examples: [{ file: EXAMPLE_FILE, line: 12, field: "dateline", facts: { dateline: "东昌府讯 11月5日", datelineDate: "2022-11-05", issueDate: "2022-11-02" } }],
  }),
  MissingByline: kind<{ title: string; photoNews: boolean }>({
    severity: "warning",
    title: { "zh-CN": "没有署名", en: "No byline" },
    message: {
      "zh-CN": ({ title, photoNews }) => (photoNews ? `图片新闻“${titled(title, "zh-CN")}”没有写摄影者。` : `稿件“${titled(title, "zh-CN")}”没有署名。`),
      en: ({ title, photoNews }) => (photoNews ? `The photo news “${titled(title, "en")}” credits no photographer.` : `The article “${titled(title, "en")}” has no byline.`),
    },
    hint: {
      "zh-CN": ({ photoNews }) => (photoNews
        ? "照报纸在图片说明后面写上摄影署名，例如 融媒体 张三 摄。"
        : "照报纸把署名写成最后一段，例如 (融媒体 张三)，或者在标题下写一行“作者：”标签。"),
      en: ({ photoNews }) => (photoNews
        ? "Add the credit as printed after the caption, e.g. 融媒体 张三 摄."
        : "Add the byline as printed as the last paragraph, e.g. (融媒体 张三), or a 作者： label under the title."),
    },
    examples: [
      { file: EXAMPLE_FILE, line: 10, field: "byline", facts: { title: "区委召开常委会会议", photoNews: false } },
      { file: EXAMPLE_FILE, line: 30, field: "byline", facts: { title: "", photoNews: true } },
    ],
  }),
  IssuesFolderMissing: kind<{ notFolder: boolean }>({
    severity: "error",
    title: { "zh-CN": "没有 issues 文件夹", en: "No issues folder" },
    message: {
      "zh-CN": ({ notFolder }) => (notFolder ? "issues 应当是放各期文件的文件夹，却是一个文件。" : "报库里没有放各期文件的 issues/ 文件夹。"),
      en: ({ notFolder }) => (notFolder ? "issues must be the folder of the issue files, but it is a file." : "The archive has no issues/ folder for its issue files."),
    },
    hint: {
      "zh-CN": () => "检查是不是在报库的文件夹里运行（或 --content 给对了文件夹）；issues/ 里按年份放各期的文件，例如 issues/2022/2022-11-01.md。",
      en: () => "Check that the command runs in the archive's folder (or that --content names it); issues/ holds a folder a year, e.g. issues/2022/2022-11-01.md.",
    },
    examples: [{ file: "issues", facts: { notFolder: false } }, { file: "issues", facts: { notFolder: true } }],
  }),
  YearNotFolder: kind<{ year: string }>({
    severity: "error",
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
  }),
  LinkOutOfArchive: kind<Record<string, never>>({
    severity: "error",
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
  }),
  NoIssues: kind<Record<string, never>>({
    severity: "error",
    title: { "zh-CN": "报库里一期也没有", en: "No issues at all" },
    message: { "zh-CN": () => "issues/ 里一期报纸的文件也没有。", en: () => "There is not one issue file in issues/." },
    hint: {
      "zh-CN": () => "如果这是新建的报库，先用 npm run new 或 npm run import 建第一期；确实要构建一个空的报库，就加上 --allow-empty。",
      en: () => "If the archive is new, make its first issue with npm run new or npm run import; to build an empty archive on purpose, add --allow-empty.",
    },
    examples: [{ file: "issues", facts: {} }],
  }),
  FileTooLarge: kind<{ megabytes: number; limit: number }>({
    severity: "error",
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
  }),
  NestingTooDeep: kind<{ depth: number; limit: number }>({
    severity: "error",
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
  }),
  BlockTooLong: kind<{ kilobytes: number; limit: number }>({
    severity: "error",
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
  }),
  TooMuchMarkup: kind<{ marks: "emphasis" | "underlines" | "markup"; count: number; limit: number }>({
    severity: "error",
    title: { "zh-CN": "Markdown 符号太多", en: "Too much markup" },
    message: {
      "zh-CN": ({ marks, count, limit }) => marks === "emphasis"
        ? `这一段的 * 和 _ 到这一行已有 ${count} 个，超过了一段 ${limit} 个的上限。`
        : marks === "underlines"
          ? `这一段里 === 或 --- 下划线到这一行已有 ${count} 行，超过了一段 ${limit} 行的上限。`
          : `文件里的 Markdown 符号（* _ [ ] < > \` \\ &）到这一行已有 ${count} 个，超过了一期 ${limit} 个的上限。`,
      en: ({ marks, count, limit }) => marks === "emphasis"
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
  }),
  YamlAlias: kind<Record<string, never>>({
    severity: "error",
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
  }),
  DiskFull: kind<{ freeMegabytes: number; neededMegabytes: number }>({
    severity: "error",
    title: { "zh-CN": "磁盘满了", en: "Disk full" },
    message: {
      "zh-CN": ({ freeMegabytes }) => `写这个文件时磁盘满了（它所在的磁盘只剩 ${freeMegabytes} MB）。`,
      en: ({ freeMegabytes }) => `The disk filled up while writing this file (${freeMegabytes} MB free on its disk).`,
    },
    hint: {
      "zh-CN": ({ neededMegabytes }) => `腾出空间后再构建：这个报库的一次完整构建大约要写 ${neededMegabytes} MB（网站和 .cache），可以删掉旧的 .cache 或把 --output、--cache 放到空间大的磁盘上。`,
      en: ({ neededMegabytes }) => `Free some space and build again: a whole build of this archive writes about ${neededMegabytes} MB (the site and .cache); remove an old .cache, or put --output and --cache on a larger disk.`,
    },
    examples: [{ file: ".cache/parts/2022-11/3f2a9c1b/site/2022/11/01/index.html", facts: { freeMegabytes: 0.4, neededMegabytes: 12 } }],
  }),
  WriteFailed: kind<{ reason: "permission" | "readOnly"; code: string }>({
    severity: "error",
    title: { "zh-CN": "写不进去", en: "Cannot write" },
    message: {
      "zh-CN": ({ reason, code }) => `这个文件写不进去：${reason === "permission" ? "没有写的权限" : "它在只读的磁盘上"}（${code}）。`,
      en: ({ reason, code }) => `This file cannot be written: ${reason === "permission" ? "there is no permission to write it" : "it is on a read-only disk"} (${code}).`,
    },
    hint: {
      "zh-CN": () => "换一个能写的文件夹（--output、--cache），或者请管理员给这个文件夹写的权限。",
      en: () => "Use a folder that can be written (--output, --cache), or ask for permission to write this one.",
    },
    examples: [{ file: "_site.a/index.html", facts: { reason: "permission", code: "EACCES" } }],
  }),
  CacheNotWritable: kind<{ code: string }>({
    severity: "error",
    title: { "zh-CN": "构建缓存写不进去", en: "Build cache not writable" },
    message: {
      "zh-CN": ({ code }) => `构建缓存文件夹写不进去（${code}：只读的磁盘，或者没有写的权限），报库要在这里记下读过的每一期和做好的页面，所以这次没有构建；已经发布的网站没有动。`,
      en: ({ code }) => `The build cache cannot be written (${code}: a read-only disk, or no permission), and Baoku keeps every issue it read and every page it made there, so nothing was built; the site already published is as it was.`,
    },
    hint: {
      "zh-CN": () => "让这个文件夹可以写（chmod u+w，或者重新以读写方式挂载），或者用 --cache 指定一个能写的文件夹，再构建一次。",
      en: () => "Make the folder writable (chmod u+w, or mount it read-write), or name a writable folder with --cache, and build again.",
    },
    examples: [{ file: ".cache", facts: { code: "EROFS" } }],
  }),
  OutputMovedAside: kind<{ movedTo: string }>({
    severity: "warning",
    title: { "zh-CN": "网站文件夹被挪到一边", en: "Output moved aside" },
    message: {
      "zh-CN": ({ movedTo }) => `这里原来有一个普通的文件或文件夹，不是报库构建时放的链接；里面可能有别人的东西，报库没有删它，而是把它挪到了 ${movedTo}，再放上新构建的网站。`,
      en: ({ movedTo }) => `A plain file or folder was here, not the link a build makes; it may hold someone's work, so Baoku did not delete it but moved it to ${movedTo} and put the new site in its place.`,
    },
    hint: {
      "zh-CN": ({ movedTo }) => `看看 ${movedTo} 里有什么：需要的东西拿走，不需要了就删掉它。`,
      en: ({ movedTo }) => `Look at what ${movedTo} holds: take what is needed, then delete it.`,
    },
    examples: [{ file: "_site", facts: { movedTo: "_site.moved-aside-2026-12-06" } }],
  }),
  BuildRunning: kind<{ pid: number; minutes: number }>({
    severity: "error",
    title: { "zh-CN": "另一个构建还在进行", en: "Another build is running" },
    message: {
      "zh-CN": ({ pid, minutes }) => `另一个构建（进程 ${pid}）正在写同一个网站，等了 ${minutes} 分钟还没有结束。`,
      en: ({ pid, minutes }) => `Another build (process ${pid}) is writing the same site and has not finished after ${minutes} minutes.`,
    },
    hint: {
      "zh-CN": ({ pid }) => `等它结束后再构建；如果它卡住了，先停掉它（kill ${pid}），再构建一次。`,
      en: ({ pid }) => `Build again when it has finished; if it is stuck, stop it first (kill ${pid}).`,
    },
    examples: [{ file: "_site.lock", facts: { pid: 4242, minutes: 30 } }],
  }),
  DeployTargetInvalid: kind<{ target: string }>({
    severity: "error",
    title: { "zh-CN": "发布目标写得不对", en: "Deploy target not understood" },
    message: {
      "zh-CN": ({ target }) => `看不懂发布目标“${target}”。`,
      en: ({ target }) => `The deploy target “${target}” is not understood.`,
    },
    hint: {
      "zh-CN": () => "写成服务器上的文件夹 ssh://用户@主机:端口/路径（或 用户@主机:/路径），rclone 的远端 名称:路径（例如 oss:报库/site），或者本机的文件夹路径。",
      en: () => "Write a server's folder as ssh://user@host:port/path (or user@host:/path), an rclone remote as name:path (e.g. oss:paper/site), or a folder on this machine.",
    },
    examples: [{ file: "ssh://editor@", facts: { target: "ssh://editor@" } }],
  }),
  DeploySiteNotBuilt: kind<{ site: string }>({
    severity: "error",
    title: { "zh-CN": "还没有构建网站", en: "Site not built" },
    message: {
      "zh-CN": ({ site }) => `${site} 里没有构建好的网站（没有它的文件清单 .baoku/deploy.json）。`,
      en: ({ site }) => `${site} holds no built site (it has no manifest, .baoku/deploy.json).`,
    },
    hint: {
      "zh-CN": () => "先运行 npm run build，构建成功后再发布。",
      en: () => "Run npm run build first, and deploy once it has succeeded.",
    },
    examples: [{ file: "_site", facts: { site: "_site" } }],
  }),
  DeployToolMissing: kind<{ tool: "rsync" | "rclone" }>({
    severity: "error",
    title: { "zh-CN": "缺少发布工具", en: "Deploy tool missing" },
    message: {
      "zh-CN": ({ tool }) => `发布到这里要用 ${tool}，但这台机器上没有安装 ${tool}。`,
      en: ({ tool }) => `Deploying here needs ${tool}, which is not installed on this machine.`,
    },
    hint: {
      "zh-CN": ({ tool }) => `安装它再发布：Debian 或 Ubuntu 上运行 sudo apt-get install -y ${tool}${tool === "rsync" ? "（服务器上也要装 rsync）" : ""}。`,
      en: ({ tool }) => `Install it and deploy again: on Debian or Ubuntu, sudo apt-get install -y ${tool}${tool === "rsync" ? " (the server needs rsync too)" : ""}.`,
    },
    examples: [{ file: "oss:paper-archive", facts: { tool: "rclone" } }, { file: "editor@www.example.cn:/srv/www", facts: { tool: "rsync" } }],
  }),
  DeployTargetUnreachable: kind<{ tool: "rsync" | "rclone" | "ssh"; said: string }>({
    severity: "error",
    title: { "zh-CN": "连不上发布目标", en: "Deploy target unreachable" },
    message: {
      "zh-CN": ({ tool, said }) => `连不上发布目标，网站没有发布（${tool} 说：${said}）。`,
      en: ({ tool, said }) => `The deploy target cannot be reached, and nothing was published (${tool} said: ${said}).`,
    },
    hint: {
      "zh-CN": () => "检查主机名、端口和网络（服务器开着吗？防火墙放行了吗？），然后再运行一次 npm run deploy；已经传了一半的也没关系，再运行一次会接着传完。",
      en: () => "Check the host name, the port and the network (is the server up, does the firewall let you through?), then run npm run deploy again; a deploy stopped half way is finished by the next one.",
    },
    examples: [{ file: "editor@127.0.0.1:/srv/www", facts: { tool: "rsync", said: "ssh: connect to host 127.0.0.1 port 2222: Connection refused" } }],
  }),
  DeployAccessDenied: kind<{ tool: "rsync" | "rclone" | "ssh"; said: string }>({
    severity: "error",
    title: { "zh-CN": "发布目标拒绝登录或写入", en: "Deploy target refused access" },
    message: {
      "zh-CN": ({ tool, said }) => `发布目标不让登录或者不让写，网站没有发布（${tool} 说：${said}）。`,
      en: ({ tool, said }) => `The deploy target refused the login or the writing, and nothing was published (${tool} said: ${said}).`,
    },
    hint: {
      "zh-CN": ({ tool }) => tool !== "rclone"
        ? "检查登录用的用户名和密钥（RSYNC_RSH=\"ssh -i 密钥文件\"），服务器的主机密钥是否已在 known_hosts 里，以及这个用户能不能写目标文件夹。"
        : "检查 rclone 的访问密钥（RCLONE_CONFIG_<名称>_ACCESS_KEY_ID 和 _SECRET_ACCESS_KEY，或 rclone.conf）和这把密钥对存储桶有没有写权限。",
      en: ({ tool }) => tool !== "rclone"
        ? "Check the user name and key used to log in (RSYNC_RSH=\"ssh -i keyfile\"), that the server's host key is in known_hosts, and that the user may write the folder."
        : "Check rclone's access keys (RCLONE_CONFIG_<NAME>_ACCESS_KEY_ID and _SECRET_ACCESS_KEY, or rclone.conf) and that they may write the bucket.",
    },
    examples: [
      { file: "editor@www.example.cn:/srv/www", facts: { tool: "rsync", said: "editor@www.example.cn: Permission denied (publickey)." } },
      { file: "oss:paper-archive", facts: { tool: "rclone", said: "AccessDenied: The bucket you access does not belong to you." } },
    ],
  }),
  DeployRemoteUnknown: kind<{ tool: "rsync" | "rclone" | "ssh"; said: string }>({
    severity: "error",
    title: { "zh-CN": "rclone 没有这个远端", en: "Unknown rclone remote" },
    message: {
      "zh-CN": ({ said }) => `rclone 不知道这个远端，网站没有发布（rclone 说：${said}）。`,
      en: ({ said }) => `rclone does not know this remote, and nothing was published (rclone said: ${said}).`,
    },
    hint: {
      "zh-CN": () => "先设置这个远端：用 rclone config，或者在 CI 里用环境变量 RCLONE_CONFIG_<名称>_TYPE=s3 等（见 README“发布到对象存储”）；远端名称要和冒号前写的一样。",
      en: () => "Set the remote up first: with rclone config, or in CI with environment variables such as RCLONE_CONFIG_<NAME>_TYPE=s3 (see the README, object storage); its name must be the one before the colon.",
    },
    examples: [{ file: "oss:paper-archive", facts: { tool: "rclone", said: "didn't find section in config file" } }],
  }),
  DeployFilesNotInCache: kind<{ site: string; count: number; first: string }>({
    severity: "error",
    title: { "zh-CN": "要发布的文件不在缓存里", en: "Files to deploy not in the cache" },
    message: {
      "zh-CN": ({ site, count, first }) => `${site} 只构建了文件清单（npm run build -- --manifest-only），发布时要从构建缓存 .cache 里取文件，可是目标上缺少或不同的 ${count} 个文件缓存里没有，或者已经和构建时不一样（例如 ${first}）。什么都没有发布。`,
      en: ({ site, count, first }) => `${site} was built as a manifest only (npm run build -- --manifest-only), so a deploy takes its files from the build cache, .cache; ${count} files the target lacks or holds otherwise are not in the cache, or no longer as built (e.g. ${first}). Nothing was deployed.`,
    },
    hint: {
      "zh-CN": () => "运行完整构建 npm run build（不带 --manifest-only），再运行一次 npm run deploy。第一次发布到一个新的目标时总要这样：只构建清单的网站只能发布目标上已有网站之后的变化。",
      en: () => "Run a whole build, npm run build (without --manifest-only), then npm run deploy again. A first deploy to a new target always needs one: a site of the manifest only can deploy what changed since the site the target holds.",
    },
    examples: [{ file: "_site", facts: { site: "_site", count: 1204, first: "2022/11/01/page-1.2048.3f9a1c.avif" } }],
  }),
  DeployFailed: kind<{ tool: "rsync" | "rclone" | "ssh" | "npm run deploy"; code: number | string; said: string }>({
    severity: "error",
    title: { "zh-CN": "发布没有完成", en: "Deploy not finished" },
    message: {
      "zh-CN": ({ tool, code, said }) => `${tool} 没有完成发布（${typeof code === "number" ? `退出码 ${code}` : code}，它说：${said}）。`,
      en: ({ tool, code, said }) => `${tool} did not finish the deploy (${typeof code === "number" ? `exit code ${code}` : code}; it said: ${said}).`,
    },
    hint: {
      "zh-CN": () => "按它说的原因处理后再运行一次 npm run deploy：已经传上去的页面都能正常打开（页面总在它要用的文件之后上传），再运行一次会接着传完。",
      en: () => "Deal with what it says and run npm run deploy again: the pages already sent work (a page is sent after what it loads), and the next run finishes the deploy.",
    },
    examples: [
      { file: "/mnt/share/site", facts: { tool: "rsync", code: 11, said: "rsync: [receiver] write failed on \"/mnt/share/site/index.html\": No space left on device (28)" } },
      { file: "/mnt/share/site", facts: { tool: "npm run deploy", code: "EACCES", said: "EACCES: permission denied, open '_site.a/.baoku/deploy.json'" } },
    ],
  }),
  DeployTargetLocked: kind<{ host: string; pid: number | string; since: string; lock: string }>({
    severity: "error",
    title: { "zh-CN": "另一次发布正在进行", en: "Another deploy is under way" },
    message: {
      "zh-CN": ({ host, pid, since, lock }) => `另一次发布正在往这个目标上传（${host} 上的进程 ${pid}，${since} 开始），两次发布同时进行会把目标弄乱，所以这次什么都没有发布（目标上的锁：${lock}）。`,
      en: ({ host, pid, since, lock }) => `Another deploy is sending to this target (process ${pid} on ${host}, since ${since}); two at once would leave it corrupt, so nothing was deployed (the target's lock: ${lock}).`,
    },
    hint: {
      "zh-CN": ({ lock }) => `等那次发布结束后再运行 npm run deploy。如果确定它已经不在运行（例如那台机器关了），先删掉目标上的 ${lock}，再发布一次；同一台机器上被强行停止的发布会自动解锁。`,
      en: ({ lock }) => `Run npm run deploy again once that deploy has finished. If you are sure it no longer runs (its machine is off), remove ${lock} on the target first; a deploy killed on this machine is unlocked by itself.`,
    },
    examples: [{ file: "editor@www.example.cn:/srv/www", facts: { host: "ci-runner-2", pid: 4242, since: "2026-12-06T09:30:00Z", lock: ".baoku/deploy.lock" } }],
  }),
  DeployTargetHasLink: kind<{ link: string }>({
    severity: "error",
    title: { "zh-CN": "发布目标里有符号链接", en: "Deploy target holds a link" },
    message: {
      "zh-CN": ({ link }) => `发布目标里的 ${link} 是一个符号链接（快捷方式）；rclone 会顺着它把网站写到目标以外的地方，或者读进别处的文件，所以这次什么都没有发布。`,
      en: ({ link }) => `${link} in the deploy target is a symbolic link; rclone would follow it and write the site outside the target, or read files from elsewhere, so nothing was deployed.`,
    },
    hint: {
      "zh-CN": ({ link }) => `删掉目标里的 ${link}（rm ${link}，只删链接本身），再运行一次 npm run deploy；网站需要的文件会重新传上去。`,
      en: ({ link }) => `Remove ${link} from the target (rm ${link} removes the link only) and run npm run deploy again; the files the site needs are sent again.`,
    },
    examples: [{ file: ":local:/srv/www", facts: { link: "2022" } }],
  }),
  DeployTargetListTooLarge: kind<{ list: string; limitMb: number }>({
    severity: "error",
    title: { "zh-CN": "发布目标上的文件清单太大", en: "Deploy target's list too large" },
    message: {
      "zh-CN": ({ list, limitMb }) => `发布目标上的文件清单 ${list} 超过了 ${limitMb} MB，不像是报库写的清单（一份清单最多几十万行）；为了不花几分钟、占几 GB 内存去读它，这次什么都没有发布。`,
      en: ({ list, limitMb }) => `The deploy target's list ${list} is over ${limitMb} MB, which no list Baoku writes comes near; it was not read (that would take minutes and gigabytes), and nothing was deployed.`,
    },
    hint: {
      "zh-CN": () => "删掉目标上的 .baoku 文件夹（里面只有发布用的清单），再运行 npm run deploy：没有清单时会把整个网站重新传一遍，之后又只传改动。",
      en: () => "Remove the target's .baoku folder (it holds only the deploy's lists) and run npm run deploy again: without lists the whole site is sent once, and only changes after that.",
    },
    examples: [{ file: "editor@www.example.cn:/srv/www", facts: { list: ".baoku/deploy/3f9a1c0b2d4e5f60718293a4b5c6d7e8.sha256", limitMb: 16 } }],
  }),
  DeployTargetNotAFile: kind<{ path: string }>({
    severity: "error",
    title: { "zh-CN": "发布目标上该是文件的地方是文件夹", en: "A folder where the target needs a file" },
    message: {
      "zh-CN": ({ path }) => `发布目标上的 ${path} 是一个文件夹，可发布要在那里写一个文件，所以这次发布没有完成。`,
      en: ({ path }) => `${path} on the deploy target is a folder, where the deploy has to write a file, so the deploy did not finish.`,
    },
    hint: {
      "zh-CN": ({ path }) => `看一下目标上的 ${path} 里有什么，需要的话挪走，然后删掉这个文件夹，再运行一次 npm run deploy。`,
      en: ({ path }) => `Look at what ${path} on the target holds, move it away if it is needed, remove the folder, and run npm run deploy again.`,
    },
    examples: [{ file: "/mnt/share/site", facts: { path: ".baoku/deploy.json" } }],
  }),
  ExportNotUtf8: kind<{ file: string; encoding?: "UTF-16LE" | "UTF-16BE" | "GB18030" | "BIG5" }>({
    severity: "error",
    title: { "zh-CN": "导出文件不是 UTF-8 编码", en: "Export not UTF-8" },
    message: {
      "zh-CN": ({ file, encoding }) => `${file} 不是 UTF-8 编码的文本${encoding ? `，看起来是 ${encodingName(encoding, "zh-CN")}` : "，也看不出是哪种编码"}。`,
      en: ({ file, encoding }) => `${file} is not UTF-8 text${encoding ? `; it looks like ${encodingName(encoding, "en")}` : ", nor any encoding recognised"}.`,
    },
    hint: {
      "zh-CN": ({ file, encoding }) => encoding
        ? `先转换编码：iconv -f ${encoding} -t UTF-8 ${file} > export-utf8.txt，再导入转换后的文件。`
        : "在排版软件里重新导出，选“UTF-8”编码的纯文本；或者用文本编辑器打开它，另存为 UTF-8，再导入。",
      en: ({ file, encoding }) => encoding
        ? `Convert it first: iconv -f ${encoding} -t UTF-8 ${file} > export-utf8.txt, and import that file.`
        : "Export it again from the layout software as UTF-8 plain text, or open it in a text editor and save it as UTF-8, then import it.",
    },
    examples: [
      { file: "2022-11-02.txt", facts: { file: "2022-11-02.txt", encoding: "GB18030" } },
      { file: "2022-11-02.txt", facts: { file: "2022-11-02.txt", encoding: "UTF-16LE" } },
      { file: "2022-11-02.txt", facts: { file: "2022-11-02.txt" } },
    ],
  }),
  ExportTooLarge: kind<{ count: number; limit: number; unit: "版" | "MB" }>({
    severity: "error",
    title: { "zh-CN": "导出文件太大", en: "Export too large" },
    message: {
      "zh-CN": ({ count, limit, unit }) => unit === "MB" ? `导出文件有 ${count} MB，超过了一期最多 ${limit} MB 的上限，没有导入。` : `导出文件分出了 ${count} 个版（每连续三个空行算换一版），超过了一期最多 ${limit} 版的上限，没有导入。`,
      en: ({ count, limit, unit }) => unit === "MB" ? `The export is ${count} MB, over the limit of ${limit} MB for one issue; nothing was imported.` : `The export splits into ${count} 版 (three blank lines start a new one), over the limit of ${limit} for one issue; nothing was imported.`,
    },
    hint: {
      "zh-CN": ({ unit }) => unit === "MB" ? "一次只导入一期的导出文件。" : "一次只导入一期；看看这一行前后是不是有太多连续的空行（三个空行就换版），删掉多余的空行再导入。",
      en: ({ unit }) => unit === "MB" ? "Import one issue's export at a time." : "Import one issue at a time; look for runs of blank lines around this line (three start a new 版), remove the extra ones and import again.",
    },
    examples: [{ file: "2022-11-02.txt", line: 4812, facts: { count: 10000, limit: 100, unit: "版" } }, { file: "2022-11-02.txt", facts: { count: 40, limit: 16, unit: "MB" } }],
  }),
  PdfUnreadable: kind<{ file: string }>({
    severity: "error",
    title: { "zh-CN": "PDF 打不开", en: "PDF unreadable" },
    message: { "zh-CN": ({ file }) => `${file} 不是能打开的 PDF 文件。`, en: ({ file }) => `${file} is not a PDF that can be opened.` },
    hint: {
      "zh-CN": () => "在排版软件里把这个版重新输出为 PDF，再导入一次。",
      en: () => "Export the 版 as PDF again from the layout program, then import again.",
    },
    examples: [{ file: "2022-11-02/page-1.pdf", facts: { file: "2022-11-02/page-1.pdf" } }],
  }),
  PdfWithoutText: kind<{ file: string; reason: "noText" | "unmapped"; page?: number }>({
    severity: "error",
    title: { "zh-CN": "PDF 里没有能用的文字", en: "PDF without usable text" },
    message: {
      "zh-CN": ({ file, reason, page }) =>
        `${file}${page ? ` 第${page}页` : ""}${reason === "noText"
          ? " 里没有可以读取的文字：它是扫描出来的版面图，或者输出时文字被转成了曲线。"
          : " 的字体没有 Unicode 映射表（较早的排版软件输出的 PDF 常这样），读出来的只会是乱码。"}`,
      en: ({ file, reason, page }) =>
        `${file}${page ? ` page ${page}` : ""}${reason === "noText"
          ? " has no text that can be read: it is a scanned page, or its type was turned into outlines."
          : "'s fonts have no Unicode map (as older layout exports often do), so its text would read as gibberish."}`,
    },
    hint: {
      "zh-CN": ({ reason }) =>
        `${reason === "unmapped" ? "在排版软件里重新输出 PDF，选择嵌入字体并保留文字，再导入一次；或者" : ""}改为导入这一期的排版文本导出（npm run import -- <导出文件.txt>），` +
        "把这个 PDF 放在本期文件夹里作为 page-N.pdf、版面图作为 page-N.jpg，再在预览（npm start）的版面图上为各篇稿件画出热区（见编辑指南“在预览里画热区”）。",
      en: ({ reason }) =>
        `${reason === "unmapped" ? "Export the PDF again with fonts embedded and text kept, and import again; or " : ""}import the issue's text export instead ` +
        "(npm run import -- <export.txt>), put this PDF in the issue's folder as page-N.pdf and its scan as page-N.jpg, and draw each article's hotspot on the scan in the preview (npm start; the editors' guide, 在预览里画热区).",
    },
    examples: [
      { file: "2022-11-02/page-1.pdf", facts: { file: "2022-11-02/page-1.pdf", reason: "noText" } },
      { file: "2022-11-02/page-1.pdf", facts: { file: "2022-11-02/page-1.pdf", reason: "unmapped" } },
      { file: "2022-11-02.pdf", facts: { file: "2022-11-02.pdf", reason: "noText", page: 3 } },
    ],
  }),
  PdfPageTwice: kind<{ file: string; other: string; page: number }>({
    severity: "error",
    title: { "zh-CN": "两个 PDF 是同一个版", en: "Two PDFs of one 版" },
    message: {
      "zh-CN": ({ file, other, page }) => `${file} 和 ${other} 的文件名都说自己是第${page}版。`,
      en: ({ file, other, page }) => `${file} and ${other} are both named as 第${page}版.`,
    },
    hint: {
      "zh-CN": () => "只留下这个版的最终 PDF，或者改正文件名里的版号，再导入一次。",
      en: () => "Keep only the 版's final PDF, or correct the number in its name, then import again.",
    },
    examples: [{ file: "2022-11-02/page-2-改.pdf", facts: { file: "2022-11-02/page-2-改.pdf", other: "2022-11-02/page-2.pdf", page: 2 } }],
  }),
  MastheadWithoutDate: kind<MastheadLines>({
    severity: "error",
    title: { "zh-CN": "报头没有日期", en: "Masthead without a date" },
    message: {
      "zh-CN": (lines) => `${mastheadZh(lines)}找不到出版日期（例如 2022年11月1日）。`,
      en: (lines) => `${mastheadEn(lines)} has no date such as 2022年11月1日.`,
    },
    hint: { "zh-CN": () => "照报纸把日期补进报头，再导入一次。", en: () => "Add the issue's date to the masthead as printed, then import again." },
    examples: [{ file: "2022-11-02.txt", line: 1, facts: { first: 1, last: 3 } }],
  }),
  MastheadDateInvalid: kind<MastheadLines & { date: string }>({
    severity: "error",
    title: { "zh-CN": "报头日期不存在", en: "Masthead date not real" },
    message: {
      "zh-CN": ({ date, ...lines }) => `${mastheadZh(lines)}上的日期 ${date} 在日历上不存在。`,
      en: ({ date, ...lines }) => `${mastheadEn(lines)} gives the date ${date}, which is not a real calendar date.`,
    },
    hint: { "zh-CN": () => "照报纸改正日期，再导入一次。", en: () => "Correct it as printed, then import again." },
    examples: [{ file: "2022-11-02.txt", line: 1, facts: { first: 1, last: 3, date: "2022年2月30日" } }],
  }),
  MastheadWithoutIssueNumber: kind<MastheadLines>({
    severity: "error",
    title: { "zh-CN": "报头没有期号", en: "Masthead without an issue number" },
    message: {
      "zh-CN": (lines) => `${mastheadZh(lines)}找不到期号（例如 总第1480期）。`,
      en: (lines) => `${mastheadEn(lines)} has no issue number such as 总第1480期.`,
    },
    hint: { "zh-CN": () => "照报纸把期号补进报头，再导入一次。", en: () => "Add it to the masthead as printed, then import again." },
    examples: [{ file: "2022-11-02.txt", line: 1, facts: { first: 1, last: 3 } }],
  }),
} as const;

export type ProblemKind = keyof typeof PROBLEMS;

/** The facts a kind of problem is told with. */
export type FactsOf<K extends ProblemKind> = (typeof PROBLEMS)[K] extends ProblemDefinition<infer Facts> ? Facts : never;

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
