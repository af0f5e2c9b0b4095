// 纠错: where a reader reports an error in an article (its issue file, at its line, in the archive's repository), and the date of the
// article's last correction, from the lines of its file changed since the file was first committed (content/history.ts).
import type { ChangedLines } from "../content/history.ts";

/**
 * The issue file at the article's line in the repository's web view: GitLab's /-/blob/HEAD/<file>#L<line>, and GitHub's
 * /blob/HEAD/<file>#L<line> for every other host. HEAD is the repository's default branch.
 */
export function reportUrl(repository: string, file: string, line: number): string {
  const base = repository.replace(/\/+$/, "").replace(/\.git$/, "");
  const blob = new URL(base).hostname.includes("gitlab") ? "/-/blob/HEAD/" : "/blob/HEAD/";
  return `${base}${blob}${file.split("/").map(encodeURIComponent).join("/")}#L${line}`;
}

/** The newest date among the changed lines from `first` to `last` (inclusive), or undefined when none of them changed. */
export function correctedOn(changed: ChangedLines | undefined, first: number, last: number): string | undefined {
  let newest: string | undefined;
  for (const [line, date] of changed ?? []) {
    if (line >= first && line <= last && (newest === undefined || date > newest)) newest = date;
  }
  return newest;
}
