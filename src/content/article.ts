// One article from its title and the Markdown under it: labels, photos, byline, dateline, lead and body.
import type { Heading, RootContent } from "mdast";
import type { Article, Byline } from "../model.ts";
import { problem, type Problem } from "../problems.ts";
import { takeLabels } from "./labels.ts";
import { takePhotos } from "./photos.ts";
import { parenthesisedText, parseByline } from "./byline.ts";
import { matchDateline } from "./dateline.ts";
import { renderBodyHtml, renderBodyMarkdown } from "./render.ts";
import { dropLeadingText, lineOf, plainText, type NodeContext } from "./mdast-text.ts";
import linkProblems from "./links.ts";
import { shortText } from "../util/shown.ts";

export interface ArticleContext extends NodeContext {
  issueDate: string;
  datelinePrefixes: readonly string[];
}

/** Builds the article under `heading` from `nodes`, the Markdown up to the next title or page heading. */
export function parseArticle(heading: Heading, nodes: RootContent[], number: number, context: ArticleContext): { article: Article; problems: Problem[] } {
  const line = lineOf(heading, context);
  const title = plainText(heading);
  const { labels, area, rest, problems: labelProblems } = takeLabels(heading, nodes, context);
  const { photos, body, problems: photoProblems } = takePhotos(rest, context);
  const problems: Problem[] = [...labelProblems, ...photoProblems];

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
      problems.push(
        problem(
          "DatelineAfterIssue",
          { file: context.file, line: lineOf(first, context), field: "dateline" },
          { dateline: datelineMatch.dateline.text, datelineDate, issueDate: context.issueDate },
        ),
      );
    }
  }

  problems.push(...linkProblems(body, context));
  const paragraphs = body.filter((node) => node.type === "paragraph").map((node) => plainText(node));
  const isPhotoNews = photos.length > 0 && paragraphs.length === 0;
  if (body.length === 0 && photos.length === 0) {
    problems.push(problem("EmptyArticle", { file: context.file, line }, { title: shortText(title) }));
  } else if (title === "" && !isPhotoNews) {
    problems.push(problem("MissingTitle", { file: context.file, line }, {}));
  }

  if (!byline && (body.length > 0 || photos.length > 0)) {
    const uncredited = isPhotoNews && photos.every((photo) => !photo.credit);
    if (!isPhotoNews || uncredited) {
      problems.push(problem("MissingByline", { file: context.file, line, field: "byline" }, { title: shortText(title), photoNews: isPhotoNews }));
    }
  }

  const article: Article = {
    number,
    title,
    ...(labels.kicker && { kicker: labels.kicker }),
    ...(labels.subtitle && { subtitle: labels.subtitle }),
    ...(labels.column && { column: labels.column }),
    ...(area && { area }),
    ...(datelineMatch && { dateline: datelineMatch.dateline }),
    ...(byline && { byline }),
    photos,
    isPhotoNews,
    lead: paragraphs[0] ?? photos[0]?.caption ?? "",
    paragraphs,
    bodyHtml: renderBodyHtml(body),
    bodyMarkdown: renderBodyMarkdown(body),
    line,
  };
  return { article, problems };
}
