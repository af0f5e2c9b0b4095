// The JSON API's records as zod schemas: the types open-data.ts builds are inferred from them, and the JSON Schemas published beside
// the data (/api/v1/schemas/) are generated from them, so the files and their documentation cannot drift apart. The zod schemas are
// strict, so the build never writes a field it has not described; the published ones allow fields they do not name, because v1 grows
// by adding fields and a reader validating new data with a schema it fetched earlier must not reject it.
import { z } from "zod";

/**
 * The version of the published schemas, in /api/v1/index.json: the minor number grows when v1 gains fields or files, and a change that
 * would break a reader of v1 is published as /api/v2/ instead. 1.1: the schemas allow fields they do not name (docs/API.md, Changes).
 */
export const API_SCHEMA_VERSION = "1.1";

/** An absolute address on the site. */
const address = z.url().describe("An absolute address on the site");
const date = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .describe("YYYY-MM-DD");

/** Someone a byline or a credit names, with their page and their JSON. */
export const personRefSchema = z.strictObject({
  name: z.string().describe("As printed"),
  url: address.describe("Their page: every article they are named in"),
  json: address.describe("Their articles as JSON, under /api/v1/people/"),
});

export const bylineSchema = z.strictObject({
  text: z.string().describe("The byline as printed, without its parentheses"),
  affiliation: z.string().optional().describe("The unit the reporters belong to, e.g. 融媒体"),
  reporters: z.array(personRefSchema),
  correspondents: z.array(personRefSchema).describe("通讯员"),
});

export const areaSchema = z
  .strictObject({
    x: z.number().min(0).max(100),
    y: z.number().min(0).max(100),
    width: z.number().min(0).max(100),
    height: z.number().min(0).max(100),
  })
  .describe("热区: where the article is printed on its 版's scan, in percent of the scan's width and height from its top left corner");

export const imageSchema = z.strictObject({
  url: address.describe("A JPEG of the image"),
  width: z.int().positive(),
  height: z.int().positive(),
});

export const photoSchema = z.strictObject({
  caption: z.string(),
  credit: z.string().optional().describe("As printed, e.g. 融媒体 徐振鑫 摄"),
  photographers: z.array(personRefSchema),
  image: imageSchema.optional().describe("Absent when the paper's export had the caption but not the image"),
});

export const articleSchema = z.strictObject({
  number: z.int().positive().describe("Its position on its 版, from 1"),
  url: address.describe("The article's page"),
  title: z.string().describe("The headline as printed; empty for photo news printed without one"),
  kicker: z.string().optional().describe("引题, printed above the title"),
  subtitle: z.string().optional().describe("副题, printed below the title"),
  column: z.string().optional().describe("栏目, the column banner"),
  dateline: z
    .strictObject({
      text: z.string().describe("As printed, e.g. 东昌府讯 10月28日"),
      prefix: z.string(),
      date: date.optional().describe("The date it gives, in the year nearest the issue's"),
    })
    .optional(),
  byline: bylineSchema.optional(),
  photos: z.array(photoSchema),
  isPhotoNews: z.boolean().describe("图片新闻: only photos with captions and credits"),
  area: areaSchema.optional(),
  text: z.string().describe("The body as plain text, a paragraph a line, without dateline, byline and photos"),
  markdown: z.string().describe("The body as Markdown, without dateline, byline, photos and raw HTML"),
  correctedOn: date.optional().describe("更正于: the date of the last correction the archive's history shows"),
});

export const scanSchema = z.strictObject({
  width: z.int().positive().describe("The scan's size in pixels"),
  height: z.int().positive(),
  image: imageSchema.describe("The widest JPEG published"),
  pdf: address.optional().describe("The 版 as PDF"),
  canvas: address.describe("The 版's canvas in the issue's IIIF manifest"),
});

export const pageSchema = z.strictObject({
  number: z.int().positive().describe("第N版"),
  name: z.string().optional().describe("The 版's name or banner, e.g. 要闻"),
  label: z.string().describe("第1版 要闻"),
  url: address.describe("The 版's page"),
  scan: scanSchema.optional(),
  articles: z.array(articleSchema),
});

const issueLinkSchema = z.strictObject({ number: z.int().positive(), date, url: address, json: address });

export const paperSchema = z.strictObject({
  name: z.string(),
  masthead: z.string(),
  website: z.url().optional(),
});

/** /api/v1/issues/<YYYY-MM-DD>.json */
export const issueSchema = z.strictObject({
  paper: paperSchema,
  number: z.int().positive().describe("总第N期"),
  date,
  lunarDate: z.string().describe("农历 as printed"),
  weekday: z.string().describe("星期, e.g. 星期二"),
  printedPageCount: z.int().positive().describe("今日N版: the printed page count, which may exceed the 版 the archive has"),
  editor: z.string().optional().describe("责任编辑"),
  note: z.string().optional(),
  url: address.describe("The issue's page"),
  json: address.describe("This file"),
  iiif: address.optional().describe("The issue's IIIF manifest, when it has scans"),
  previous: issueLinkSchema.optional(),
  next: issueLinkSchema.optional(),
  pages: z.array(pageSchema),
});

/** One issue in a year's list. */
export const issueListingSchema = z.strictObject({
  number: z.int().positive(),
  date,
  lunarDate: z.string(),
  weekday: z.string(),
  printedPageCount: z.int().positive(),
  pageCount: z.int().nonnegative().describe("The 版 the archive has"),
  articleCount: z.int().nonnegative(),
  headline: z.string().optional().describe("头版头条: the front page's first title"),
  url: address,
  json: address,
  iiif: address.optional(),
});

/** /api/v1/years/<YYYY>.json */
export const yearSchema = z.strictObject({
  year: z.string().regex(/^\d{4}$/),
  issueCount: z.int().nonnegative(),
  url: address.describe("The year's calendars (往期回顾)"),
  bulk: address.describe("Every article of the year as JSON Lines"),
  issues: z.array(issueListingSchema).describe("Oldest first"),
});

/** /api/v1/index.json */
export const indexSchema = z.strictObject({
  apiVersion: z.literal(1),
  schemaVersion: z
    .string()
    .regex(/^1\.\d+$/)
    .describe("The version of v1's schemas, 1.1, 1.2…: the minor number grows as v1 gains fields"),
  paper: paperSchema,
  title: z.string().describe("The site's title"),
  url: address.describe("The site's home"),
  issueCount: z.int().nonnegative(),
  first: issueLinkSchema.optional(),
  newest: issueLinkSchema.optional(),
  years: z.array(z.strictObject({ year: z.string(), issueCount: z.int().nonnegative(), json: address, bulk: address })).describe("Oldest first"),
  feeds: z.strictObject({ issues: address, articles: address }),
  iiif: address.describe("The IIIF collection of the issues that have scans"),
  schemas: z.record(z.string(), address),
});

/** /api/v1/people/<slug>.json, and /api/v1/people/<slug>/<YYYY>.json for each year of a person with more than 500 articles. */
export const personSchema = z.strictObject({
  name: z.string(),
  slug: z.string(),
  romanized: z.string().describe("The name in pinyin"),
  url: address.describe("The person's page, or the year's page"),
  year: z.string().optional().describe("In a year's file: its year"),
  articleCount: z.int().nonnegative().describe("All their articles, or the year's in a year's file"),
  years: z
    .array(z.strictObject({ year: z.string(), articleCount: z.int().nonnegative(), json: address }))
    .optional()
    .describe("For a person with more than 500 articles: each year's file, newest first; `articles` then holds the newest year's"),
  articles: z
    .array(
      z.strictObject({
        title: z.string(),
        date,
        issueNumber: z.int().positive(),
        page: z.string().describe("第N版"),
        roles: z.array(z.enum(["记者", "通讯员", "摄影"])),
        url: address,
        issue: address.describe("The issue's JSON"),
      }),
    )
    .describe("Newest first"),
});

/** A line of /api/v1/bulk/<YYYY>.jsonl: an article with the issue and 版 it was printed in. */
export const bulkArticleSchema = articleSchema.extend({
  issue: issueLinkSchema,
  page: z.strictObject({ number: z.int().positive(), label: z.string(), url: address }),
});

export type IssueJson = z.infer<typeof issueSchema>;
export type ArticleJson = z.infer<typeof articleSchema>;
export type PageJson = z.infer<typeof pageSchema>;
export type PersonRefJson = z.infer<typeof personRefSchema>;
export type IssueLinkJson = z.infer<typeof issueLinkSchema>;
export type IssueListingJson = z.infer<typeof issueListingSchema>;
export type YearJson = z.infer<typeof yearSchema>;
export type IndexJson = z.infer<typeof indexSchema>;
export type PersonJson = z.infer<typeof personSchema>;
export type BulkArticleJson = z.infer<typeof bulkArticleSchema>;

/** Every kind of API file by the name its schema is published under. */
export const API_SCHEMAS = {
  index: indexSchema,
  year: yearSchema,
  issue: issueSchema,
  person: personSchema,
  "bulk-article": bulkArticleSchema,
} as const;

export type ApiSchemaName = keyof typeof API_SCHEMAS;

/** The JSON Schema (draft 2020-12) of each kind of API file, with `$id` its published address; open to fields it does not name. */
export function jsonSchemas(idOf: (name: ApiSchemaName) => string): Record<ApiSchemaName, object> {
  const open = (ctx: { jsonSchema: { additionalProperties?: unknown } }) => {
    if (ctx.jsonSchema.additionalProperties === false) delete ctx.jsonSchema.additionalProperties;
  };
  return Object.fromEntries(
    Object.entries(API_SCHEMAS).map(([name, schema]) => [
      name,
      { ...z.toJSONSchema(schema, { target: "draft-2020-12", override: open }), $id: idOf(name as ApiSchemaName) },
    ]),
  ) as Record<ApiSchemaName, object>;
}
