// On an article opened from a search result (?highlight=…), marks every occurrence of the query's words in the article and scrolls to the first.
import { matchRanges } from "./search-excerpt.js";

const query = new URLSearchParams(location.search).get("highlight")?.trim();
const article = document.querySelector("[data-search-text]");

if (query && article) {
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  /** @type {Text[]} */
  const textNodes = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) textNodes.push(/** @type {Text} */ (node));
  for (const node of textNodes) {
    const text = node.data;
    const ranges = matchRanges(text, query);
    // Replace from the end so earlier offsets stay valid.
    for (const [from, to] of ranges.reverse()) {
      const match = node.splitText(from);
      match.splitText(to - from);
      const mark = document.createElement("mark");
      mark.className = "search-highlight";
      match.replaceWith(mark);
      mark.append(match);
    }
  }
  document.querySelector("mark.search-highlight")?.scrollIntoView({ block: "center" });
}
