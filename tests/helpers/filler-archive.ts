// A content root holding the bundled archive plus generated filler issues made of the bundled paragraphs reshuffled, so search ranking has long pages competing with the real articles.
import { cp, mkdir, mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { loadArchive } from "../../src/content/archive.ts";
import { lunarDateOf, weekdayOf } from "../../src/content/calendar.ts";
import { seededRandom } from "../../src/bench/synthetic-archive.ts";
import { projectRoot } from "../../src/project.ts";
import { MIXED_DATE, mixedIssue } from "./search-queries.ts";

export interface FillerOptions {
  /** How many filler issues, one a day starting the day after the newest bundled issue. */
  issues: number;
  /** Articles in each filler issue. */
  articlesPerIssue: number;
  /** Paragraphs in each filler article: more than any bundled article has, so filler pages are the long ones. */
  paragraphsPerArticle: number;
  /**
   * What filler paragraphs are made of: the bundled paragraphs whole (the default: the same passages over and over), or new text drawn
   * character by character from the bundled text's own character pairs (a Markov chain of order one) — text with a real paper's mix of
   * characters and common pairs, in which the bundled issue's longer words and names turn up only now and then, as in a real archive.
   */
  mix?: "paragraphs" | "markov";
  /**
   * Phrases the generated text must not hold whole (with "markov"): a chain trained on one issue walks its names over and over, where a
   * real archive holds its pairs everywhere and the phrase itself in a few articles. Each is broken by a character put before its last.
   */
  avoid?: readonly string[];
}

/**
 * The archive the search tests read: `fillerArchive(options, into)` and, in the next year, the issue of mixed Chinese and ASCII, so the
 * archive has more than one search bundle, which the search page merges.
 */
export async function searchArchive(options: FillerOptions, into?: string): Promise<string> {
  const root = await fillerArchive(options, into);
  await mkdir(path.join(root, "issues/2023"), { recursive: true });
  await writeFile(path.join(root, `issues/2023/${MIXED_DATE}.md`), mixedIssue(1480 + options.issues + 1));
  return root;
}

/** Writes the bundled archive and the filler issues into `into` (a new temporary content root when omitted) and returns its path. */
export async function fillerArchive(options: FillerOptions, into?: string): Promise<string> {
  const bundled = await loadArchive(projectRoot);
  const paragraphs = bundled.issues.flatMap((issue) => issue.pages.flatMap((page) => page.articles.flatMap((article) => article.paragraphs)));
  const titles = bundled.issues.flatMap((issue) => issue.pages.flatMap((page) => page.articles.map((article) => article.title).filter(Boolean)));
  const root = into ?? (await mkdtemp(path.join(os.tmpdir(), "baoku-filler-")));
  await cp(path.join(projectRoot, "issues"), path.join(root, "issues"), { recursive: true });
  await cp(path.join(projectRoot, "baoku.config.json"), path.join(root, "baoku.config.json"));
  const next = seededRandom(1480);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  /** `count` different items, as a real article never prints the same paragraph twice. */
  const pickDistinct = <T>(items: readonly T[], count: number): T[] => {
    const pool = [...items];
    return Array.from({ length: Math.min(count, pool.length) }, () => pool.splice(Math.floor(next() * pool.length), 1)[0]!);
  };
  const chain = markovChain(paragraphs);
  const fillerParagraphs = (count: number): string[] =>
    options.mix === "markov"
      ? Array.from({ length: count }, () => withoutPhrases(chain(next, 60 + Math.floor(next() * 120)), options.avoid ?? []))
      : pickDistinct(paragraphs, count);
  const newest = bundled.issues.at(-1)!;
  for (let index = 1; index <= options.issues; index++) {
    const date = new Date(Date.parse(`${newest.date}T00:00:00Z`) + index * 86_400_000).toISOString().slice(0, 10);
    const articles = Array.from({ length: options.articlesPerIssue }, (_, article) =>
      [
        `## ${pick(titles).slice(0, 6)}综述之${index}-${article + 1}`,
        "",
        ...fillerParagraphs(options.paragraphsPerArticle).flatMap((paragraph) => [paragraph, ""]),
      ].join("\n"),
    );
    const file = [
      "---",
      `issue: ${newest.number + index}`,
      `date: ${date}`,
      `lunar: ${lunarDateOf(date)}`,
      `weekday: ${weekdayOf(date)}`,
      "pages: 4",
      "---",
      "",
      "# 第3版 综合",
      "",
      ...articles,
      "",
    ].join("\n");
    await mkdir(path.join(root, "issues", date.slice(0, 4)), { recursive: true });
    await writeFile(path.join(root, "issues", date.slice(0, 4), `${date}.md`), file);
  }
  return root;
}

/**
 * A generator of text whose each character follows the one before it as often as it does in `texts`: the pairs of a real paper, not
 * its phrases. It writes about `length` characters, ending on a full stop.
 */
function markovChain(texts: readonly string[]): (random: () => number, length: number) => string {
  const following = new Map<string, string[]>();
  for (const text of texts) {
    const characters = [...text];
    characters.forEach((character, index) => {
      const next = characters[index + 1];
      if (next === undefined) return;
      const list = following.get(character) ?? [];
      list.push(next);
      following.set(character, list);
    });
  }
  const starts = texts.map((text) => [...text][0]!).filter((character) => following.has(character));
  return (random, length) => {
    let character = starts[Math.floor(random() * starts.length)]!;
    let text = character;
    for (let written = 1; written < length || !/[。！？]$/.test(text); written++) {
      const choices = following.get(character);
      if (!choices || written > length * 2) break;
      character = choices[Math.floor(random() * choices.length)]!;
      text += character;
    }
    return /[。！？]$/.test(text) ? text : `${text}。`;
  };
}

/** The text with every occurrence of each phrase broken by a character before its last, so its pairs stay but the phrase does not. */
function withoutPhrases(text: string, phrases: readonly string[]): string {
  let result = text;
  for (const phrase of phrases) {
    const characters = [...phrase];
    if (characters.length < 2) continue;
    const broken = `${characters.slice(0, -1).join("")}之${characters.at(-1)}`;
    while (result.includes(phrase)) result = result.replace(phrase, broken);
  }
  return result;
}
