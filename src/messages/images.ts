// The words of the problems with an issue's photos, scans and PDFs, in Chinese and in English.
import type { ImagePathReason } from "../model.ts";
import type { Words } from "./language.ts";
import type { Wording } from "./catalogue.ts";
import { EXAMPLE_FILE, EXAMPLE_FOLDER } from "./issue-file.ts";

/** Why each kind of image path may not be used. */
const IMAGE_PATH_REASONS: Record<ImagePathReason, Words> = {
  address: { "zh-CN": "是网址，不是本期的文件", en: "is an address, not a file of the issue" },
  absolute: { "zh-CN": "是绝对路径，在本期的文件夹之外", en: "is an absolute path, outside the issue's folder" },
  control: { "zh-CN": "含有控制字符，不能当作文件名", en: "contains a control character, so it cannot name a file" },
  parent: { "zh-CN": "用 .. 跳出了本期的文件夹", en: "leaves the issue's folder (..)" },
  empty: { "zh-CN": "是空的", en: "is empty" },
  link: { "zh-CN": "是指向本期文件夹之外的链接", en: "is a link to a file outside the issue's folder" },
};

export const IMAGE_PROBLEMS = {
  ImagePathOutsideIssue: {
    title: { "zh-CN": "图片不在本期的文件夹里", en: "Image outside the issue's folder" },
    message: {
      "zh-CN": ({ image, reason }) => `图片“${image}”${IMAGE_PATH_REASONS[reason]["zh-CN"]}。`,
      // A link is named as the file it is; the other reasons are about what was written, which is quoted.
      en: ({ image, reason }) => `${reason === "link" ? `The image ${image}` : `The image “${image}”`} ${IMAGE_PATH_REASONS[reason].en}.`,
    },
    hint: {
      "zh-CN": ({ reason, folder }) =>
        reason === "link"
          ? `把图片文件本身复制到 ${folder}/ 里。`
          : `把图片放进本期的文件夹（${folder}/），只写文件名，例如 ![说明](photo.jpg "融媒体 张三 摄")。`,
      en: ({ reason, folder }) =>
        reason === "link"
          ? `Copy the image itself into ${folder}/.`
          : `Put the image in the issue's folder (${folder}/) and write its name, e.g. ![说明](photo.jpg "融媒体 张三 摄").`,
    },
    examples: [
      { file: EXAMPLE_FILE, line: 14, field: "image", facts: { image: "../2022-11-01/photo.jpg", reason: "parent", folder: EXAMPLE_FOLDER } },
      { file: EXAMPLE_FILE, line: 14, field: "image", facts: { image: "photo.jpg", reason: "link", folder: EXAMPLE_FOLDER } },
    ],
  },
  MissingImage: {
    title: { "zh-CN": "找不到图片", en: "Image not found" },
    message: {
      "zh-CN": ({ image, folder, notAFile }) => (notAFile ? `${image} 在 ${folder}/ 里不是一个文件。` : `图片 ${image} 不在 ${folder}/ 里。`),
      en: ({ image, folder, notAFile }) => (notAFile ? `The image ${image} is not a file in ${folder}/.` : `The image ${image} is not in ${folder}/.`),
    },
    hint: {
      "zh-CN": ({ folder }) => `把图片复制到 ${folder}/ 里，或者改正文件名。`,
      en: ({ folder }) => `Copy the image into ${folder}/ or correct its name.`,
    },
    examples: [{ file: EXAMPLE_FILE, line: 14, field: "image", facts: { image: "photo.jpg", folder: EXAMPLE_FOLDER } }],
  },
  UnreadableImage: {
    title: { "zh-CN": "图片读不出来", en: "Image cannot be read" },
    message: {
      "zh-CN": ({ image, reason }) => `图片 ${image} 读不出来，文件可能已损坏（图像程序的说明：${reason}）。`,
      en: ({ image, reason }) => `The image ${image} cannot be read as an image (${reason}).`,
    },
    hint: { "zh-CN": () => "重新导出为 JPEG、PNG 或 WebP。", en: () => "Export it again as JPEG, PNG or WebP." },
    examples: [{ file: EXAMPLE_FILE, line: 14, field: "image", facts: { image: "photo.jpg", reason: "VipsJpeg: Premature end of input file" } }],
  },
  UnsupportedImage: {
    title: { "zh-CN": "图片格式不支持", en: "Image format not published" },
    message: {
      "zh-CN": ({ image, format }) => `图片 ${image} 是 ${format.toUpperCase()} 格式，网站不发布这种格式。`,
      en: ({ image, format }) => `The image ${image} is ${format.toUpperCase()}, which the site does not publish.`,
    },
    hint: { "zh-CN": () => "导出为 JPEG、PNG 或 WebP。", en: () => "Export it as JPEG, PNG or WebP." },
    examples: [{ file: EXAMPLE_FILE, line: 14, field: "image", facts: { image: "photo.gif", format: "gif" } }],
  },
  ImageTooLarge: {
    title: { "zh-CN": "图片太大", en: "Image too large" },
    message: {
      "zh-CN": ({ image, width, height, limit }) => `图片 ${image} 有 ${width}×${height} 像素，超过了每边 ${limit} 像素的上限。`,
      en: ({ image, width, height, limit }) => `The image ${image} is ${width}×${height} pixels, more than ${limit} on a side.`,
    },
    hint: {
      "zh-CN": ({ limit }) => `导出小一些的图片：每边最多 ${limit} 像素，版面图有 3000 像素就够了。`,
      en: ({ limit }) => `Export it smaller; ${limit} pixels a side is the limit, and 3000 is plenty for a page scan.`,
    },
    examples: [{ file: EXAMPLE_FILE, line: 14, field: "image", facts: { image: "photo.jpg", width: 19000, height: 19000, limit: 16000 } }],
  },
  UnreadablePdf: {
    title: { "zh-CN": "PDF 打不开", en: "Not a PDF" },
    message: { "zh-CN": ({ pdf }) => `${pdf} 不是 PDF 文件。`, en: ({ pdf }) => `${pdf} is not a PDF.` },
    hint: {
      "zh-CN": ({ name }) => `把这个版重新导出为 PDF，或者删掉 ${name}。`,
      en: ({ name }) => `Export the 版 again as PDF, or remove ${name}.`,
    },
    examples: [{ file: EXAMPLE_FILE, line: 8, field: "scan", facts: { pdf: `${EXAMPLE_FOLDER}/page-1.pdf`, name: "page-1.pdf" } }],
  },
  AreaWithoutScan: {
    title: { "zh-CN": "有区域但没有版面图", en: "Area on a page without a scan" },
    message: {
      "zh-CN": ({ title, page, folder }) => `稿件“${title || "图片新闻"}”写了它在第${page}版上的区域，但 ${folder}/ 里没有这个版的版面图，区域不会显示。`,
      en: ({ title, page, folder }) =>
        `The article “${title || "图片新闻"}” gives its area on 第${page}版, but ${folder}/ has no scan of that 版, so the area is not shown.`,
    },
    hint: {
      "zh-CN": ({ page, folder }) => `把版面图放在 ${folder}/page-${page}.jpg，或者删掉“区域”标签。`,
      en: ({ page, folder }) => `Add the scan as ${folder}/page-${page}.jpg, or remove the 区域 label.`,
    },
    examples: [{ file: EXAMPLE_FILE, line: 10, field: "area", facts: { title: "区委召开常委会会议", page: 1, folder: EXAMPLE_FOLDER } }],
  },
  ScanWithoutPage: {
    title: { "zh-CN": "版面图用不上", en: "Scan not shown" },
    message: {
      "zh-CN": ({ scan, page, pdfOnly }) =>
        pdfOnly ? `${scan} 没有用上：第${page}版没有配套的版面图（page-${page}.jpg）。` : `${scan} 没有显示：本期文件里没有第${page}版。`,
      en: ({ scan, page, pdfOnly }) =>
        pdfOnly
          ? `${scan} is not linked: 第${page}版 has no scan image (page-${page}.jpg) to go with it.`
          : `${scan} is not shown: the issue file has no 第${page}版.`,
    },
    hint: {
      "zh-CN": ({ page, pdfOnly }) => (pdfOnly ? `在 PDF 旁边放上 page-${page}.jpg。` : `写上这个版（# 第${page}版）和它的稿件，或者删掉这张版面图。`),
      en: ({ page, pdfOnly }) => (pdfOnly ? `Add page-${page}.jpg beside the PDF.` : `Add the 版 (# 第${page}版) with its articles, or remove the scan.`),
    },
    examples: [
      { file: EXAMPLE_FILE, field: "scan", facts: { scan: `${EXAMPLE_FOLDER}/page-3.jpg`, page: 3, pdfOnly: false } },
      { file: EXAMPLE_FILE, field: "scan", facts: { scan: `${EXAMPLE_FOLDER}/page-2.pdf`, page: 2, pdfOnly: true } },
    ],
  },
} satisfies Wording;
