// The catalogue of everything else the commands say: summaries, progress and figures, refusals and their usage lines, and the comment
// `npm run new` writes into a new issue file; in Chinese and in English. Commands name the text and pass its facts.
import type { Language, Texts } from "./language.ts";

function text<Facts = void>(texts: Texts<Facts>): Texts<Facts> {
  return texts;
}

/** Seconds as a report gives them: one decimal. */
function seconds(value: number): string {
  return value.toFixed(1);
}

/** Bytes as a report gives them: megabytes with two decimals. */
function megabytes(bytes: number): string {
  return (bytes / 1e6).toFixed(2);
}

/** An English count with its noun: 1 issue, 2 issues. */
function count(number: number, noun: string): string {
  return `${number} ${noun}${number === 1 ? "" : "s"}`;
}

/** The article `npm run new`'s comment shows as an example, in the paper's words whatever the language. */
const SCAFFOLD_EXAMPLE = ["", "## 省委常委会召开扩大会议", "副题：分析研究当前经济形势和经济工作", "", "东昌府讯 10月28日，……", "", "(融媒体 郭龙君)", ""];

export const TEXTS = {
  // The report of problems.
  problemSummary: text<{ problems: number; files: number; errors: number; warnings: number; allIssues: boolean }>({
    "zh-CN": ({ problems, files, errors, warnings, allIssues }) =>
      `发现 ${problems} 个问题，涉及 ${files} ${allIssues ? "期" : "个文件"}（${errors} 个错误，${warnings} 个警告）。`,
    en: ({ problems, files, errors, warnings, allIssues }) =>
      `Found ${count(problems, "problem")} in ${count(files, allIssues ? "issue" : "file")} (${count(errors, "error")}, ${count(warnings, "warning")}).`,
  }),
  severityError: text({ "zh-CN": () => "错误", en: () => "error" }),
  severityWarning: text({ "zh-CN": () => "警告", en: () => "warning" }),

  // npm run check
  checkUsage: text({
    "zh-CN": () => "用法：npm run check -- [--content <目录>] [--cache <目录>] [--allow-empty]",
    en: () => "Usage: npm run check -- [--content <dir>] [--cache <dir>] [--allow-empty]",
  }),
  checkPassed: text<{ issues: number; warnings: boolean }>({
    "zh-CN": ({ issues, warnings }) => `已检查 ${issues} 期：${warnings ? "没有错误" : "没有问题"}。`,
    en: ({ issues, warnings }) => `Checked ${count(issues, "issue")}: ${warnings ? "no errors" : "no problems"}.`,
  }),

  // npm run build
  buildUsage: text({
    "zh-CN": () =>
      "用法：npm run build -- [--full] [--manifest-only] [--content <目录>] [--output <目录>] [--cache <目录>] [--allow-empty] [--verify] [--verbose]",
    en: () => "Usage: npm run build -- [--full] [--manifest-only] [--content <dir>] [--output <dir>] [--cache <dir>] [--allow-empty] [--verify] [--verbose]",
  }),
  siteNotBuilt: text<{ output: string }>({
    "zh-CN": ({ output }) => `网站没有构建，${output} 保持原样。`,
    en: ({ output }) => `The site was not built; ${output} is unchanged.`,
  }),
  buildUnchanged: text<{ output: string; seconds: number }>({
    "zh-CN": ({ output, seconds: time }) => `自上次构建以来没有改动，${output} 已是最新（检查用了 ${seconds(time)} 秒；加 --full 可以强制重新构建）。`,
    en: ({ output, seconds: time }) => `Nothing changed since the last build; ${output} is up to date (checked in ${seconds(time)} s; --full builds anyway).`,
  }),
  buildDone: text<{ pages: number; searchable: number; encoded: number; reused: number; output: string; seconds: number }>({
    "zh-CN": ({ pages, searchable, encoded, reused, output, seconds: time }) =>
      `已构建 ${pages} 个页面（${searchable} 篇可搜索）${encoded + reused > 0 ? `，新编码图片文件 ${encoded} 个、取自缓存 ${reused} 个` : ""}，写入 ${output}，用时 ${seconds(time)} 秒。`,
    en: ({ pages, searchable, encoded, reused, output, seconds: time }) =>
      `Built ${pages} pages (${searchable} searchable)${encoded + reused > 0 ? `, ${encoded} image files encoded and ${reused} from the cache` : ""} into ${output} in ${seconds(time)} s.`,
  }),
  buildStages: text<{ read: number; images: number; render: number; search: number }>({
    "zh-CN": ({ read, images, render, search }) =>
      `读取并检查各期 ${seconds(read)} 秒，图片 ${seconds(images)} 秒，渲染进程共忙 ${seconds(render)} 秒，建立搜索索引 ${seconds(search)} 秒。`,
    en: ({ read, images, render, search }) =>
      `Read and checked the issues in ${seconds(read)} s, images in ${seconds(images)} s, render workers busy ${seconds(render)} s, search indexed in ${seconds(search)} s.`,
  }),
  buildParts: text<{ rendered: number; parts: number; indexed: number; bundles: number }>({
    "zh-CN": ({ rendered, parts, indexed, bundles }) =>
      `渲染了 ${parts} 个部分中的 ${rendered} 个，索引了 ${bundles} 个搜索分卷中的 ${indexed} 个；没有改动的取自缓存。`,
    en: ({ rendered, parts, indexed, bundles }) =>
      `Rendered ${rendered} of ${parts} parts and indexed ${indexed} of ${bundles} search bundles; unchanged ones come from the cache.`,
  }),
  buildWaiting: text<{ pid: number }>({
    "zh-CN": ({ pid }) => `另一个构建（进程 ${pid}）正在写同一个网站，等它结束后再开始…`,
    en: ({ pid }) => `Another build (process ${pid}) is writing the same site; waiting for it to finish…`,
  }),
  cachedIssueLost: text<{ key: string }>({
    "zh-CN": ({ key }) => `缓存里的一期（${key}）没有内容：它的文件读不出来。`,
    en: ({ key }) => `The cached parse of an issue (${key}) has no issue; its file could not be read.`,
  }),

  // npm start
  startUsage: text({
    "zh-CN": () => "用法：npm start -- [--content <目录>] [--output <目录>] [--verbose]（端口用 PORT 设置）",
    en: () => "Usage: npm start -- [--content <dir>] [--output <dir>] [--verbose] (PORT sets the port)",
  }),
  previewBuilding: text({ "zh-CN": () => "正在构建报库…", en: () => "Building the archive…" }),
  previewFirstBuildFailed: text({
    "zh-CN": () => "第一次构建没有成功，没有可以预览的网站。请改正上面列出的问题，再运行 npm start。",
    en: () => "The first build failed, so there is nothing to serve. Fix the problems above and run `npm start` again.",
  }),
  previewServing: text<{ folder: string; url: string }>({
    "zh-CN": ({ folder, url }) => `预览地址：${url}（网站在 ${folder}）`,
    en: ({ folder, url }) => `Serving ${folder} at ${url}`,
  }),
  previewWatching: text<{ sources: string[] }>({
    "zh-CN": ({ sources }) => `正在留意 ${sources.join("、")} 的改动，一保存就重新构建；按 Ctrl-C 停止。`,
    en: ({ sources }) => `Watching ${sources.join(", ")}; Ctrl-C to stop.`,
  }),
  previewRebuilding: text({ "zh-CN": () => "发现改动，正在重新构建…", en: () => "Change seen, rebuilding…" }),
  previewStillServing: text<{ url: string }>({
    "zh-CN": ({ url }) => `${url} 上仍是上一次构建好的网站。`,
    en: ({ url }) => `Still serving the previous build at ${url}`,
  }),
  previewBuilt: text<{ pages: number; seconds: number }>({
    "zh-CN": ({ pages, seconds: time }) => `已构建 ${pages} 个页面，用时 ${seconds(time)} 秒。`,
    en: ({ pages, seconds: time }) => `Built ${pages} pages in ${seconds(time)} s.`,
  }),
  previewBuildCrashed: text<{ how: string }>({
    "zh-CN": ({ how }) => `构建中途出错退出了（${how}），错误信息在上面。`,
    en: ({ how }) => `The build crashed (${how}); its error is printed above.`,
  }),
  previewWatchStopped: text<{ folder: string; reason: string }>({
    "zh-CN": ({ folder, reason }) => `不再留意 ${folder} 的改动：${reason}`,
    en: ({ folder, reason }) => `Stopped watching ${folder}: ${reason}`,
  }),
  // The preview's hotspot drawing (preview/hotspots.ts): what the save answers, and the editor's words on the 版 page.
  hotspotSaved: text<{ file: string; count: number }>({
    "zh-CN": ({ file, count: articles }) => `已把 ${articles} 篇稿件的区域写进 ${file}，正在重新构建，页面会自动刷新。`,
    en: ({ file, count: articles }) => `Wrote the area of ${count(articles, "article")} into ${file}; rebuilding, the page reloads by itself.`,
  }),
  hotspotNoIssue: text<{ date: string }>({
    "zh-CN": ({ date }) => `报库的 issues/ 里没有 ${date} 这一期的文件，没有写入。`,
    en: ({ date }) => `The archive's issues/ has no issue file for ${date}; nothing was written.`,
  }),
  hotspotNoArticle: text<{ file: string; page: number; article: number }>({
    "zh-CN": ({ file, page, article }) => `${file} 的第${page}版没有第${article}篇稿件，文件可能刚改过，没有写入。请刷新页面再画。`,
    en: ({ file, page, article }) =>
      `${file} has no article ${article} on 第${page}版; the file may have just changed, and nothing was written. Reload the page and draw again.`,
  }),
  hotspotChanged: text<{ file: string; page: number; article: number; title: string }>({
    "zh-CN": ({ file, page, article, title }) =>
      `${file} 第${page}版的第${article}篇已经不是“${title}”，文件在页面打开后改过，没有写入，免得写错稿件。请刷新页面再画。`,
    en: ({ file, page, article, title }) =>
      `Article ${article} on 第${page}版 of ${file} is no longer “${title}”: the file changed since the page was opened, so nothing was written. Reload the page and draw again.`,
  }),
  hotspotUnreadable: text<{ file: string }>({
    "zh-CN": ({ file }) => `${file} 现在读不出来（问题列在 npm start 的窗口里），没有写入。请先改正这些问题，再画热区。`,
    en: ({ file }) => `${file} cannot be read now (npm start's window lists why); nothing was written. Fix it first, then draw the hotspots.`,
  }),
  hotspotNotKept: text<{ file: string }>({
    "zh-CN": ({ file }) => `写好的区域从 ${file} 读回来不对，文件没有改动。请在文件里手工写“区域：”行。`,
    en: ({ file }) => `The area written did not read back from ${file}, which was left unchanged. Write its 区域 line by hand.`,
  }),
  hotspotBadRequest: text<{ detail: string }>({
    "zh-CN": ({ detail }) => `保存请求的内容不对（${detail}），没有写入。请刷新页面再试。`,
    en: ({ detail }) => `The save request was not valid (${detail}); nothing was written. Reload the page and try again.`,
  }),
  hotspotTooLarge: text<{ kilobytes: number }>({
    "zh-CN": ({ kilobytes }) => `保存请求超过了 ${kilobytes} KB，没有写入。`,
    en: ({ kilobytes }) => `The save request is over ${kilobytes} KB; nothing was written.`,
  }),
  hotspotWriteFailed: text<{ file: string; reason: string }>({
    "zh-CN": ({ file, reason }) => `没能写入 ${file}（${reason}），文件没有改动。`,
    en: ({ file, reason }) => `Could not write ${file} (${reason}); the file is unchanged.`,
  }),
  hotspotEdit: text({ "zh-CN": () => "画热区", en: () => "Draw hotspots" }),
  hotspotHelp: text({
    "zh-CN": () => "选一篇稿件，在版面图上拖出它的热区；拖动热区可以移动，拖动四角可以改变大小。选中的热区用方向键移动，按住 Shift 用方向键改变大小。",
    en: () =>
      "Pick an article and drag its hotspot on the scan; drag a hotspot to move it, its corners to resize it. Arrow keys move the selected hotspot; Shift and the arrow keys resize it.",
  }),
  hotspotArticle: text({ "zh-CN": () => "稿件", en: () => "Article" }),
  hotspotOption: text<{ number: string; title: string; drawn: boolean }>({
    "zh-CN": ({ number, title, drawn }) => `${number}. ${title}${drawn ? "" : "（还没有热区）"}`,
    en: ({ number, title, drawn }) => `${number}. ${title}${drawn ? "" : " (no hotspot yet)"}`,
  }),
  hotspotPhotoNews: text({ "zh-CN": () => "图片新闻", en: () => "Photo news" }),
  hotspotSave: text({ "zh-CN": () => "保存", en: () => "Save" }),
  hotspotCancel: text({ "zh-CN": () => "取消", en: () => "Cancel" }),
  hotspotSaving: text({ "zh-CN": () => "正在保存…", en: () => "Saving…" }),
  hotspotUnchanged: text({ "zh-CN": () => "还没有改动。", en: () => "Nothing changed yet." }),
  hotspotPending: text<{ count: string }>({
    "zh-CN": ({ count: articles }) => `改动了 ${articles} 篇稿件的热区，还没有保存。`,
    en: ({ count: articles }) => `${articles} hotspot(s) changed, not saved yet.`,
  }),
  hotspotOffline: text({
    "zh-CN": () => "连不上预览（npm start 还在运行吗？），没有保存。",
    en: () => "The preview did not answer (is npm start still running?); nothing was saved.",
  }),
  portInUse: text<{ port: number }>({
    "zh-CN": ({ port }) => `127.0.0.1 上的端口 ${port} 已被占用；用 PORT 换一个端口，例如 PORT=8081 npm start。`,
    en: ({ port }) => `Port ${port} is already in use on 127.0.0.1; set PORT to another port, e.g. PORT=8081 npm start`,
  }),
  badPort: text<{ value: string }>({
    "zh-CN": ({ value }) => `PORT 要是 1 到 65535 之间的端口号，而不是 ${value}。`,
    en: ({ value }) => `PORT must be a port number from 1 to 65535, not ${value}`,
  }),

  // npm run import
  importUsage: text({
    "zh-CN": () => "用法：npm run import -- <导出文件.txt> | <各版的 PDF 文件…> | <放 PDF 的文件夹> [--force] [--content <目录>]",
    en: () => "Usage: npm run import -- <export.txt> | <版 PDF files…> | <folder of PDFs> [--force] [--content <dir>]",
  }),
  importNoExport: text({ "zh-CN": () => "请给出要导入的排版导出文件。", en: () => "Give the layout export to import." }),
  importOneAtATime: text<{ extra: string[] }>({
    "zh-CN": ({ extra }) => `一次只能导入一个文件；多给了：${extra.join(" ")}。`,
    en: ({ extra }) => `Import one export at a time; also given: ${extra.join(" ")}.`,
  }),
  importExportMissing: text<{ file: string }>({
    "zh-CN": ({ file }) => `没有 ${file} 这个文件。请给出排版导出文件的路径。`,
    en: ({ file }) => `There is no file ${file}. Give the path of the layout export to import.`,
  }),
  importExportUnreadable: text<{ file: string; reason: string }>({
    "zh-CN": ({ file, reason }) => `${file} 读不出来（${reason}）。`,
    en: ({ file, reason }) => `${file} cannot be read (${reason}).`,
  }),
  importFolderWithoutPdf: text<{ folder: string }>({
    "zh-CN": ({ folder }) => `${folder} 里没有 PDF 文件。请给出排版软件输出的各版 PDF，或者放着它们的文件夹。`,
    en: ({ folder }) => `${folder} holds no PDF files. Give the 版 PDFs the layout program exported, or the folder that holds them.`,
  }),
  importPdfsWithOthers: text<{ others: string[] }>({
    "zh-CN": ({ others }) => `各版的 PDF 要单独导入，不能和别的文件一起给：${others.join(" ")}。`,
    en: ({ others }) => `Import 版 PDFs on their own, not with other files: ${others.join(" ")}.`,
  }),
  importWroteScans: text<{ folder: string; scans: number }>({
    "zh-CN": ({ folder, scans }) => `已在 ${folder}/ 里放好 ${scans} 个版的 PDF（page-N.pdf）和由它生成的版面图（page-N.jpg）。`,
    en: ({ folder, scans }) => `Put ${scans} 版 PDFs (page-N.pdf) and the scans rendered from them (page-N.jpg) in ${folder}/.`,
  }),
  importNothingWritten: text({ "zh-CN": () => "什么也没有写入。", en: () => "Nothing was written." }),
  importTargetExists: text<{ target: string }>({
    "zh-CN": ({ target }) => `${target} 已经存在，所以什么也没有写入。如果要用这次导入替换它（在里面做过的修改都会丢失），请加上 --force 再导入一次。`,
    en: ({ target }) =>
      `${target} already exists, so nothing was written. To replace it with this import (any corrections made in it will be lost), run the import again with --force.`,
  }),
  importWrote: text<{ target: string; issue: number; pages: number; items: number }>({
    "zh-CN": ({ target, issue, pages, items }) => `已写入 ${target}：总第${issue}期，${pages} 个版，${items} 篇稿件。`,
    en: ({ target, issue, pages, items }) => `Wrote ${target}: 总第${issue}期, ${pages} 版, ${items} items.`,
  }),
  importChecksHeading: text<{ checks: number }>({
    "zh-CN": ({ checks }) => `请对照报纸核对下面 ${checks} 处判断：`,
    en: ({ checks }) => `Check ${checks === 1 ? "this judgement" : `these ${checks} judgements`} against the printed page:`,
  }),

  // npm run new
  newUsage: text({
    "zh-CN": () => "用法：npm run new -- [--date 年-月-日] [--pages 版数] [--content <目录>]",
    en: () => "Usage: npm run new -- [--date YYYY-MM-DD] [--pages N] [--content <dir>]",
  }),
  newBadDate: text<{ date: string }>({
    "zh-CN": ({ date }) => `--date ${date} 不是“年-月-日”写法的日期，例如 2022-11-02。`,
    en: ({ date }) => `--date ${date} is not a date written as YYYY-MM-DD, e.g. 2022-11-02.`,
  }),
  newNotRealDate: text<{ date: string }>({
    "zh-CN": ({ date }) => `--date ${date}：日历上没有这一天。`,
    en: ({ date }) => `--date ${date} is not a real calendar date.`,
  }),
  newBadPages: text<{ value: string }>({
    "zh-CN": ({ value }) => `--pages ${value} 不是版数（今日N版），例如 4。`,
    en: ({ value }) => `--pages ${value} is not a number of pages (今日N版), e.g. 4.`,
  }),
  newDateTaken: text<{ date: string; existing: string }>({
    "zh-CN": ({ date, existing }) => `${date} 已经有一期了（${existing}），所以什么也没有写入。请编辑那个文件，或者用 --date 年-月-日 换一个日期。`,
    en: ({ date, existing }) =>
      `${date} already has an issue, ${existing}, so nothing was written. Edit that file, or give another date with --date YYYY-MM-DD.`,
  }),
  newWrote: text<{ file: string; number: number; date: string; weekday: string; lunar: string; pages: number }>({
    "zh-CN": ({ file, number, date, weekday, lunar, pages }) => `已写入 ${file}：总第${number}期，${date} ${weekday}，农历${lunar}，${pages} 个版。`,
    en: ({ file, number, date, weekday, lunar, pages }) => `Wrote ${file}: 总第${number}期, ${date} ${weekday}, 农历${lunar}, ${pages} 版.`,
  }),
  newSomeFilesBroken: text({
    "zh-CN": () => "有些期的文件有错误，所以期号是按读得出来的各期推算的；请运行 npm run check。",
    en: () => "Some issue files have errors, so the number was worked out from the issues that could be read; run npm run check.",
  }),
  newNumberTaken: text<{ number: number; file: string }>({
    "zh-CN": ({ number, file }) => `总第${number}期也是 ${file} 的期号；请改正其中一个。`,
    en: ({ number, file }) => `总第${number}期 is also the number of ${file}; correct one of them.`,
  }),
  newNumberGuessed: text<{ date: string; number: number; file: string }>({
    "zh-CN": ({ date, number, file }) => `${date} 之前没有任何一期，所以总第${number}期是按 ${file} 的期号减一得来的；请对照报头核对。`,
    en: ({ date, number, file }) => `No issue comes before ${date}, so 总第${number}期 is one less than ${file}'s; check it against the printed masthead.`,
  }),
  newNextStep: text({
    "zh-CN": () => "请在各版标题下写上稿件（或者用 npm run import -- <导出文件.txt> --force 从排版导出文件填好整期），然后运行 npm run check。",
    en: () =>
      "Write each 版's articles under its heading (or fill it from the layout export with npm run import -- <export.txt> --force), then run npm run check.",
  }),
  /** The comment above the pages of a new issue file: the editor reads it in the file; readers never see it. */
  newIssueGuide: text({
    "zh-CN": () =>
      [
        "每篇稿件写在它所在的版下面：先写 ## 标题，紧接着在下面几行写标签（引题、副题、栏目等），空一行，再写正文（电头在第一段，署名在最后一段）：",
        ...SCAFFOLD_EXAMPLE,
        "也可以用排版导出文件一次填好整期：npm run import -- <导出文件.txt> --force",
        "某个版还没有稿件时，npm run check 会给出警告。完整的写法见 docs/编辑指南.md。",
      ].join("\n"),
    en: () =>
      [
        "Write each article under its 版: a ## title, the labels right under it, a blank line, then the paragraphs (dateline first, byline last):",
        ...SCAFFOLD_EXAMPLE,
        "Or fill the whole issue from the layout export: npm run import -- <export.txt> --force",
        "Until a 版 has articles, npm run check warns about it. The whole format is in docs/编辑指南.md.",
      ].join("\n"),
  }),

  // npm run bench, bench:images (for developers)
  benchUsage: text({
    "zh-CN": () => "用法：npm run bench -- [--sizes 300,1000,4000,11000] [--no-baseline] [--hugo-max 1000] [--search-only] [--work-dir <目录>]",
    en: () => "Usage: npm run bench -- [--sizes 300,1000,4000,11000] [--no-baseline] [--hugo-max 1000] [--search-only] [--work-dir <dir>]",
  }),
  benchImagesUsage: text({
    "zh-CN": () => "用法：npm run bench:images -- [--photos 36] [--width 2400] [--height 1600] [--concurrency N]",
    en: () => "Usage: npm run bench:images -- [--photos 36] [--width 2400] [--height 1600] [--concurrency N]",
  }),

  // npm run audit (for developers)
  auditUsage: text({
    "zh-CN": () => "用法：npm run audit -- [--content <目录>] [--only search,people]（只测所列的页面类型）",
    en: () => "Usage: npm run audit -- [--content <dir>] [--only search,people] (only the page types listed)",
  }),
  auditPage: text<{ pageType: string; path: string }>({
    "zh-CN": ({ pageType, path }) => `正在用 Lighthouse 测 ${pageType}页面 ${path}……`,
    en: ({ pageType, path }) => `Lighthouse on the ${pageType} page ${path}…`,
  }),
  auditNotBuilt: text({
    "zh-CN": () => "报纸没有构建成功，无法测量。",
    en: () => "The archive did not build, so nothing was measured.",
  }),
  auditScores: text<{ pageType: string; path: string; performance: number; accessibility: number; "best-practices": number; seo: number }>({
    "zh-CN": (scores) =>
      `${scores.pageType}（${scores.path}）：性能 ${scores.performance}，无障碍 ${scores.accessibility}，最佳做法 ${scores["best-practices"]}，SEO ${scores.seo}`,
    en: (scores) =>
      `${scores.pageType} (${scores.path}): performance ${scores.performance}, accessibility ${scores.accessibility}, best practices ${scores["best-practices"]}, SEO ${scores.seo}`,
  }),
  auditPassed: text<{ score: number }>({
    "zh-CN": ({ score }) => `每个页面的每一项都达到 ${score} 分。`,
    en: ({ score }) => `Every score of every page is ${score} or more.`,
  }),
  auditBelow: text<{ score: number; below: string[] }>({
    "zh-CN": ({ score, below }) => `低于 ${score} 分：${below.join("；")}。`,
    en: ({ score, below }) => `Below ${score}: ${below.join("; ")}.`,
  }),

  // npm run deploy
  deployUsage: text({
    "zh-CN": () => "用法：npm run deploy -- <目标> [--site <目录>]（目标：本机文件夹、ssh://用户@主机:端口/路径、用户@主机:/路径，或 rclone 远端 名称:路径）",
    en: () =>
      "Usage: npm run deploy -- <target> [--site <dir>] (target: a folder here, ssh://user@host:port/path, user@host:/path, or an rclone remote name:path)",
  }),
  deployStep: text<{ step: "assets" | "newPages" | "changedPages" | "entryPoints" | "deletions" | "manifest"; files: number; bytes: number }>({
    "zh-CN": ({ step, files, bytes }) =>
      `${{ assets: "上传资源和搜索索引", newPages: "上传新页面", changedPages: "上传改动的页面", entryPoints: "上传入口（首页、搜索页、索引入口、订阅和站点地图）", deletions: "删除网站已不再有的文件", manifest: "上传文件清单" }[step]}：${files} 个文件${step === "deletions" ? "" : `，${megabytes(bytes)} MB`}…`,
    en: ({ step, files, bytes }) =>
      `${{ assets: "Sending assets and search bundles", newPages: "Sending new pages", changedPages: "Sending changed pages", entryPoints: "Sending entry points (home, search, bundle entries, feeds, sitemaps)", deletions: "Removing files the site no longer has", manifest: "Sending the manifest" }[step]}: ${count(files, "file")}${step === "deletions" ? "" : `, ${megabytes(bytes)} MB`}…`,
  }),
  deployDone: text<{ target: string; sent: number; bytes: number; removed: number; unchanged: number; seconds: number; first: boolean }>({
    "zh-CN": ({ target, sent, bytes, removed, unchanged, seconds: time, first }) =>
      `已发布到 ${target}${first ? "（第一次发布，全部上传）" : ""}：上传 ${sent} 个文件，${megabytes(bytes)} MB，删除 ${removed} 个，${unchanged} 个没有改动，用时 ${seconds(time)} 秒。`,
    en: ({ target, sent, bytes, removed, unchanged, seconds: time, first }) =>
      `Deployed to ${target}${first ? " (the first deploy: everything sent)" : ""}: ${count(sent, "file")} sent, ${megabytes(bytes)} MB, ${removed} removed, ${unchanged} unchanged, in ${seconds(time)} s.`,
  }),
  deployNotDone: text<{ target: string }>({
    "zh-CN": ({ target }) => `没有发布完：${target} 上的文件清单还是上一次发布的，改正后再运行一次，会接着传完。`,
    en: ({ target }) => `The deploy did not finish: ${target} still has the last deploy's manifest; once corrected, run it again and it finishes.`,
  }),

  // Every command's command line.
  unknownOption: text<{ option: string }>({
    "zh-CN": ({ option }) => `不认识的选项 ${option}。`,
    en: ({ option }) => `Unknown option ${option}.`,
  }),
  optionNeedsValue: text<{ option: string }>({
    "zh-CN": ({ option }) => `选项 ${option} 后面要写一个值。`,
    en: ({ option }) => `The option ${option} needs a value.`,
  }),
  unexpectedArgument: text<{ argument: string }>({
    "zh-CN": ({ argument }) => `多出了参数 ${argument}。`,
    en: ({ argument }) => `Unexpected argument ${argument}.`,
  }),
  commandLineNotRead: text<{ reason: string }>({
    "zh-CN": ({ reason }) => `命令行读不懂：${reason}`,
    en: ({ reason }) => `The command line could not be read: ${reason}`,
  }),
} as const;

export type TextKey = keyof typeof TEXTS;

export type TextFacts<K extends TextKey> = (typeof TEXTS)[K] extends Texts<infer Facts> ? Facts : never;

/** The text `key` in `language`, told with `facts`. */
// biome-ignore lint/suspicious/noConfusingVoidType: a text without facts is declared with void, and this is where the call drops the argument for it
export function say<K extends TextKey>(language: Language, key: K, ...facts: [TextFacts<K>] extends [void] ? [] : [TextFacts<K>]): string {
  return (TEXTS[key][language] as (facts: unknown) => string)(facts[0]);
}
