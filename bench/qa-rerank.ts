// The re-ranker's training data (src/domain/policy-qa/rerank.ts): each answerable question's first
// candidates with their features, the question's term shares and each candidate's terms, the passages
// that answer it marked. The features come from engines using associations learned without the
// question's policy (qa-associations.ts), so the association feature is weighed as it will be on a new
// school's policy. The fitting itself (feature and pair weights together) is rerank-fit.ts.
import type { PolicyDocument } from '../src/domain/policy-docs/index.ts';
import { createPolicyQa, defaultTuning, toPassages } from '../src/domain/policy-qa/index.ts';
import type { Associations } from '../src/domain/policy-qa/associations.ts';
import { buildIndex } from '../src/domain/policy-qa/bm25f.ts';
import { FEATURE_NAMES, PRIOR_STRENGTH, type RerankModel } from '../src/domain/policy-qa/rerank.ts';
import { fitRerankModel, type RerankExample } from '../src/domain/policy-qa/rerank-fit.ts';
import { FOLDS, foldOf } from './qa-associations.ts';
import { matches, type BenchQuestion } from './qa-data.ts';

export { fitRerankModel, defaultFit } from '../src/domain/policy-qa/rerank-fit.ts';

export function rerankExamples(questions: readonly BenchQuestion[], docs: ReadonlyMap<string, PolicyDocument>, associationsOf: ReadonlyMap<string, Associations>): RerankExample[] {
  return [...docs].flatMap(([name, doc]) => {
    const items = new Map(buildIndex(toPassages([doc])).items.map((item) => [item.passage.id, item]));
    const qa = createPolicyQa([doc], { associations: associationsOf.get(name)!, withCandidates: true, tuning: { ...defaultTuning, answerThreshold: 0 } });
    return questions
      .filter((q) => q.policy === name && q.expect)
      .map((q) => {
        const answer = qa.answer(q.question);
        const candidates = answer.candidates ?? [];
        return {
          x: candidates.map((c) => FEATURE_NAMES.map((f) => c.features[f])),
          offset: candidates.map((c) => PRIOR_STRENGTH * c.features.prior),
          right: candidates.map((c) => q.expect!.some((e) => matches(e, items.get(c.passageId)!.passage))),
          group: name,
          shares: answer.questionTerms ?? [],
          terms: candidates.map((c) => items.get(c.passageId)!.all),
        };
      })
      .filter((e) => e.right.some(Boolean) && e.x.length > 1);
  });
}

/** For each policy, a re-ranker fitted on the other folds' questions only. */
export function foldRerankModels(examples: readonly RerankExample[], policies: readonly string[]): Map<string, RerankModel> {
  const fold = foldOf(policies);
  const models = Array.from({ length: FOLDS }, (_, f) => fitRerankModel(examples.filter((e) => fold.get(e.group) !== f)));
  return new Map(policies.map((p) => [p, models[fold.get(p)!]!]));
}
