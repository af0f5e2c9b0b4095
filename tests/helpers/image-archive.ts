// A content root whose one issue has photos, photo news and scanned pages with a PDF and hotspots, every image made with sharp at test time so no binaries sit in git.
import { copyFile, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import sharp from "sharp";

const fixtureConfig = fileURLToPath(new URL("../fixtures/archive-small/baoku.config.json", import.meta.url));

/** The issue file of the image archive, relative to its content root. */
export const IMAGE_ISSUE_FILE = "issues/2022/2022-11-02.md";
/** Its folder of images. */
export const IMAGE_FOLDER = "issues/2022/2022-11-02";

export const IMAGE_ISSUE = `---
issue: 1481
date: 2022-11-02
lunar: 壬寅年十月初九
pages: 4
---

# 第1版 要闻

## 区委召开经济工作会议
区域：5,4,60,40

![会场](meeting.jpg "融媒体 郭龙君 摄")

东昌府讯 11月1日，区委召开经济工作会议，部署明年重点任务。

![主席台](stage.jpg "融媒体 郭龙君 摄")

会议强调，要坚持稳中求进工作总基调。

(融媒体 郭龙君)

##
区域：5，50，90，45

![秋收时节的田野](harvest.png "融媒体 徐振鑫 摄")

# 第2版 综合

## 社区公益大集开市
area: 10,10,80,40%

古楼街道湖北社区“信义+”公益大集开市。

(融媒体 全兴社)
`;

/** A JPEG or PNG of the given size: a gradient with a little noise, so encoders have real work but tests stay fast. */
export async function makeImage(file: string, width: number, height: number, format: "jpeg" | "png" | "gif" | "webp" = "jpeg"): Promise<void> {
  const gradient = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const offset = (y * width + x) * 3;
      gradient[offset] = (x * 255) / width;
      gradient[offset + 1] = (y * 255) / height;
      gradient[offset + 2] = ((x + y) * 37) % 256;
    }
  }
  await mkdir(path.dirname(file), { recursive: true });
  await sharp(gradient, { raw: { width, height, channels: 3 } })
    .toFormat(format)
    .toFile(file);
}

/** A minimal PDF's first bytes: enough for the check that a PDF is one. */
export const PDF_BYTES = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

/** Writes the image archive into `root` (a new temporary folder when omitted) and returns the root. */
export async function makeImageArchive(root?: string): Promise<string> {
  const contentRoot = root ?? (await mkdtemp(path.join(os.tmpdir(), "baoku-images-")));
  const folder = path.join(contentRoot, IMAGE_FOLDER);
  await mkdir(folder, { recursive: true });
  await copyFile(fixtureConfig, path.join(contentRoot, "baoku.config.json"));
  await writeFile(path.join(contentRoot, IMAGE_ISSUE_FILE), IMAGE_ISSUE);
  await Promise.all([
    makeImage(path.join(folder, "meeting.jpg"), 1600, 1200),
    makeImage(path.join(folder, "stage.jpg"), 600, 400),
    makeImage(path.join(folder, "harvest.png"), 800, 600, "png"),
    makeImage(path.join(folder, "page-1.jpg"), 1200, 1700),
    makeImage(path.join(folder, "page-2.jpg"), 1000, 1400),
    writeFile(path.join(folder, "page-1.pdf"), PDF_BYTES),
  ]);
  return contentRoot;
}
