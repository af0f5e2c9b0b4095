// `npm run check`: checks every issue file without building, and prints each problem as file:line, field, what is wrong and what to do.
import { contentRootOf, printProblems, readCommandLine } from "../src/cli.ts";
import { checkArchive } from "../src/build/check-archive.ts";
import { say } from "../src/messages/texts.ts";
import { hasErrors } from "../src/problems.ts";

const { values } = readCommandLine({ content: { type: "string" }, cache: { type: "string" }, "allow-empty": { type: "boolean" } }, "checkUsage");
const archive = await checkArchive(contentRootOf(values.content), {
  allowEmpty: values["allow-empty"] ?? false,
  ...(values.cache && { cacheDir: values.cache }),
});
const { language } = archive;
printProblems(archive.problems, language);
if (hasErrors(archive.problems)) process.exit(1);
console.log(say(language, "checkPassed", { issues: archive.issues.length, warnings: archive.problems.length > 0 }));
