import { isContentsTitle, isFormBlank } from '../policy-docs/index.ts';
import { ASKS_ABOUT_PUPILS_OR_PARENTS, pupilOrParentVoice } from './audience.ts';
import { sentences } from './extract.ts';
import { eventTopics } from './lexicon.ts';
import type { Passage } from './types.ts';

/**
 * How much a passage counts before any question word is matched: the ranker multiplies its score by
 * this. Most passages count fully; some state no rule for staff (a title page, a contents list, a blank
 * form, the pupils' rules), and some answer a kind of question better than their neighbours.
 */

/** What the priors need to know about a question. */
export interface QuestionKind {
  /** About signing the policy ("do I need to sign this?"). */
  aboutSigning: boolean;
  /** About pupils' or parents' own rules ("can pupils use their phones?"). */
  aboutPupils: boolean;
  /** Asks whether something is allowed ("can I…?", "is it ok to…?"). */
  asksPermission: boolean;
  /** Tells of something that has happened and asks what to do ("I've sent it to the wrong mum, what now?"). */
  reportsIncident: boolean;
  /** Asks what to do or who to tell ("what now?", "who do I tell?"), not only tells what happened. */
  asksWhatToDo: boolean;
  /** Asks for a limit ("what's the biggest attachment I can send?"). */
  asksLimit: boolean;
  /** Asks how big a file or email may be, so the limit that answers is a size. */
  asksSize: boolean;
  /** Asks who to tell, ask or contact. */
  asksWho: boolean;
  /** Names one of the groups whose own arrangements a policy sets apart (supply staff, governors…). */
  namesSideGroup: boolean;
  /** Asks about the law ("is that against GDPR?", "which laws…?"), so a list of Acts may answer. */
  asksLaw: boolean;
  /** Asks what a word means ("what counts as personal use?"), so a definition answers. */
  asksDefinition: boolean;
  /** Names pupils ("a lad I taught", "one of my year 6s"), parents ("a mum"), both or neither. */
  names: { pupils: boolean; parents: boolean };
}

const SIGNING = new Set(['#declaration', '#acknowledge']);
const ASKS_PERMISSION =
  /^\s*(can|could|may|am|are|is it|do i (need|have)|should|must)\b|\b(allowed|ok|okay|alright|fine|permitted)\b|(?<!\b(what|how|where|who|which|when|why|whom)\s)\b(can|could|may|should|must) (i|we)\b/i;

/**
 * "My phone keeps pinging with approvals and I'm not signing in??" asks nothing in words: told of an
 * event and nothing more, staff want to know what to do about it.
 */
const ASKS_IN_WORDS = /\b(what|how|who|whom|when|where|why|which|whether)\b|(^|[.!?,;:]\s*)(can|could|may|should|must|shall|is|are|am|was|do|does|did|will|would|have|has)\b|\b(can|could|may|should|must|shall|do|will) (i|we|you|they|it|staff)\b|\b(ok|okay|alright|allowed)\b|\b(legit|genuine|real|a scam|safe|normal|right)\W*\?/i;

/** "What now?", "what should I do?" ("who do I tell?" is the lexicon's #who-to-tell intent). */
const ASKS_WHAT_TO_DO = /\b(what (do|should|shall|must|can) (i|we) do|what now|what happens now|what next|what do i need to do|what am i (meant|supposed) to do|how do i report)\b/i;
const SOMETHING_HAPPENED =
  /\bi(?:'ve| have)? (just |accidentally |already )?(sent|clicked|lost|left|opened|replied|forwarded|deleted|typed|entered|given|shared|posted|downloaded)\b|\b(got|been|was|were|has been|have been) (nicked|stolen|lost|hacked|compromised|nabbed|pinched)\b|\b(has|have) (messaged|emailed|contacted|added|followed|friended|sent me)\b/i;

/**
 * Supply staff, students on placement, governors, volunteers: a passage about them states their own
 * arrangements ("Supply staff have accounts that end on the agreed date"), not the rule for the rest.
 * A passage is about them when it opens with one; a question, when it names one anywhere.
 */
const SIDE_GROUPS =
  'supply( staff| teachers?)?|agency( staff| workers?)?|temp|temporary( staff| workers?)?|casual( staff| workers?)?|students? (teachers?|on placement)|placement|trainees?|pgce|scitt|volunteers?|governors?|trustees?|visitors?|contractors?|peri|peripatetic|work experience';
const OPENS_WITH_SIDE_GROUP = new RegExp(`^\\W*(for |all |any )?(${SIDE_GROUPS})\\b`, 'i');
const NAMES_SIDE_GROUP = new RegExp(`\\b(${SIDE_GROUPS})\\b`, 'i');

/**
 * How a policy names pupils and parents as the ones who do something. Not "child": "Child protection"
 * is a subject.
 */
const PUPILS = 'pupils?|children|students?|learners?';
const PARENTS = 'parents?|carers?|parents?\\/carers?';

/**
 * E-safety policies set the pupils' rules beside the staff's in the third person: "Pupils must
 * immediately tell a teacher if they receive an offensive email" next to "Staff must inform the
 * E-Safety coordinator…". A passage opening with pupils doing something is their rule; staff asking
 * about themselves want the other. Pupils having something done to them ("Pupils must only be
 * contacted through their school email") is a rule for staff, and stays one.
 */
const PUPILS_RULE = new RegExp(`^\\W*(all |the )?(${PUPILS})\\s+(must|should|will|may|can|need to|are to|are (expected|required|allowed|not allowed|encouraged|permitted|not permitted|asked)( to)?)\\s+(?!((only|never|not|always|also) )?(be|been|have been)\\b)`, 'i');

/**
 * Guidance set out by who does something: "A pupil adds you on social media" beside "A parent adds you
 * on social media", or "Pupils" beside "Parents and visitors" under the wifi. A heading that opens with
 * one group answers a question naming only the other less well.
 */
const headingOpensWith = (group: string): RegExp => new RegExp(`^\\W*((if|when|where) )?(an? |the |all )?(${group})\\b`, 'i');
const HEADING_PUPILS = headingOpensWith(PUPILS);
const HEADING_PARENTS = headingOpensWith(PARENTS);
// Staff name them in their own words. Not the lexicon's #pupil, which "my class" also means: in "a mum
// from my class" the class says whose mum, and only the parent is named.
const NAMES_PUPILS = new RegExp(`\\b(${PUPILS}|child|kids?|(year|yr|y) ?\\d{1,2}s?|lads?|girls?|boys?)\\b`, 'i');
const NAMES_PARENTS = new RegExp(`\\b(${PARENTS}|mums?|mothers?|dads?|fathers?|guardians?|step-?(mum|dad|parent))\\b`, 'i');

const ASKS_LAW = /\b(laws?|legal|illegal|legally|legislation|acts?|regulations?|statutory|gdpr|data protection|guidance|kcsie|keeping (children|kids) safe)\b/i;
/**
 * Asks what a word means or what a rule reaches: "what counts as personal use?", "does booking a
 * dentist count as personal?", "'authorised personnel' – who actually is that?", "does the IT policy
 * cover my work mobile?".
 */
const ASKS_DEFINITION = new RegExp(
  [
    /\bwhat (actually |exactly )?(counts|is counted|is classed|classes|is meant|do (you|we|they) mean|falls under)\b/,
    /\bwhat does\b.{1,60}\bmean\b|\bdefin(e|ed|ition)\b|\bmeaning of\b/,
    /(^|[,.?!;:–—-]\s*)(does|do|would|will|is|are)\b[^,.?!;]{1,60}\b(count(s|ed)?|classed|classified) as\b/,
    /\bwho (actually |exactly )?(is|are) (that|they|those|these)\b/,
    /\b(policy|rules?) (actually |even |also )?(covers?|appl(y|ies) to|includes?)\b/,
  ]
    .map((r) => r.source)
    .join('|'),
  'i',
);

/** `alts`: the question's units' words and concepts after analysis. */
export function questionKind(question: string, alts: readonly string[]): QuestionKind {
  const asksPermission = ASKS_PERMISSION.test(question);
  const asksWho = alts.includes('#who-to-tell');
  const asksWhatToDo = asksWho || ASKS_WHAT_TO_DO.test(question) || (!ASKS_IN_WORDS.test(question) && alts.some((a) => eventTopics.has(a)));
  return {
    aboutSigning: alts.some((a) => SIGNING.has(a)),
    aboutPupils: ASKS_ABOUT_PUPILS_OR_PARENTS.test(question),
    asksPermission,
    namesSideGroup: NAMES_SIDE_GROUP.test(question),
    names: { pupils: NAMES_PUPILS.test(question), parents: NAMES_PARENTS.test(question) },
    asksLaw: ASKS_LAW.test(question),
    asksDefinition: ASKS_DEFINITION.test(question),
    asksLimit: alts.includes('#limit'),
    asksSize: alts.includes('#attachment-size'),
    asksWho,
    reportsIncident: asksWhatToDo || (SOMETHING_HAPPENED.test(question) && !asksPermission),
    asksWhatToDo,
  };
}

/** Title pages, contents, the sign-off slip, the pupils' and parents' agreements: rarely the answer. */
const ASIDE = 0.5;
/**
 * A Background or Introduction section, or the sentence introducing a table: the rules come after. An
 * item of the list of Acts, or a pointer to other guidance, states no rule either.
 */
const PREAMBLE = 0.7;
/** A table's catch-all row ("Everyday email") answers a question naming no particular kind of record. */
const GENERAL_ROW = 1.15;
/** A passage that permits or forbids answers "can I…?" better than its neighbour that describes. */
const STATES_RULE = 1.1;
/** "If you have clicked a link…, change your password" answers "I clicked a link, what now?" better than the rule it broke. */
const SAYS_WHAT_TO_DO = 1.2;
/** "Must not be larger than 2 MB" answers "what's the biggest?"; "for anything bigger than 2 MB, …" says what to do past it. */
const STATES_LIMIT = 1.1;
/** A definition ("Personal use": any use not related to…) answers "what counts as…?" better than a rule using the word. */
const DEFINES = 1.2;
/**
 * A definition names many things ("ICT facilities": …network, laptops, software, apps…) but sets no
 * rule for them: a question that does not ask what a word means is answered by a rule using it.
 */
const DEFINES_UNASKED = 0.8;
/** A row of the "who to contact" table names a person, not the rule, unless the question asks who. */
const CONTACT_ROW = 0.8;
/**
 * Another group's own arrangements or rules, asked about by someone who does not name that group: the
 * arrangements for supply staff, governors or volunteers; the rules pupils follow; what to do when a
 * pupil adds you on social media, asked about a parent.
 */
const OTHER_GROUP_ONLY = 0.75;

/** A model policy's note to the schools adopting it ("Note for schools: delete this note before publishing"). */
const TEMPLATE_NOTE = /^\W*(note (for|to) (schools|headteachers|governors|academies)|guidance (note )?for schools)\b|\bdelete this (note|box|guidance)\b/i;
const SIGN_OFF_HEADING = /\b(declaration|acknowledge?ment (slip|form)|sign[- ]?off|staff signature)\b/i;
const SIGN_OFF_TEXT = /\b(sign and return|return this (slip|form)|i have read and understood)\b/i;
const INTRO_HEADING = /^(background|introduction|rationale|aims?( and objectives)?|overview|context)$/i;
const TABLE_INTRO = /\b(table below|following table|table (that )?follows|as follows)\b/i;
const GENERAL_LABEL = /^(everyday|general|all( other)?|standard|normal|other|routine|ordinary|day-to-day)\b/i;
const RULE_WORDS = /\b(may|must|allowed|allows?|permitted|permits?|not|never|no|only|should|cannot|prohibited|forbidden)\b/i;
const CONDITIONAL = /^\W*(if|should (you|a|an|the|any)|where (you|a|an|the|any|staff|there)|in the event|anyone who|when (you|a|an|the|any) [^,]{0,60}\b(lost|stolen|sent|clicked|receive|received|contacts?|becomes? aware|suspect|breach))\b/i;
/**
 * An item of the "Legislation and guidance" list ("Computer Misuse Act 1990", "Keeping Children Safe in
 * Education 2018"): a title, not a rule, unless the question is about the law. So is a pointer to other
 * guidance ("For further information relating to…, see…").
 */
const LAW_TITLE = /^\W*(The )?([A-Z][\w'’&,()-]*(\s+|$)((and|of|in|for|the|on|to) )*){1,10}(\(?\d{4}\)?)?\W*$/;
const LAW_WORD = /\b(Act|Regulations?|Guidance|Education)\b/;
const POINTER = /^\W*(for (further|more) (information|details|guidance|advice)|further (information|guidance|advice)|see also)\b/i;
const DEFINITIONS_HEADING = /^\W*(\d+(\.\d+)*\.?\s+)?(definitions?|glossary|key terms|terminology|terms used)\b/i;
const DEFINES_TERM = /^\W*["“‘'][^"”’']{1,40}["”’']\s*(:|–|—|-|means|is|refers|includes)/i;
const CONTACTS_HEADING = /\b(contacts?|who to (contact|tell|ask|go to)|key people|getting help|help and support)\b/i;
const LIMIT_STATEMENT =
  /\b(maximum|max|no (larger|bigger|more) than|not (be )?(larger|bigger|more) than|(cannot|can't|can not) (\w+ )?(take|receive|accept|send|hold) (anything )?(larger|bigger|more) than|must not exceed|cannot exceed|limited to|at most|size limit|limit (is|of)|up to \d+)\b/i;
// "no more than 14 days" is a limit too, but not the answer to "what's the biggest file?".
const STATES_SIZE = /\d\s?(kb|mb|gb|megabytes?|gigabytes?)\b/i;

/** The passage's heading opens with pupils and the question names parents but not pupils, or the other way round. */
function namesOnlyOther(group: 'pupils' | 'parents' | undefined, kind: QuestionKind): boolean {
  if (group === 'pupils') return kind.names.parents && !kind.names.pupils;
  if (group === 'parents') return kind.names.pupils && !kind.names.parents;
  return false;
}

/**
 * The prior of each passage for a kind of question; 0 means never cited. `frontMatter` marks the
 * passages before a document's first paragraph of prose (title page, version box).
 */
export function passagePriors(passages: readonly Passage[], frontMatter: readonly boolean[]): (i: number, kind: QuestionKind) => number {
  // A blank form answers nothing, not even "do I need to sign?".
  const form = passages.map((p) => isFormBlank(p.text));
  // A contents list states no rule wherever it sits ("15. Email signatures and the school disclaimer").
  // A model policy's note to the schools adopting it is guidance to them, not a rule for staff.
  const aside = passages.map((p, i) => frontMatter[i]! || isContentsTitle(p.heading) || TEMPLATE_NOTE.test(p.text));
  // The sign-off slip ("Please sign and return this slip…") answers only questions about signing.
  const signOff = passages.map((p) => SIGN_OFF_HEADING.test(p.heading) || SIGN_OFF_TEXT.test(p.text));
  const otherVoice = pupilOrParentVoice(passages);
  // "The table below shows how long messages are kept." introduces the rows that answer, and each row
  // carries it in its lead-in. (A lead-in that is a rule itself, "The Headteacher may authorise access
  // only for:", keeps its weight.)
  const leadIns = passages.flatMap((p) => (p.leadIn ? [p.leadIn] : []));
  const preamble = passages.map(
    (p) => INTRO_HEADING.test(p.heading.trim()) || (TABLE_INTRO.test(p.text) && leadIns.some((l) => l.startsWith(p.text))),
  );
  const generalRow = passages.map((p) => p.label !== undefined && GENERAL_LABEL.test(p.label));
  const statesRule = passages.map((p) => RULE_WORDS.test(p.text));
  const sideGroup = passages.map((p) => OPENS_WITH_SIDE_GROUP.test(p.text) || (p.label !== undefined && OPENS_WITH_SIDE_GROUP.test(p.label)));
  const pupilsRule = passages.map((p) => PUPILS_RULE.test(p.text));
  const headingGroup = passages.map((p) => (HEADING_PUPILS.test(p.heading) ? 'pupils' : HEADING_PARENTS.test(p.heading) ? 'parents' : undefined));
  const statesLimit = passages.map((p) => LIMIT_STATEMENT.test(p.text));
  const statesSize = passages.map((p) => STATES_SIZE.test(p.text));
  const contactRow = passages.map((p) => p.kind === 'row' && CONTACTS_HEADING.test(p.heading));
  const titleOrPointer = passages.map((p) => (p.text.length <= 100 && LAW_TITLE.test(p.text) && LAW_WORD.test(p.text)) || POINTER.test(p.text));
  const definition = passages.map((p) => DEFINITIONS_HEADING.test(p.heading) || DEFINES_TERM.test(p.text));
  // "Check the recipients… If you send personal information to the wrong person, tell…": the condition
  // need not open the passage.
  const conditional = passages.map((p) => sentences(p.text).some((x) => CONDITIONAL.test(x)) || (p.leadIn !== undefined && CONDITIONAL.test(p.leadIn)));

  return (i, kind) => {
    if (form[i]) return 0;
    if (aside[i] || (signOff[i] && !kind.aboutSigning) || (otherVoice[i] && !kind.aboutPupils)) return ASIDE;
    if (preamble[i] || (titleOrPointer[i] && !kind.asksLaw)) return PREAMBLE;
    return (
      (generalRow[i] ? GENERAL_ROW : 1) *
      (kind.asksPermission && statesRule[i] ? STATES_RULE : 1) *
      (kind.reportsIncident && conditional[i] ? SAYS_WHAT_TO_DO : 1) *
      ((sideGroup[i] && !kind.namesSideGroup) || (pupilsRule[i] && !kind.aboutPupils) || namesOnlyOther(headingGroup[i], kind) ? OTHER_GROUP_ONLY : 1) *
      (contactRow[i] && !kind.asksWho ? CONTACT_ROW : 1) *
      (definition[i] ? (kind.asksDefinition ? DEFINES : DEFINES_UNASKED) : 1) *
      (kind.asksLimit && statesLimit[i] && (statesSize[i] || !kind.asksSize) ? STATES_LIMIT : 1)
    );
  };
}
