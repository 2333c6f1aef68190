import { accountConcepts } from './lexicon-accounts.ts';
import { offTopicConcepts } from './lexicon-off-topic.ts';
import { securityConcepts } from './lexicon-security.ts';
import { staffConcepts } from './lexicon-staff.ts';

/**
 * Staff-language concepts for UK school email policies. `doc` phrases are how policies word a thing;
 * `ask` phrases are extra ways staff ask about it (brand names, slang). A concept found in a passage or
 * a question becomes one extra term ("#personal-email"), so "my Hotmail" meets "personal accounts".
 * Phrases are matched on stemmed words, so plural and tense variants need no separate entry.
 */
export interface Concept {
  id: string;
  doc: string[];
  ask?: string[];
  /**
   * What kind of answer the question wants (a limit, a duration, a frequency) rather than what it is
   * about. Intents are matched in their own pass, so "biggest attachment" is both about attachment
   * size and asking for a limit.
   */
  intent?: boolean;
  /**
   * A topic in its own right that policies either have a rule on or say nothing about (AI tools,
   * printing, pay). When a question names it and the policy never mentions it, the policy is silent on
   * the question, however well the rest of it matches (policy-qa.ts).
   */
  decisive?: boolean;
  /**
   * Who a question is about rather than what it asks ("the class photos", "a supply teacher in Year
   * 5"): it counts when a passage meets it and is not held against one that does not (analyse.ts).
   */
  incidental?: boolean;
  /**
   * Concepts that, asked about in the same question, make this one incidental: in "the sports day
   * video is too big to email" the video is just a large file, and the question is about its size.
   */
  incidentalBeside?: string[];
  /**
   * Something that happens to a member of staff (an email sent to the wrong person, a lost phone, a
   * link clicked). Told of with "what do I do?", the event is what the question is about; what was sent
   * or lost ("Year 8 behaviour summary") is colour (policy-qa.ts).
   */
  event?: boolean;
}

/** How policies word sharing a file by link: a concept of its own, and one answer to "how do I send it?". */
const SHARE_LINK = ['send a link', 'share a link', 'through a link', 'onedrive', 'google drive', 'shared drive', 'shared area', 'shared folder', 'location path'];

export const emailConcepts: Concept[] = [
  {
    id: 'personal-email',
    // "Any address outside the school" is how forwarding rules name a Gmail or Hotmail account.
    doc: ['personal email', 'personal account', 'personal email account', 'personal email address', 'personal address', 'private email', 'home email', 'address outside', 'addresses outside', 'outside address', 'outside addresses', 'external address', 'external addresses'],
    ask: ['gmail', 'hotmail', 'yahoo', 'icloud', 'outlook.com', 'aol', 'btinternet', 'live.com', 'own email', 'my email at home', 'home address'],
  },
  {
    id: 'attachment-size',
    doc: ['mb', 'megabyte', 'larger than', 'bigger than', 'large attachment', 'message size', 'attachment size', 'in size', 'anything bigger', 'anything larger', 'large file', 'larger file', 'bigger file'],
    ask: ['big file', 'large file', 'huge file', 'too big', 'too large', 'big attachment', 'biggest attachment', 'largest attachment', 'biggest', 'largest', 'file size', 'size limit', 'attachment limit', 'maximum size', 'max size', 'send a video', 'email a video', 'big video', 'what size', 'how large', 'how big a file', 'how large a file', 'how big a video', 'how big an attachment', 'how large an attachment', 'how big can a file', 'how big can an attachment', 'how big can an email'],
  },
  {
    id: 'bcc',
    doc: ['bcc', 'blind copy', 'blind carbon copy', 'hiding recipient', 'stay hidden', 'addresses hidden'],
    ask: ['hide their address', 'hide address', 'hide the address', 'hide recipient', 'hide email address', 'hide everyone', 'see each other', 'see everyone'],
  },
  {
    id: 'disabled',
    doc: ['disabled', 'disable', 'switched off', 'deactivated', 'suspended', 'account end'],
    ask: ['switch off', 'turned off', 'turn off my account', 'locked out', 'shut down', 'cut off', 'stop working', 'lose access', 'closed down'],
  },
  {
    id: 'auto-forward',
    doc: ['automatic forwarding', 'forwarding rule', 'redirect rule', 'mailbox forwarding', 'forward automatically', 'automatically forward', 'auto forward', 'forwarding'],
    ask: ['auto-forward', 'autoforward', 'redirect', 'forward all', 'forward everything', 'forward my email', 'forward my school email', 'forward my work email', 'sends all my', 'send all my'],
  },
  {
    id: 'auto-reply',
    // A policy either has an out-of-office rule or says nothing about automatic replies.
    decisive: true,
    doc: ['automatic reply', 'out of office', 'out-of-office', 'auto reply', 'autoreply'],
    ask: ['ooo', 'away message', 'holiday message', 'automatic response', 'auto response'],
  },
  {
    id: 'personal-device',
    doc: ['personal device', 'own phone', 'own device', 'personal phone', 'personal mobile', 'mobile phone', 'own phone or tablet', 'personal equipment', 'personal laptop', 'own laptop', 'personal electronic device', 'personal digital equipment', 'personal mobile device', 'personal smartphone', 'privately owned'],
    ask: ['phone', 'mobile', 'iphone', 'android', 'smartphone', 'tablet', 'ipad', 'home computer'],
  },
  {
    id: 'removable-media',
    doc: ['removable media', 'memory stick', 'usb', 'usb stick', 'pen drive', 'flash drive', 'portable storage', 'removable storage', 'external hard drive'],
    ask: ['data stick', 'thumb drive', 'external drive', 'usb key'],
  },
  {
    id: 'password',
    doc: ['password', 'passphrase', 'pin', 'login details', 'log-in details', 'credentials'],
    ask: ['passcode', 'login', 'log in details', 'sign-in details'],
  },
  {
    id: 'mfa',
    doc: ['multi-factor', 'multi factor', 'two-factor', 'two factor', '2fa', 'mfa', 'two step', 'authenticator app', 'two-factor authentication', 'multi-factor authentication', 'two factor authentication', 'multi factor authentication'],
    ask: ['two-step', 'second factor', 'verification code'],
  },
  {
    id: 'social-media',
    doc: ['social media', 'social networking', 'social network', 'facebook', 'instagram', 'twitter', 'tiktok', 'snapchat', 'linkedin', 'friend request', 'follow request'],
    ask: ['insta', 'fb', 'whatsapp group', 'tweet', 'tweets', 'tweeting'],
  },
  {
    id: 'auto-delete',
    doc: ['delete messages automatically', 'automatic deletion', 'auto-delete', 'automatically delete', 'deletion of emails', 'rules that delete'],
    ask: ['auto delete', 'delete automatically', 'rule to delete', 'deletes emails', 'empty my inbox automatically', 'clear out automatically', 'rule to delete automatically', 'rule that deletes automatically', 'rules to delete automatically'],
  },
  {
    id: 'retention',
    doc: ['kept for', 'retention', 'retain', 'retained', 'keep', 'kept', 'archive', 'deleted after', 'removed automatically'],
    ask: ['how long do we keep', 'hold on to', 'store emails', 'stored for'],
  },
  {
    id: 'year',
    doc: ['12 months', 'twelve months', 'year', 'annually', 'every year', 'each year'],
    ask: ['yearly'],
  },
  {
    id: 'lost-device',
    event: true,
    doc: ['lost', 'stolen', 'theft', 'loss'],
    ask: ['lose', 'nicked', 'go missing', 'left it on the bus'],
  },
  {
    id: 'photo',
    doc: ['photograph', 'photo', 'picture', 'image', 'camera'],
    ask: ['pic', 'selfie', 'snap'],
  },
  {
    id: 'leaver',
    doc: ['leaves', 'leaving', 'last working day', 'last day', 'left the school', 'termination of employment', 'resignation', 'leavers'],
    ask: ['leave the school', 'when i leave', 'after i leave', 'quit', 'resign', 'moving schools', 'new job'],
  },
  {
    id: 'headteacher',
    doc: ['headteacher', 'head teacher', 'head'],
    ask: ['the head', 'principal', 'head of school'],
  },
  {
    id: 'parent',
    incidental: true,
    doc: ['parent', 'carer', 'families', 'family'],
    ask: ['mum', 'dad', 'mums', 'dads', 'guardian'],
  },
  {
    id: 'acknowledge',
    doc: ['acknowledgement', 'sign', 'signed'],
    ask: ['sign something', 'sign to say', 'confirm i have read'],
  },
  {
    id: 'spam',
    doc: ['spam', 'unwanted mail', 'junk', 'phishing', 'unsolicited'],
    ask: ['scam email', 'junk mail'],
  },
  {
    id: 'monitoring',
    doc: ['monitor', 'monitoring', 'monitored', 'examined', 'inspect', 'intercept', 'read-only access', 'audit trail', 'logged', 'log', 'records'],
    ask: ['read our email', 'read our emails', 'anyone read my', 'someone read my', 'they read my', 'anybody read my', 'read staff emails', 'look at my email', 'spy', 'snoop', 'see my email', 'watch what'],
  },
  {
    id: 'colleague',
    doc: ['colleague', 'teaching assistant', 'member of staff', 'staff member', 'supply staff', 'co-worker'],
    ask: ['ta', 'tas', 'coworker', 'another teacher', 'other teachers', 'my team'],
  },
  {
    id: 'remove',
    doc: ['remove', 'cancel', 'dis-apply', 'disapply', 'edit or hide'],
    ask: ['get rid of', 'take off', 'strip off', 'turn off the', 'switch off the', 'delete the'],
  },
  {
    id: 'reply',
    doc: ['reply', 'respond', 'answer', 'response'],
    ask: ['get back to', 'write back', 'answer emails'],
  },
  {
    id: 'misdirected',
    event: true,
    doc: ['wrong person', 'sent to the wrong', 'send an email in error', 'email in error', 'sent in error', 'data breach'],
    ask: ['wrong parent', 'wrong address', 'wrong family', 'by mistake', 'accidentally sent', 'sent it to the wrong', 'emailed the wrong'],
  },
  {
    id: 'share-link',
    doc: SHARE_LINK,
    ask: ['dropbox', 'wetransfer', 'share a file', 'sharepoint', 'share a big file', 'send a big file'],
  },
  {
    id: 'personal-data',
    doc: ['personal information', 'personal data', 'pupil information', 'pupil data', 'sensitive data', 'sensitive information', 'confidential information'],
    ask: ['pupil details', 'child details', 'children details', 'names and addresses', 'sen information', 'medical information', 'safeguarding information'],
  },
  {
    id: 'absence',
    // Not a bare "away": "straight away", "right away" and "give away" are not absences.
    doc: ['are away', 'be away', 'is away', 'while away', 'when away', 'away from', 'absent', 'absence', 'on leave'],
    ask: ['maternity leave', 'paternity leave', 'sick leave', 'off sick', 'on holiday', 'on a course', 'off work'],
    // "The DSL is out on a course": who is away is colour beside a safeguarding concern.
    incidentalBeside: ['safeguarding-concern'],
  },
  {
    id: 'personal-use',
    doc: ['personal use', 'personal purposes', 'private use', 'personal reasons', 'recreational use'],
    ask: ['personal stuff', 'personal things', 'personal emails', 'personal messages', 'private stuff', 'non-work'],
  },
  {
    id: 'response-time',
    intent: true,
    doc: ['within', 'working days', 'straight away', 'same day', 'immediately', 'promptly', 'reasonable period'],
    ask: ['how quickly', 'how soon', 'how fast', 'deadline', 'turnaround'],
  },
  {
    id: 'document',
    doc: ['document', 'file', 'presentation', 'spreadsheet'],
    ask: ['excel', 'word doc', 'pdf', 'worksheet', 'powerpoint', 'slides'],
  },
  {
    id: 'frequency',
    intent: true,
    doc: ['termly', 'weekly', 'daily', 'annually', 'every year', 'regularly', 'periodically', 'regular intervals', 'each term', 'once a term', 'every term'],
    ask: ['how often', 'how frequently', 'how regularly', 'every year', 'each term', 'once a term', 'every term', 'every half term', 'every month', 'every few months', 'annually', 'termly'],
  },
  {
    id: 'pupil',
    incidental: true,
    doc: ['pupil', 'child', 'children', 'student', 'class', 'year group'],
    ask: ['kid', 'kids', 'my class', 'learner'],
  },
  // "When will my account be switched off?" asks for a moment: a day, a date or a time of day.
  {
    id: 'when',
    intent: true,
    doc: ['last working day', 'last day', 'on the day', 'same day', 'the following day', 'next working day', 'at the end of', 'by the end of', 'on the date', 'date', 'pm', 'midnight', 'noon'],
    ask: ['when will', 'when does', 'when do', 'when is', 'when are', 'what time', 'what date', 'what day', 'by when', 'which day'],
  },
  // "How do I get it over to them?" asks for a way to send something: a link, a secure service, encryption.
  {
    id: 'how-to-send',
    intent: true,
    doc: [...SHARE_LINK, 'upload', 'sharing link', 'sharepoint', 'encrypt', 'encrypted', 'egress', 'secure email', 'secure file', 'send it through', 'send them through'],
    ask: [
      'how do i get it to', 'how do i get it over', 'how do i get them to', 'how do i get them over', 'how can i get it to', 'how can i get them to', 'how am i meant to get',
      'how am i supposed to get', 'how do i send it', 'how do i send them', 'how can i send it', 'how can i send them', 'how should i send', 'best way to send',
      'right way to send', 'how do i share it', 'how do i send the', 'how do i send a',
    ],
  },
  {
    id: 'limit',
    intent: true,
    doc: ['limit', 'limited', 'at most', 'up to', 'no more than', 'maximum', 'exceed', 'not be larger', 'must not be larger', 'reject any', 'over', 'bigger than', 'larger than', 'more than'],
    ask: ['max', 'cap', 'ceiling', 'biggest', 'largest', 'how big', 'how large', 'limit', 'maximum', 'at most', 'up to', 'no more than'],
  },
];

export const concepts: Concept[] = [...emailConcepts, ...securityConcepts, ...staffConcepts, ...accountConcepts, ...offTopicConcepts.map((c) => ({ ...c, decisive: true }))];

/** Concept terms of incidental topics ("#pupil"), marked on any of the concept's entries. */
export const incidentalTopics = new Set(concepts.filter((c) => c.incidental).map((c) => `#${c.id}`));

/** Concept term → the concept terms beside which it is incidental ("#photo" → "#attachment-size"), from any of its entries. */
export const incidentalBeside = new Map<string, Set<string>>();
for (const c of concepts) {
  for (const id of c.incidentalBeside ?? []) {
    const term = `#${c.id}`;
    incidentalBeside.set(term, (incidentalBeside.get(term) ?? new Set()).add(`#${id}`));
  }
}

/** Concept terms of events ("#misdirected"), marked on any of the concept's entries. */
export const eventTopics = new Set(concepts.filter((c) => c.event).map((c) => `#${c.id}`));

/** Concept terms ("#ai-tools") of decisive topics. */
export const decisiveTopics = new Set(concepts.filter((c) => c.decisive).map((c) => `#${c.id}`));
