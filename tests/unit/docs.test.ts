// The README is a first screen that leads on to docs/: every link in them resolves (a file, and a heading for an #anchor), the quick start
// is the two commands, each command is one line, and the architecture page names every folder of src/.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { projectRoot } from "../../src/project.ts";

const docsDir = path.join(projectRoot, "docs");
const markdownFiles = [
  path.join(projectRoot, "README.md"),
  ...(await readdir(docsDir)).filter((name) => name.endsWith(".md")).map((name) => path.join(docsDir, name)),
];

/** The text of a Markdown file without its fenced code blocks and code spans, where a link is an example, not a link. */
function proseOf(markdown: string): string {
  return markdown.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, "").replace(/`[^`\n]*`/g, "");
}

/** The anchors GitHub gives a file's headings: lower case, punctuation dropped, spaces as hyphens, a repeated one numbered. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const [, heading] of markdown.replace(/^```[^\n]*\n[\s\S]*?^```$/gm, "").matchAll(/^#{1,6} (.+)$/gm)) {
    const text = heading!.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/`/g, "");
    const slug = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, "")
      .replace(/ /g, "-");
    const count = seen.get(slug) ?? 0;
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
    seen.set(slug, count + 1);
  }
  return anchors;
}

/** Every inline link of a file's prose: its target as written. */
function linksOf(markdown: string): string[] {
  return [...proseOf(markdown).matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((match) => match[1]!);
}

test("should resolve every link in the README and docs/ to a file, and every #anchor to a heading of it", async () => {
  const broken: string[] = [];
  let checked = 0;
  for (const file of markdownFiles) {
    const markdown = await readFile(file, "utf8");
    for (const link of linksOf(markdown)) {
      if (/^[a-z][a-z+.-]*:/i.test(link)) continue;
      checked++;
      const [target = "", anchor] = decodeURI(link).split("#");
      const targetFile = target === "" ? file : path.resolve(path.dirname(file), target);
      const where = `${path.relative(projectRoot, file)}: ${link}`;
      if (!existsSync(targetFile)) broken.push(`${where} (no such file)`);
      else if (anchor && targetFile.endsWith(".md") && !anchorsOf(await readFile(targetFile, "utf8")).has(anchor)) broken.push(`${where} (no such heading)`);
    }
  }
  assert.deepEqual(broken, []);
  assert.ok(checked > 20, `${checked} links checked`);
});

test("should find a broken link and a missing heading, so the check above can fail", () => {
  assert.deepEqual(linksOf('[a](docs/none.md) `[b](c.md)`\n```\n[d](e.md)\n```\n[f](g.md#h "title")'), ["docs/none.md", "g.md#h"]);
  assert.deepEqual(
    [...anchorsOf("# The site\n## What a deploy sends\n## 出了问题怎么办\n## Open data: feeds, sitemaps\n## The site")],
    ["the-site", "what-a-deploy-sends", "出了问题怎么办", "open-data-feeds-sitemaps", "the-site-1"],
  );
});

test("should keep the README a first screen: the two quick-start commands, one line a command, and links onward", async () => {
  const readme = await readFile(path.join(projectRoot, "README.md"), "utf8");
  const lines = readme.split("\n");
  const quickStart = readme.slice(readme.indexOf("## Quick start"), readme.indexOf("## Commands"));
  assert.match(quickStart, /^npm ci && npm start\s+#/m);
  assert.match(quickStart, /^npm test\s+#/m);
  assert.ok(lines.length <= 45, `${lines.length} lines: a 1366×900 window shows about 45`);
  const rows = lines.filter((line) => line.startsWith("| `npm"));
  assert.ok(rows.length >= 8, "every command has its row");
  for (const row of rows) assert.ok(row.length <= 160, `one line a command: ${row.slice(0, 60)}… is ${row.length} characters`);
  for (const page of ["commands", "issue-file", "configuration", "problems", "site", "API", "publishing", "architecture", "BENCHMARKS", "dependencies"]) {
    assert.ok(readme.includes(`(docs/${page}.md)`), `the README links to docs/${page}.md`);
  }
});

test("should name every folder of src/ in the architecture page", async () => {
  const architecture = await readFile(path.join(docsDir, "architecture.md"), "utf8");
  const folders = (await readdir(path.join(projectRoot, "src"), { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  assert.ok(folders.length >= 8);
  assert.deepEqual(
    folders.filter((folder) => !new RegExp(`^\\s+${folder}/\\s`, "m").test(architecture)),
    [],
  );
});
