// `npm start`: builds the archive, serves it at http://localhost:8080 with live reload, and rebuilds it whenever something it is built from changes.
import path from "node:path";
import { contentRootOf, readCommandLine, stop } from "../src/cli.ts";
import { loadConfig } from "../src/content/config.ts";
import { say } from "../src/messages/texts.ts";
import { preview } from "../src/preview/preview.ts";
import { projectRoot } from "../src/project.ts";

const { values } = readCommandLine({ content: { type: "string" }, output: { type: "string" }, verbose: { type: "boolean" } }, "startUsage");
const contentRoot = contentRootOf(values.content);
const configFile = loadConfig(contentRoot);
const { language } = configFile;
const port = Number(process.env.PORT || 8080);
if (!Number.isInteger(port) || port < 1 || port > 65535) stop(say(language, "badPort", { value: String(process.env.PORT) }));
await preview({
  contentRoot,
  outputDir: path.resolve(values.output ?? path.join(projectRoot, "_site")),
  port,
  verbose: values.verbose ?? false,
  configFile,
});
