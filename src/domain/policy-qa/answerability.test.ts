import { describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../policy-docs/index.ts';
import { clausePolicy, markdownPolicy } from '../../../test/support/policy.ts';
import { amountMissing, nameMissing, productMissing } from './answerability.ts';
import { createPolicyQa } from './index.ts';
import { sentenceVector, similarity } from './word-vectors.ts';

// A policy written for these tests: a title page, then rules with no password-change interval and
// nothing on AI tools, printing or parking.
const source = [
  '# Larkfield Primary School',
  '',
  'Staff Email and Devices Policy',
  '',
  'Policy lead: Network Manager',
  '',
  'Version 2.1 · Review: Summer 2027',
  '',
  '## 1. Passwords',
  '',
  '1.1 Choose a password of at least 12 characters and never share it with anyone, including colleagues or IT support.',
  '',
  '1.2 Multi-factor sign-in must stay switched on for every staff account.',
  '',
  '## 2. Devices',
  '',
  '2.1 You may read school email on your own phone or tablet only through the official Outlook app, with a screen lock.',
  '',
  '2.2 Report a lost or stolen school laptop to the School Business Manager on the same day.',
  '',
  '## 3. Monitoring',
  '',
  '3.1 The Network Manager may examine the content of a mailbox only when the Headteacher asks in writing.',
  '',
  '## 4. Reports',
  '',
  '4.1 End of year reports to parents are sent through the parent app, never as email attachments.',
].join('\n');

const policy = (): Promise<PolicyDocument> => markdownPolicy(source);

describe('deciding whether the policy answers', () => {
  it('answers paraphrased questions from the clause that holds the rule', async () => {
    const qa = createPolicyQa([await policy()]);
    const cases: [string, string][] = [
      ['is it alright to check my work emails on my ipad?', '2.1'],
      ["I've lost my school laptop, who do I tell?", '2.2'],
      ['can my TA use my password?', '1.1'],
    ];
    for (const [question, clause] of cases) {
      const a = qa.answer(question);
      expect(a.answered, question).toBe(true);
      expect(a.citations[0]!.section.startsWith(clause), question).toBe(true);
    }
  });

  it('marks a clause that meets every idea of the question as complete, however few the ideas', async () => {
    const qa = createPolicyQa([await policy()]);
    // One idea, met completely: there is little evidence, but nothing is missing (the model's `complete`).
    const complete = qa.answer('left my school laptop on the train, who do I tell?');
    expect(complete.answered).toBe(true);
    expect(complete.features?.complete).toBe(1);
    expect(complete.citations[0]!.section.startsWith('2.2')).toBe(true);
    expect(qa.answer('can I leave my school laptop in the car overnight?').features?.complete).toBe(0);
  });

  it('does not cite the title page for a question naming someone it lists', async () => {
    const qa = createPolicyQa([await policy()]);
    const a = qa.answer('can the network manager read my emails?');
    expect(a.answered).toBe(true);
    expect(a.citations[0]!.section).toBe('3.1 Monitoring');
  });

  it('declines a topic the policy never mentions, however well the rest matches', async () => {
    const qa = createPolicyQa([await policy()]);
    const a = qa.answer('can I use ChatGPT to write my end of year reports to parents?');
    expect(a.answered).toBe(false);
    expect(a.answer).toMatch(/doesn't cover/);
    // Declined outright, whatever the model makes of "gaming" beside "payday".
    const gaming = await clausePolicy('Oak Rules', ['4. Personal use', '4.1 On-line gambling or gaming is not allowed.']);
    const payday = createPolicyQa([gaming]).answer("when's payday this month with the bank holiday? usually it's the 25th");
    expect(payday.answered).toBe(false);
    expect(payday.evidence.probability).toBe(0);
  });

  it('does not count a topic the question names in passing ("the sports day video") as missing from the policy', async () => {
    const qa = createPolicyQa([await markdownPolicy('# Oak Email Rules\n\n## 1. Email\n\n1.1 Attachments must be no larger than 10 MB. Share anything bigger as a OneDrive link.\n\n1.2 Reply to parents within three school days.\n')]);
    const a = qa.answer('the sports day video is 40MB, can I just email it to another teacher?');
    expect(a.features?.topicMissing).toBe(0);
    expect(a.citations[0]?.section.startsWith('1.1')).toBe(true);
    // Asked about for itself, a topic the policy never mentions still counts as missing.
    const filming = qa.answer('can I film the sports day race for the website?');
    expect(filming.features?.topicMissing).toBe(1);
    expect(filming.answered).toBe(false);
  });

  it('does not count a topic the question tells of before it asks as missing from the policy', async () => {
    const qa = createPolicyQa([await markdownPolicy('# Oak Email Rules\n\n## 1. Email\n\n1.1 Attachments must be no larger than 10 MB. Share anything bigger as a OneDrive link.\n\n1.2 Reply to parents within three school days.\n')]);
    const a = qa.answer('I filmed the sports day race on the school iPad. Can I email it to a parent?');
    expect(a.features?.topicMissing).toBe(0);
    // Asked about for itself, the same topic still counts as missing.
    expect(qa.answer('Can I film the sports day race and email it to a parent?').features?.topicMissing).toBe(1);
  });

  it("answers how much a mailbox holds from the mailbox's size, and not from a phishing email that says the mailbox is full", async () => {
    const question = 'my inbox is full, how much storage do we get?';
    const storage = await markdownPolicy(
      '# Oak Email Rules\n\n## 1. Email\n\n1.1 Attachments must be no larger than 10 MB. Share anything bigger as a OneDrive link.\n\n1.2 Staff mailboxes are 50 GB. If Outlook warns you that your mailbox is nearly full, empty your Deleted Items folder first.\n\n## 2. Phishing\n\n2.1 Report suspicious emails with the Report button.\n',
    );
    expect(createPolicyQa([storage]).answer(question).citations[0]?.section).toBe('1.2 Email');
    const phishing = await markdownPolicy(
      '# Oak Email Rules\n\n## 1. Email\n\n1.1 Attachments must be no larger than 10 MB.\n\n## 3. Frequently asked questions\n\nQ: An email says my mailbox is full and asks me to log in. What should I do?\n\nA: Do not click anything. Report it with the Report button.\n',
    );
    expect(createPolicyQa([phishing]).answer(question).answered).toBe(false);
    expect(createPolicyQa([phishing]).answer('an email says my mailbox is full and wants me to log in, what do I do?').answered).toBe(true);
  });

  it('reads "any outside address" as a personal address, so forwarding to Gmail cites the forwarding rule', async () => {
    const doc = await markdownPolicy(
      '# Oak Rules\n\n## 3. Email\n\n3.3 Automatic forwarding from your mailbox to any outside address is switched off and must not be set up through inbox rules.\n\n## 14. Leaving\n\nBefore your last day:\n\n- remove your own personal emails and files, as nothing will be forwarded to you afterwards;\n- return your laptop.\n',
    );
    expect(createPolicyQa([doc]).answer('can I forward my email to my gmail?').citations[0]?.section).toBe('3.3 Email');
  });

  it('declines a question about a minibus licence where the policy speaks of the minibus only for phones', async () => {
    const qa = createPolicyQa([await markdownPolicy('# Oak Rules\n\n## 1. Phones\n\n1.1 The driver of the school minibus must not use any phone, hand-held or hands-free, while driving.\n')]);
    expect(qa.answer('Do I need D1 on my licence to drive the school minibus?').answered).toBe(false);
    expect(qa.answer('can I take a call on hands-free while I drive the minibus?').answered).toBe(true);
  });

  it('declines "will I have to pay for it?" where the policy says only how to report the loss, and answers it where it says who pays', async () => {
    const question = 'If my school laptop gets nicked out of my car will I have to pay for a new one?';
    expect(createPolicyQa([await policy()]).answer(question).answered).toBe(false);
    expect(createPolicyQa([await policy()]).answer('will I have to pay if I lose my school laptop?').answered).toBe(false);
    const paying = await markdownPolicy('# Oak Rules\n\n## 2. Devices\n\n2.1 Report a lost or stolen school laptop on the same day.\n\n2.2 Staff may be charged for the cost of repairs or a replacement laptop where a loss is caused by carelessness, such as leaving it in a car overnight.\n');
    const a = createPolicyQa([paying]).answer(question);
    expect(a.answered).toBe(true);
    expect(a.citations[0]!.section.startsWith('2.2')).toBe(true);
  });

  it('declines a question on jewellery where the policy only shares a word with it ("tape them up", "backup tapes")', async () => {
    const question = 'can the kids wear earrings for PE if they tape them up?';
    const backups = await markdownPolicy('# Oak Rules\n\n## 5. Backups\n\n5.1 Backup tapes must be encrypted and kept in the fire safe.\n');
    expect(createPolicyQa([backups]).answer(question).answered).toBe(false);
    const jewellery = await markdownPolicy('# Oak Rules\n\n## 6. PE\n\n6.1 Pupils must remove earrings and other jewellery for PE; taping them is not allowed.\n');
    expect(createPolicyQa([jewellery]).answer(question).citations[0]?.section.startsWith('6.1')).toBe(true);
  });

  it('declines a question asking for an amount the best passage does not state', async () => {
    const qa = createPolicyQa([await policy()]);
    const covered = qa.answer('do I have to keep multi-factor sign-in switched on?');
    // Same topic, but the policy gives no interval: a passage is found, and the model turns it down.
    const nearMiss = qa.answer('how many days can I stay signed in before I have to do multi-factor again?');
    expect(covered.answered).toBe(true);
    expect(nearMiss.answered).toBe(false);
    expect(nearMiss.citations).toEqual([]);
    expect(nearMiss.evidence.probability).toBeLessThan(covered.evidence.probability);
  });
});

describe('an amount asked for', () => {
  it('is a frequency when the question asks how often: "at once" states an amount of time, not how often', () => {
    const clause = 'Never share your password. If you think someone knows it, change it at once and tell the IT helpdesk.';
    expect(amountMissing('how often do I have to change my password?', clause)).toBe(true);
    expect(amountMissing('how quickly do I have to change my password if someone knows it?', clause)).toBe(false);
    expect(amountMissing('how often do I have to change my password?', 'Passwords expire every 90 days.')).toBe(false);
    expect(amountMissing('how often do I have to change my password?', 'Change your password once a term.')).toBe(false);
    // The year of an Act is no amount; a figure with a unit is one.
    expect(amountMissing('how many copies can I print a month?', 'Under the Education Act 2011 the school may search pupils.')).toBe(true);
    expect(amountMissing('how many copies can I print a month?', 'Staff may print up to 500 copies a month.')).toBe(false);
    expect(amountMissing('how often is this policy reviewed?', 'This policy will be reviewed every (24) months')).toBe(false);
  });

  it('is a period or a length when the question asks how long: the year of an Act is no period', () => {
    const act = 'Email may have to be disclosed in legal proceedings or under the Data Protection Act 2018.';
    expect(amountMissing('how long do emails stay in my inbox before they are deleted?', act)).toBe(true);
    expect(amountMissing('how long are emails kept?', 'Email is kept for 12 months, then deleted.')).toBe(false);
    expect(amountMissing('how long are emails kept?', 'Email is kept for (24) months.')).toBe(false);
    expect(amountMissing('how long does my password need to be?', 'Passwords must be at least 12 characters.')).toBe(false);
    expect(amountMissing('how long have I got to report it?', 'Report it to the DPO within 24 hours.')).toBe(false);
  });

  it('is asked by "is there a limit" and "what is the ratio" too, which a rule without a number does not answer', () => {
    const clause = 'Do not send attachments unnecessarily; send a link to the shared drive instead.';
    expect(amountMissing('is there a size limit on attachments?', clause)).toBe(true);
    expect(amountMissing('is there a limit on how big an attachment can be?', clause)).toBe(true);
    expect(amountMissing('is there a size limit on attachments?', 'Attachments over 10 MB are rejected.')).toBe(false);
    expect(amountMissing("what's the adult to child ratio on a trip?", 'Pupils use the internet only under the supervision of an adult.')).toBe(true);
  });

  it('is asked by "the max size" and "is there a set time" too', () => {
    expect(amountMissing('is there a max size for attachments? mine keep bouncing', 'Do not send attachments unnecessarily; send a link instead.')).toBe(true);
    expect(amountMissing('is there a max size for attachments?', 'Attachments over 10 MB are rejected.')).toBe(false);
    const lock = 'Lock your screen before moving away from your computer.';
    expect(amountMissing('is there a set time before my screen locks itself, like 5 mins?', lock)).toBe(true);
    expect(amountMissing('is there a set time before my screen locks itself?', 'Screens lock after 5 minutes without use.')).toBe(false);
  });
});

describe('a name asked for', () => {
  it('is not given by a rule that names only the role: "who actually is our e-safety coordinator?"', async () => {
    const question = 'who actually is our e-safety coordinator? new this term and nobody has said';
    const roleOnly = await clausePolicy('Oak Rules', ['7. Reporting', '7.1 Report any online safety concern to the E-Safety coordinator the same day.']);
    expect(createPolicyQa([roleOnly]).answer(question).answered).toBe(false);
    const named = await clausePolicy('Oak Rules', ['7. Reporting', '7.1 The E-Safety coordinator is Mrs J Patel (office, extension 214).']);
    expect(createPolicyQa([named]).answer(question).citations[0]?.section.startsWith('7.1')).toBe(true);
  });

  it('is asked only about who holds a role, not who to tell or who is responsible', () => {
    const rule = 'Report any concern to the E-Safety coordinator.';
    expect(nameMissing("who's our DSL?", rule)).toBe(true);
    expect(nameMissing('what is the name of the data protection officer?', rule)).toBe(true);
    expect(nameMissing("who's our DSL?", 'Designated Safeguarding Lead: J. Okafor')).toBe(false);
    expect(nameMissing('who is the right person to tell?', rule)).toBe(false);
    expect(nameMissing('who is responsible for the web filter?', rule)).toBe(false);
    expect(nameMissing('who do I tell if a child sees something upsetting?', rule)).toBe(false);
  });
});

describe('a product asked for', () => {
  it('is not given by a rule that names none: "which encryption program are we supposed to use?"', async () => {
    const question = 'which encryption program are we supposed to use when we email SEN reports?';
    const noProduct = await clausePolicy('Oak Rules', ['8. Sending data', "8.1 Encrypt any attachment holding pupils' personal data before you email it."]);
    expect(createPolicyQa([noProduct]).answer(question).answered).toBe(false);
    const product = await clausePolicy('Oak Rules', ['8. Sending data', "8.1 Encrypt any attachment holding pupils' personal data with Egress before you email it."]);
    expect(createPolicyQa([product]).answer(question).citations[0]?.section.startsWith('8.1')).toBe(true);
  });

  it('is named by a known product written as a name, or by one word with capitals inside it', () => {
    const question = 'which app are we meant to use to message parents?';
    expect(productMissing(question, 'Messages to parents go through ParentMail only.')).toBe(false);
    expect(productMissing(question, 'Use Microsoft Teams for video calls with parents.')).toBe(false);
    expect(productMissing(question, 'Year teams agree how they contact parents.')).toBe(true);
    expect(productMissing('what system is in place for reporting concerns?', 'Report concerns to the DSL.')).toBe(false);
    expect(productMissing('we need new encrypted memory sticks - is there an approved make?', 'Only encrypted memory sticks may be used.')).toBe(true);
    expect(productMissing('which antivirus is on the school laptops?', 'Anti-virus software is kept up to date on every laptop.')).toBe(true);
    expect(productMissing('what should I make sure of before sending?', 'Check the recipients before sending.')).toBe(false);
  });
});

describe('word vectors', () => {
  it('place a question near a passage that shares its meaning but not its words', () => {
    const q = sentenceVector('can I check email on my ipad', true);
    const device = sentenceVector('You may read school email on your own phone or tablet');
    const parking = sentenceVector('Staff must park in the car park behind the hall');
    expect(similarity(q, device)).toBeGreaterThan(similarity(q, parking));
  });

  it('fall back to the base form of a rarer inflection', () => {
    expect(similarity(sentenceVector('attachments'), sentenceVector('attachment'))).toBeGreaterThan(0.99);
  });

  it('give an empty vector, and zero similarity, for words they do not know', () => {
    const unknown = sentenceVector('zzqx blorp');
    expect(similarity(unknown, sentenceVector('email'))).toBe(0);
  });
});
