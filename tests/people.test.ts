// The people pages' addresses and records: pinyin slugs that only the name decides, namesakes (张伟 and 章伟, both zhang wei) told
// apart, and each person's articles by year with their roles.
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import type { IssueHeader } from "../src/model.ts";
import { nameSlug, peopleRecords, personSlugs } from "../src/site/people.ts";
import { addresser } from "../src/site/addresses.ts";

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
  fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 8, unit: "grapheme" }), (name) => {
    assert.match(nameSlug(name), /^[a-z0-9]+(-[a-z0-9]+)*$/, name);
  }), { numRuns: 300 });
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
  fc.assert(fc.property(fc.shuffledSubarray(all, { minLength: 1 }), (names) => {
    const slugs = personSlugs(names).slugOf;
    for (const name of names) {
      const namesakesHere = names.filter((other) => nameSlug(other) === nameSlug(name)).length > 1;
      // With its namesakes present a name has its suffixed slug, the one it has in the whole archive; alone it has the plain pinyin.
      assert.equal(slugs.get(name), namesakesHere ? reference.get(name) : nameSlug(name), name);
    }
  }));
});

const header = (date: string, number: number, credited: IssueHeader["credited"]): IssueHeader => ({
  file: `issues/${date.slice(0, 4)}/${date}.md`, number, date, lunarDate: "", weekday: "", printedPageCount: 4, pageCount: 1, scanCount: 0, fieldLines: { issue: 2, date: 3 },
  articleCount: credited.length, credited,
});

test("should list a person's articles and photos newest first, by year, with the roles they had in each", () => {
  const headers = [
    header("2021-11-01", 1, [{ page: 1, article: 1, title: "甲文", reporters: ["张伟"], correspondents: [], photographers: ["张伟"] }]),
    header("2022-11-01", 2, [
      { page: 1, article: 1, title: "乙文", reporters: ["郭龙君"], correspondents: ["张伟"], photographers: [] },
      { page: 2, article: 3, title: "", reporters: [], correspondents: [], photographers: ["章伟"] },
    ]),
  ];
  const at = addresser("/baoku/");
  const { people, namesakes, peopleIndex, searchPeople } = peopleRecords(headers, personSlugs(["张伟", "章伟", "郭龙君"]), at);
  const zhang = people.find((person) => person.name === "张伟")!;
  assert.deepEqual(zhang.years.map((year) => [year.year, year.credits.map((credit) => `${credit.title} ${credit.roles} ${credit.url}`)]), [
    ["2022", ["乙文 通讯员 /baoku/2022/11/01/1/1/"]],
    ["2021", ["甲文 记者、摄影 /baoku/2021/11/01/1/1/"]],
  ]);
  assert.deepEqual(zhang.counts, { total: 2, byRole: [{ role: "记者", count: 1 }, { role: "通讯员", count: 1 }, { role: "摄影", count: 1 }] });
  assert.equal(zhang.searchUrl, "/baoku/search/?reporter=%E5%BC%A0%E4%BC%9F&sort=newest");
  assert.deepEqual(zhang.namesakes.map((link) => link.label), ["章伟"]);
  const photographer = people.find((person) => person.name === "章伟")!;
  assert.equal(photographer.years[0]?.credits[0]?.title, "图片新闻", "photo news without a headline as the site names it");
  assert.equal(photographer.searchUrl, "/baoku/search/?q=%E7%AB%A0%E4%BC%9F", "a photographer is not in the reporter filter, so the name is searched");
  assert.deepEqual(namesakes.map((page) => [page.path, page.people.map((link) => link.label)]), [["/people/zhang-wei/", ["张伟", "章伟"]]]);
  assert.deepEqual(peopleIndex.groups.map((group) => group.letter), ["G", "Z"]);
  assert.deepEqual(Object.keys(searchPeople).sort(), ["张伟", "郭龙君"]);
});
