// Serves a built site from a folder on 127.0.0.1, the way a static host would, so browser tests and npm run audit read exactly the files the build wrote.
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

export interface StaticServer {
  /** The site's address, ending with /, e.g. http://127.0.0.1:41234/. */
  url: string;
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

/** Serves `rootDir` on a free port of 127.0.0.1: `/dir/` answers with `/dir/index.html`, a missing file with the site's `/404.html` and status 404. */
export async function serveStatic(rootDir: string): Promise<StaticServer> {
  const root = path.resolve(rootDir);
  const server = createServer((request, response) => {
    respond(root, request, response).catch((error: unknown) => {
      response.writeHead(500, { "content-type": "text/plain; charset=utf-8" });
      response.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function respond(root: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
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
    if (await isFile(index)) return sendFile(index, 200, request, response);
  } else if (found?.isFile()) {
    return sendFile(file, 200, request, response);
  }
  const notFoundPage = path.join(root, "404.html");
  if (await isFile(notFoundPage)) return sendFile(notFoundPage, 404, request, response);
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

function sendFile(file: string, status: number, request: IncomingMessage, response: ServerResponse): void {
  response.writeHead(status, {
    "content-type": contentTypes[path.extname(file).toLowerCase()] ?? "application/octet-stream",
    "cache-control": "no-store",
  });
  if (request.method === "HEAD") {
    response.end();
    return;
  }
  createReadStream(file).on("error", () => response.destroy()).pipe(response);
}
