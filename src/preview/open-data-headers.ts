// The headers the preview server sends with the site's open data, as docs/API.md ("What a host should send") asks of every host: a IIIF
// viewer, a notebook or another site reads the JSON API, the manifests, the feeds and the sitemaps from another origin, which the browser
// allows only with Access-Control-Allow-Origin. Pages are not open data and get no such header.
import type { IncomingMessage, ServerResponse } from "node:http";
import { API_FOLDER, CITATION_FILES, FEED_PATHS, IIIF_FOLDER, SITEMAP_FILE } from "../paths.ts";

/** The open data's site paths: the API, IIIF, the feeds' folder, the sitemaps and robots.txt, and each article's citation files. */
const OPEN_DATA = new RegExp(
  `^/(?:${API_FOLDER.split("/")[0]}|${IIIF_FOLDER}|${FEED_PATHS.issues.split("/")[1]})/` +
    `|${SITEMAP_FILE.source}|^/robots\\.txt$` +
    `|/(?:${Object.values(CITATION_FILES)
      .map((file) => file.replace(".", "\\."))
      .join("|")})$`,
);

/** Whether the file at `sitePath` (a site path, `/api/v1/index.json`, without the site's path prefix) is open data. */
export function isOpenData(sitePath: string): boolean {
  return OPEN_DATA.test(sitePath);
}

/** The headers of the open data's responses. */
export const OPEN_DATA_HEADERS: Readonly<Record<string, string>> = { "Access-Control-Allow-Origin": "*" };

/** A middleware of Eleventy's dev server (its `middleware` option). */
export type Middleware = (request: IncomingMessage, response: ServerResponse, next: () => unknown) => unknown;

/** A middleware for Eleventy's dev server that adds OPEN_DATA_HEADERS to the responses for open data of a site under `pathPrefix`. */
export function openDataHeaders(pathPrefix: string): Middleware {
  return (request, response, next) => {
    const { pathname } = new URL(request.url ?? "/", "http://127.0.0.1");
    const sitePath = pathname.startsWith(pathPrefix) ? `/${pathname.slice(pathPrefix.length)}` : pathname;
    if (isOpenData(sitePath)) for (const [name, value] of Object.entries(OPEN_DATA_HEADERS)) response.setHeader(name, value);
    return next();
  };
}
