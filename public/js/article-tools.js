// An article's tools beside its folio line: copy the article's address, and on a phone, hand it to the system's share sheet. The 字号
// buttons in the same bar are js/preferences.js's, which also says whether the device has a share sheet; without scripts the bar is not
// shown, since none of it works without.
const tools = /** @type {HTMLElement | null} */ (document.querySelector("[data-article-tools]"));

if (tools) {
  const status = tools.querySelector("[data-tools-status]");
  const copyButton = tools.querySelector("[data-copy-link]");
  const shareButton = tools.querySelector("[data-share]");
  // The canonical address, not location: it carries no ?highlight= from a search and names the published site.
  const address = document.querySelector('link[rel="canonical"]')?.getAttribute("href") ?? location.href;
  const title = document.querySelector("h1")?.textContent?.trim() ?? document.title;
  /** @param {string} text */
  const say = (text) => {
    if (status) status.textContent = text;
  };

  copyButton?.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(address);
      say("已复制本文链接");
    } catch {
      // No clipboard (a page not served over HTTPS, or permission refused): show the address so it can be copied by hand.
      say(`请手动复制：${address}`);
    }
  });

  // Shown only where js/preferences.js found a share sheet on a phone.
  shareButton?.addEventListener("click", () => {
    navigator.share({ title, url: address }).catch(() => {
      // Dismissed by the reader: nothing to say.
    });
  });
  tools.dataset.ready = "";
}
