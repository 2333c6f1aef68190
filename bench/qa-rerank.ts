// Fitting the re-ranker (src/domain/policy-qa/rerank.ts): softmax over each answerable question's first
// candidates, the passages that answer it as targets, by Adam from the hand-set order. The features come
// from engines using associations learned without the question's policy (qa-associations.ts), so the
// association feature is weighed as it will be on a new school's policy.
import type { PolicyDocument } from '../src/domain/policy-docs/index.ts';
import { createPolicyQa, defaultTuning, toPassages } from '../src/domain/policy-qa/index.ts';
import type { Associations } from '../src/domain/policy-qa/associations.ts';
import { FEATURE_NAMES, IDENTITY_RERANK, PRIOR_STRENGTH, type RerankModel } from '../src/domain/policy-qa/rerank.ts';
import { FOLDS, foldOf } from './qa-associations.ts';
import { matches, type BenchQuestion } from './qa-data.ts';

export interface RerankExample {
  /** One row of features per candidate, in FEATURE_NAMES order. */
  x: number[][];
  /** The fixed part of each candidate's score: its prior at PRIOR_STRENGTH. */
  offset: number[];
  right: boolean[];
  group: string;
}

export function rerankExamples(questions: readonly BenchQuestion[], docs: ReadonlyMap<string, PolicyDocument>, associationsOf: ReadonlyMap<string, Associations>): RerankExample[] {
  return [...docs].flatMap(([name, doc]) => {
    const passages = new Map(toPassages([doc]).map((p) => [p.id, p]));
    const qa = createPolicyQa([doc], { associations: associationsOf.get(name)!, withCandidates: true, tuning: { ...defaultTuning, answerThreshold: 0 } });
    return questions
      .filter((q) => q.policy === name && q.expect)
      .map((q) => {
        const candidates = qa.answer(q.question).candidates ?? [];
        return {
          x: candidates.map((c) => FEATURE_NAMES.map((f) => c.features[f])),
          offset: candidates.map((c) => PRIOR_STRENGTH * c.features.prior),
          right: candidates.map((c) => q.expect!.some((e) => matches(e, passages.get(c.passageId)!))),
          group: name,
        };
      })
      .filter((e) => e.right.some(Boolean) && e.x.length > 1);
  });
}

const EPOCHS = 400;
const RATE = 0.2;
/** Pull towards the hand-set order, so a feature the questions say little about stays near it. */
const L2 = 1e-4;

export function fitRerankModel(examples: readonly RerankExample[]): RerankModel {
  const start = FEATURE_NAMES.map((f) => IDENTITY_RERANK[f]);
  const w = [...start];
  const m = w.map(() => 0);
  const v = w.map(() => 0);
  for (let epoch = 1; epoch <= EPOCHS; epoch += 1) {
    const grad = w.map((wi, d) => L2 * (wi - start[d]!));
    for (const e of examples) {
      const s = e.x.map((row, i) => row.reduce((sum, xi, d) => sum + xi * w[d]!, e.offset[i]!));
      const max = Math.max(...s);
      const p = s.map((si) => Math.exp(si - max));
      const all = p.reduce((a, b) => a + b, 0);
      const right = p.reduce((a, pi, i) => a + (e.right[i] ? pi : 0), 0);
      // Gradient of −log(Σ right p / Σ p): each candidate's share of all, less its share of the right ones.
      e.x.forEach((row, i) => {
        const coef = (p[i]! / all - (e.right[i] ? p[i]! / right : 0)) / examples.length;
        row.forEach((xi, d) => (grad[d]! += coef * xi));
      });
    }
    grad.forEach((g, d) => {
      m[d] = 0.9 * m[d]! + 0.1 * g;
      v[d] = 0.999 * v[d]! + 0.001 * g * g;
      w[d]! -= (RATE * (m[d] / (1 - 0.9 ** epoch))) / (Math.sqrt(v[d] / (1 - 0.999 ** epoch)) + 1e-8);
    });
  }
  return Object.fromEntries(FEATURE_NAMES.map((f, d) => [f, Number(w[d]!.toFixed(3))])) as RerankModel;
}

/** For each policy, a re-ranker fitted on the other folds' questions only. */
export function foldRerankModels(examples: readonly RerankExample[], policies: readonly string[]): Map<string, RerankModel> {
  const fold = foldOf(policies);
  const models = Array.from({ length: FOLDS }, (_, f) => fitRerankModel(examples.filter((e) => fold.get(e.group) !== f)));
  return new Map(policies.map((p) => [p, models[fold.get(p)!]!]));
}
