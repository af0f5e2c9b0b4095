// Eleventy's wiring: the templates folder, the static files copied as they are, and the filters templates use. The data comes from scripts/build.ts as the global `baoku`.
import path from "node:path";
import { fileURLToPath } from "node:url";
import filters from "./templates/_plugins/filters.js";

const projectRoot = path.dirname(fileURLToPath(import.meta.url));

export default function (eleventyConfig) {
  // An absolute path, so a build started from any working directory copies the same files.
  eleventyConfig.addPassthroughCopy({ [path.join(projectRoot, "public")]: "/" });
  // Autoescape is Nunjucks' default; it is spelled out because only an article's sanitized bodyHtml may bypass it (with `| safe`).
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, trimBlocks: true, lstripBlocks: true });
  eleventyConfig.addPlugin(filters);
  return {
    dir: { input: path.join(projectRoot, "templates"), includes: "_includes" },
    templateFormats: ["njk"],
    htmlTemplateEngine: "njk",
  };
}
