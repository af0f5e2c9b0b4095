// `npm run import -- <export.txt> | <版.pdf>… | <folder of PDFs> [--force] [--content <dir>]`: converts a layout export, or the 版 PDFs a
// layout program exports (with page-N.pdf and a scan of each beside the issue), into issues/<YYYY>/<YYYY-MM-DD>.md, checks it with the
// pipeline, and lists what the editor must check against the printed page (src/import/import-file.ts).
import path from "node:path";
import { contentRootOf, printProblems, readCommandLine, stop } from "../src/cli.ts";
import { loadConfig } from "../src/content/config.ts";
import { shownPath } from "../src/util/shown.ts";
import { importExportFile, importPdfFiles, type ImportOutcome } from "../src/import/import-file.ts";
import { pdfPathsOf } from "../src/import/pdf-files.ts";
import { describeJudgement } from "../src/messages/judgements.ts";
import { say } from "../src/messages/texts.ts";
import { hasErrors } from "../src/problems.ts";

const { values, positionals } = readCommandLine({ force: { type: "boolean" }, content: { type: "string" } }, "importUsage", { positionals: true });
const contentRoot = contentRootOf(values.content);
const configFile = loadConfig(contentRoot);
const { language } = configFile;
const usage = say(language, "importUsage");
const [exportFile, ...extra] = positionals;
if (!exportFile) stop(`${say(language, "importNoExport")}\n${usage}`);

const force = values.force ?? false;
const pdfPaths = await pdfPathsOf(positionals.map((given) => path.resolve(given)));
let outcome: ImportOutcome & { scans?: string[] };
if (pdfPaths.kind === "pdfs") {
  outcome = await importPdfFiles({ pdfPaths: pdfPaths.paths, shown: shownPath, contentRoot, configFile, force });
} else if (pdfPaths.kind === "mixed") {
  stop(`${say(language, "importPdfsWithOthers", { others: pdfPaths.others.map(shownPath) })}\n${usage}`);
} else if (pdfPaths.kind === "emptyFolder") {
  stop(`${say(language, "importFolderWithoutPdf", { folder: shownPath(pdfPaths.folder) })}\n${usage}`);
} else {
  if (extra.length > 0) stop(`${say(language, "importOneAtATime", { extra })}\n${usage}`);
  const exportPath = path.resolve(exportFile);
  outcome = await importExportFile({ exportPath, exportName: shownPath(exportPath), contentRoot, configFile, force });
}
switch (outcome.outcome) {
  // biome-ignore lint/suspicious/noFallthroughSwitchClause: stop() ends the process (its type is never)
  case "noExport":
    stop(
      outcome.missing
        ? `${say(language, "importExportMissing", { file: exportFile })}\n${usage}`
        : say(language, "importExportUnreadable", { file: exportFile, reason: outcome.reason }),
    );
  // biome-ignore lint/suspicious/noFallthroughSwitchClause: stop() ends the process (its type is never)
  case "refused":
    printProblems(outcome.problems, language);
    stop(say(language, "importNothingWritten"));
  // biome-ignore lint/suspicious/noFallthroughSwitchClause: stop() ends the process (its type is never)
  case "exists":
    stop(say(language, "importTargetExists", { target: shownPath(outcome.target) }));
  case "written": {
    const { result, problems } = outcome;
    const target = shownPath(outcome.target);
    const items = result.issue.pages.reduce((sum, page) => sum + page.articles.length, 0);
    console.log(say(language, "importWrote", { target, issue: result.issue.masthead.issue, pages: result.issue.pages.length, items }));
    if (outcome.scans)
      console.log(
        say(language, "importWroteScans", {
          folder: shownPath(path.join(path.dirname(outcome.target), path.basename(outcome.target, ".md"))),
          scans: outcome.scans.length,
        }),
      );
    printProblems(problems, language);
    if (result.checks.length > 0) {
      console.log(say(language, "importChecksHeading", { checks: result.checks.length }));
      for (const check of result.checks) console.log(`${target}:${check.line}: ${describeJudgement(check.judgement, language)}`);
    }
    if (hasErrors(problems)) process.exit(1);
  }
}
