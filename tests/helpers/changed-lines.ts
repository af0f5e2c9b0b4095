// What an edit changed in a text file, as lines: the run that differs, found from both ends; everything outside it is the same.

/** The lines of `after` that differ from `before`'s: those taken away (`removed`) and those put in their place (`added`), from line `start`. */
export function changedLines(before: string, after: string): { start: number; removed: string[]; added: string[] } {
  const a = before.split("\n");
  const b = after.split("\n");
  let start = 0;
  while (start < a.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return { start, removed: a.slice(start, endA), added: b.slice(start, endB) };
}
