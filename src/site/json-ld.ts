// schema.org structured data for article and issue pages (NewsArticle, PublicationIssue, Periodical), and the one way it is written into
// a page: as JSON that can never end its <script type="application/ld+json"> element, whatever a title holds.

/** The paper as schema.org sees it. */
export interface PeriodicalFacts {
  name: string;
  /** The site's address. */
  url: string;
}

/** An issue as schema.org sees it. */
export interface IssueFacts {
  number: number;
  date: string;
  /** Absolute address of the issue's page. */
  url: string;
}

/** An article as schema.org sees it; addresses are absolute. */
export interface ArticleFacts {
  headline: string;
  subtitle?: string;
  authors: { name: string; url: string }[];
  page: number;
  /** The 版's name, or 第N版. */
  section: string;
  images: string[];
  url: string;
}

function periodical(paper: PeriodicalFacts): object {
  return { "@type": "Periodical", name: paper.name, url: paper.url };
}

function publicationIssue(paper: PeriodicalFacts, issue: IssueFacts): Record<string, unknown> {
  return { "@type": "PublicationIssue", issueNumber: String(issue.number), datePublished: issue.date, url: issue.url, isPartOf: periodical(paper) };
}

function newsArticle(article: ArticleFacts, date: string): Record<string, unknown> {
  return {
    "@type": "NewsArticle",
    headline: article.headline,
    ...(article.subtitle && { alternativeHeadline: article.subtitle }),
    ...(article.authors.length && { author: article.authors.map((author) => ({ "@type": "Person", name: author.name, url: author.url })) }),
    datePublished: date,
    printPage: String(article.page),
    printSection: article.section,
    ...(article.images.length && { image: article.images }),
    url: article.url,
    inLanguage: "zh-CN",
  };
}

/** An article page's NewsArticle, part of its issue, part of the paper. */
export function articleJsonLd(paper: PeriodicalFacts, issue: IssueFacts, article: ArticleFacts): string {
  return scriptJson({ "@context": "https://schema.org", ...newsArticle(article, issue.date), isPartOf: publicationIssue(paper, issue) });
}

/** An issue page's PublicationIssue with its articles. */
export function issueJsonLd(paper: PeriodicalFacts, issue: IssueFacts, articles: readonly ArticleFacts[]): string {
  return scriptJson({
    "@context": "https://schema.org", ...publicationIssue(paper, issue),
    hasPart: articles.map((article) => newsArticle(article, issue.date)),
  });
}

/**
 * JSON for a <script> element: `<`, `>` and `&` as \u escapes so no `</script>` or `<!--` can appear in it, and U+2028 and U+2029,
 * which end a line in older JavaScript, escaped too. The JSON means the same to a parser.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
