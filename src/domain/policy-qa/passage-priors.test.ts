import { describe, expect, it } from 'vitest';
import type { Passage } from './types.ts';
import { passagePriors, questionKind, type QuestionKind } from './passage-priors.ts';

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

/** The prior of each of a section's passages for a question, none of them front matter. */
function priorsOf(heading: string, texts: string[], kind: QuestionKind): number[] {
  const passages = texts.map((text, i): Passage => ({ id: `p${i}`, kind: 'para', docIndex: 0, sectionId: 's-1', heading, path: [], text }));
  const prior = passagePriors(passages, passages.map(() => false));
  return passages.map((_, i) => prior(i, kind));
}

describe('passage priors', () => {
  it('prefers, for "what is the biggest file?", a clause stating the size a file may be up to over its neighbour about sharing', () => {
    const texts = [
      'Gmail will attach files of up to 25 MB to one email.',
      'Outside agencies cannot receive anything larger than 10 MB.',
      'When you share a file from Drive, leave the link set to Restricted.',
      'For anything larger than 10 MB, share a Drive link instead.',
    ];
    const kind = questionKind("what's the biggest file I can send?", ['#attachment-size', '#limit']);
    expect(priorsOf('Attachments and large files', texts, kind)).toEqual([1.1, 1.1, 1, 1]);
  });
});

describe("the pupils' own rules", () => {
  const texts = [
    'Pupils must immediately tell a teacher if they receive an offensive email.',
    'Staff must inform the E-Safety coordinator if they receive an offensive email.',
    'Pupils must only be contacted through their school email account.',
    'Children will be taught how to report an upsetting message.',
  ];

  it('yields a rule pupils follow to the staff rule beside it, unless the question asks about pupils', () => {
    const staff = questionKind('a parent sent me a really abusive email, who am I supposed to tell?', ['#who-to-tell']);
    // A rule about how pupils are contacted, or what they are taught, binds staff: it stays a staff rule.
    expect(priorsOf('Email', texts, staff)).toEqual([0.75, 1, 1, 1]);
    const pupils = questionKind('what should the children do if they get a nasty email?', []);
    expect(priorsOf('Email', texts, pupils)).toEqual([1, 1, 1, 1]);
  });
});

describe('questions about the agreement pupils or parents sign', () => {
  it("reads 'isn't there something parents sign?' as about the parents' agreement, and a parent's email to staff as not", () => {
    expect(questionKind("parent keeps posting sports day pics with other kids in them - isn't there something parents sign about that?", []).aboutPupils).toBe(true);
    expect(questionKind('what do the kids agree to when they use the ipads?', []).aboutPupils).toBe(true);
    expect(questionKind('a parent sent me a really abusive email, who am I supposed to tell?', []).aboutPupils).toBe(false);
  });
});
