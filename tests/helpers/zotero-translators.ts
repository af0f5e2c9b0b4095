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
    // The import asks about containers it may not have found (undefined), as Zotero's store allows.
    getTargets: (node: Node | undefined, predicate: string) =>
      node ? found(statements.filter((statement) => statement.subject === uriOf(node) && statement.predicate === predicate).map((statement) => statement.object)) : false,
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
    querySelector: (selector: string) => root.querySelector(selector),
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

/** What Zotero's translators make of a page: the item type detection gives, and the fields the import fills from the page's tags. */
export interface ZoteroReading {
  itemType: string | false;
  /** From the RDF translator's importItem (the statements Embedded Metadata makes of the meta tags), then the Highwire tags on top. */
  fields: Record<string, unknown>;
}

/**
 * What Zotero's Embedded Metadata translator makes of the page `html` at `url`: the item type its detectWeb gives (what the Zotero button
 * shows and saves), and the fields the RDF translator's importItem and Embedded Metadata's Highwire table (HIGHWIRE_MAPPINGS, through its
 * own processFields) fill. Authors and pages, which it reads from citation_author and citation_firstpage with XPath, are not run here.
 * `checkout` is a folder with the translators' files (a clone of zotero/translators).
 */
export async function zoteroReading(checkout: string, html: string, url: string): Promise<ZoteroReading> {
  const debug = () => undefined;
  const rdfZotero = { RDF: tripleStore(), debug, Utilities: { getCreatorsForType: () => ["author", "contributor"] } };
  const rdf = vm.createContext({ Zotero: rdfZotero, Z: rdfZotero, ZU: utilities });
  vm.runInContext(await translatorCode(checkout, "RDF.js"), rdf);
  const rdfTranslator = Object.assign(rdf.exports as object, { Zotero: rdfZotero });

  let detected: string | false = false;
  const zotero = {
    debug,
    done: (type: string | false) => { detected = type; },
    loadTranslator: () => ({ setTranslator: debug, setHandler: debug, getTranslatorObject: (callback: (translator: object) => void) => callback(rdfTranslator) }),
  };
  const doc = documentOf(html);
  const attr = (_doc: unknown, selector: string, name: string) => doc.querySelector(selector)?.getAttribute(name) ?? null;
  const embedded = vm.createContext({ Zotero: zotero, Z: zotero, ZU: { ...utilities, trimInternal: (text: string) => text.replace(/\s+/g, " ").trim() }, attr });
  vm.runInContext(await translatorCode(checkout, "Embedded Metadata.js"), embedded);
  const returned = (embedded.detectWeb as (doc: unknown, url: string) => string | false | undefined)(doc, url);
  const itemType = returned || detected;

  const item: Record<string, unknown> = { creators: [], tags: [], notes: [], seeAlso: [], attachments: [] };
  (rdf.importItem as (item: object, node: Node) => unknown)(item, { uri: url });
  (embedded.processFields as (doc: unknown, item: object, map: unknown) => void)(doc, item, embedded.HIGHWIRE_MAPPINGS);
  return { itemType, fields: item };
}
