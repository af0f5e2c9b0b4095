// The display filters the templates use; anything more than formatting belongs in src/site.ts.

/** @param {import("@11ty/eleventy").UserConfig} eleventyConfig */
export default function filters(eleventyConfig) {
  eleventyConfig.addFilter("absoluteUrl", absoluteUrl);
}

/** A site path such as /2022/11/01/ made absolute against the site's base URL, for canonical links. */
function absoluteUrl(sitePath, baseUrl) {
  return new URL(sitePath.replace(/^\//, ""), baseUrl).href;
}
