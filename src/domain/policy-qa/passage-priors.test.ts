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

/** The prior of each passage for a question, none of them front matter: one section's, or each under its own heading. */
function priorsOf(heading: string | string[], texts: string[], kind: QuestionKind): number[] {
  const headingOf = (i: number): string => (typeof heading === 'string' ? heading : heading[i]!);
  const passages = texts.map((text, i): Passage => ({ id: `p${i}`, kind: 'para', docIndex: 0, sectionId: `s-${headingOf(i)}`, heading: headingOf(i), path: [], text }));
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

describe('guidance set out by who does something', () => {
  const headings = ['A pupil adds you on social media', 'A parent adds you on social media', 'Social media'];
  const texts = ['In the first instance, ignore and delete the request.', 'It is at your discretion whether to respond.', 'Staff must not accept friend requests from pupils.'];

  it("prefers the parents' heading for a question naming only a parent, and the pupils' for one naming only a pupil", () => {
    const mum = questionKind('a mum from my class sent me a FB friend request, do I have to ignore it?', ['#parent', '#social-media']);
    expect(priorsOf(headings, texts, mum)).toEqual([0.75, 1, 1]);
    const lad = questionKind('a lad I taught years ago (he is in year 10 now) sent me a friend request, can I accept?', ['#social-media']);
    expect(priorsOf(headings, texts, lad).slice(0, 2)).toEqual([1, 0.75]);
    // Naming both, or neither, the question could be about either.
    const both = questionKind('a parent and her child both added me on facebook', ['#parent', '#social-media']);
    expect(priorsOf(headings, texts, both).slice(0, 2)).toEqual([1, 1]);
  });
});

describe('titles, pointers and definitions', () => {
  const texts = [
    'Computer Misuse Act 1990',
    'The General Data Protection Regulation',
    'For further information relating to school websites, see the guidance on the grid.',
    'Staff must not use school computers for personal shopping during lessons.',
    'Next review due March 2026',
  ];

  it('counts an item of the list of Acts, and a pointer to other guidance, less unless the question is about the law', () => {
    const misuse = questionKind('what actually happens if a member of staff gets caught misusing the computers?', []);
    expect(priorsOf('Legislation and guidance', texts, misuse)).toEqual([0.7, 0.7, 0.7, 1, 1]);
    const law = questionKind('which laws does this policy follow?', []);
    expect(priorsOf('Legislation and guidance', texts, law).slice(0, 2)).toEqual([1, 1]);
  });

  it('prefers a definition for "what counts as…?", and only then', () => {
    const definitions = ['"Personal use": any use or activity not directly related to the users\' employment', 'Personal use must not take place during lessons.'];
    const counts = questionKind("what counts as using the school laptop for 'my own stuff'?", ['#personal-use']);
    expect(priorsOf('Definitions', definitions, counts)).toEqual([1.2, 1.2]);
    expect(priorsOf(['Definitions', 'Personal use'], definitions, counts)).toEqual([1.2, 1]);
    const allowed = questionKind('can I use the school laptop for my own stuff?', ['#personal-use']);
    // Both state a rule ("not directly related", "must not"), so both count as one for "can I…?"; the
    // definition, not asked for, counts less.
    const [definition, rule] = priorsOf(['Definitions', 'Personal use'], definitions, allowed);
    expect(definition).toBeCloseTo(1.1 * 0.8);
    expect(rule).toBe(1.1);
  });

  it('reads asking what a word covers, or who a named role is, as asking for a definition; a rule that only uses "count as" is not', () => {
    for (const question of [
      'what actually counts as personal use?',
      'does booking a dentist appt count as personal use?',
      "Someone told me I need the OK from 'authorised personnel'. Who actually is that?",
      'does the IT policy actually cover my school ipad?',
      'does the ICT policy apply to governors?',
    ]) {
      expect(questionKind(question, []).asksDefinition, question).toBe(true);
    }
    const offLimits = questionKind("I'll need to show sites that would normally count as off limits. who can give me the ok?", []);
    expect(offLimits.asksDefinition).toBe(false);
    // "ICT facilities" lists a laptop, but installing an app on one is a rule's business.
    const facilities = ['"ICT facilities": includes all facilities, systems and services, including laptops and apps', 'Installing any app on a school laptop needs approval.'];
    const install = questionKind('can I just download a free app onto the class laptop?', []);
    const [defined, installing] = priorsOf(['Definitions', 'Software'], facilities, install);
    expect(defined).toBeLessThan(installing!);
  });
});
