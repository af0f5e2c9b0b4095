// schema.org structured data for the home page (Periodical), issue pages (PublicationIssue), article pages (NewsArticle) and person pages
// (Person), and the one way it is written into a page: as JSON that can never end its <script type="application/ld+json"> element,
// whatever a title holds. Every node has an @id made from the stable address of the page it is about (…/#article, …/#issue, /#periodical,
// /people/<slug>/#person), so a linked-data reader joins what one page says of an issue or a person with what another says.

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

/** A person named in bylines and photo credits; `url` is the absolute address of their own page. */
export interface PersonFacts {
  name: string;
  url: string;
}

/** An article as schema.org sees it; addresses are absolute. */
export interface ArticleFacts {
  headline: string;
  subtitle?: string;
  authors: PersonFacts[];
  page: number;
  /** The 版's name, or 第N版. */
  section: string;
  images: string[];
  url: string;
}

/** The @id of the node a page is about: its address with a fragment naming the kind of thing (article, issue, periodical, person). */
export function nodeId(url: string, kind: "article" | "issue" | "periodical" | "person"): string {
  return `${url}#${kind}`;
}

function periodicalNode(periodical: PeriodicalFacts): Record<string, unknown> {
  return { "@type": "Periodical", "@id": nodeId(periodical.url, "periodical"), name: periodical.name, url: periodical.url, inLanguage: "zh-CN" };
}

function person(facts: PersonFacts): Record<string, unknown> {
  return { "@type": "Person", "@id": nodeId(facts.url, "person"), name: facts.name, url: facts.url };
}

function publicationIssue(periodical: PeriodicalFacts, issue: IssueFacts): Record<string, unknown> {
  return {
    "@type": "PublicationIssue",
    "@id": nodeId(issue.url, "issue"),
    issueNumber: String(issue.number),
    datePublished: issue.date,
    url: issue.url,
    isPartOf: periodicalNode(periodical),
  };
}

function newsArticle(article: ArticleFacts, date: string): Record<string, unknown> {
  return {
    "@type": "NewsArticle",
    "@id": nodeId(article.url, "article"),
    headline: article.headline,
    ...(article.subtitle && { alternativeHeadline: article.subtitle }),
    ...(article.authors.length && { author: article.authors.map(person) }),
    datePublished: date,
    printPage: String(article.page),
    printSection: article.section,
    ...(article.images.length && { image: article.images }),
    url: article.url,
    inLanguage: "zh-CN",
  };
}

/** The home page's Periodical: the paper, which every issue's isPartOf names by its @id. */
export function periodicalJsonLd(periodical: PeriodicalFacts): string {
  return scriptJson({ "@context": "https://schema.org", ...periodicalNode(periodical) });
}

/** A person page's Person, the node every byline and photo credit of theirs names by its @id; a year page describes the same person. */
export function personJsonLd(facts: PersonFacts): string {
  return scriptJson({ "@context": "https://schema.org", ...person(facts) });
}

/** An article page's NewsArticle, part of its issue, part of the paper. */
export function articleJsonLd(periodical: PeriodicalFacts, issue: IssueFacts, article: ArticleFacts): string {
  return scriptJson({ "@context": "https://schema.org", ...newsArticle(article, issue.date), isPartOf: publicationIssue(periodical, issue) });
}

/** An issue page's PublicationIssue with its articles. */
export function issueJsonLd(periodical: PeriodicalFacts, issue: IssueFacts, articles: readonly ArticleFacts[]): string {
  return scriptJson({
    "@context": "https://schema.org",
    ...publicationIssue(periodical, issue),
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
