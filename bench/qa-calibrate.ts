// Fits the answer/decline model (src/domain/policy-qa/answerability.ts): a class-balanced,
// L2-regularised logistic regression over the features of each question's best passage, by Newton's
// method (a dozen features: exact in a few steps, where gradient descent needed thousands).
// Positives: answerable questions whose best passage is right. Negatives: out-of-scope questions.
// Answerable questions ranked wrongly are left out: declining them costs nothing extra.
import { answerProbability, type AnswerFeatures, type AnswerModel } from '../src/domain/policy-qa/answerability.ts';
import { FOLDS, foldOf } from './qa-associations.ts';

export interface Example {
  features: AnswerFeatures;
  answerable: boolean;
  /** The question's policy: the fold it is held out in. */
  group: string;
}

const L2 = 0.01;
const STEPS = 30;

/** Solves A x = b by Gaussian elimination with partial pivoting (A is small and positive definite). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < n; c += 1) {
    let p = c;
    for (let r = c + 1; r < n; r += 1) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = 0; r < n; r += 1) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k <= n; k += 1) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((row, i) => row[n]! / row[i]!);
}

export function fitAnswerModel(examples: readonly Example[]): AnswerModel {
  const keys = Object.keys(examples[0]!.features) as (keyof AnswerFeatures)[];
  const rows = examples.map((e) => [1, ...keys.map((k) => e.features[k])]);
  const positives = examples.filter((e) => e.answerable).length;
  const weights = examples.map((e) => examples.length / (2 * (e.answerable ? positives : examples.length - positives)));
  const d = keys.length + 1;
  let beta = new Array<number>(d).fill(0);
  for (let step = 0; step < STEPS; step += 1) {
    const gradient = new Array<number>(d).fill(0);
    const hessian = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    rows.forEach((x, i) => {
      const p = 1 / (1 + Math.exp(-x.reduce((z, v, j) => z + beta[j]! * v, 0)));
      const err = (p - (examples[i]!.answerable ? 1 : 0)) * weights[i]!;
      const curve = p * (1 - p) * weights[i]!;
      for (let j = 0; j < d; j += 1) {
        gradient[j]! += err * x[j]!;
        for (let k = 0; k < d; k += 1) hessian[j]![k]! += curve * x[j]! * x[k]!;
      }
    });
    // The bias is not pulled towards zero; every weight is.
    for (let j = 1; j < d; j += 1) {
      gradient[j]! += L2 * examples.length * beta[j]!;
      hessian[j]![j]! += L2 * examples.length;
    }
    const delta = solve(hessian, gradient);
    beta = beta.map((b, j) => b - delta[j]!);
    if (Math.max(...delta.map(Math.abs)) < 1e-9) break;
  }
  return { bias: beta[0]!, ...Object.fromEntries(keys.map((k, j) => [k, beta[j + 1]!])) } as AnswerModel;
}

/** For each policy, an answer model fitted on the other folds' questions only. */
export function foldAnswerModels(examples: readonly Example[], policies: readonly string[]): Map<string, AnswerModel> {
  const fold = foldOf(policies);
  const models = Array.from({ length: FOLDS }, (_, f) => fitAnswerModel(examples.filter((e) => fold.get(e.group) !== f)));
  return new Map(policies.map((p) => [p, models[fold.get(p)!]!]));
}

/** The questions each would count right at a threshold: answered and right, or declined when out of scope. */
export function curve(examples: readonly { features?: AnswerFeatures; answerable: boolean; rankedRight: boolean; model?: AnswerModel }[], thresholds: readonly number[]): { threshold: number; top1: number; abstain: number }[] {
  const answerable = examples.filter((e) => e.answerable).length;
  return thresholds.map((threshold) => {
    const yes = (e: (typeof examples)[number]): boolean => e.features !== undefined && e.model !== undefined && answerProbability(e.features, e.model) >= threshold;
    return {
      threshold,
      top1: Number((examples.filter((e) => e.answerable && e.rankedRight && yes(e)).length / Math.max(1, answerable)).toFixed(3)),
      abstain: Number((examples.filter((e) => !e.answerable && !yes(e)).length / Math.max(1, examples.length - answerable)).toFixed(3)),
    };
  });
}

export const rounded = (m: AnswerModel): AnswerModel =>
  Object.fromEntries(Object.entries(m).map(([k, v]) => [k, Number(v.toFixed(3))])) as AnswerModel;
