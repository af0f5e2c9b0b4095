// The static server as a host serves a site: text gzipped when the host compresses and the browser accepts it (npm run audit), Pagefind's
// and image files as they are, and nothing compressed by default (the tests' servers); over HTTP/2 for the benchmark's slow network.
import assert from "node:assert/strict";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import { request } from "node:http";
import { connect } from "node:http2";
import type { TLSSocket } from "node:tls";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { after, before, test } from "node:test";
import { serveStatic } from "../../src/util/static-server.ts";

const PAGE = `<!doctype html><title>东昌府讯</title>${"<p>全市三季度经济运行分析会议召开</p>".repeat(50)}`;
const INDEX = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]);
let root: string;

before(async () => {
  root = await mkdtemp(path.join(tmpdir(), "baoku-static-"));
  await writeFile(path.join(root, "index.html"), PAGE);
  await writeFile(path.join(root, "zxx_1.pf_index"), INDEX);
});

after(() => rm(root, { recursive: true, force: true }));

/** The response to GET `pathname`: its content-encoding and its body as it came over the wire. */
function get(url: string, pathname: string, acceptEncoding?: string): Promise<{ encoding: string | undefined; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const headers = acceptEncoding ? { "accept-encoding": acceptEncoding } : {};
    request(new URL(pathname, url), { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ encoding: response.headers["content-encoding"], body: Buffer.concat(chunks) }));
    })
      .on("error", reject)
      .end();
  });
}

test("should send text gzipped when the host compresses and the browser accepts gzip, and Pagefind's files as they are", async () => {
  const server = await serveStatic(root, { compress: true });
  try {
    const page = await get(server.url, "/", "gzip, deflate, br");
    assert.equal(page.encoding, "gzip");
    assert.ok(page.body.length < Buffer.byteLength(PAGE) / 4, `${page.body.length} bytes`);
    assert.equal(gunzipSync(page.body).toString("utf8"), PAGE);
    const index = await get(server.url, "/zxx_1.pf_index", "gzip");
    assert.equal(index.encoding, undefined);
    assert.deepEqual(index.body, INDEX);
    const plain = await get(server.url, "/");
    assert.equal(plain.encoding, undefined, "not to a browser that does not ask for it");
    assert.equal(plain.body.toString("utf8"), PAGE);
  } finally {
    await server.close();
  }
});

test("should send every file as it is by default", async () => {
  const server = await serveStatic(root);
  try {
    const page = await get(server.url, "/", "gzip");
    assert.equal(page.encoding, undefined);
    assert.equal(page.body.toString("utf8"), PAGE);
  } finally {
    await server.close();
  }
});

test("should serve over HTTP/2 with a certificate for 127.0.0.1, as hosts serve a site, and say its key for Chromium to trust", async () => {
  const server = await serveStatic(root, { http2: true });
  try {
    assert.match(server.url, /^https:\/\/127\.0\.0\.1:\d+\/$/);
    assert.match(server.spki ?? "", /^[A-Za-z0-9+/]{43}=$/, "a SHA-256 in base64");
    const session = connect(server.url, { rejectUnauthorized: false });
    try {
      const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
        const stream = session.request({ ":path": "/" });
        let status = 0;
        const chunks: Buffer[] = [];
        stream.on("response", (headers) => (status = Number(headers[":status"])));
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => resolve({ status, body: Buffer.concat(chunks).toString() }));
        stream.on("error", reject);
      });
      assert.equal(session.alpnProtocol, "h2");
      assert.equal(status, 200);
      assert.equal(body, PAGE);
      // The key Chromium is told to trust is the one the server presents.
      const presented = createHash("sha256")
        .update((session.socket as TLSSocket).getPeerX509Certificate()!.publicKey.export({ type: "spki", format: "der" }))
        .digest("base64");
      assert.equal(presented, server.spki);
    } finally {
      session.close();
    }
  } finally {
    await server.close();
  }
});
