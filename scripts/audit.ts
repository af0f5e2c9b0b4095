// `npm run audit -- [--content <dir>] [--only <type,…>]`: Lighthouse's four scores for every page type of the archive (or those named),
// built afresh (src/audit/lighthouse.ts); exits 1 when a score is below the bar. For developers, outside npm test.
import { contentRootOf, printProblems, readCommandLine } from "../src/cli.ts";
import { loadConfig } from "../src/content/config.ts";
import { auditArchive, AUDIT_CATEGORIES, PASSING_SCORE } from "../src/audit/lighthouse.ts";
import { say } from "../src/messages/texts.ts";

const { values } = readCommandLine({ content: { type: "string" }, only: { type: "string" } }, "auditUsage");
const contentRoot = contentRootOf(values.content);
const configFile = loadConfig(contentRoot);
const { language } = configFile;
const only = (values.only ?? "")
  .split(",")
  .map((pageType) => pageType.trim())
  .filter(Boolean);
const { build, pages } = await auditArchive({
  contentRoot,
  configFile,
  only,
  onPage: (pageType, path) => console.error(say(language, "auditPage", { pageType, path })),
});
printProblems(build.problems, build.language);
if (!build.ok) {
  console.error(say(build.language, "auditNotBuilt"));
  process.exit(1);
}
for (const page of pages) console.log(say(language, "auditScores", { pageType: page.pageType, path: page.path, ...page.scores }));
const below = pages.flatMap((page) =>
  AUDIT_CATEGORIES.filter((category) => page.scores[category] < PASSING_SCORE).map((category) => `${page.pageType} ${category} ${page.scores[category]}`),
);
console.log(below.length ? say(language, "auditBelow", { score: PASSING_SCORE, below }) : say(language, "auditPassed", { score: PASSING_SCORE }));
process.exit(below.length ? 1 : 0);
