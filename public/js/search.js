// The search page: reads the query, filters and sort from the address (so a search can be shared), asks Pagefind, and lists the results.
// Chinese queries are matched as phrases first (search-terms.js); only when that finds nothing are they split into words, each still a phrase.
// A search by filters alone (a person's page links to ?reporter=…) lists every article they match. The results' years are drawn by search-years.js.
import { phraseGroups, segmentedGroups } from "./search-terms.js";
import { excerpt, readableText } from "./search-excerpt.js";
import { drawYearChart } from "./search-years.js";

/** The filters readers can narrow by, with their labels; the keys are the data-pagefind-filter names in the article layout. */
const FILTERS = /** @type {const} */ ([["year", "年份"], ["page", "版面"], ["reporter", "记者"]]);
/** Pagefind sort options for each choice of the sort menu. */
const SORTS = /** @type {Record<string, Record<string, "asc" | "desc"> | undefined>} */ ({ relevance: undefined, newest: { date: "desc" }, oldest: { date: "asc" } });
const RESULTS_PER_PAGE = 10;
/** The filter each search bundle gives its articles when merged (mergeFilter), so a search can keep to one bundle; never shown. */
const BUNDLE_FILTER = "bundle";
/** Ranking: long pages must not win on length alone (Pagefind's default pageLength is 0.75). */
const RANKING = { pageLength: 0.9, termSaturation: 1.2 };

/**
 * @typedef {{ url: string, content: string, meta: Record<string, string | undefined>, filters?: Record<string, string[] | undefined> }} ResultData
 * @typedef {import("./search-terms.js").TermGroup} TermGroup
 * @typedef {{ id: string, data: () => Promise<ResultData> }} Result
 * @typedef {{ results: Result[], filters?: Record<string, Record<string, number>> }} Search
 * @typedef {{
 *   options(options: object): Promise<void>,
 *   mergeIndex(path: string, options: object): Promise<void>,
 *   search(query: string | null, options?: object): Promise<Search>,
 *   filters(): Promise<Record<string, Record<string, number>>>,
 * }} Pagefind
 */

/** @param {string} selector */
function element(selector) {
  const found = document.querySelector(selector);
  if (!found) throw new Error(`The search page lacks ${selector}`);
  return /** @type {HTMLElement} */ (found);
}

const container = element("[data-search]");
const form = /** @type {HTMLFormElement} */ (element("[data-search-form]"));
const input = /** @type {HTMLInputElement} */ (element("[data-search-input]"));
const sortMenu = /** @type {HTMLSelectElement} */ (element("[data-search-sort]"));
const filterBox = element("[data-search-filters]");
const status = element("[data-search-status]");
const resultList = element("[data-search-results]");
const moreButton = /** @type {HTMLButtonElement} */ (element("[data-search-more]"));
const yearChart = element("[data-search-years]");
/** The reporter filter's names and their people pages (site/people.ts). */
const personPages = /** @type {Record<string, string>} */ (JSON.parse(container.dataset.searchPeople ?? "{}"));
const pageTitle = document.title;
/** Counts searches, so the results of one that was overtaken by a newer one are dropped. */
let latestSearch = 0;
/** Shows the next results of the current search. */
let showMore = async () => {};

/** What is being searched, as the address says. */
function readState() {
  const params = new URLSearchParams(location.search);
  const sort = params.get("sort") ?? "relevance";
  return {
    query: (params.get("q") ?? "").trim(),
    sort: sort in SORTS ? sort : "relevance",
    filters: Object.fromEntries(FILTERS.map(([key]) => [key, params.getAll(key)])),
  };
}

/** The search page's address for a search. @param {ReturnType<typeof readState>} state */
function addressOf(state) {
  const params = new URLSearchParams();
  if (state.query) params.set("q", state.query);
  if (state.sort !== "relevance") params.set("sort", state.sort);
  for (const [key, values] of Object.entries(state.filters)) for (const value of values) params.append(key, value);
  return `${location.pathname}${params.size ? `?${params}` : ""}`;
}

/** @param {ReturnType<typeof readState>} state */
function writeState(state) {
  const address = addressOf(state);
  if (address !== `${location.pathname}${location.search}`) history.pushState(null, "", address);
}

/** @param {string} tag @param {string} className @param {string} [text] */
function make(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** One result as a list item; every piece of content goes in as text. @param {ResultData} data @param {string} query */
function renderResult(data, query) {
  const item = make("li", "search-result");
  const { meta } = data;
  if (meta.kicker) item.append(make("p", "kicker", meta.kicker));
  const heading = make("h2", "search-result-title");
  const link = /** @type {HTMLAnchorElement} */ (make("a", "", meta.title ?? data.url));
  link.href = `${data.url}?${new URLSearchParams({ highlight: query })}`;
  heading.append(link);
  item.append(heading);
  if (meta.subtitle) item.append(make("p", "subtitle", meta.subtitle));
  const facts = make("p", "search-result-meta", [meta.date, meta.issue, meta.page].filter(Boolean).join(" · "));
  // The byline's names, each a link to that person's page.
  for (const [index, name] of (data.filters?.reporter ?? []).entries()) {
    const person = make(personPages[name] ? "a" : "span", "search-result-person", name);
    if (person instanceof HTMLAnchorElement) person.href = personPages[name] ?? "";
    facts.append(index === 0 ? " · " : "、", person);
  }
  item.append(facts);
  const excerptParagraph = make("p", "search-result-excerpt");
  for (const piece of excerpt(readableText(data.content), query)) excerptParagraph.append(piece.marked ? make("mark", "", piece.text) : piece.text);
  item.append(excerptParagraph);
  return item;
}

/** @param {Pagefind} pagefind */
async function renderFilters(pagefind) {
  const available = await pagefind.filters();
  const { filters: chosen } = readState();
  filterBox.replaceChildren();
  for (const [key, label] of FILTERS) {
    const values = Object.entries(available[key] ?? {}).sort(([a], [b]) => (key === "year" ? b.localeCompare(a) : a.localeCompare(b, "zh-CN")));
    if (values.length === 0) continue;
    const fieldset = make("fieldset", "search-filter");
    fieldset.append(make("legend", "", label));
    for (const [value, count] of values) {
      const option = make("label", "search-filter-option");
      const box = /** @type {HTMLInputElement} */ (make("input", ""));
      box.type = "checkbox";
      box.name = key;
      box.value = value;
      box.checked = chosen[key]?.includes(value) ?? false;
      option.append(box, ` ${value}（${count}）`);
      fieldset.append(option);
    }
    filterBox.append(fieldset);
  }
}

/** The Pagefind filter option for the chosen values: an article matches when it has any of the values of each filter. @param {Record<string, string[]>} filters */
function pagefindFilters(filters) {
  return Object.fromEntries(Object.entries(filters).filter(([, values]) => values.length > 0).map(([key, values]) => [key, { any: values }]));
}

/**
 * Articles holding every group of terms, in Pagefind's ranking (or the chosen sort). Pagefind ranks all the terms together but also returns
 * near misses for words it does not have, so each exact group is then checked as a quoted phrase, which Pagefind matches word for word.
 * @param {Pagefind} pagefind
 * @param {TermGroup[]} groups
 * @param {{ filters: object, sort?: object }} options
 * @returns {Promise<Result[]>}
 */
async function find(pagefind, groups, options) {
  const ranked = await pagefind.search(queryOf(groups), options);
  let results = ranked.results;
  for (const group of groups.filter((candidate) => candidate.exact)) {
    const phrase = await pagefind.search(`"${group.terms.join(" ")}"`, { filters: options.filters });
    const holding = new Set(phrase.results.map((result) => result.id));
    results = results.filter((result) => holding.has(result.id));
  }
  return results;
}

/**
 * Articles holding every group of terms in date order. The archive's search bundles hold runs of months, newest first in `bundles`, and
 * Pagefind orders the results of merged indexes by score, so each bundle that has any match is searched in turn, in the order asked for.
 * @param {Pagefind} pagefind
 * @param {TermGroup[]} groups
 * @param {{ filters: Record<string, object>, sort: Record<string, "asc" | "desc"> }} options
 * @param {string[]} bundles
 * @returns {Promise<Result[]>}
 */
async function findInDateOrder(pagefind, groups, options, bundles) {
  const matching = (await pagefind.search(queryOf(groups), { filters: options.filters })).filters?.[BUNDLE_FILTER] ?? {};
  const ordered = Object.values(options.sort)[0] === "asc" ? [...bundles].reverse() : bundles;
  /** @type {Result[]} */
  const results = [];
  for (const bundle of ordered.filter((key) => (matching[key] ?? 0) > 0)) {
    results.push(...(await find(pagefind, groups, { ...options, filters: { ...options.filters, [BUNDLE_FILTER]: { any: [bundle] } } })));
  }
  return results;
}

/** Pagefind's query for the groups' terms; none (null) lists every article the filters let through. @param {TermGroup[]} groups */
function queryOf(groups) {
  return groups.length ? groups.flatMap((group) => group.terms).join(" ") : null;
}

/**
 * How many articles hold every group of terms in each year, whatever years are chosen, so the chart shows every year to narrow to.
 * One group, or none, is one Pagefind search whose counts are the results' own; several are counted a year at a time.
 * @param {Pagefind} pagefind
 * @param {TermGroup[]} groups
 * @param {Record<string, object>} filters
 * @returns {Promise<Record<string, number>>}
 */
async function yearCounts(pagefind, groups, filters) {
  const { year: _chosen, ...others } = filters;
  const [only] = groups;
  if (groups.length <= 1) {
    const query = only?.exact ? `"${only.terms.join(" ")}"` : queryOf(groups);
    return (await pagefind.search(query, { filters: others })).filters?.year ?? {};
  }
  const candidates = (await pagefind.search(queryOf(groups), { filters: others })).filters?.year ?? {};
  /** @type {Record<string, number>} */
  const counts = {};
  for (const [year, count] of Object.entries(candidates)) {
    counts[year] = count === 0 ? 0 : (await find(pagefind, groups, { filters: { ...others, year: { any: [year] } } })).length;
  }
  return counts;
}

/**
 * Draws the chart of the results by year: every year of the archive, each bar the search narrowed to its year.
 * @param {Pagefind} pagefind @param {TermGroup[]} groups @param {ReturnType<typeof readState>} state @param {string[]} years @param {number} searchNumber
 */
async function showYears(pagefind, groups, state, years, searchNumber) {
  const counts = await yearCounts(pagefind, groups, pagefindFilters(state.filters));
  if (searchNumber !== latestSearch) return;
  drawYearChart(yearChart, years.map((year) => ({
    year, count: counts[year] ?? 0, href: addressOf({ ...state, filters: { ...state.filters, year: [year] } }), current: state.filters.year?.includes(year) ?? false,
  })));
}

/** @param {Pagefind} pagefind @param {string[]} bundles @param {string[]} years the archive's years, oldest first */
async function runSearch(pagefind, bundles, years) {
  const searchNumber = ++latestSearch;
  const state = readState();
  input.value = state.query;
  sortMenu.value = state.sort;
  document.title = state.query ? `${state.query} - ${pageTitle}` : pageTitle;
  resultList.replaceChildren();
  moreButton.hidden = true;
  yearChart.hidden = true;
  delete yearChart.dataset.state;
  status.dataset.state = "searching";
  const filters = pagefindFilters(state.filters);
  const phrases = phraseGroups(state.query);
  // Nothing to search for: no words, or a query of punctuation alone; filters alone list every article they match.
  if ((!state.query && Object.keys(filters).length === 0) || (state.query && phrases.length === 0)) {
    status.textContent = "输入人名、地名或关键词，搜索全部往期文章。";
    status.dataset.state = "done";
    return;
  }
  status.textContent = "正在搜索…";
  const sort = SORTS[state.sort];
  /** @param {TermGroup[]} groups */
  const search = (groups) => (sort ? findInDateOrder(pagefind, groups, { filters, sort }, bundles) : find(pagefind, groups, { filters }));
  let groups = phrases;
  let results = await search(groups);
  if (results.length === 0 && state.query) {
    groups = segmentedGroups(state.query);
    results = groups.length ? await search(groups) : [];
  }
  if (searchNumber !== latestSearch) return;
  const about = state.query ? `与“${state.query}”有关的文章` : "符合所选条件的文章";
  status.textContent = results.length ? `找到 ${results.length} 篇${about}。` : `没有找到${about}。`;
  if (results.length) void showYears(pagefind, groups, state, years, searchNumber);
  let shown = 0;
  showMore = async () => {
    const next = await Promise.all(results.slice(shown, shown + RESULTS_PER_PAGE).map((result) => result.data()));
    if (searchNumber !== latestSearch) return;
    resultList.append(...next.map((data) => renderResult(data, state.query)));
    shown += next.length;
    moreButton.hidden = shown >= results.length;
  };
  await showMore();
  if (searchNumber === latestSearch) status.dataset.state = "done";
}

async function start() {
  container.hidden = false;
  const bundles = /** @type {{ key: string, url: string }[]} */ (JSON.parse(container.dataset.searchBundles ?? "[]"));
  const [newest, ...older] = bundles;
  if (!newest) {
    status.textContent = "档案里还没有可以搜索的文章。";
    status.dataset.state = "done";
    return;
  }
  /** @type {Pagefind} */
  const pagefind = await import(new URL(`${newest.url}pagefind.js`, location.href).href);
  // Pagefind records each article by its path in the site; under a path prefix, results must point below it, where this script is too.
  const shared = { ranking: RANKING, baseUrl: new URL("../", import.meta.url).pathname };
  await pagefind.options({ ...shared, mergeFilter: { [BUNDLE_FILTER]: newest.key } });
  await Promise.all(older.map((bundle) => pagefind.mergeIndex(bundle.url, { ...shared, mergeFilter: { [BUNDLE_FILTER]: bundle.key } })));
  const bundleKeys = bundles.map((bundle) => bundle.key);
  const years = Object.keys((await pagefind.filters()).year ?? {}).sort();
  await renderFilters(pagefind);
  const submit = () => {
    const chosen = Object.fromEntries(FILTERS.map(([key]) => [key, [...filterBox.querySelectorAll(`input[name="${key}"]:checked`)].map((box) => /** @type {HTMLInputElement} */ (box).value)]));
    writeState({ query: input.value.trim(), sort: sortMenu.value, filters: chosen });
    void runSearch(pagefind, bundleKeys, years);
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit();
  });
  sortMenu.addEventListener("change", submit);
  filterBox.addEventListener("change", submit);
  moreButton.addEventListener("click", () => void showMore());
  window.addEventListener("popstate", () => void runSearch(pagefind, bundleKeys, years));
  await runSearch(pagefind, bundleKeys, years);
}

void start();
