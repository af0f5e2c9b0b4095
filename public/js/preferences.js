// The reader's preferences, kept on the device: the colour scheme (深色) on every page and the 字号 of an article's text. A classic script
// in the head, so a saved choice is on <html> before the body is drawn (no flash of the other scheme, no text reflowing after the first
// paint); the controls are wired once the page has been read.
{
  const root = document.documentElement;
  const THEME_KEY = "baoku.theme";
  const FONT_SIZE_KEY = "baoku.fontSize";
  const THEMES = ["light", "dark"];
  /** The 字号 choices, smallest first; `medium` is the stylesheet's own size and needs no attribute. */
  const FONT_SIZES = ["small", "medium", "large", "x-large"];
  const systemDark = matchMedia("(prefers-color-scheme: dark)");

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

  /** @param {string | null} theme */
  const applyTheme = (theme) => {
    if (theme && THEMES.includes(theme)) root.dataset.theme = theme;
  };
  /** @param {string | null} size */
  const applyFontSize = (size) => {
    if (size && FONT_SIZES.includes(size) && size !== "medium") root.dataset.fontSize = size;
    else delete root.dataset.fontSize;
  };
  const isDark = () => (root.dataset.theme ? root.dataset.theme === "dark" : systemDark.matches);

  applyTheme(recall(THEME_KEY));
  applyFontSize(recall(FONT_SIZE_KEY));
  // Controls that need a script are drawn from the first paint when scripts run, so showing them moves nothing (site.css, data-needs-script).
  root.dataset.scripts = "";
  // Phones (a coarse pointer) with a system share sheet get a 分享 button; a desktop's sheet offers less than copying the link.
  if (typeof navigator.share === "function" && matchMedia("(pointer: coarse)").matches) root.dataset.canShare = "";

  document.addEventListener("DOMContentLoaded", () => {
    for (const button of document.querySelectorAll("[data-theme-switch]")) {
      const show = () => button.setAttribute("aria-pressed", String(isDark()));
      show();
      systemDark.addEventListener("change", show);
      button.addEventListener("click", () => {
        const theme = isDark() ? "light" : "dark";
        applyTheme(theme);
        remember(THEME_KEY, theme);
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
