import { describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../policy-docs/index.ts';
import { markdownPolicy } from '../../../test/support/policy.ts';
import { analyseQuestion, analyseText } from './analyse.ts';
import { buildIndex } from './bm25f.ts';
import { coverage } from './coverage.ts';
import { expandUnits, lemmas } from './expand.ts';
import { createPolicyQa, defaultTuning, toPassages } from './index.ts';

const source = [
  '# Ash Lane Primary ICT Rules',
  '',
  '## 1. Performances',
  '',
  '1.1 Parents may take photographs of their own children at school performances.',
  '',
  '## 2. Attachments',
  '',
  '2.1 Attachments must not be larger than 4 MB. For anything bigger, send a link from the shared drive.',
  '',
  '## 3. Forwarding',
  '',
  '3.1 Automatic forwarding of school email to personal accounts is not allowed.',
].join('\n');

const policy = (): Promise<PolicyDocument> => markdownPolicy(source);

describe('question expansion', () => {
  it('reads the hyphenated spellings of older policies as staff write them', () => {
    expect(analyseText('Staff must not use e-mail or on-line chat').terms).toEqual(expect.arrayContaining(['email', 'onlin']));
  });

  it('finds dictionary forms, including British spellings', () => {
    expect(lemmas('concerts')).toContain('concert');
    expect(lemmas('behaviour')).toContain('behavior');
    expect(lemmas('organised')).toContain('organize');
  });

  it('meets a word the policy never uses through a broader term, never a used word', async () => {
    const index = buildIndex(toPassages([await policy()]));
    const units = expandUnits(index, analyseQuestion('concert attachments').units);
    const near = (surface: string): string[] | undefined => units.find((u) => u.surface === surface)?.near;
    expect(near('concert')).toContain('performanc');
    expect(near('attachments')).toBeUndefined();
  });

  it('discounts specifics the policy never mentions once the passage meets two ideas, but not off-topic ones', async () => {
    const doc = await policy();
    const question = 'can I set my email to go to my Yahoo automatically for the conference?';
    const discounted = createPolicyQa([doc]).answer(question);
    const full = createPolicyQa([doc], { tuning: { incidentalWeight: 1 } }).answer(question);
    expect(discounted.answered).toBe(true);
    expect(discounted.citations[0]!.section).toBe('3.1 Forwarding');
    expect(discounted.evidence.coverage).toBeGreaterThan(full.evidence.coverage);
    expect(createPolicyQa([doc]).answer('how do I book the minibus for the nativity?').answered).toBe(false);
  });

  it('counts an optional word met only through a related one at the share it is met, never against the passage', async () => {
    const index = buildIndex(toPassages([await policy()]));
    // "… at the concert?": the setting is optional, and a passage on performances half meets it.
    const units = [
      { alts: ['forward'], words: [] },
      { alts: ['concert'], words: [], surface: 'concert', optional: true, near: ['performanc'] },
    ];
    expect(coverage(index, new Set(['forward', 'performanc']), units, defaultTuning)).toBe(1);
    expect(coverage(index, new Set(['forward']), units, defaultTuning)).toBe(1);
  });
});
