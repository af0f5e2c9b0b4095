// The photos of an article: image paragraphs with their captions and credits, and credit lines ending in 摄 with the caption before them
// (a caption-only photo, when the image was not exported).
import type { Image, Paragraph, RootContent } from "mdast";
import type { ImagePathReason, Photo } from "../model.ts";
import { issueFolderOf } from "../paths.ts";
import { problem, type Problem } from "../problems.ts";
import { isPhotoCredit, parenthesisedText, parseByline } from "./byline.ts";
import { lineOf, plainText, type NodeContext } from "./mdast-text.ts";
import { shortText } from "../util/shown.ts";

/** Takes photos out of the body: image paragraphs, and credit lines ending in 摄 with the caption before them. */
export function takePhotos(nodes: readonly RootContent[], context: NodeContext): { photos: Photo[]; body: RootContent[]; problems: Problem[] } {
  const photos: Photo[] = [];
  const body: RootContent[] = [];
  const problems: Problem[] = [];
  let awaitingCredit: Photo | undefined;
  for (const [index, node] of nodes.entries()) {
    if (node.type === "paragraph" && isImageParagraph(node)) {
      for (const image of node.children.filter((child): child is Image => child.type === "image")) {
        const line = lineOf(node, context);
        const outside = imagePathProblem(image.url);
        if (outside)
          problems.push(
            problem(
              "ImagePathOutsideIssue",
              { file: context.file, line, field: "image" },
              { image: shortText(image.url), reason: outside, folder: issueFolderOf(context.file) },
            ),
          );
        const photo = photoFromImage(image, line, outside === undefined);
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
  return { photos, body, problems };
}

function isImageParagraph(paragraph: Paragraph): boolean {
  return (
    paragraph.children.some((child) => child.type === "image") &&
    paragraph.children.every((child) => child.type === "image" || child.type === "break" || (child.type === "text" && child.value.trim() === ""))
  );
}

function creditedNames(credit: string): string[] {
  const byline = parseByline(credit);
  return [...byline.reporters, ...byline.correspondents];
}

/** The photo an image node shows; `inFolder` says whether its path names a file of the issue's folder, which it then keeps as `src`. */
function photoFromImage(image: Image, line: number, inFolder: boolean): Photo {
  const credit = image.title?.trim() || undefined;
  return {
    ...(inFolder && { src: decodePath(image.url) }),
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
export function imagePathProblem(url: string): ImagePathReason | undefined {
  const decoded = decodePath(url);
  if (decoded.startsWith("//")) return "address";
  // A Windows drive (C:\photo.jpg) would otherwise read as an address with the scheme "c".
  if (decoded.startsWith("/") || decoded.startsWith("\\") || /^[a-z]:[\\/]/i.test(decoded)) return "absolute";
  if (/^[a-z][a-z0-9+.-]*:/i.test(decoded)) return "address";
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters in an image path is the point
  if (/[\u0000-\u001f\u007f]/.test(decoded)) return "control";
  if (decoded.split(/[\\/]/).some((segment) => segment === "..")) return "parent";
  if (decoded.trim() === "") return "empty";
  return undefined;
}
