// Photos and page scans: the area label, derivative planning, the markup of <picture>, scans, hotspots and social tags, the image cache, and every bad image's message.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse, type HTMLElement } from "node-html-parser";
import { buildSite, type BuildResult } from "../src/build/build.ts";
import { testRenderPool } from "./helpers/render-pool.ts";
import { readArea } from "../src/content/labels.ts";
import { imagePathProblem } from "../src/content/photos.ts";
import { widthsFor, PHOTO_USE, SCAN_USE } from "../src/site/derivatives.ts";
import { IMAGE_FOLDER, IMAGE_ISSUE_FILE, makeImage, makeImageArchive, PDF_BYTES } from "./helpers/image-archive.ts";
import { report } from "./helpers/report.ts";
import { problem } from "../src/problems.ts";
import { problemMessage } from "../src/messages/report.ts";

/** The built page at a site URL such as /2022/11/02/1/, parsed. */
async function open(siteDir: string, url: string): Promise<HTMLElement> {
  return parse(await readFile(path.join(siteDir, url, "index.html"), "utf8"));
}

/** The addresses a srcset lists, with their widths. */
function srcsetEntries(srcset: string | undefined): { url: string; width: number }[] {
  return (srcset ?? "")
    .split(",")
    .map((entry) => entry.trim().split(" "))
    .map(([url, width]) => ({ url: url!, width: Number(width!.replace(/w$/, "")) }));
}

function meta(document: HTMLElement, key: string): string | undefined {
  return document.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute("content");
}

test("should read an area in percent, with ASCII or full-width commas and % signs", () => {
  assert.deepEqual(readArea("5,4,60,40"), { area: { x: 5, y: 4, width: 60, height: 40 } });
  assert.deepEqual(readArea("5，50，90，45"), { area: { x: 5, y: 50, width: 90, height: 45 } });
  assert.deepEqual(readArea("10%, 10%, 80%, 40.5%"), { area: { x: 10, y: 10, width: 80, height: 40.5 } });
});

test("should refuse an area that is not four numbers, leaves 0–100, has no size or reaches past the scan", () => {
  const problems = ["5,4,60", "a,b,c,d", "5,4,160,40", "-1,4,60,40", "5,4,0,40", "50,10,60,30", "10,70.1,20,30"].map((value) => {
    const read = readArea(value);
    return "fault" in read ? problemMessage(problem("InvalidArea", { file: "x.md" }, { word: "区域", ...read.fault }), "en") : undefined;
  });
  assert.deepEqual(problems, [
    "The area must be four numbers x,y,w,h (percent of the scan), but is “5,4,60”.",
    "The area must be four numbers x,y,w,h (percent of the scan), but is “a,b,c,d”.",
    "The area gives w = 160, but every number is a percentage from 0 to 100.",
    "The area gives x = -1, but every number is a percentage from 0 to 100.",
    "The area has no size: its width and height must be more than 0.",
    "The area reaches past the scan's right edge: x + w is 110, more than 100.",
    "The area reaches past the scan's bottom edge: y + h is 100.1, more than 100.",
  ]);
});

test("should never plan a derivative wider than its source", () => {
  assert.deepEqual(widthsFor({ width: 3000 }, PHOTO_USE), [480, 960, 1440]);
  assert.deepEqual(widthsFor({ width: 1000 }, PHOTO_USE), [480, 960, 1000]);
  assert.deepEqual(widthsFor({ width: 300 }, PHOTO_USE), [300]);
  assert.deepEqual(widthsFor({ width: 1200 }, SCAN_USE), [640, 1200]);
});

test("should refuse image paths that leave the issue's folder, however they are written", () => {
  const cases = {
    "../a.jpg": "parent",
    "photos/../../a.jpg": "parent",
    "%2e%2e/a.jpg": "parent",
    "%2e%2e%2fa.jpg": "parent",
    "..\\a.jpg": "parent",
    "/etc/passwd": "absolute",
    "%2Fetc%2Fpasswd": "absolute",
    "C:\\photos\\a.jpg": "absolute",
    "c:/photos/a.jpg": "absolute",
    "//example.com/a.jpg": "address",
    "file:///etc/passwd": "address",
    "a%00.jpg": "control",
  };
  for (const [url, problem] of Object.entries(cases)) assert.equal(imagePathProblem(url), problem, url);
  assert.equal(imagePathProblem("photos/a.jpg"), undefined);
  assert.equal(imagePathProblem("照片 1.jpg"), undefined);
});

describe("an issue with photos, photo news and scanned pages", () => {
  let contentRoot: string;
  let siteDir: string;
  let cacheDir: string;
  let first: BuildResult;

  before(async () => {
    contentRoot = await makeImageArchive();
    siteDir = path.join(contentRoot, "_site");
    cacheDir = path.join(contentRoot, ".cache");
    first = await buildSite({ renderPool: testRenderPool(), contentRoot, outputDir: siteDir, cacheDir: cacheDir });
    assert.ok(first.ok, report(first.problems));
  });

  after(async () => {
    await rm(contentRoot, { recursive: true, force: true });
  });

  test("should serve a photo as AVIF, WebP and JPEG at widths up to its own, with its size", async () => {
    const picture = (await open(siteDir, "/2022/11/02/1/1/")).querySelector("figure.photo picture")!;
    const sources = picture.querySelectorAll("source");
    assert.deepEqual(
      sources.map((source) => source.getAttribute("type")),
      ["image/avif", "image/webp"],
    );
    const image = picture.querySelector("img")!;
    for (const [element, extension] of [
      [sources[0]!, "avif"],
      [sources[1]!, "webp"],
      [image, "jpg"],
    ] as const) {
      const entries = srcsetEntries(element.getAttribute("srcset"));
      assert.deepEqual(
        entries.map((entry) => entry.width),
        [480, 960, 1440],
        extension,
      );
      for (const entry of entries) assert.match(entry.url, new RegExp(`^/2022/11/02/meeting\\.${entry.width}\\.[0-9a-f]{10}\\.${extension}$`));
      assert.equal(element.getAttribute("sizes"), "(min-width: 42rem) 40rem, calc(100vw - 2rem)");
    }
    assert.match(image.getAttribute("src")!, /^\/2022\/11\/02\/meeting\.1440\.[0-9a-f]{10}\.jpg$/);
    assert.deepEqual([image.getAttribute("width"), image.getAttribute("height")], ["1440", "1080"]);
  });

  test("should publish every file a page's srcset names, at the width it claims", async () => {
    const sharp = (await import("sharp")).default;
    const document = await open(siteDir, "/2022/11/02/1/1/");
    const entries = document.querySelectorAll("source, img").flatMap((element) => srcsetEntries(element.getAttribute("srcset")));
    assert.equal(entries.length, 3 * 3 + 3 * 2);
    for (const entry of entries) {
      const metadata = await sharp(path.join(siteDir, entry.url)).metadata();
      assert.equal(metadata.width, entry.width, entry.url);
      assert.equal(metadata.format, { avif: "heif", webp: "webp", jpg: "jpeg" }[path.extname(entry.url).slice(1)], entry.url);
    }
  });

  test("should load the first image on a page at once and every other lazily, all decoded asynchronously", async () => {
    const images = (await open(siteDir, "/2022/11/02/1/1/")).querySelectorAll("main img");
    assert.deepEqual(
      images.map((image) => [image.getAttribute("loading"), image.getAttribute("decoding")]),
      [
        ["eager", "async"],
        ["lazy", "async"],
      ],
    );
    const issueImages = (await open(siteDir, "/2022/11/02/")).querySelectorAll("main img");
    assert.deepEqual(
      issueImages.map((image) => image.getAttribute("loading")),
      ["eager", "lazy"],
    );
    assert.deepEqual(
      (await open(siteDir, "/2022/11/02/1/")).querySelectorAll("main img").map((image) => image.getAttribute("loading")),
      ["eager", "lazy", "lazy"],
      "the scan, then 版面导航's thumbnails",
    );
  });

  test("should take a photo's alt text from its caption and show caption and credit under it", async () => {
    const figures = (await open(siteDir, "/2022/11/02/1/1/")).querySelectorAll("figure.photo");
    assert.deepEqual(
      figures.map((figure) => figure.querySelector("img")?.getAttribute("alt")),
      ["会场", "主席台"],
    );
    assert.equal(figures[0]!.querySelector("figcaption")?.textContent.replace(/\s+/g, " ").trim(), "会场 融媒体 郭龙君 摄");
    assert.equal(figures[0]!.querySelector("figcaption .photo-credit")?.textContent, "融媒体 郭龙君 摄");
  });

  test("should show photo news large, across the wide column", async () => {
    const document = await open(siteDir, "/2022/11/02/1/2/");
    assert.ok(document.querySelector("article.is-photo-news"));
    const image = document.querySelector("article figure.photo img")!;
    assert.equal(image.getAttribute("sizes"), "(min-width: 66rem) 62rem, calc(100vw - 2rem)");
    assert.deepEqual(
      srcsetEntries(image.getAttribute("srcset")).map((entry) => entry.width),
      [480, 800],
    );
    assert.equal(image.getAttribute("alt"), "秋收时节的田野");
  });

  test("should show a 版's scan large, with its widest copy and its PDF", async () => {
    const scan = (await open(siteDir, "/2022/11/02/1/")).querySelector("figure.scan")!;
    const image = scan.querySelector("img")!;
    assert.equal(image.getAttribute("alt"), "2022年11月2日 第1版 要闻 版面图");
    assert.deepEqual([image.getAttribute("width"), image.getAttribute("height")], ["1200", "1700"]);
    assert.deepEqual(
      srcsetEntries(image.getAttribute("srcset")).map((entry) => entry.width),
      [640, 1200],
    );
    const links = scan.querySelectorAll(".scan-actions a");
    assert.deepEqual(
      links.map((link) => link.textContent),
      ["查看大图", "下载PDF"],
    );
    assert.match(links[0]!.getAttribute("href")!, /^\/2022\/11\/02\/page-1\.1200\.[0-9a-f]{10}\.jpg$/);
    assert.equal(links[1]!.getAttribute("href"), "/2022/11/02/page-1.pdf");
    assert.equal(await readFile(path.join(siteDir, "2022/11/02/page-1.pdf"), "latin1"), PDF_BYTES);
    assert.ok(scan.querySelector("[data-scan-zoom-controls][data-needs-script] button[data-scan-zoom]"), "the zoom buttons are shown only with scripts");
    const page2 = (await open(siteDir, "/2022/11/02/2/")).querySelector("figure.scan")!;
    assert.equal(page2.querySelectorAll(".scan-actions a").length, 1, "no PDF link without a PDF");
  });

  test("should draw each article's area as a link over the scan, named by its title", async () => {
    const spots = (await open(siteDir, "/2022/11/02/1/")).querySelectorAll("figure.scan svg a");
    assert.deepEqual(
      spots.map((spot) => ({
        href: spot.getAttribute("href"),
        name: spot.getAttribute("aria-label"),
        rect: ["x", "y", "width", "height"].map((name) => spot.querySelector("rect")?.getAttribute(name)),
      })),
      [
        { href: "/2022/11/02/1/1/", name: "区委召开经济工作会议", rect: ["5", "4", "60", "40"] },
        { href: "/2022/11/02/1/2/", name: "图片新闻", rect: ["5", "50", "90", "45"] },
      ],
    );
    const svg = (await open(siteDir, "/2022/11/02/1/")).querySelector("figure.scan svg")!;
    assert.equal(svg.getAttribute("viewBox"), "0 0 100 100");
    const english = (await open(siteDir, "/2022/11/02/2/")).querySelectorAll("figure.scan svg a");
    assert.deepEqual(
      english.map((spot) => [spot.getAttribute("href"), spot.getAttribute("aria-label")]),
      [["/2022/11/02/2/1/", "社区公益大集开市"]],
    );
  });

  test("should show each 版's thumbnail in the issue's 版面导航", async () => {
    const links = (await open(siteDir, "/2022/11/02/")).querySelectorAll(".page-nav a");
    assert.deepEqual(
      links.map((link) => [link.getAttribute("href"), link.textContent.trim(), link.querySelector("img")?.getAttribute("alt")]),
      [
        ["/2022/11/02/1/", "第1版 要闻", ""],
        ["/2022/11/02/2/", "第2版 综合", ""],
      ],
    );
    const thumbnail = links[0]!.querySelector("img")!;
    assert.deepEqual(
      srcsetEntries(thumbnail.getAttribute("srcset")).map((entry) => entry.width),
      [120, 240],
    );
    assert.equal(thumbnail.getAttribute("sizes"), "7.5rem");
    assert.equal((await open(siteDir, "/2022/11/02/1/")).querySelectorAll(".page-nav img").length, 2, "the 版 page's 版面导航 shows the thumbnails too");
  });

  test("should give issue and article pages Open Graph and Twitter card tags with absolute addresses", async () => {
    const article = await open(siteDir, "/2022/11/02/1/1/");
    assert.equal(meta(article, "og:type"), "article");
    assert.equal(meta(article, "og:title"), "区委召开经济工作会议");
    assert.equal(meta(article, "og:description"), "区委召开经济工作会议，部署明年重点任务。");
    assert.equal(meta(article, "og:url"), "http://localhost:8080/2022/11/02/1/1/");
    assert.match(meta(article, "og:image")!, /^http:\/\/localhost:8080\/2022\/11\/02\/meeting\.1440\.[0-9a-f]{10}\.jpg$/);
    assert.deepEqual([meta(article, "og:image:width"), meta(article, "og:image:height"), meta(article, "og:image:alt")], ["1440", "1080", "会场"]);
    assert.equal(meta(article, "twitter:card"), "summary_large_image");
    assert.equal(meta(article, "twitter:image"), meta(article, "og:image"));
    assert.equal(meta(article, "twitter:description"), meta(article, "og:description"));

    const issue = await open(siteDir, "/2022/11/02/");
    assert.equal(meta(issue, "og:title"), "2022年11月2日 总第1481期");
    assert.equal(meta(issue, "og:description"), "区委召开经济工作会议，部署明年重点任务。");
    assert.equal(meta(issue, "og:image"), meta(article, "og:image"), "the issue's first photo");

    const noPhoto = await open(siteDir, "/2022/11/02/2/1/");
    assert.match(meta(noPhoto, "og:image")!, /^http:\/\/localhost:8080\/2022\/11\/02\/page-1\.1200\.[0-9a-f]{10}\.jpg$/, "the front page's scan");
    assert.equal(meta(noPhoto, "og:image:alt"), "2022年11月2日 第1版 要闻");
  });

  test("should keep derivatives in a cache outside the site and encode nothing on a second build", async () => {
    // 3 photos (3, 2 and 2 widths), 2 scans (2 widths each) and their thumbnails (2 widths each), in 3 formats.
    assert.deepEqual(first.images, { encoded: 3 * (3 + 2 + 2 + 2 + 2 + 2 + 2), reused: 0 });
    const cached = (await readdir(path.join(cacheDir, "images"), { recursive: true })).filter((file) => /\.(avif|webp|jpeg)$/.test(file));
    assert.equal(cached.length, first.images!.encoded);
    const again = await buildSite({ renderPool: testRenderPool(), contentRoot, outputDir: path.join(contentRoot, "again"), cacheDir: cacheDir });
    assert.ok(again.ok, report(again.problems));
    assert.deepEqual(again.images, { encoded: 0, reused: first.images!.encoded });
    for (const url of ["/2022/11/02/", "/2022/11/02/1/", "/2022/11/02/1/1/"]) {
      assert.equal(
        await readFile(path.join(contentRoot, "again", url, "index.html"), "utf8"),
        await readFile(path.join(siteDir, url, "index.html"), "utf8"),
        url,
      );
    }
  });

  test("should encode only the changed image when one photo is replaced", async () => {
    const changedRoot = await makeImageArchive(path.join(contentRoot, "changed"));
    await makeImage(path.join(changedRoot, IMAGE_FOLDER, "stage.jpg"), 640, 400);
    const result = await buildSite({ renderPool: testRenderPool(), contentRoot: changedRoot, outputDir: path.join(changedRoot, "_site"), cacheDir: cacheDir });
    assert.ok(result.ok, report(result.problems));
    assert.deepEqual(result.images, { encoded: 3 * 2, reused: first.images!.encoded - 3 * 2 });
  });
});

describe("bad images", () => {
  let root: string;

  before(async () => {
    root = await mkdtemp(path.join(tmpdir(), "baoku-bad-images-"));
  });

  after(async () => {
    await rm(root, { recursive: true, force: true });
  });

  /** Line of the first line of `text` that includes `needle`. */
  function lineOf(text: string, needle: string): number {
    return text.split("\n").findIndex((line) => line.includes(needle)) + 1;
  }

  /** A content root whose one issue is `body` (after the front matter), with `files` written into its folder; and an output folder holding an earlier site. */
  async function archiveWith(name: string, body: string): Promise<{ contentRoot: string; outputDir: string; text: string; folder: string }> {
    const contentRoot = await makeImageArchive(path.join(root, name));
    const text = `---\nissue: 1481\ndate: 2022-11-02\nlunar: 壬寅年十月初九\npages: 4\n---\n${body}`;
    await writeFile(path.join(contentRoot, IMAGE_ISSUE_FILE), text);
    const outputDir = path.join(contentRoot, "site");
    await mkdir(outputDir);
    await writeFile(path.join(outputDir, "index.html"), "the earlier site");
    return { contentRoot, outputDir, text, folder: path.join(contentRoot, IMAGE_FOLDER) };
  }

  async function assertNothingWritten(outputDir: string): Promise<void> {
    assert.deepEqual(await readdir(outputDir), ["index.html"]);
    assert.equal(await readFile(path.join(outputDir, "index.html"), "utf8"), "the earlier site");
    assert.deepEqual(
      (await readdir(path.dirname(outputDir))).filter((entry) => entry.startsWith("site.")),
      [],
      "no staging folder is left behind",
    );
  }

  test("should name the file and line of every bad image, report them together and write nothing", async () => {
    const { contentRoot, outputDir, text, folder } = await archiveWith(
      "together",
      `
# 第1版 要闻

## 坏图片
区域：50,10,60,30

![缺失](missing.jpg "张三 摄")

![损坏](corrupt.jpg)

![动图](anim.gif)

![超大](huge.png)

![上级](../2022-11-01/photo.jpg)

![绝对](/etc/passwd)

![编码](%2e%2e%2fsecret.jpg)

![盘符](C:\\photos\\a.jpg)

![链接](linked.jpg)

正文。

(融媒体 郭龙君)

# 第2版 综合

## 二版文章

正文。

(融媒体 郭龙君)
`,
    );
    await writeFile(path.join(folder, "corrupt.jpg"), "not an image at all");
    await makeImage(path.join(folder, "anim.gif"), 40, 30, "gif");
    await makeImage(path.join(folder, "huge.png"), 16_001, 8, "png");
    await makeImage(path.join(contentRoot, "outside.jpg"), 40, 30);
    await symlink(path.join(contentRoot, "outside.jpg"), path.join(folder, "linked.jpg"));
    await writeFile(path.join(folder, "page-1.pdf"), "<html>not a pdf</html>");
    await writeFile(path.join(folder, "page-2.jpg"), "not a scan");

    const result = await buildSite({ renderPool: testRenderPool(), contentRoot, outputDir, cacheDir: path.join(contentRoot, ".cache") });
    assert.equal(result.ok, false);
    assert.equal(result.images, undefined, "nothing was encoded");
    const file = "issues/2022/2022-11-02.md";
    const expected = [
      `error ${file}:${lineOf(text, "区域")} 区域: The area reaches past the scan's right edge: x + w is 110, more than 100. Write the article's rectangle on the 版's scan as x,y,w,h in percent from the top left corner, within 0–100, e.g. 区域：10,5,40,30. [InvalidArea]`,
      `error ${file}:${lineOf(text, "missing.jpg")} image: The image missing.jpg is not in issues/2022/2022-11-02/. Copy the image into issues/2022/2022-11-02/ or correct its name. [MissingImage]`,
      `error ${file}:${lineOf(text, "corrupt.jpg")} image: The image corrupt.jpg cannot be read as an image (Input buffer contains unsupported image format). Export it again as JPEG, PNG or WebP. [UnreadableImage]`,
      `error ${file}:${lineOf(text, "anim.gif")} image: The image anim.gif is GIF, which the site does not publish. Export it as JPEG, PNG or WebP. [UnsupportedImage]`,
      `error ${file}:${lineOf(text, "huge.png")} image: The image huge.png is 16001×8 pixels, more than 16000 on a side. Export it smaller; 16000 pixels a side is the limit, and 3000 is plenty for a page scan. [ImageTooLarge]`,
      `error ${file}:${lineOf(text, "../2022-11-01")} image: The image “../2022-11-01/photo.jpg” leaves the issue's folder (..).`,
      `error ${file}:${lineOf(text, "/etc/passwd")} image: The image “/etc/passwd” is an absolute path, outside the issue's folder.`,
      `error ${file}:${lineOf(text, "%2e%2e")} image: The image “%2e%2e%2fsecret.jpg” leaves the issue's folder (..).`,
      `error ${file}:${lineOf(text, "C:")} image: The image “C:\\photos\\a.jpg” is an absolute path, outside the issue's folder.`,
      `error ${file}:${lineOf(text, "linked.jpg")} image: The image linked.jpg is a link to a file outside the issue's folder. Copy the image itself into issues/2022/2022-11-02/. [ImagePathOutsideIssue]`,
      `error ${file}:${lineOf(text, "# 第1版")} scan: issues/2022/2022-11-02/page-1.pdf is not a PDF. Export the 版 again as PDF, or remove page-1.pdf. [UnreadablePdf]`,
      `error ${file}:${lineOf(text, "# 第2版")} scan: The image page-2.jpg cannot be read as an image (Input buffer contains unsupported image format). Export it again as JPEG, PNG or WebP. [UnreadableImage]`,
    ];
    const lines = report(result.problems).split("\n");
    assert.match(lines[0]!, /^Found \d+ problems in 1 issue \(\d+ errors/);
    for (const line of expected)
      assert.ok(
        lines.some((reported) => reported.startsWith(line)),
        `missing from the report:\n${line}\n\nreport:\n${report(result.problems)}`,
      );
    await assertNothingWritten(outputDir);
  });

  test("should stop on an image cut short, found only while encoding, and write nothing", async () => {
    const { contentRoot, outputDir, text, folder } = await archiveWith(
      "truncated",
      `
# 第1版 要闻

## 截断的照片

![截断](cut.jpg "融媒体 郭龙君 摄")

正文。

(融媒体 郭龙君)
`,
    );
    await makeImage(path.join(folder, "whole.jpg"), 800, 600);
    const whole = await readFile(path.join(folder, "whole.jpg"));
    await writeFile(path.join(folder, "cut.jpg"), whole.subarray(0, Math.floor(whole.length * 0.6)));
    const result = await buildSite({ renderPool: testRenderPool(), contentRoot, outputDir, cacheDir: path.join(contentRoot, ".cache") });
    assert.equal(result.ok, false);
    assert.match(
      report(result.problems),
      new RegExp(
        `^error issues/2022/2022-11-02\\.md:${lineOf(text, "cut.jpg")} image: The image cut\\.jpg cannot be read as an image \\(.+\\)\\. Export it again as JPEG, PNG or WebP\\. \\[UnreadableImage\\]$`,
        "m",
      ),
    );
    await assertNothingWritten(outputDir);
  });

  test("should warn of an area on a 版 with no scan and of a scan of a 版 the file does not have", async () => {
    const { contentRoot, outputDir, text, folder } = await archiveWith(
      "warnings",
      `
# 第2版 综合

## 没有版面图
area: 10,10,50,50

正文。

(融媒体 郭龙君)
`,
    );
    await rm(path.join(folder, "page-2.jpg"));
    await makeImage(path.join(folder, "page-3.jpg"), 100, 140);
    const result = await buildSite({ renderPool: testRenderPool(), contentRoot, outputDir, cacheDir: path.join(contentRoot, ".cache") });
    assert.ok(result.ok, report(result.problems));
    const lines = report(result.problems).split("\n");
    assert.ok(
      lines.includes(
        `warning issues/2022/2022-11-02.md:${lineOf(text, "## 没有版面图")} area: The article “没有版面图” gives its area on 第2版, but issues/2022/2022-11-02/ has no scan of that 版, so the area is not shown. Add the scan as issues/2022/2022-11-02/page-2.jpg, or remove the 区域 label. [AreaWithoutScan]`,
      ),
      report(result.problems),
    );
    assert.ok(
      lines.includes(
        "warning issues/2022/2022-11-02.md scan: issues/2022/2022-11-02/page-1.jpg is not shown: the issue file has no 第1版. Add the 版 (# 第1版) with its articles, or remove the scan. [ScanWithoutPage]",
      ),
      report(result.problems),
    );
    assert.ok(
      lines.includes(
        "warning issues/2022/2022-11-02.md scan: issues/2022/2022-11-02/page-3.jpg is not shown: the issue file has no 第3版. Add the 版 (# 第3版) with its articles, or remove the scan. [ScanWithoutPage]",
      ),
      report(result.problems),
    );
  });
});
