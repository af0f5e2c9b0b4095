// The queries Chinese search is measured with (recall@3 in tests/search.test.ts and tests/search-ranking.test.ts), each with the article
// of the bundled issue it must find, and an issue of mixed Chinese and ASCII text for the mixed queries.
import { lunarDateOf, weekdayOf } from "../../src/content/calendar.ts";

/** The mixed-script issue's date, in the year after the bundled issue. */
export const MIXED_DATE = "2023-01-03";

/** Each query and the article it must find in the top 3, by the end of its address. */
export const QUERIES: { query: string; kind: string; article: string }[] = [
  { kind: "person", query: "李干杰", article: "2022/11/01/1/1/" },
  { kind: "person", query: "张百顺", article: "2022/11/01/1/5/" },
  { kind: "person", query: "李恒庆", article: "2022/11/01/1/2/" },
  { kind: "person", query: "李艳艳", article: "2022/11/01/2/1/" },
  { kind: "person", query: "周广鹏", article: "2022/11/01/2/1/" },
  { kind: "person", query: "董胜军", article: "2022/11/01/1/1/" },
  { kind: "person", query: "庞庆法", article: "2022/11/01/1/2/" },
  { kind: "person", query: "张振祥", article: "2022/11/01/1/6/" },
  { kind: "place", query: "湖北社区", article: "2022/11/01/2/1/" },
  { kind: "place", query: "古楼街道", article: "2022/11/01/2/1/" },
  { kind: "place", query: "肖新街", article: "2022/11/01/2/2/" },
  { kind: "place", query: "水城隆东巷", article: "2022/11/01/2/2/" },
  { kind: "place", query: "乐园小学", article: "2022/11/01/2/1/" },
  { kind: "place", query: "万恒眼科", article: "2022/11/01/2/1/" },
  { kind: "four-character phrase", query: "以克论净", article: "2022/11/01/2/2/" },
  { kind: "four-character phrase", query: "逆势上扬", article: "2022/11/01/1/5/" },
  { kind: "four-character phrase", query: "足不出户", article: "2022/11/01/1/2/" },
  { kind: "four-character phrase", query: "爱不释手", article: "2022/11/01/2/1/" },
  { kind: "four-character phrase", query: "焕然一新", article: "2022/11/01/1/5/" },
  { kind: "four-character phrase", query: "行稳致远", article: "2022/11/01/1/1/" },
  { kind: "four-character phrase", query: "一呼百应", article: "2022/11/01/2/1/" },
  { kind: "four-character phrase", query: "原原本本", article: "2022/11/01/1/4/" },
  { kind: "slogan", query: "三个十大", article: "2022/11/01/1/1/" },
  { kind: "slogan", query: "动态清零", article: "2022/11/01/1/2/" },
  { kind: "slogan", query: "外防输入", article: "2022/11/01/1/2/" },
  { kind: "slogan", query: "两个确立", article: "2022/11/01/1/1/" },
  { kind: "slogan", query: "七个狠抓", article: "2022/11/01/1/5/" },
  { kind: "slogan", query: "三个精准把握", article: "2022/11/01/1/5/" },
  { kind: "slogan", query: "走在前、开新局", article: "2022/11/01/1/1/" },
  { kind: "slogan", query: "总体国家安全观", article: "2022/11/01/1/3/" },
  { kind: "slogan", query: "城市让生活更美好", article: "2022/11/01/2/2/" },
  { kind: "slogan", query: "互联网+乡村振兴", article: "2022/11/01/1/6/" },
  { kind: "slogan", query: "一排底线", article: "2022/11/01/1/1/" },
  { kind: "number with unit", query: "41.39亿元", article: "2022/11/01/2/2/" },
  { kind: "number with unit", query: "直径4厘米", article: "2022/11/01/2/1/" },
  { kind: "number with unit", query: "1650余根", article: "2022/11/01/2/2/" },
  { kind: "number with unit", query: "7699户", article: "2022/11/01/2/2/" },
  { kind: "number with unit", query: "55.7公里", article: "2022/11/01/2/2/" },
  { kind: "two-character word", query: "葫芦", article: "2022/11/01/1/6/" },
  { kind: "two-character word", query: "哨点", article: "2022/11/01/1/2/" },
  { kind: "mixed Chinese and ASCII", query: "5G基站", article: "2023/01/03/1/1/" },
  { kind: "mixed Chinese and ASCII", query: "GDP", article: "2023/01/03/1/2/" },
  { kind: "mixed Chinese and ASCII", query: "5G", article: "2023/01/03/1/1/" },
  { kind: "name of a thing", query: "信义币", article: "2022/11/01/2/1/" },
  { kind: "name of a thing", query: "场所码", article: "2022/11/01/1/2/" },
  { kind: "name of a thing", query: "木版年画", article: "2022/11/01/1/6/" },
  { kind: "name of a thing", query: "重返米市街", article: "2022/11/01/2/2/" },
  { kind: "name of a thing", query: "棚户区改造", article: "2022/11/01/2/2/" },
  { kind: "name of a thing", query: "第十九届中央委员会", article: "2022/11/01/1/4/" },
  { kind: "name of a thing", query: "理论学习中心组", article: "2022/11/01/1/3/" },
];

/** An issue with Latin letters and digits inside Chinese text, for the mixed-script queries. */
export const mixedIssue = (number: number) => `---
issue: ${number}
date: ${MIXED_DATE}
lunar: ${lunarDateOf(MIXED_DATE)}
weekday: ${weekdayOf(MIXED_DATE)}
pages: 4
---

# 第1版 要闻

## 全区新建一批信息基础设施

东昌府讯 12月1日，记者从区工信局获悉，今年以来全区累计建成5G基站120个，城区实现5G网络连续覆盖，重点园区千兆光网通达率达到百分之百。

(融媒体 郭龙君)

## 前三季度全区经济稳中有进

东昌府讯 12月1日，区统计局发布数据，前三季度全区地区生产总值（GDP）同比增长4.8%，规模以上工业增加值增长6.1%。

(融媒体 全兴社)
`;
