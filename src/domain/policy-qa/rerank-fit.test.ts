import { describe, expect, it } from 'vitest';
import { FEATURE_NAMES, IDENTITY_WEIGHTS, pairScore, rerankScore, type RerankFeatures } from './rerank.ts';
import { defaultFit, fitRerankModel, type RerankExample } from './rerank-fit.ts';

const flat = FEATURE_NAMES.map((f) => (f === 'combined' ? 1 : 0));

/**
 * Questions asking "gmail" on `policies` policies, each with two candidates the features cannot tell
 * apart; the right one holds "person", the wrong one "read". The hand-set order puts the wrong one first.
 */
function gmailExamples(policies: number): RerankExample[] {
  return Array.from({ length: policies * 3 }, (_, n) => ({
    x: [flat.map((v, d) => (d === 0 ? v + 0.01 : v)), flat],
    offset: [0, 0],
    right: [false, true],
    group: `policy-${n % policies}`,
    shares: [
      ['gmail', 0.6],
      ['email', 0.4],
    ],
    terms: [new Set(['email', 'read']), new Set(['email', 'person'])],
  }));
}

const features = (x: number[]): RerankFeatures => ({ ...(Object.fromEntries(FEATURE_NAMES.map((f, d) => [f, x[d]!])) as Omit<RerankFeatures, 'prior'>), prior: 0 });

describe('fitting the re-ranker', () => {
  it('learns a pair that tells the answering candidate from the others, and ranks by it', () => {
    const examples = gmailExamples(3);
    const model = fitRerankModel(examples);
    expect(model.pairs.get('gmail')?.get('person')).toBeGreaterThan(0);
    // "email" is held by both candidates, so it says nothing about which answers.
    expect(model.pairs.get('email')?.get('email') ?? 0).toBeCloseTo(0, 1);
    const [wrong, right] = examples[0]!.terms.map((terms, i) => rerankScore(features(examples[0]!.x[i]!), model.weights, pairScore(model.pairs, examples[0]!.shares, terms)));
    expect(right).toBeGreaterThan(wrong!);
  });

  it("learns no pair seen on fewer policies than it asks for, so one school's wording is not staff language", () => {
    const model = fitRerankModel(gmailExamples(defaultFit.minGroups - 1));
    expect(model.pairs.get('gmail')?.get('person')).toBeUndefined();
  });

  it('learns no pair from terms every candidate holds, and keeps the hand-set order the questions agree with', () => {
    // The hand-set first is right, and both candidates hold the same words: nothing for a pair to tell.
    const examples = gmailExamples(3).map((e) => ({ ...e, right: [true, false], terms: [new Set(['email', 'personal']), new Set(['email', 'personal'])] }));
    const model = fitRerankModel(examples);
    expect(model.pairs.size).toBe(0);
    const [first, second] = examples[0]!.x.map((x) => rerankScore(features(x), model.weights));
    expect(first).toBeGreaterThan(second!);
    expect(model.weights.combined).toBeGreaterThanOrEqual(IDENTITY_WEIGHTS.combined);
  });
});
