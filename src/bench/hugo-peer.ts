// The benchmark's other peer, what a user would pick instead of Baoku: the same issues as a Hugo site (one page per article and per
// issue, one archive page per year, the same pages as the Eleventy baseline), then Pagefind over Hugo's output with its defaults —
// Chinese recognised from the pages' lang="zh-CN" and segmented by Pagefind's extended binary.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Issue } from "../model.ts";
import { markdownFile, peerPages } from "./peer-pages.ts";

const CONFIG = `baseURL = "http://127.0.0.1/"
languageCode = "zh-CN"
defaultContentLanguage = "zh"
hasCJKLanguage = true
title = "东昌府讯"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404", "home", "section"]
`;

const BASE = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{{ .Title }} - 东昌府讯</title></head>
<body>
<header><a href="/">东昌府讯</a> <nav><a href="/archive/">往期回顾</a></nav></header>
<main>{{ block "main" . }}{{ end }}</main>
</body>
</html>
`;

const LAYOUTS: Record<string, string> = {
  "_default/baseof.html": BASE,
  "_default/single.html": `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}`,
  "article/single.html": `{{ define "main" }}<article><h1>{{ .Title }}</h1>{{ with .Params.subtitle }}<p class="subtitle">{{ . }}</p>{{ end }}{{ .Content }}</article>
<nav>{{ with .Params.previous }}<a href="{{ .url }}">上一篇：{{ .title }}</a>{{ end }} {{ with .Params.next }}<a href="{{ .url }}">下一篇：{{ .title }}</a>{{ end }}</nav>{{ end }}`,
  "issue/single.html": `{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Params.articles }}<li><a href="{{ .url }}">{{ .title }}</a></li>{{ end }}</ul>{{ end }}`,
  "year/single.html": `{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Params.issues }}<li><a href="{{ .url }}">{{ .date }}</a></li>{{ end }}</ul>{{ end }}`,
};

/** Writes the Hugo project for `issues` into `projectDir`; returns how many pages it will build. */
export async function writeHugoProject(issues: readonly Issue[], projectDir: string): Promise<number> {
  await mkdir(projectDir, { recursive: true });
  await writeFile(path.join(projectDir, "hugo.toml"), CONFIG);
  for (const [name, text] of Object.entries(LAYOUTS)) {
    await mkdir(path.dirname(path.join(projectDir, "layouts", name)), { recursive: true });
    await writeFile(path.join(projectDir, "layouts", name), text);
  }
  let pageCount = 0;
  for (const page of peerPages(issues)) {
    const dir = path.join(projectDir, "content", page.dir);
    await mkdir(dir, { recursive: true });
    await writeFile(
      path.join(dir, page.name ?? "issue.md"),
      markdownFile(
        ["type", page.kind],
        [
          ["title", page.title],
          ...(page.subtitle === undefined ? [] : [["subtitle", page.subtitle] as const]),
          ["url", page.url],
          ...Object.entries(page.fields),
        ],
        page.body,
      ),
    );
    pageCount++;
  }
  return pageCount;
}
