import { describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../policy-docs/index.ts';
import { clausePolicy, markdownPolicy } from '../../../test/support/policy.ts';
import { createPolicyQa } from './index.ts';

// A short policy: few passages, so raw document frequencies alone would give unstable weights.
const source = [
  '# Elm Tree Infants ICT Rules',
  '',
  '## 1. Attachments',
  '',
  '1.1 Attachments must not be larger than 5 MB.',
  '',
  '1.2 For anything bigger than 5 MB, save it to the shared drive and send the link.',
  '',
  '## 2. Leaving',
  '',
  '2.1 Leavers have their account disabled on their last day.',
  '',
  '## 3. Acknowledgement',
  '',
  '3.1 Staff sign the annual acknowledgement form each September.',
].join('\n');

const policy = (): Promise<PolicyDocument> => markdownPolicy(source);

describe('policy Q&A on a small, unseen policy', () => {
  it('is not thrown by everyday filler words the policy never uses', async () => {
    const qa = createPolicyQa([await policy()]);
    const a = qa.answer('sorry, quick one before next week: when does my account get switched off when I leave?');
    expect(a.answered).toBe(true);
    expect(a.citations[0]!.section).toBe('2.1 Leaving');
  });

  it('still declines when the specific thing asked about is absent', async () => {
    const qa = createPolicyQa([await policy()]);
    expect(qa.answer('how do I book the minibus for next week?').answered).toBe(false);
  });

  it('reads "annual leave" as one idea, not as annual forms plus leavers', async () => {
    const qa = createPolicyQa([await policy()]);
    const a = qa.answer('how many days of annual leave do I get?');
    expect(a.answered).toBe(false);
    expect(a.citations).toEqual([]);
  });

  it('answers a question asking for a limit with the clause that states the limit', async () => {
    const qa = createPolicyQa([await policy()]);
    const a = qa.answer("what's the biggest attachment I can send?");
    // Both clauses state the 5 MB limit; either is a right answer.
    expect(a.citations[0]!.section).toMatch(/^1\.[12] Attachments$/);
    expect(a.answer).toContain('5 MB');
  });

  it('reads where and when as the setting of a question: no help when unmet, evidence when met', async () => {
    const doc = await clausePolicy(
      'Rowan Primary Device Rules',
      [
        '4. School laptops',
        '4.1 All staff complete data protection training every September.',
        '4.2 If a school laptop is lost or stolen, tell the School Business Manager the same day.',
        '4.3 Do not connect a school laptop to public wifi in cafés or on trains.',
      ],
    );
    const qa = createPolicyQa([doc]);
    // "training" shares the stem of "train", but the lost-laptop rule answers without mentioning trains.
    const lost = qa.answer('left my school laptop on the train this morning, who do I tell?');
    expect(lost.answered).toBe(true);
    expect(lost.citations[0]!.section).toBe('4.2 School laptops');
    const wifi = qa.answer('can I use the free wifi on the train?');
    expect(wifi.answered).toBe(true);
    expect(wifi.citations[0]!.section).toBe('4.3 School laptops');
    // A setting is never the whole question.
    expect(qa.answer('is the train to the museum on Friday?').answered).toBe(false);
  });

  it('does not hold it against a rule that it never names the pupils or parents a question mentions', async () => {
    const doc = await clausePolicy(
      'Rowan Primary Email Rules',
      [
        '2. Accounts',
        '2.1 Every member of staff has a school email account, set up by the School Business Manager.',
        '2.2 Supply staff working at the school for four weeks or more are given their own school email account.',
      ],
      [
        '3. Email to families',
        '3.1 Reply to email from parents within three working days.',
        '3.2 Never put a pupil’s full name in the subject line; use initials and the year group.',
        '3.3 Messages to a whole class or year group are sent by the office.',
      ],
    );
    const a = createPolicyQa([doc]).answer("We've got a supply teacher in Year 5 for two weeks, does she get her own email?");
    expect(a.answered).toBe(true);
    expect(a.citations[0]!.section).toBe('2.2 Accounts');
  });
});
