// Lets a reader zoom a 版's scan in place: the button grows the scan inside its scrolling frame and asks the browser for a wider copy; without JavaScript the button stays hidden and 查看大图 opens the widest copy.
for (const scan of document.querySelectorAll("[data-scan]")) {
  const button = /** @type {HTMLButtonElement | null} */ (scan.querySelector("[data-scan-zoom]"));
  const frame = scan.querySelector(".scan-frame");
  if (!button || !frame) continue;
  const images = [...scan.querySelectorAll("source, img")];
  const sizes = images.map((image) => image.getAttribute("sizes") ?? "");
  button.hidden = false;
  button.addEventListener("click", () => {
    const zoomed = scan.classList.toggle("is-zoomed");
    button.setAttribute("aria-pressed", String(zoomed));
    button.textContent = zoomed ? "缩小版面" : "放大版面";
    images.forEach((image, index) => image.setAttribute("sizes", zoomed ? `${Math.round(frame.getBoundingClientRect().width)}px` : sizes[index] ?? ""));
  });
}
