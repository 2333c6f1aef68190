// Training data for the learned word associations (src/domain/policy-qa/associations.ts): each answerable
// bench question with the terms of the passage(s) that answer it, exactly as the ranker indexes them.
// Shared by scripts/build-associations.ts (the shipped table, from every question) and bench:qa (tables
// that never saw the policy they are scored on).
import type { PolicyDocument } from '../src/domain/policy-docs/index.ts';
import { toPassages } from '../src/domain/policy-qa/index.ts';
import { analyseQuestion } from '../src/domain/policy-qa/analyse.ts';
import { trainAssociations, type AlignedPair, type Associations } from '../src/domain/policy-qa/associations.ts';
import { buildIndex } from '../src/domain/policy-qa/bm25f.ts';
import { matches, type BenchQuestion } from './qa-data.ts';

/** Up to this many right passages per question: a question answered by a whole table is not one pair. */
const RIGHT_PASSAGES = 2;

export function alignedPairs(questions: readonly BenchQuestion[], docs: ReadonlyMap<string, PolicyDocument>): AlignedPair[] {
  const indexes = new Map([...docs].map(([name, doc]) => [name, buildIndex(toPassages([doc]))]));
  return questions.flatMap((q) => {
    const index = indexes.get(q.policy);
    if (!q.expect || !index) return [];
    const right = index.items.filter((item) => q.expect!.some((e) => matches(e, item.passage))).slice(0, RIGHT_PASSAGES);
    if (right.length === 0) return [];
    return [{ question: analyseQuestion(q.question).terms, passage: right.flatMap((item) => [...item.all]), group: q.policy }];
  });
}

/** Policies split into this many folds for the cross-validated figures. */
export const FOLDS = 10;

/** Each policy's fold: the same split for every fitted part (associations, re-ranker). */
export const foldOf = (policies: readonly string[]): Map<string, number> => new Map([...policies].sort().map((p, i) => [p, i % FOLDS]));

/**
 * For each policy, a table learned from the questions on every other fold's policies, so no figure
 * bench:qa prints rests on associations learned from the questions it is scoring.
 */
export function foldAssociations(questions: readonly BenchQuestion[], docs: ReadonlyMap<string, PolicyDocument>): Map<string, Associations> {
  const policies = [...docs.keys()].sort();
  const fold = foldOf(policies);
  const pairs = alignedPairs(questions, docs);
  const tables = Array.from({ length: FOLDS }, (_, f) => trainAssociations(pairs.filter((p) => fold.get(p.group) !== f)));
  return new Map(policies.map((p) => [p, tables[fold.get(p)!]!]));
}
