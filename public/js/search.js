// The search page: reads the query, filters and sort from the address (so a search can be shared), asks Pagefind, ranks what it finds with
// the whole archive's statistics (search-ranking.js), and lists the articles. Pagefind's search bundles are loaded at the first query, not
// before, so what the page fetches before a query does not grow with the archive. Every value from the address or from the index is shown
// as text; a value the page does not know is ignored. A search by filters alone (a person's page links to ?reporter=…) lists every article
// they match, newest first. The results' years are drawn by search-years.js.
import { queryPhrases, segmentedPhrases } from "./search-terms.js";
import { excerpt } from "./search-excerpt.js";
import { articleScore, articlesHolding, phraseStarts, rankRecords } from "./search-ranking.js";
import { drawYearChart } from "./search-years.js";
import { directoryShard, phraseRarity, planBundles, recordsHolding } from "./search-directory.js";
import { peopleNamed } from "./search-person.js";

/** The filters readers can narrow by, with their labels; the keys are the data-pagefind-filter names of the search records. */
const FILTERS = /** @type {const} */ ([["year", "年份"], ["page", "版面"], ["reporter", "记者"]]);
/** The sort menu's choices: relevance, or by date one way or the other. A Map, so that no name inherited by objects can be a choice. */
const SORTS = new Map([["relevance", undefined], ["newest", /** @type {const} */ ("desc")], ["oldest", /** @type {const} */ ("asc")]]);
const RESULTS_PER_PAGE = 10;
/** Records opened at once to find their articles: a kilobyte or two each. */
const RECORDS_PER_BATCH = 20;
/**
 * Records opened before the first results are shown, when that many hold the query: records are ranked by their matches before they
 * are opened, and an article's own rank (its length, where its matches stand) is known only once its record is.
 */
const RECORDS_BEFORE_SHOWING = 40;
/** The most records opened to count each year's articles for the chart; with more, it counts issues (期), which needs no record opened. */
const RECORDS_COUNTED = 40;
/** The filter each search bundle gives its records when merged (mergeFilter), so a search can keep to one bundle; never shown. */
const BUNDLE_FILTER = "bundle";
/**
 * The most sealed bundles (months) merged in one round. Rounds merge 1, 2, 4, … bundles, until the records found are enough for a page
 * of results, and again at each “更多结果” once the records of those merged are all shown: a bundle costs its page list and a chunk a
 * term, a few kilobytes, so a query's first page stays near 100 KB however many months hold its words.
 */
const BUNDLES_PER_ROUND = 8;
/** The longest query the page searches; longer text is cut (a page address can hold far more). */
const MAX_QUERY = 100;
/** The most values of each filter the address may choose. */
const MAX_FILTER_VALUES = 20;

/**
 * @typedef {{ location: number, weight: number }} WeightedLocation
 * @typedef {{ url: string, anchor?: { id: string }, weighted_locations: WeightedLocation[] }} SubResult
 * @typedef {{ url: string, word_count: number, meta: Record<string, string | undefined>, anchors: { id: string, location: number, element: string }[], weighted_locations: WeightedLocation[] }} Fragment
 * @typedef {{ id: string, score: number, words: number[], data: () => Promise<Fragment> }} Result
 * @typedef {{ results: Result[], unfilteredResultCount: number, filters?: Record<string, Record<string, number>> }} Search
 * @typedef {{
 *   mergeIndex(path: string, options: object): Promise<void>,
 *   search(query: string | null, options?: object): Promise<Search>,
 *   destroy(): Promise<void>,
 * }} Pagefind
 * @typedef {{ createInstance(options: object): Pagefind }} PagefindModule
 * @typedef {{ version: string, shards: number, bundles: string[], metas?: string[], records: number, articles: number, terms: number }} DirectoryHead
 * @typedef {import("./search-directory.js").TermBundles} TermBundles
 * @typedef {import("./search-terms.js").Phrase} Phrase
 * @typedef {{ result: Result, starts: number[] }} PhraseHits A phrase in one record: its first term's result there, and where it starts.
 * @typedef {{ first: Result, phrases: PhraseHits[] }} FoundRecord
 * @typedef {{ key: string, url: string }} Bundle
 * @typedef {{ records: number, articles: number, terms: number }} Stats
 * @typedef {[id: string, title: string, kicker: string, subtitle: string, page: string, reporters: string[]]} ArticleMeta
 * @typedef {{ id: string, url: string, title: string, kicker: string, subtitle: string, page: string, reporters: string[], date: string, issue: string, score: number }} Found
 * @typedef {{ text: string, phrases: { title?: string[], kicker?: string[], subtitle?: string[] } }} ArticlePage
 */

/** @param {string} selector */
function element(selector) {
  const found = document.querySelector(selector);
  if (!found) throw new Error(selector);
  return /** @type {HTMLElement} */ (found);
}

const container = element("[data-search]");
const form = /** @type {HTMLFormElement} */ (element("[data-search-form]"));
const input = /** @type {HTMLInputElement} */ (element("[data-search-input]"));
const sortMenu = /** @type {HTMLSelectElement} */ (element("[data-search-sort]"));
const filterBox = element("[data-search-filters]");
const refine = /** @type {HTMLDetailsElement} */ (element("[data-search-refine]"));
const chosenNote = element("[data-search-chosen]");
const yearChart = element("[data-search-years]");
/** The reporter filter's names and their people pages (site/people.ts). */
const personPages = /** @type {Record<string, string>} */ (JSON.parse(container.dataset.searchPeople ?? "{}"));
/** The archive's years, oldest first. */
const archiveYears = (container.dataset.searchArchiveYears ?? "").split(" ").filter(Boolean).sort();
const status = element("[data-search-status]");
const resultList = element("[data-search-results]");
const moreButton = /** @type {HTMLButtonElement} */ (element("[data-search-more]"));
const pageTitle = document.title;
/** The site's path prefix: the search page is at <prefix>search/, this script at <prefix>js/. */
const sitePrefix = new URL("../", import.meta.url).pathname;
/** Counts searches, so the results of one that was overtaken by a newer one are dropped. */
let latestSearch = 0;
/** Shows the next results of the current search. */
let showMore = async () => {};

/** What is being searched, as the address says; anything it does not recognise is left out. */
function readState() {
  const params = new URLSearchParams(location.search);
  const sort = params.get("sort") ?? "relevance";
  return {
    query: [...(params.get("q") ?? "").trim()].slice(0, MAX_QUERY).join(""),
    sort: SORTS.has(sort) ? sort : "relevance",
    filters: Object.fromEntries(FILTERS.map(([key]) => [key, [...new Set(params.getAll(key).map((value) => value.slice(0, 60)))].slice(0, MAX_FILTER_VALUES)])),
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

/** 2022-11-01 → 2022年11月1日, as every other page writes dates. @param {string} date */
function dateText(date) {
  const [year, month, day] = date.split("-").map(Number);
  return year && month && day ? `${year}年${month}月${day}日` : date;
}

/** The site address of an article from its anchor in a record, 2022-11-01-1-3 → <prefix>2022/11/01/1/3/. @param {string} id */
function articleUrl(id) {
  return `${sitePrefix}${id.split("-").join("/")}/`;
}

/**
 * The search index: Pagefind's script from the live bundle (the newest month), the term directory's head and the archive's statistics,
 * loaded at the first query; then, per query, the directory's shards of its terms and a Pagefind instance of its own (createInstance,
 * in the page) that holds the live bundle and merges only the sealed bundles the query needs (docs/SEARCH.md).
 */
class Index {
  /** @param {Bundle} live */
  constructor(live) {
    this.live = live;
    /** The live bundle's folder, as an address: the sealed bundles and the directory are its siblings. */
    this.liveUrl = new URL(live.url, location.href);
    this.directoryUrl = new URL("../directory/", this.liveUrl).href;
    /** @type {Promise<{ pagefind: PagefindModule, head: DirectoryHead, stats: Stats }> | undefined} */
    this.loading = undefined;
    /** @type {Map<number, Promise<Record<string, number[]>>>} */
    this.shards = new Map();
    /** @type {Pagefind | undefined} */
    this.current = undefined;
    /** @type {Pagefind | undefined} */
    this.spare = undefined;
    /**
     * The live bundle's entry, read once for this visit: each query's instance would otherwise read it again (Pagefind asks for it
     * with a new ?ts= each time), one more round trip before the query's words can be looked up. A visit that began before a day's
     * build keeps the live bundle it began with; the next visit reads the new one.
     */
    this.visit = String(Date.now());
  }

  /**
   * Makes the next search's instance of the live bundle ahead of it, while the reader reads or types: Pagefind's script, the directory's
   * head, the live bundle's entry, page list and WebAssembly are then read before 搜索 is pressed, not after it (each a round trip on a
   * slow network). Pagefind starts loading an instance's files when the instance is made.
   */
  prepare() {
    void this.load()
      .then(({ pagefind }) => {
        this.spare ??= this.liveInstance(pagefind);
      })
      .catch(() => undefined);
  }

  /** A new Pagefind instance of the live bundle alone. @param {PagefindModule} pagefind */
  liveInstance(pagefind) {
    // In the page, not in Pagefind's worker: the worker's script is one more file, fetched before the index can be (a round trip, a
    // second on Slow 4G: the first query's first result 7.0 s → 6.0 s on the ranking test archive), and a second JavaScript engine started
    // on every visit. A search waits on the network, not on the few milliseconds of WebAssembly it runs.
    return pagefind.createInstance({
      noWorker: true, basePath: this.liveUrl.pathname, baseUrl: sitePrefix, metaCacheTag: this.visit, mergeFilter: { [BUNDLE_FILTER]: this.live.key },
    });
  }

  /**
   * Asks for the live bundle's entry beside Pagefind's script, and for its page list and WebAssembly as soon as the entry has come:
   * Pagefind asks for the entry only once its script has come, and for the others only once the entry has, a round trip each on a slow
   * network. Pagefind then finds them in the browser's cache (or on their way there): the entry's address is the one Pagefind reads,
   * with this visit's tag.
   */
  preloadLive() {
    const asIs = (/** @type {unknown} */ name) => (typeof name === "string" && /^[\w-]+$/.test(name) ? name : undefined);
    void fetch(new URL(`pagefind-entry.json?ts=${this.visit}`, this.liveUrl))
      .then((response) => response.json())
      .then((/** @type {{ languages?: Record<string, { hash?: unknown, wasm?: unknown }> }} */ entry) => {
        // With more than one language, Pagefind picks one by the page's; this archive's bundles have one.
        const languages = Object.values(entry.languages ?? {});
        const hash = asIs(languages[0]?.hash);
        if (languages.length !== 1 || !hash) return;
        for (const file of [`pagefind.${hash}.pf_meta`, `wasm.${asIs(languages[0]?.wasm) ?? "unknown"}.pagefind`]) {
          fetchAhead(new URL(file, this.liveUrl));
        }
      })
      .catch(() => undefined);
  }

  load() {
    this.loading ??= (async () => {
      this.preloadLive();
      const json = (/** @type {string} */ url) => fetch(url, { cache: "no-cache" }).then((response) => response.json());
      const [pagefind, head, live] = await Promise.all([
        /** @type {Promise<PagefindModule>} */ (import(new URL("pagefind.js", this.liveUrl).href)),
        /** @type {Promise<DirectoryHead>} */ (json(`${this.directoryUrl}head.json`)),
        /** @type {Promise<Stats>} */ (json(new URL("baoku-stats.json", this.liveUrl).href)),
      ]);
      return { pagefind, head, stats: { records: head.records + live.records, articles: head.articles + live.articles, terms: head.terms + live.terms } };
    })();
    return this.loading;
  }

  /**
   * The sealed bundles holding each term, from the directory's shards (each fetched once).
   * @param {string[]} terms @returns {Promise<Map<string, TermBundles>>}
   */
  async lookup(terms) {
    const { head } = await this.load();
    return new Map(await Promise.all(terms.map(async (term) => {
      const shard = directoryShard(term, head.shards);
      let reading = this.shards.get(shard);
      if (!reading) {
        reading = fetch(`${this.directoryUrl}${head.version}/${shard}.json`).then((response) => (response.ok ? response.json() : {}));
        this.shards.set(shard, reading);
      }
      const list = (await reading)[term];
      /** @type {TermBundles} */
      const bundles = new Map();
      if (Array.isArray(list)) for (let at = 0; at + 2 < list.length; at += 3) bundles.set(list[at] ?? -1, [list[at + 1] ?? 0, list[at + 2] ?? 0]);
      return /** @type {const} */ ([term, bundles]);
    })));
  }

  /** A Pagefind instance of the live bundle alone, for one search (the one prepared, if there is one); the one before it is let go. */
  async session() {
    const { pagefind, head } = await this.load();
    void this.current?.destroy().catch(() => undefined);
    const instance = this.spare ?? this.liveInstance(pagefind);
    this.spare = undefined;
    this.current = instance;
    /** The sealed bundles merged into it, by their index in the directory's head. */
    const merged = new Set();
    return {
      instance, merged,
      /** Merges sealed bundles, by their index in the directory's head. @param {number[]} indexes */
      merge: (indexes) => Promise.all(indexes.filter((index) => !merged.has(index)).map((index) => {
        merged.add(index);
        const key = head.bundles[index] ?? "";
        const bundleUrl = new URL(`../${key}/`, this.liveUrl);
        // Pagefind reads a bundle's entry, then the page list the entry names: the head names it, so both are asked at once, and Pagefind
        // finds the page list in the browser's cache (or on its way there).
        const meta = head.metas?.[index];
        if (meta) fetchAhead(new URL(`pagefind.${meta}.pf_meta`, bundleUrl));
        // The sealed bundles change only with the directory's version: their entry files may be cached for as long.
        return instance.mergeIndex(bundleUrl.pathname, { baseUrl: sitePrefix, metaCacheTag: head.version, mergeFilter: { [BUNDLE_FILTER]: key } });
      })),
    };
  }
}

/**
 * Fetches a file Pagefind will ask for, so that it is in the browser's cache (or on its way there) when Pagefind does: whatever comes of
 * it, Pagefind's own request decides.
 * @param {URL} address
 */
function fetchAhead(address) {
  void fetch(address).then((response) => response.arrayBuffer()).catch(() => undefined);
}

/** The Pagefind filter option for the chosen values: a record matches when it has any of the values of each filter. @param {Record<string, string[]>} filters */
function pagefindFilters(filters) {
  return Object.fromEntries(Object.entries(filters).filter(([, values]) => values.length > 0).map(([key, values]) => [key, { any: values }]));
}

/**
 * The records holding every phrase, with where each starts, among the bundles the instance holds. Each term is looked up on its own, so
 * that its locations are its own; a phrase is where its terms stand one after the other. The filters are then one more lookup, of the
 * rarest term (by the directory's count of records in the whole archive, so the choice does not depend on what is merged).
 * @param {Pagefind} pagefind @param {Phrase[]} phrases @param {Record<string, object>} filters @param {Map<string, number>} holding
 */
async function findRecords(pagefind, phrases, filters, holding) {
  /** @type {Map<string, FoundRecord>} */
  const records = new Map();
  if (phrases.length === 0) {
    // Filters alone: every record they let through, each article of it that passes the article's own filters.
    const listed = await pagefind.search(null, { filters });
    for (const result of listed.results) records.set(result.id, { first: result, phrases: [] });
    return { records, rarest: null, matching: undefined };
  }
  const terms = [...new Set(phrases.flatMap((phrase) => phrase.terms.map((term) => term.spelled)))];
  /** @type {Map<string, Map<string, Result>>} */
  const byTerm = new Map(await Promise.all(terms.map(async (term) => /** @type {const} */ ([term, new Map((await pagefind.search(term)).results.map((result) => [result.id, result]))]))));
  const rarest = terms.reduce((best, term) => ((holding.get(term) ?? 0) < (holding.get(best) ?? 0) ? term : best));
  const allowed = Object.keys(filters).length > 0 ? new Set((await pagefind.search(rarest, { filters })).results.map((result) => result.id)) : undefined;
  /** Each phrase's hits, by record, in every record that has it. */
  const hits = phrases.map((phrase) => {
    const [first, ...rest] = phrase.terms.map((term) => byTerm.get(term.spelled) ?? new Map());
    /** @type {Map<string, PhraseHits>} */
    const found = new Map();
    for (const [id, result] of first ?? []) {
      const following = rest.map((results) => results.get(id));
      if (following.some((each) => !each)) continue;
      const starts = phraseStarts([result.words, ...following.map((each) => each?.words ?? [])]);
      if (starts.length > 0) found.set(id, { result, starts });
    }
    return found;
  });
  const [firstHits, ...otherHits] = hits;
  /** Every record holding every phrase, whatever the filters. */
  const matching = new Map();
  for (const [id, hit] of firstHits ?? []) {
    const others = otherHits.map((each) => each.get(id));
    if (others.some((each) => !each)) continue;
    const record = { first: hit.result, phrases: [hit, ...others.map((each) => /** @type {PhraseHits} */ (each))] };
    matching.set(id, record);
    if (!allowed || allowed.has(id)) records.set(id, record);
  }
  return { records, rarest: /** @type {string | null} */ (rarest), matching };
}

/**
 * What a query needs of the archive: each term's count of records in the whole archive (the directory's, plus the live bundle's), the
 * phrases' rarity from them, and the sealed bundles to merge, in order — best bound first for relevance, by date otherwise — keeping to
 * the years chosen.
 * @param {Index} index @param {Pagefind} live an instance holding the live bundle alone @param {Stats} stats @param {Phrase[]} phrases
 * @param {string[]} years @param {"asc" | "desc" | undefined} direction
 */
async function planQuery(index, live, stats, phrases, years, direction) {
  const { head } = await index.load();
  const phraseTerms = phrases.map((phrase) => phrase.terms.map((term) => term.spelled));
  const terms = [...new Set(phraseTerms.flat())];
  // The directory's shards and the live bundle's chunks at once: on a slow network each wait is a round trip.
  const [directory, liveCounts] = await Promise.all([index.lookup(terms), Promise.all(terms.map(async (term) => (await live.search(term)).results.length))]);
  const holding = new Map(terms.map((term, at) => [term, recordsHolding(directory.get(term) ?? new Map(), liveCounts[at] ?? 0)]));
  const rarity = phraseRarity(phraseTerms, holding, stats.records);
  const allowed = (/** @type {number} */ at) => years.length === 0 || years.includes((head.bundles[at] ?? "").slice(0, 4));
  const planned = phrases.length > 0
    ? planBundles(phraseTerms, directory, rarity, allowed)
    : head.bundles.flatMap((_, at) => (allowed(at) ? [{ index: at, bound: Infinity }] : []));
  if (direction || phrases.length === 0) planned.sort((a, b) => (direction === "asc" ? a.index - b.index : b.index - a.index));
  /** Each planned bundle's most records holding every term: what the year chart counts of a bundle not merged. */
  const estimate = (/** @type {number} */ at) => (terms.length === 0 ? 0 : Math.min(...terms.map((term) => directory.get(term)?.get(at)?.[0] ?? 0)));
  return { holding, rarity, planned, estimate, keyOf: (/** @type {number} */ at) => head.bundles[at] ?? "" };
}

/**
 * A query's search: a Pagefind instance of its own holding the live bundle, into which the planned sealed bundles are merged a round at a
 * time — first until there are enough records to rank the first page (RECORDS_BEFORE_SHOWING, or a page in date order), then one round
 * each time the reader asks for more. The rarity of each phrase and the order of the bundles come from the directory, so neither depends
 * on how much is merged nor on how the archive is split.
 * @param {Index} index @param {Stats} stats @param {Phrase[]} phrases @param {Record<string, object>} filters @param {string[]} years
 * @param {"asc" | "desc" | undefined} direction
 */
async function searchArchive(index, stats, phrases, filters, years, direction) {
  const session = await index.session();
  const plan = await planQuery(index, session.instance, stats, phrases, years, direction);
  let merged = 0;
  let found = await findRecords(session.instance, phrases, filters, plan.holding);
  let roundSize = 1;
  /** The most records of a planned bundle that can hold every term: the directory's count, or unknown for filters alone. */
  const most = (/** @type {number} */ at) => (phrases.length === 0 ? Infinity : plan.estimate(plan.planned[at]?.index ?? -1));
  /**
   * Merges the next round of bundles, and with it the rounds after it that the directory's counts show cannot bring the records found
   * to `enough`: the bundles merged are those the rounds would merge one by one, in one round trip instead of several.
   */
  const round = async (enough = 0) => {
    let end = merged;
    let bound = found.records.size;
    do {
      for (let at = end; at < Math.min(end + roundSize, plan.planned.length); at++) bound += most(at);
      end = Math.min(end + roundSize, plan.planned.length);
      roundSize = Math.min(roundSize * 2, BUNDLES_PER_ROUND);
    } while (end < plan.planned.length && bound < enough);
    const next = plan.planned.slice(merged, end);
    merged = end;
    await session.merge(next.map((bundle) => bundle.index));
    found = await findRecords(session.instance, phrases, filters, plan.holding);
  };
  const wanted = direction || phrases.length === 0 ? RESULTS_PER_PAGE + 1 : RECORDS_BEFORE_SHOWING;
  while (merged < plan.planned.length && found.records.size < wanted) await round(wanted);
  /**
   * The merged bundles' keys, newest first, the live bundle's first; oldest first, the live bundle comes last, so it is listed only
   * once every older month is merged.
   */
  const keys = () => [...(direction !== "asc" || merged >= plan.planned.length ? [index.live.key] : []), ...[...session.merged].sort((a, b) => b - a).map(plan.keyOf)];
  /** Records already put in order: each round's order holds only the records not listed before. */
  const listed = new Set();
  /** The ids of the records found and not listed yet, in the order they are opened. */
  const orderOf = async () => {
    const fresh = new Map([...found.records].filter(([id]) => !listed.has(id)));
    const ids = direction
      ? (await inDateOrder(session.instance, keys(), found.rarest, filters, direction)).filter((id) => fresh.has(id))
      : rankRecords([...fresh].map(([id, record]) => ({ id, counts: record.phrases.map((phrase) => phrase.starts.length) })), plan.rarity).map((ranked) => ranked.id);
    for (const id of ids) listed.add(id);
    return ids;
  };
  return {
    get found() { return found; },
    instance: session.instance,
    rarity: plan.rarity,
    orderOf,
    /** Planned bundles not merged yet. */
    remaining: () => plan.planned.length - merged,
    /** Months searched: the live one and those merged. */
    searched: () => merged + 1,
    /** Merges the next round of bundles; resolves to the ids of the records it lets be listed, in order. */
    async nextRound() {
      await round();
      return orderOf();
    },
    /** The years of the planned bundles not merged, each with the most records of it that can hold the query. */
    unmerged: () => plan.planned.slice(merged).map((bundle) => ({ year: plan.keyOf(bundle.index).slice(0, 4), records: plan.estimate(bundle.index) })),
  };
}

/**
 * The records' ids in date order, newest or oldest first: each bundle is a run of months, and Pagefind sorts within one, so the bundles
 * are asked in turn, in the order of their months.
 * @param {Pagefind} pagefind @param {string[]} bundles the merged bundles' keys, newest first @param {string | null} term none: every record the filters let through
 * @param {Record<string, object>} filters @param {"asc" | "desc"} direction
 */
async function inDateOrder(pagefind, bundles, term, filters, direction) {
  const ordered = direction === "asc" ? [...bundles].reverse() : bundles;
  const ids = [];
  for (const key of ordered) {
    const search = await pagefind.search(term, { filters: { ...filters, [BUNDLE_FILTER]: { any: [key] } }, sort: { date: direction } });
    ids.push(...search.results.map((result) => result.id));
  }
  return ids;
}

/**
 * The articles of one record that hold every phrase and pass the article's own filters (版 and reporter), scored. A record's fragment is
 * read one result at a time (fragmentOf).
 * @param {FoundRecord} record @param {number[]} rarity @param {number} averageLength @param {Record<string, string[]>} chosen
 * @returns {Promise<Found[]>}
 */
async function articlesOf(record, rarity, averageLength, chosen) {
  const fragment = await fragmentOf(record.first);
  const { word_count: wordCount, meta: recordMeta } = fragment;
  const anchors = fragment.anchors.filter((anchor) => /^h\d$/i.test(anchor.element)).map(({ id, location }) => ({ id, location }));
  const phrases = [];
  for (const { result, starts } of record.phrases) {
    const weights = new Map((await fragmentOf(result)).weighted_locations.map((each) => [each.location, each.weight]));
    phrases.push(starts.map((location) => ({ location, weight: weights.get(location) ?? 1 })));
  }
  /** @type {Map<string, ArticleMeta>} */
  const meta = new Map(parseMeta(recordMeta.a).map((article) => [article[0], article]));
  return articlesHolding(anchors, wordCount, phrases).flatMap((hits) => {
    const about = meta.get(hits.id);
    if (!about) return [];
    const [id, title, kicker, subtitle, page, reporters] = about;
    if (chosen.page?.length && !chosen.page.includes(pageNumber(page))) return [];
    if (chosen.reporter?.length && !reporters.some((name) => chosen.reporter?.includes(name))) return [];
    return [{ id, url: articleUrl(id), title, kicker, subtitle, page, reporters, date: recordMeta.date ?? "", issue: recordMeta.issue ?? "", score: articleScore(hits, rarity, averageLength) }];
  });
}

/** Each record's fragment reads in turn, by record id. */
const fragmentReads = new Map();

/**
 * A result's fragment, with its own locations. Pagefind hands every result of one record the same fragment object and rewrites its
 * locations on each read, so the reads of one record wait for each other and each keeps a copy.
 * @param {Result} result @returns {Promise<Fragment>}
 */
function fragmentOf(result) {
  const reading = (fragmentReads.get(result.id) ?? Promise.resolve()).then(async () => {
    const fragment = await result.data();
    return { ...fragment, weighted_locations: [...fragment.weighted_locations] };
  });
  fragmentReads.set(result.id, reading.catch(() => undefined));
  return reading;
}

/** @param {string | undefined} text @returns {ArticleMeta[]} */
function parseMeta(text) {
  try {
    const parsed = JSON.parse(text ?? "[]");
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

/**
 * An article's text, from its page, for its excerpt, and its headlines as the page splits them into phrases (src/site/phrases.ts), so a
 * result's headline breaks between words as the article page's does without the index carrying the phrases.
 * @param {string} url @returns {Promise<ArticlePage>}
 */
async function articlePage(url) {
  const response = await fetch(url);
  if (!response.ok) return { text: "", phrases: {} };
  const text = new DOMParser().parseFromString(await response.text(), "text/html").querySelector("[data-search-text]");
  /** @type {ArticlePage["phrases"]} */
  const phrases = {};
  for (const [key, selector] of /** @type {const} */ ([["title", ".article-title"], ["kicker", ".kicker"], ["subtitle", ".subtitle"]])) {
    const heading = text?.querySelector(`.article-header ${selector}`);
    if (heading) phrases[key] = phrasesIn(heading);
  }
  // The headlines are shown above the excerpt already, and 纠错 is not the paper's text.
  for (const aside of text?.querySelectorAll(".article-header, .correction") ?? []) aside.remove();
  // The page sets a gap after the dateline where the paper printed its comma (content/dateline.ts takes it off), and its paragraphs are
  // blocks: the excerpt reads as printed, 东昌府讯 10月29日，全市…, with its paragraph breaks.
  for (const dateline of text?.querySelectorAll(".dateline") ?? []) dateline.append("，");
  for (const block of text?.querySelectorAll("p, figcaption") ?? []) block.append("\n");
  return { text: text?.textContent?.replace(/\s*\n\s*/g, "\n").replace(/[^\S\n]+/g, " ").trim() ?? "", phrases };
}

/** A headline's phrases as the phrased filter wrote them (src/site/phrases.ts: phrasedHtml): split at each <wbr>, a space a phrase of its own. @param {Node} node */
function phrasesIn(node) {
  /** @type {string[]} */
  const phrases = [""];
  const walk = (/** @type {Node} */ at) => {
    for (const child of at.childNodes) {
      if (child.nodeName === "WBR") phrases.push("");
      else if (child.nodeType === Node.TEXT_NODE && /^\s+$/.test(child.textContent ?? "")) phrases.push(" ", "");
      else if (child.nodeType === Node.TEXT_NODE) phrases[phrases.length - 1] += child.textContent ?? "";
      else walk(child);
    }
  };
  walk(node);
  return phrases.filter(Boolean);
}

/**
 * Sets `element`'s text to `phrases` as the phrased filter does: a <wbr> between phrases, and the parts a space sets apart each in a run the
 * stylesheet keeps whole while it fits. Only when they spell `text` exactly, so a page changed since the index was built changes nothing.
 * @param {HTMLElement} element @param {string[] | undefined} phrases @param {string} text
 */
function setPhrased(element, phrases, text) {
  if (!phrases || phrases.join("") !== text) return;
  /** @type {string[][]} */
  const runs = [[]];
  for (const phrase of phrases) {
    if (phrase === " ") runs.push([]);
    else runs[runs.length - 1]?.push(phrase);
  }
  const pieces = runs.map((run) => {
    const nodes = run.flatMap((phrase, at) => (at === 0 ? [phrase] : [document.createElement("wbr"), phrase]));
    if (runs.length === 1) return nodes;
    const span = make("span", "phrase-run");
    span.append(...nodes);
    return [span];
  });
  element.replaceChildren(...pieces.flatMap((nodes, at) => (at === 0 ? nodes : [" ", ...nodes])));
}

/**
 * One result as a list item, whole: its headlines split as the article page splits them and its excerpt, from the article's page (so the
 * item is drawn at its final height and nothing below it moves); every piece of content goes in as text.
 * @param {Found} found @param {string} query @param {ArticlePage} page the article's text and headlines
 */
function renderResult(found, query, { text, phrases }) {
  const item = make("li", "search-result");
  const kicker = make("p", "kicker", found.kicker);
  if (found.kicker) item.append(kicker);
  const heading = make("h2", "search-result-title");
  const link = /** @type {HTMLAnchorElement} */ (make("a", "", found.title));
  link.href = `${found.url}?${new URLSearchParams({ highlight: query })}`;
  heading.append(link);
  item.append(heading);
  const subtitle = make("p", "subtitle", found.subtitle);
  if (found.subtitle) item.append(subtitle);
  const facts = make("p", "search-result-meta", [dateText(found.date), found.issue && `总第${found.issue}期`, found.page].filter(Boolean).join(" · "));
  // The byline's names, each a link to that person's page.
  found.reporters.forEach((name, at) => {
    const page = personPages[name];
    const person = make(page ? "a" : "span", "search-result-person", name);
    if (person instanceof HTMLAnchorElement && page) person.href = page;
    facts.append(at === 0 ? " · " : "、", person);
  });
  item.append(facts);
  const excerptParagraph = make("p", "search-result-excerpt");
  item.append(excerptParagraph);
  setPhrased(link, phrases.title, found.title);
  setPhrased(kicker, phrases.kicker, found.kicker);
  setPhrased(subtitle, phrases.subtitle, found.subtitle);
  for (const piece of excerpt(text, query)) excerptParagraph.append(piece.marked ? make("mark", "", piece.text) : piece.text);
  return item;
}

/**
 * The filters, with this query's counts: of the articles found when every record holding the query has been opened, and of the issues
 * (期) otherwise. Choices the address made stay shown even without results.
 * @param {Map<string, Map<string, number>>} counts @param {Record<string, string[]>} chosen @param {string} unit
 */
function renderFilters(counts, chosen, unit) {
  filterBox.replaceChildren();
  for (const [key, label] of FILTERS) {
    const values = new Map(counts.get(key));
    for (const value of chosen[key] ?? []) if (!values.has(value)) values.set(value, 0);
    if (values.size === 0) continue;
    const fieldset = make("fieldset", "search-filter");
    fieldset.append(make("legend", "", label));
    const sorted = [...values].sort(([a], [b]) => (key === "year" ? b.localeCompare(a) : key === "page" ? pageOrder(a) - pageOrder(b) || a.localeCompare(b, "zh-CN") : a.localeCompare(b, "zh-CN")));
    for (const [value, count] of sorted) {
      const option = make("label", "search-filter-option");
      const box = /** @type {HTMLInputElement} */ (make("input", ""));
      box.type = "checkbox";
      box.name = key;
      box.value = value;
      box.checked = chosen[key]?.includes(value) ?? false;
      option.append(box, ` ${key === "year" ? `${value}年` : value}（${count}${unit}）`);
      fieldset.append(option);
    }
    filterBox.append(fieldset);
  }
  refine.hidden = filterBox.childElementCount === 0 && yearChart.hidden;
  const chosenCount = Object.values(chosen).reduce((sum, values) => sum + values.length, 0);
  chosenNote.textContent = chosenCount ? `（已选 ${chosenCount} 项）` : "";
}

/** 第1版 要闻 → 第1版: the 版 filter groups by number, as the search records' filter does. @param {string} label */
function pageNumber(label) {
  return /^第\d+版/.exec(label)?.[0] ?? label;
}

/** 第N版 … sorts by N. @param {string} label */
function pageOrder(label) {
  return Number(/^第(\d+)版/.exec(label)?.[1] ?? 999);
}

/** @param {Map<string, Map<string, number>>} counts @param {string} key @param {string} value */
function count(counts, key, value) {
  const values = counts.get(key) ?? new Map();
  values.set(value, (values.get(value) ?? 0) + 1);
  counts.set(key, values);
}

/**
 * Runs the search the address asks for and lists its first results.
 * @param {Index} index
 */
async function runSearch(index) {
  const searchNumber = ++latestSearch;
  const state = readState();
  input.value = state.query;
  sortMenu.value = state.sort;
  document.title = state.query ? `${state.query} - ${pageTitle}` : pageTitle;
  const recordFilters = pagefindFilters(state.filters);
  const filtersAlone = !state.query && Object.keys(recordFilters).length > 0;
  const nothingAsked = (!state.query && !filtersAlone) || (state.query && queryPhrases(state.query).length === 0);
  // As preferences.js marks it before the first paint: room held for the results, the help left out (site.css).
  document.documentElement.toggleAttribute("data-search-asked", !nothingAsked);
  resultList.replaceChildren();
  resultList.removeAttribute("aria-busy");
  moreButton.hidden = true;
  yearChart.hidden = true;
  delete yearChart.dataset.state;
  status.dataset.state = "searching";
  // Nothing to search for: no words and no filters, or a query of punctuation alone. The page's help says what to do.
  if (nothingAsked) {
    status.textContent = "";
    renderFilters(new Map(), state.filters, "");
    status.dataset.state = "done";
    return;
  }
  status.textContent = "正在搜索…";
  // What readers typed is what the page shows; what is searched and marked is its simplified form.
  const [{ stats }, typed] = await Promise.all([index.load(), simplified(state.query)]);
  // A reporter's name spelled in pinyin (guolongjun, Guō Lóngjūn) is not in the text: the page searches the name as printed, and says so.
  const spelled = peopleNamed(personPages, state.query).find((person) => person.name !== typed.replace(/\s+/g, ""));
  const query = spelled ? spelled.name : typed;
  // Filters alone have no relevance to rank by: newest first, unless the reader chose otherwise.
  const direction = SORTS.get(state.sort) ?? (filtersAlone ? "desc" : undefined);
  const years = state.filters.year ?? [];
  let search = await searchArchive(index, stats, queryPhrases(query), recordFilters, years, direction);
  if (search.found.records.size === 0 && search.remaining() === 0 && query) {
    const words = segmentedPhrases(query);
    if (words.length > 0) search = await searchArchive(index, stats, words, recordFilters, years, direction);
  }
  if (searchNumber !== latestSearch) return;
  const averageLength = stats.articles ? stats.terms / stats.articles : 1;
  /** The records in the order they are opened: each round's records after those of the rounds before. */
  const order = await search.orderOf();

  /** @type {Found[]} */
  const articles = [];
  let opened = 0;
  /** Where the articles of the newest round of bundles start: each round's are ranked together, after those of the rounds before. */
  let roundStart = 0;
  /**
   * Opens the next records, in order, until `wanted` articles are known and at least `records` records are open, or every record is;
   * when the bundles merged so far have no more, merges the next round of them.
   * @param {number} wanted @param {number} [records]
   */
  const openUntil = async (wanted, records = 0) => {
    for (;;) {
      while ((articles.length < wanted || opened < records) && opened < order.length) {
        // The records the first page waits for are asked at once: on a slow network each batch is a round trip.
        const batch = order.slice(opened, opened + Math.max(RECORDS_PER_BATCH, records - opened));
        opened += batch.length;
        const lists = await Promise.all(batch.flatMap((id) => {
          const record = search.found.records.get(id);
          return record ? [articlesOf(record, search.rarity, averageLength, state.filters)] : [];
        }));
        // Within what is open of this round, by relevance (or by date, newest or oldest, then by place in the issue).
        const round = [...articles.splice(roundStart), ...lists.flat()];
        if (direction) round.sort((a, b) => (direction === "desc" ? b.date.localeCompare(a.date) : a.date.localeCompare(b.date)) || a.id.localeCompare(b.id, "en", { numeric: true }));
        else round.sort((a, b) => b.score - a.score || b.date.localeCompare(a.date) || a.id.localeCompare(b.id, "en", { numeric: true }));
        articles.push(...round);
      }
      if (articles.length >= wanted || search.remaining() === 0) return;
      roundStart = articles.length;
      order.push(...await search.nextRound());
    }
  };
  // Ranked by relevance, the first results are the best of the records opened: a few more than they need make it likelier the best are there.
  await openUntil(RESULTS_PER_PAGE + 1, direction ? 0 : RECORDS_BEFORE_SHOWING);
  if (searchNumber !== latestSearch) return;

  const about = state.query ? `与“${spelled ? query : state.query}”有关的文章` : "符合所选条件的文章";
  const byPinyin = spelled ? `按拼音找到记者 ${spelled.name}，以下是搜索“${spelled.name}”的结果。` : "";
  const describe = () => `${byPinyin}${describeFound()}`;
  const describeFound = () => {
    const remaining = search.remaining();
    const everything = opened >= order.length && remaining === 0;
    if (articles.length === 0 && everything) return `没有找到${about}。`;
    const sorted = direction ? (direction === "desc" ? "最新的在前" : "最早的在前") : "最相关的在前";
    if (everything) return `找到 ${articles.length} 篇${about}。`;
    if (remaining === 0) return `在 ${order.length} 期报纸中找到${about}，${sorted}。`;
    // Not every month holding the words is searched yet: the page says so, and “更多结果” searches the next months.
    return `在已检索的 ${search.searched()} 个月份中找到${about}，${sorted}；还有 ${remaining} 个月份含有这些字词，点“更多结果”继续检索。`;
  };
  const refreshFilters = () => {
    const everything = opened >= order.length && search.remaining() === 0;
    /** @type {Map<string, Map<string, number>>} */
    const counts = new Map();
    for (const article of articles) {
      count(counts, "year", article.date.slice(0, 4));
      count(counts, "page", pageNumber(article.page));
      for (const name of new Set(article.reporters)) count(counts, "reporter", name);
    }
    renderFilters(counts, state.filters, everything ? "" : "+");
  };
  let shown = 0;
  const showStatus = () => {
    status.textContent = describe();
    refreshFilters();
  };
  /**
   * Shows the next page of results. The list is marked busy while they come in (aria-busy), so that a screen reader announces the page
   * once it is whole, and “更多结果” says whether there is more only then.
   */
  const showPage = async () => {
    resultList.setAttribute("aria-busy", "true");
    try {
      await showResults();
    } finally {
      if (searchNumber === latestSearch) resultList.removeAttribute("aria-busy");
    }
  };
  const showResults = async () => {
    await openUntil(shown + RESULTS_PER_PAGE + 1);
    const next = articles.slice(shown, shown + RESULTS_PER_PAGE);
    // Each result waits for its article's page (all fetched side by side) and comes in whole, in order, below the ones before it, so
    // nothing drawn moves (an item drawn and then grown by its excerpt would push every result below it); the first comes with the
    // status and the filters, in the same frame. On a slow network the first result is on screen when its own page has come.
    const pages = next.map((article) => articlePage(article.url).catch(() => ({ text: "", phrases: {} })));
    for (const [at, article] of next.entries()) {
      const page = await pages[at];
      if (searchNumber !== latestSearch) return;
      resultList.append(renderResult(article, query, page ?? { text: "", phrases: {} }));
      shown += 1;
      if (at === 0) showStatus();
    }
    if (searchNumber !== latestSearch) return;
    moreButton.hidden = shown >= articles.length && opened >= order.length && search.remaining() === 0;
    if (next.length === 0) showStatus();
  };
  // A page at a time: “更多结果” pressed again while a page comes in shows the page after it, once that one is shown.
  let showing = Promise.resolve();
  showMore = () => {
    showing = showing.catch(() => undefined).then(showPage);
    return showing;
  };
  await showMore();
  if (articles.length > 0) await showYears(search, state, averageLength, searchNumber).catch(() => undefined);
  if (searchNumber === latestSearch) status.dataset.state = "done";
}

/**
 * Draws the results by year, whatever years are chosen, so the chart shows every year to narrow to: each year's articles when every
 * month holding the query is searched and the records holding it (with the other filters) are few enough to open, else each year's
 * issues holding it — counted in the months searched, and in the others from the directory (at most the records holding every term).
 * @param {Awaited<ReturnType<typeof searchArchive>>} search @param {ReturnType<typeof readState>} state
 * @param {number} averageLength @param {number} searchNumber
 */
async function showYears(search, state, averageLength, searchNumber) {
  const pagefind = search.instance;
  const found = search.found;
  const { year: chosenYears = [], ...otherChosen } = state.filters;
  const others = pagefindFilters(otherChosen);
  /** @param {Record<string, object>} filters */
  const idsOf = async (filters) => new Set((await pagefind.search(found.rarest, { filters })).results.map((result) => result.id));
  /** @type {FoundRecord[]} */
  let candidates;
  if (found.matching) {
    const allowed = Object.keys(others).length > 0 ? await idsOf(others) : undefined;
    candidates = [...found.matching].filter(([id]) => !allowed || allowed.has(id)).map(([, record]) => record);
  } else {
    candidates = (await pagefind.search(null, { filters: others })).results.map((result) => ({ first: result, phrases: [] }));
  }
  /** @type {Map<string, number>} */
  const counts = new Map();
  let unit = "篇";
  const unmerged = search.unmerged();
  if (candidates.length <= RECORDS_COUNTED && unmerged.length === 0) {
    const lists = await Promise.all(candidates.map((record) => articlesOf(record, search.rarity, averageLength, otherChosen)));
    for (const article of lists.flat()) counts.set(article.date.slice(0, 4), (counts.get(article.date.slice(0, 4)) ?? 0) + 1);
  } else {
    unit = "期";
    for (const year of archiveYears) {
      const inYear = await idsOf({ ...others, year: { any: [year] } });
      counts.set(year, candidates.filter((record) => inYear.has(record.first.id)).length);
    }
    for (const { year, records } of unmerged) counts.set(year, (counts.get(year) ?? 0) + records);
  }
  if (searchNumber !== latestSearch) return;
  drawYearChart(yearChart, archiveYears.map((year) => ({
    year, count: counts.get(year) ?? 0, href: addressOf({ ...state, filters: { ...state.filters, year: [year] } }), current: chosenYears.includes(year),
  })), unit);
  refine.hidden = filterBox.childElementCount === 0 && yearChart.hidden;
}

/**
 * @typedef {{ maybeTraditional(character: string): boolean }} TraditionalMarks
 * @typedef {{ toSimplified(text: string): string }} TraditionalTable
 */
/** Which characters are traditional (a bitmap of a few kilobytes), loaded at the first query; generated at build time from OpenCC. */
let traditionalMarks = /** @type {Promise<TraditionalMarks | undefined> | undefined} */ (undefined);
/** Their simplified forms, loaded only when a query holds one. */
let traditionalTable = /** @type {Promise<TraditionalTable | undefined> | undefined} */ (undefined);

/** The query with its traditional characters made simplified, as the archive is printed. @param {string} query */
async function simplified(query) {
  traditionalMarks ??= import(new URL(`${sitePrefix}js/zh-traditional-marks.js`, location.href).href).catch(() => undefined);
  const marks = await traditionalMarks;
  if (!marks || ![...query].some((character) => marks.maybeTraditional(character))) return query;
  traditionalTable ??= import(new URL(`${sitePrefix}js/zh-traditional.js`, location.href).href).catch(() => undefined);
  return (await traditionalTable)?.toSimplified(query) ?? query;
}

async function start() {
  // Filters fold away above the results on a phone or a tablet, so that the first result is on the first screen; beside them on a wide
  // screen (site.css), they are open.
  refine.open = matchMedia("(min-width: 60rem)").matches;
  const bundles = /** @type {Bundle[]} */ (JSON.parse(container.dataset.searchBundles ?? "[]"));
  if (!bundles[0]) {
    status.textContent = "档案里还没有可以搜索的文章。";
    status.dataset.state = "done";
    return;
  }
  const index = new Index(bundles[0]);
  const submit = () => {
    const chosen = Object.fromEntries(FILTERS.map(([key]) => [key, [...filterBox.querySelectorAll(`input[name="${key}"]:checked`)].map((box) => /** @type {HTMLInputElement} */ (box).value)]));
    writeState({ query: input.value.trim(), sort: sortMenu.value, filters: chosen });
    void runSearch(index).catch(failed);
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    submit();
  });
  sortMenu.addEventListener("change", submit);
  filterBox.addEventListener("change", submit);
  moreButton.addEventListener("click", () => void showMore().catch(failed));
  // A reader who goes to the box is about to ask: the next search's instance is made while they type.
  for (const event of ["focus", "input"]) input.addEventListener(event, () => index.prepare());
  window.addEventListener("popstate", () => void runSearch(index).catch(failed));
  await runSearch(index);
}

/** A search that could not finish (the index could not be loaded) says so, and the page stays usable. */
function failed() {
  status.textContent = "搜索暂时无法完成，请稍后再试。";
  status.dataset.state = "done";
}

void start().catch(failed);
