// The editors' guide's list of problems (docs/编辑指南.md), written from the catalogue: every kind under the part of the work it concerns,
// with its title, whether it stops the build, an example as the editor will see it, and what to do. `npm run guide` writes it into the
// guide between its markers; a test fails when the guide is not what the catalogue makes.
import { KINDS, problem, type Problem, type ProblemKind } from "../problems.ts";
import { formatProblem } from "./report.ts";
import { PROBLEMS, type ProblemDefinition } from "./catalogue.ts";

/** The guide's file, relative to the project root. */
export const GUIDE_FILE = "docs/编辑指南.md";

/** The lines between which the generated list stands in the guide. */
export const GUIDE_MARKERS = {
  start: "<!-- 下面的问题一览由 npm run guide 按 src/messages/catalogue.ts 生成，请不要手改。 -->",
  end: "<!-- 问题一览到此为止。 -->",
} as const;

/** The parts of the work the kinds concern, in the order an editor meets them; every kind is in exactly one. */
export const GUIDE_SECTIONS: readonly { title: string; kinds: readonly ProblemKind[] }[] = [
  { title: "报纸的设置（baoku.config.json）", kinds: ["MissingConfig", "InvalidConfig"] },
  {
    title: "文件夹和文件",
    kinds: [
      "IssuesFolderMissing",
      "YearNotFolder",
      "MisplacedIssueFile",
      "LinkOutOfArchive",
      "NoIssues",
      "FileTooLarge",
      "NotUtf8",
      "EmptyFile",
      "InvisibleCharacter",
    ],
  },
  {
    title: "文件头",
    kinds: [
      "MissingFrontMatter",
      "MalformedYaml",
      "YamlAlias",
      "MissingField",
      "InvalidField",
      "UnknownField",
      "LunarDateMismatch",
      "WeekdayMismatch",
      "PathDateMismatch",
    ],
  },
  { title: "期与期之间", kinds: ["DuplicateDate", "DuplicateIssueNumber", "IssueNumberOrder", "IssueNumberGap"] },
  { title: "正文的写法超出上限", kinds: ["NestingTooDeep", "BlockTooLong", "TooMuchMarkup"] },
  {
    title: "版和稿件",
    kinds: [
      "ContentBeforePage",
      "ArticleBeforePage",
      "BadPageHeading",
      "PageNumberOrder",
      "PageBeyondPrintedCount",
      "EmptyPage",
      "ContentBeforeArticle",
      "MissingTitle",
      "EmptyArticle",
      "DatelineAfterIssue",
      "MissingByline",
    ],
  },
  { title: "标签", kinds: ["UnknownLabel", "EmptyLabel", "DuplicateLabel", "InvalidArea"] },
  {
    title: "照片、版面图和 PDF",
    kinds: [
      "ImagePathOutsideIssue",
      "MissingImage",
      "UnreadableImage",
      "UnsupportedImage",
      "ImageTooLarge",
      "UnreadablePdf",
      "AreaWithoutScan",
      "ScanWithoutPage",
    ],
  },
  { title: "链接和脚注", kinds: ["UnsafeLink", "LinkOutsideArchive", "UnsupportedFootnote"] },
  {
    title: "构建时写文件",
    kinds: ["DiskFull", "WriteFailed", "CacheNotWritable", "OutputMovedAside", "BuildRunning", "RenderWorkerStopped", "RenderFailed", "SearchIndexFailed"],
  },
  {
    title: "发布网站（npm run deploy）",
    kinds: [
      "DeployTargetInvalid",
      "DeploySiteNotBuilt",
      "DeployFilesNotInCache",
      "DeployToolMissing",
      "DeployTargetUnreachable",
      "DeployAccessDenied",
      "DeployRemoteUnknown",
      "DeployTargetLocked",
      "DeployTargetHasLink",
      "DeployTargetListTooLarge",
      "DeployTargetNotAFile",
      "DeployFailed",
    ],
  },
  {
    title: "导入排版导出文件（npm run import）",
    kinds: [
      "ExportNotUtf8",
      "ExportTooLarge",
      "PdfUnreadable",
      "PdfWithoutText",
      "PdfPageTwice",
      "MastheadWithoutDate",
      "MastheadDateInvalid",
      "MastheadWithoutIssueNumber",
    ],
  },
];

/** The list of problems as Markdown, in Chinese. */
export function problemReference(): string {
  const lines: string[] = [];
  for (const section of GUIDE_SECTIONS) {
    lines.push(`### ${section.title}`, "");
    for (const kind of section.kinds) {
      const definition = PROBLEMS[kind] as ProblemDefinition<unknown>;
      const examples = definition.examples.map((example) => problem(kind, example, example.facts as never) as Problem);
      lines.push(`#### ${definition.title["zh-CN"]} \`${kind}\``, "");
      const deploying = kind.startsWith("Deploy");
      lines.push(
        KINDS[kind].severity === "error"
          ? deploying
            ? "**错误**：这次没有发布完，目标上的文件清单还是上一次的；改正后再运行 npm run deploy，会接着传完。报库这样提示："
            : "**错误**：网站不会构建，改正后才能发布。报库这样提示："
          : "**警告**：网站照常构建，但请核对一下。报库这样提示：",
        "",
      );
      for (const example of examples) lines.push(`- ${inlineCode(formatProblem(example, "zh-CN"))}`);
      lines.push("");
    }
  }
  return lines.join("\n").trimEnd();
}

/** The guide's text with its list of problems made anew; the text outside the markers is kept as it is. */
export function withProblemReference(guide: string): string {
  const start = guide.indexOf(GUIDE_MARKERS.start);
  const end = guide.indexOf(GUIDE_MARKERS.end);
  if (start === -1 || end < start) throw new Error(`${GUIDE_FILE}: ${GUIDE_MARKERS.start} … ${GUIDE_MARKERS.end}`);
  return `${guide.slice(0, start + GUIDE_MARKERS.start.length)}\n\n${problemReference()}\n\n${guide.slice(end)}`;
}

/** Text as Markdown inline code, which keeps its characters as they are and wraps with the page; fenced by more backticks than it holds. */
function inlineCode(text: string): string {
  const fence = "`".repeat(Math.max(0, ...[...text.matchAll(/`+/g)].map((match) => match[0].length)) + 1);
  return `${fence}${text.startsWith("`") || text.endsWith("`") ? ` ${text} ` : text}${fence}`;
}
