import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { writeSyntheticArchive, syntheticDate, syntheticIssue, bundledText } from "../src/bench/synthetic-archive.ts";
import { issueFileOf } from "../src/paths.ts";
const root = "/tmp/syn100";
if (process.argv[2] === "add") {
  const index = Number(process.argv[3]);
  const date = syntheticDate("1995-01-01", index);
  const file = path.join(root, issueFileOf(date));
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, syntheticIssue(await bundledText(), index + 1, date));
  console.log(date);
} else await writeSyntheticArchive(root, { issues: Number(process.argv[2]) });
