// A build's or an archive's problems as the English report, for assertion messages and for tests that pin the English catalogue.
import { formatProblems } from "../../src/messages/report.ts";
import type { Problem } from "../../src/problems.ts";

export function report(problems: readonly Problem[]): string {
  return formatProblems(problems, "en");
}
