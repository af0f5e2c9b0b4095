// The catalogue of problems: the words of every kind of problem src/problems.ts names — a title, what is wrong and what to do, in
// Chinese and in English, and examples — gathered from one file for each part of the work. It holds words only: the kinds, their
// severity and their facts are the record's (src/problems.ts). The editors' guide's list of problems is generated from here.
import type { FactsOf, ProblemKind } from "../problems.ts";
import type { Texts, Words } from "./language.ts";
import { CONFIGURATION_PROBLEMS } from "./configuration.ts";
import { ISSUE_FILE_PROBLEMS } from "./issue-file.ts";
import { IMAGE_PROBLEMS } from "./images.ts";
import { BUILD_PROBLEMS } from "./build.ts";
import { DEPLOY_PROBLEMS } from "./deploy.ts";
import { IMPORT_PROBLEMS } from "./import.ts";

/** The words of one kind of problem. `Facts` are what a call site knows of the case: names, numbers, short excerpts, never whole values. */
export interface ProblemDefinition<Facts> {
  /** A few words naming the kind, for the guide. */
  readonly title: Words;
  /** What is wrong, one or two sentences. */
  readonly message: Texts<Facts>;
  /** What to do about it. */
  readonly hint: Texts<Facts>;
  /** Typical cases, one for each way the kind reads: the guide shows the first, and tests render every text of each. */
  readonly examples: readonly [Example<Facts>, ...Example<Facts>[]];
}

/** A case as a report shows it: where it is, and its facts. */
export interface Example<Facts> {
  file: string;
  line?: number;
  field?: string;
  facts: Facts;
}

/** The words of some kinds, as each part of the work's file holds them. */
export type Wording = { readonly [K in ProblemKind]?: ProblemDefinition<FactsOf<K>> };

/** The words of every kind; a kind without words does not compile. */
export const PROBLEMS: { readonly [K in ProblemKind]: ProblemDefinition<FactsOf<K>> } = {
  ...CONFIGURATION_PROBLEMS,
  ...ISSUE_FILE_PROBLEMS,
  ...IMAGE_PROBLEMS,
  ...BUILD_PROBLEMS,
  ...DEPLOY_PROBLEMS,
  ...IMPORT_PROBLEMS,
};
