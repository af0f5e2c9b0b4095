// The baseline's Eleventy configuration: Eleventy's defaults (Markdown through markdown-it, Nunjucks layouts), nothing of Baoku's.
export default function () {
  return {
    dir: { includes: "_includes" },
    templateFormats: ["md"],
    markdownTemplateEngine: "njk",
  };
}
