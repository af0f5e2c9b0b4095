// The archive's history, when its content root is in a git checkout: for each issue file changed since it was first committed, the lines
// so changed and the date of each change, which articles show as 更正于 (site/corrections.ts). It never fails a build: without git, outside
// a repository, in a shallow clone or for an untracked file it finds nothing, and the pages show nothing.
import { ISSUES_FOLDER } from "../paths.ts";
import { mapLimited } from "../util/each-limited.ts";
import { git } from "../util/git.ts";

/** Lines of an issue file (from 1) changed by a commit after the file's first, each with that commit's date (YYYY-MM-DD), in line order. */
export type ChangedLines = readonly (readonly [line: number, date: string])[];

/** The changed lines of each issue file that has any, by its path relative to the content root. */
export type IssueHistory = ReadonlyMap<string, ChangedLines>;

/** Files blamed at once. */
const BLAMES_AT_ONCE = 4;
/** What a commit that is not yet made is called in `git blame`'s output: lines being edited are not corrections yet. */
const NOT_COMMITTED = /^0{40}$/;

/**
 * What the history depends on besides the files' bytes: the commit checked out, or "" when there is no usable history. A build's
 * fingerprint includes it, so a commit that changes no bytes (committing what was built) still builds again.
 */
export async function historyVersion(contentRoot: string): Promise<string> {
  const answer = await git(contentRoot, ["rev-parse", "--is-shallow-repository", "HEAD"]);
  const [shallow, head] = answer?.trim().split("\n") ?? [];
  return shallow === "false" && head ? head : "";
}

/** The changed lines of `files` (issue files, relative to the content root). */
export async function readHistory(contentRoot: string, files: readonly string[]): Promise<IssueHistory> {
  if ((await historyVersion(contentRoot)) === "") return new Map();
  const log = await git(contentRoot, ["log", "--format=%x1e%ct", "--name-only", "--relative", "--no-renames", "--", ISSUES_FOLDER]);
  if (log === undefined) return new Map();
  const firstCommitted = firstCommitTimes(log);
  const wanted = files.filter((file) => firstCommitted.get(file)?.changedSince === true);
  const blamed = await mapLimited(wanted, BLAMES_AT_ONCE, async (file) => {
    const blame = await git(contentRoot, ["blame", "--porcelain", "--", file]);
    return [file, blame === undefined ? [] : changedLines(blame, firstCommitted.get(file)!.time)] as const;
  });
  return new Map(blamed.filter(([, lines]) => lines.length > 0));
}

/** For each file `git log --name-only` lists, the time of its first commit and whether any later commit touched it. */
function firstCommitTimes(log: string): Map<string, { time: number; changedSince: boolean }> {
  const files = new Map<string, { time: number; changedSince: boolean }>();
  // Newest commit first: each earlier commit of a file moves its first commit back.
  for (const record of log.split("\x1e").slice(1)) {
    const [time, ...names] = record.split("\n").filter(Boolean);
    for (const name of names) {
      const known = files.get(name);
      files.set(name, { time: Number(time), changedSince: known !== undefined });
    }
  }
  return files;
}

/**
 * The lines `git blame --porcelain` gives to commits made after `firstTime` (the file's first commit), with their committer's date in
 * the committer's time zone. Lines from that commit or from earlier ones (a file renamed into place keeps its older lines) are original.
 */
function changedLines(porcelain: string, firstTime: number): [number, string][] {
  const commits = new Map<string, { time?: number; zone?: string }>();
  const changed: [number, string][] = [];
  let current: { sha: string; line: number } | undefined;
  for (const row of porcelain.split("\n")) {
    const header = /^([0-9a-f]{40}) \d+ (\d+)/.exec(row);
    if (header) {
      current = { sha: header[1]!, line: Number(header[2]) };
      if (!commits.has(current.sha)) commits.set(current.sha, {});
      continue;
    }
    if (!current) continue;
    const commit = commits.get(current.sha)!;
    if (row.startsWith("committer-time ")) commit.time = Number(row.slice(15));
    else if (row.startsWith("committer-tz ")) commit.zone = row.slice(13);
    else if (row.startsWith("\t")) {
      if (!NOT_COMMITTED.test(current.sha) && commit.time !== undefined && commit.time > firstTime)
        changed.push([current.line, dateIn(commit.time, commit.zone ?? "+0000")]);
      current = undefined;
    }
  }
  return changed.sort((a, b) => a[0] - b[0]);
}

/** YYYY-MM-DD of a Unix time in a git time zone such as +0800. */
function dateIn(seconds: number, zone: string): string {
  const sign = zone.startsWith("-") ? -1 : 1;
  const minutes = sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
  return new Date((seconds + minutes * 60) * 1000).toISOString().slice(0, 10);
}
