// The people pages' addresses and records: pinyin slugs that only the name decides, namesakes (张伟 and 章伟, both zhang wei) told
// apart, and each person's articles by year with their roles.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import type { IssueHeader } from "../../src/model.ts";
import { nameSlug, peopleRecords, personSlugs } from "../../src/site/people.ts";
import { addresser } from "../../src/site/addresses.ts";
import { peopleOpenData } from "../../src/site/open-data.ts";
import { API_SCHEMAS } from "../../src/site/open-data-schema.ts";
import type { PaperConfig } from "../../src/model.ts";

test("should spell a name in pinyin, surname then given name, as GB/T 28039 does", () => {
  assert.equal(nameSlug("郭龙君"), "guo-longjun");
  assert.equal(nameSlug("张伟"), "zhang-wei");
  assert.equal(nameSlug("欧阳晓"), "ouyang-xiao");
  assert.equal(nameSlug("尉迟恭"), "yuchi-gong");
  assert.equal(nameSlug("单雄"), "shan-xiong", "单 is read shan as a surname");
  assert.equal(nameSlug("曾国藩"), "zeng-guofan");
  assert.equal(nameSlug("吕布"), "lv-bu", "ü as v");
  assert.equal(nameSlug("买买提·艾力"), "maimaiti-aili");
  assert.equal(nameSlug("Mike Li"), "mike-li");
  assert.equal(nameSlug("Zoë"), "zoe");
  // A character pinyin-pro cannot read (found by the property below) is dropped, and a name of nothing else is named by its hash.
  assert.match(nameSlug("豈𠀀"), /^[a-z0-9-]+$/);
  assert.match(nameSlug("𠀀𠀁"), /^person-[0-9a-f]{6}$/);
});

test("should give every name an address of ASCII letters, digits and hyphens, whatever it holds", () => {
  fc.assert(
    fc.property(fc.string({ minLength: 1, maxLength: 8, unit: "grapheme" }), (name) => {
      assert.match(nameSlug(name), /^[a-z0-9]+(-[a-z0-9]+)*$/, name);
    }),
    { numRuns: 300 },
  );
});

test("should tell namesakes apart by a hash of the name itself, leaving the shared pinyin to a page that leads to both", () => {
  const slugs = personSlugs(["张伟", "章伟", "郭龙君"]);
  const zhang = slugs.slugOf.get("张伟")!;
  const zhang2 = slugs.slugOf.get("章伟")!;
  assert.match(zhang, /^zhang-wei-[0-9a-f]{6}$/);
  assert.match(zhang2, /^zhang-wei-[0-9a-f]{6}$/);
  assert.notEqual(zhang, zhang2);
  assert.equal(slugs.slugOf.get("郭龙君"), "guo-longjun");
  assert.deepEqual(slugs.namesakes.get("zhang-wei"), ["张伟", "章伟"]);
});

test("should keep slugs stable: the same whatever order the names come in and whoever else the archive names", () => {
  const all = ["张伟", "章伟", "张玮", "郭龙君", "李晓", "黎晓"];
  const reference = personSlugs(all).slugOf;
  fc.assert(
    fc.property(fc.shuffledSubarray(all, { minLength: 1 }), (names) => {
      const slugs = personSlugs(names).slugOf;
      for (const name of names) {
        const namesakesHere = names.filter((other) => nameSlug(other) === nameSlug(name)).length > 1;
        // With its namesakes present a name has its suffixed slug, the one it has in the whole archive; alone it has the plain pinyin.
        assert.equal(slugs.get(name), namesakesHere ? reference.get(name) : nameSlug(name), name);
      }
    }),
  );
});

const header = (date: string, number: number, credited: IssueHeader["credited"]): IssueHeader => ({
  file: `issues/${date.slice(0, 4)}/${date}.md`,
  number,
  date,
  lunarDate: "",
  lunarDay: { month: 1, leap: false, day: 1 },
  weekday: "",
  printedPageCount: 4,
  pageCount: 1,
  scanCount: 0,
  fieldLines: { issue: 2, date: 3 },
  articleCount: credited.length,
  credited,
});

test("should list a person's articles and photos newest first, by year, with the roles they had in each, each with its subtitle and lead, and count them as Chinese reads", () => {
  const headers = [
    header("2021-11-01", 1, [{ page: 1, article: 1, title: "甲文", affiliation: "融媒体", reporters: ["张伟"], correspondents: [], photographers: ["张伟"] }]),
    header("2022-11-01", 2, [
      {
        page: 1,
        article: 1,
        title: "乙文",
        subtitle: "副题",
        lead: "导语的开头",
        affiliation: "融媒体",
        reporters: ["郭龙君"],
        correspondents: ["张伟"],
        photographers: [],
      },
      { page: 2, article: 3, title: "", reporters: [], correspondents: [], photographers: ["章伟"] },
    ]),
  ];
  const at = addresser("/baoku/");
  const { people, namesakes, peopleIndex, searchPeople } = peopleRecords(headers, personSlugs(["张伟", "章伟", "郭龙君"]), at);
  const zhang = people.find((person) => person.name === "张伟")!;
  assert.deepEqual(
    zhang.years.map((year) => [year.year, year.credits.map((credit) => `${credit.title} ${credit.roles} ${credit.url}`)]),
    [
      ["2022", ["乙文 通讯员 /baoku/2022/11/01/1/1/"]],
      ["2021", ["甲文 记者、摄影 /baoku/2021/11/01/1/1/"]],
    ],
  );
  assert.deepEqual(zhang.counts, {
    total: 2,
    byRole: [
      { role: "记者", count: 1 },
      { role: "通讯员", count: 1 },
      { role: "摄影", count: 1 },
    ],
    text: "共 2 篇，其中记者 1 篇、通讯员 1 篇、摄影 1 幅",
  });
  assert.equal(zhang.counts.main, undefined, "no role in every article: each article says which");
  assert.deepEqual(zhang.affiliations, ["融媒体"], "the byline's unit, from the article they were its reporter in");
  const guo = people.find((person) => person.name === "郭龙君")!;
  assert.deepEqual(
    [guo.counts.main, guo.counts.text, guo.years[0]?.credits[0]?.subtitle, guo.years[0]?.credits[0]?.lead],
    ["记者", "共 1 篇", "副题", "导语的开头"],
  );
  assert.equal(zhang.searchUrl, "/baoku/search/?reporter=%E5%BC%A0%E4%BC%9F&sort=newest");
  assert.deepEqual(
    zhang.namesakes.map((link) => link.label),
    ["章伟"],
  );
  const photographer = people.find((person) => person.name === "章伟")!;
  assert.equal(photographer.years[0]?.credits[0]?.title, "图片新闻", "photo news without a headline as the site names it");
  assert.equal(photographer.searchUrl, "/baoku/search/?q=%E7%AB%A0%E4%BC%9F", "a photographer is not in the reporter filter, so the name is searched");
  assert.deepEqual(
    namesakes.map((page) => [page.path, page.people.map((link) => link.label)]),
    [["/people/zhang-wei/", ["张伟", "章伟"]]],
  );
  assert.deepEqual(
    peopleIndex.groups.map((group) => group.letter),
    ["G", "Z"],
  );
  assert.deepEqual(Object.keys(searchPeople).sort(), ["张伟", "郭龙君"]);
});

test("should give a person with more articles than a page lists a page a year, their own page listing the newest year", () => {
  const credit = (title: string) => ({ page: 1, article: 1, title, reporters: ["郭龙君"], correspondents: [], photographers: [] });
  const headers = [
    header("2020-03-01", 1, [credit("甲")]),
    header("2021-03-01", 2, [credit("乙")]),
    header("2022-03-01", 3, [credit("丙")]),
    header("2022-03-02", 4, [credit("丁")]),
    header("2022-03-03", 5, [{ page: 1, article: 1, title: "戊", reporters: ["张伟"], correspondents: [], photographers: [] }]),
  ];
  const at = addresser("/");
  const { people } = peopleRecords(headers, personSlugs(["郭龙君", "张伟"]), at, 3);
  assert.deepEqual(
    people.map((page) => [page.path, page.years.map((year) => `${year.year}: ${year.credits.map((item) => item.title).join("")}`)]),
    [
      ["/people/guo-longjun/", ["2022: 丁丙"]],
      ["/people/guo-longjun/2022/", ["2022: 丁丙"]],
      ["/people/guo-longjun/2021/", ["2021: 乙"]],
      ["/people/guo-longjun/2020/", ["2020: 甲"]],
      ["/people/zhang-wei/", ["2022: 戊"]],
    ],
    "张伟, with fewer, keeps one page",
  );
  const own = people[0]!;
  assert.deepEqual(own.yearPages, [
    { year: "2022", count: 2, url: "/people/guo-longjun/2022/" },
    { year: "2021", count: 1, url: "/people/guo-longjun/2021/" },
    { year: "2020", count: 1, url: "/people/guo-longjun/2020/" },
  ]);
  assert.equal(own.counts.total, 4, "their own page counts all their articles");
  assert.equal(own.year, undefined);
  const year = people[1]!;
  assert.deepEqual(
    [year.year, year.personUrl, year.counts],
    ["2022", "/people/guo-longjun/", { total: 2, byRole: [{ role: "记者", count: 2 }], text: "共 2 篇", main: "记者" }],
    "a year's page, that year's",
  );
  assert.deepEqual(
    year.yearPages,
    [
      { year: "2022", url: "/people/guo-longjun/2022/" },
      { year: "2021", url: "/people/guo-longjun/2021/" },
      { year: "2020", url: "/people/guo-longjun/2020/" },
    ],
    "the years without their counts, which a new issue would change on every year's page",
  );
  assert.equal(people[4]!.yearPages, undefined);
  // Their JSON, a file a page: their own names each year's file.
  const files = peopleOpenData({ paper: { name: "东昌府讯" }, site: { baseUrl: "https://example.org/" } } as PaperConfig, people);
  assert.deepEqual(
    files.map((file) => file.path),
    [
      "/api/v1/people/guo-longjun.json",
      "/api/v1/people/guo-longjun/2022.json",
      "/api/v1/people/guo-longjun/2021.json",
      "/api/v1/people/guo-longjun/2020.json",
      "/api/v1/people/zhang-wei.json",
    ],
  );
  const ownJson = API_SCHEMAS.person.parse(JSON.parse(files[0]!.content));
  assert.deepEqual(
    [ownJson.articleCount, ownJson.articles.map((item) => item.title), ownJson.years?.map((entry) => [entry.year, entry.articleCount, entry.json])],
    [
      4,
      ["丁", "丙"],
      [
        ["2022", 2, "https://example.org/api/v1/people/guo-longjun/2022.json"],
        ["2021", 1, "https://example.org/api/v1/people/guo-longjun/2021.json"],
        ["2020", 1, "https://example.org/api/v1/people/guo-longjun/2020.json"],
      ],
    ],
  );
  const yearJson = API_SCHEMAS.person.parse(JSON.parse(files[2]!.content));
  assert.deepEqual(
    [yearJson.year, yearJson.url, yearJson.articleCount, yearJson.articles.map((item) => item.title), yearJson.years],
    ["2021", "https://example.org/people/guo-longjun/2021/", 1, ["乙"], undefined],
  );
  assert.equal(API_SCHEMAS.person.parse(JSON.parse(files[4]!.content)).years, undefined, "张伟's has every article and no years");
});
