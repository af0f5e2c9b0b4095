// Everyone the archive's bylines and photo credits name: an ASCII address each (pinyin, with namesakes told apart), and the records of
// /people/ and /people/<slug>/. Built from the issues' headers (model.ts: CreditedArticle), so no issue is read whole for them.
import { createHash } from "node:crypto";
import { pinyin } from "pinyin-pro";
import type { CreditedArticle, IssueHeader } from "../model.ts";
import type { Link, NamesakePageData, PeopleIndexData, PersonCredit, PersonPageData } from "../site-types.ts";
import { articlePath, PEOPLE_PATH, personPath, personYearPath } from "../paths.ts";
import type { Addresser } from "./addresses.ts";
import { pushTo } from "../util/push-to.ts";
import { dateText, displayTitle } from "./words.ts";

/** What a person did in an article, in byline order: wrote it, contributed as a correspondent, or took its photos. */
export type Role = "reporter" | "correspondent" | "photographer";

export const ROLE_NAMES: Record<Role, string> = { reporter: "记者", correspondent: "通讯员", photographer: "摄影" };
const ROLES: readonly Role[] = ["reporter", "correspondent", "photographer"];

/** Two-character surnames, so that 欧阳修 is ouyang-xiu like 郭龙君 is guo-longjun (GB/T 28039: surname, then the given name as one word). */
const COMPOUND_SURNAMES = new Set([
  "欧阳",
  "司马",
  "上官",
  "诸葛",
  "东方",
  "皇甫",
  "尉迟",
  "公孙",
  "慕容",
  "长孙",
  "宇文",
  "司徒",
  "夏侯",
  "轩辕",
  "令狐",
  "钟离",
  "端木",
  "南宫",
  "独孤",
  "百里",
  "呼延",
  "西门",
  "东郭",
  "申屠",
  "公羊",
  "澹台",
  "太史",
  "万俟",
  "闻人",
  "赫连",
  "第五",
  "左丘",
  "拓跋",
  "完颜",
  "司空",
  "仲孙",
]);
const HAN = /\p{Script=Han}/u;

/** The syllables of Chinese text in pinyin without tones, ü as v; surnames read as surnames (单 shan, 曾 zeng). */
function syllables(text: string, asName: boolean): string[] {
  return pinyin(text, { toneType: "none", type: "array", v: true, ...(asName && { surname: "head" }) }).map((syllable) => syllable.toLowerCase());
}

/** One word of a name in ASCII: Han characters in pinyin run together, other letters without their accents, anything else dropped. */
function asciiWord(text: string, asName: boolean): string {
  return asciiOnly(HAN.test(text) ? syllables(text, asName).join("") : text);
}

/** Letters without their accents and digits, lower-cased; every other character dropped. */
function asciiOnly(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9]+/g, "")
    .toLowerCase();
}

/**
 * A name's address without regard to namesakes: its pinyin, surname and given name joined by a hyphen (郭龙君 → guo-longjun); the parts
 * of a name written with · or spaces (买买提·艾力) a word each. Only the name decides it, so it never changes as the archive grows.
 */
export function nameSlug(name: string): string {
  const parts = name.split(/[\s·・]+/u).filter(Boolean);
  const words = parts.length === 1 && HAN_NAME.test(parts[0]!) ? surnameAndGivenName(parts[0]!) : parts.map((part, index) => asciiWord(part, index === 0));
  // A character pinyin-pro has no reading for (a rare or compatibility ideograph) comes back as itself, and is dropped.
  const slug = words.map(asciiOnly).filter(Boolean).join("-");
  return slug || `person-${nameHash(name)}`;
}

const HAN_NAME = /^\p{Script=Han}+$/u;

/** 郭龙君 → guo, longjun; 欧阳修 → ouyang, xiu. */
function surnameAndGivenName(name: string): string[] {
  const characters = [...name];
  const spelled = syllables(name, true);
  // pinyin-pro gives a syllable a character; a name it reads otherwise stays one word.
  if (characters.length < 2 || spelled.length !== characters.length) return [asciiWord(name, true)];
  const surnameLength = characters.length > 2 && COMPOUND_SURNAMES.has(characters.slice(0, 2).join("")) ? 2 : 1;
  return [spelled.slice(0, surnameLength).join(""), spelled.slice(surnameLength).join("")];
}

function nameHash(name: string): string {
  return createHash("sha256").update(name.normalize("NFC")).digest("hex").slice(0, 6);
}

/** Every name's slug, and the names each shared pinyin stands for. */
export interface PersonSlugs {
  slugOf: ReadonlyMap<string, string>;
  /** Pinyin slugs shared by several names (张伟 and 章伟: zhang-wei), with those names sorted. */
  namesakes: ReadonlyMap<string, string[]>;
}

/**
 * The slug of each name: its pinyin, or, when other names in the archive have the same pinyin, the pinyin and six hexadecimal digits of
 * the name's own hash (zhang-wei-1f3a2b). The plain pinyin then becomes a page leading to each namesake, so an address once given out
 * still leads to its person; a name's slug changes at most once, when its first namesake appears, and never after.
 */
export function personSlugs(names: Iterable<string>): PersonSlugs {
  const byBase = new Map<string, Set<string>>();
  for (const name of names) {
    const base = nameSlug(name);
    const group = byBase.get(base) ?? new Set<string>();
    group.add(name);
    byBase.set(base, group);
  }
  const slugOf = new Map<string, string>();
  const namesakes = new Map<string, string[]>();
  for (const [base, group] of byBase) {
    const sorted = [...group].sort();
    if (sorted.length > 1) namesakes.set(base, sorted);
    for (const name of sorted) slugOf.set(name, sorted.length > 1 ? `${base}-${nameHash(name)}` : base);
  }
  return { slugOf, namesakes };
}

/** The names an article credits, each with its roles in it, in byline order. */
export function creditsOf(article: CreditedArticle): Map<string, Role[]> {
  const roles = new Map<string, Role[]>();
  const add = (names: readonly string[], role: Role) => {
    for (const name of names) {
      const held = roles.get(name) ?? [];
      if (!held.includes(role)) held.push(role);
      roles.set(name, held);
    }
  };
  add(article.reporters, "reporter");
  add(article.correspondents, "correspondent");
  add(article.photographers, "photographer");
  return roles;
}

/** Everyone named in the issues, for their slugs. Loops rather than creditsOf: it runs over every header of the archive each build. */
export function namesIn(headers: readonly IssueHeader[]): Set<string> {
  const names = new Set<string>();
  for (const header of headers) {
    for (const article of header.credited) {
      for (const name of article.reporters) names.add(name);
      for (const name of article.correspondents) names.add(name);
      for (const name of article.photographers) names.add(name);
    }
  }
  return names;
}

/** Guo Longjun: a slug without its namesake digits, as a name in pinyin. */
function romanizedOf(baseSlug: string): string {
  return baseSlug
    .split("-")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(" ");
}

/** Whether the articles' reporter filter on the search page (templates/article.njk) names someone who has these roles. */
function inReporterFilter(roles: ReadonlySet<Role>): boolean {
  return roles.has("reporter") || roles.has("correspondent");
}

/** The search page filtered to a reporter or correspondent, newest first, or searching a photographer's name. */
function searchUrlOf(name: string, roles: ReadonlySet<Role>, at: Addresser): string {
  const query: Record<string, string> = inReporterFilter(roles) ? { reporter: name, sort: "newest" } : { q: name };
  return `${at("/search/")}?${new URLSearchParams(query)}`;
}

/**
 * The most articles a person's page lists: a person with more has a page a year (/people/<slug>/<YYYY>/), and their own page lists the
 * newest year. A reporter of a daily paper passes it in a year or two, and a page of a decade's articles (megabytes) is too much for a
 * phone; a page a year also keeps what a new issue changes to two pages a person, whatever the archive's age.
 */
export const PERSON_PAGE_CREDITS = 500;

export interface PeopleRecords {
  /** The people's pages: each person's own, and their year pages. */
  people: PersonPageData[];
  namesakes: NamesakePageData[];
  peopleIndex: PeopleIndexData;
  /** The reporter filter's names with their pages. */
  searchPeople: Record<string, string>;
}

/**
 * A person's pages: one, or, with more than `pageCredits` articles over more than a year, their own and one a year. A year's page counts
 * that year's articles and lists the years without their counts, so that a new issue changes the person's own page and the newest year's,
 * not every year's.
 */
export function personPages(person: PersonPageData, at: Addresser, pageCredits = PERSON_PAGE_CREDITS): PersonPageData[] {
  if (person.counts.total <= pageCredits || person.years.length < 2) return [person];
  const yearUrl = (year: string) => at(personYearPath(person.slug, year));
  return [
    {
      ...person,
      years: person.years.slice(0, 1),
      yearPages: person.years.map((year) => ({ year: year.year, count: year.credits.length, url: yearUrl(year.year) })),
    },
    ...person.years.map((year) => ({
      ...person,
      path: personYearPath(person.slug, year.year),
      url: yearUrl(year.year),
      years: [year],
      counts: countsOf(year.credits),
      yearPages: person.years.map((other) => ({ year: other.year, url: yearUrl(other.year) })),
      year: year.year,
      personUrl: person.url,
    })),
  ];
}

/**
 * How many of the credits there are, and by role, in the order of ROLES; the role held in every one, if any (`main`); and as a sentence
 * that names the other roles: 共 4 篇，其中摄影 1 幅 (a photo is 幅).
 */
function countsOf(credits: readonly PersonCredit[]): PersonPageData["counts"] {
  const roles = credits.map((credit) => credit.roles.split("、"));
  const byRole = ROLES.map((role) => ({ role: ROLE_NAMES[role], count: roles.filter((held) => held.includes(ROLE_NAMES[role])).length })).filter(
    (entry) => entry.count > 0,
  );
  const main = byRole.find((entry) => entry.count === credits.length)?.role;
  const measure = (role: string) => (role === ROLE_NAMES.photographer ? "幅" : "篇");
  const others = byRole.filter((entry) => entry.role !== main);
  const parts = others.length ? `，其中${others.map((entry) => `${entry.role} ${entry.count} ${measure(entry.role)}`).join("、")}` : "";
  return { total: credits.length, byRole, text: `共 ${credits.length} 篇${parts}`, ...(main && { main }) };
}

/** The units named in `affiliations` (one per credit, where the byline gives one), most often named first. */
function affiliationsOf(affiliations: readonly (string | undefined)[]): string[] {
  const counts = new Map<string, number>();
  for (const unit of affiliations) if (unit) counts.set(unit, (counts.get(unit) ?? 0) + 1);
  return [...counts].sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : 1)).map(([unit]) => unit);
}

/** The people pages of an archive whose headers are `headers` (oldest first). Linear in the credits. */
export function peopleRecords(headers: readonly IssueHeader[], slugs: PersonSlugs, at: Addresser, pageCredits = PERSON_PAGE_CREDITS): PeopleRecords {
  const creditsByName = new Map<string, { credit: PersonCredit; roles: Role[]; affiliation?: string }[]>();
  for (const header of headers) {
    for (const article of header.credited) {
      const path = articlePath(header.date, article.page, article.article);
      const title = displayTitle(article);
      for (const [name, roles] of creditsOf(article)) {
        pushTo(creditsByName, name, {
          roles,
          // The byline's unit is its reporters'; a correspondent (通讯员) or photographer may be from elsewhere.
          ...(article.affiliation && roles.includes("reporter") && { affiliation: article.affiliation }),
          credit: {
            url: at(path),
            title,
            date: header.date,
            dateText: dateText(header.date),
            issueNumber: header.number,
            pageLabel: `第${article.page}版`,
            roles: roles.map((role) => ROLE_NAMES[role]).join("、"),
            ...(article.subtitle && { subtitle: article.subtitle }),
            ...(article.lead && { lead: article.lead }),
          },
        });
      }
    }
  }
  const linkTo = (name: string): Link => ({ url: at(personPath(slugs.slugOf.get(name)!)), label: name });
  const searchPeople: Record<string, string> = {};
  const people: PersonPageData[] = [...creditsByName]
    .map(([name, items]) => {
      const slug = slugs.slugOf.get(name)!;
      const base = nameSlug(name);
      const heldRoles = new Set(items.flatMap((item) => item.roles));
      if (inReporterFilter(heldRoles)) searchPeople[name] = at(personPath(slug));
      const years = new Map<string, PersonCredit[]>();
      // Newest first: headers are oldest first, and an issue's articles in their order.
      for (const { credit } of [...items].reverse()) pushTo(years, credit.date.slice(0, 4), credit);
      return {
        path: personPath(slug),
        url: at(personPath(slug)),
        slug,
        name,
        romanized: romanizedOf(base),
        counts: countsOf(items.map((item) => item.credit)),
        affiliations: affiliationsOf(items.map((item) => item.affiliation)),
        years: [...years].map(([year, credits]) => ({ year, credits })),
        searchUrl: searchUrlOf(name, heldRoles, at),
        namesakes: (slugs.namesakes.get(base) ?? []).filter((other) => other !== name).map(linkTo),
        indexUrl: at(PEOPLE_PATH),
      };
    })
    .sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));

  const namesakes: NamesakePageData[] = [...slugs.namesakes]
    .filter(([, names]) => names.some((name) => creditsByName.has(name)))
    .map(([base, names]) => ({
      path: personPath(base),
      url: at(personPath(base)),
      romanized: romanizedOf(base),
      people: names.map(linkTo),
      indexUrl: at(PEOPLE_PATH),
    }))
    .sort((a, b) => (a.path < b.path ? -1 : 1));

  const groups = new Map<string, PeopleIndexData["groups"][number]["people"]>();
  for (const person of people) {
    const initial = personInitial(person.slug);
    const letter = initial === "0" ? "#" : initial.toUpperCase();
    pushTo(groups, letter, {
      name: person.name,
      romanized: person.romanized,
      url: person.url,
      total: person.counts.total,
      roles: person.counts.byRole.map((entry) => entry.role).join("、"),
    });
  }
  return {
    people: people.flatMap((person) => personPages(person, at, pageCredits)),
    namesakes,
    searchPeople,
    peopleIndex: {
      path: PEOPLE_PATH,
      url: at(PEOPLE_PATH),
      count: people.length,
      groups: [...groups].sort(([a], [b]) => (a < b ? -1 : 1)).map(([letter, list]) => ({ letter, people: list })),
    },
  };
}

/** The letter /people/ files a person under: the first of their slug, or 0 for one that starts with a digit. */
function personInitial(slug: string): string {
  return /^[a-z]/.test(slug) ? slug[0]! : "0";
}
