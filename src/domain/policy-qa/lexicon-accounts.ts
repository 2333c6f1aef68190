import type { Concept } from './lexicon.ts';

/**
 * Staff wording for accounts, devices and online conduct (kept from a candidate batch because it
 * raised bench:qa's leave-one-policy-out figures; a matching batch for email topics did not and was dropped). Written from how UK school staff
 * ask (staffroom, helpdesk tickets, WhatsApp) and how acceptable-use policies word things. Entries with
 * an id already in the lexicon add wordings to that concept; new ids name ideas of their own.
 *
 * Two matching rules shape many entries here: the longest phrase wins at a position, and in a question
 * a phrase may skip up to two words. So "my laptop" (#personal-device) also matches "my school laptop"
 * unless a longer phrase claims it, and a bare "leave" meets the leaver concept ("leaves"), so everyday
 * "leave it in the car" / "leave the room" / "go on maternity leave" wordings are claimed here by the
 * concept they are really about. A few doc phrases repeat wordings that exist only as `ask` today
 * ("chatgpt", "maternity leave", "retirement"): as `doc` they also mark policy text.
 */
export const accountConcepts: Concept[] = [
  // Passwords: letting a colleague, TA or supply teacher use your login, or logging in for them.
  {
    id: 'share-credentials',
    doc: [
      'share their password', 'passwords are not shared', 'not shared with anyone', 'disclose account or password', 'disclose any passwords',
      'another person\'s account', 'another person\'s username', 'allow another person to use', 'someone else\'s details', 'someone else\'s account',
      'shared login', 'shared account', 'generic login',
      // "Never tell a child or colleague your password", "keep these private and not tell or show anyone".
      'never tell', 'not tell or show', 'disclose my username or password', 'disclose your password',
      'share your password', 'share your login', 'share passwords',
    ],
    ask: [
      'share my password', 'share my login', 'asking for my password', 'wants my password', 'asking for my login', 'wants my login', 'share a login', 'same login as', 'knows my password', 'ta to use my', 'ta use my', 'supply teacher use my',
      'supply to use my', 'cover teacher use my', 'log in for them', 'log in for her', 'log in for him', 'log them in', 'sign them in', 'log in as me', 'leave it logged in for', 'under my login',
      'under my account', 'on my login', 'type my password in for', 'put my password in for',
      // "can I tell my TA my password?": a phrase may skip the two words naming who.
      'tell my password', 'give my password', 'tell my login', 'give my login', 'lend my login',
    ],
  },
  // Passwords: writing them down or storing them (paper, phone notes, browser, password managers).
  {
    id: 'write-down',
    doc: ['record passwords', 'passwords on paper', 'unprotected file', 'password manager', 'save your password', 'saved passwords', 'store passwords'],
    ask: [
      'keychain', 'lastpass', 'bitwarden', '1password', 'notes app', 'in my notes', 'phone notes', 'keep a list of my passwords', 'under the keyboard',
      'stuck to my', 'stuck on my', 'save my password', 'chrome remembers', 'browser remembers', 'written on a post-it',
    ],
  },
  // Passwords: how strong or complex they must be (mix of characters, random words); length itself is the `length` intent.
  {
    id: 'password-strength',
    doc: [
      'strong password', 'complex password', 'password complexity', 'mixture of lower case and capital letters', 'upper and lower case', 'lower case',
      'upper case', 'capital letters', 'special character', 'at least one number', 'three random words', 'random words', 'hard to guess', 'easy to guess',
      'strong and robust',
    ],
    ask: [
      'a symbol', 'numbers and symbols', 'symbols and numbers', 'how complicated', 'how strong', 'complicated password', 'good password', 'weak password',
      'simple password', 'easy password', 'password123', 'password1', 'my dog\'s name', 'pet\'s name', 'my birthday as',
    ],
  },
  // Passwords: changing them, on a schedule or after a scare. Kept apart from forgetting one: "do I have
  // to change my password every term?" is not answered by the Service Desk's number for a forgotten one.
  {
    id: 'password-change',
    doc: [
      'change your password', 'change their password', 'change passwords', 'passwords must be changed', 'password change', 'changed termly', 'changed periodically',
      'changed regularly', 'password expiry', 'password expires', 'at regular intervals', 'forced to change',
    ],
    ask: ['change my password', 'update my password', 'password has expired', 'asking me to change', 'new password', 'every 90 days', 'change our passwords'],
  },
  // Passwords: forgotten ones, resets and being locked out.
  {
    id: 'password-reset',
    doc: [
      'password reset', 'reset your password', 'reset it', 'temporary password', 'first logon', 'locked out of your account', 'if you forget', 'forget your password',
      'forgotten your password', 'forgotten password', 'forgot your password',
    ],
    ask: [
      'forgot my password', 'forgotten my password', 'forgot password', 'reset my password', 'locked out of my account', 'locked myself out', 'locked out of my laptop',
      'locked out of my computer',
    ],
  },
  // Passwords: using the school password anywhere else (same password for personal accounts).
  {
    id: 'reuse',
    doc: ['unique password', 'different password', 'not used for any other', 'used elsewhere', 'same password for'],
    ask: [
      'same password for everything', 'one password for everything', 'same one for', 'same for everything', 'password i use for', 'my facebook password',
      'my amazon password', 'my bank password', 'my home password', 'my personal password', 'my gmail password',
    ],
  },
  // A sign-in prompt the member of staff did not start: someone else has their password.
  {
    id: 'unexpected-prompt',
    event: true,
    doc: ['did not start', 'didn\'t start', 'did not request', 'did not initiate', 'not expecting', 'unexpected prompt', 'unexpected request', 'unexpected sign-in', 'unexpected mfa', 'choose deny', 'select deny', 'press deny', 'tap deny', 'never approve'],
    ask: [
      'wasn\'t logging in', 'wasnt logging in', 'was not logging in', 'wasn\'t signing in', 'wasnt signing in', 'wasn\'t logging into', 'wasnt logging into', 'not logging in', 'not logging into', 'not signing in', 'not signing into', 'haven\'t signed in', 'havent signed in',
      'not trying to sign in', 'not trying to log in', 'didn\'t try to sign in',
      'didn\'t try to log in', 'wasn\'t me', 'wasnt me', 'aren\'t me', 'arent me', 'not me', 'isn\'t me', 'out of nowhere', 'press approve', 'tap approve', 'just approve', 'make them stop', 'make it stop',
    ],
  },
  // Multi-factor sign-in: authenticator apps, approval prompts, codes, and being without the phone.
  {
    id: 'mfa',
    doc: [
      'authenticator', 'microsoft authenticator', 'google authenticator', 'sign-in request', 'additional verification', 'second form of verification',
      'one-time code', 'one-time passcode', 'security key', 'number matching', 'multi-factor sign-in', 'verification method',
    ],
    ask: [
      'approve sign in', 'approve a sign in', 'approve the request', 'approve request', 'login request', 'asking me to approve', 'approve it on my phone',
      'notification to approve', 'code on my phone', 'text me a code', 'text with a code', 'sent me a code', 'got a code', 'code i didn\'t ask for', 'code to my phone', 'six digit code', '6 digit code', 'mfa prompt', 'authenticator prompt',
      'sign in prompt', 'approval prompt', 'prompt on my phone', 'type the number', 'left my phone at home', 'forgot my phone', 'without my phone',
      'authenticator on my new phone', 'didn\'t try to sign in', 'wasn\'t me',
    ],
  },
  // Locking the screen or logging off when walking away; auto-lock; leaving the classroom with the screen open.
  {
    id: 'screen-lock',
    doc: [
      'lock your computer', 'lock the computer', 'lock their screen', 'lock your device', 'locked when not in use', 'log off', 'logoff', 'log out of systems',
      'logged out', 'screensaver', 'time locking', 'auto-lock', 'left unattended', 'leave pupil information open',
      // Switching off at the end of the day is the same duty as logging off ("closed down completely").
      'closed down', 'shut down', 'shutdown',
    ],
    ask: [
      'windows key', 'windows l', 'win l', 'ctrl alt del', 'control alt delete', 'leave it logged in', 'left it logged in', 'left logged in', 'stay logged in',
      'leave the room', 'leave the classroom', 'leave my classroom', 'leave my desk', 'i leave the room', 'i leave the classroom', 'i leave my classroom',
      'i leave my desk', 'when i leave the room', 'when i leave the classroom', 'when i leave my classroom', 'when i leave my desk', 'i leave my laptop unlocked',
      'i leave my computer unlocked', 'i leave it unlocked', 'i leave my laptop', 'i leave my computer', 'i leave my ipad', 'i leave the laptop', 'i leave my laptop logged in', 'i leave my computer logged in', 'i leave it logged in', 'out of the room', 'pop out', 'nip out', 'to the toilet', 'to the loo', 'locks automatically',
      'keeps locking', 'times out', 'see my screen', 'switch off', 'turn off',
      // Claimed before #remove's "switch off the" and #leaver's bare "leave" can (stemmed: "switching", "computers" too).
      'switch off at the end', 'turn off at the end', 'leave pc on', 'leave pcs on', 'leave computer on', 'left pc on', 'left pcs on', 'left computer on',
      'leave them on', 'leave it on', 'left it on', 'left them on', 'left logged on', 'left them logged on', 'leave them logged on', 'end of the day',
    ],
  },
  // Leaving the school: notice, contract ending, redundancy, retirement, moving to another school.
  {
    id: 'leaver',
    doc: ['retirement', 'staff who are leaving', 'member of staff leaves', 'leaving date', 'end of their employment', 'no longer employed', 'cease to be employed'],
    ask: [
      'handed in my notice', 'working my notice', 'notice period', 'end of my contract', 'contract ends', 'contract finishes', 'fixed term contract', 'made redundant',
      'redundancy', 'going to another school', 'moving to another school', 'joining another school', 'start at another school', 'leaving teaching',
      'leaving the profession',
    ],
  },
  // Maternity / paternity / parental leave is absence, not leaving: claims "leave" wordings before the leaver concept does.
  {
    id: 'absence',
    doc: ['maternity leave', 'paternity leave', 'shared parental leave', 'parental leave', 'adoption leave', 'compassionate leave', 'keeping in touch days', 'long-term sickness', 'career break'],
    ask: [
      'when i go on maternity leave', 'when i go on mat leave', 'when i go on paternity leave', 'when i go on leave', 'my last day before maternity leave',
      'my last day before mat leave', 'last day before my maternity leave', 'kit day', 'long term sick', 'phased return', 'back from maternity',
      'back from mat leave', 'return from maternity',
    ],
  },
  // The account after leaving: disabled, closed or deleted; whether the mailbox or address is kept; access revoked.
  {
    id: 'disabled',
    doc: [
      'account closed', 'accounts are closed', 'mailbox is deleted', 'mailbox deleted', 'account deleted', 'accounts disabled', 'disabling accounts', 'zombie accounts',
      'access removed', 'access is removed', 'access revoked', 'revoked', 'no longer have access', 'no longer have authorised access',
    ],
    ask: [
      'still have access', 'still access my', 'keep my email address', 'keep my school email', 'keep my email account', 'keep my account', 'keep access',
      'close my account', 'lose my emails', 'get my emails back', 'my old emails', 'my old account', 'still be able to log in', 'still be able to access',
      'still log in',
    ],
  },
  // Handing back school laptops, iPads and other kit (on leaving, or when asked).
  {
    id: 'return-equipment',
    doc: [
      'return all ict equipment', 'return all equipment', 'return any equipment', 'return equipment', 'return the equipment', 'return school equipment',
      'return school property', 'equipment is returned', 'equipment must be returned', 'devices are returned', 'return your laptop', 'return their laptop',
      'recovering and returning equipment',
    ],
    ask: [
      'give back my laptop', 'give my laptop back', 'hand back my laptop', 'hand my laptop back', 'hand in my laptop', 'hand in my ipad', 'return my laptop',
      'return my ipad', 'give back the ipad', 'keep my laptop', 'keep the laptop', 'keep my ipad', 'buy my laptop', 'buy the laptop', 'take my laptop with me',
      'send it back',
    ],
  },
  // New starters: getting an account, induction, first day, ECTs.
  {
    id: 'new-starter',
    doc: [
      'new staff', 'new members of staff', 'new starters', 'new employees', 'induction', 'when they join', 'join the school', 'start of their employment',
      'account is created', 'accounts are created', 'account was created',
    ],
    ask: [
      'i just started', 'ive just started', 'just started here', 'just started at', 'just started work', 'started in year', 'started in reception', 'just joined', 'my first day', 'first day at', 'my first week', 'started this term', 'new to the school', 'new here', 'an ect', 'as an ect', 'ect year', 'nqt', 'early career teacher',
      'get an account', 'get a login', 'given a login', 'given an account', 'no login yet', 'no account yet', 'don\'t have a login', 'haven\'t got a login',
    ],
  },
  // Agency, trainee, placement, volunteer, governor and contractor access: temporary or guest accounts (supply staff are #colleague).
  {
    id: 'temporary-staff',
    doc: [
      'agency staff', 'agency worker', 'students on placement', 'trainee teacher', 'student teacher', 'temporary staff', 'temporary account',
      'guest account', 'guest login', 'visitor account', 'end on the date agreed', 'placement is extended', 'regular visitors', 'parent helpers', 'parent volunteers',
    ],
    ask: [
      'agency teacher', 'through an agency', 'trainee', 'pgce', 'scitt', 'school direct', 'placement student', 'work experience', 'volunteer', 'governor',
      'contractor', 'peripatetic', 'peri teacher', 'sports coach', 'tutor from', 'locum',
    ],
  },
  // Supply/cover staff and TAs are colleagues (policies say "colleagues, supply staff"), so "supply teacher" lands here, not on #temporary-staff.
  {
    id: 'colleague',
    doc: ['cover supervisor'],
    ask: ['supply', 'supply teacher', 'cover teacher', 'hlta', 'lsa', 'learning support assistant', 'my job share', 'job share partner', 'the other teacher', 'office staff'],
  },
  // School-issued laptops, iPads, phones: claims "my school laptop" before "my laptop" (#personal-device) can.
  {
    id: 'school-device',
    doc: [
      'school laptop', 'school device', 'school-owned', 'school equipment', 'school ict equipment', 'school ipad', 'work device', 'portable equipment',
      'mobile ict equipment', 'staff laptop', 'equipment issued', 'equipment allocated',
      // A phone the school issues is not a personal phone ("use the school mobile phone on trips").
      'school mobile phone', 'school mobile', 'school phone', 'trip mobile phone', 'trip mobile', 'trip phone', 'work mobile', 'work phone',
    ],
    ask: [
      'my school laptop', 'my work laptop', 'work laptop', 'my school ipad', 'my work ipad', 'work ipad', 'class ipad', 'my school computer', 'school computer',
      'my school phone', 'my work phone', 'work phone', 'my work mobile', 'work mobile', 'school phone', 'school chromebook', 'chromebook', 'teacher laptop',
      'the laptop school gave me', 'laptop from school',
      // Taking it home is what is asked; the device is what the rule names ("Staff laptops may be taken home").
      'take my school laptop home', 'take my work laptop home', 'take the school laptop home', 'take my school ipad home', 'take my work ipad home',
    ],
  },
  // Devices in cars and in transit: more policy wordings, and "leave it in the car" before bare "leave" reads as leaving.
  {
    id: 'device-in-car',
    doc: ['boot of your car', 'travelling by car', 'in your car', 'out of sight', 'hand luggage'],
    ask: [
      'left in the car', 'leave it in the car', 'leave my laptop in the car', 'leave the laptop in the car', 'i leave it in the car', 'i leave my laptop in the car',
      'i leave the laptop in the car', 'i leave it in my car', 'i leave my laptop in my car', 'in my boot', 'car overnight', 'from my car', 'from the car', 'from my boot',
    ],
  },
  // Family members or anyone else using a school device at home.
  {
    id: 'family-use',
    doc: [
      'family members', 'friends or family', 'family or friends', 'members of your family', 'members of your household', 'anyone in your household',
      'allow any unauthorised person', 'unauthorised person to use', 'allow others to use', 'used by other people',
    ],
    ask: [
      'my son use', 'my daughter use', 'my kids use', 'my children use', 'my husband use', 'my wife use', 'my partner use', 'my family use', 'son to use',
      'daughter to use', 'kids to use', 'partner to use', 'husband to use', 'wife to use', 'family to use', 'let my son', 'let my daughter', 'let my kids',
      'let my children', 'let my partner', 'let my husband', 'let my wife', 'let my family', 'for their homework', 'my own children',
      'son wants to', 'daughter wants to', 'kids want to', 'borrow my', 'for his homework', 'for her homework',
    ],
  },
  // Taking school devices or data abroad.
  {
    id: 'abroad',
    doc: [
      'abroad', 'overseas', 'outside the uk', 'outside the united kingdom', 'outside the eea', 'outside the european economic area', 'another country',
      'other countries', 'international travel',
    ],
    ask: [
      'on holiday abroad', 'take it on holiday', 'take my laptop on holiday', 'take the laptop on holiday', 'take my school laptop on holiday', 'out of the country',
      'spain', 'france', 'italy', 'portugal', 'greece', 'usa', 'america', 'the states', 'dubai', 'australia', 'europe', 'roaming',
    ],
  },
  // Mobile device management on personal phones: Intune / Company Portal, enrolment, remote wipe.
  {
    id: 'mdm',
    doc: [
      'mobile device management', 'device management', 'intune', 'company portal', 'device enrolment', 'enrol your device', 'enrol the device', 'enrolled device',
      'managed device', 'remote wipe', 'wiped remotely', 'removed from it remotely', 'removed remotely', 'remotely erase', 'remotely wipe', 'remotely remove',
      'remove school data', 'wipe the school data', 'wipe school data',
    ],
    ask: [
      'mdm', 'jamf', 'meraki', 'mosyle', 'wipe my phone', 'wipe my personal phone', 'wipe my whole phone', 'wipe everything', 'delete everything on my phone',
      'see my photos', 'see my messages', 'access my photos', 'control my phone', 'see my pics', 'see my texts', 'look through my', 'look at my photos', 'read my texts',
      'wipe the whole', 'wipe the phone', 'wipe my', 'management app', 'management thing', 'management software', 'work profile', 'management profile', 'install a profile', 'profile on my phone',
    ],
  },
  // Which app school email may be read in on a phone: official Outlook/Gmail app, native mail apps, webmail.
  {
    id: 'mail-app',
    doc: ['outlook app', 'gmail app', 'outlook or gmail app', 'mail app', 'email app', 'official app', 'official outlook', 'webmail', 'outlook on the web', 'native mail'],
    ask: [
      'apple mail', 'iphone mail', 'samsung email', 'samsung mail', 'built-in mail', 'outlook mobile', 'teams app', 'email notifications',
      'add my school account', 'add my work account', 'add my school email', 'add my work email', 'sync my email', 'synced to my phone',
    ],
  },
  // A passcode, PIN or biometric lock on a phone or tablet that holds school email or data.
  {
    id: 'device-lock',
    doc: [
      'biometric', 'biometric lock', 'fingerprint', 'face id', 'facial recognition', 'touch id', 'protected by a pin', 'device passcode', 'passcode lock',
      'pin code', 'pin or password', 'password protection of all', 'password-protected when',
    ],
    ask: [
      'a passcode', 'passcode on', 'a pin on', 'face unlock', 'unlock my phone', 'lock on my phone', 'lock my phone', 'lock code', 'no passcode', 'no password on my phone', 'no pin on my phone',
      'without a passcode', '4 digit pin', '6 digit pin', 'phone passcode', 'phone pin', 'ipad passcode', 'knows my passcode',
    ],
  },
  // USB sticks and other removable media: SD cards, CDs, portable drives.
  {
    id: 'removable-media',
    doc: ['sd card', 'memory card', 'cd', 'dvd', 'storage devices', 'removable devices', 'storage media', 'portable media', 'removable data storage', 'portable hard drive', 'external storage'],
    ask: ['usb pen', 'memory key', 'portable drive', 'on a stick', 'the stick', 'my stick', 'external hdd'],
  },
  // Installing software, apps, games and browser extensions; admin rights and licensing.
  {
    id: 'software',
    doc: [
      'unlicensed software', 'licensed software', 'non-standard software', 'administrator rights', 'admin rights', 'install or attempt to install',
      'browser settings', 'alter computer settings', 'computer settings', 'software packages',
    ],
    ask: [
      'admin password', 'admin access', 'needs admin', 'asking for admin', 'app store', 'play store', 'google play', 'microsoft store', 'chrome extension',
      'roblox', 'minecraft', 'fortnite', 'put an app on', 'get an app', 'download an app', 'install an app', 'free trial', 'grammarly', 'ad blocker',
      'adblock',
    ],
  },
  // Signing up to websites/online tools for class use (Kahoot, Padlet, Seesaw…): approval, DPIAs, pupil data.
  {
    id: 'online-service',
    doc: [
      'online service', 'web services', 'web applications', 'web-based', 'third-party apps', 'third-party services', 'cloud services', 'sign up for',
      'data protection impact assessment', 'dpia', 'approved apps', 'recommended sites',
    ],
    ask: [
      'kahoot', 'padlet', 'canva', 'seesaw', 'class dojo', 'classdojo', 'quizlet', 'blooket', 'wordwall', 'mentimeter', 'nearpod', 'sumdog', 'tapestry',
      'purple mash', 'edpuzzle', 'sign my class up', 'sign the class up', 'sign the kids up', 'accounts for the kids', 'accounts for my class', 'create accounts for',
      'free website', 'free app', 'new website',
    ],
  },
  // Getting round a control (the filter, the antivirus, a block): "can I use a VPN to get round the filter?"
  // is answered by the rule against bypassing it, not by a clause that merely mentions the filter.
  {
    id: 'circumvent',
    doc: ['bypass', 'circumvent', 'get round', 'get around', 'work around', 'interfere with', 'tamper with', 'override'],
    ask: ['vpn', 'proxy', 'proxies', 'workaround', 'hotspot', 'unblock', 'get past the', 'switch it off', 'turn it off', 'disable it'],
  },
  // Internet filtering and blocked websites: unblock requests (YouTube), sites filtered in error, getting round the filter.
  // "filtering" is also a #monitoring wording today; listed here too so a policy's filtering rule meets unblock questions.
  {
    id: 'filtering',
    doc: [
      'filtering', 'web filtering', 'internet filtering', 'filtering software', 'filtering system', 'filtering mechanisms', 'filtering provider', 'filtered in error',
      'filter has not identified', 'blocked websites', 'blocked sites', 'bypass the filtering', 'bypass any access controls', 'inappropriate websites',
      'inappropriate sites', 'prevents access', 'are blocked', 'is blocked', 'be blocked', 'blocked by', 'block access',
    ],
    ask: [
      'website is blocked', 'site is blocked', 'site blocked', 'page is blocked', 'it\'s blocked', 'blocked at school', 'unblock', 'whitelist', 'allow list',
      'youtube', 'smoothwall', 'lightspeed', 'netsweeper', 'fortiguard', 'get round the filter', 'get around the filter', 'proxy', 'access denied',
    ],
  },
  // Monitoring and privacy: who can see my email and browsing, logs kept, no expectation of privacy.
  {
    id: 'monitoring',
    doc: [
      'internet sites visited', 'websites you visit', 'websites i visit', 'sites visited', 'browsing history', 'internet history', 'activity logs', 'access logs',
      'user activity', 'expect privacy', 'expectation of privacy', 'not expect personal messages', 'not be considered private', 'may view any data',
      'check the websites',
    ],
    ask: [
      'keep an eye on what', 'keep tabs on', 'see my browsing', 'see what websites', 'see what sites', 'see which websites', 'see my history', 'see my search history', 'see what i search',
      'see what i look at', 'see what i do', 'track my browsing', 'is my browsing', 'browsing private', 'private browsing', 'incognito', 'is it private', 'are my emails private', 'is my email private', 'keylogger', 'impero',
      'senso', 'securus', 'who can see my emails', 'who can read my emails', 'who can access my emails', 'can it see my', 'can it read my', 'it team see',
    ],
  },
  // Social media contact: friend/follow requests from pupils, ex-pupils and parents; connecting on other platforms.
  {
    id: 'social-media',
    doc: ['befriend', 'social networking sites', 'approved contacts', 'personal blog', 'blogging'],
    ask: [
      'friend me', 'added me', 'add me on', 'accept her request', 'accept his request', 'accept their request', 'accept the request', 'requested me',
      'sent me a request', 'dmd', 'dmed', 'follow each other', 'connect on linkedin', 'my followers', 'bluesky', 'bereal', 'pinterest', 'reddit', 'mumsnet', 'discord',
    ],
  },
  // The school's own social media accounts: who may post to the official Twitter or Facebook page.
  {
    id: 'school-social-account',
    doc: [
      'official twitter', 'official facebook', 'official instagram', 'official social media', 'school social media accounts', 'school social media account',
      "school's social media", "school's twitter", "school's facebook", 'school twitter', 'school facebook page',
    ],
    ask: ["school's twitter", 'school twitter', "school's facebook", 'school facebook', "school's instagram", 'school instagram', 'class twitter'],
  },
  // Private messaging outside official channels: DMs, WhatsApp, texts, group chats with pupils or parents.
  {
    id: 'private-messaging',
    doc: [
      'official school systems', 'official channels', 'approved communication', 'approved, secure communication', 'professional boundaries', 'text messaging',
      'instant messaging', 'private messages', 'direct messages', 'messaging apps', 'messaging services',
    ],
    ask: [
      'message them', 'message her', 'message him', 'messaged me', 'text them', 'text her', 'text him', 'whatsapp them', 'whatsapp her', 'whatsapp him',
      'messenger', 'group chat', 'inbox me', 'whatsapp a', 'text a', 'message a',
    ],
  },
  // Keeping a personal profile private: privacy settings, display name, tagging, not naming the school, checking in.
  {
    id: 'social-privacy',
    doc: [
      'privacy settings', 'set to private', 'set at private', 'accounts to private', 'profile to private', 'friends only', 'profile picture', 'display name',
      'public profile', 'your workplace', 'associate yourself with the school', 'tagging', 'google your name', 'search for you by name', 'visible to the public',
    ],
    ask: [
      'be private', 'on private', 'make it private', 'go private', 'private account', 'my account private', 'profile private', 'private profile', 'public account', 'say where i work', 'where i work', 'maiden name',
      'tag me', 'tag the school', 'check in at school', 'checked in at', 'found my profile', 'looked me up', 'search for me', 'google me',
    ],
  },
  // Parental consent for photos of pupils: consent lists, "no photo" children, permission forms.
  {
    id: 'photo-consent',
    doc: [
      'photo consent', 'photograph consent', 'image consent', 'photo permission', 'photographic consent', 'consent form', 'permission slips', 'photo release form',
      'withdraw consent', 'permission has been given', 'parental consent', 'opted out',
    ],
    ask: [
      'no photo list', 'no photo', 'photo list', 'consent list', 'photo consent list', 'permissions list', 'not allowed to be photographed', 'can\'t be photographed',
      'media consent', 'media permission', 'parents said no',
    ],
  },
  // Taking consent back: "a mum wants to know how she can stop us using photos of her son".
  {
    id: 'withdraw-consent',
    doc: ['withdraw consent', 'withdraw permission', 'withdraw their consent', 'withdraw their permission', 'may withdraw', 'consent is withdrawn', 'permission is withdrawn'],
    ask: [
      // Not "take it back", which is recalling an email (#recall).
      'stop us using', 'stop the school using', 'stop you using', 'take back', 'change her mind', 'change his mind', 'change their mind', 'opt out', 'no longer want',
      'cancel consent', 'cancel permission', 'remove consent', 'remove permission',
    ],
  },
  // Publishing pupil images or work: school website, newsletter, press, displays.
  {
    id: 'publishing',
    doc: [
      'school website', 'school newsletter', 'newsletter', 'publish', 'publication', 'promotional', 'press release', 'local media', 'prospectus', 'display material',
      'uploaded to the school website',
    ],
    ask: ['on the website', 'put on the website', 'school site', 'class page', 'local paper', 'newspaper', 'the press', 'local news', 'yearbook', 'leavers book', 'display board'],
  },
  // Where photos and videos of pupils are kept: moved to the school network, deleted from the device (camera roll, iCloud).
  {
    id: 'image-storage',
    doc: [
      'transferred immediately', 'deleted from the staff device', 'deleted from the device', 'stored on the school network', 'stored on these devices',
      'storage of images', 'images are deleted', 'delete the images', 'images of children are stored',
    ],
    ask: [
      'camera roll', 'photo gallery', 'delete them after', 'delete them off', 'delete them from', 'delete them straight', 'delete them once', 'delete them afterwards',
      'delete them later', 'after uploading', 'after i upload', 'once uploaded',
      'once i have uploaded', 'keep them on', 'store them on', 'transfer them', 'upload them', 'icloud photos', 'google photos', 'icloud backup',
      'backed up to icloud', 'synced to icloud', 'airdrop', 'air drop',
    ],
  },
  // Live and online lessons: Teams/Zoom/Meet calls, cameras and microphones, waiting rooms, snow days.
  {
    id: 'video-call',
    doc: ['remote lessons', 'remote teaching', 'virtual lesson', 'virtual classroom', 'webcam', 'web-cam', 'online meeting', 'virtual meeting', 'video conferencing equipment'],
    ask: [
      'microsoft teams', 'ms teams', 'teams lesson', 'teams live', 'lesson on teams', 'meeting on teams', 'call on teams', 'zoom call', 'zoom link', 'meet link',
      'camera on', 'camera off', 'turn my camera', 'turn their cameras', 'switch my camera', 'unmute', 'waiting room', 'breakout room', 'blur my background',
      'share my screen', 'screen share', 'during a live lesson', 'during live lessons', 'during an online lesson', 'during online lessons',
      'during a remote lesson', 'during remote lessons', 'teach online', 'online teaching', 'snow day',
    ],
  },
  // Recording lessons, meetings and calls (and being recorded): consent and storage of recordings.
  {
    id: 'recording',
    doc: [
      'record the lesson', 'recorded lessons', 'lesson recordings', 'recording of the lesson', 'recording of lessons', 'video conference is recorded',
      'recorded in any medium', 'meeting recordings', 'recordings of meetings', 'call recording', 'consent of those taking part', 'being recorded',
    ],
    ask: [
      'record the call', 'record the meeting', 'record a meeting', 'record the session', 'record parents evening', 'recording of the meeting', 'press record',
      'hit record', 'save the recording', 'share the recording', 'secretly record', 'record a conversation', 'record a phone call', 'recorded me', 'filmed me',
      'transcript',
    ],
  },
  // Generative AI: policy wordings that name the tools, plus more tools staff mention.
  {
    id: 'ai-tools',
    decisive: true,
    doc: [
      'chatgpt', 'copilot', 'gemini', 'generative artificial intelligence', 'ai-generated', 'generated by ai', 'ai platforms', 'ai services', 'ai software',
      'ai systems', 'ai applications', 'ai technologies', 'ai models', 'language models', 'genai', 'gen ai',
    ],
    ask: ['gpt', 'openai', 'co-pilot', 'grok', 'perplexity', 'deepseek', 'teachermatic', 'aila', 'oak ai', 'brisk', 'diffit', 'midjourney', 'dall-e'],
  },
  // Anonymising pupil data (for AI tools, case studies, published work): names removed, initials, not identifiable.
  {
    id: 'anonymise',
    doc: [
      'anonymised', 'pseudonymised', 'not be possible to identify', 'identifiable', 'full names will not be published', 'surname will never be used',
      'just their first name', 'first name only',
    ],
    ask: [
      'without names', 'take the names out', 'remove the names', 'remove names', 'no names', 'just first names', 'just initials', 'use initials', 'change the names',
      'fake names', 'made up names', 'redact',
    ],
  },
  // School wifi: passwords, guest network, connecting personal devices, hotspots and mobile data.
  {
    id: 'wifi',
    doc: ['wifi password', 'wireless password', 'guest wifi', 'guest wi-fi', 'guest network', 'staff wifi', 'school wifi', 'school wireless', 'eduroam', 'connected wirelessly'],
    ask: ['wifi code', 'wifi login', 'wifi details', 'get on the wifi', 'connect to the wifi', 'join the wifi', 'tether', 'mobile data', '4g', '5g', 'personal hotspot'],
  },
  // Public and other people's wifi, VPNs.
  {
    id: 'public-wifi',
    doc: ['open wifi', 'open networks', 'unsecured wifi', 'unsecured wireless', 'untrusted network', 'virtual private network', 'public hotspot'],
    ask: [
      'airport wifi', 'pub wifi', 'library wifi', 'wifi on the train', 'cafe wifi', 'holiday wifi', 'friend\'s wifi', 'someone else\'s wifi', 'neighbour\'s wifi',
      'nordvpn', 'expressvpn', 'my own vpn', 'personal vpn', 'a vpn',
    ],
  },
  // How fast to report (lost phone, breach): "as soon as possible", "within 24 hours", "can it wait until Monday".
  {
    id: 'response-time',
    intent: true,
    doc: ['as soon as possible', 'without delay', 'at once', 'within 24 hours', 'within 72 hours'],
    ask: [
      'how quickly do i', 'how soon should i', 'how long do i have to report', 'how long do i have to tell', 'how long have i got', 'right away', 'by when',
      'too late', 'wait until monday', 'wait till monday', 'wait until tomorrow', 'can it wait', 'leave it until', 'leave it till',
    ],
  },
  // Lost or stolen devices: more ways staff say it.
  {
    id: 'lost-device',
    doc: ['loss of equipment', 'loss or theft'],
    ask: ['misplaced', 'burgled', 'burglary', 'mugged', 'pickpocketed', 'robbed', 'left my bag', 'left it in a taxi', 'left it in the taxi', 'went missing', 'gone missing'],
  },
  // Personal use of school devices: browsing, streaming, bills, job hunting, gambling.
  {
    id: 'personal-use',
    doc: ['leisure purposes', 'private or leisure', 'personal financial gain', 'private business', 'personal business', 'occasional and reasonable', 'gambling'],
    ask: [
      'buy stuff', 'buy things', 'order stuff', 'netflix', 'iplayer', 'spotify', 'watch a film', 'personal browsing', 'browse the internet', 'surf the web', 'pay a bill', 'pay my bills', 'car insurance',
      'vinted', 'rightmove', 'job hunting', 'apply for jobs', 'look for a new job', 'betting', 'bet365',
    ],
  },
  // When personal use is allowed: lunch, breaks, before/after school, PPA (meets "outside teaching time" wording).
  {
    id: 'working-hours',
    incidentalBeside: ['safeguarding-concern'],
    doc: ['lunch break', 'break times', 'non-contact time', 'own time', 'personal time', 'outside teaching time'],
    ask: ['at lunch', 'at lunchtime', 'in my lunch', 'during lunch', 'at break', 'breaktime', 'before school', 'after school', 'free period', 'ppa time', 'ppa', 'non-contact'],
  },
];
