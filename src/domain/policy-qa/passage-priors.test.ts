import { describe, expect, it } from 'vitest';
import { questionKind } from './passage-priors.ts';

describe('the kind of a question', () => {
  it('reads an event told without a question in words as asking what to do, but "legit??" as asking whether', () => {
    const prompts = questionKind("my phone keeps pinging with authenticator approvals at 11pm and I'm not signing into anything??", ['#mfa', '#unexpected-prompt']);
    expect(prompts.asksWhatToDo).toBe(true);
    const vouchers = questionKind('got an email from the head asking me to buy amazon vouchers and send her the codes asap. legit??', ['#phishing']);
    expect(vouchers.asksWhatToDo).toBe(false);
    // Told without an event, nothing is asked about one.
    expect(questionKind('forwarding to my gmail', ['#forwarding', '#personal-email']).asksWhatToDo).toBe(false);
  });

  it('asks for a size only when the question is about how big a file may be', () => {
    expect(questionKind("what's the biggest file I can attach?", ['#attachment-size', '#limit']).asksSize).toBe(true);
    expect(questionKind('how many people can I email at once?', ['#limit']).asksSize).toBe(false);
  });
});
