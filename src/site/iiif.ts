// IIIF Presentation 3 after the newspaper recipe: a Manifest an issue with scans (a Canvas a 版, painted with its scan as a static
// level-0 image in the sizes the build publishes it in; a table of contents of a Range a 版 and in it a Range an article, on its
// hotspot's #xywh= fragment), and a Collection of every such issue with its navDate; plus each scan's Image API 3 info.json and the
// files its sizes are requested at.
import type { Article, Issue, IssueHeader, Page } from "../model.ts";
import { imageServicePath, IIIF_COLLECTION_PATH, manifestPath } from "../paths.ts";
import { issueDerivatives, SCAN_USE, THUMBNAIL_USE, widestOf, type Derivative } from "./derivatives.ts";
import { dateText, displayTitle, pageLabel } from "./words.ts";

const PRESENTATION_CONTEXT = "http://iiif.io/api/presentation/3/context.json";
const IMAGE_CONTEXT = "http://iiif.io/api/image/3/context.json";
/** The media type a manifest is served as, and announced with on the issue page. */
export const IIIF_MEDIA_TYPE = `application/ld+json;profile="${PRESENTATION_CONTEXT}"`;

type Language = Record<string, string[]>;
const zh = (text: string): Language => ({ "zh-Hans": [text] });

/** When an issue came out, as IIIF's navDate wants it: an xsd:dateTime in UTC. */
export function navDate(date: string): string {
  return `${date}T00:00:00Z`;
}

/** Where the manifest's links lead: each page of the issue, its JSON, and absolute addresses from site paths. */
export interface ManifestLinks {
  /** Absolute address of a site path (the path prefix added). */
  absolute(sitePath: string): string;
  paperName: string;
  issueJson: string;
  /** Absolute addresses of the issue's page, each 版's and each article's. */
  issueUrl: string;
  pageUrl(page: Page): string;
  articleUrl(page: Page, article: number): string;
  pdfUrl(page: Page): string | undefined;
}

/** The label of an issue in the manifest and the collection: 东昌府讯 2022年11月1日 总第1480期. */
function issueLabel(paperName: string, issue: Pick<Issue, "date" | "number">): string {
  return `${paperName} ${dateText(issue.date)} 总第${issue.number}期`;
}

/** The canvas of a 版, by its number. */
function canvasId(links: ManifestLinks, issue: Issue, page: number): string {
  return links.absolute(`${manifestPath(issue.date).replace(/manifest\.json$/, "")}canvas/${page}`);
}

/** A scan's sizes as the image service offers them: its JPEG derivatives, narrowest first. */
function scanSizes(issue: Issue, page: Page): Derivative[] {
  return issueDerivatives(issue, page.scan!, SCAN_USE).filter((derivative) => derivative.format === "jpeg");
}

/** An issue's manifest, or undefined when none of its 版 has a scan. */
export function issueManifest(issue: Issue, links: ManifestLinks): object | undefined {
  const scanned = issue.pages.filter((page) => page.scan);
  if (scanned.length === 0) return undefined;
  const id = links.absolute(manifestPath(issue.date));
  const canvases = scanned.map((page) => {
    const scan = page.scan!;
    const canvas = canvasId(links, issue, page.number);
    const widest = widestOf(issueDerivatives(issue, scan, SCAN_USE));
    const thumbnail = issueDerivatives(issue, scan, THUMBNAIL_USE)
      .filter((derivative) => derivative.format === "jpeg")
      .at(-1)!;
    const pdf = links.pdfUrl(page);
    return {
      id: canvas,
      type: "Canvas",
      label: zh(`第${page.number}版`),
      width: scan.width,
      height: scan.height,
      ...(page.name && { summary: zh(page.name) }),
      thumbnail: [{ id: links.absolute(thumbnail.path), type: "Image", format: "image/jpeg", width: thumbnail.width, height: thumbnail.height }],
      homepage: [
        { id: links.pageUrl(page), type: "Text", label: zh(`${dateText(issue.date)} ${pageLabel(page)}`), format: "text/html", language: ["zh-Hans"] },
      ],
      ...(pdf && { rendering: [{ id: pdf, type: "Text", label: zh(`${pageLabel(page)} PDF`), format: "application/pdf" }] }),
      items: [
        {
          id: `${canvas}/page`,
          type: "AnnotationPage",
          items: [
            {
              id: `${canvas}/page/scan`,
              type: "Annotation",
              motivation: "painting",
              target: canvas,
              body: {
                id: links.absolute(widest.path),
                type: "Image",
                format: "image/jpeg",
                width: widest.width,
                height: widest.height,
                service: [{ id: links.absolute(imageServicePath(issue.date, page.number)), type: "ImageService3", profile: "level0" }],
              },
            },
          ],
        },
      ],
    };
  });
  const rangeBase = `${links.absolute(manifestPath(issue.date).replace(/manifest\.json$/, ""))}range/`;
  const articleRange = (page: Page, article: Article) => {
    const canvas = canvasId(links, issue, page.number);
    const scan = page.scan!;
    const area = article.area;
    const fragment = area
      ? `#xywh=${[area.x * scan.width, area.y * scan.height, area.width * scan.width, area.height * scan.height].map((value) => Math.round(value / 100)).join(",")}`
      : "";
    return {
      id: `${rangeBase}${page.number}-${article.number}`,
      type: "Range",
      label: zh(displayTitle(article)),
      homepage: [{ id: links.articleUrl(page, article.number), type: "Text", label: zh(displayTitle(article)), format: "text/html", language: ["zh-Hans"] }],
      items: [{ id: `${canvas}${fragment}`, type: "Canvas" }],
    };
  };
  // One table of contents (目录) holding a Range a 版 and, in each, a Range an article: Universal Viewer shows the tree of the first
  // top-level Range only (manifold's Helper.getTree), so articles side by side at the top showed as the first article alone.
  const contents = {
    id: `${rangeBase}contents`,
    type: "Range",
    label: zh("目录"),
    items: scanned.map((page) => ({
      id: `${rangeBase}${page.number}`,
      type: "Range",
      label: zh(pageLabel(page)),
      items:
        page.articles.length > 0 ? page.articles.map((article) => articleRange(page, article)) : [{ id: canvasId(links, issue, page.number), type: "Canvas" }],
    })),
  };
  return {
    "@context": PRESENTATION_CONTEXT,
    id,
    type: "Manifest",
    label: zh(issueLabel(links.paperName, issue)),
    metadata: [
      { label: zh("日期"), value: zh(`${dateText(issue.date)} ${issue.weekday}`) },
      { label: zh("农历"), value: zh(issue.lunarDate) },
      { label: zh("期号"), value: zh(`总第${issue.number}期`) },
      { label: zh("版数"), value: zh(`今日${issue.printedPageCount}版`) },
    ],
    navDate: navDate(issue.date),
    behavior: ["individuals"],
    homepage: [{ id: links.issueUrl, type: "Text", label: zh(issueLabel(links.paperName, issue)), format: "text/html", language: ["zh-Hans"] }],
    seeAlso: [{ id: links.issueJson, type: "Dataset", label: zh("本期数据 JSON"), format: "application/json" }],
    partOf: [{ id: links.absolute(IIIF_COLLECTION_PATH), type: "Collection" }],
    items: canvases,
    structures: [contents],
  };
}

/** The level-0 image service of a 版's scan: its info.json, and each file a viewer may request of it, as the derivative it is. */
export function imageService(
  issue: Issue,
  page: Page,
  absolute: (sitePath: string) => string,
): { info: object; files: { path: string; derivative: Derivative }[] } {
  const sizes = scanSizes(issue, page);
  const widest = sizes.at(-1)!;
  const service = imageServicePath(issue.date, page.number);
  return {
    info: {
      "@context": IMAGE_CONTEXT,
      id: absolute(service),
      type: "ImageService3",
      protocol: "http://iiif.io/api/image",
      profile: "level0",
      width: widest.width,
      height: widest.height,
      sizes: sizes.map((size) => ({ width: size.width, height: size.height })),
    },
    // Image API 3 requests a size as w,h; clients of the 2.x API ask for w, and every client may ask for max.
    files: [
      ...sizes.flatMap((size) =>
        [`${size.width},${size.height}`, `${size.width},`].map((form) => ({ path: `${service}/full/${form}/0/default.jpg`, derivative: size })),
      ),
      { path: `${service}/full/max/0/default.jpg`, derivative: widest },
    ],
  };
}

/** The paper's collection: every issue that has scans, oldest first, each with its navDate. */
export function issueCollection(paperName: string, headers: readonly IssueHeader[], absolute: (sitePath: string) => string, homepage: string): object {
  return {
    "@context": PRESENTATION_CONTEXT,
    id: absolute(IIIF_COLLECTION_PATH),
    type: "Collection",
    label: zh(paperName),
    homepage: [{ id: homepage, type: "Text", label: zh(paperName), format: "text/html", language: ["zh-Hans"] }],
    items: headers
      .filter((header) => header.scanCount > 0)
      .map((header) => ({
        id: absolute(manifestPath(header.date)),
        type: "Manifest",
        label: zh(issueLabel(paperName, header)),
        navDate: navDate(header.date),
      })),
  };
}
