import type { Concept } from './lexicon.ts';

/**
 * How staff in UK schools actually word questions about IT and email rules, and the neighbouring topics
 * policies often leave out. Entries with an id already in lexicon.ts add wordings to that concept; new
 * ids name topics of their own. Written from how staff talk (staffroom, helpdesk tickets), not from any
 * evaluation question. A topic the policy never mentions matters as much as one it does: when a
 * question names it, the answerer knows the policy is silent (answerability.ts, `topicMissing`).
 */
export const staffConcepts: Concept[] = [
  {
    id: 'auto-forward',
    doc: ['redirected', 'auto-forwarded', 'copied by rule', 'forwarded automatically', 'automatic forwarding'],
    ask: [
      'go straight to my', 'come through to my', 'come to my', 'go to my', 'emails go to', 'mail go to', 'email go to',
      'send everything to', 'copy all my emails', 'copy all my email', 'set my email to go', 'set my emails to go', 'set my school email to go',
      'set my school mail to go', 'auto send', 'all my emails to', 'all my school emails to',
    ],
  },
  {
    id: 'attachment-size',
    doc: ['maximum size', 'size of a single email', 'size limit', 'megabytes', 'rejected by the mail', 'will be rejected'],
    ask: ['how big', 'bounces back', 'bounce back', 'bounced back', 'too big to send', 'too big to email', 'too big to attach', 'too large to attach', 'too large to email', 'too large to send', 'megs', 'gb', 'massive file', 'file be', 'won\'t send', 'wont send'],
  },
  {
    id: 'misdirected',
    doc: ['wrong recipient', 'wrong person', 'incorrect recipient', 'personal data breach', 'breach'],
    ask: ['wrong mum', 'wrong dad', 'wrong parent', 'wrong parents', 'wrong family', 'wrong email', 'wrong address', 'wrong teacher', 'wrong school', 'meant for someone else', 'not meant for me', 'sent to the wrong', 'sent it to the wrong', 'emailed the wrong', 'sent it by accident', 'sent by accident', 'accidentally emailed', 'accidentally sent', 'oops'],
  },
  // The other side of a misdirected email: one received that was meant for someone else.
  {
    id: 'received-in-error',
    doc: ['receive an email in error', 'received in error', 'receive an email intended', 'not the intended recipient', 'intended recipient', 'received by mistake'],
    ask: ['meant for someone else', 'not meant for me', 'wasn\'t meant for me', 'intended for someone else', 'got an email by mistake', 'received an email by mistake', 'sent to me by mistake', 'sent me by mistake', 'got someone else\'s email'],
  },
  // Finding yourself with access you should not have: a folder, a system, a colleague's files.
  {
    id: 'access-error',
    doc: ['access is provided in error', 'provided in error', 'not been granted access', 'should not have access', 'not been given access'],
    ask: ['been given access', 'given access to', 'got access to', 'can get into', 'can see everyone\'s', 'shouldn\'t have access', 'should not be able to see', 'shouldn\'t be able to see'],
  },
  {
    id: 'delegation',
    doc: ['delegate', 'delegated access', 'delegation', 'access to your mailbox', 'access to another', 'see your mailbox', 'shared mailbox', 'another person\'s mailbox'],
    ask: ['keep an eye on my inbox', 'keep an eye on my email', 'keep an eye on my emails', 'check my inbox while', 'check my emails while', 'cover my emails', 'cover my inbox', 'look after my inbox', 'access my inbox', 'access my emails', 'into my inbox'],
  },
  {
    id: 'password',
    doc: ['login details', 'log in details', 'sign-in details', 'password'],
    ask: ['my login', 'my log in', 'my logon', 'my password', 'login details', 'use my login', 'use my account'],
  },
  {
    id: 'personal-use',
    doc: ['personal use', 'private use', 'personal purposes', 'limited personal use', 'primarily intended for educational use', 'non-work purposes', 'non-work related', 'not work related'],
    ask: ['online shopping', 'shopping', 'amazon order', 'amazon orders', 'ebay', 'book my holiday', 'book a holiday', 'holiday flights', 'online banking', 'banking', 'football scores', 'check the news', 'facebook at lunch', 'for myself', 'side business', 'side hustle', 'personal things', 'personal errands'],
  },
  {
    id: 'absence',
    doc: ['away from school', 'extended periods', 'on leave', 'absent', 'absence', 'away for'],
    ask: ['mat leave', 'maternity', 'paternity', 'off sick', 'an op', 'operation', 'on a course', 'off on a course', 'residential', 'off work', 'while i\'m off', 'while im off', 'when i\'m off', 'when im off', 'on holiday', 'away for', 'signed off'],
  },
  {
    id: 'auto-reply',
    doc: ['out-of-office', 'out of office', 'automatic reply', 'automatic replies', 'auto-reply', 'absence message'],
    ask: ['ooo', 'out of office', 'away message', 'holiday reply', 'auto reply'],
  },
  {
    id: 'pupil',
    doc: ['pupil', 'pupils', 'child', 'children', 'student', 'students', 'learner', 'former pupil', 'ex-pupil'],
    ask: [
      'kid', 'kids', 'my class', 'my tutor group', 'tutor group', 'reception', 'nursery', 'sixth form', 'sixth former', 'ex pupil', 'old pupil',
      'past pupil', 'girl in my class', 'boy in my class', 'year 1', 'year 2', 'year 3', 'year 4', 'year 5', 'year 6', 'year 7', 'year 8', 'year 9', 'year 10',
      'year 11', 'year 12', 'year 13', 'year 6s', 'year 11s', 'y1', 'y2', 'y3', 'y4', 'y5', 'y6', 'y7', 'y8', 'y9', 'y10', 'y11', 'y12', 'y13', 'yr 6', 'yr 11',
    ],
  },
  {
    // Policies set their own rule for pupils who have left (often "until they are 18"), apart from
    // current pupils.
    id: 'former-pupil',
    doc: ['former pupil', 'former pupils', 'former student', 'former students', 'ex-pupil', 'ex-pupils', 'past pupil', 'past pupils', 'pupils who have left', 'pupil who has left', 'pupils who left', 'pupil who left', 'students who left', 'students who have left', 'young ex-pupil'],
    ask: ['ex pupil', 'ex student', 'ex-student', 'old pupil', 'old student', 'used to teach', 'left us', 'who left', 'has left', 'left last year', 'left in the summer', 'my old year', 'one of my old', 'finished year', 'now at secondary', 'now at college', 'now at uni', 'left school'],
  },
  {
    // A child's worrying disclosure goes through the safeguarding system, whatever the question calls
    // it; policies say whether email may carry it.
    id: 'safeguarding-concern',
    doc: ['safeguarding concern', 'safeguarding concerns', 'child protection concern', 'child protection concerns', 'safeguarding information', 'safeguarding record', 'child protection record', 'cpoms', 'myconcern', 'disclosure'],
    ask: ['something worrying', 'told me something', 'disclosed', 'made a disclosure', 'a disclosure', 'worried about a child', 'worried about a pupil', 'worried about one of', 'concern about a child', 'concern about a pupil', 'bruise', 'bruises', 'things at home', 'about home', 'welfare concern'],
  },
  {
    id: 'social-media',
    doc: ['social media', 'social networking', 'friend request', 'friendship', 'friendships', 'followers', 'follower', 'contacts on', 'online friendships'],
    ask: ['insta', 'tik tok', 'follow me', 'followed me', 'follow her', 'follow him', 'follow them', 'follow back', 'follow request', 'friends with', 'friend them', 'unfriend', 'add them on', 'add her on', 'add him on', 'dm', 'dms', 'check in', 'my profile'],
  },
  {
    id: 'photo',
    incidentalBeside: ['attachment-size'],
    doc: ['photograph', 'photographs', 'photo', 'photos', 'image', 'images', 'video', 'videos', 'film', 'filming'],
    ask: ['pics', 'pic', 'piccies', 'snaps', 'take pictures', 'film it', 'video of'],
  },
  {
    id: 'personal-device',
    doc: ['own device', 'own phone', 'personal phone', 'personal device', 'personally owned', 'privately owned'],
    ask: ['my phone', 'my own phone', 'my mobile', 'my own mobile', 'my iphone', 'my ipad', 'my own ipad', 'my own laptop', 'my home laptop', 'my home computer', 'my own tablet', 'my personal mobile', 'samsung', 'my own samsung', 'pixel', 'huawei', 'my android'],
  },
  {
    id: 'share-credentials',
    doc: ['share your password', 'share it with', 'never share', 'tell anyone your password', 'disclose your password', 'let anyone else', 'logged in as you', 'use your account', 'anyone else\'s login'],
    ask: ['give my password', 'give them my password', 'give him my password', 'give her my password', 'give my login', 'give them my login', 'give it to them', 'give it him', 'give it her', 'do i give them', 'should i give them', 'do i give it', 'tell them my password', 'hand over my password', 'use my login', 'use my account', 'use my password', 'borrow my login', 'lend my login'],
  },
  {
    id: 'who-to-tell',
    intent: true,
    // Single verbs: an intent is met by any reporting instruction ("Report a lost laptop to the SBM").
    doc: ['report', 'reported', 'tell', 'inform', 'notify', 'contact', 'speak to', 'let the', 'pass it to', 'forward it to', 'alert'],
    ask: ['who do i tell', 'who should i tell', 'who do i contact', 'who do i report', 'who should i report', 'who do i ask', 'who do i speak to', 'who do i go to', 'who to tell', 'who to contact', 'who needs to know', 'who do i need to tell', 'do i need to tell anyone', 'should i tell anyone', 'tell someone', 'who do i call', 'who should i call', 'who do i ring', 'who do i phone', 'who do i email', 'who should i email', 'who do i let know', 'who do i inform', 'who should i contact', 'who do i notify'],
  },
  {
    id: 'retention',
    doc: ['retention period', 'retention schedule', 'deleted after', 'kept for', 'automatically deleted', 'permanently deleted'],
    ask: ['hang on to', 'hang onto', 'hang around', 'hold onto', 'hold on to', 'vanish', 'disappear', 'get wiped', 'wiped', 'get deleted', 'cleared out', 'stay in my inbox', 'gone for good'],
  },
  {
    id: 'device-in-car',
    doc: ['unattended vehicle', 'unattended vehicles', 'unattended car', 'in a vehicle', 'in the boot', 'in a car', 'left in a car', 'locked boot', 'out of sight in'],
    ask: ['in the car', 'in my car', 'car boot', 'in the boot', 'on the back seat', 'in the car park'],
  },
  {
    id: 'write-down',
    doc: ['write down', 'written down', 'write it down', 'sticky note', 'note on your phone', 'writing down'],
    ask: ['post-it', 'post it', 'postit', 'jot down', 'jot it down', 'notebook', 'in my diary', 'on a note', 'remember my password', 'remember my login'],
  },
  {
    id: 'personal-contact',
    doc: ['personal phone number', 'personal phone numbers', 'personal contact details', 'personal mobile number', 'home address', 'personal email address'],
    ask: ['my mobile number', 'my number', 'my phone number', 'text me', 'whatsapp me', 'my home number', 'my personal number'],
  },
  {
    id: 'personal-data',
    doc: ['personal data', 'special category', 'sensitive data', 'confidential', 'pupil data', 'pupil information', 'assessment data'],
    ask: ['ehcp', 'sen report', 'sen info', 'sen paperwork', 'iep', 'tracking data', 'class list', 'mark book', 'markbook', 'a report', 'the report', 'school report',
      // Not a bare "reports": stemmed, it would be every "report it to…".
      'end of year reports', 'pupil reports', 'write reports', 'my reports', 'their reports', 'class reports', 'sen review', 'ehcp review', 'annual review', 'review notes', 'safeguarding notes', 'medical info', 'bank details', 'data about pupils', 'pupil names', 'support plan', 'care plan', 'health care plan', 'behaviour plan', 'pupil passport'],
  },
  {
    id: 'phishing',
    doc: ['phishing', 'suspicious', 'scam', 'claiming to be', 'impersonat', 'fraud', 'spoof'],
    ask: ['gift card', 'gift cards', 'vouchers', 'itunes cards', 'is it legit', 'is it real', 'is it genuine', 'dodgy link', 'dodgy email', 'clicked a link', 'clicked on a link', 'said they were from', 'saying they were from', 'pretending to be', 'weird email', 'strange email', 'funny email'],
  },
  {
    id: 'lost-device',
    doc: ['lost or stolen', 'lost', 'stolen', 'theft', 'missing'],
    ask: ['left my laptop', 'left my ipad', 'left my phone', 'left it on the train', 'left it on the bus', 'cant find my', 'can\'t find my', 'nicked', 'broken into', 'pinched'],
  },
  {
    id: 'leaver',
    doc: ['leave the school', 'leaving the school', 'leave employment', 'leavers', 'last working day', 'final day', 'termination', 'resignation', 'end of employment', 'leaves'],
    ask: ['my last day', 'move schools', 'moving schools', 'moving on', 'leaving at', 'leaving in', 'when i leave', 'after i leave', 'before i leave', 'once i leave', 'if i leave', 'retire', 'retiring', 'hand back', 'hand in my', 'new job', 'finish at the end', 'finishing at'],
  },
  {
    id: 'bcc',
    doc: ['blind copy', 'bcc', 'blind carbon copy', 'hidden', 'hide the addresses'],
    ask: ['see each others addresses', 'see each other\'s addresses', 'see each others emails', 'see everyones address', 'see everyone\'s address', 'see all the addresses', 'to box', 'to line', 'all their addresses', 'everyones email address'],
  },
  {
    id: 'group-email',
    doc: ['group email', 'group emails', 'groups of parents', 'whole class', 'year group', 'mailing list', 'distribution list', 'global messages', 'global email'],
    ask: ['all the parents', 'all the class parents', 'every parent', 'the whole class', 'all staff email', 'everyone in school', 'whole school email', 'all parents'],
  },
  {
    id: 'cc',
    doc: ['cc', 'copy in', 'copied in', 'carbon copy'],
    ask: ['copy anyone in', 'copy someone in', 'cc in', 'copy my line manager', 'copy the head'],
  },
  {
    id: 'response-time',
    intent: true,
    doc: ['within', 'working days', 'school days', 'hours', 'acknowledge'],
    ask: ['heard anything back', 'heard back', 'too slow', 'chasing me', 'how long to reply', 'how long to answer', 'how fast should i reply', 'reply by'],
  },
  {
    id: 'encryption',
    doc: ['encrypt', 'encrypted', 'encryption', 'secure email', 'securely', 'password protect', 'password-protected'],
    ask: ['safely', 'send it safely', 'secure', 'lock the file'],
  },
  {
    id: 'software',
    doc: ['install', 'installed', 'software', 'apps', 'application', 'download', 'programs'],
    ask: ['game', 'games', 'add-on', 'extension', 'plug-in', 'put it on my laptop'],
  },
  {
    id: 'hardware',
    doc: ['hardware', 'peripheral', 'peripherals', 'plug in', 'connect any', 'alter any settings', 'adjust or alter'],
    ask: ['speaker', 'speakers', 'plug in', 'plug a', 'plug my', 'plug into', 'plug it into', 'plug laptop', 'plug computer', 'plug device', 'headphones', 'printer', 'projector', 'charger', 'cable', 'keyboard', 'mouse'],
  },
  // Where email lives: staff say "inbox" for what policies call the mailbox.
  {
    id: 'mailbox',
    doc: ['mailbox', 'mailboxes', 'inbox', 'inboxes'],
  },
  // Selling things or running a business through school email.
  {
    id: 'selling',
    doc: ['selling', 'sell', 'for sale', 'sale of', 'advertising', 'commercial purposes', 'commercial activity', 'private business', 'business use', 'promoting a private business', 'promote private businesses'],
    ask: ['flog', 'flogging', 'sold', 'buy it', 'buy my', 'place orders', 'take orders', 'flyer', 'flyers', 'my business', 'small business', 'my own business'],
  },
  // Whom the policy binds: "does the ICT policy apply to contractors?" is answered by its scope clause.
  {
    id: 'policy-scope',
    doc: ['policy applies to', 'policy covers', 'this policy applies', 'this policy covers', 'covers all users', 'applies to all', 'scope of this policy', 'applies equally to'],
    ask: ['apply to', 'applies to', 'covered by the policy', 'covered by this policy', 'does the policy cover', 'does this policy cover', 'rules apply to', 'same rules apply', 'rules still apply'],
  },
  // Angry, rude or complaining emails and how (not) to reply to them.
  {
    id: 'difficult-email',
    doc: ['angry', 'in anger', 'upset', 'abusive', 'threatening', 'argument', 'complaint', 'complaints', 'hostile', 'aggressive', 'heated'],
    ask: [
      'rude', 'rude message', 'rude email', 'snippy', 'having a go', 'nasty', 'kicking off', 'back-and-forth', 'back and forth', 'put him straight', 'put her straight',
      'set him straight', 'set her straight', 'complaining', 'moaning',
    ],
  },
  // What happens to someone who makes a mistake or breaks the rules.
  {
    id: 'consequences',
    doc: ['disciplinary', 'disciplinary action', 'disciplinary procedure', 'honest mistake', 'honest mistakes', 'not be blamed', 'no blame', 'not be disciplined', 'misconduct', 'sanctions', 'failure to comply', 'fail to comply'],
    ask: [
      'get in trouble', 'be in trouble', 'in trouble', 'told off', 'lose my job', 'get sacked', 'be sacked', 'get fired', 'be fired', 'own up',
      'break this policy', 'break the policy', 'break the rules', 'breach this policy', 'breach the policy', 'breaking the rules', 'breaking the policy', 'broke the rules',
      'do not follow the policy', 'don\'t follow the policy', 'ignore the policy',
      // The member of staff who is caught is whom the consequence falls on, not a colleague asked about.
      'what happens to a member of staff', 'what happens to staff', 'what happens to a teacher', 'what happens to a staff member', 'member of staff is caught',
      'member of staff gets caught', 'get caught', 'is caught', 'caught misusing', 'break the ict rules', 'break the it rules',
    ],
  },
  // Keeping up with email: how often to check it, and whether staff must outside working hours.
  // The school holidays are when something happens ("over half term"), rarely what is asked about.
  {
    id: 'school-holiday',
    incidental: true,
    doc: ['half term', 'half-term', 'school holidays', 'school holiday'],
    ask: ['over half term', 'during half term', 'in the holidays', 'over the holidays', 'during the holidays', 'summer holidays', 'easter holidays', 'christmas holidays'],
  },
  {
    id: 'checking-email',
    // "Can I check school email on my phone?" is about the phone: checking counts when a rule names it.
    incidental: true,
    doc: ['check their emails', 'check their email', 'check your email', 'check your emails', 'check email', 'check your inbox', 'read or reply to email', 'read and reply to email'],
    ask: ['check my inbox', 'check my emails', 'check my email', 'check emails', 'check our emails', 'look at my emails', 'keep on top of my inbox', 'keep on top of my emails', 'answer emails', 'reply to emails',
      // Staff reaching their own mail ("can I access my school email at home?"), not someone else's (#delegation).
      'can i access my', 'can i get my emails', 'can i get my email', 'can i read my emails', 'can i read my email'],
  },
  // Taking back a sent email: Outlook's recall.
  {
    id: 'recall',
    doc: ['recall the message', 'recall this message', 'recall a message', 'recall'],
    ask: ['unsend', 'un-send', 'undo send', 'undo sending', 'take it back', 'get it back', 'get an email back', 'take back an email', 'retract'],
  },
  // Whoever runs the school's IT, however staff name them ("the IT guy", "our techie").
  {
    id: 'it-staff',
    doc: ['ict staff', 'it staff', 'network manager', 'technician', 'it support', 'ict support', 'it department', 'ict department', 'it team', 'ict team', 'it provider', 'ict provider', 'it services'],
    ask: ['it guy', 'it man', 'it bloke', 'it lady', 'it woman', 'it person', 'it people', 'it tech', 'techie', 'the tech guy', 'it technician'],
  },
  {
    id: 'monitoring',
    doc: ['monitor', 'monitored', 'monitoring', 'filter', 'filtering', 'examine', 'access your mailbox', 'logged', 'audit', 'routinely read', 'read staff email', 'open another person\'s mailbox'],
    ask: ['see what\'s in my inbox', 'see whats in my inbox', 'see my inbox', 'see my emails', 'read my emails', 'read our emails', 'look at my emails', 'look through my', 'go through my emails', 'go through our emails', 'check up on', 'snoop', 'spy on', 'track what'],
  },
  // Pupils on computers or iPads with no adult there: "can I leave the Y4s on the iPads while I…?".
  {
    id: 'supervision',
    doc: ['supervision', 'unsupervised', 'under the supervision'],
    ask: [
      // Not a bare "on his own": a Year 6 who "walks home on his own" is not left at a computer.
      'go on their own', 'be on their own', 'use them on their own', 'use it on their own', 'left on their own', 'leave them on their own', 'without an adult', 'without a teacher', 'without me there',
      'leave a group', 'leave a few', 'leave the kids', 'leave the children', 'leave pupils', 'leave the pupils', 'leave the class', 'leave my class', 'leave the year',
      'leave some', 'left the kids', 'left a group', 'left the class',
    ],
  },
  // Searching a pupil's phone or bag, and confiscating it: the school's power, not monitoring staff.
  {
    id: 'search-pupil',
    doc: ['right to search', 'search pupils', 'searching, screening', 'screening and confiscation', 'confiscate'],
    ask: ['look through phone', 'go through phone', 'look through their', 'go through their', 'search phone', 'search their', 'search a pupil', 'search his', 'search her', 'take phone off', 'take it off them'],
  },
  {
    id: 'offensive-content',
    doc: ['offensive', 'inappropriate material', 'inappropriate content', 'illegal', 'indecent', 'extremist', 'unsuitable'],
    ask: ['horrible', 'popped up', 'pop up', 'pop-up', 'rude picture', 'disgusting', 'porn', 'dodgy website', 'came up on the screen', 'on the whiteboard',
      // Not a phishing email that "looks dodgy": content looked at.
      'look at dodgy', 'dodgy site', 'dodgy stuff', 'inappropriate stuff',
    ],
  },
  {
    id: 'harassment',
    doc: ['harass', 'harassment', 'bully', 'bullying', 'abuse', 'retaliate', 'defamatory', 'derogatory'],
    ask: ['nasty stuff', 'nasty comments', 'posting about me', 'posted about me', 'slagging', 'having a go', 'rude message', 'rude email', 'abusive', 'put him straight', 'put her straight', 'set him straight', 'set her straight'],
  },
  {
    id: 'video-call',
    doc: ['video conference', 'video conferencing', 'live lesson', 'live lessons', 'online lesson', 'online lessons', 'livestream', 'live stream', 'remote learning', 'video call'],
    ask: ['zoom', 'teams meeting', 'teams call', 'google meet', 'facetime', 'video chat', 'live video', 'record my lesson', 'record a lesson'],
  },
  {
    id: 'public-wifi',
    doc: ['public wi-fi', 'public wifi', 'public networks', 'unsecured network', 'vpn'],
    ask: ['costa', 'starbucks', 'cafe', 'café', 'coffee shop', 'train wifi', 'hotel wifi', 'free wifi'],
  },
  {
    id: 'signature',
    doc: ['signature', 'email signature', 'sign-off'],
    ask: ['bottom of my emails', 'bottom of my email', 'end of my emails', 'under my name', 'quote at the bottom', 'sign off'],
  },
  // The legal notice the mail server adds is not the signature staff write: a policy with a signature
  // template and no disclaimer is silent on "does a disclaimer get added automatically?".
  {
    id: 'disclaimer',
    decisive: true,
    doc: ['disclaimer', 'confidentiality notice', 'confidentiality footer', 'confidentiality statement', 'legal notice'],
    ask: ['blurb', 'confidentiality blurb', 'legal bit at the bottom', 'legal bit', 'footer'],
  },
  {
    id: 'ai-tools',
    decisive: true,
    doc: ['artificial intelligence', 'generative ai', 'ai tools', 'ai tool', 'chatbot', 'chatbots', 'large language model'],
    ask: ['chatgpt', 'chat gpt', 'copilot', 'gemini', 'ai', 'claude', 'magic school'],
  },
  {
    id: 'printing',
    decisive: true,
    doc: ['printing allowance', 'print credit', 'print credits', 'print quota', 'colour printing', 'photocopying', 'photocopier'],
    ask: ['colour copies', 'photocopies', 'printing allowance', 'print quota', 'print credits', 'how many copies', 'copies print', 'print month', 'printing budget', 'how much print'],
  },
  {
    id: 'mailbox-quota',
    decisive: true,
    doc: ['mailbox size', 'mailbox quota', 'storage limit', 'storage quota', 'mailbox is full', 'mailbox full'],
    ask: ['how much space', 'nearly full', 'run out of space', 'running out of space', 'inbox full', 'inbox is full', 'quota'],
  },
  {
    id: 'declaration',
    doc: ['declaration', 'sign the policy', 'signed copy', 'acceptable use agreement', 'confirm that i have read', 'i have read and understood'],
    ask: ['sign it every year', 'sign the policy', 'sign this policy', 'sign the aup', 'sign the acceptable use', 're-sign', 'sign again', 'sign something', 'sign anything', 'have i signed'],
  },
  {
    // Part-time staff ask about their own pattern ("I only work Tues and Weds"); policies say "part-time",
    // "job-share" or "non-working days". Named days alone are not enough: "on a course Thurs and Fri" is absence.
    id: 'part-time',
    doc: ['part-time', 'part time', 'job-share', 'job share', 'jobshare', 'non-working day', 'non-working days', 'working pattern', 'days you do not work'],
    ask: ['only work', 'days a week', 'my working days', 'part timer'],
  },
  {
    // Who keeps the policy itself and when it is looked at again: nearly every school policy ends with a
    // "Monitoring and review" clause, and staff ask "who's in charge of this policy?" or "is it up to date?"
    // ("up to date" is read as "updated" before phrases are matched: analyse.ts, tokens).
    id: 'policy-review',
    doc: [
      'monitoring and review', 'review procedure', 'review of this policy', 'policy will be reviewed', 'policy is reviewed', 'policy will be updated',
      'reviewed every', 'reviewed annually', 'reviewed yearly', 'kept under review', 'implementation of this policy', 'policy owner',
    ],
    ask: [
      'policy out of date', 'in charge of this policy', 'in charge of the policy', 'responsible for this policy', 'responsible for the policy',
      'owns this policy', 'wrote this policy', 'updates this policy', 'update this policy', 'update the policy', 'policy updated', 'policy last updated',
      'policy reviewed', 'policy last reviewed', 'policy due for review', 'next review', 'last reviewed',
    ],
  },
  {
    // The laws and guidance a policy rests on: governors ask "which laws is this based on?", and most
    // policies list them ("this policy refers to, and complies with, the following legislation").
    // Not "the law" or "legal" alone: "is it against the law to…?" asks for a rule, not the list.
    id: 'legislation',
    doc: ['legislation', 'statutory guidance', 'complies with the following', 'legal framework', 'legal requirements'],
    ask: ['which laws', 'what laws', 'laws and guidance', 'laws and government guidance', 'legal basis', 'which acts', 'what acts'],
  },
];
