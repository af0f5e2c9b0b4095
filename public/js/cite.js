// 引用本文 on an article page: shows the copy buttons, writes the reader's access date into the online reference (GB/T 7714 asks for
// the date it was read, which only the reader's browser knows; the built page stays the same every day), and copies a reference in one click.

const block = document.querySelector("[data-citation]");
const status = block?.querySelector("[data-citation-status]");

/** Today in the reader's own calendar, written as GB/T 7714 writes an access date: [2026-12-01]. */
function accessDate() {
  const now = new Date();
  return `[${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}]`;
}

function fillAccessDates() {
  for (const slot of block?.querySelectorAll("[data-access-date]") ?? []) slot.textContent = accessDate();
}

/** Copies `text` with the Clipboard API, or, where it is refused (an http address, an old browser), by selecting it. @param {string} text @param {Element} source */
async function copy(text, source) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const range = document.createRange();
    range.selectNodeContents(source);
    const selection = window.getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
    return document.execCommand("copy");
  }
}

if (block) {
  fillAccessDates();
  for (const button of block.querySelectorAll("[data-citation-copy]")) {
    const text = button.parentElement?.querySelector("[data-citation-text]");
    if (!(button instanceof HTMLButtonElement) || !text) continue;
    button.hidden = false;
    button.addEventListener("click", async () => {
      // A page left open past midnight is copied with the day it is copied on.
      fillAccessDates();
      const copied = await copy(text.textContent ?? "", text);
      if (status) status.textContent = copied ? "已复制到剪贴板。" : "没能复制，请选中文字后手动复制。";
    });
  }
}
