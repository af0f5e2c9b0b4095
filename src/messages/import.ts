// The words of the problems `npm run import` finds in a layout export or its PDFs, in Chinese and in English.
import type { MastheadLines } from "../problems.ts";
import type { Wording } from "./catalogue.ts";

/** An export's encoding as the editor knows it. */
function encodingName(encoding: "UTF-16LE" | "UTF-16BE" | "GB18030" | "BIG5", language: "zh-CN" | "en"): string {
  const names = {
    "UTF-16LE": ["UTF-16（Windows 的“Unicode”）", "UTF-16 (Windows' “Unicode”)"],
    "UTF-16BE": ["UTF-16（大端）", "UTF-16 big-endian"],
    GB18030: ["GB18030/GBK（简体中文 Windows 的默认编码）", "GB18030/GBK (simplified Chinese Windows' default)"],
    BIG5: ["Big5（繁体中文）", "Big5 (traditional Chinese)"],
  } as const;
  return names[encoding][language === "zh-CN" ? 0 : 1];
}

function mastheadZh({ first, last }: MastheadLines): string {
  if (first === undefined || last === undefined) return "导出文件开头没有报头，";
  return `报头（${first === last ? `第 ${last} 行` : `第 ${first}–${last} 行`}）`;
}

function mastheadEn({ first, last }: MastheadLines): string {
  if (first === undefined || last === undefined) return "The export starts with no masthead; it";
  return `The masthead (${first === last ? `line ${last}` : `lines ${first}–${last}`})`;
}

export const IMPORT_PROBLEMS = {
  ExportNotUtf8: {
    title: { "zh-CN": "导出文件不是 UTF-8 编码", en: "Export not UTF-8" },
    message: {
      "zh-CN": ({ file, encoding }) => `${file} 不是 UTF-8 编码的文本${encoding ? `，看起来是 ${encodingName(encoding, "zh-CN")}` : "，也看不出是哪种编码"}。`,
      en: ({ file, encoding }) => `${file} is not UTF-8 text${encoding ? `; it looks like ${encodingName(encoding, "en")}` : ", nor any encoding recognised"}.`,
    },
    hint: {
      "zh-CN": ({ file, encoding }) =>
        encoding
          ? `先转换编码：iconv -f ${encoding} -t UTF-8 ${file} > export-utf8.txt，再导入转换后的文件。`
          : "在排版软件里重新导出，选“UTF-8”编码的纯文本；或者用文本编辑器打开它，另存为 UTF-8，再导入。",
      en: ({ file, encoding }) =>
        encoding
          ? `Convert it first: iconv -f ${encoding} -t UTF-8 ${file} > export-utf8.txt, and import that file.`
          : "Export it again from the layout software as UTF-8 plain text, or open it in a text editor and save it as UTF-8, then import it.",
    },
    examples: [
      { file: "2022-11-02.txt", facts: { file: "2022-11-02.txt", encoding: "GB18030" } },
      { file: "2022-11-02.txt", facts: { file: "2022-11-02.txt", encoding: "UTF-16LE" } },
      { file: "2022-11-02.txt", facts: { file: "2022-11-02.txt" } },
    ],
  },
  ExportTooLarge: {
    title: { "zh-CN": "导出文件太大", en: "Export too large" },
    message: {
      "zh-CN": ({ count, limit, unit }) =>
        unit === "MB"
          ? `导出文件有 ${count} MB，超过了一期最多 ${limit} MB 的上限，没有导入。`
          : `导出文件分出了 ${count} 个版（每连续三个空行算换一版），超过了一期最多 ${limit} 版的上限，没有导入。`,
      en: ({ count, limit, unit }) =>
        unit === "MB"
          ? `The export is ${count} MB, over the limit of ${limit} MB for one issue; nothing was imported.`
          : `The export splits into ${count} 版 (three blank lines start a new one), over the limit of ${limit} for one issue; nothing was imported.`,
    },
    hint: {
      "zh-CN": ({ unit }) =>
        unit === "MB" ? "一次只导入一期的导出文件。" : "一次只导入一期；看看这一行前后是不是有太多连续的空行（三个空行就换版），删掉多余的空行再导入。",
      en: ({ unit }) =>
        unit === "MB"
          ? "Import one issue's export at a time."
          : "Import one issue at a time; look for runs of blank lines around this line (three start a new 版), remove the extra ones and import again.",
    },
    examples: [
      { file: "2022-11-02.txt", line: 4812, facts: { count: 10000, limit: 100, unit: "版" } },
      { file: "2022-11-02.txt", facts: { count: 40, limit: 16, unit: "MB" } },
    ],
  },
  PdfUnreadable: {
    title: { "zh-CN": "PDF 打不开", en: "PDF unreadable" },
    message: { "zh-CN": ({ file }) => `${file} 不是能打开的 PDF 文件。`, en: ({ file }) => `${file} is not a PDF that can be opened.` },
    hint: {
      "zh-CN": () => "在排版软件里把这个版重新输出为 PDF，再导入一次。",
      en: () => "Export the 版 as PDF again from the layout program, then import again.",
    },
    examples: [{ file: "2022-11-02/page-1.pdf", facts: { file: "2022-11-02/page-1.pdf" } }],
  },
  PdfWithoutText: {
    title: { "zh-CN": "PDF 里没有能用的文字", en: "PDF without usable text" },
    message: {
      "zh-CN": ({ file, reason, page }) =>
        `${file}${page ? ` 第${page}页` : ""}${
          reason === "noText"
            ? " 里没有可以读取的文字：它是扫描出来的版面图，或者输出时文字被转成了曲线。"
            : " 的字体没有 Unicode 映射表（较早的排版软件输出的 PDF 常这样），读出来的只会是乱码。"
        }`,
      en: ({ file, reason, page }) =>
        `${file}${page ? ` page ${page}` : ""}${
          reason === "noText"
            ? " has no text that can be read: it is a scanned page, or its type was turned into outlines."
            : "'s fonts have no Unicode map (as older layout exports often do), so its text would read as gibberish."
        }`,
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
  },
  PdfPageTwice: {
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
  },
  MastheadWithoutDate: {
    title: { "zh-CN": "报头没有日期", en: "Masthead without a date" },
    message: {
      "zh-CN": (lines) => `${mastheadZh(lines)}找不到出版日期（例如 2022年11月1日）。`,
      en: (lines) => `${mastheadEn(lines)} has no date such as 2022年11月1日.`,
    },
    hint: { "zh-CN": () => "照报纸把日期补进报头，再导入一次。", en: () => "Add the issue's date to the masthead as printed, then import again." },
    examples: [{ file: "2022-11-02.txt", line: 1, facts: { first: 1, last: 3 } }],
  },
  MastheadDateInvalid: {
    title: { "zh-CN": "报头日期不存在", en: "Masthead date not real" },
    message: {
      "zh-CN": ({ date, ...lines }) => `${mastheadZh(lines)}上的日期 ${date} 在日历上不存在。`,
      en: ({ date, ...lines }) => `${mastheadEn(lines)} gives the date ${date}, which is not a real calendar date.`,
    },
    hint: { "zh-CN": () => "照报纸改正日期，再导入一次。", en: () => "Correct it as printed, then import again." },
    examples: [{ file: "2022-11-02.txt", line: 1, facts: { first: 1, last: 3, date: "2022年2月30日" } }],
  },
  MastheadWithoutIssueNumber: {
    title: { "zh-CN": "报头没有期号", en: "Masthead without an issue number" },
    message: {
      "zh-CN": (lines) => `${mastheadZh(lines)}找不到期号（例如 总第1480期）。`,
      en: (lines) => `${mastheadEn(lines)} has no issue number such as 总第1480期.`,
    },
    hint: { "zh-CN": () => "照报纸把期号补进报头，再导入一次。", en: () => "Add it to the masthead as printed, then import again." },
    examples: [{ file: "2022-11-02.txt", line: 1, facts: { first: 1, last: 3 } }],
  },
} satisfies Wording;
