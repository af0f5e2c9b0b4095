// The preview's hotspot drawing on a 版 page (served by preview/hotspots.ts, never part of the built site): 画热区 opens a panel with the
// 版's articles; on the scan the editor drags out the chosen article's rectangle, drags a rectangle to move it or a corner to resize it,
// or with the keyboard moves (arrow keys) and resizes (Shift and arrow keys) the focused one; 保存 sends the changed areas to the
// preview, which writes them into the issue file's 区域 lines, rebuilds and reloads the page; 取消 puts everything back.

/** @typedef {{ x: number; y: number; width: number; height: number }} Area */
/** @typedef {{ number: number; title: string; name: string; area?: Area }} EditorArticle */
/**
 * @typedef {{ endpoint: string; date: string; page: number; articles: EditorArticle[];
 *   texts: { edit: string; help: string; article: string; option: string; optionUndrawn: string; save: string; cancel: string;
 *     saving: string; unchanged: string; pending: string; offline: string } }} EditorData
 */

/** How far one press of an arrow key moves or resizes a hotspot, in percent of the scan. */
const STEP = 0.5;
/** The smallest side a hotspot is drawn with, in percent: a shorter drag is a click. */
const SMALLEST = 1;
/** Remembers, across the reload that follows a save, that the editor was open and on which article. */
const SESSION_KEY = "baoku-hotspot-editor";

const dataElement = document.getElementById("baoku-hotspot-editor");
const scan = /** @type {HTMLElement | null} */ (document.querySelector("[data-scan]"));
const frame = /** @type {HTMLElement | null} */ (scan?.querySelector(".scan-frame") ?? null);
if (dataElement && scan && frame) setUpEditor(/** @type {EditorData} */ (JSON.parse(dataElement.textContent ?? "{}")), scan, frame);

/** @param {EditorData} data @param {HTMLElement} scan @param {HTMLElement} frame */
function setUpEditor(data, scan, frame) {
  const { texts } = data;
  /** @type {Map<number, Area>} The areas as they are now, by article number. */
  const areas = new Map();
  const reset = () => {
    areas.clear();
    for (const article of data.articles) if (article.area) areas.set(article.number, { ...article.area });
  };
  reset();

  const toggle = element("button", { type: "button", className: "scan-button hotspot-editor-toggle", textContent: texts.edit });
  toggle.setAttribute("aria-pressed", "false");
  toggle.setAttribute("aria-controls", "hotspot-editor-panel");
  scan.querySelector(".scan-actions")?.prepend(toggle);

  const select = element("select", { id: "hotspot-editor-article" });
  const save = element("button", { type: "button", className: "hotspot-editor-save", textContent: texts.save });
  const cancel = element("button", { type: "button", className: "scan-button", textContent: texts.cancel });
  const status = element("p", { className: "hotspot-editor-status" });
  status.setAttribute("role", "status");
  const label = element("label", { textContent: texts.article });
  label.htmlFor = select.id;
  const panel = element("div", { id: "hotspot-editor-panel", className: "hotspot-editor-panel", hidden: true });
  panel.append(element("p", { className: "hotspot-editor-help", textContent: texts.help }), element("div", { className: "hotspot-editor-row" }));
  panel.lastElementChild?.append(label, select, save, cancel);
  panel.append(status);
  scan.querySelector(".scan-actions")?.after(panel);

  const layer = element("div", { className: "hotspot-layer", hidden: true });
  frame.append(layer);

  /** The article the panel has chosen: a new rectangle is drawn for it. */
  const selected = () => Number(select.value);
  const articleOf = (/** @type {number} */ number) => data.articles.find((article) => article.number === number);

  const changed = () =>
    data.articles.filter((article) => {
      const now = areas.get(article.number);
      return (
        now !== undefined &&
        (!article.area ||
          ["x", "y", "width", "height"].some((key) => tenths(now[/** @type {keyof Area} */ (key)]) !== article.area?.[/** @type {keyof Area} */ (key)]))
      );
    });

  /** Draws the options, the rectangles and the status line from `areas`; `focus` puts the keyboard on the chosen article's rectangle. */
  const draw = (focus = false) => {
    const chosen = selected() || data.articles[0]?.number || 0;
    select.replaceChildren(
      ...data.articles.map((article) => {
        const text = (areas.has(article.number) ? texts.option : texts.optionUndrawn)
          .replace("{number}", String(article.number))
          .replace("{title}", article.name);
        return element("option", { value: String(article.number), textContent: text, selected: article.number === chosen });
      }),
    );
    layer.replaceChildren(
      ...data.articles
        .filter((article) => areas.has(article.number))
        .map((article) => {
          const area = /** @type {Area} */ (areas.get(article.number));
          const box = element("div", { className: `hotspot-box${article.number === chosen ? " is-selected" : ""}`, tabIndex: 0 });
          box.dataset.article = String(article.number);
          box.setAttribute("role", "group");
          box.setAttribute("aria-label", `${article.number}. ${article.name}：${[area.x, area.y, area.width, area.height].map(tenths).join(",")}`);
          box.style.left = `${area.x}%`;
          box.style.top = `${area.y}%`;
          box.style.width = `${area.width}%`;
          box.style.height = `${area.height}%`;
          box.append(element("span", { className: "hotspot-name", textContent: `${article.number}. ${article.name}` }));
          for (const corner of ["nw", "ne", "sw", "se"]) {
            const handle = element("span", { className: `hotspot-handle is-${corner}` });
            handle.dataset.corner = corner;
            box.append(handle);
          }
          return box;
        }),
    );
    if (focus) /** @type {HTMLElement | null} */ (layer.querySelector(".is-selected"))?.focus();
    const count = changed().length;
    if (!status.dataset.answer) status.textContent = count ? texts.pending.replace("{count}", String(count)) : "";
  };

  const choose = (/** @type {number} */ number, focus = false) => {
    select.value = String(number);
    delete status.dataset.answer;
    draw(focus);
  };

  /** @param {boolean} open */
  const setOpen = (open) => {
    panel.hidden = !open;
    layer.hidden = !open;
    toggle.setAttribute("aria-pressed", String(open));
    scan.classList.toggle("is-editing-hotspots", open);
    if (open) sessionStorage.setItem(SESSION_KEY, JSON.stringify({ page: location.pathname, article: selected() }));
    else sessionStorage.removeItem(SESSION_KEY);
  };

  toggle.addEventListener("click", () => {
    if (!panel.hidden) {
      reset();
      draw();
    }
    setOpen(panel.hidden);
  });
  select.addEventListener("change", () => {
    choose(selected(), true);
    setOpen(true);
  });
  cancel.addEventListener("click", () => {
    reset();
    delete status.dataset.answer;
    draw();
    setOpen(false);
    toggle.focus();
  });
  save.addEventListener("click", async () => {
    const edits = changed();
    if (edits.length === 0) {
      status.textContent = texts.unchanged;
      return;
    }
    status.textContent = texts.saving;
    status.dataset.answer = "";
    save.disabled = true;
    try {
      const response = await fetch(data.endpoint, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          date: data.date,
          page: data.page,
          areas: edits.map((article) => {
            const area = /** @type {Area} */ (areas.get(article.number));
            return {
              article: article.number,
              title: article.title,
              area: { x: tenths(area.x), y: tenths(area.y), width: tenths(area.width), height: tenths(area.height) },
            };
          }),
        }),
      });
      const answer = /** @type {{ message?: string }} */ (await response.json().catch(() => ({})));
      status.textContent = answer.message ?? `${response.status}`;
      status.classList.toggle("is-error", !response.ok);
    } catch {
      status.textContent = texts.offline;
      status.classList.add("is-error");
    } finally {
      save.disabled = false;
    }
  });

  followPointer(layer, frame, areas, selected, choose);
  layer.addEventListener("keydown", (event) => {
    const box = /** @type {HTMLElement} */ (event.target).closest(".hotspot-box");
    const number = Number(/** @type {HTMLElement | null} */ (box)?.dataset.article);
    const area = areas.get(number);
    const move = { ArrowLeft: [-STEP, 0], ArrowRight: [STEP, 0], ArrowUp: [0, -STEP], ArrowDown: [0, STEP] }[event.key];
    if (!area || !move) return;
    event.preventDefault();
    const [dx = 0, dy = 0] = move;
    areas.set(number, event.shiftKey ? resized(area, "se", area.x + area.width + dx, area.y + area.height + dy) : moved(area, dx, dy));
    choose(number, true);
  });
  layer.addEventListener("focusin", (event) => {
    const number = Number(/** @type {HTMLElement} */ (event.target).closest?.(".hotspot-box")?.getAttribute("data-article"));
    if (number && number !== selected()) choose(number, true);
  });

  const remembered = /** @type {{ page?: string; article?: number }} */ (JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? "{}"));
  if (remembered.article && articleOf(remembered.article)) select.value = String(remembered.article);
  draw();
  if (remembered.page === location.pathname) setOpen(true);
  scan.dataset.hotspotEditor = "ready";
}

/**
 * Pointer drags on the layer (mouse, pen or finger): on a rectangle's corner it resizes the rectangle, on a rectangle it moves it, and
 * elsewhere on the scan it draws a new rectangle for the chosen article. The scan's own panning and pinching (js/scan.js) never sees them.
 * @param {HTMLElement} layer @param {HTMLElement} frame @param {Map<number, Area>} areas @param {() => number} selected
 * @param {(number: number, focus?: boolean) => void} choose
 */
function followPointer(layer, frame, areas, selected, choose) {
  /** @type {{ pointer: number; number: number; kind: "draw" | "move" | "resize"; corner: string; start: { x: number; y: number }; area: Area } | undefined} */
  let drag;
  /** @param {PointerEvent} event */
  const at = (event) => {
    const box = frame.getBoundingClientRect();
    return { x: clamp(((event.clientX - box.left) / box.width) * 100), y: clamp(((event.clientY - box.top) / box.height) * 100) };
  };
  layer.addEventListener("pointerdown", (event) => {
    if (event.pointerType === "mouse" && event.button !== 0) return;
    event.stopPropagation();
    event.preventDefault();
    const target = /** @type {HTMLElement} */ (event.target);
    const box = /** @type {HTMLElement | null} */ (target.closest(".hotspot-box"));
    const number = box ? Number(box.dataset.article) : selected();
    const start = at(event);
    const area = areas.get(number) ?? { x: start.x, y: start.y, width: 0, height: 0 };
    const kind = target.dataset.corner ? "resize" : box ? "move" : "draw";
    drag = {
      pointer: event.pointerId,
      number,
      kind,
      corner: target.dataset.corner ?? "se",
      start,
      area: kind === "draw" ? { x: start.x, y: start.y, width: 0, height: 0 } : area,
    };
    layer.setPointerCapture(event.pointerId);
    if (number !== selected()) choose(number, true);
    else {
      const box = /** @type {HTMLElement | null} */ (layer.querySelector(".is-selected"));
      box?.focus();
    }
  });
  layer.addEventListener("pointermove", (event) => {
    if (!drag || event.pointerId !== drag.pointer) return;
    event.stopPropagation();
    const point = at(event);
    if (drag.kind === "move") areas.set(drag.number, moved(drag.area, point.x - drag.start.x, point.y - drag.start.y));
    else if (drag.kind === "resize") areas.set(drag.number, resized(drag.area, drag.corner, point.x, point.y));
    else {
      const width = Math.abs(point.x - drag.start.x);
      const height = Math.abs(point.y - drag.start.y);
      if (width < SMALLEST && height < SMALLEST) return;
      areas.set(drag.number, {
        x: Math.min(point.x, drag.start.x),
        y: Math.min(point.y, drag.start.y),
        width: Math.max(width, SMALLEST),
        height: Math.max(height, SMALLEST),
      });
    }
    choose(drag.number);
  });
  /** @param {PointerEvent} event */
  const end = (event) => {
    if (!drag || event.pointerId !== drag.pointer) return;
    const number = drag.number;
    drag = undefined;
    choose(number, true);
  };
  layer.addEventListener("pointerup", end);
  layer.addEventListener("pointercancel", end);
}

/** `area` moved by `dx`, `dy` percent, kept whole on the scan. @param {Area} area @param {number} dx @param {number} dy @returns {Area} */
function moved(area, dx, dy) {
  return { ...area, x: clamp(area.x + dx, 0, 100 - area.width), y: clamp(area.y + dy, 0, 100 - area.height) };
}

/**
 * `area` with its `corner` (nw, ne, sw, se) dragged to `x`, `y`; the opposite corner stays.
 * @param {Area} area @param {string} corner @param {number} x @param {number} y @returns {Area}
 */
function resized(area, corner, x, y) {
  const left = corner.endsWith("w") ? Math.min(clamp(x), area.x + area.width - SMALLEST) : area.x;
  const right = corner.endsWith("e") ? Math.max(clamp(x), area.x + SMALLEST) : area.x + area.width;
  const top = corner.startsWith("n") ? Math.min(clamp(y), area.y + area.height - SMALLEST) : area.y;
  const bottom = corner.startsWith("s") ? Math.max(clamp(y), area.y + SMALLEST) : area.y + area.height;
  return { x: left, y: top, width: Math.min(right, 100) - left, height: Math.min(bottom, 100) - top };
}

/** @param {number} value @param {number} [low] @param {number} [high] */
function clamp(value, low = 0, high = 100) {
  return Math.min(high, Math.max(low, value));
}

/** A percentage to a tenth, as the issue file keeps it. @param {number} value */
function tenths(value) {
  return Math.round(value * 10) / 10;
}

/**
 * A new element with its properties set.
 * @template {keyof HTMLElementTagNameMap} Tag @param {Tag} tag @param {Partial<HTMLElementTagNameMap[Tag]>} [properties]
 * @returns {HTMLElementTagNameMap[Tag]}
 */
function element(tag, properties = {}) {
  return Object.assign(document.createElement(tag), properties);
}
