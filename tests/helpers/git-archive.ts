// A content root that is a git repository with commits at set dates, for the history that 更正于 is read from.
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Runs git in `cwd` as a fixed author, with the commit's author and committer dates both `date` (ISO 8601 with its offset) when given. */
export async function git(cwd: string, args: string[], date?: string): Promise<string> {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: "编辑",
    GIT_AUTHOR_EMAIL: "editor@example.org",
    GIT_COMMITTER_NAME: "编辑",
    GIT_COMMITTER_EMAIL: "editor@example.org",
    GIT_CONFIG_NOSYSTEM: "1",
    HOME: cwd,
    ...(date && { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }),
  };
  return (await run("git", args, { cwd, env })).stdout;
}

/** Makes `root` a repository and commits everything in it at `date`. */
export async function commitAll(root: string, message: string, date: string): Promise<void> {
  await git(root, ["init", "--quiet", "--initial-branch=main"]);
  await git(root, ["add", "--all"]);
  await git(root, ["commit", "--quiet", "--message", message], date);
}
