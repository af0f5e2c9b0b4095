// `npm run build`: checks every issue, then builds the site and its search index into _site (src/build/build.ts), and says what it did.
import path from "node:path";
import { contentRootOf, printProblems, readCommandLine } from "../src/cli.ts";
import { shownPath } from "../src/util/shown.ts";
import { buildSite } from "../src/build/build.ts";
import { say } from "../src/messages/texts.ts";
import { projectRoot } from "../src/project.ts";

const started = performance.now();
const { values } = readCommandLine(
  {
    content: { type: "string" },
    output: { type: "string" },
    cache: { type: "string" },
    full: { type: "boolean" },
    verbose: { type: "boolean" },
    "allow-empty": { type: "boolean" },
    verify: { type: "boolean" },
    "manifest-only": { type: "boolean" },
  },
  "buildUsage",
);
const output = shownPath(path.resolve(values.output ?? path.join(projectRoot, "_site")));
const result = await buildSite({
  contentRoot: contentRootOf(values.content),
  verbose: values.verbose ?? false,
  skipWhenUnchanged: !values.full,
  allowEmpty: values["allow-empty"] ?? false,
  manifestOnly: values["manifest-only"] ?? false,
  verify: (values.verify ?? false) || (values.full ?? false),
  onWait: (pid, language) => console.error(say(language, "buildWaiting", { pid })),
  ...(values.output && { outputDir: values.output }),
  ...(values.cache && { cacheDir: values.cache }),
});
const { language } = result;
printProblems(result.problems, language);
if (!result.ok) {
  console.error(say(language, "siteNotBuilt", { output }));
  process.exit(1);
}
const seconds = (performance.now() - started) / 1000;
if (result.unchanged) {
  console.log(say(language, "buildUnchanged", { output, seconds }));
} else {
  const images = result.images ?? { encoded: 0, reused: 0 };
  console.log(say(language, "buildDone", { pages: result.writtenCount, searchable: result.searchRecordCount ?? 0, ...images, output, seconds }));
  if (result.seconds && result.parts && result.bundles) {
    console.log(say(language, "buildStages", result.seconds));
    console.log(
      say(language, "buildParts", {
        rendered: result.parts.rendered,
        parts: result.parts.total,
        indexed: result.bundles.indexed,
        bundles: result.bundles.total,
      }),
    );
  }
}
