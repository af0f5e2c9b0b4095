// What scanning the archive leaves in memory: the headers a build keeps for every issue, and nothing of the issue files themselves. A
// cold build at 11,000 issues held every file's bytes (about 500 MB) and every file's text (about 400 MB, through headlines cut from it)
// to its end; this looks for both in a heap snapshot of a scan of the small archive.
import { test, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { getHeapSnapshot } from "node:v8";
import { scanArchive } from "../../src/content/archive.ts";
import { readContentFiles } from "../../src/content/content-files.ts";
import { ParseCache } from "../../src/content/parse-cache.ts";
import { smallArchive } from "../helpers/small-archive.ts";

const archive = await smallArchive("baoku-scan-memory-");
// A headline of 13 characters or more: V8 copies a shorter cut of a string, and keeps a longer one as a slice of the whole text.
const edited = path.join(archive.contentRoot, "issues/2022/2022-01-04.md");
await writeFile(edited, (await readFile(edited, "utf8")).replace("## 区人大常委会党组会议召开", "## 区人大常委会党组会议召开传达学习上级会议精神部署今年工作"));
after(async () => {
  await rm(archive.root, { recursive: true, force: true });
});

interface HeapNode {
  type: string;
  name: string;
  size: number;
}

/** Every object of this process's heap that survives a full collection, by its type, name (a string's own text) and size. */
async function heapNodes(): Promise<HeapNode[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of getHeapSnapshot()) chunks.push(chunk as Buffer);
  // Decoded whole: a chunk may end inside a character of the issues' text.
  const { snapshot, nodes, strings } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
    snapshot: { meta: SnapshotMeta };
    nodes: number[];
    strings: string[];
  };
  const fields = snapshot.meta.node_fields;
  const types = snapshot.meta.node_types[0];
  const [type, name, size] = ["type", "name", "self_size"].map((field) => fields.indexOf(field)) as [number, number, number];
  const found: HeapNode[] = [];
  for (let at = 0; at < nodes.length; at += fields.length) {
    found.push({ type: types[nodes[at + type]!]!, name: strings[nodes[at + name]!]!, size: nodes[at + size]! });
  }
  return found;
}

interface SnapshotMeta {
  node_fields: string[];
  node_types: [string[], ...unknown[]];
}

test("should keep no issue file's bytes or text once the archive is scanned into headers", async () => {
  const content = await readContentFiles(archive.contentRoot);
  assert.ok(content.markdown.length >= 4 && content.markdown.every((entry) => entry.bytes), "every issue file was read");
  // The start of each file's text, as a string of its own (a slice would keep the whole text alive, which is what is looked for).
  const starts = await Promise.all(
    content.markdown.map(async ({ file }) => Buffer.from((await readFile(path.join(archive.contentRoot, file), "utf8")).slice(0, 120)).toString()),
  );
  const sizes = new Set(content.markdown.map((entry) => entry.size));
  const scanned = await scanArchive(archive.contentRoot, {
    content,
    openCache: (config) => ParseCache.open(path.join(archive.cacheDir, "parsed"), "code", config),
  });
  assert.equal(scanned.issues.length, content.markdown.length);
  assert.ok(
    scanned.issues.every((issue) => issue.header.headline),
    "each header has its headline",
  );
  assert.ok(
    content.markdown.every((entry) => entry.bytes === undefined),
    "the scan takes the bytes it parsed",
  );

  const heap = await heapNodes();
  const texts = heap.filter((node) => node.type === "string" && starts.some((start) => node.name.length > start.length && node.name.startsWith(start)));
  assert.deepEqual(
    texts.map((node) => node.name.slice(0, 40)),
    [],
    "no issue file's text is kept",
  );
  const buffers = heap.filter((node) => node.name === "system / JSArrayBufferData" && sizes.has(node.size));
  assert.deepEqual(
    buffers.map((node) => node.size),
    [],
    "no buffer the size of an issue file is kept",
  );
  // Both are still reachable from here: what the scan gave is held, not collected before the snapshot.
  assert.equal(scanned.issues.length, content.markdown.length);
});
