// Runs the item-type detection of Zotero's own Embedded Metadata translator, and of the RDF translator it loads, on a page's HTML: the
// translators' source from a checkout of zotero/translators (ZOTERO_TRANSLATORS), each in a context of its own with as much of Zotero's
// translator environment as detection and the Highwire import use (a triple store for the RDF statements, the item types, a jsdom
// document whose document.evaluate is Wicked Good XPath: jsdom's own XPath ignores namespace prefixes, so the translator's
// /x:html/…/x:meta, which Firefox and Chromium match, would find no authors).
import { readFile } from "node:fs/promises";
import path from "node:path";
import vm from "node:vm";
import { JSDOM } from "jsdom";
import wgxpath from "wicked-good-xpath";

/** Zotero's item types (zotero/zotero-schema), which ZU.itemTypeExists knows. */
const ITEM_TYPES = new Set([
  "artwork",
  "attachment",
  "audioRecording",
  "bill",
  "blogPost",
  "book",
  "bookSection",
  "case",
  "computerProgram",
  "conferencePaper",
  "dataset",
  "dictionaryEntry",
  "document",
  "email",
  "encyclopediaArticle",
  "film",
  "forumPost",
  "hearing",
  "instantMessage",
  "interview",
  "journalArticle",
  "letter",
  "magazineArticle",
  "manuscript",
  "map",
  "newspaperArticle",
  "note",
  "patent",
  "podcast",
  "preprint",
  "presentation",
  "radioBroadcast",
  "report",
  "standard",
  "statute",
  "thesis",
  "tvBroadcast",
  "videoRecording",
  "webpage",
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
      node
        ? found(statements.filter((statement) => statement.subject === uriOf(node) && statement.predicate === predicate).map((statement) => statement.object))
        : false,
    getSources: (node: Node, predicate: string) =>
      found(
        statements
          .filter((statement) => typeof statement.object !== "string" && statement.object.uri === uriOf(node) && statement.predicate === predicate)
          .map((statement) => ({ uri: statement.subject })),
      ),
    getArcsIn: (node: Node) =>
      found(
        statements
          .filter((statement) => typeof statement.object !== "string" && statement.object.uri === uriOf(node))
          .map((statement) => ({ uri: statement.predicate })),
      ),
    getArcsOut: (node: Node) => found(statements.filter((statement) => statement.subject === uriOf(node)).map((statement) => ({ uri: statement.predicate }))),
    getResourceURI: uriOf,
  };
}

/**
 * Zotero.Utilities.xpath and xpathText as zotero/utilities (utilities.js) has them for a browser document: document.evaluate with the
 * translator's namespaces, ordered (5 = ORDERED_NODE_ITERATOR_TYPE), attribute nodes read by their value.
 */
function xpath(elements: Node_ | Node_[], expression: string, namespaces?: Record<string, string>): Node_[] {
  const resolver = namespaces ? (prefix: string | null) => namespaces[prefix ?? ""] ?? null : null;
  const results: Node_[] = [];
  for (const element of Array.isArray(elements) ? elements : [elements]) {
    const document = element.ownerDocument ?? (element as Document);
    const found = document.evaluate(expression, element, resolver, 5, null);
    for (let node = found.iterateNext(); node; node = found.iterateNext()) results.push(node);
  }
  return results;
}
type Node_ = globalThis.Node;
function xpathText(node: Node_, expression: string, namespaces?: Record<string, string>, delimiter = ", "): string | null {
  const found = xpath(node, expression, namespaces);
  return found.length ? found.map((each) => (each.nodeType === 2 ? (each as Attr).value : each.textContent)).join(delimiter) : null;
}

/**
 * Zotero.Utilities.cleanAuthor as zotero/utilities (utilities.js) has it, XRegExp's \pL written as \p{L}: the creator Zotero makes of a
 * name, split at its last space into first and last name (a Chinese name, which has no space, is all last name).
 */
function cleanAuthor(author: string, type: string, useComma: boolean) {
  const allCaps = "A-Z\u0400-\u042f";
  const allCapsRe = new RegExp(`^[${allCaps}]+$`);
  const initialRe = new RegExp(`^-?[${allCaps}]$`);
  const name = author
    .replace(/^[\s\u00A0.,/[\]:]+/, "")
    .replace(/[\s\u00A0.,/[\]:]+$/, "")
    .replace(/[\s\u00A0]+/, " ");
  let firstName: string | undefined;
  let lastName: string;
  if (useComma) {
    const splitNames = name.replace(/\.([^ ])/, ". $1").split(/[,،] ?/);
    lastName = splitNames.length > 1 ? splitNames[0]! : name.replace(/\.([^ ])/, ". $1");
    firstName = splitNames.length > 1 ? splitNames[1] : undefined;
  } else {
    let spaceIndex = name.length;
    do {
      spaceIndex = name.lastIndexOf(" ", spaceIndex - 1);
      lastName = name.substring(spaceIndex + 1);
      firstName = name.substring(0, spaceIndex);
    } while (!/\p{L}/u.test(lastName[0] ?? "") && spaceIndex > 0);
  }
  if (firstName && allCapsRe.test(firstName) && firstName.length < 4 && (firstName.length === 1 || lastName.toUpperCase() !== lastName)) {
    firstName = [...firstName].map((initial) => `${initial}.`).join(" ");
  }
  if (firstName) {
    const names = firstName
      .replace(/^[\s.]+/, "")
      .replace(/[\s,]+$/, "")
      .replace(/\s*([\u002D\u00AD\u2010-\u2015\u2212\u2E3A\u2E3B])\s*/, "-")
      .split(/(?:[\s.]+|(?=-))/);
    firstName = names
      .map((part) => `${part}${initialRe.test(part) ? "." : ""} `)
      .join("")
      .replace(/ -/g, "-")
      .trim();
  }
  return { firstName, lastName, creatorType: type };
}

const utilities = {
  itemTypeExists: (type: string) => ITEM_TYPES.has(type),
  fieldIsValidForType: () => true,
  trimInternal: (text: string) => text.replace(/\s+/g, " ").trim(),
  xpath,
  xpathText,
  cleanAuthor,
};

/** What Zotero's translators make of a page: the item type detection gives, and the fields the import fills from the page's tags. */
export interface ZoteroReading {
  itemType: string | false;
  /** From the RDF translator's importItem (the statements Embedded Metadata makes of the meta tags), then addHighwireMetadata on top. */
  fields: Record<string, unknown>;
}

/**
 * What Zotero's Embedded Metadata translator makes of the page `html` at `url`: the item type its detectWeb gives (what the Zotero button
 * shows and saves), and the fields the RDF translator's importItem and Embedded Metadata's Highwire table (HIGHWIRE_MAPPINGS, through its
 * own addHighwireMetadata: the Highwire table, authors from citation_author, pages from citation_firstpage) fill.
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
    done: (type: string | false) => {
      detected = type;
    },
    loadTranslator: () => ({
      setTranslator: debug,
      setHandler: debug,
      getTranslatorObject: (callback: (translator: object) => void) => callback(rdfTranslator),
    }),
  };
  const { window } = new JSDOM(html, { url });
  wgxpath.install(window, true);
  const doc = window.document;
  const attr = (_doc: unknown, selector: string, name: string) => doc.querySelector(selector)?.getAttribute(name) ?? null;
  const embedded = vm.createContext({ Zotero: zotero, Z: zotero, ZU: utilities, attr });
  vm.runInContext(await translatorCode(checkout, "Embedded Metadata.js"), embedded);
  const returned = (embedded.detectWeb as (doc: unknown, url: string) => string | false | undefined)(doc, url);
  const itemType = returned || detected;

  const item: Record<string, unknown> = { creators: [], tags: [], notes: [], seeAlso: [], attachments: [] };
  (rdf.importItem as (item: object, node: Node) => unknown)(item, { uri: url });
  // doWeb's default namespace for the XPath, then what completeItem does first with the imported item.
  (embedded.namespaces as Record<string, string | null>).x = doc.documentElement.namespaceURI;
  (embedded.addHighwireMetadata as (doc: unknown, item: object) => void)(doc, item);
  // Plain data of this realm (the translator's arrays are the VM context's), without the attachments, which hold the document.
  const { attachments: _attachments, ...data } = item;
  return { itemType, fields: JSON.parse(JSON.stringify(data)) as Record<string, unknown> };
}
