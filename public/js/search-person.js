// The person a query names, first on the search page: a reporter's name as printed (郭龙君) or its pinyin, with or without tones, spaces or
// tone numbers (guolongjun, Guō Lóngjūn, guo2 long2 jun1), leads to their page above the results. The names and their pages come from
// the page (site/people.ts: searchPeople); a person's address is their name's pinyin, so it is read from there and nothing more is fetched.

const container = document.querySelector("[data-search]");
const card = document.querySelector("[data-search-person]");
if (container instanceof HTMLElement && card instanceof HTMLElement) {
  /** @type {Record<string, string>} */
  const people = JSON.parse(container.dataset.searchPeople ?? "{}");
  const show = () => showPeople(card, peopleNamed(people, new URLSearchParams(location.search).get("q") ?? ""));
  show();
  // The search page changes its address as a reader searches again, without loading anew.
  addEventListener("popstate", show);
  document.querySelector("[data-search-form]")?.addEventListener("submit", () => setTimeout(show));
}

/**
 * The people `query` names: by their name, or by its pinyin (their address's last part, namesakes' six digits aside).
 * @param {Record<string, string>} people @param {string} query @returns {{ name: string, url: string, romanized: string }[]}
 */
export function peopleNamed(people, query) {
  const name = query.replace(/\s+/g, "");
  const spelled = asLetters(query);
  if (!name) return [];
  return Object.entries(people).flatMap(([person, url]) => {
    const slug = url.split("/").filter(Boolean).at(-1)?.replace(/-[0-9a-f]{6}$/, "") ?? "";
    if (person !== name && (spelled.length < 2 || asLetters(slug) !== spelled)) return [];
    return [{ name: person, url, romanized: slug.split("-").map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join(" ") }];
  });
}

/** Pinyin as bare letters: no tone marks or numbers, spaces or hyphens; ü and v alike. @param {string} text */
function asLetters(text) {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z]/g, "").replace(/v/g, "u");
}

/** @param {HTMLElement} card @param {{ name: string, url: string, romanized: string }[]} found */
function showPeople(card, found) {
  card.replaceChildren(...found.map((person) => {
    const line = document.createElement("p");
    const link = document.createElement("a");
    link.href = person.url;
    link.className = "search-person-name";
    link.textContent = person.name;
    const romanized = document.createElement("span");
    romanized.lang = "zh-Latn";
    romanized.textContent = person.romanized;
    line.append(link, " ", romanized, "：个人页面列有其署名的全部稿件");
    return line;
  }));
  card.hidden = found.length === 0;
}
