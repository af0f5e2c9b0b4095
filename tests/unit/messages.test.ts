// The catalogue of messages: every problem kind, judgement and text exists in Chinese and in English, reads as a sentence in each, is
// raised somewhere, and no message is written anywhere else (a scan of the code's syntax for sentences handed to the terminal or to errors).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import ts from "typescript";
import { LANGUAGES, runLanguage, languageNamed } from "../../src/messages/language.ts";
import { PROBLEMS, type ProblemDefinition } from "../../src/messages/catalogue.ts";
import { JUDGEMENTS } from "../../src/messages/judgements.ts";
import { TEXTS } from "../../src/messages/texts.ts";
import { formatProblem } from "../../src/messages/report.ts";
import { KINDS, problem, type Problem, type ProblemKind } from "../../src/problems.ts";
import { projectRoot } from "../../src/project.ts";

const HAN = /\p{Script=Han}/u;
const BROKEN = /undefined|\[object Object\]|NaN|null(?![\w-])/;

/** Every example of every kind, as the problem a call site would make. */
function examples(): Problem[] {
  return (Object.entries(PROBLEMS) as unknown as [ProblemKind, ProblemDefinition<never>][]).flatMap(([kind, definition]) =>
    definition.examples.map((example) => problem(kind, example, example.facts as never) as Problem),
  );
}

test("should give every problem kind a severity, and a title, message and hint in Chinese and in English", () => {
  assert.deepEqual(Object.keys(PROBLEMS).sort(), Object.keys(KINDS).sort(), "the catalogue words every kind the record names, and no other");
  for (const [kind, definition] of Object.entries(PROBLEMS) as [ProblemKind, ProblemDefinition<unknown>][]) {
    assert.ok(KINDS[kind].severity === "error" || KINDS[kind].severity === "warning", kind);
    for (const language of LANGUAGES) {
      assert.equal(typeof definition.title[language], "string", `${kind} has no ${language} title`);
      assert.ok(definition.title[language].length > 0, `${kind} has an empty ${language} title`);
      assert.equal(typeof definition.message[language], "function", `${kind} has no ${language} message`);
      assert.equal(typeof definition.hint[language], "function", `${kind} has no ${language} hint`);
    }
    assert.ok(definition.examples.length > 0, `${kind} has no example`);
  }
});

test("should render every example of every kind as a sentence in each language, Chinese in Chinese", () => {
  for (const found of examples()) {
    const definition = PROBLEMS[found.kind] as ProblemDefinition<unknown>;
    const zh = { message: definition.message["zh-CN"](found.facts), hint: definition.hint["zh-CN"](found.facts) };
    const en = { message: definition.message.en(found.facts), hint: definition.hint.en(found.facts) };
    for (const [language, text] of [
      ["zh-CN", zh.message],
      ["zh-CN", zh.hint],
      ["en", en.message],
      ["en", en.hint],
    ] as const) {
      assert.doesNotMatch(text, BROKEN, `${found.kind} (${language}) reads “${text}”`);
      assert.match(text, language === "zh-CN" ? /[。？]$/ : /[.?!)]$/, `${found.kind} (${language}) does not end a sentence: “${text}”`);
    }
    assert.match(zh.message, HAN, `${found.kind}: the Chinese message has no Chinese`);
    assert.match(zh.hint, HAN, `${found.kind}: the Chinese hint has no Chinese`);
    assert.doesNotMatch(zh.message + zh.hint, /\b(?:is|the|must|Write|Add|Check)\b/, `${found.kind}: English words in the Chinese text`);
    assert.notEqual(zh.message, en.message, found.kind);
    assert.match(formatProblem(found, "zh-CN"), new RegExp(`^(错误|警告) ${found.file.replace(/[.]/g, "\\.")}.* \\[${found.kind}\\]$`));
    assert.match(formatProblem(found, "en"), new RegExp(`^(error|warning) ${found.file.replace(/[.]/g, "\\.")}.* \\[${found.kind}\\]$`));
  }
});

test("should have every judgement and every text in Chinese and in English", () => {
  for (const [name, texts] of [...Object.entries(JUDGEMENTS), ...Object.entries(TEXTS)] as [string, Record<string, unknown>][]) {
    for (const language of LANGUAGES) assert.equal(typeof texts[language], "function", `${name} has no ${language} text`);
    assert.deepEqual(Object.keys(texts).sort(), [...LANGUAGES].sort(), `${name} has a text in a language Baoku does not speak`);
  }
});

test("should choose Chinese unless the configuration or BAOKU_LANG says otherwise", () => {
  assert.equal(runLanguage(undefined, {}), "zh-CN");
  assert.equal(runLanguage("en", {}), "en");
  assert.equal(runLanguage("fr", {}), "zh-CN");
  assert.equal(runLanguage("en", { BAOKU_LANG: "zh_CN.UTF-8" }), "zh-CN");
  assert.equal(runLanguage("zh-CN", { BAOKU_LANG: "en" }), "en");
  assert.equal(runLanguage("zh-CN", { BAOKU_LANG: "" }), "zh-CN");
  assert.equal(languageNamed("en-GB"), "en");
  assert.equal(languageNamed("de"), undefined);
});

/** Every .ts file below `dir`, relative to the project root. */
async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(path.join(projectRoot, dir), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".ts"))
    .map((entry) => path.relative(projectRoot, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/** Where sentences may be written: the catalogue itself, and the benchmarks, which are developers' tools and speak English. */
const MAY_WRITE_SENTENCES = /^(src\/messages\/|src\/bench\/|scripts\/bench)/;

/** Calls whose arguments reach the person at the terminal, or an error's message. */
const SPEAKING_CALLS = new Set(["console.log", "console.error", "console.warn", "console.info", "process.stdout.write", "process.stderr.write", "stop"]);

/** Whether a node is or contains text with a letter in it: a sentence being written. */
function writesWords(node: ts.Node): boolean {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return /\p{L}{2,}/u.test(node.text);
  if (ts.isTemplateExpression(node)) return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].some((part) => /\p{L}{2,}/u.test(part));
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) return writesWords(node.left) || writesWords(node.right);
  if (ts.isParenthesizedExpression(node) || ts.isConditionalExpression(node)) return node.getChildren().some(writesWords);
  return false;
}

/** Each place in `file` that writes a message itself instead of naming it in the catalogue, as `file:line: what`. */
function messagesWrittenIn(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  const at = (node: ts.Node, what: string) => found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${what}`);
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && SPEAKING_CALLS.has(node.expression.getText(source)) && node.arguments.some(writesWords)) {
      at(node, `${node.expression.getText(source)}(…) writes a sentence`);
    }
    if (ts.isNewExpression(node) && /Error$/.test(node.expression.getText(source)) && node.arguments?.some(writesWords)) {
      at(node, `new ${node.expression.getText(source)}(…) writes a sentence`);
    }
    if (ts.isObjectLiteralExpression(node)) {
      const names = new Set(node.properties.map((property) => property.name?.getText(source)));
      for (const property of node.properties) {
        if (
          ts.isPropertyAssignment(property) &&
          ["message", "fix", "hint", "why"].includes(property.name.getText(source)) &&
          writesWords(property.initializer)
        ) {
          at(property, `a ${property.name.getText(source)} written in place`);
        }
      }
      if (names.has("kind") && names.has("severity") && file !== "src/problems.ts") at(node, "a problem made by hand instead of with problem()");
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

test("should write no message outside the catalogue", async () => {
  const files = [...(await sourceFiles("src")), ...(await sourceFiles("scripts"))].filter((file) => !MAY_WRITE_SENTENCES.test(file));
  assert.ok(files.length > 40, "the scan sees the code");
  const found: string[] = [];
  for (const file of files) found.push(...messagesWrittenIn(file, await readFile(path.join(projectRoot, file), "utf8")));
  assert.deepEqual(found, []);
});

test("should catch a message written in place, so the scan above can fail", () => {
  const written = messagesWrittenIn(
    "src/example.ts",
    [
      "console.error(`The site was not built; ${output} is unchanged.`);",
      'throw new Error("网站没有构建");',
      'const found = { kind: "MissingField", severity: "error", file, message: "x" };',
      'console.log(say(language, "siteNotBuilt", { output }));',
      "console.log(`${target}:${line}: ${why}`);",
    ].join("\n"),
  );
  assert.deepEqual(
    written.map((line) => line.replace(/: .*/, "")),
    ["src/example.ts:1", "src/example.ts:2", "src/example.ts:3"],
  );
});

test("should raise every problem kind and record every judgement somewhere in the code", async () => {
  const code = (
    await Promise.all(
      [...(await sourceFiles("src")), ...(await sourceFiles("scripts"))]
        .filter((file) => !file.startsWith("src/messages/"))
        .map((file) => readFile(path.join(projectRoot, file), "utf8")),
    )
  ).join("\n");
  const unused = [...Object.keys(PROBLEMS), ...Object.keys(JUDGEMENTS)].filter((kind) => !code.includes(`"${kind}"`));
  assert.deepEqual(unused, [], "kinds in the catalogue that nothing raises");
});
