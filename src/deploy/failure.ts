// The error of a deploy that cannot go on, carrying the problem to tell the editor.
import type { Problem } from "../problems.ts";

/** A deploy that cannot go on, with the problem to tell the editor. */
export class DeployFailure extends Error {
  override name = "DeployFailure";

  constructor(readonly problem: Problem) {
    super(problem.kind);
  }
}
