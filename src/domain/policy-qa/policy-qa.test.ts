import { describe, expect, it } from 'vitest';
import type { PolicyDocument } from '../policy-docs/index.ts';
import { clausePolicy, markdownPolicy } from '../../../test/support/policy.ts';
import { createBaseline, createPolicyQa } from './index.ts';

const source = [
  '# Brook Primary Email Policy',
  '',
  'Policy contact: the Office Manager, office@brook.sch.uk',
  '',
  '## 1. Forwarding',
  '',
  '1.1 Automatic forwarding of school email to personal accounts is not allowed. Forwarding rules will be removed.',
  '',
  '## 2. Attachments',
  '',
  '2.1 Attachments must be no larger than 3 MB. For bigger files, share a link from the school drive instead.',
  '',
  '## 3. Devices',
  '',
  '3.1 Removable media such as USB sticks must be encrypted.',
  '',
  '3.2 School email may be read on a personal device protected by a PIN.',
  '',
  '## 4. Leavers',
  '',
  '4.1 Accounts are disabled at 16:00 on the last working day.',
].join('\n');

const policy = (): Promise<PolicyDocument> => markdownPolicy(source);
const norm = (t: string): string => t.replace(/\s+/g, ' ').trim();

describe('policy Q&A', () => {
  it('meets staff wording through the concept lexicon and cites the clause', async () => {
    const qa = createPolicyQa([await policy()]);
    const cases: Array<[string, string]> = [
      ['Can I forward my school email to my Hotmail?', '1.1 Forwarding'],
      ['my file is too big to email, what should I do?', '2.1 Attachments'],
      ['can I put work on a memory stick?', '3.1 Devices'],
      ['when does my account get switched off when I leave?', '4.1 Leavers'],
      ['can I read my school email on my phone?', '3.2 Devices'],
      // How staff open and close a message is not what they ask about.
      ['Hi, sorry if this is a silly question, but can I put work on a memory stick? Thanks', '3.1 Devices'],
    ];
    for (const [question, section] of cases) {
      const a = qa.answer(question);
      expect(a.answered, question).toBe(true);
      expect(a.citations[0]!.section, question).toBe(section);
      expect(norm(source)).toContain(norm(a.citations[0]!.quote));
      expect(a.citations[0]!.link).toMatch(/^policy:\/\/brook-primary-email-policy#s-/);
    }
  });

  it('declines questions the policy does not cover, naming the contact', async () => {
    const qa = createPolicyQa([await policy()]);
    for (const question of ['how do I book the minibus?', 'can I claim mileage for the trip?', 'what time is the Christmas party?']) {
      const a = qa.answer(question);
      expect(a.answered, question).toBe(false);
      expect(a.citations).toEqual([]);
      expect(a.answer).toBe("Our policy doesn't cover that — please ask the Office Manager, office@brook.sch.uk.");
    }
  });

  it("sets aside the school's own name in a question, but not a role its title block capitalises", async () => {
    const doc = await markdownPolicy(
      [
        '# Brook Primary Email Policy',
        '',
        'Policy owner: Data Protection Lead (School Business Manager)',
        '',
        '## 1. Mistakes',
        '',
        '1.1 If you send personal information to the wrong person, tell the data protection lead straight away.',
        '',
        '1.2 Report a lost laptop to the school business manager on the same day.',
      ].join('\n'),
    );
    const qa = createPolicyQa([doc]);
    expect(qa.answer('I sent a Brook report to the wrong mum, who do I tell?').citations[0]?.section).toBe('1.1 Mistakes');
    expect(qa.answer('does the business manager need to know?').citations[0]?.section).toBe('1.2 Mistakes');
  });

  it('answers with the sentences that answer and quotes the whole clause they came from', async () => {
    const clause =
      '5.1 Staff may read school email on a personal phone only in the Outlook app, behind a six-digit PIN. ' +
      'The school can wipe the Outlook app on a phone that is lost or stolen. ' +
      'Personal tablets are not covered by this clause. ' +
      'Staff who leave must remove the Outlook app on their last working day.';
    const long = [
      '6.1 Removable media such as USB sticks and external hard drives may be used only when no other way of moving files exists.',
      'Every stick must be encrypted with BitLocker before any personal data is copied to it.',
      'Sticks are issued by the IT technician, who keeps a register of their serial numbers and of the member of staff holding each one.',
      'A stick that is no longer needed is handed back to the IT technician, who wipes it and records the date in the register.',
      'Staff must not plug in a stick that a visitor, a parent or a supplier hands them, however urgent the request.',
      'Music, photos and other personal files must never be stored on a school stick, even for a short time.',
      'A lost stick is reported to the school business manager on the day it goes missing.',
    ].join(' ');
    const text = ['# Brook Primary Devices Policy', '', '## 5. Phones', '', clause, '', '## 6. Removable media', '', long].join('\n');
    const qa = createPolicyQa([await markdownPolicy(text)]);
    const wipe = qa.answer('will the school wipe my phone if I lose it?');
    expect(wipe.answer).toMatch(/wipe the Outlook app/);
    expect(wipe.answer).not.toMatch(/last working day/);
    // The quote holds the clause's conditions and exceptions, not only the sentences the engine chose.
    expect(wipe.citations[0]!.quote).toBe(clause.slice(4));
    expect(norm(text)).toContain(wipe.citations[0]!.quote);
    // A clause too long to read in a chat is quoted by its answering sentences only.
    const encrypted = qa.answer('do usb sticks have to be encrypted?');
    expect(long.length).toBeGreaterThan(700);
    expect(encrypted.citations[0]!.quote.length).toBeLessThan(long.length / 2);
    expect(encrypted.citations[0]!.quote).toMatch(/encrypted with BitLocker/);
  });

  it('uses the rephrase hook only when given, and keeps the verbatim citation', async () => {
    const doc = await policy();
    const plain = await createPolicyQa([doc]).ask('is there a size limit for attachments?');
    expect(plain.answer).toBe(plain.citations[0]!.quote);
    const seen: string[] = [];
    const qa = createPolicyQa([doc], {
      rephrase: (question, passages) => {
        seen.push(...passages.map((p) => p.number ?? ''));
        return Promise.resolve(`Up to 3 MB (${question.length})`);
      },
    });
    const worded = await qa.ask('is there a size limit for attachments?');
    expect(worded.answer).toMatch(/^Up to 3 MB/);
    expect(worded.citations).toEqual(plain.citations);
    expect(seen).toEqual(['2.1']);
    const declined = await qa.ask('how do I book the minibus?');
    expect(declined.answered).toBe(false);
    expect(seen).toEqual(['2.1']);
  });

  it('baseline BM25 has no synonyms: brand names find nothing', async () => {
    const base = createBaseline([await policy()], 1);
    expect(base.ask('hotmail gmail yahoo')).toBeUndefined();
    expect(base.ask('encrypted removable media')?.passage.number).toBe('3.1');
  });

  it('reads a table row with the clause introducing the table, so the row stating the amount answers', async () => {
    const doc = await markdownPolicy(
      [
        '# Beech Road Staff ICT Rules',
        '',
        '## 5. Keeping email',
        '',
        '5.1 The table below shows how long messages are kept.',
        '',
        '| Type of message | How long it is kept |',
        '|---|---|',
        '| Everyday email | Deleted two years after it was sent |',
        '| Parent complaints | Six years after the complaint is closed |',
      ].join('\n'),
    );
    const a = createPolicyQa([doc]).answer('how long are emails kept before they get wiped?');
    expect(a.answered).toBe(true);
    expect(a.citations[0]!.quote).toMatch(/two years/);
    expect(a.citations[0]!.section).toBe('5.1 Keeping email — Everyday email');
  });

  it('reads "any address outside the school" in a forwarding rule as covering Gmail', async () => {
    const doc = await clausePolicy(
      'Alder Primary Email Rules',
      [
        '2. Your account',
        '2.1 Use your school account for all school business.',
        '2.2 Automatic forwarding of school email to any address outside alder.sch.uk is switched off for all accounts.',
        '2.3 Keep your password private.',
      ],
      ['3. Attachments', '3.1 Attachments must be no larger than 10 MB.'],
    );
    const a = createPolicyQa([doc]).answer('can I forward my email to my gmail?');
    expect(a.answered).toBe(true);
    expect(a.citations[0]!.section).toBe('2.2 Your account');
  });

  it('answers from the sign-off slip only questions about signing the policy', async () => {
    const doc = await clausePolicy(
      'Birch Academy Email Code',
      [
        '6. Keeping email',
        '6.1 Messages in Inbox, Sent Items and personal folders are automatically deleted three years after the date they were sent or received. Deleted Items is emptied after 30 days.',
        '6.2 Your mailbox is not a filing system: save records to the pupil file on the shared drive, then delete them from your mailbox.',
      ],
      [
        '7. Declaration',
        'Please sign and return this slip to the HR office within two weeks of receiving the code. A copy is kept on your personnel file.',
      ],
    );
    const qa = createPolicyQa([doc]);
    expect(qa.answer('how long are emails kept?').citations[0]?.section).toBe('6.1 Keeping email');
    expect(qa.answer('do I need to sign the policy?').citations[0]?.section).toBe('7 Declaration');
  });

  it('reads "check school email on my phone" as a question about the phone', async () => {
    const doc = await clausePolicy(
      'Hazel Primary Email Rules',
      ['3. Working hours', '3.1 You are not expected to check your email outside your working hours or in the school holidays.'],
      [
        '10. Your own phone or tablet',
        '10.1 You may read school email and Teams on your own phone or tablet, but only through the Outlook and Teams apps.',
        '10.2 Report a lost or stolen device to the office the same day.',
      ],
    );
    const qa = createPolicyQa([doc]);
    expect(qa.answer('can I check school email on my own phone?').citations[0]?.section).toBe('10.1 Your own phone or tablet');
  });

  it("answers staff from the staff rules, not from the pupils' and parents' agreements appended to the policy", async () => {
    const doc = await clausePolicy(
      'Hazel Primary ICT Policy',
      [
        '4. Email',
        '4.1 If you send an email containing personal information to the wrong person, tell the School Business Manager the same day.',
        '4.2 Staff email is monitored by the school and may be read by the headteacher.',
      ],
      [
        '9. Monitoring',
        '9.1 The school keeps logs of the websites staff visit.',
        'I will only open email attachments from people I know, or that my teacher has approved.',
        'I will tell my teacher if I send a message to the wrong person by mistake.',
        "I/we understand that my son's / daughter's email will be monitored and the school will contact me about any breach.",
      ],
    );
    const qa = createPolicyQa([doc]);
    expect(qa.answer("I emailed a pupil's report to the wrong parent, what do I do?").citations[0]?.section).toBe('4.1 Email');
    expect(qa.answer('is my email monitored?').citations[0]?.section).toBe('4.2 Email');
    // A question about the pupils' own rules may still be answered from them.
    expect(qa.answer('can pupils open email attachments?').citations[0]?.quote).toMatch(/my teacher has approved/);
  });

  it('never cites a blank form ("Signed: Date:") and reads "take my laptop home" as taking equipment home', async () => {
    const doc = await clausePolicy(
      'Rowan Primary Acceptable Use',
      ['3. Devices', '3.1 Staff laptops may be taken home, but must be kept out of sight in the car.', '3.2 Personal phones must not be used to photograph pupils.'],
      ['8. Agreement', 'All staff sign this agreement when they join and again each September.', 'Signed (staff member): Date:'],
    );
    const qa = createPolicyQa([doc]);
    expect(qa.answer('can I take my laptop home?').citations[0]?.section).toBe('3.1 Devices');
    expect(qa.answer('do I need to sign this policy?').citations[0]?.quote).toMatch(/each September/);
  });

  it('does not answer from a passage that meets only the circumstances of the question', async () => {
    const doc = await clausePolicy(
      'Larch Primary ICT Code',
      ['2. Receiving email', '2.1 Check your email regularly.', '2.2 Never open attachments from an untrusted source.'],
      ['5. Personal equipment', '5.1 The school allows staff to bring personal mobile phones and devices into school for their own use, but they must be kept out of sight of pupils.'],
    );
    const a = createPolicyQa([doc]).answer('can I check school email on my own phone?');
    expect(a.citations[0]?.section).toBe('5.1 Personal equipment');
  });

  it('reads "someone phoned asking for my password" as a request for the password, not about personal phones', async () => {
    const doc = await clausePolicy(
      'Poplar Primary ICT Code',
      ['3. Phones', '3.1 Personal mobile phones must not be used in classrooms while pupils are present.'],
      ['4. Passwords', '4.1 Keep your password secure. Staff who disclose account or password information may face disciplinary action.'],
    );
    const a = createPolicyQa([doc]).answer('someone phoned asking for my password');
    expect(a.citations[0]?.section).toBe('4.1 Passwords');
  });

  it('prefers the rules to the background section, and reads "break this policy" as asking about consequences', async () => {
    const doc = await clausePolicy(
      'Aspen Primary Social Media Guidance',
      ['1. Background', '1.1 Many staff and parents use social networking sites such as Facebook, and friends, parents and colleagues can see what is posted there.'],
      ['2. Guidance', '2.1 Staff should not become Facebook friends with parents or pupils, or communicate with them through social networking sites.'],
      ['3. Breaches', '3.1 Staff who do not follow this guidance may face disciplinary action.'],
    );
    const qa = createPolicyQa([doc]);
    expect(qa.answer('can I be friends with parents on facebook?').citations[0]?.section).toBe('2.1 Guidance');
    expect(qa.answer('what happens if I break this policy?').citations[0]?.section).toBe('3.1 Breaches');
  });

  it('reads "never tell a colleague your password" as a rule on sharing it, and "can I access my email" as reaching my own mail', async () => {
    const doc = await clausePolicy(
      'Cedar Primary ICT Code',
      ['3. Passwords', '3.1 Enter your personal password each time you log on, and lock your screen when you leave it.', '3.2 Never tell a child or colleague your password.'],
      ['4. Email', '4.1 Staff may read school email at home through Outlook on the web.', '4.2 Delegated access to your mailbox for a colleague needs the headteacher\'s agreement.'],
    );
    const qa = createPolicyQa([doc]);
    expect(qa.answer('can I share my password with my TA?').citations[0]?.section).toBe('3.2 Passwords');
    expect(qa.answer('can I access my school email at home?').citations[0]?.section).toBe('4.1 Email');
  });

  it('answers from the rows of a table rather than from the sentence introducing it', async () => {
    const doc = await markdownPolicy(
      [
        '# Willow Primary Email Policy',
        '',
        '## 14. Keeping and deleting email',
        '',
        '14.1 Email is not a filing system: save records to the pupil file.',
        '',
        '14.2 The table below shows how long different kinds of message are kept.',
        '',
        '| Type of message | How long it is kept |',
        '| --- | --- |',
        '| Everyday email (inbox, sent items, folders) | Deleted automatically two years after it was sent or received |',
        '| SEND and EHCP correspondence | Until the pupil\'s 25th birthday |',
        '| Deleted Items folder | Emptied automatically after 30 days |',
      ].join('\n'),
    );
    const qa = createPolicyQa([doc]);
    const a = qa.answer('how long are emails kept?');
    expect(a.answered).toBe(true);
    expect(a.citations[0]!.quote).toMatch(/two years/);
    // The catch-all row answers the general question; a question naming a kind gets that kind's row.
    expect(qa.answer('how long do we keep EHCP emails?').citations[0]?.quote).toMatch(/25th birthday/);
  });

  it('never answers from the contents list, wherever it sits', async () => {
    const doc = await markdownPolicy(
      [
        '# Holly Primary Email Policy',
        '',
        'This policy was approved by the governing body in September and applies to every member of staff who uses a school account.',
        '',
        '## Contents',
        '',
        '- 14. Keeping email',
        '- 15. Email signatures and the school disclaimer',
        '',
        '## 14. Keeping email',
        '',
        '14.1 Email is deleted automatically two years after it was sent.',
        '',
        '## 15. Signatures',
        '',
        '15.1 A confidentiality notice is added automatically to every email sent outside the school; you must not remove it.',
      ].join('\n'),
    );
    const a = createPolicyQa([doc]).answer('is there a disclaimer on my emails?');
    expect(a.citations[0]?.section).toBe('15.1 Signatures');
  });

  it('reads "how big a file can I email?" as asking the attachment limit', async () => {
    const doc = await clausePolicy(
      'Oak Primary Email Rules',
      ['6. Attachments', '6.1 The maximum size of a single email, including all attachments, is 15MB. Messages larger than this will be rejected.'],
      ['7. Files', '7.1 Save work files to the staff SharePoint site, not to the desktop.', '7.2 Do not download files from websites you do not trust.'],
    );
    const a = createPolicyQa([doc]).answer('how big a file can I email?');
    expect(a.answered).toBe(true);
    expect(a.citations[0]!.section).toBe('6.1 Attachments');
  });

  it('reads "set up a rule to delete emails automatically" as one idea, with no limit asked for', async () => {
    const doc = await clausePolicy(
      'Ash Academy ICT Rules',
      ['5. Mailbox housekeeping', '5.3 Rules that sort mail into folders are fine. Rules that delete mail, or that send it straight to Deleted Items, are not permitted and will be removed.'],
      ['6. Attachments', '6.1 Attachments are limited to 10MB; no more than 20 recipients may be added to one message.'],
    );
    const a = createPolicyQa([doc]).answer('can I set up a rule to delete emails automatically?');
    expect(a.answered).toBe(true);
    expect(a.citations[0]!.section).toBe('5.3 Mailbox housekeeping');
  });

  it('answers "can I…?" with the sentence that permits or forbids, not its neighbour that describes', async () => {
    const doc = await clausePolicy(
      'Beech Primary ICT Policy',
      [
        '8. Using your own phone or tablet',
        '8.2 School email can be read on your own phone or tablet only through the Outlook app, with a PIN set.',
        '8.3 If a personal phone or tablet that has your school email on it is lost or stolen, tell the School Business Manager the same day so that the school email on it can be wiped.',
      ],
    );
    const a = createPolicyQa([doc]).answer('can I get school emails on my own phone');
    expect(a.citations[0]?.section).toBe('8.2 Using your own phone or tablet');
    const allows = await clausePolicy(
      'Spruce Primary ICT Policy',
      [
        '6. Personal devices',
        '6.1 The school allows staff to bring personal mobile phones and devices into school for their own use, including reading school email.',
        '6.2 I will not give out my own personal details, such as my mobile phone number or personal email address, to pupils or parents.',
      ],
    );
    expect(createPolicyQa([allows]).answer('can I check school email on my own phone?').citations[0]?.section).toBe('6.1 Personal devices');
  });

  it('tells the disclaimer the mail server adds from the signature staff write', async () => {
    const sections: [string, ...string[]][] = [
      ['2. Your school account', '2.5 Use the standard school email signature: your name, your job title and the school phone number.'],
      [
        '7. Out of office',
        '7.1 Switch on an automatic reply whenever you will be away from school for two working days or more.',
        '7.3 Part-time staff do not need an automatic reply on their normal non-working days; the working pattern is added to the email signature instead.',
      ],
      ['8. Sending outside school', '8.1 Check the address before you email someone outside school, and use BCC for groups of parents.'],
    ];
    const withSignatureOnly = await clausePolicy('Maple Primary Email Rules', ...sections);
    const withDisclaimer = await clausePolicy('Hornbeam Primary Email Rules', ...sections, [
      '9. Disclaimer',
      '9.1 A confidentiality disclaimer is added automatically by the mail server to every email sent outside the school.',
    ]);
    const question = 'does a disclaimer get added automatically when I email someone outside school?';
    expect(createPolicyQa([withSignatureOnly]).answer(question).answered).toBe(false);
    expect(createPolicyQa([withDisclaimer]).answer(question).citations[0]?.section).toBe('9.1 Disclaimer');
  });

  it('declines "how many hours…?" when the passage gives no number, only "immediately"', async () => {
    const doc = await clausePolicy(
      'Linden Primary ICT Policy',
      [
        '6. Incident reporting',
        '6.1 Any security breaches or attempts, loss of equipment and any unauthorised use or suspected misuse of ICT must be immediately reported to the headteacher. All data breaches, lost or stolen equipment or data and virus notifications must also be reported to the business manager.',
      ],
      ['7. Passwords', '7.1 Passwords must be at least twelve characters long.'],
    );
    const qa = createPolicyQa([doc]);
    expect(qa.answer('If we have a data breach, how many hours have we got to report it to the ICO?').answered).toBe(false);
    expect(qa.answer('how many characters does my password need?').citations[0]?.section).toBe('7.1 Passwords');
  });

  it('answers a list item too short to stand alone with the clause that introduces the list, quoting the item as written', async () => {
    const doc = await markdownPolicy(
      [
        '# Yew Primary ICT Policy',
        '',
        '## 5. Monitoring',
        '',
        '5.1 The school reserves the right to monitor the use of its ICT facilities and network, including:',
        '',
        '- Email accounts',
        '- Internet sites visited',
        '- Files saved on the network',
        '',
        '## 6. Passwords',
        '',
        '6.1 Passwords must be at least twelve characters long and must never be shared.',
      ].join('\n'),
    );
    const a = createPolicyQa([doc]).answer('is my email monitored?');
    expect(a.citations[0]?.quote).toBe('Email accounts');
    expect(a.answer).toBe('The school reserves the right to monitor the use of its ICT facilities and network, including: Email accounts');
    // A table row already reads with its label; it is not prefixed with the sentence above the table.
    const table = await markdownPolicy(
      ['# Yew Primary Email Policy', '', '## 7. Keeping email', '', '7.1 The table below shows how long items are kept.', '', '| Item | Kept for |', '| --- | --- |', '| Deleted Items | 30 days |', '| Inbox | Two years |'].join('\n'),
    );
    const row = createPolicyQa([table]).answer('how long are deleted items kept?');
    expect(row.citations[0]?.quote).toMatch(/30 days/);
    expect(row.answer).toBe(row.citations[0]?.quote);
  });

  it('reads "do I need to sign this policy?" as about the declaration, not about signing in', async () => {
    const doc = await clausePolicy(
      'Alder Academy ICT Policy',
      [
        '7. Passwords and signing in',
        '7.1 Screens must be locked whenever you step away, and interactive whiteboards frozen before you open email in front of a class.',
        '7.2 Passwords must be at least 14 characters long.',
      ],
      ['10. AI tools', '10.2 Do not sign up to new websites or apps with your academy email address until the DPO has checked them.'],
      ['13. Sanctions and your declaration', '13.2 All staff complete the declaration below on appointment and re-confirm it each September.', 'Name: Signed: Date:'],
    );
    expect(createPolicyQa([doc]).answer('do I need to sign this policy?').citations[0]?.section).toBe('13.2 Sanctions and your declaration');
  });

  it('reads an FAQ answer with its question, and cites the answer', async () => {
    const doc = await markdownPolicy(
      [
        '# Larch Lane Primary Email Code',
        '',
        '## 4. Phones',
        '',
        '4.1 Pupil photos must never be stored on a personal phone.',
        '',
        '## 12. Frequently asked questions',
        '',
        'Q: Can I have my school email on my own phone?',
        '',
        'A: Yes, in the Outlook app, as long as the phone has a passcode.',
        '',
        'Q: Do I need an out-of-office for the residential?',
        '',
        'A: Yes, for anything longer than one working day.',
      ].join('\n'),
    );
    const a = createPolicyQa([doc], { tuning: { answerThreshold: 0 } }).answer('is it ok to get work emails on my personal mobile?');
    expect(a.citations[0]?.section).toBe('12 Frequently asked questions — Can I have my school email on my own phone?');
    expect(a.citations[0]?.quote).toMatch(/^A: Yes, in the Outlook app/);
  });

  it('reads a question on a "Quick answers" page with the paragraph answering it, as one passage', async () => {
    const doc = await markdownPolicy(
      [
        '# St Wilfrid Email Code',
        '',
        "## What's in this policy",
        '',
        'Quick answers',
        '',
        '1. Your school email',
        '',
        '2. Leaving',
        '',
        '## Quick answers',
        '',
        'Can I forward my school email to my personal email?',
        '',
        'No. Automatic forwarding to any non-school address is switched off. (Section 3.3)',
        '',
        '## 1. Your school email',
        '',
        '1.1 Use your school account for all school business.',
      ].join('\n'),
    );
    const a = createPolicyQa([doc]).answer('can I forward my email to my gmail?');
    expect(a.citations[0]?.section).toBe('Quick answers — Can I forward my school email to my personal email?');
    expect(doc.sections.map((s) => s.heading)).not.toContain("What's in this policy");
  });

  it('reads a numbered clause that asks, answered by the paragraph under it, as one passage with the clause number', async () => {
    const doc = await clausePolicy(
      'Redbrook E-Safety and Email Policy',
      [
        '3. Your e-mail account',
        '3.3 Can I set my school e-mail to forward to my home account automatically?',
        'No. Automatic forwarding to addresses outside the Federation has been switched off and must not be set up in any other way.',
        '3.4 Write every e-mail as if the person it is about might read it one day.',
      ],
    );
    const a = createPolicyQa([doc]).answer('can I forward my email to my gmail?');
    expect(a.citations[0]?.section).toBe('3.3 Your e-mail account — Can I set my school e-mail to forward to my home account automatically?');
    expect(a.citations[0]?.quote).toMatch(/^(No\. )?Automatic forwarding to addresses outside the Federation/);
  });

  it('reads "who keeps this policy up to date?" as about the policy\'s own review, not about keeping details up to date', async () => {
    const doc = await clausePolicy(
      'Hazel Lane Computing and Email Policy',
      ['4. Passwords', '4.1 Choose a strong password and keep it secure. Change it at once if you think someone else knows it, and keep your recovery details up to date.'],
      ['6. Email', '6.1 Use your school account for all email about pupils and parents.'],
      [
        '9. Monitoring and review',
        '9.1 The headteacher and the computing lead monitor the implementation of this policy, including ensuring that it is updated as systems and guidance change.',
        '9.2 This policy will be reviewed every two years by the governing body.',
      ],
    );
    const qa = createPolicyQa([doc]);
    for (const question of ["who's in charge of keeping this IT policy up to date?", 'when is the policy next reviewed?']) {
      expect(qa.answer(question).citations[0]?.section, question).toMatch(/^9\.[12] Monitoring and review/);
    }
    // "Up to date" asks for no limit, and a clause that only keeps details up to date says nothing of antivirus.
    expect(qa.answer('is my antivirus up to date?').answered).toBe(false);
  });

  it('answers "which laws is this based on?" from the list of legislation, and a site manager\'s lost memory stick by the car park from the loss rule', async () => {
    const doc = await clausePolicy(
      'Hazel Lane Computing and Email Policy',
      ['2. Legislation and guidance', '2.1 This policy takes account of the following legislation and guidance: the Data Protection Act 2018, UK GDPR, and Keeping Children Safe in Education.'],
      ['4. Passwords', '4.1 Choose a strong password and keep it secure. Use a different password for your school account from any personal one.'],
      ['5. Devices', '5.1 Report the loss or theft of any school device or memory stick to the school business manager the same day.'],
    );
    const qa = createPolicyQa([doc]);
    expect(qa.answer('which laws is this policy based on?').citations[0]?.section).toMatch(/^2\.1/);
    // Neither "site manager" nor "car park" is what is asked, so a policy naming neither still answers.
    const lost = qa.answer('site manager here, I lost a memory stick somewhere between the car park and the office :( who do I tell?');
    expect(lost.answered).toBe(true);
    expect(lost.citations[0]?.section).toMatch(/^5\.1/);
  });

  it('reads searching a pupil\'s phone and access given by mistake in staff words', async () => {
    const doc = await clausePolicy(
      'Rowan Primary ICT Policy',
      [
        '6. Pupils',
        "6.1 Under the Education Act 2011 the school has the right to search pupils' phones and devices for content that breaks school rules.",
        '6.2 Staff must not give pupils their personal phone number or contact pupils from a personal phone.',
      ],
      [
        '8. Security',
        '8.1 Users must not access, or attempt to access, files or systems they have not been granted access to. If access is provided in error, alert the SBM immediately.',
        '8.2 Staff must not share their login with a colleague, including to give them access to the HR folder.',
      ],
    );
    const qa = createPolicyQa([doc]);
    expect(qa.answer("are we allowed to look through a pupil's phone if we think there's something on it?").citations[0]?.section).toMatch(/^6\.1/);
    expect(qa.answer("I've been given access to the HR folder with everyone's contracts in it, should I tell someone?").citations[0]?.section).toMatch(/^8\.1/);
  });

  it('reads leaving pupils on the iPads with no adult there as a question about supervision', async () => {
    const doc = await clausePolicy(
      'Ash Primary ICT Policy',
      [
        '5. Devices',
        '5.1 Staff may use their personal devices, such as phones or iPads, in line with this policy, away from pupils.',
        '5.2 Staff who are given school iPads must keep them locked when not in use.',
      ],
      ['6. Pupils', '6.1 Computers and iPads are available to pupils only under the supervision of staff.', '6.2 Pupils must not leave the school site with school equipment.'],
    );
    const qa = createPolicyQa([doc]);
    for (const question of ['can I leave a group of y3s on the ipads while I nip to the photocopier?', 'some year 6s want to use the ipads at lunch, can they go on their own?']) {
      expect(qa.answer(question).citations[0]?.section, question).toMatch(/^6\.1/);
    }
  });

  it('reads a parent stopping the school using photos as taking consent back', async () => {
    const doc = await clausePolicy('Elm Primary Images Policy', [
      '4. Photographs',
      '4.1 On entry to the school, parents are asked to give permission for photographs of their child to be used on the school website and in the newsletter.',
      '4.2 Photographs of pupils must not be stored on personal devices.',
      '4.3 Parents may withdraw permission, in writing, at any time.',
    ]);
    const qa = createPolicyQa([doc]);
    for (const question of ['A mum has asked me how she can stop us using photos of her son. what do I tell her?', 'can a parent take back the photo consent she gave?']) {
      expect(qa.answer(question).citations[0]?.section, question).toMatch(/^4\.3/);
    }
  });
});
