// Serves a built site from a folder on 127.0.0.1, the way a static host would, so browser tests and npm run audit read exactly the files the build wrote.
import { execFile } from "node:child_process";
import { createHash, X509Certificate } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createSecureServer, type Http2ServerRequest, type Http2ServerResponse, type Http2Session } from "node:http2";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";

export interface StaticServer {
  /** The site's address, ending with /, e.g. http://127.0.0.1:41234/. */
  url: string;
  /** Over HTTP/2: the base64 SHA-256 of the certificate's public key, for Chromium's `--ignore-certificate-errors-spki-list`. */
  spki?: string;
  close(): Promise<void>;
}

/** Content types by file extension; Pagefind's index files are compressed binaries that its script fetches and unpacks itself. */
const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".gif": "image/gif",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".pagefind": "application/octet-stream",
  ".pf_meta": "application/octet-stream",
  ".pf_index": "application/octet-stream",
  ".pf_fragment": "application/octet-stream",
  ".pf_filter": "application/octet-stream",
};

/**
 * How the server behaves as a host on a network; by default as GitHub Pages does for the browser's cache (a file kept 600 seconds, so a
 * page loaded again takes its scripts, and the code compiled from them, from the cache), and nothing is slowed.
 */
export interface HostOptions {
  /** Seconds a browser may keep a file (cache-control: max-age), as hosts let it: GitHub Pages says 600, the default; 0 for no-store. */
  cacheSeconds?: number;
  /** A slow network, at the server: each response waits `latencyMs`, and all responses share `bytesPerSecond` (in turn). */
  network?: { latencyMs: number; bytesPerSecond: number };
  /** Text sent gzipped to a browser that accepts it, as GitHub Pages, Netlify and Cloudflare Pages send it; by default as it is. */
  compress?: boolean;
  /**
   * Over HTTPS with HTTP/2, as GitHub Pages, Netlify and Cloudflare Pages serve a site: a browser then asks for every file at once on one
   * connection, where over HTTP/1.1 it opens at most six to a host and each further request waits for one of them (on a slow network, a
   * round trip for every six files). The certificate is made for 127.0.0.1 when the server starts: the browser must be told to accept
   * it (`--ignore-certificate-errors-spki-list`, see `spki`).
   */
  http2?: boolean;
}

/** How long GitHub Pages lets a browser keep a file. */
const GITHUB_PAGES_CACHE_SECONDS = 600;

/** Serves `rootDir` on a free port of 127.0.0.1: `/dir/` answers with `/dir/index.html`, a missing file with the site's `/404.html` and status 404. */
export async function serveStatic(rootDir: string, host: HostOptions = {}): Promise<StaticServer> {
  const root = path.resolve(rootDir);
  const link = host.network && sharedLink(host.network);
  const cacheSeconds = host.cacheSeconds ?? GITHUB_PAGES_CACHE_SECONDS;
  const cacheControl = cacheSeconds > 0 ? `max-age=${cacheSeconds}` : "no-store";
  const handle = (request: Request, response: Response) => {
    respond(root, request, response, {
      cacheControl,
      link,
      compress: host.compress ?? false,
    }).catch((error: unknown) => {
      response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      response.end(String(error));
    });
  };
  if (host.http2) return serveHttp2(handle);
  const server = createServer(handle);
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

type Request = IncomingMessage | Http2ServerRequest;
type Response = ServerResponse | Http2ServerResponse;

async function listen(server: {
  once(event: "error", listener: (error: Error) => void): unknown;
  listen(port: number, host: string, done: () => void): unknown;
  address(): unknown;
}): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  return (server.address() as AddressInfo).port;
}

/** An HTTPS server speaking HTTP/2 (and HTTP/1.1 to a client that asks for it), with a certificate made for 127.0.0.1 by openssl. */
async function serveHttp2(handle: (request: Request, response: Response) => void): Promise<StaticServer> {
  const { key, cert, spki } = await localCertificate();
  const server = createSecureServer({ key, cert, allowHTTP1: true }, handle);
  const sessions = new Set<Http2Session>();
  server.on("session", (session) => {
    sessions.add(session);
    session.once("close", () => sessions.delete(session));
  });
  const port = await listen(server);
  return {
    url: `https://127.0.0.1:${port}/`,
    spki,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        for (const session of sessions) session.destroy();
      }),
  };
}

/** A key and a self-signed certificate for 127.0.0.1, valid for a day, and its public key's SHA-256 (base64), made by openssl. */
async function localCertificate(): Promise<{ key: Buffer; cert: Buffer; spki: string }> {
  const run = promisify(execFile);
  const dir = await mkdtemp(path.join(os.tmpdir(), "baoku-certificate-"));
  try {
    const [keyFile, certFile] = [path.join(dir, "key.pem"), path.join(dir, "cert.pem")];
    const request = "req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1";
    await run("openssl", [...request.split(" "), "-keyout", keyFile, "-out", certFile]);
    const [key, cert] = await Promise.all([readFile(keyFile), readFile(certFile)]);
    const der = new X509Certificate(cert).publicKey.export({ type: "spki", format: "der" });
    return { key, cert, spki: createHash("sha256").update(der).digest("base64") };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** What every response shares: its cache-control header, and the slow network when there is one. */
interface Sending {
  cacheControl: string;
  link: ((bytes: number) => Promise<void>) | undefined;
  compress: boolean;
}

/** Files sent as they are, compressed or not: Pagefind's own files are compressed already, and images are. */
const PRECOMPRESSED = /\.(pf_\w+|pagefind|png|jpe?g|webp|avif|gif|woff2)$/;

/** A link of `bytesPerSecond` that responses take in turn, each after `latencyMs`: resolves when a response of `bytes` has crossed it. */
function sharedLink({ latencyMs, bytesPerSecond }: { latencyMs: number; bytesPerSecond: number }): (bytes: number) => Promise<void> {
  let busyUntil = 0;
  return (bytes) => {
    const start = Math.max(performance.now() + latencyMs, busyUntil);
    busyUntil = start + (bytes / bytesPerSecond) * 1000;
    return new Promise((resolve) => setTimeout(resolve, busyUntil - performance.now()));
  };
}

async function respond(root: string, request: Request, response: Response, sending: Sending): Promise<void> {
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.writeHead(405, { allow: "GET, HEAD" }).end();
    return;
  }
  const pathname = decodePathname(request.url ?? "/");
  const file = pathname && resolveInside(root, pathname);
  if (!pathname || !file) {
    response.writeHead(400, { "content-type": "text/plain; charset=utf-8" }).end("Bad request path");
    return;
  }
  const found = await stat(file).catch(() => undefined);
  if (found?.isDirectory()) {
    if (!pathname.endsWith("/")) {
      response.writeHead(301, { location: `${pathname}/` }).end();
      return;
    }
    const index = path.join(file, "index.html");
    if (await isFile(index)) return sendFile(index, 200, request, response, sending);
  } else if (found?.isFile()) {
    return sendFile(file, 200, request, response, sending);
  }
  const notFoundPage = path.join(root, "404.html");
  if (await isFile(notFoundPage)) return sendFile(notFoundPage, 404, request, response, sending);
  response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found");
}

/** The request's path with %-escapes decoded, or undefined when it cannot be a file path. */
function decodePathname(url: string): string | undefined {
  try {
    const pathname = decodeURIComponent(new URL(url, "http://localhost").pathname);
    return pathname.includes("\0") ? undefined : pathname;
  } catch {
    return undefined;
  }
}

/** The file a path names under `root`, or undefined when the path would leave it. */
function resolveInside(root: string, pathname: string): string | undefined {
  const file = path.resolve(root, `.${pathname}`);
  return file === root || file.startsWith(root + path.sep) ? file : undefined;
}

async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => undefined))?.isFile() ?? false;
}

async function sendFile(file: string, status: number, request: Request, response: Response, sending: Sending): Promise<void> {
  // On a slow network, a text file crosses it compressed, as a host sends it; Pagefind's files are compressed already.
  if (sending.link) {
    const body = await readFile(file);
    await sending.link(PRECOMPRESSED.test(file) ? body.length : gzipSync(body).length);
  }
  const headers = { "content-type": contentTypes[path.extname(file).toLowerCase()] ?? "application/octet-stream", "cache-control": sending.cacheControl };
  if (sending.compress && !PRECOMPRESSED.test(file) && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""))) {
    const body = gzipSync(await readFile(file));
    response.writeHead(status, { ...headers, "content-encoding": "gzip", "content-length": body.length, vary: "accept-encoding" });
    if (request.method === "HEAD") response.end();
    else response.end(body);
    return;
  }
  response.writeHead(status, headers);
  if (request.method === "HEAD") {
    response.end();
    return;
  }
  createReadStream(file)
    .on("error", () => response.destroy())
    .pipe(response as NodeJS.WritableStream);
}
