import type { Concept } from './lexicon.ts';

/**
 * Generic UK-school IT and security vocabulary beyond email itself: signing in, screens, viruses,
 * software, networks, working hours, approval. Same format as lexicon.ts.
 */
export const securityConcepts: Concept[] = [
  {
    id: 'sign-in',
    doc: ['log on', 'logged on', 'log in', 'logged in', 'log-in', 'logon', 'login', 'sign in', 'signed in', 'sign-in', 'username', 'user name', 'user id', 'account details', 'logins'],
    ask: ['log into', 'sign into'],
  },
  {
    id: 'screen-lock',
    doc: ['lock your screen', 'lock the screen', 'screen locked', 'locked screen', 'lock their equipment', 'lock your equipment', 'locking screensaver', 'unattended', 'screens must be locked', 'screen lock'],
    ask: ['unlocked', 'leave my computer unlocked', 'leave my laptop unlocked', 'leave my computer logged', 'leave my laptop logged', 'walk away from', 'step away from'],
  },
  {
    id: 'reuse',
    doc: ['reuse', 're-use', 'same password', 'any other website', 'other service'],
    ask: ['same as my', 'use it for'],
  },
  {
    id: 'length',
    intent: true,
    doc: ['characters', 'character', 'characters long', 'minimum of', 'at least'],
    // Not a bare "letters": "a letter about the Christmas performance" asks for no length.
    ask: ['how many letters', 'only letters', 'letters long', 'letters and numbers', 'how many digits', 'digits long', 'how many characters', 'how short', 'minimum length', 'password length', 'min length', 'length'],
  },
  {
    id: 'duration',
    intent: true,
    doc: ['kept for', 'for up to', 'months', 'days', 'weeks', 'years', 'until', 'after 12 months'],
    ask: ['how long', 'for how long', 'how many months', 'how many years'],
  },
  {
    id: 'virus',
    event: true,
    doc: ['virus', 'viruses', 'anti-virus', 'antivirus', 'malware', 'virus protection', 'virus definitions', 'infected'],
    ask: ['trojan', 'ransomware', 'hacked'],
  },
  {
    id: 'phishing',
    event: true,
    doc: ['phishing', 'suspicious', 'not expecting', 'unknown sender', 'untrusted source', 'scam'],
    ask: ['dodgy', 'fake email', 'looks fake', 'looks dodgy', 'is it genuine', 'legit'],
  },
  // Someone asking for a password ("IT will never ask for your password"), whoever they claim to be; a
  // phone call is the usual way, so "phoned saying" is claimed here rather than by personal phones.
  {
    id: 'password-request',
    event: true,
    doc: ['never ask for your password', 'never ask you for your password', 'never ask you for it', 'ever ask you for it', 'ask for your password', 'asks for your password', 'claiming to be from', 'claims to be from'],
    ask: [
      'need my password', 'needed my password', 'needs my password', 'wanted my password', 'wants my password', 'asked for my password', 'asking for my password',
      'asking me for my password', 'need my login', 'needed my login', 'needs my login', 'wanted my login', 'wants my login', 'asked for my login', 'asking for my login',
      'saying they were from', 'saying theyre from', 'said they were from', 'says they are from', 'saying he was from', 'saying she was from', 'phoned saying', 'rang saying',
      'called saying', 'phoned claiming', 'rang claiming', 'phoned up saying', 'rang up saying', 'phoned asking', 'rang asking', 'called asking', 'phoned me asking', 'rang me asking', 'phoned up asking', 'rang up asking',
    ],
  },
  {
    id: 'software',
    doc: ['install', 'installed', 'installation', 'software', 'program', 'programme', 'application', 'app', 'apps', 'download'],
    ask: ['game', 'games', 'browser extension', 'add-on', 'plugin'],
  },
  {
    id: 'wifi',
    doc: ['wifi', 'wi-fi', 'wireless', 'wireless network', 'internet connection', 'network'],
    ask: ['hotspot', 'internet'],
  },
  {
    id: 'encryption',
    doc: ['encrypt', 'encrypted', 'encryption', 'unencrypted', 'bitlocker', 'password protected', 'password-protected'],
    ask: ['locked down', 'secure it'],
  },
  {
    id: 'working-hours',
    doc: ['school hours', 'working hours', 'teaching time', 'school day', 'during the day', 'between the hours', 'lessons', 'when pupils are present', 'supervising pupils'],
    ask: ['in lessons', 'in class', 'during lessons', 'while teaching', 'at work'],
  },
  {
    id: 'approval',
    doc: ['approval', 'approve', 'approved', 'permission', 'authorised', 'authorisation', 'agreement of', 'agreed in writing', 'consent', 'at the headteacher discretion'],
    ask: ['sign off', 'signed off', 'say so', 'ok it', 'need to ask first', 'have to agree'],
  },
  {
    id: 'harassment',
    doc: ['harass', 'harassed', 'harassment', 'abuse', 'bully', 'bullying', 'cyberbullying', 'offensive', 'retaliate'],
    ask: ['abusive', 'trolling', 'trolled', 'nasty comments', 'horrible comments'],
  },
  {
    id: 'public-area',
    doc: ['public areas', 'in front of a class', 'in front of pupils', 'staff room', 'where pupils could see'],
    ask: ['corridor', 'playground', 'in front of the kids'],
  },
  // Taking equipment away from school, which policies allow or limit; "take my laptop home" is not home
  // working. Incidental: "a usb stick to take my reports home" is about the stick wherever it goes.
  {
    id: 'take-home',
    incidental: true,
    doc: ['taken home', 'take home', 'taking home', 'taken off site', 'taken offsite', 'taken off the premises', 'removed from the school', 'removed from school', 'taken out of school', 'take equipment home', 'off the school site', 'leave the school site'],
    ask: ['take home', 'take it home', 'take them home', 'bring home'],
  },
  {
    id: 'home-working',
    doc: ['working from home', 'work from home', 'at home', 'remotely', 'remote access', 'off site', 'outside school', 'out of school', 'off the school premises'],
    ask: ['wfh', 'at the weekend', 'over the holidays'],
  },
];
