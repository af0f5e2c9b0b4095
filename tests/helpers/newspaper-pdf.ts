// Lays out 版 as a layout program would — masthead, banner, 引题/主题/副题, bodies in columns, photos with caption and credit — as HTML in
// 宋体, 黑体 and 楷体 (Debian's fonts-arphic-uming, fonts-wqy-zenhei, fonts-arphic-ukai: TrueType, which Chromium embeds as CID fonts with
// their names, where Noto CJK's CFF outlines become nameless Type 3 fonts of 600 KB a page), prints each to PDF with
// Chromium, and records where every article stands; the PDF importer's fixtures are made by it.
// Run `npx tsx tests/helpers/newspaper-pdf.ts` to rewrite tests/fixtures/pdf-*/ and the guide's picture (docs/images/); then `UPDATE=1 npx tsx
// --test tests/import-pdf.test.ts` and review the diff of layout.json, expected.md and expected-checks.txt.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as mupdf from "mupdf";
import sharp from "sharp";
import { chromium, type BrowserContext } from "playwright-core";
import { CHROMIUM_ARGS, chromiumPath } from "../../src/util/chromium.ts";
import { projectRoot } from "../../src/project.ts";

/** A rectangle on the page, in CSS pixels from its top left corner. */
interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

interface LaidOutPhoto {
  /** Height of the picture in CSS pixels; it is as wide as its column span. */
  height: number;
  caption: string;
  credit: string;
}

interface LaidOutArticle {
  box: Box;
  kicker?: string;
  /** Absent for photo news printed without a headline; broken where written with \n (a two-part title printed on two lines). */
  title?: string;
  /** The title's type size in CSS pixels, when not the usual 34. */
  titleSize?: number;
  subtitle?: string;
  /** The subtitle set in the title's face at nearly its size, as some 版 do: type alone cannot tell them apart. */
  subtitleLikeTitle?: boolean;
  columns: number;
  paragraphs: string[];
  byline?: string;
  photo?: LaidOutPhoto;
}

export interface LaidOutPage {
  number: number;
  /** The masthead, printed on 第1版 only. */
  masthead?: boolean;
  banner?: string;
  articles: LaidOutArticle[];
}

/** Where the articles of one printed 版 stand, in percent of the page, in the order they were laid out. */
export interface PrintedLayout {
  page: number;
  articles: Array<{ title: string; area: { x: number; y: number; width: number; height: number } }>;
}

/** A 版 of a district paper in 4开 (tabloid): 260 × 370 mm, as CSS pixels at 96 per inch. */
export const PAGE_SIZE = { width: 983, height: 1398 };
const MARGIN = 40;
const CONTENT_WIDTH = PAGE_SIZE.width - 2 * MARGIN;

const MASTHEAD_LINES = ["2022年11月1日", "星期二", "农历壬寅年十月初八", "总第1480期", "今日4版"];

/** The paper's two 版 used by the fixtures: texts from the seed issue 总第1480期, shortened to keep each PDF small. */
export const FRONT_PAGES: LaidOutPage[] = [
  {
    number: 1,
    masthead: true,
    articles: [
      {
        box: { left: MARGIN, top: 230, width: CONTENT_WIDTH, height: 380 },
        kicker: "深入学习贯彻党的二十大精神",
        title: "省委常委会召开扩大会议",
        subtitle: "分析研究当前经济形势和经济工作 我区设分会场组织收听收看",
        columns: 3,
        paragraphs: [
          "东昌府讯 10月28日，省委常委会召开扩大会议，深入学习贯彻党的二十大精神，分析研究当前经济形势和经济工作，部署下一步重点任务。省委书记李干杰主持会议并讲话。",
          "会议指出，今年以来，在以习近平同志为核心的党中央坚强领导下，全省上下深入贯彻习近平总书记重要指示要求和党中央决策部署，锚定“走在前、开新局”，高效统筹疫情防控和经济社会发展，各项工作取得积极成效。我省经济增速、发展后劲、质量效益、民生保障水平持续提升，发展支撑和预期信心不断增强，经济运行总体稳健向好，继续保持稳中向好、进中提质的良好态势。",
          "会议强调，当前我省发展面临的机遇和挑战并存，机遇大于挑战，各类利好因素加速积聚。党的二十大胜利召开，为我们做好各项工作指明了方向、提供了根本遵循；绿色低碳高质量发展先行区获批建设，为走好中国式现代化道路、推进新时代社会主义现代化强省建设提供了总抓手；中央和我省出台一揽子稳经济政策措施，利好效应将集中释放；“三个十大”行动全面推进，重点领域改革不断深化。",
          "会议指出，现在已是10月底，能不能完成全年目标任务，关键看最后两个月。要压实压实责任，强化督导考核，锤炼严实作风，凝聚强大合力，以决战决胜姿态抓好工作落实，汇聚干事创业的强大正能量，确保全年圆满收官。",
          "会议以视频形式召开，区委书记马军权，区委副书记、区长江绍华，区人大常委会主任李超，区政协主席董胜军，区委副书记谢炜等在东昌府分会场收听收看。",
        ],
        byline: "(融媒体 郭龙君)",
      },
      {
        box: { left: MARGIN, top: 640, width: 580, height: 400 },
        title: "全市疫情防控工作会议召开",
        subtitle: "我区在分会场组织收听收看并召开续会 对全区疫情防控工作进行安排部署",
        columns: 2,
        paragraphs: [
          "东昌府讯 10月31日，全市疫情防控工作会议召开，分析研判当前疫情形势，专题部署外防输入有关工作。区委书记马军权，区委副书记、区长江绍华，区委副书记谢炜在东昌府分会场收听收看。",
          "全市视频会议结束后，我区召开续会，对全区疫情防控工作进行安排部署。",
          "马军权强调，要提高站位、高度重视，时刻绷紧疫情防控这根弦，毫不动摇坚持“外防输入、内防反弹”总策略和“动态清零”总方针，全面落实上级工作部署，坚决守住来之不易的疫情防控成果。要坚持市、区、镇（街道）、村（社区）四级联动，压紧压实“四方责任”，形成“快速反应、协同作战”应急处置合力，以最快速度、最强力度做好疫情防控工作。",
          "江绍华要求，要迅速成立专班、科学设置疫情防控隔离点，充分发挥隔离点“前沿哨点”作用，确保封控区人员“足不出户、服务上门、单人单管”。要开设学生核酸检测采样“绿色通道”，确保即采即走。",
        ],
        byline: "(融媒体 全兴社)",
      },
      {
        box: { left: 660, top: 640, width: 283, height: 420 },
        columns: 1,
        paragraphs: [],
        photo: {
          height: 190,
          caption:
            "近年来，区农业农村局依托全区特色乡村文化产业，推动“互联网+乡村振兴”深度融合，着力培育农村电商，通过线上直播的方式进行推介、展示、销售，助推更多非遗从业者稳定增收。",
          credit: "融媒体 徐振鑫 通讯员 张振祥 摄",
        },
      },
    ],
  },
  {
    number: 2,
    banner: "非凡十年 铸就辉煌",
    articles: [
      {
        box: { left: MARGIN, top: 150, width: 440, height: 520 },
        title: "全市三季度经济运行分析暨决战决胜四季度攻坚会议召开",
        titleSize: 28,
        subtitle: "我区设分会场组织收听收看",
        columns: 2,
        paragraphs: [
          "东昌府讯 10月29日，全市三季度经济运行分析暨决战决胜四季度攻坚会议召开，深入学习宣传贯彻党的二十大精神，聚焦决战决胜四季度，动员全市上下进一步加压奋进、担当实干，确保完成全年任务目标。市委副书记、市长张百顺出席会议并讲话。",
          "会议指出，今年以来，全市上下坚持“开局就是决战、全年都要攻坚”，创新实施了一系列硬核措施，持续压实责任、拧紧发条，广大党员干部精神面貌焕然一新、作风能力不断强化。",
          "会议强调，四季度各项工作都进入收官阶段，工作任务非常繁重，能否加压提速、奋力赶超，直接影响到全年发展成效。各级各部门一定要全面对标对表，主动攻坚克难，以决战决胜姿态推进各项工作，全力争取最好结果。",
          "会议以视频形式召开，我区在东昌府分会场收听收看。",
        ],
        byline: "(融媒体 徐振鑫)",
      },
      {
        box: { left: 510, top: 150, width: 433, height: 400 },
        title: "“信义币”打底 共建美好家园",
        titleSize: 26,
        subtitle: "我区加快信义体系建设步伐",
        subtitleLikeTitle: true,
        columns: 2,
        paragraphs: [
          "东昌府讯 10月26日，古楼街道湖北社区“信义+”公益大集开市。在该社区信义广场，网格服务队、网格教育队、助老助幼队、疫情防控应急队等志愿者队伍招新迎新。",
          "“志愿者纳新年年有，但这次与以往不同，因为我们有了新载体——‘信义币’。”该社区党委副书记李艳艳介绍。",
          "眼前这枚“信义币”，直径4厘米，一面印有“信义东昌府”及微信小程序二维码，另一面印有“古楼街道湖北社区信义币”字样，颇具分量。",
          "这枚小小的“信义币”，是全区扎实推进信义体系建设的缩影。通过推出“信义币”，全区以“信义+公益”、信义激励为切入点，加快信义体系建设步伐，弘扬守信重义、文明有礼的社会道德新风尚。",
        ],
        byline: "(融媒体 全兴社)",
      },
      {
        box: { left: MARGIN, top: 740, width: CONTENT_WIDTH, height: 440 },
        kicker: "党的十八大以来",
        title: "设施建设有力度\n更新管理有温度",
        subtitle: "我区大力提升城市品质 助力经济高质量发展",
        columns: 3,
        paragraphs: [
          "东昌府讯 “棚户区改造作为重大的民生工程和发展工程，我区始终高度重视，将其列为‘一号工程’。十年间，先后投入资金41.39亿元，修建市政道路71条，长度55.7公里；建设桥梁10座，建成综合管廊7.79公里。”区住建局负责人介绍道。",
          "党的十八大以来，我区始终坚持“城市让生活更美好”的发展理念，持续加大基础设施建设力度，完善硬件设施，提升承载能力。投入1.5亿元，对134条背街小巷进行改造提升，硬化道路40.2万平方米，埋设雨污管道2.6万米，安装路灯1190盏，绿化4.5万平方米，改善了居民的出行环境和街容巷貌。",
          "十年来，我区认真践行人民管理城市的理念，积极探索建立大城管工作体系，构建了“小事网格解决、大事辖区解决、难事多部门联动解决”的工作体系。拆除各类违法广告招牌4149处，实现违法广告招牌动态“清零”，还城市一道靓丽的天际线。",
          "下一步，我区将持续深入开展城市更新行动，推进城市品质提升，助力全市经济高质量发展。2023年计划改造老旧小区项目44个，涉及小区居民7699户，面积79万平方米。",
        ],
        byline: "(融媒体 王晓)",
        photo: {
          height: 170,
          caption: "改造后的米市街历史文化街区。",
          credit: "融媒体 李明 摄",
        },
      },
    ],
  },
];

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A small grey picture standing for a press photo; a gradient so it compresses like one and not like a flat colour. */
async function photoDataUri(): Promise<string> {
  const width = 120;
  const height = 80;
  const pixels = Buffer.alloc(width * height);
  for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) pixels[y * width + x] = 90 + ((x * 2 + y) % 120);
  const jpeg = await sharp(pixels, { raw: { width, height, channels: 1 } })
    .jpeg({ quality: 60 })
    .toBuffer();
  return `data:image/jpeg;base64,${jpeg.toString("base64")}`;
}

const STYLE = `
@page { size: ${PAGE_SIZE.width}px ${PAGE_SIZE.height}px; margin: 0; }
html, body { margin: 0; padding: 0; }
body { width: ${PAGE_SIZE.width}px; height: ${PAGE_SIZE.height}px; position: relative; font-family: "AR PL UMing CN"; color: #111; }
.masthead { position: absolute; left: ${MARGIN}px; top: 30px; width: ${CONTENT_WIDTH}px; height: 170px; border-bottom: 3px double #a00; }
.masthead .name { position: absolute; left: 0; top: 0; font: 900 84px/1.1 "WenQuanYi Zen Hei"; color: #a00; letter-spacing: 8px; }
.masthead .latin { position: absolute; left: 6px; top: 104px; font: 700 16px/1 "WenQuanYi Zen Hei"; color: #a00; letter-spacing: 6px; }
.masthead .facts { position: absolute; right: 0; top: 8px; width: 300px; font: 400 15px/1.9 "WenQuanYi Zen Hei"; text-align: right; }
.masthead .contact { position: absolute; left: 0; top: 140px; font: 400 12px/1 "WenQuanYi Zen Hei"; }
.banner { position: absolute; left: ${MARGIN}px; top: 40px; width: ${CONTENT_WIDTH}px; height: 80px; background: #a00; color: #fff; font: 900 40px/80px "WenQuanYi Zen Hei"; text-align: center; letter-spacing: 6px; }
.article { position: absolute; box-sizing: border-box; padding: 6px 4px; border-top: 1px solid #555; }
.article .kicker { font: 400 17px/1.5 "AR PL UMing CN"; text-align: center; }
.article .title { font: 700 34px/1.3 "WenQuanYi Zen Hei"; text-align: center; margin: 2px 0; }
.article .subtitle { font: 400 17px/1.5 "AR PL UMing CN"; text-align: center; margin-bottom: 10px; }
.article .body { font: 400 13px/1.6 "AR PL UMing CN"; column-gap: 16px; column-fill: auto; text-align: justify; }
.article .body p { margin: 0; text-indent: 2em; }
.article .body p.byline { text-indent: 0; text-align: right; }
.photo { break-inside: avoid; margin-bottom: 8px; }
.photo img { display: block; width: 100%; object-fit: cover; }
.photo .caption { font: 400 13px/1.6 "AR PL UKai CN"; text-indent: 2em; margin: 4px 0 0; }
.photo .credit { font: 400 12px/1.6 "AR PL UKai CN"; text-align: right; margin: 0; }
`;

function pageHtml(page: LaidOutPage, photo: string, extraCss = ""): string {
  const parts: string[] = [];
  if (page.masthead) {
    parts.push(
      `<div class="masthead"><div class="name">东昌府讯</div><div class="latin">DONGCHANGSHIXUN</div>` +
        `<div class="facts">${MASTHEAD_LINES.map((line) => `<div>${line}</div>`).join("")}</div>` +
        `<div class="contact">网址：http://dcf.lcxw.cn 投稿邮箱：dcsx2005@sina.com</div></div>`,
    );
  }
  if (page.banner) parts.push(`<div class="banner">${escapeHtml(page.banner).replace(" ", "&#x3000;")}</div>`);
  page.articles.forEach((article, index) => {
    const { box } = article;
    const headline = [
      article.kicker && `<div class="kicker">${escapeHtml(article.kicker)}</div>`,
      article.title &&
        `<div class="title"${article.titleSize ? ` style="font-size:${article.titleSize}px"` : ""}>${escapeHtml(article.title).replace(/ /g, "&#x3000;").replace(/\n/g, "<br>")}</div>`,
      article.subtitle &&
        `<div class="subtitle"${article.subtitleLikeTitle ? ` style="font:700 ${(article.titleSize ?? 34) - 2}px/1.3 'WenQuanYi Zen Hei'"` : ""}>${escapeHtml(article.subtitle).replace(/ /g, "&#x3000;")}</div>`,
    ]
      .filter(Boolean)
      .join("");
    const picture = article.photo
      ? `<div class="photo"><img src="${photo}" style="height:${article.photo.height}px" alt=""><p class="caption">${escapeHtml(article.photo.caption)}</p>` +
        `<p class="credit">${escapeHtml(article.photo.credit)}</p></div>`
      : "";
    const paragraphs = article.paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join("");
    const byline = article.byline ? `<p class="byline">${escapeHtml(article.byline)}</p>` : "";
    parts.push(
      `<section class="article" id="a${index}" style="left:${box.left}px;top:${box.top}px;width:${box.width}px;height:${box.height}px">` +
        `<header>${headline}</header><div class="body" style="column-count:${article.columns}">${picture}${paragraphs}${byline}</div></section>`,
    );
  });
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>${STYLE}${extraCss}</style></head><body>${parts.join("")}</body></html>`;
}

/** Sets each article's body to the height left under its headline, so its columns fill top to bottom and stay inside its box. */
const FIT_BODIES = `for (const section of document.querySelectorAll(".article")) {
  const header = section.querySelector("header");
  const body = section.querySelector(".body");
  body.style.height = (section.clientHeight - header.offsetHeight - 14) + "px";
}`;

/**
 * Where each article is printed, in percent of the page: the rectangle around its headline and the ink of its columns (not the box it was
 * given, whose bottom may stay empty), its rule and padding included.
 */
const PRINTED_AREAS = `[...document.querySelectorAll(".article")].map((section) => {
  const range = document.createRange();
  range.selectNodeContents(section.querySelector(".body"));
  const rects = [section.querySelector("header").getBoundingClientRect(), ...range.getClientRects()].filter((rect) => rect.width > 0);
  const box = section.getBoundingClientRect();
  const bottom = Math.max(...rects.map((rect) => rect.bottom)) + 6;
  const round = (value, of) => Math.round((value / of) * 1000) / 10;
  return { x: round(box.left, ${PAGE_SIZE.width}), y: round(box.top, ${PAGE_SIZE.height}), width: round(box.width, ${PAGE_SIZE.width}), height: round(bottom - box.top, ${PAGE_SIZE.height}) };
})`;

/** Opens Chromium with a fresh profile, runs `work`, and closes it. */
async function withChromium<T>(work: (context: BrowserContext) => Promise<T>): Promise<T> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), "baoku-pdf-"));
  const context = await chromium.launchPersistentContext(userDataDir, { executablePath: chromiumPath, headless: true, args: [...CHROMIUM_ARGS] });
  try {
    return await work(context);
  } finally {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

/** Prints each 版 to its own PDF; returns each PDF's bytes and where its articles stand. `extraCss` sets a variant (another paper's house style). */
export async function printPages(pages: readonly LaidOutPage[], extraCss = ""): Promise<Array<{ pdf: Buffer; layout: PrintedLayout }>> {
  const photo = await photoDataUri();
  return withChromium(async (context) => {
    const tab = await context.newPage();
    await tab.setViewportSize(PAGE_SIZE);
    const printed: Array<{ pdf: Buffer; layout: PrintedLayout }> = [];
    for (const page of pages) {
      await tab.setContent(pageHtml(page, photo, extraCss), { waitUntil: "load" });
      await tab.evaluate(FIT_BODIES);
      await tab.evaluate("document.fonts.ready");
      const overflow = await tab.evaluate(`[...document.querySelectorAll(".body")].some((body) => body.scrollWidth > body.clientWidth + 1)`);
      if (overflow) throw new Error(`第${page.number}版: an article's text does not fit its box; shorten it or enlarge the box`);
      const printedAreas = (await tab.evaluate(PRINTED_AREAS)) as PrintedLayout["articles"][number]["area"][];
      const pdf = await tab.pdf({ width: `${PAGE_SIZE.width}px`, height: `${PAGE_SIZE.height}px`, printBackground: true, preferCSSPageSize: true });
      printed.push({
        pdf,
        layout: {
          page: page.number,
          articles: page.articles.map((article, index) => ({
            title: (article.title ?? "").replace(/\n/g, " "),
            area: printedAreas[index]!,
          })),
        },
      });
    }
    return printed;
  });
}

/** The first 版 as a scanned page: a picture of it and no text, as a scanner or an export that outlines its type makes. */
export async function printScannedPage(page: LaidOutPage): Promise<Buffer> {
  const photo = await photoDataUri();
  return withChromium(async (context) => {
    const tab = await context.newPage();
    await tab.setViewportSize(PAGE_SIZE);
    await tab.setContent(pageHtml(page, photo), { waitUntil: "load" });
    await tab.evaluate(FIT_BODIES);
    const screenshot = await tab.screenshot({ type: "png", fullPage: true });
    const jpeg = await sharp(screenshot).resize({ width: 700 }).grayscale().jpeg({ quality: 45 }).toBuffer();
    const html =
      `<!doctype html><html><head><style>@page{size:${PAGE_SIZE.width}px ${PAGE_SIZE.height}px;margin:0}html,body{margin:0}</style></head>` +
      `<body><img src="data:image/jpeg;base64,${jpeg.toString("base64")}" style="display:block;width:${PAGE_SIZE.width}px;height:${PAGE_SIZE.height}px"></body></html>`;
    await tab.setContent(html, { waitUntil: "load" });
    return tab.pdf({ width: `${PAGE_SIZE.width}px`, height: `${PAGE_SIZE.height}px`, preferCSSPageSize: true });
  });
}

/** The PDF with every font's ToUnicode map removed, as older exports are: the glyphs print, but nothing says which characters they are. */
export function withoutUnicodeMaps(pdf: Uint8Array): Uint8Array {
  const document = new mupdf.PDFDocument(pdf);
  for (let number = 1; number < document.countObjects(); number += 1) {
    const object = document.newIndirect(number).resolve();
    if (object.isDictionary() && object.get("Type").toString() === "/Font") object.delete("ToUnicode");
  }
  return document.saveToBuffer("garbage=compact,compress").asUint8Array();
}

/**
 * Writes the fixtures: pdf-front/ (two 版 and where their articles stand), pdf-scanned/ (a 版 as a picture, no text) and
 * pdf-unmapped/ (第1版 with fonts that have no Unicode map).
 */
export async function writeFixtures(fixturesDir: string): Promise<void> {
  const front = path.join(fixturesDir, "pdf-front");
  await mkdir(front, { recursive: true });
  const printed = await printPages(FRONT_PAGES);
  for (const { pdf, layout } of printed) await writeFile(path.join(front, `page-${layout.page}.pdf`), pdf);
  await writeFile(
    path.join(front, "layout.json"),
    `${JSON.stringify(
      printed.map((page) => page.layout),
      null,
      2,
    )}\n`,
  );
  const scanned = path.join(fixturesDir, "pdf-scanned");
  await mkdir(scanned, { recursive: true });
  await writeFile(path.join(scanned, "page-1.pdf"), await printScannedPage(FRONT_PAGES[0]!));
  const unmapped = path.join(fixturesDir, "pdf-unmapped");
  await mkdir(unmapped, { recursive: true });
  await writeFile(path.join(unmapped, "page-1.pdf"), withoutUnicodeMaps(printed[0]!.pdf));
}

/**
 * The editors' guide's picture of a PDF import: 第2版 of the fixture as its scan, with the 区域 the importer wrote for each article drawn
 * over it and numbered, as the 版 page shows them.
 */
export async function writeGuidePicture(fixturesDir: string, picture: string): Promise<void> {
  const { default: importPdfs, renderScan } = await import("../../src/import/import-pdf.ts");
  const { paperConfigSchema } = await import("../../src/model.ts");
  const { readFile } = await import("node:fs/promises");
  const config = paperConfigSchema.parse(JSON.parse(await readFile(path.join(projectRoot, "baoku.config.json"), "utf8")));
  const dir = path.join(fixturesDir, "pdf-front");
  const files = await Promise.all(["page-1.pdf", "page-2.pdf"].map(async (name) => ({ name, bytes: new Uint8Array(await readFile(path.join(dir, name))) })));
  const result = importPdfs(files, config);
  const width = 640;
  const scan = sharp(renderScan(result.sources[1]!, width));
  const { height = 0 } = await scan.metadata();
  const boxes = result.issue.pages[1]!.articles.map((article, index) => {
    const area = article.area!.area;
    const [x, y, w, h] = [(area.x * width) / 100, (area.y * height) / 100, (area.width * width) / 100, (area.height * height) / 100];
    return (
      `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="rgba(0,90,200,0.08)" stroke="#0a5ac8" stroke-width="2" stroke-dasharray="6 3"/>` +
      `<circle cx="${x + 14}" cy="${y + 14}" r="11" fill="#0a5ac8"/><text x="${x + 14}" y="${y + 19}" font-family="sans-serif" font-size="14" font-weight="700" fill="#fff" text-anchor="middle">${index + 1}</text>`
    );
  });
  const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${boxes.join("")}</svg>`);
  await mkdir(path.dirname(picture), { recursive: true });
  await scan
    .composite([{ input: svg }])
    .png({ palette: true, quality: 80 })
    .toFile(picture);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await writeFixtures(path.join(projectRoot, "tests", "fixtures"));
  await writeGuidePicture(path.join(projectRoot, "tests", "fixtures"), path.join(projectRoot, "docs", "images", "pdf-import-hotspots.png"));
}
