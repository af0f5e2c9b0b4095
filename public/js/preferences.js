// The reader's preferences, kept on the device: the colour scheme (配色: 跟随系统, 浅色 or 深色) on every page, whether scans show their 热区, and the 字号 of an article's text. A classic script
// in the head, so a saved choice is on <html> before the body is drawn (no flash of the other scheme, no text reflowing after the first
// paint); the controls are wired once the page has been read.
{
  const root = document.documentElement;
  const THEME_KEY = "baoku.theme";
  const FONT_SIZE_KEY = "baoku.fontSize";
  const HOTSPOTS_KEY = "baoku.hotspots";
  const THEMES = ["light", "dark"];
  /** The 字号 choices, smallest first; `medium` is the stylesheet's own size and needs no attribute. */
  const FONT_SIZES = ["small", "medium", "large", "x-large"];

  /** A saved value, or null where storage is refused (private windows, blocked cookies). @param {string} key */
  const recall = (key) => {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  };
  /** @param {string} key @param {string} value */
  const remember = (key, value) => {
    try {
      localStorage.setItem(key, value);
    } catch {
      // Not kept: the choice still holds for this page.
    }
  };

  /** A saved scheme, or none: the system's is followed. @param {string | null} theme */
  const applyTheme = (theme) => {
    if (theme && THEMES.includes(theme)) root.dataset.theme = theme;
    else delete root.dataset.theme;
  };
  /** @param {string | null} size */
  const applyFontSize = (size) => {
    if (size && FONT_SIZES.includes(size) && size !== "medium") root.dataset.fontSize = size;
    else delete root.dataset.fontSize;
  };

  /** 热区 drawn on scans, or hidden so the print reads clean. @param {boolean} hidden */
  const applyHotspots = (hidden) => {
    if (hidden) root.dataset.hotspots = "hidden";
    else delete root.dataset.hotspots;
  };

  applyTheme(recall(THEME_KEY));
  applyHotspots(recall(HOTSPOTS_KEY) === "hidden");
  applyFontSize(recall(FONT_SIZE_KEY));
  // Controls that need a script are drawn from the first paint when scripts run, so showing them moves nothing (site.css, data-needs-script).
  root.dataset.scripts = "";
  // A search asked in the address (a query, or filters alone: search.js's q, year, page, reporter): the search page holds room for its
  // results from the first paint and leaves out its help (site.css); search.js keeps the mark in step as the reader searches again.
  if (["q", "year", "page", "reporter"].some((key) => new URLSearchParams(location.search).get(key)?.trim())) root.dataset.searchAsked = "";
  // Phones (a coarse pointer) with a system share sheet get a 分享 button; a desktop's sheet offers less than copying the link.
  if (typeof navigator.share === "function" && matchMedia("(pointer: coarse)").matches) root.dataset.canShare = "";

  document.addEventListener("DOMContentLoaded", () => {
    for (const choice of document.querySelectorAll("select[data-theme-choice]")) {
      if (!(choice instanceof HTMLSelectElement)) continue;
      choice.value = root.dataset.theme ?? "system";
      choice.addEventListener("change", () => {
        applyTheme(choice.value);
        remember(THEME_KEY, choice.value);
      });
    }
    for (const button of document.querySelectorAll("[data-hotspots-toggle]")) {
      const show = () => button.setAttribute("aria-pressed", String(root.dataset.hotspots !== "hidden"));
      show();
      button.addEventListener("click", () => {
        const hidden = root.dataset.hotspots !== "hidden";
        applyHotspots(hidden);
        remember(HOTSPOTS_KEY, hidden ? "hidden" : "shown");
        show();
      });
    }
    const sizeButtons = [...document.querySelectorAll("[data-font-size]")];
    const showSize = () => {
      const current = root.dataset.fontSize ?? "medium";
      for (const button of sizeButtons) button.setAttribute("aria-pressed", String(button.getAttribute("data-font-size") === current));
    };
    for (const button of sizeButtons) {
      button.addEventListener("click", () => {
        const size = button.getAttribute("data-font-size") ?? "medium";
        applyFontSize(size);
        remember(FONT_SIZE_KEY, size);
        showSize();
      });
    }
    showSize();
  });
}
