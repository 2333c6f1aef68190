import { describe, expect, it } from 'vitest';
import { clausePolicy } from '../../../test/support/policy.ts';
import { createPolicyQa } from './index.ts';
import { peopleNamed, placesNamed } from './people.ts';

describe('people a question names', () => {
  it('finds first names written with a capital inside the question, and names after a title', () => {
    expect([...peopleNamed("Help – I've just sent Harry's SEN review to the wrong mum")]).toEqual(['harri']);
    expect([...peopleNamed('Mrs Okafor asked me for my login')]).toEqual(['okafor']);
  });

  it('leaves the same words alone as ordinary words', () => {
    expect(peopleNamed('Max size for attachments?').size).toBe(0);
    expect(peopleNamed('is there a grace period before my account closes?').size).toBe(0);
  });

  it('finds a place of one or several capitalised words after a preposition', () => {
    expect([...placesNamed('taking year 8 to Drayton Manor on friday - which phone do I ring parents on?')]).toEqual(['drayton', 'manor']);
    expect([...placesNamed('the music dept at Millbrook wants the video')]).toEqual(['millbrook']);
    expect(placesNamed("can I email the class list to the PTA's chair?").size).toBe(0);
  });

  it('does not let a pupil\'s name count as something the policy is silent on', async () => {
    const doc = await clausePolicy(
      'Elder Primary Email Rules',
      ['6. If an email goes to the wrong person', '6.1 If an email containing personal information about a pupil goes to the wrong person, tell the School Business Manager within one hour of realising.'],
      ['7. Attachments', '7.1 Attachments must be no larger than 10 MB.'],
    );
    const qa = createPolicyQa([doc]);
    const named = qa.answer("Help – I've just sent Harry's SEN review to the wrong mum. what do I do now??");
    const unnamed = qa.answer("Help – I've just sent a SEN review to the wrong mum. what do I do now??");
    expect(named.citations[0]?.section).toBe('6.1 If an email goes to the wrong person');
    expect(named.evidence.probability).toBeCloseTo(unnamed.evidence.probability, 2);
  });
});
