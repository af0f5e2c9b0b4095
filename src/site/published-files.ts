// Every file the site publishes beside its pages: the image derivatives to encode and the PDFs to copy.
import type { Issue } from "../model.ts";
import { issueFolderOf, issuePath } from "../paths.ts";
import { imageOf, issueDerivatives, photoUse, SCAN_USE, THUMBNAIL_USE, type Derivative } from "./derivatives.ts";

/** Every file the site publishes beside its pages: each image derivative to encode (once, in a stable order) and each PDF to copy as it is, relative to the content root and the site root. */
export function publishedFiles(issues: readonly Issue[]): { derivatives: Derivative[]; copies: { source: string; target: string }[] } {
  const derivatives = new Map<string, Derivative>();
  const copies: { source: string; target: string }[] = [];
  const add = (list: readonly Derivative[]) => {
    for (const derivative of list) derivatives.set(derivative.path, derivative);
  };
  for (const issue of issues) {
    const folder = issueFolderOf(issue.file);
    for (const page of issue.pages) {
      if (page.scan) {
        add(issueDerivatives(issue, page.scan, SCAN_USE));
        add(issueDerivatives(issue, page.scan, THUMBNAIL_USE));
        if (page.scan.pdf) copies.push({ source: `${folder}/${page.scan.pdf}`, target: `${issuePath(issue.date).slice(1)}${page.scan.pdf}` });
      }
      for (const article of page.articles) {
        for (const photo of article.photos) {
          const image = imageOf(photo);
          if (image) add(issueDerivatives(issue, image, photoUse(article)));
        }
      }
    }
  }
  return { derivatives: [...derivatives.values()], copies };
}
