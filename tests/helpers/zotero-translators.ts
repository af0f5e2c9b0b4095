// Runs the item-type detection of Zotero's own Embedded Metadata translator, and of the RDF translator it loads, on a page's HTML: the
// translators' source from a checkout of zotero/translators (ZOTERO_TRANSLATORS), each in a context of its own with as much of Zotero's
// translator environment as detection uses (a triple store for the RDF statements, the item types, a DOM over node-html-parser).
import { readFile } from "node:fs/promises";
import path from "node:path";
import vm from "node:vm";
import { parse, type HTMLElement } from "node-html-parser";

/** Zotero's item types (zotero/zotero-schema), which ZU.itemTypeExists knows. */
const ITEM_TYPES = new Set([
  "artwork", "attachment", "audioRecording", "bill", "blogPost", "book", "bookSection", "case", "computerProgram", "conferencePaper", "dataset",
  "dictionaryEntry", "document", "email", "encyclopediaArticle", "film", "forumPost", "hearing", "instantMessage", "interview", "journalArticle",
  "letter", "magazineArticle", "manuscript", "map", "newspaperArticle", "note", "patent", "podcast", "preprint", "presentation", "radioBroadcast",
  "report", "standard", "statute", "thesis", "tvBroadcast", "videoRecording", "webpage",
]);

/** A translator's code without its JSON header and its test cases. */
async function translatorCode(checkout: string, file: string): Promise<string> {
  const source = await readFile(path.join(checkout, file), "utf8");
  const body = source.slice(source.indexOf("\n}\n") + 3);
  const tests = body.indexOf("/** BEGIN TEST CASES **/");
  return tests < 0 ? body : body.slice(0, tests);
}

type Node = string | { uri: string };
const uriOf = (node: Node) => (typeof node === "string" ? node : node.uri);

/** The part of Zotero.RDF the RDF translator's detection calls, over statements in memory. */
function tripleStore() {
  const statements: { subject: string; predicate: string; object: Node }[] = [];
  const found = <T>(values: T[]) => (values.length ? values : false);
  return {
    addStatement(subject: Node, predicate: Node, object: string, literal: boolean) {
      statements.push({ subject: uriOf(subject), predicate: uriOf(predicate), object: literal ? object : { uri: object } });
    },
    getAllResources: () => [...new Set(statements.map((statement) => statement.subject))].map((uri) => ({ uri })),
    getTargets: (node: Node, predicate: string) =>
      found(statements.filter((statement) => statement.subject === uriOf(node) && statement.predicate === predicate).map((statement) => statement.object)),
    getSources: (node: Node, predicate: string) =>
      found(statements.filter((statement) => typeof statement.object !== "string" && statement.object.uri === uriOf(node) && statement.predicate === predicate)
        .map((statement) => ({ uri: statement.subject }))),
    getArcsIn: (node: Node) => found(statements.filter((statement) => typeof statement.object !== "string" && statement.object.uri === uriOf(node)).map((statement) => ({ uri: statement.predicate }))),
    getArcsOut: (node: Node) => found(statements.filter((statement) => statement.subject === uriOf(node)).map((statement) => ({ uri: statement.predicate }))),
    getResourceURI: uriOf,
  };
}

/** What a translator sees as `doc`: the DOM calls Embedded Metadata's detection makes. */
function documentOf(html: string) {
  const root = parse(html);
  const element = (found: HTMLElement | null) => found ?? parse("<x></x>").firstChild as HTMLElement;
  return {
    documentElement: element(root.querySelector("html")),
    head: element(root.querySelector("head")),
    querySelectorAll: (selector: string) => root.querySelectorAll(selector),
    getElementsByTagName: (name: string) => root.getElementsByTagName(name),
    getElementById: (id: string) => root.getElementById(id),
    getElementsByClassName: (name: string) => root.querySelectorAll(`.${name}`),
  };
}

const utilities = {
  itemTypeExists: (type: string) => ITEM_TYPES.has(type),
  fieldIsValidForType: () => true,
};

/** Embedded Metadata's own table of the Highwire tags it reads and the Zotero fields it writes them to (HIGHWIRE_MAPPINGS). */
export async function highwireFields(checkout: string): Promise<Record<string, string>> {
  const embedded = vm.createContext({ Zotero: {}, Z: {}, ZU: utilities });
  vm.runInContext(`${await translatorCode(checkout, "Embedded Metadata.js")}\n;globalThis.mappings = HIGHWIRE_MAPPINGS;`, embedded);
  return embedded.mappings as Record<string, string>;
}

/**
 * The Zotero item type Embedded Metadata's detectWeb gives the page `html` at `url`: the type the Zotero button shows and saves.
 * `checkout` is a folder with the translators' files (a clone of zotero/translators).
 */
export async function zoteroItemType(checkout: string, html: string, url: string): Promise<string | false> {
  const debug = () => undefined;
  const rdfZotero = { RDF: tripleStore(), debug };
  const rdf = vm.createContext({ Zotero: rdfZotero, Z: rdfZotero, ZU: utilities });
  vm.runInContext(await translatorCode(checkout, "RDF.js"), rdf);
  const rdfTranslator = Object.assign(rdf.exports as object, { Zotero: rdfZotero });

  let detected: string | false = false;
  const zotero = {
    debug,
    done: (type: string | false) => { detected = type; },
    loadTranslator: () => ({ setTranslator: debug, setHandler: debug, getTranslatorObject: (callback: (translator: object) => void) => callback(rdfTranslator) }),
  };
  const embedded = vm.createContext({ Zotero: zotero, Z: zotero, ZU: utilities });
  vm.runInContext(await translatorCode(checkout, "Embedded Metadata.js"), embedded);
  const returned = (embedded.detectWeb as (doc: unknown, url: string) => string | false | undefined)(documentOf(html), url);
  return returned || detected;
}
