// Where the browser broke lines, read from the layout (a Range per character), not from screenshots: for asserting that Chinese text
// breaks between words and phrases and never inside a name, a date or 总第N期.
import type { Page } from "playwright-core";

/** A line break: the characters either side of it, and whether it falls at a <wbr> between phrases. */
export interface LineBreak {
  before: string;
  after: string;
  atPhrase: boolean;
}

/**
 * For each element matching `selector`, keyed by its class and position, the line breaks in its text (every text node below it, so the
 * phrase runs of the phrased filter, src/site/phrases.ts, count too). A space carries the line of the character before it, as a break there is one.
 */
export async function lineBreaks(page: Page, selector: string): Promise<Record<string, LineBreak[]>> {
  return page.locator(selector).evaluateAll((elements) =>
    Object.fromEntries(
      elements.map((element, index) => {
        const breaks: { before: string; after: string; atPhrase: boolean }[] = [];
        let previous: { top: number; character: string } | undefined;
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
          for (let offset = 0; offset < node.length; offset++) {
            const character = node.data[offset]!;
            if (/\s/.test(character)) {
              previous = { top: previous?.top ?? 0, character: " " };
              continue;
            }
            const range = document.createRange();
            range.setStart(node, offset);
            range.setEnd(node, offset + 1);
            const top = Math.round(range.getBoundingClientRect().top);
            if (previous !== undefined && top > previous.top + 4) {
              breaks.push({ before: previous.character, after: character, atPhrase: offset === 0 && node.previousSibling?.nodeName === "WBR" });
            }
            previous = { top, character };
          }
        }
        return [`${element.className}#${index}`, breaks];
      }),
    ),
  );
}

/** The text of each line of each element matching `selector`, as laid out: the lines' characters joined, spaces kept. */
export async function renderedLines(page: Page, selector: string): Promise<string[][]> {
  return page.locator(selector).evaluateAll((elements) =>
    elements.map((element) => {
      const lines: string[] = [];
      let top: number | undefined;
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        for (let offset = 0; offset < node.length; offset++) {
          const character = node.data[offset]!;
          const range = document.createRange();
          range.setStart(node, offset);
          range.setEnd(node, offset + 1);
          const rect = range.getBoundingClientRect();
          if (/\s/.test(character) || rect.width === 0) {
            if (lines.length) lines[lines.length - 1] += " ";
            continue;
          }
          if (top === undefined || rect.top > top + 4) {
            lines.push("");
            top = rect.top;
          }
          lines[lines.length - 1] += character;
        }
      }
      return lines.map((line) => line.replace(/\s+/g, " ").trim());
    }),
  );
}
