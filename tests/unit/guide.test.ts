// The editors' guide (docs/编辑指南.md): its list of problems is what the catalogue makes, every kind is in it once, every label word the
// parser accepts is documented, and the README points to it on its first screen.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { GUIDE_FILE, GUIDE_SECTIONS, withProblemReference } from "../../src/messages/guide.ts";
import { PROBLEMS } from "../../src/messages/catalogue.ts";
import { LABELS } from "../../src/content/labels.ts";
import { projectRoot } from "../../src/project.ts";

const guide = await readFile(path.join(projectRoot, GUIDE_FILE), "utf8");

test("should hold the list of problems the catalogue makes now (run npm run guide after changing the catalogue)", () => {
  assert.equal(guide, withProblemReference(guide));
});

test("should list every problem kind in exactly one section of the guide", () => {
  const listed = GUIDE_SECTIONS.flatMap((section) => section.kinds);
  assert.deepEqual([...listed].sort(), Object.keys(PROBLEMS).sort());
  assert.equal(new Set(listed).size, listed.length);
  for (const kind of Object.keys(PROBLEMS)) assert.ok(guide.includes(`\`${kind}\``), `${kind} is not in the guide`);
});

test("should document every word accepted for a label", () => {
  for (const word of Object.values(LABELS).flat()) assert.ok(guide.includes(`\`${word}`), `${word} is accepted but not in the guide`);
});

test("should be linked from the README's first screen", async () => {
  const firstScreen = (await readFile(path.join(projectRoot, "README.md"), "utf8")).split("\n").slice(0, 12).join("\n");
  assert.match(firstScreen, /\]\(docs\/编辑指南\.md\)/);
});
