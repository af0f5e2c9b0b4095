// What the preview answers before Eleventy's dev server sees a request: a path that does not decode or that leaves the site is refused
// with 400, a Host that is not the preview's own with 403 (a page elsewhere reaching it through DNS rebinding), anything but reading with
// 405 — save the one write the preview takes, a hotspot drawn on a 版 (hotspots.ts), and that only from the preview's own pages (its
// Origin); and whatever the dev server throws for one request ends that request only, never the preview with it.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";

/** Why a request is refused: its HTTP status and a short reason sent as plain text. */
export interface Refusal {
  status: 400 | 403 | 405;
  reason: string;
}

/** The methods a static preview answers. */
const READING = new Set(["GET", "HEAD"]);

/**
 * The preview's own addresses, beside the site's and never in it: the hotspot editor's script and stylesheet, and its one write. Not the
 * site's `.baoku/` (the deploy manifest, build/deploy-manifest.ts), which the preview goes on serving.
 */
export const PREVIEW_FOLDER = "/.baoku-preview/";

/** The one address that takes a write (POST): the areas drawn on a 版's scan, written into the issue file's 区域 lines. */
export const HOTSPOT_ENDPOINT = `${PREVIEW_FOLDER}hotspot`;

/** The Host headers of a preview listening on 127.0.0.1:`port`: its address and localhost, with the port browsers send. */
export function previewHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/**
 * Why the request with `method`, `url`, `host` and `origin` (its headers) is refused, or undefined when the preview may answer it. The one
 * write is a POST to HOTSPOT_ENDPOINT whose Origin is the preview itself, as its own pages send: a page of another site can post to
 * loopback (a form needs no permission) but cannot make its browser send this Origin.
 */
export function refusalOf(
  method: string | undefined,
  url: string | undefined,
  host: string | undefined,
  hosts: ReadonlySet<string>,
  origin?: string,
): Refusal | undefined {
  if (!host || !hosts.has(host.toLowerCase())) return { status: 403, reason: "not this preview's host" };
  if (!READING.has(method ?? "")) {
    if (method !== "POST" || sitePathOf(url ?? "") !== HOTSPOT_ENDPOINT) return { status: 405, reason: "the preview only serves files" };
    if (origin?.toLowerCase() !== `http://${host.toLowerCase()}`) return { status: 403, reason: "not this preview's origin" };
  }
  return pathRefusal(url ?? "");
}

/** The path of a request's `url`, without its query or fragment. */
export function sitePathOf(url: string): string {
  return url.split(/[?#]/, 1)[0]!;
}

/** Why the path of `url` is refused: an escape that is not UTF-8, an escaped slash or backslash, a NUL, or a `..` step once decoded. */
export function pathRefusal(url: string): Refusal | undefined {
  const rawPath = sitePathOf(url);
  if (!rawPath.startsWith("/")) return { status: 400, reason: "not a path" };
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    // Malformed escapes (`%`, `%E4%B8`) and overlong UTF-8 (`%c0%ae`, a dot) alike.
    return { status: 400, reason: "malformed percent-escape" };
  }
  // A site's addresses are ASCII-safe (paths.ts): an escaped separator only ever serves to hide a step out of the site.
  if (/%(2f|5c|00)/i.test(rawPath) || /[\\\0]/.test(decoded)) return { status: 400, reason: "escaped separator" };
  if (decoded.split("/").includes("..")) return { status: 400, reason: "path leaves the site" };
  return undefined;
}

export type RequestListener = (request: IncomingMessage, response: ServerResponse) => unknown;
type UpgradeListener = (request: IncomingMessage, socket: Duplex, head: Buffer) => unknown;

/**
 * Puts the guard in front of every request listener `server` has now; call it before the server listens. A request the guard lets through
 * to PREVIEW_FOLDER goes to `own`, the preview's own answers, and never to the dev server.
 */
export function guardRequests(server: Server, port: number, own: RequestListener): void {
  const hosts = previewHosts(port);
  const listeners = server.listeners("request") as RequestListener[];
  server.removeAllListeners("request");
  server.on("request", (request: IncomingMessage, response: ServerResponse) => {
    const refusal = refusalOf(request.method, request.url, request.headers.host, hosts, request.headers.origin);
    if (refusal) return refuse(response, refusal);
    const answering = sitePathOf(request.url ?? "").startsWith(PREVIEW_FOLDER) ? [own] : listeners;
    for (const listener of answering) {
      try {
        Promise.resolve(listener.call(server, request, response)).catch(() => failed(response));
      } catch {
        failed(response);
      }
    }
  });
}

/** Puts the host check in front of the live-reload socket's upgrade listeners, which the dev server adds once it listens. */
export function guardUpgrades(server: Server, port: number): void {
  const hosts = previewHosts(port);
  const listeners = server.listeners("upgrade") as UpgradeListener[];
  server.removeAllListeners("upgrade");
  server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const host = request.headers.host;
    if (!host || !hosts.has(host.toLowerCase())) {
      socket.end("HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
      return;
    }
    for (const listener of listeners) listener.call(server, request, socket, head);
  });
}

function refuse(response: ServerResponse, refusal: Refusal): void {
  response.writeHead(refusal.status, {
    "Content-Type": "text/plain; charset=utf-8",
    Connection: "close",
    ...(refusal.status === 405 && { Allow: "GET, HEAD" }),
  });
  response.end(`${refusal.status} ${refusal.reason}\n`);
}

/** A request the dev server failed on: answered 400 (what it fails on is a request it cannot map to a file), the preview going on. */
function failed(response: ServerResponse): void {
  if (response.headersSent) return void response.destroy();
  refuse(response, { status: 400, reason: "cannot serve this path" });
}
