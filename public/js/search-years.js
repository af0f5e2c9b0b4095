// The search page's hits by year: a small SVG bar chart of how many of the query's articles each year of the archive holds, the count
// written on each bar, and each bar a link that narrows the search to its year. search.js counts; this module only draws.

const SVG = "http://www.w3.org/2000/svg";
/** Sizes in the chart's own units (CSS pixels at its natural size). */
const BAR_WIDTH = 28;
const BAR_GAP = 8;
const PLOT_HEIGHT = 80;
const COUNT_SPACE = 16;
const YEAR_SPACE = 18;

/**
 * @typedef {{ year: string, count: number, href: string, current: boolean }} YearBar
 * One year of the chart: its count of articles, the address of the search narrowed to it, and whether that year is chosen now.
 */

/** @param {string} tag @param {Record<string, string | number>} attributes */
function svg(tag, attributes) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
  return node;
}

/**
 * Draws the chart in `figure` (the search page's [data-search-years]), replacing any before it, or hides it when there is nothing to show.
 * @param {HTMLElement} figure
 * @param {YearBar[]} bars oldest year first
 * @param {string} [unit] what is counted: 篇 (articles), or 期 (issues) when a common word's articles are too many to count one by one
 */
export function drawYearChart(figure, bars, unit = "篇") {
  figure.querySelector("svg")?.remove();
  const total = bars.reduce((sum, bar) => sum + bar.count, 0);
  figure.hidden = total === 0;
  figure.dataset.state = "done";
  if (total === 0) return;
  const highest = Math.max(...bars.map((bar) => bar.count));
  const width = bars.length * (BAR_WIDTH + BAR_GAP) + BAR_GAP;
  const height = COUNT_SPACE + PLOT_HEIGHT + YEAR_SPACE;
  const chart = svg("svg", { class: "search-years-chart", viewBox: `0 0 ${width} ${height}`, width, height, role: "group", "aria-label": `按年份：共${total}${unit}` });
  bars.forEach((bar, index) => {
    const x = BAR_GAP + index * (BAR_WIDTH + BAR_GAP);
    const barHeight = bar.count === 0 ? 0 : Math.max(2, Math.round((bar.count / highest) * PLOT_HEIGHT));
    const label = `${bar.year}年 ${bar.count}${unit}`;
    const middle = x + BAR_WIDTH / 2;
    // A year without hits is drawn, so gaps show, but is no link: narrowing to it would find nothing. The link is named by its year and
    // count; the figures drawn beside its bar say the same to the eye, and are hidden from assistive technology so it hears them once.
    const target = bar.count > 0 ? svg("a", { href: bar.href, "aria-label": label }) : svg("g", { role: "img", "aria-label": label });
    target.append(
      svg("rect", { class: "search-years-hit", x: x - BAR_GAP / 2, y: 0, width: BAR_WIDTH + BAR_GAP, height }),
      svg("rect", { class: "search-years-bar", x, y: COUNT_SPACE + PLOT_HEIGHT - barHeight, width: BAR_WIDTH, height: barHeight }),
    );
    if (bar.current) {
      target.classList.add("is-current");
      target.setAttribute("aria-current", "true");
    }
    const item = svg("g", { class: "search-years-item" });
    item.append(
      target,
      Object.assign(svg("text", { class: "search-years-count", x: middle, y: COUNT_SPACE + PLOT_HEIGHT - barHeight - 4, "text-anchor": "middle", "aria-hidden": "true" }), { textContent: String(bar.count) }),
      Object.assign(svg("text", { class: "search-years-year", x: middle, y: height - 4, "text-anchor": "middle", "aria-hidden": "true" }), { textContent: bar.year }),
    );
    chart.append(item);
  });
  figure.append(chart);
}
