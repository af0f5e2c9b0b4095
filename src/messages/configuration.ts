// The words of the problems in the paper's configuration, baoku.config.json: what is wrong and what to do, in Chinese and in English.
import type { ConfigRule } from "../model.ts";
import { CONFIG_FILE as CONFIG } from "../content/config-peek.ts";
import type { Words } from "./language.ts";
import type { Wording } from "./catalogue.ts";

/** What each rule a setting broke asks of it. */
const CONFIG_RULES: Record<ConfigRule, Words> = {
  required: { "zh-CN": "缺少这一项", en: "is missing" },
  unknown: { "zh-CN": "不是报库认得的设置", en: "is not a setting Baoku knows" },
  group: { "zh-CN": "必须是用 { } 括起来的一组设置", en: "must be a group of settings in { }" },
  list: { "zh-CN": "必须是用 [ ] 括起来的列表", en: "must be a list in [ ]" },
  text: { "zh-CN": "必须是用英文双引号括起来的文字", en: "must be text in double quotes" },
  nonEmpty: { "zh-CN": "不能是空的", en: "must not be empty" },
  address: {
    "zh-CN": "必须是以 http:// 或 https:// 开头、以 / 结尾的完整网址，例如 https://example.org/",
    en: "must be a full http:// or https:// address ending with /, e.g. https://example.org/",
  },
  webAddress: {
    "zh-CN": "必须是以 http:// 或 https:// 开头的完整网址，例如 http://dcf.lcxw.cn",
    en: "must be a full http:// or https:// address, e.g. http://dcf.lcxw.cn",
  },
  email: { "zh-CN": "必须是邮箱地址，例如 dcsx2005@sina.com", en: "must be an email address, e.g. dcsx2005@sina.com" },
  endsWithSlash: { "zh-CN": "必须以 / 结尾", en: "must end with /" },
  prefixes: { "zh-CN": '至少要列出一个电头，例如 ["本报讯"]', en: 'must list at least one dateline prefix, e.g. ["本报讯"]' },
  language: { "zh-CN": '只能是 "zh-CN"（中文）或 "en"（英文）', en: 'must be "zh-CN" (Chinese) or "en" (English)' },
};

export const CONFIGURATION_PROBLEMS = {
  MissingConfig: {
    title: { "zh-CN": "缺少报纸设置文件", en: "No configuration file" },
    message: {
      "zh-CN": ({ folder }) => `${folder} 里没有报纸的设置文件 ${CONFIG}。`,
      en: ({ folder }) => `There is no ${CONFIG} in ${folder}.`,
    },
    hint: {
      "zh-CN": () => `新建 ${CONFIG}，写上报名、报头拼音、电头和网站地址（见编辑指南“报纸的设置”）。`,
      en: () => "Create it with the paper's name, masthead, dateline prefixes and the site's address (see the README).",
    },
    examples: [{ file: CONFIG, facts: { folder: "/srv/archive" } }],
  },
  InvalidConfig: {
    title: { "zh-CN": "报纸设置写错了", en: "Configuration not valid" },
    message: {
      "zh-CN": (facts) =>
        "json" in facts ? "这个文件不是合法的 JSON，读不出设置。" : `设置 ${facts.setting || "整个文件"} ${CONFIG_RULES[facts.rule]["zh-CN"]}。`,
      en: (facts) =>
        "json" in facts ? `The file is not valid JSON: ${facts.json}.` : `${facts.setting || "The configuration"} ${CONFIG_RULES[facts.rule].en}.`,
    },
    hint: {
      "zh-CN": (facts) =>
        "json" in facts
          ? "检查所标行附近的引号、逗号和大括号：名称和文字都用英文双引号括起来，各项之间用英文逗号隔开，最后一项后面不加逗号。"
          : `在 ${CONFIG} 里改正这一项（每项设置的写法见编辑指南“报纸的设置”）。`,
      en: (facts) =>
        "json" in facts
          ? "Check the quotes, commas and braces near the place named."
          : "Correct the value in the configuration file (see the README for each setting).",
    },
    examples: [
      { file: CONFIG, field: "paper.website", facts: { setting: "paper.website", rule: "webAddress" } },
      { file: CONFIG, line: 3, facts: { json: "Expected ',' or '}' after property value in JSON at position 57 (line 3 column 5)" } },
    ],
  },
} satisfies Wording;
