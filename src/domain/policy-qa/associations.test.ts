import { describe, expect, it } from 'vitest';
import { clausePolicy } from '../../../test/support/policy.ts';
import { associationScore, shippedAssociations, trainAssociations, type AlignedPair } from './associations.ts';
import { termTableFromJson, termTableToJson } from './term-table.ts';
import { createPolicyQa } from './index.ts';

/** "gmail" asked of passages saying "personal", in three schools' policies; "dongle" → "removable" in one only. */
const pairs: AlignedPair[] = [
  { question: ['gmail', 'forward'], passage: ['personal', 'account', 'forward', 'rule'], group: 'school-a' },
  { question: ['gmail', 'send', 'report'], passage: ['personal', 'email', 'report', 'pupil'], group: 'school-b' },
  { question: ['gmail', 'home'], passage: ['personal', 'address', 'home', 'work'], group: 'school-c' },
  { question: ['dongle', 'photo'], passage: ['removable', 'media', 'photo'], group: 'school-a' },
  { question: ['dongle', 'report'], passage: ['removable', 'encrypt', 'report'], group: 'school-a' },
];

describe('learned word associations', () => {
  it('learns a staff word aligned to the same policy word in questions on three policies, and not one seen in only one', () => {
    const learned = trainAssociations(pairs);
    const strongest = (row: ReadonlyMap<string, number> | undefined): string | undefined => [...(row ?? [])].sort((a, b) => b[1] - a[1])[0]?.[0];
    expect(strongest(learned.get('gmail'))).toBe('personal');
    expect(learned.get('gmail')?.get('personal')).toBeGreaterThan(0.3);
    expect(learned.has('dongle')).toBe(false);
    // A term is never its own associate: the passage holding it already counts in BM25F.
    expect(learned.get('forward')?.has('forward') ?? false).toBe(false);
    expect(strongest(trainAssociations(pairs, { iterations: 8, minGroups: 1, minStrength: 0.05 }).get('dongle'))).toBe('removable');
  });

  it('scores the share of the question a passage meets only through an associate', () => {
    const table = termTableFromJson({ gmail: { personal: 0.5 } });
    const weighted = new Map([
      ['gmail', 2],
      ['forward', 2],
    ]);
    expect(associationScore(table, weighted, new Set(['personal', 'forward']))).toBeCloseTo(0.25);
    expect(associationScore(table, weighted, new Set(['gmail', 'personal']))).toBe(0);
    expect(associationScore(table, weighted, new Set(['forward']))).toBe(0);
  });

  it('round-trips through the JSON it is shipped as, and ships a table', () => {
    const learned = trainAssociations(pairs);
    expect(termTableToJson(termTableFromJson(termTableToJson(learned)))).toEqual(termTableToJson(learned));
    expect(shippedAssociations().get('gmail')?.size).toBeGreaterThan(0);
  });

  it('ranks the clause holding an associate of a word the policy never uses above a clause that only repeats the rest', async () => {
    const doc = await clausePolicy(
      'Brook Primary Devices Policy',
      ['Photographs', '3.1 Photographs of pupils: take photographs only on school cameras.', '3.2 Photographs of pupils must never be copied to removable media.'],
    );
    const question = 'can I put the photographs on my dongle?';
    const cited = (associations: ReturnType<typeof termTableFromJson>): string | undefined =>
      createPolicyQa([doc], { associations, tuning: { answerThreshold: 0 } }).answer(question).citations[0]?.section;
    expect(cited(termTableFromJson({}))).toMatch(/^3\.1/);
    expect(cited(termTableFromJson({ dongl: { removabl: 0.5 } }))).toMatch(/^3\.2/);
  });
});
