import { describe, expect, it } from 'vitest';
import { markdownPolicy } from '../../../test/support/policy.ts';
import { createPolicyQa } from './index.ts';
import { correctSpelling, vocabularyOf } from './spelling.ts';

const source = [
  '# Beech Road Staff ICT Rules',
  '',
  '## 3. Passwords',
  '',
  '3.1 Your password must be at least 12 characters long and must never be shared.',
  '',
  '## 4. Attachments',
  '',
  '4.1 Attachments must be no larger than 2 MB.',
].join('\n');

describe('spelling', () => {
  const vocabulary = vocabularyOf([source]);

  it('corrects a word no dictionary knows to the one policy word a single edit away', () => {
    expect(correctSpelling('how long does my pasword need to be', vocabulary)).toBe('how long does my password need to be');
    expect(correctSpelling('whats the max size for Attachmnets', vocabulary)).toBe('whats the max size for attachments');
  });

  it('leaves real words and apostrophe-less contractions alone, however close to a policy word', () => {
    // "minibus" is a word the policy lacks, not a misspelling; "wasnt" is not "want".
    for (const question of ['can I book the minibus?', 'I wasnt logging in', 'theyre asking for my password', 'is it shared?']) {
      expect(correctSpelling(question, vocabulary)).toBe(question);
    }
  });

  it('reads a clipped word as the whole word, unless the policy uses the clipped form itself', () => {
    expect(correctSpelling('I was given a temp password, do I change it?', vocabulary)).toBe('I was given a temporary password, do I change it?');
    expect(correctSpelling('where is the info on passwords?', vocabulary)).toBe('where is the information on passwords?');
    const ownWords = vocabularyOf(['Ask the office for info on temp staff. Save it as a Word doc.']);
    expect(correctSpelling('where is the info on temp staff?', ownWords)).toBe('where is the info on temp staff?');
    // A three-letter clipped word the policy uses is its word too.
    expect(correctSpelling('can I email the Word doc?', ownWords)).toBe('can I email the Word doc?');
    expect(correctSpelling('can I email the Word doc?', vocabulary)).toBe('can I email the Word document?');
    expect(correctSpelling('is the constructor allowed in?', vocabulary)).toBe('is the constructor allowed in?');
  });

  it('answers a misspelt question from the clause its corrected words meet', async () => {
    const qa = createPolicyQa([await markdownPolicy(source)]);
    const a = qa.answer('how long does my pasword need to be?');
    expect(a.answered).toBe(true);
    expect(a.citations[0]!.section).toBe('3.1 Passwords');
  });
});
