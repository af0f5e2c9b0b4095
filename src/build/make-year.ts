// Makes a year part's cache entry: the year's open data that spans its months (its issues' list, its bulk text, its sitemaps), written
// without Eleventy from what its month parts left beside their pages, so it never reads an issue.
import { readFile } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import { yearOpenData } from "../site/open-data.ts";
import type { SitemapEntry } from "../site/sitemaps.ts";
import { monthFragments, type PartEntry } from "./cache-layout.ts";
import { NO_SEARCH, writeOpenData, type PartContext, type PartMaker, type PartOutcome, type PartWork } from "./part-entries.ts";
import type { YearPlan } from "./site-parts.ts";

/** The year part of `year`; `monthOf` gives each of its months' parts, made or being made. */
export function yearPart(year: YearPlan, monthOf: (key: string) => Promise<PartOutcome>): PartMaker {
  return { key: year.key, hash: year.hash, make: (entry, context) => makeYear(year, monthOf, entry, context) };
}

/** Writes a year's open data from what its months left beside their pages; nothing made when one of its months could not be made. */
async function makeYear(year: YearPlan, monthOf: (key: string) => Promise<PartOutcome>, entry: PartEntry, context: PartContext): Promise<PartWork> {
  const months = await Promise.all(year.months.map((month) => monthOf(month.key)));
  if (months.some((month) => !month.manifest)) return {};
  const fragments = months.map((month) => monthFragments(month.entry));
  const bulk = await Promise.all(fragments.map(async (fragment) => gunzipSync(await readFile(fragment.bulk)).toString("utf8")));
  const sitemap = (await Promise.all(fragments.map(async (fragment) => JSON.parse(await readFile(fragment.sitemap, "utf8")) as SitemapEntry[]))).flat();
  const headers = year.months.flatMap((month) => month.issues.map((issue) => issue.header));
  await writeOpenData(entry.site, yearOpenData(context.config, year.year, headers, bulk, sitemap));
  return { made: { pages: 0, images: 0, search: NO_SEARCH } };
}
