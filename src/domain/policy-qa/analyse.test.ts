import { describe, expect, it } from 'vitest';
import { analyseQuestion } from './analyse.ts';
import { stem } from './stem.ts';

describe('reading a question', () => {
  it('meets a negated phrase ("not signing into anything") only through its concept, not through its other words', () => {
    const prompt = (q: string) => analyseQuestion(q).units.find((u) => u.alts.includes('#unexpected-prompt'));
    for (const q of ["my phone keeps buzzing with approvals and I'm not signing into anything??", 'got a code but i wasnt logging in']) expect(prompt(q)?.words).toEqual([]);
    // Without a negation a concept's own words still meet it ("press approve" is met by a passage saying "press" and "approve").
    expect(prompt('the app tells me to press approve, should I?')?.words.length).toBeGreaterThan(0);
  });

  it('keeps "termly", "weekly" and their like apart from "term" and "week"', () => {
    expect(stem('termly')).toBe('termly');
    expect(stem('weekly')).toBe('weekly');
    expect(stem('terms')).toBe('term');
    const units = analyseQuestion('can I take my school laptop home over half term?').units;
    expect(units.flatMap((u) => u.alts)).not.toContain('#frequency');
  });

  it('meets a verb in its noun ("install" in "installation", "authorise" in "authorisation"), but keeps "inform" apart from "information"', () => {
    for (const [verb, noun] of [['install', 'installation'], ['authorised', 'authorisation'], ['communicate', 'communication'], ['delegate', 'delegation']]) expect(stem(noun!)).toBe(stem(verb!));
    expect(stem('information')).not.toBe(stem('inform'));
    // A short stem keeps its "-ate": "private" is not "privy", "update" not "up".
    expect(stem('privately')).toBe(stem('private'));
    expect(stem('private')).toBe('privat');
    expect(stem('update')).toBe('updat');
    // Only an "-ate" goes, not any "at": "snapchat" keeps its name, and "habitat" does not meet "habit".
    expect(stem('snapchat')).toBe('snapchat');
    expect(stem('snapchats')).toBe('snapchat');
    expect(stem('habitat')).not.toBe(stem('habit'));
  });

  it('reads "up to date" as being updated, not as a limit, and "up to 25 MB" still as one', () => {
    const alts = (q: string) => analyseQuestion(q).units.flatMap((u) => u.alts);
    for (const q of ['is my antivirus up to date?', 'do I need to keep my details up-to-date?']) {
      expect(alts(q), q).not.toContain('#limit');
      expect(alts(q), q).toContain(stem('updated'));
    }
    expect(alts('can I send files up to 25 MB?')).toContain('#limit');
  });

  it('reads "over half term" as when it happens and "take my school laptop home" as about the school laptop', () => {
    const units = analyseQuestion('can I take my school laptop home over half term?').units;
    expect(units.find((u) => u.alts.includes('#school-holiday'))?.optional).toBe(true);
    expect(units.find((u) => u.alts.includes('#school-device'))?.optional).toBeUndefined();
    expect(units.filter((u) => !u.optional).map((u) => u.alts)).toEqual([['#school-device']]);
  });

  it('reads "every term" as asking how often, changing a password apart from forgetting one, and "mine" as no minimum', () => {
    const alts = analyseQuestion("do we have to change our passwords every term or something? mine's never made me").units.flatMap((u) => u.alts);
    expect(alts).toEqual(expect.arrayContaining(['#password-change', '#frequency']));
    expect(alts).not.toContain('#password-reset');
    expect(alts).not.toContain('#length');
    expect(analyseQuestion('I forgot my password and I am locked out').units.flatMap((u) => u.alts)).toContain('#password-reset');
  });

  it('marks what a question adds after asking ("so I can…", a second sentence) as an aside', () => {
    const units = analyseQuestion('can I set my school emails to go automatically to my hotmail so I can keep up on my days off?').units;
    expect(units.find((u) => u.alts.includes('#annual-leave'))?.aside).toBe(true);
    expect(units.find((u) => u.alts.includes('#personal-email'))?.aside).toBeUndefined();
    const limit = analyseQuestion('is there a limit on how big an email can be? trying to send the INSET slides round').units;
    expect(limit.find((u) => u.alts.includes('#staff-events'))?.aside).toBe(true);
    expect(analyseQuestion('when are the INSET days next year?').units.find((u) => u.alts.includes('#staff-events'))?.aside).toBeUndefined();
  });

  it('tells a question that names only where and when from one that asks about something there', () => {
    expect(analyseQuestion('is the train to the museum on Friday?').onlySetting).toBe(true);
    expect(analyseQuestion('left my school laptop on the train, who do I tell?').onlySetting).toBe(false);
    expect(analyseQuestion('can I check my emails over the summer hols?').onlySetting).toBe(false);
  });

  it('reads "while I…" after the question as what is going on around it, and opening the question as what it asks about', () => {
    const copier = (q: string): boolean | undefined => analyseQuestion(q).units.find((u) => u.alts.includes('#printing'))?.aside;
    expect(copier('can I leave a group of yr4 on the ipads in the classroom while I run to the photocopier?')).toBe(true);
    expect(copier('while I use the photocopier, can I leave a group of yr4 on the ipads?')).toBeUndefined();
    expect(copier('can I use the photocopier for my own things?')).toBeUndefined();
  });

  it('reads "so she can…" as an explanation, "tell my TA my password" as sharing it, and "a letter" as no length', () => {
    const units = analyseQuestion('can I tell my TA my password so she can print my planning?').units;
    expect(units.find((u) => u.surface === 'print')?.optional).toBe(true);
    expect(units.flatMap((u) => u.alts)).toContain('#share-credentials');
    const letter = analyseQuestion('sending a letter about the christmas performance to all the parents by email').units.flatMap((u) => u.alts);
    expect(letter).not.toContain('#length');
    expect(analyseQuestion('my password is only 8 letters, is that ok?').units.flatMap((u) => u.alts)).toContain('#length');
  });

  it('counts the words a question tells before it asks only where a passage meets them', () => {
    const units = analyseQuestion("I'm finishing in July but I'm paid until the end of August. when does my email stop working?").units;
    expect(units.find((u) => u.surface === 'paid')?.optional).toBe(true);
    expect(units.find((u) => u.surface === 'email')?.optional).toBeUndefined();
    expect(units.find((u) => u.alts.includes('#disabled'))?.optional).toBeUndefined();
    expect(analyseQuestion('am I paid for the days my email is switched off?').units.find((u) => u.surface === 'paid')?.optional).toBeUndefined();
    // A statement about the asker set off by a comma is told before the question too.
    const comma = analyseQuestion("I'm marking coursework all weekend, can I forward my email to my Gmail?").units;
    expect(comma.find((u) => u.surface === 'coursework')?.optional).toBe(true);
    expect(comma.find((u) => u.alts.includes('#personal-email'))?.optional).toBeUndefined();
    expect(analyseQuestion('Can I forward my email to my Gmail while marking coursework?').units.find((u) => u.surface === 'coursework')?.optional).toBeUndefined();
    expect(analyseQuestion('Staff laptops, can they go home at weekends?').units.find((u) => u.surface === 'laptops')?.optional).toBeUndefined();
    // A full stop after an abbreviation ends no sentence: "email" is still asked about.
    expect(analyseQuestion("Can I email Mr. Smith's class list to the PTA?").units.find((u) => u.surface === 'email')?.optional).toBeUndefined();
  });

  it('counts the words of an explanation only where a passage meets them ("…our emails? bit paranoid after…")', () => {
    const units = analyseQuestion('do IT actually read our emails? bit paranoid after something said in the staffroom').units;
    expect(units.find((u) => u.surface === 'paranoid')?.optional).toBe(true);
    expect(analyseQuestion('is it paranoid to lock my screen?').units.find((u) => u.surface === 'paranoid')?.optional).toBeUndefined();
  });

  it('marks a topic named as where something happened ("on the school bus") as an aside', () => {
    expect(analyseQuestion('left my phone on the school bus, who do I tell?').units.find((u) => u.alts.includes('#minibus'))?.aside).toBe(true);
    expect(analyseQuestion('how do I book the school bus?').units.find((u) => u.alts.includes('#minibus'))?.aside).toBeUndefined();
    // "on how big…" is a question after "on", not a place.
    expect(analyseQuestion('is there a limit on how big an email can be?').units.find((u) => u.alts.includes('#attachment-size'))?.aside).toBeUndefined();
  });

  it('reads "between the car park and…" and "on the big photocopier" as where, so the policy need not mention them', () => {
    const lost = analyseQuestion('I lost a memory stick somewhere between the car park and the office, who do I tell?').units;
    expect(lost.find((u) => u.alts.includes('#parking'))?.aside).toBe(true);
    const copier = analyseQuestion("I'm printing the SEN register on the big photocopier, anything to be careful about?").units;
    expect(copier.find((u) => u.alts.includes('#printing'))?.aside).toBe(true);
    expect(analyseQuestion('where can I park when the car park is full?').units.find((u) => u.alts.includes('#parking'))?.aside).toBeUndefined();
    // "her on Facebook": the word after a determiner is a place word here, not a describing one.
    expect(analyseQuestion('do I need to unfriend her on Facebook?').units.filter((u) => u.alts.includes('#social-media')).at(-1)?.aside).toBe(true);
  });

  it('reads "site manager here, …" as who is asking, not what is asked about', () => {
    const units = analyseQuestion('site manager here, can I take the school laptop home over the holidays?').units;
    expect(units.find((u) => u.alts.includes('#repairs'))?.aside).toBe(true);
    expect(analyseQuestion('can the site manager read my emails?').units.find((u) => u.alts.includes('#repairs'))?.aside).toBeUndefined();
    // A question ending in "here" introduces nobody.
    expect(analyseQuestion('can I park here, or is it just for visitors?').units.find((u) => u.alts.includes('#parking'))?.aside).toBeUndefined();
  });

  it('reads "asking for our site manager - …" and "my NQT asked if…" as who is asking', () => {
    const forSite = analyseQuestion('asking for our site manager - are staff supposed to shut their computers down at night?').units;
    expect(forSite.find((u) => u.alts.includes('#repairs'))?.aside).toBe(true);
    const forNqt = analyseQuestion('my NQT asked if she can install Spotify on the classroom PC').units;
    expect(forNqt.find((u) => u.alts.includes('#new-starter'))?.aside).toBe(true);
    expect(forNqt.find((u) => u.alts.includes('#software'))?.aside).toBeUndefined();
    // Asked about the new teacher, the new teacher is what the question is about.
    expect(analyseQuestion('does my NQT need her own login?').units.find((u) => u.alts.includes('#new-starter'))?.aside).toBeUndefined();
    // A role said first and set off by a dash or colon, without "here".
    const dash = analyseQuestion('site manager - do the computers need switching off at the end of the day?').units;
    expect(dash.find((u) => u.alts.includes('#repairs'))?.aside).toBe(true);
    expect(analyseQuestion('Governor: can I use my hotmail for school business?').units.find((u) => u.words.includes('governor'))?.aside).toBe(true);
  });

  it('reads "…on the class PC - is that allowed?" as asking about what was told', () => {
    const units = (q: string) => analyseQuestion(q).units;
    const software = (q: string) => units(q).find((u) => u.alts.includes('#software'));
    expect(software('I want to install a game on the class PC - is that allowed?')?.aside).toBeUndefined();
    expect(software('I want to install a game on the class PC. Is that ok?')?.aside).toBeUndefined();
    // Told first and then asked something else, what was told is still the setting.
    expect(software('I installed a game on the class PC, who do I tell?')?.aside).toBe(true);
  });

  it('reads shutting a computer down at the end of the day as the logging-off duty, not only as an account switched off', () => {
    const units = analyseQuestion('should staff shut their computers down at the end of the day?').units;
    expect(units.some((u) => u.alts.includes('#screen-lock'))).toBe(true);
    // Leaving a PC on overnight is not leaving the school, and switching off "at the end" is not removing something.
    expect(analyseQuestion('ok to leave my pc on overnight?').units.map((u) => u.alts[0])).toContain('#screen-lock');
    expect(analyseQuestion('do the computers need switching off at the end of the day?').units.some((u) => u.alts.includes('#remove'))).toBe(false);
    // "Left her login on a note" is about the login, not about leaving a computer on.
    const note = analyseQuestion('the class teacher left her login on a note so I can use the board - is that ok?').units;
    expect(note.some((u) => u.alts.includes('#screen-lock'))).toBe(false);
    expect(note.some((u) => u.alts.includes('#sign-in'))).toBe(true);
  });

  it('reads what is told before the asking clause of a question typed without a "?"', () => {
    const laptop = (q: string) => analyseQuestion(q).units.find((u) => u.surface === 'laptop');
    expect(laptop('my laptop at home is full, can i keep my holiday pics on the school shared drive for a bit')?.optional).toBe(true);
    expect(laptop('my laptop at home is full. can i keep my holiday pics on the school shared drive')?.optional).toBe(true);
    // With no asking clause after it, the whole text is the question.
    expect(laptop('my laptop is broken and I need a loan one')?.optional).toBeUndefined();
  });

  it('reads "report it to…" as telling someone, not as school reports', () => {
    const units = analyseQuestion('got an abusive email, do I have to report it to anyone?').units;
    expect(units.some((u) => u.alts.includes('#personal-data'))).toBe(false);
    expect(analyseQuestion('can I email end of year reports to parents?').units.some((u) => u.alts.includes('#personal-data'))).toBe(true);
  });

  it('reads "take it back" after an email as recalling it, and "take back the photo consent" as withdrawing consent', () => {
    const ids = (q: string) => analyseQuestion(q).units.flatMap((u) => u.alts);
    const recall = ids('just sent an email to the wrong parent, can I take it back?');
    expect(recall).toContain('#recall');
    expect(recall).not.toContain('#withdraw-consent');
    expect(ids('can a mum take back the photo consent she gave?')).toContain('#withdraw-consent');
  });
});
