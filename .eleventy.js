// Eleventy's wiring: the templates folder and the filters templates use. The data comes from src/build/render-part.ts as the global `baoku`,
// one part of the site at a time; that script also copies public/ into the archive-wide part.
import path from "node:path";
import { fileURLToPath } from "node:url";
import filters from "./templates/_plugins/filters.js";

const projectRoot = path.dirname(fileURLToPath(import.meta.url));

export default function (eleventyConfig) {
  // Autoescape is Nunjucks' default; it is spelled out because only an article's sanitized bodyHtml may bypass it (with `| safe`).
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, trimBlocks: true, lstripBlocks: true });
  eleventyConfig.addPlugin(filters);
  return {
    dir: { input: path.join(projectRoot, "templates"), includes: "_includes" },
    templateFormats: ["njk"],
    htmlTemplateEngine: "njk",
  };
}
