// Makes the archive-wide part's cache entry: home, 往期回顾 and its calendars, /people/, /day/ and /lunar/, search, 404 and the static
// files, with the search page's traditional-character tables beside its scripts and the open data that spans the archive.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { OpenDataFile } from "../site/open-data.ts";
import type { SiteData } from "../site-types.ts";
import type { PartEntry } from "./cache-layout.ts";
import { renderInto, writeOpenData, type PartContext, type PartMaker, type PartWork } from "./part-entries.ts";
import { counted } from "./render-counts.ts";
import { ARCHIVE_PART } from "./site-parts.ts";
import { traditionalScripts } from "./traditional-table.ts";

/** What the archive-wide part is made of: its records, the open data written beside its pages, and their hash (site-parts.ts: archivePartHash). */
export interface ArchivePlan {
  data: SiteData;
  files: OpenDataFile[];
  hash: string;
}

/** The archive-wide part. */
export function archivePart(plan: ArchivePlan): PartMaker {
  return { key: ARCHIVE_PART, hash: plan.hash, make: (entry, context) => makeArchive(plan, entry, context) };
}

async function makeArchive(plan: ArchivePlan, entry: PartEntry, context: PartContext): Promise<PartWork> {
  const rendered = await renderInto(context, { key: ARCHIVE_PART, data: plan.data, templates: "archive" }, entry);
  // The search page's traditional-character tables, beside the scripts copied from public/js.
  for (const [name, text] of Object.entries(await traditionalScripts(context.cacheDir, context.codeHash)))
    await writeFile(path.join(entry.site, "js", name), text);
  await writeOpenData(entry.site, plan.files);
  return { made: { pages: rendered.written, images: 0, search: rendered.search }, counts: counted({ renderSeconds: rendered.seconds }) };
}
