// The display filters the templates use; anything more than formatting belongs in src/site/.

/** @param {import("@11ty/eleventy").UserConfig} eleventyConfig */
export default function filters(eleventyConfig) {
  eleventyConfig.addFilter("absoluteUrl", absoluteUrl);
}

/** An address such as /baoku/2022/11/01/ made absolute on the site's host, for canonical links. */
function absoluteUrl(address, baseUrl) {
  return new URL(address, baseUrl).href;
}
