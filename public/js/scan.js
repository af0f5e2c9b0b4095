// A 版's scan as an e-paper shows it: zoomed with its buttons, by pinching or with Ctrl and the wheel; a zoomed scan panned by dragging
// (one finger on a phone), the arrow keys or scrolling; and each article lit on the scan and in the 版's headlines together while either is
// pointed at or focused. Without JavaScript the scan fits its column with its hotspots drawn, the zoom buttons are not shown, and 查看大图
// opens the widest copy.

/** The zoom steps the buttons go through; pinching may stop anywhere between 1 and MAX_LEVEL. */
const LEVELS = [1, 1.5, 2, 3, 4];
const MAX_LEVEL = LEVELS[LEVELS.length - 1] ?? 4;
/** How far a pointer moves before a press becomes a drag, so a tap or click on a hotspot still follows its link. */
const DRAG_THRESHOLD = 6;

for (const scan of document.querySelectorAll("[data-scan]")) setUpScan(/** @type {HTMLElement} */ (scan));

/** @param {HTMLElement} scan */
function setUpScan(scan) {
  const viewport = /** @type {HTMLElement | null} */ (scan.querySelector("[data-scan-viewport]"));
  const frame = /** @type {HTMLElement | null} */ (scan.querySelector(".scan-frame"));
  const zoomIn = /** @type {HTMLButtonElement | null} */ (scan.querySelector('[data-scan-zoom="in"]'));
  const zoomOut = /** @type {HTMLButtonElement | null} */ (scan.querySelector('[data-scan-zoom="out"]'));
  const levelText = scan.querySelector("[data-scan-level]");
  if (!viewport || !frame || !zoomIn || !zoomOut || !levelText) return;
  const images = [...frame.querySelectorAll("source, img")];
  const sizes = images.map((image) => image.getAttribute("sizes") ?? "");
  let level = 1;

  /**
   * Zooms to `next`, keeping the point of the scan under `focus` (viewport coordinates; its centre by default) where it is.
   * @param {number} next @param {{ x: number; y: number }} [focus]
   */
  const zoomTo = (next, focus) => {
    const target = Math.min(MAX_LEVEL, Math.max(1, next));
    const box = viewport.getBoundingClientRect();
    const at = focus ?? { x: box.width / 2, y: box.height / 2 };
    const scanX = (viewport.scrollLeft + at.x) / frame.offsetWidth;
    const scanY = (viewport.scrollTop + at.y) / frame.offsetHeight;
    level = target;
    // A CSSOM property, not a style attribute: the Content-Security-Policy allows it.
    frame.style.width = level > 1 ? `${level * 100}%` : "";
    scan.classList.toggle("is-zoomed", level > 1);
    viewport.scrollLeft = scanX * frame.offsetWidth - at.x;
    viewport.scrollTop = scanY * frame.offsetHeight - at.y;
    // A zoomed scan scrolls, so the keyboard must be able to reach it to pan with the arrow keys.
    if (level > 1) viewport.tabIndex = 0;
    else viewport.removeAttribute("tabindex");
    zoomOut.setAttribute("aria-disabled", String(level <= 1));
    zoomIn.setAttribute("aria-disabled", String(level >= MAX_LEVEL));
    levelText.textContent = `${Math.round(level * 100)}%`;
    // Ask for a copy as wide as the zoomed scan; the browser keeps the wider one once it has it.
    const width = `${Math.round(frame.getBoundingClientRect().width)}px`;
    images.forEach((image, index) => image.setAttribute("sizes", level > 1 ? width : sizes[index] ?? ""));
  };
  /** The next zoom step up (1) or down (-1) from the current level. @param {1 | -1} direction */
  const step = (direction) => {
    const next = direction > 0 ? LEVELS.find((candidate) => candidate > level + 0.01) : [...LEVELS].reverse().find((candidate) => candidate < level - 0.01);
    if (next !== undefined) zoomTo(next);
  };

  zoomIn.addEventListener("click", () => step(1));
  zoomOut.addEventListener("click", () => step(-1));
  viewport.addEventListener("keydown", (event) => {
    if (event.key === "+" || event.key === "=") step(1);
    else if (event.key === "-") step(-1);
    else return;
    event.preventDefault();
  });
  // Ctrl+wheel is what a trackpad's pinch sends: zoom the scan, not the page.
  viewport.addEventListener("wheel", (event) => {
    if (!event.ctrlKey) return;
    event.preventDefault();
    const box = viewport.getBoundingClientRect();
    zoomTo(level * Math.exp(-event.deltaY / 200), { x: event.clientX - box.left, y: event.clientY - box.top });
  }, { passive: false });

  followPointers(viewport, () => level, zoomTo);
  linkHeadlines(scan, viewport, frame);
  zoomTo(1);
  scan.dataset.ready = "";
}

/**
 * Two pointers pinch the scan; one drags a zoomed scan. The stylesheet leaves one-finger vertical scrolling of the page to the browser while
 * the scan is not zoomed, and every touch gesture to this code once it is.
 * @param {HTMLElement} viewport @param {() => number} levelOf @param {(level: number, focus?: { x: number; y: number }) => void} zoomTo
 */
function followPointers(viewport, levelOf, zoomTo) {
  /** @type {Map<number, { x: number; y: number }>} */
  const pointers = new Map();
  /** @type {{ distance: number; level: number } | undefined} */
  let pinch;
  /** @type {{ x: number; y: number; left: number; top: number } | undefined} */
  let drag;
  let dragged = false;
  const spread = () => {
    const [first, second] = [...pointers.values()];
    return first && second ? { distance: Math.hypot(first.x - second.x, first.y - second.y), x: (first.x + second.x) / 2, y: (first.y + second.y) / 2 } : undefined;
  };

  viewport.addEventListener("pointerdown", (event) => {
    if (event.pointerType === "mouse" && event.button !== 0) return;
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    dragged = false;
    const pair = spread();
    if (pair) {
      pinch = { distance: pair.distance, level: levelOf() };
      drag = undefined;
    } else if (levelOf() > 1) {
      drag = { x: event.clientX, y: event.clientY, left: viewport.scrollLeft, top: viewport.scrollTop };
    }
  });
  viewport.addEventListener("pointermove", (event) => {
    if (!pointers.has(event.pointerId)) return;
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    const pair = spread();
    if (pinch && pair && pinch.distance > 0) {
      dragged = true;
      const box = viewport.getBoundingClientRect();
      zoomTo(pinch.level * (pair.distance / pinch.distance), { x: pair.x - box.left, y: pair.y - box.top });
    } else if (drag) {
      const dx = event.clientX - drag.x;
      const dy = event.clientY - drag.y;
      if (!dragged && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
      if (!dragged) viewport.setPointerCapture(event.pointerId);
      dragged = true;
      viewport.scrollLeft = drag.left - dx;
      viewport.scrollTop = drag.top - dy;
    }
  });
  /** @param {PointerEvent} event */
  const release = (event) => {
    pointers.delete(event.pointerId);
    if (pointers.size < 2) pinch = undefined;
    if (pointers.size === 0) drag = undefined;
  };
  viewport.addEventListener("pointerup", release);
  viewport.addEventListener("pointercancel", release);
  // A drag or a pinch that ends over a hotspot must not follow its link.
  viewport.addEventListener("click", (event) => {
    if (!dragged) return;
    dragged = false;
    event.preventDefault();
    event.stopPropagation();
  }, true);
}

/**
 * Lights an article's hotspot and its headline together while either is pointed at or has the focus, and brings a zoomed scan's hotspot
 * into view when its headline is focused. Hotspots and headlines are matched by the article's address.
 * @param {HTMLElement} scan @param {HTMLElement} viewport @param {HTMLElement} frame
 */
function linkHeadlines(scan, viewport, frame) {
  const headlines = [...document.querySelectorAll("[data-headlines] a[href]")];
  for (const spot of scan.querySelectorAll(".scan-hotspots a")) {
    const address = spot.getAttribute("href");
    const items = headlines.filter((link) => link.getAttribute("href") === address).map((link) => link.closest("li")).filter((item) => item !== null);
    /** @param {boolean} on */
    const light = (on) => {
      spot.classList.toggle("is-lit", on);
      for (const item of items) item.classList.toggle("is-lit", on);
    };
    const rect = spot.querySelector("rect");
    const bringIntoView = () => {
      if (!scan.classList.contains("is-zoomed") || !rect) return;
      const x = Number(rect.getAttribute("x")) / 100;
      const y = Number(rect.getAttribute("y")) / 100;
      const behavior = matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth";
      viewport.scrollTo({ left: x * frame.offsetWidth - 16, top: y * frame.offsetHeight - 16, behavior });
    };
    for (const target of [spot, ...items]) {
      target.addEventListener("pointerenter", () => light(true));
      target.addEventListener("pointerleave", () => light(false));
      target.addEventListener("focusin", () => light(true));
      target.addEventListener("focusout", () => light(false));
    }
    for (const item of items) item.addEventListener("focusin", bringIntoView);
  }
}
