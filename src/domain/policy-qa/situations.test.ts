import { describe, expect, it } from 'vitest';
import oakfield from '../../../policies/oakfield-email-and-acceptable-use.md?raw';
import { clausePolicy, markdownPolicy } from '../../../test/support/policy.ts';
import { createPolicyQa } from './index.ts';

/**
 * Staff rarely ask in the policy's terms: they tell the bot what has just happened ("I've sent it to
 * the wrong dad") or describe the scene ("on the trip", "at lunch"). Each case pairs the clause that
 * answers with a neighbour that shares more of the question's words. The policies are a few clauses
 * long, too little for the answer model to judge confidence on, so these check the passage chosen.
 */
type Section = [heading: string, ...clauses: string[]];

const rest: Section[] = [
  ['1. Your school account', '1.1 Use your school account for all school business.', '1.2 Automatic forwarding of school email to a personal address is not allowed.'],
  ['2. Passwords', '2.1 Passwords must be at least 12 characters long.', '2.2 Never tell anyone your password, including the IT technician.'],
  ['3. Emailing parents', '3.1 Put parents in Bcc when emailing more than one family.', '3.2 Reply to parents within two working days.'],
  ['12. Monitoring', '12.1 The school monitors the use of its email system and may read messages when investigating a complaint.'],
  ['13. Leavers', '13.1 Return your laptop and keys to the office on your last day.'],
];

const ask = async (question: string, ...sections: Section[]): Promise<string | undefined> => {
  const doc = await clausePolicy('Larchfield Primary Staff Email Policy', ...rest, ...sections);
  return createPolicyQa([doc], { tuning: { answerThreshold: 0 } }).answer(question).citations[0]?.section;
};

const leaving: Section = [
  '8. Leaving the school',
  '8.1 Supply staff and volunteers have accounts that close on the date agreed when the account was made.',
  '8.2 When a member of staff leaves, their account is closed at 5pm on their last working day.',
];

const cases: { does: string; question: string; sections: Section[]; cites: string }[] = [
  {
    does: 'answers "I have done X, what now?" with the clause saying what to do if X happens',
    question: 'oops I clicked a link in an email and typed my password in before I realised it looked dodgy. what now?',
    sections: [
      [
        '9. Phishing and passwords',
        '9.1 You must change your password straight away if you think someone else knows it. Never type your password into a page you reached from a link in an email.',
        '9.2 If you have clicked a link in a suspicious email, tell the IT office at once.',
      ],
    ],
    cites: '9.2 Phishing and passwords',
  },
  {
    does: 'sets aside the arrangements for supply staff and volunteers when the question is not about them',
    question: 'what happens to my account when I leave in July?',
    sections: [leaving],
    cites: '8.2 Leaving the school',
  },
  {
    does: 'answers from those arrangements when the question is about them',
    question: "I'm on supply here until Easter, when does my account close?",
    sections: [leaving],
    cites: '8.1 Leaving the school',
  },
  {
    does: 'reads "I only work Tues and Weds" as part-time, and answers from the clause for part-time staff',
    question: 'I only work tues and weds, do I have to keep switching the auto reply on?',
    sections: [
      [
        '6. Absence',
        '6.1 Switch on an automatic reply whenever you will be away from school for more than two days.',
        '6.2 Part-time and job-share staff do not need an automatic reply on their usual non-working days.',
      ],
    ],
    cites: '6.2 Absence',
  },
  {
    does: 'reads an approval prompt the asker did not start as the rule on unexpected prompts',
    question: "my phone keeps asking me to approve a sign in but I wasn't logging in, should I press approve?",
    sections: [
      [
        '5. Signing in',
        '5.1 Multi-factor authentication is on for every staff account: when you sign in from home you approve the request in the Authenticator app on your phone.',
        '5.2 Never approve a request you did not start. Choose Deny and report it to the IT office.',
      ],
    ],
    cites: '5.2 Signing in',
  },
  {
    does: 'tells former pupils from current ones on social media',
    question: 'Can I add an ex student on Facebook? She finished Year 13 last summer',
    sections: [
      [
        '9. Social media',
        '9.1 Do not accept or send friend or follow requests to current pupils on any personal social media account.',
        '9.2 Former pupils are treated in the same way as current pupils until they are 18.',
      ],
    ],
    cites: '9.2 Social media',
  },
  {
    does: 'reads a worrying disclosure as a safeguarding concern, and "at lunch" as where it happened',
    question: 'a child told me something worrying at lunch, can I just email the DSL?',
    sections: [
      ['4. Working hours', '4.1 Staff may use school email for personal messages at lunch and before or after school.'],
      ['7. Sensitive information', '7.1 Safeguarding concerns must be recorded on CPOMS and are never sent by email, even to colleagues. If it is urgent, tell the DSL in person.'],
    ],
    cites: '7.1 Sensitive information',
  },
  {
    does: 'reads "the video is too big to attach" as a question about large files, not about filming pupils',
    question: "the sports day video is 60MB and Outlook won't send it to the PE lead at our sister academy, how do I get it to her?",
    sections: [
      ['5. Photographs and video', '5.1 Photographs and video of pupils must be taken on school iPads and stored on the school drive.'],
      ['6. Attachments', '6.1 A single email may carry up to 20 MB. For anything larger, share a OneDrive link instead of attaching the file.'],
    ],
    cites: '6.1 Attachments',
  },
  {
    does: 'reads "can school wipe my whole phone?" as about device management, not deleting email',
    question: 'if I put Outlook on my own phone can school wipe the whole thing?',
    sections: [
      [
        '10. Your own phone',
        '10.1 You may read school email on your own phone through the Outlook app, with a PIN or fingerprint lock set.',
        '10.2 Enrolling your phone in Intune lets the school remove the school apps and their data from it, and nothing else.',
      ],
      ['11. Keeping email', '11.1 Email is deleted automatically after 12 months.'],
    ],
    cites: '10.2 Your own phone',
  },
  {
    does: 'answers "sent X to the wrong parent, what now?" with the clause for any email sent to the wrong person, not the one about X',
    question: 'help!! just sent a Y8 behaviour summary to the wrong mum, both lads are in the same form. what do i do now',
    sections: [
      ['6. Pupil records', '6.1 Behaviour summaries and reports for a form are kept on Bromcom and are not sent to parents by email.'],
      ['8. Mistakes', '8.1 If you send personal information to the wrong person, tell the School Business Manager within one hour.'],
    ],
    cites: '8.1 Mistakes',
  },
  {
    does: 'answers "does the policy apply to contractors?" from the clause saying whom it covers, not a rule that names them',
    question: "we've got contractors in who want to use one of the school PCs — does the ICT policy apply to them as well?",
    sections: [
      ['0. Scope', '0.1 This policy covers all users of our school\'s ICT facilities, including governors, staff, volunteers, contractors and visitors.'],
      ['7. Visitors', '7.1 Contractors and visitors must sign in at reception and may use the school PCs only with a guest login from the office.'],
    ],
    cites: '0.1 Scope',
  },
  {
    does: "answers posting on the school's own Twitter from the clause on its official accounts, not staff's personal social media rules",
    question: "would love to put some sports day photos up on the school's twitter, can I just log in and post them?",
    sections: [
      ['5. Social media', '5.1 Keep your personal social media private: change who can see your posts and photos to friends only.', '5.2 Do not post photos of pupils on your personal accounts.'],
      ['6. School accounts', '6.1 The school has an official Twitter page, managed by the office. Only staff it has authorised may post to it.'],
    ],
    cites: '6.1 School accounts',
  },
];

describe('policy Q&A on situations staff describe', () => {
  it.each(cases)('$does', async ({ question, sections, cites }) => {
    expect(await ask(question, ...sections)).toBe(cites);
  });

  it('does not take a topic the policy never mentions for the question when it is only the occasion ("so I can … on my days off")', async () => {
    // Larchfield's policy says nothing about annual leave; its forwarding rule still answers.
    const forwarding: Section = ['4. Forwarding', '4.1 Automatic forwarding of school email to any personal account, such as Gmail or Hotmail, is switched off and must not be set up.'];
    const question = 'can I set my school emails to go automatically to my hotmail so I can keep up on my days off?';
    expect(await ask(question, forwarding)).toBe('4.1 Forwarding');
    // Asked about for itself, the topic the policy is silent on still means the policy does not cover it.
    expect(await ask('how many days off do I get a year?', forwarding)).toBeUndefined();
  });

  it('reads a topic the policy never mentions as the setting when it says where something happened ("on the school bus")', async () => {
    const lost: Section = ['9. Lost devices', '9.1 If a phone or laptop with school email on it is lost or stolen, tell the office the same day.'];
    expect(await ask('left my phone on the school bus last night, its got my emails on it. who do I tell?', lost)).toBe('9.1 Lost devices');
    expect(await ask('how do I book the school bus for a trip?', lost)).toBeUndefined();
  });

  it('answers "what do I do?" with every step of the procedure, not only the step that matched best', async () => {
    const breach: Section = [
      '6. Mistakes',
      '6.1 Check the recipients before you press send.',
      '6.2 If you have sent personal data to the wrong person, you must:',
      '- tell the School Business Manager straight away;',
      '- try to recall the message;',
      '- write down what was sent, to whom and when.',
    ];
    const doc = await clausePolicy('Larchfield Primary Staff Email Policy', ...rest, breach);
    const answer = createPolicyQa([doc], { tuning: { answerThreshold: 0 } }).answer("Just sent a pupil's report to the wrong mum!! what do I do");
    expect(answer.citations[0]?.section).toBe('6.2 Mistakes');
    expect(answer.answer).toBe(
      [
        'If you have sent personal data to the wrong person, you must:',
        '• tell the School Business Manager straight away;',
        '• try to recall the message;',
        '• write down what was sent, to whom and when.',
      ].join('\n'),
    );
    // Each part is cited in the document's own words, the part that matched best first.
    expect(answer.citations.map((c) => c.quote).sort()).toEqual(
      [
        'If you have sent personal data to the wrong person, you must:',
        'tell the School Business Manager straight away;',
        'try to recall the message;',
        'write down what was sent, to whom and when.',
      ].sort(),
    );
  });

  it('cites the clause whose condition says what to do, wherever in the clause the condition comes', async () => {
    // Our sample policy: 2.5 "Check the recipients… If you send personal information to the wrong person,
    // tell the School Business Manager…" against 9.2 "Sharing parents' email addresses… is a data breach."
    const qa = createPolicyQa([await markdownPolicy(oakfield)]);
    expect(qa.answer('I sent an email to the wrong parent, what do I do?').citations[0]?.section).toBe('2.5 Using school email');
  });

  it('reads where a reported event happened as its setting, even when the place is a topic in its own right', async () => {
    // Our sample policy never mentions a minibus, and "on the school bus" only says where the laptop was
    // left: it must not weigh against the lost-device clause.
    const qa = createPolicyQa([await markdownPolicy(oakfield)]);
    const a = qa.answer('left my laptop on the school bus, who do I tell?');
    expect(a.answered).toBe(true);
    expect(a.citations[0]?.section).toBe('10.3 Personal devices and removable media');
  });

  it('answers "what do I do?" after an event from the clause for the event, not from one about what it happened to', async () => {
    const sending: Section = ['7. Sending personal data', "7.1 Before you send anything containing personal data, check the recipient's address: auto-complete is the most common cause of emails going to the wrong person."];
    const mistakes: Section = ['8. Mistakes and data breaches', '8.1 If you have sent an email to the wrong person, recall it straight away and tell the School Business Manager within two hours.'];
    expect(await ask("HELP I've just sent a pupil's SEN report to the wrong mum, what do I do??", sending, mistakes)).toBe('8.1 Mistakes and data breaches');
  });

  it('keeps every idea of a question that tells of an event but asks something else ("will I get in trouble?")', async () => {
    const lost: Section = ['9. Lost devices', '9.1 If a school laptop or iPad is lost or stolen, tell the office the same day so that it can be locked remotely.'];
    const doc = await clausePolicy('Larchfield Primary Staff Email Policy', ...rest, lost);
    const qa = createPolicyQa([doc]);
    expect(qa.answer('my school laptop got pinched out of my car, who do I tell?').features?.complete).toBe(1);
    // Getting into trouble is what is asked, and the lost-device clause says nothing about it.
    expect(qa.answer('my school laptop got pinched out of my car, will I get in trouble?').features?.complete).toBe(0);
    // Paying for it is a topic of its own, which this policy never mentions.
    expect(qa.answer('my school laptop got pinched out of my car, will I have to pay for a new one?').answered).toBe(false);
  });

  it('answers "what is the biggest…?" with the clause stating the limit, not the one saying what to do past it', async () => {
    // Our sample policy words both: "must not be larger than 2 MB" and "for anything bigger than 2 MB, …".
    const qa = createPolicyQa([await markdownPolicy(oakfield)]);
    for (const question of ["what's the biggest attachment I can send?", 'whats the max size for attachmnets']) {
      expect(qa.answer(question).citations[0]?.section).toBe('6.1 Attachments and large files');
    }
  });

  it('answers "what is the biggest file?" with a size, not with another limit ("no more than 14 days")', async () => {
    const files: Section = [
      '5. Attachments and large files',
      '5.4 The maximum size of a single email, including attachments, is 25 MB.',
      '5.5 Share files from OneDrive using the Specific people option, and set the link to expire after no more than 14 days.',
    ];
    expect(await ask('whats the biggest file I can attach to an email?', files)).toBe('5.4 Attachments and large files');
  });

  it('reads an event told without a question ("…and I\'m not signing in??") as asking what to do about it', async () => {
    const mfa: Section = [
      '9. Passwords and MFA',
      '9.3 Multi-factor authentication is required whenever you sign in away from school. Sign-ins are approved in the Authenticator app on your phone.',
      '9.4 If you get an MFA request that you did not start, press Deny and ring the IT office.',
    ];
    const question = "my phone keeps buzzing with authenticator approvals at midnight and I'm not signing into anything??";
    expect(await ask(question, mfa)).toBe('9.4 Passwords and MFA');
  });

  it('declines INSET dates, expense claims and repairs, topics the policy never mentions', async () => {
    // The policy's "exam timetables" are not the staff calendar, and "claim anything back" asks about expenses.
    const mailings: Section = ['6. Emailing parents', '6.3 Heads of Year can ask the Data Office to send large mailings, such as exam timetables, to parents.'];
    expect(await ask("when's the next INSET day after Christmas?", mailings)).toBeUndefined();
    const devices: Section = ['7. Devices', '7.1 You may use your own phone for school email through the Outlook app.'];
    expect(await ask('I use my own phone data for school email, can I claim anything back?', devices)).toBeUndefined();
    // A data leak is not a leaking roof.
    const breaches: Section = ['8. Data breaches', '8.1 Report a data leak to the Data Protection Officer the same day.'];
    expect(await ask('the heating in my classroom is broken, who do I report it to?', breaches)).toBeUndefined();
  });

  it("sets aside a model policy's note to the schools adopting it", async () => {
    const forwarding: Section = [
      '4. Forwarding',
      '4.1 Forwarding of school email to a personal account is blocked.',
      'Note for schools: if your school allows staff to forward school email to a personal Gmail account, amend this clause.',
    ];
    expect(await ask('can I forward my school email to my gmail?', forwarding)).toBe('4.1 Forwarding');
  });
});
