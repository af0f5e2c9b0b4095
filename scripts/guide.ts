// `npm run guide`: writes the list of problems in the editors' guide (docs/编辑指南.md) anew from the catalogue (src/messages/guide.ts).
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { GUIDE_FILE, withProblemReference } from "../src/messages/guide.ts";
import { projectRoot } from "../src/project.ts";

const file = path.join(projectRoot, GUIDE_FILE);
await writeFile(file, withProblemReference(await readFile(file, "utf8")));
console.log(GUIDE_FILE);
