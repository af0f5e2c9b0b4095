// One article from its title and the Markdown under it: labels, photos, byline, dateline, lead and body.
import type { Heading, Image, Paragraph, PhrasingContent, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import type { Area, Article, Byline, Photo } from "./model.ts";
import type { Problem } from "./problems.ts";
import { readArea, readLabelLine, type LabelName } from "./labels.ts";
import { isPhotoCredit, parenthesisedText, parseByline } from "./byline.ts";
import { matchDateline } from "./dateline.ts";
import { renderBodyHtml } from "./render.ts";
import linkProblems from "./links.ts";

export interface ArticleContext {
  file: string;
  /** Added to a node's line to give its line in the file. */
  lineOffset: number;
  issueDate: string;
  datelinePrefixes: readonly string[];
}

/** Text of a node as a reader sees it: no raw HTML, no image alt text. */
export function plainText(node: RootContent | RootContent[]): string {
  return toString(node, { includeHtml: false, includeImageAlt: false }).trim();
}

export function lineOf(node: RootContent, context: ArticleContext): number {
  return (node.position?.start.line ?? 1) + context.lineOffset;
}

/** Builds the article under `heading` from `nodes`, the Markdown up to the next title or page heading. */
export function parseArticle(heading: Heading, nodes: RootContent[], number: number, context: ArticleContext): { article: Article; problems: Problem[] } {
  const problems: Problem[] = [];
  const line = lineOf(heading, context);
  const title = plainText(heading);
  const { labels, area, rest } = takeLabels(nodes, context, problems);
  const { photos, body } = takePhotos(rest, context, problems);

  let byline: Byline | undefined;
  const last = body.at(-1);
  const printedByline = last?.type === "paragraph" ? parenthesisedText(plainText(last)) : undefined;
  if (printedByline !== undefined) {
    body.pop();
    byline = parseByline(printedByline);
  }
  if (labels.byline) byline = parseByline(labels.byline);

  const first = body[0];
  const datelineMatch = first?.type === "paragraph" ? matchDateline(plainText(first), context.datelinePrefixes, context.issueDate) : undefined;
  if (first?.type === "paragraph" && datelineMatch) {
    dropLeadingText(first, datelineMatch.length);
    if (plainText(first) === "") body.shift();
    const datelineDate = datelineMatch.dateline.date;
    if (datelineDate && datelineDate > context.issueDate) {
      problems.push({
        kind: "DatelineAfterIssue", severity: "warning", file: context.file, line: lineOf(first, context), field: "dateline",
        message: `The dateline “${datelineMatch.dateline.text}” gives ${datelineDate}, after the issue's date ${context.issueDate}.`,
        fix: "Check the dateline's month and day against the printed page.",
      });
    }
  }

  problems.push(...linkProblems(body, context));
  const paragraphs = body.filter((node) => node.type === "paragraph").map((node) => plainText(node));
  const isPhotoNews = photos.length > 0 && paragraphs.length === 0;
  if (body.length === 0 && photos.length === 0) {
    problems.push({
      kind: "EmptyArticle", severity: "error", file: context.file, line,
      message: `The article “${title || "(no title)"}” has no text and no photo.`,
      fix: "Add its paragraphs under the title, or remove the title line.",
    });
  } else if (title === "" && !isPhotoNews) {
    problems.push({
      kind: "MissingTitle", severity: "error", file: context.file, line,
      message: "This article has no title; only photo news (图片新闻) may be printed without one.",
      fix: "Write the headline after ## on this line.",
    });
  }

  if (!byline && (body.length > 0 || photos.length > 0)) {
    const uncredited = isPhotoNews && photos.every((photo) => !photo.credit);
    if (!isPhotoNews || uncredited) {
      problems.push({
        kind: "MissingByline", severity: "warning", file: context.file, line, field: "byline",
        message: isPhotoNews ? `The photo news “${title || "(no title)"}” credits no photographer.` : `The article “${title || "(no title)"}” has no byline.`,
        fix: isPhotoNews
          ? "Add the credit as printed after the caption, e.g. 融媒体 张三 摄."
          : "Add the byline as printed as the last paragraph, e.g. (融媒体 张三), or a 作者： label under the title.",
      });
    }
  }

  const article: Article = {
    number, title,
    ...(labels.kicker && { kicker: labels.kicker }),
    ...(labels.subtitle && { subtitle: labels.subtitle }),
    ...(labels.column && { column: labels.column }),
    ...(area && { area }),
    ...(datelineMatch && { dateline: datelineMatch.dateline }),
    ...(byline && { byline }),
    photos, isPhotoNews,
    lead: paragraphs[0] ?? photos[0]?.caption ?? "",
    paragraphs,
    bodyHtml: renderBodyHtml(body),
    line,
  };
  return { article, problems };
}

/** Takes the label block (a first paragraph that opens with a known label) off the front of the nodes. */
function takeLabels(nodes: RootContent[], context: ArticleContext, problems: Problem[]): { labels: Partial<Record<LabelName, string>>; area?: Area; rest: RootContent[] } {
  const labels: Partial<Record<LabelName, string>> = {};
  let area: Area | undefined;
  const [first, ...rest] = nodes;
  if (first?.type !== "paragraph") return { labels, rest: nodes };
  const lines = toString(first, { includeHtml: false }).split("\n");
  if (!readLabelLine(lines[0] ?? "")?.name) return { labels, rest: nodes };
  const firstLine = lineOf(first, context);
  lines.forEach((text, index) => {
    const label = readLabelLine(text);
    const where = { file: context.file, line: firstLine + index };
    if (!label?.name) {
      problems.push({
        kind: "UnknownLabel", severity: "error", ...where, ...(label && { field: label.word }),
        message: label ? `“${label.word}” is not a label.` : `“${text.trim()}” is not a label, but it follows the labels under the title.`,
        fix: label
          ? "The labels are 引题, 副题, 栏目, 作者 and 区域 (or kicker, subtitle, column, byline, area); correct the word, or leave a blank line before body text."
          : "Leave a blank line between the labels and the article's first paragraph.",
      });
    } else if (label.value === "") {
      problems.push({ kind: "EmptyLabel", severity: "error", ...where, field: label.word, message: `The label ${label.word} has no text.`, fix: `Write the text after “${label.word}：”, or remove the line.` });
    } else if (labels[label.name] !== undefined) {
      problems.push({ kind: "DuplicateLabel", severity: "error", ...where, field: label.word, message: `The label ${label.word} is given twice.`, fix: "Keep one of the two lines." });
    } else {
      labels[label.name] = label.value;
      if (label.name === "area") area = areaOf(label.word, label.value, where, problems);
    }
  });
  return { labels, ...(area && { area }), rest };
}

/** The rectangle a 区域 label gives, or undefined with an InvalidArea problem. */
function areaOf(word: string, value: string, where: { file: string; line: number }, problems: Problem[]): Area | undefined {
  const read = readArea(value);
  if ("area" in read) return read.area;
  problems.push({
    kind: "InvalidArea", severity: "error", ...where, field: word,
    message: `The area ${read.problem}.`,
    fix: `Write the article's rectangle on the 版's scan as x,y,w,h in percent from the top left corner, within 0–100, e.g. ${word}：10,5,40,30.`,
  });
  return undefined;
}

/** Takes photos out of the body: image paragraphs, and credit lines ending in 摄 with the caption before them. */
function takePhotos(nodes: RootContent[], context: ArticleContext, problems: Problem[]): { photos: Photo[]; body: RootContent[] } {
  const photos: Photo[] = [];
  const body: RootContent[] = [];
  let awaitingCredit: Photo | undefined;
  for (const [index, node] of nodes.entries()) {
    if (node.type === "paragraph" && isImageParagraph(node)) {
      for (const image of node.children.filter((child): child is Image => child.type === "image")) {
        const photo = photoFromImage(image, lineOf(node, context), context, problems);
        photos.push(photo);
        awaitingCredit = photo.credit ? undefined : photo;
      }
      continue;
    }
    const printed = node.type === "paragraph" ? plainText(node) : "";
    // A credit in parentheses, （融媒体 张三 摄）, stands where a byline does; it is a photo's credit under an image, or when the item is
    // only a caption and the credit (photo news whose image was not exported), and otherwise the article's byline.
    const bracketed = parenthesisedText(printed);
    const isCaptionAndCredit = index === 1 && nodes.length === 2 && nodes[0]?.type === "paragraph";
    const text = bracketed !== undefined && (awaitingCredit || isCaptionAndCredit) ? bracketed : printed;
    if (node.type === "paragraph" && isPhotoCredit(text)) {
      const photographers = creditedNames(text);
      if (awaitingCredit) {
        Object.assign(awaitingCredit, { credit: text, photographers });
      } else {
        const captionNode = body.at(-1)?.type === "paragraph" ? body.pop() : undefined;
        photos.push({ caption: captionNode ? plainText(captionNode) : "", credit: text, photographers, line: lineOf(captionNode ?? node, context) });
      }
      awaitingCredit = undefined;
      continue;
    }
    if (awaitingCredit && !awaitingCredit.caption && node.type === "paragraph") {
      // A caption printed under its image, before the credit.
      awaitingCredit.caption = text;
      continue;
    }
    awaitingCredit = undefined;
    body.push(node);
  }
  return { photos, body };
}

function isImageParagraph(paragraph: Paragraph): boolean {
  return paragraph.children.some((child) => child.type === "image") &&
    paragraph.children.every((child) => child.type === "image" || child.type === "break" || (child.type === "text" && child.value.trim() === ""));
}

function creditedNames(credit: string): string[] {
  const byline = parseByline(credit);
  return [...byline.reporters, ...byline.correspondents];
}

function photoFromImage(image: Image, line: number, context: ArticleContext, problems: Problem[]): Photo {
  const outside = imagePathProblem(image.url);
  if (outside) {
    problems.push({
      kind: "ImagePathOutsideIssue", severity: "error", file: context.file, line, field: "image",
      message: `The image “${image.url}” ${outside}.`,
      fix: `Put the image in the issue's folder (${context.file.replace(/\.md$/, "/")}) and write its name, e.g. ![说明](photo.jpg "融媒体 张三 摄").`,
    });
  }
  const credit = image.title?.trim() || undefined;
  return {
    ...(!outside && { src: decodePath(image.url) }),
    caption: (image.alt ?? "").trim(),
    ...(credit && { credit }),
    photographers: credit ? creditedNames(credit) : [],
    line,
  };
}

function decodePath(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/** Why an image path may not be used, or undefined when it names a file inside the issue's folder. */
export function imagePathProblem(url: string): string | undefined {
  const decoded = decodePath(url);
  if (decoded.startsWith("//")) return "is an address, not a file of the issue";
  // A Windows drive (C:\photo.jpg) would otherwise read as an address with the scheme "c".
  if (decoded.startsWith("/") || decoded.startsWith("\\") || /^[a-z]:[\\/]/i.test(decoded)) return "is an absolute path, outside the issue's folder";
  if (/^[a-z][a-z0-9+.-]*:/i.test(decoded)) return "is an address, not a file of the issue";
  if (/[\u0000-\u001f\u007f]/.test(decoded)) return "contains a control character, so it cannot name a file";
  if (decoded.split(/[\\/]/).some((segment) => segment === "..")) return "leaves the issue's folder (..)";
  if (decoded.trim() === "") return "is empty";
  return undefined;
}

/** Removes the first `count` characters of text from a paragraph, dropping inline nodes left empty. */
function dropLeadingText(parent: { children: PhrasingContent[] }, count: number): number {
  let remaining = count;
  while (remaining > 0 && parent.children.length > 0) {
    const child = parent.children[0]!;
    if (child.type === "text" || child.type === "inlineCode") {
      if (child.value.length <= remaining) {
        remaining -= child.value.length;
        parent.children.shift();
      } else {
        child.value = child.value.slice(remaining);
        remaining = 0;
      }
    } else if ("children" in child) {
      remaining = dropLeadingText(child as { children: PhrasingContent[] }, remaining);
      if ((child as { children: PhrasingContent[] }).children.length === 0) parent.children.shift();
    } else {
      parent.children.shift();
    }
  }
  const head = parent.children[0];
  if (head?.type === "text") head.value = head.value.replace(/^\s+/, "");
  return remaining;
}
