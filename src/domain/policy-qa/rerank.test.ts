import { describe, expect, it } from 'vitest';
import type { Passage } from './types.ts';
import { clausePolicy } from '../../../test/support/policy.ts';
import { buildIndex } from './bm25f.ts';
import { createPolicyQa } from './index.ts';
import { FEATURE_NAMES, IDENTITY_RERANK, IDENTITY_WEIGHTS, pairScore, RERANK_DEPTH, rerank, rerankConfidence, rerankFeatures, termShares, type Candidate, type FeatureWeights, type RerankModel } from './rerank.ts';

const passage = (i: number, heading: string, text: string): Passage => ({ id: `p${i}`, kind: 'para', docIndex: 0, sectionId: `s-${i}`, heading, path: [], text, number: `${i}.1` });

function candidates(texts: [heading: string, text: string][]): Candidate[] {
  const index = buildIndex(texts.map(([h, t], i) => passage(i, h, t)));
  // The hand-set order: earlier is better.
  return index.items.map((item, i) => ({ item, final: 1 - i / 100, rank: 1 - i / 100, dense: 0, associated: 0, prior: 1, cov: 1 }));
}

describe('the re-ranker', () => {
  const list = candidates([
    ['Personal devices', 'School iPads are available for photographs.'],
    ['Personal devices', 'You may read school email on a personal device through the Outlook app.'],
  ]);
  const weighted = new Map([
    ['read', 1],
    ['email', 1],
    ['devic', 1],
  ]);

  it('tells the share of the question met in the body from the share met only in the heading', () => {
    const [heading, body] = rerankFeatures(list, weighted, 1);
    expect(heading!.headingShare).toBeCloseTo(1 / 3);
    expect(heading!.bodyShare).toBe(0);
    expect(body!.bodyShare).toBeCloseTo(1);
    expect(heading!.position).toBe(1);
    expect(body!.position).toBe(0.5);
  });

  it('counts the question met in a passage\'s opening words above the same words met late in it', () => {
    const [late, early] = rerankFeatures(
      candidates([
        ['Viruses', 'Never interfere with any anti-virus software installed on school equipment.'],
        ['Equipment', 'The installation of any software must be authorised by the ICT team.'],
      ]),
      new Map([['instal', 1], ['softwar', 1]]),
      1,
    );
    expect(late!.bodyShare).toBe(early!.bodyShare);
    expect(early!.opening).toBeGreaterThan(late!.opening);
    expect(early!.opening).toBeLessThanOrEqual(1);
  });

  it('tells a candidate whose section holds other candidates from one alone in its section', () => {
    const index = buildIndex([
      { ...passage(0, 'Passwords', 'Never share your password.'), sectionId: 'passwords' },
      { ...passage(1, 'Passwords', 'Change your password every term.'), sectionId: 'passwords' },
      { ...passage(2, 'Wifi', 'Guests use the guest wifi password.'), sectionId: 'wifi' },
    ]);
    const list = index.items.map((item) => ({ item, final: 1, rank: 1, dense: 0, associated: 0, prior: 1, cov: 1 }));
    const [first, second, alone] = rerankFeatures(list, new Map([['password', 1]]), 1);
    expect(first!.sectionMates).toBeCloseTo(1 / 3);
    expect(second!.sectionMates).toBeCloseTo(1 / 3);
    expect(alone!.sectionMates).toBe(0);
  });

  it('does not count a passage of another policy as a section mate, though the two share a section id', () => {
    const index = buildIndex([
      { ...passage(0, 'Introduction', 'Staff must keep their password private.'), sectionId: 's-introduction' },
      { ...passage(1, 'Introduction', 'Pupils are given a password by their teacher.'), sectionId: 's-introduction', docIndex: 1 },
    ]);
    const list = index.items.map((item) => ({ item, final: 1, rank: 1, dense: 0, associated: 0, prior: 1, cov: 1 }));
    expect(rerankFeatures(list, new Map([['password', 1]]), 1).map((f) => f.sectionMates)).toEqual([0, 0]);
  });

  it('keeps the hand-set order with the identity model where the priors are alike, and reorders by a model that weighs the body', () => {
    expect(rerank(list, weighted, 1, IDENTITY_RERANK).ranked.map((c) => c.item.passage.id)).toEqual(['p0', 'p1']);
    const body: RerankModel = { ...IDENTITY_RERANK, weights: { ...IDENTITY_WEIGHTS, bodyShare: 2 } };
    expect(rerank(list, weighted, 1, body).ranked.map((c) => c.item.passage.id)).toEqual(['p1', 'p0']);
  });

  it('says how clearly it prefers its best candidate, from its scores best first', () => {
    const body: RerankModel = { ...IDENTITY_RERANK, weights: { ...IDENTITY_WEIGHTS, bodyShare: 2 } };
    const { scores } = rerank(list, weighted, 1, body);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const { confidence, margin } = rerankConfidence(scores);
    expect(margin).toBeCloseTo(scores[0]! - scores[1]!);
    expect(confidence).toBeCloseTo(1 / (1 + Math.exp(-margin)));
    // Two candidates alike are a coin toss; a lone candidate, or one far ahead, has no rival.
    expect(rerankConfidence([2, 2])).toEqual({ confidence: 0.5, margin: 0 });
    expect(rerankConfidence([2])).toEqual({ confidence: 1, margin: 5 });
    expect(rerankConfidence([40, 1, 0]).margin).toBe(5);
  });

  it('reorders only the first candidates, leaving the rest where the hand-set order put them', () => {
    const long = candidates(Array.from({ length: RERANK_DEPTH + 2 }, (_, i): [string, string] => ['Email', i === RERANK_DEPTH + 1 ? 'read email on a device' : `clause ${i} about email`]));
    const reordered = rerank(long, weighted, 1, { ...IDENTITY_RERANK, weights: { ...IDENTITY_WEIGHTS, bodyShare: 5 } }).ranked;
    expect(reordered.at(-1)!.item.passage.id).toBe(`p${RERANK_DEPTH + 1}`);
  });

  it("is the engine's last word on the order: the answer follows the model it is given", async () => {
    const doc = await clausePolicy('Brook Primary Devices Policy', ['Personal devices', '4.1 Personal devices: school iPads are available for photographs.', '4.2 You may read school email on a personal phone through the Outlook app.']);
    const cited = (weights: FeatureWeights): string | undefined =>
      createPolicyQa([doc], { tuning: { rerankModel: { weights, pairs: new Map() }, answerThreshold: 0 } }).answer('can I read email on my personal device?').citations[0]?.section;
    // Scored by position alone (far above the priors' fixed part), the hand-set order stands; scored
    // against it, its runner-up comes first.
    const byPosition = { ...Object.fromEntries(FEATURE_NAMES.map((f) => [f, 0])), position: 100 } as FeatureWeights;
    const first = cited(byPosition);
    expect(cited({ ...byPosition, position: -100 })).not.toBe(first);
  });

  it('moves up a passage holding a term a learned pair joins to the question', () => {
    const gmail = candidates([
      ['Email', 'Staff must read school email every working day.'],
      ['Email', 'Do not send school email to a personal account.'],
    ]);
    const asked = new Map([
      ['email', 1],
      ['gmail', 3],
    ]);
    expect(rerank(gmail, asked, 1, IDENTITY_RERANK).ranked[0]!.item.passage.id).toBe('p0');
    const pairs = new Map([['gmail', new Map([['personal', 2]])]]);
    expect(rerank(gmail, asked, 1, { weights: IDENTITY_WEIGHTS, pairs }).ranked[0]!.item.passage.id).toBe('p1');
  });

  it("scores a pair by its question term's share of the question, whichever of row and passage is walked", () => {
    const shares = termShares(new Map([['gmail', 3], ['email', 1]]));
    expect(shares).toEqual([['gmail', 0.75], ['email', 0.25]]);
    const passage = new Set(['person', 'account', 'email']);
    const short = new Map([['gmail', new Map([['person', 2]])]]);
    const long = new Map([['gmail', new Map([['person', 2], ['a', 1], ['b', 1], ['c', 1], ['d', -1]])], ['email', new Map([['email', 0.4]])]]);
    expect(pairScore(short, shares, passage)).toBeCloseTo(1.5);
    expect(pairScore(long, shares, passage)).toBeCloseTo(1.5 + 0.1);
  });
});
