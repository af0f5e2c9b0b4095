// The display filters the templates use; anything more than formatting belongs in src/site/.
import { dateToRfc3339 } from "@11ty/eleventy-plugin-rss";

/** @param {import("@11ty/eleventy").UserConfig} eleventyConfig */
export default function filters(eleventyConfig) {
  eleventyConfig.addFilter("absoluteUrl", absoluteUrl);
  // The feed plugin's own helper for Atom's dates; the plugin itself is not added, as it would also add the HTML <base> plugin, which
  // rewrites every page's links, and Baoku writes its links under the path prefix already.
  eleventyConfig.addFilter("dateToRfc3339", dateToRfc3339);
}

/** An address such as /baoku/2022/11/01/ made absolute on the site's host, for canonical links. */
function absoluteUrl(address, baseUrl) {
  return new URL(address, baseUrl).href;
}
