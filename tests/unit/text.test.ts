// The one BOM rule (src/util/text.ts): issue files, layout exports and baoku.config.json lose a leading byte order mark the same way,
// and no other module strips one itself.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { readConfig } from "../../src/content/config.ts";
import { readIssueSource } from "../../src/content/read.ts";
import { decodeExport } from "../../src/import/export-text.ts";
import { projectRoot } from "../../src/project.ts";
import { textLines, withoutBom } from "../../src/util/text.ts";

const BOM = "\uFEFF";

test("should drop one leading byte order mark and write every line ending as \\n", () => {
  assert.equal(withoutBom(`${BOM}东昌府讯`), "东昌府讯");
  assert.equal(withoutBom(`东昌府讯${BOM}`), `东昌府讯${BOM}`, "a BOM inside the text is the invisible-character check's");
  assert.equal(textLines(`${BOM}a\r\nb\rc\n`), "a\nb\nc\n");
});

test("should read an issue file, an export and the configuration written with a BOM as without one", async () => {
  const config = await readFile(path.join(projectRoot, "baoku.config.json"), "utf8");
  assert.deepEqual(readConfig(BOM + config, {}), readConfig(config, {}));
  const issue = "---\nissue: 1480\ndate: 2022-11-01\nlunar: 壬寅年十月初八\npages: 1\n---\n\n# 第1版\n";
  const encode = (text: string) => new TextEncoder().encode(text);
  assert.deepEqual(readIssueSource("issues/2022/2022-11-01.md", encode(BOM + issue)), readIssueSource("issues/2022/2022-11-01.md", encode(issue)));
  assert.equal(decodeExport(encode(`${BOM}东昌府讯\r\n总第1480期`), "export.txt"), "东昌府讯\n总第1480期");
});

test("should strip a byte order mark nowhere but in src/util/text.ts", async () => {
  const entries = await readdir(path.join(projectRoot, "src"), { recursive: true, withFileTypes: true });
  const stripping: string[] = [];
  for (const entry of entries.filter((each) => each.isFile() && each.name.endsWith(".ts"))) {
    const file = path.join(entry.parentPath, entry.name);
    // A BOM matched at the start of text, or named on its own to be cut off; the invisible characters' class only finds one.
    if (/\^\\uFEFF|["'`]\\uFEFF["'`]/i.test(await readFile(file, "utf8"))) stripping.push(path.relative(projectRoot, file));
  }
  assert.deepEqual(stripping, ["src/util/text.ts"]);
});
