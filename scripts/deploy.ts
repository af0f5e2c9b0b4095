// `npm run deploy -- <target>`: sends what changed in the built site since the last deploy to a folder, a server over SSH or object
// storage (src/deploy/), and says what it sent; a failure is told as a problem with what to do, with exit code 1, or 3 when a whole
// build would mend it (DeployFilesNotInCache).
import path from "node:path";
import { printProblems, projectRoot, readCommandLine, stop } from "../src/cli.ts";
import { loadConfig } from "../src/content/config.ts";
import { shownPath } from "../src/util/shown.ts";
import { deploySite } from "../src/deploy/deploy.ts";
import { systemFailure } from "../src/deploy/transport.ts";
import { ProblemsError } from "../src/problems.ts";
import { say } from "../src/messages/texts.ts";

const { values, positionals } = readCommandLine({ site: { type: "string" } }, "deployUsage", { positionals: true });
const { language } = loadConfig(projectRoot);
if (positionals.length !== 1) stop(say(language, "deployUsage"));
const target = positionals[0]!;
try {
  const result = await deploySite({
    siteDir: path.resolve(values.site ?? path.join(projectRoot, "_site")),
    target,
    onStep: (step, files, bytes) => console.log(say(language, "deployStep", { step, files, bytes })),
  });
  console.log(say(language, "deployDone", { ...result, first: result.firstDeploy }));
} catch (error) {
  const failure = error instanceof ProblemsError ? error : systemFailure(error, target);
  if (!failure) throw error;
  printProblems([{ ...failure.problem, file: shownPath(failure.problem.file) }], language);
  console.error(say(language, "deployNotDone", { target }));
  // 3: a site of the manifest only whose cache lacks files the target lacks too, which a whole build mends (the workflow does so).
  process.exit(failure.problem.kind === "DeployFilesNotInCache" ? 3 : 1);
}
