// The sitemaps (sitemaps.org 0.9) and robots.txt: every reader-facing page once, with the date it last changed, in sitemaps of at most
// 50,000 addresses listed by one sitemap index. Every address and date is escaped for XML, whatever the content put in it.

/** The most addresses one sitemap may hold (sitemaps.org). */
export const SITEMAP_LIMIT = 50_000;

const NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

/** One page in a sitemap: its absolute address and the date it last changed (YYYY-MM-DD). */
export interface SitemapEntry {
  loc: string;
  lastmod: string;
}

/** The names of the sitemaps `count` addresses called `name` make: `name`, then `name-2`, `name-3`… */
export function sitemapNames(name: string, count: number, limit = SITEMAP_LIMIT): string[] {
  return Array.from({ length: Math.max(1, Math.ceil(count / limit)) }, (_, index) => (index === 0 ? name : `${name}-${index + 1}`));
}

/** Cuts `entries` into sitemaps of at most `limit` addresses, named as sitemapNames names them. */
export function splitSitemap<T>(name: string, entries: readonly T[], limit = SITEMAP_LIMIT): { name: string; entries: T[] }[] {
  return sitemapNames(name, entries.length, limit).map((chunk, index) => ({ name: chunk, entries: entries.slice(index * limit, (index + 1) * limit) }));
}

/** A sitemap's XML. */
export function sitemapXml(entries: readonly SitemapEntry[]): string {
  const urls = entries.map((entry) => `<url><loc>${escapeXml(entry.loc)}</loc><lastmod>${escapeXml(entry.lastmod)}</lastmod></url>\n`).join("");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${NAMESPACE}">\n${urls}</urlset>\n`;
}

/** The sitemap index's XML, listing the sitemaps at `locs`. */
export function sitemapIndexXml(locs: readonly string[]): string {
  const sitemaps = locs.map((loc) => `<sitemap><loc>${escapeXml(loc)}</loc></sitemap>\n`).join("");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="${NAMESPACE}">\n${sitemaps}</sitemapindex>\n`;
}

/** robots.txt: everything may be crawled, and the sitemap index is at `sitemapUrl`. */
export function robotsTxt(sitemapUrl: string): string {
  return `User-agent: *\nAllow: /\n\nSitemap: ${sitemapUrl}\n`;
}

const XML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };

/** Text for XML's content and attributes; characters XML 1.0 cannot hold at all (controls but tab and line breaks, lone surrogates, U+FFFE/F) are dropped. */
export function escapeXml(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these characters, so they are removed
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "")
      .replace(/[&<>"']/g, (character) => XML_ENTITIES[character]!)
  );
}
