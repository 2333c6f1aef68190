// Fits the answer/decline model (src/domain/policy-qa/answerability.ts) for bench:qa --calibrate: a
// class-balanced, L2-regularised logistic regression over the features of each question's best
// passage. Positives: answerable questions whose best passage is right. Negatives: out-of-scope
// questions. Answerable questions ranked wrongly are left out: declining them costs nothing extra.
import { answerProbability, type AnswerFeatures, type AnswerModel } from '../src/domain/policy-qa/answerability.ts';

export interface Example {
  features: AnswerFeatures;
  answerable: boolean;
  /** Held out of this fit (leave-one-policy-out scoring). */
  group: string;
}

const STEPS = 4000;
const RATE = 0.5;
const L2 = 0.01;

export function fitAnswerModel(examples: Example[]): AnswerModel {
  const keys = Object.keys(examples[0]!.features) as (keyof AnswerFeatures)[];
  const model = { bias: 0, ...Object.fromEntries(keys.map((k) => [k, 0])) } as AnswerModel;
  const positives = examples.filter((e) => e.answerable).length;
  const weightOf = (e: Example): number => examples.length / (2 * (e.answerable ? positives : examples.length - positives));
  for (let step = 0; step < STEPS; step += 1) {
    let gBias = 0;
    const g = new Map(keys.map((k) => [k, 0]));
    for (const e of examples) {
      const err = (answerProbability(e.features, model) - (e.answerable ? 1 : 0)) * weightOf(e);
      gBias += err;
      for (const k of keys) g.set(k, g.get(k)! + err * e.features[k]);
    }
    model.bias -= (RATE * gBias) / examples.length;
    for (const k of keys) model[k] -= RATE * (g.get(k)! / examples.length + L2 * model[k]);
  }
  return model;
}

export const rounded = (m: AnswerModel): AnswerModel =>
  Object.fromEntries(Object.entries(m).map(([k, v]) => [k, Number(v.toFixed(3))])) as AnswerModel;
