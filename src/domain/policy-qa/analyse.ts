import { ABBREVIATION } from '../policy-docs/index.ts';
import { backgroundShare, isSetting } from './background.ts';
import { concepts, incidentalBeside, incidentalTopics } from './lexicon.ts';
import { stem } from './stem.ts';
import { questionWords, stopwords } from './stopwords.ts';

export interface Token {
  word: string;
  stem: string;
}

/** A thing the question asks about: covered when a passage holds any one of `alts`. */
export interface QueryUnit {
  alts: string[];
  /** Every content stem of a concept phrase; a passage holding all of them covers the unit too. */
  words: string[];
  /** The unit says what kind of answer is wanted ("how often"), not what the question is about. */
  intent?: boolean;
  /** The question's own spelling of a single-word unit, for dictionary look-ups. */
  surface?: string;
  /** Policy words that stand in for a unit the policy never uses (see expand.ts): partial credit only. */
  near?: string[];
  /**
   * Where, when or who ("on the train", "at the weekend", "the class photos"), or a word slipped into a
   * set phrase ("left my *work* iPad"): evidence when a passage meets it, but not a part of the
   * question a passage must meet (coverage.ts).
   */
  optional?: boolean;
  /**
   * Named only in what the question adds after asking ("…to my Hotmail so I can keep up on my days
   * off", "is there a size limit? trying to send the INSET slides"): the reason or occasion, not the subject.
   */
  aside?: boolean;
}

export interface Analysed {
  terms: string[];
  /** Token position of each term, for proximity. */
  positions: number[];
}

/**
 * Folds forms the light stemmer keeps apart but staff use interchangeably: "automatically" and
 * "automatic", US "-ize/-yze" and UK "-ise/-yse" ("organize", "analyze").
 */
export function root(word: string): string {
  if (word.length <= 5) return word;
  return word.replace(/ically$/, 'ic').replace(/(?<=[a-z]{3})iz(e|es|ed|ing|ation)$/, 'is$1').replace(/(?<=[a-z]{2})yz(e|es|ed|ing)$/, 'ys$1');
}

export function tokens(text: string): Token[] {
  const words = text
    .toLowerCase()
    // Older policies hyphenate what staff write as one word: "e-mail", "on-line".
    .replace(/\be-mail/g, 'email')
    .replace(/\bon-line\b/g, 'online')
    // "Up to date" is being updated, not a limit: "up to" alone is how limits are put ("up to 25 MB").
    .replace(/\bup[\s-]+to[\s-]+date\b/g, 'updated')
    .replace(/[’‘`]/g, "'")
    .replace(/'s\b/g, '')
    .replace(/'/g, '')
    .match(/[a-z]+|\d+/g);
  return (words ?? []).map((word) => ({ word, stem: stem(root(word)) }));
}

interface Phrase {
  stems: string[];
  id: string;
  askOnly: boolean;
}

type PhraseTable = Map<string, Phrase[]>;
const topicPhrases: PhraseTable = new Map();
const intentPhrases: PhraseTable = new Map();
for (const c of concepts) {
  const table = c.intent ? intentPhrases : topicPhrases;
  const add = (text: string, askOnly: boolean): void => {
    const stems = tokens(text).map((t) => t.stem);
    const first = stems[0];
    if (!first) return;
    const list = table.get(first) ?? [];
    list.push({ stems, id: c.id, askOnly });
    table.set(first, list);
  };
  c.doc.forEach((p) => add(p, false));
  c.ask?.forEach((p) => add(p, true));
}
// Topic phrases prefer document wording on a tie; intent phrases prefer asking wording, which is what
// marks an intent in a question.
for (const list of topicPhrases.values()) list.sort((a, b) => b.stems.length - a.stems.length || Number(a.askOnly) - Number(b.askOnly));
for (const list of intentPhrases.values()) list.sort((a, b) => b.stems.length - a.stems.length || Number(b.askOnly) - Number(a.askOnly));

interface ConceptHit {
  id: string;
  intent: boolean;
  start: number;
  end: number;
  askOnly: boolean;
  /** Words slipped into the phrase ("left my *school* iPad"): still words of the question. */
  gaps: number[];
}

const askOnlyAt = (hits: ConceptHit[], i: number): boolean => hits.some((h) => h.askOnly && h.start <= i && i < h.end);

function conceptHits(toks: Token[], asking: boolean): ConceptHit[] {
  // In a question an intent must be asked for ("how often"), not just mentioned ("next week").
  const intents = matchPhrases(intentPhrases, toks, asking).filter((h) => !asking || h.askOnly);
  return [...matchPhrases(topicPhrases, toks, asking), ...intents.map((h) => ({ ...h, intent: true }))];
}

/**
 * Staff slip extra words into set phrases ("read our work emails", "left my school iPad on the
 * train"), so in a question a phrase may skip up to MAX_GAP words in all; policies are matched exactly.
 */
const MAX_GAP = 2;

function phraseMatch(stems: string[], toks: Token[], start: number, maxGap: number): { end: number; gaps: number[] } | undefined {
  let at = start;
  const gaps: number[] = [];
  for (let k = 0; k < stems.length; k += 1) {
    while (toks[at] && toks[at]!.stem !== stems[k]) {
      // The first word must match where the phrase starts (so a single word never stretches).
      if (k === 0 || gaps.length >= maxGap) return undefined;
      gaps.push(at);
      at += 1;
    }
    if (!toks[at]) return undefined;
    at += 1;
  }
  return { end: at, gaps };
}

function matchPhrases(table: PhraseTable, toks: Token[], asking: boolean): ConceptHit[] {
  const hits: ConceptHit[] = [];
  let coveredUntil = 0;
  toks.forEach((t, i) => {
    // Longest phrase wins and phrases do not overlap: "maternity leave" is absence, not a leaver.
    if (i < coveredUntil) return;
    let longest = 0;
    for (const p of table.get(t.stem) ?? []) {
      if (p.askOnly && !asking) continue;
      if (p.stems.length < longest) break;
      // A phrase of function words ("up to", "at most") is matched only as written: "set up a rule to" is no limit.
      const match = phraseMatch(p.stems, toks, i, asking && p.stems.some((s) => !stopwords.has(s)) ? MAX_GAP : 0);
      if (match === undefined) continue;
      // One phrase can name two concepts of the same kind; both count.
      if (hits.some((h) => h.start === i && h.id === `#${p.id}`)) continue;
      hits.push({ id: `#${p.id}`, intent: false, start: i, end: match.end, askOnly: p.askOnly, gaps: match.gaps });
      longest = p.stems.length;
      coveredUntil = match.end;
    }
  });
  return hits;
}

const isContent = (t: Token, asking: boolean): boolean =>
  !stopwords.has(t.word) && !(asking && questionWords.has(t.word)) && t.word.length > 1;

/** Content stems plus concept terms, in reading order, for indexing a passage. */
export function analyseText(text: string): Analysed {
  const toks = tokens(text);
  const terms: string[] = [];
  const positions: number[] = [];
  toks.forEach((t, i) => {
    if (isContent(t, false)) {
      terms.push(t.stem);
      positions.push(i);
    }
  });
  for (const hit of conceptHits(toks, false)) {
    terms.push(hit.id);
    positions.push(hit.start);
  }
  return { terms, positions };
}

const SOFT_WEIGHT = 0.5;
const EVERYDAY = 0.4;

/**
 * "It keeps crashing", "do I keep answering?", "to keep on top of it": going on doing something or
 * keeping up, not keeping anything (retention).
 */
const KEEP_DOING = /\bkeep(s|ing)?\s+(?=[a-z]+ing\b|on top\b|up with\b|track of\b|in touch\b)/gi;

/**
 * A question must ask about something. When every idea of it is optional, those that are not a
 * setting count ("check my emails over the summer hols" asks about checking email); a question that is
 * all setting ("is the train to the museum on Friday?") is about that setting, and true is returned.
 */
function requireSubject(units: QueryUnit[], settings: Set<QueryUnit>): boolean {
  if (!units.every((u) => u.optional || u.intent)) return false;
  const subjects = units.filter((u) => u.optional && !settings.has(u));
  for (const u of subjects.length > 0 ? subjects : units) delete u.optional;
  return subjects.length === 0 && units.some((u) => settings.has(u));
}

/**
 * Where a question stops asking and starts explaining: a second sentence, or "so I can…", "trying to…",
 * "…while I run to the photocopier". One that opens the question ("While I'm on leave, can I…?") is
 * not an aside: what it names is what the question is about.
 */
const ASIDE_FROM = /\?(?=\s*\w)|\b(so (that )?(i|we|she|he|they|it) (can|could|don'?t|won'?t)|trying to|because|cos|as i('m| am)?|(while|whilst) (i|we))\b/i;

/**
 * A topic named as where or when something happens ("left my phone *on the school bus*", "check email
 * *while on maternity leave*") is the occasion, not what is asked about.
 */
const SETTING_WORDS = new Set(['on', 'in', 'at', 'during', 'over', 'between', 'near', 'outside', 'behind']);
const DETERMINERS = new Set(['the', 'a', 'an', 'my', 'our', 'this', 'that', 'his', 'her', 'their']);
/** Words between the preposition and the topic: a determiner, and "school" as in "on the school minibus". */
const BEFORE_NOUN = new Set([...DETERMINERS, 'school']);
function namedAsSetting(toks: Token[], start: number): boolean {
  // "a limit on how big an email can be": what follows "on" is a question, not a place.
  if (/^(how|what|when|where|which|who|whether)$/.test(toks[start]?.word ?? '')) return false;
  let i = start - 1;
  // One describing word after a determiner: "printing it on the *big* photocopier".
  if (i >= 1 && !BEFORE_NOUN.has(toks[i]!.word) && !SETTING_WORDS.has(toks[i]!.word) && DETERMINERS.has(toks[i - 1]!.word)) i -= 1;
  const upTo = i - 2;
  while (i >= 0 && i > upTo && BEFORE_NOUN.has(toks[i]!.word)) i -= 1;
  return i >= 0 && SETTING_WORDS.has(toks[i]!.word);
}

/** Character offsets in a question: where who is asking ends, where what it tells ends, where it stops asking. */
interface Told {
  introduced: number;
  told: number;
  asked: number;
}

/**
 * Where the question sentence starts when statements come before it ("…paid until August. When
 * does…?"): after the last full stop or "!" before the last "?", unless that stop ends an abbreviation
 * ("Mr. Khan", "e.g. a video"); after who is asking ("site manager here, …"); 0 when the question
 * comes first.
 */
function toldBefore(text: string): Told {
  const introduced = introducedUntil(text);
  // Typed without a "?" ("my laptop at home is full, can i keep my pics on the shared drive"), the
  // question is the last sentence that opens with an asking word, or the whole text.
  const unmarked = !text.includes('?');
  const asked = unmarked ? text.length : text.lastIndexOf('?');
  let start = 0;
  for (const m of text.matchAll(/[.!]\s+/g)) {
    const end = m.index + m[0].length;
    if (end > asked) break;
    // The policy reader's abbreviations ("Mr.", "e.g.", "approx."), and an initial ("J. Smith"), end no sentence.
    const before = text.slice(0, m.index + 1);
    if (unmarked && !ASKING_START.test(text.slice(end))) continue;
    if (m[0][0] === '!' || !(ABBREVIATION.test(before) || /(?:^|\s)\w\.$/.test(before))) start = end;
  }
  if (text.slice(start, asked).includes('?')) return { introduced, told: introduced, asked };
  // "I'm off on maternity next week, can my emails go to my personal account?": a statement set off by
  // a comma or dash before the asking clause is told before it too.
  const clause = ASKING_CLAUSE.exec(text.slice(start, asked));
  const told = Math.max(introduced, clause && STATEMENT.test(text.slice(start, start + clause.index)) ? start + clause.index + clause[0].length : start);
  return { introduced, told, asked };
}

/**
 * "My NQT wants to install Spotify on the class PC - is that allowed?": the question asks only whether
 * what was told is allowed, so what was told is what it is about, not its setting.
 */
function asksAboutTold(text: string, { told, asked }: Told): boolean {
  return told > 0 && ONLY_ASKS_ALLOWED.test(text.slice(told, asked).replace(/^[\s,;.!–—-]+/, ''));
}

/** Where who is asking, said first, ends; 0 when the question does not open with it. */
const introducedUntil = (text: string): number =>
  Math.max(INTRODUCTION.exec(text)?.[0].length ?? 0, ON_BEHALF.exec(text)?.[0].length ?? 0, ROLE_FIRST.exec(text)?.[0].length ?? 0);

/** Asked for someone else: "my TA wants to know if…", "one of our NQTs asked whether…". */
const ON_BEHALF = /^\s*(?:my|our|a|one of (?:my|our|the)) (?:[\w'’-]+ ){0,2}?(?:asked|asks|is asking|was asking|wants to know|wanted to know|was wondering|is wondering)(?: me| us)? (?:if|whether)\b/i;

/** An asking clause that only asks whether what was just told is allowed ("is that ok?", "are we allowed?"). */
const ONLY_ASKS_ALLOWED =
  /^\s*(?:(?:is|would|will|could|can|does) (?:that|this|it)(?: be)?|(?:am i|are we|are they|is (?:she|he)|can (?:i|we|she|he|they)|do (?:i|we)|does (?:she|he))(?: be)?)(?: actually| even| still| really)? (?:allowed|ok|okay|alright|all right|fine|permitted|acceptable|a problem|an issue|against (?:the )?(?:rules|policy)|do that|do this)\s*$/i;

const NEGATION = /^(?:not|never|no|nothing|cannot|\w+n['’]t|(?:is|are|was|were|do|does|did|has|have|had|ca|wo|could|would|should)nt)$/;

/** The words an asking clause opens with. */
const ASKING_WORD = '(?:can|could|do|does|is|are|am|should|will|would|what|how|who|when|where|which|may|must|have|has|did)\\b';
/** A sentence that opens with an asking word. */
const ASKING_START = new RegExp(`^${ASKING_WORD}`, 'i');
/** A comma or dash, then an asking word. */
const ASKING_CLAUSE = new RegExp(`[,;–—-]\\s+(?=${ASKING_WORD})`, 'i');
/** A clause that tells something about the asker ("I'm off…", "my laptop's broken", "we've got…"). */
const STATEMENT = /^\s*(?:i|i['’]m|i['’]ve|i['’]ll|i['’]d|im|ive|we|we['’]re|we['’]ve|my|our)\b/i;
/**
 * Who is asking, said first and set off: "site manager here, …", "Year 6 teacher here —", "asking for
 * our site manager - …". Not a question that ends in "here" ("can I park here?").
 */
const INTRODUCTION = new RegExp(
  `^\\s*(?:(?!${ASKING_WORD})(?:[\\w-]+ ){1,3}here|(?:asking|question|query) (?:for|from|on behalf of) (?:[\\w'’-]+ ){0,3}[\\w'’-]+)\\s*[,.:;!–—-]`,
  'i',
);

/** Roles staff sign a question with. */
const ROLES =
  "site manager|caretaker|premises manager|ta|hlta|teaching assistant|senco|governor|office manager|school business manager|business manager|sbm|dsl|nqt|ect|supply|supply teacher|cover supervisor|headteacher|head|deputy|deputy head|cleaner|lunchtime supervisor|midday supervisor|trainee|student teacher|receptionist|bursar|technician|(?:y|yr|year ?)\\d+ teacher|class teacher";
/** A role said first and set off, without "here": "site manager - do the computers…", "Governor: is…". */
const ROLE_FIRST = new RegExp(`^\\s*(?:(?:i'?m|i am) )?(?:(?:a|an|the|our) )?(?:${ROLES})\\s*[,:;–—-]\\s*(?=${ASKING_WORD}|i\\b)`, 'i');

export interface AnalysedQuestion {
  terms: string[];
  weights: Map<string, number>;
  ordered: string[];
  units: QueryUnit[];
  /** Every idea of the question is a setting ("is the train to the museum on Friday?"): no rule is asked about. */
  onlySetting: boolean;
}

/** The question as scoring terms (words and concepts) and as units that a passage must cover. */
export function analyseQuestion(question: string): AnalysedQuestion {
  const text = question.replace(KEEP_DOING, '');
  const toks = tokens(text);
  // The first token of the explanation; none when the question explains nothing or opens with it.
  const asideAt = ASIDE_FROM.exec(text);
  const explainsFrom = (asideAt && tokens(text.slice(0, asideAt.index)).length) || Infinity;
  // "I'm finishing in July but I'm paid until August. When does my email stop working?": what a
  // question tells before it asks is its setting; its plain words count where a passage meets them.
  const told = toldBefore(text);
  const toldUntil = tokens(text.slice(0, told.told)).length;
  // Its topics then count in full; its plain words ("for music in PE") still only where a passage meets them.
  const topicsToldUntil = asksAboutTold(text, told) ? tokens(text.slice(0, told.introduced)).length : toldUntil;
  const hits = conceptHits(toks, true);
  const inConcept = new Set<number>();
  const slipped = new Set(hits.flatMap((h) => h.gaps));
  const units: QueryUnit[] = [];
  const settings = new Set<QueryUnit>();
  const seen = new Set<string>();
  for (const hit of hits) {
    const words: string[] = [];
    let negated = false;
    for (let i = hit.start; i < hit.end; i += 1) {
      if (hit.gaps.includes(i)) continue;
      inConcept.add(i);
      negated ||= NEGATION.test(toks[i]!.word);
      if (isContent(toks[i]!, true)) words.push(toks[i]!.stem);
    }
    // "I'm not signing in": the phrase means what its negation makes of it, so a passage holding its
    // other words ("sign in") does not meet it; only the concept's own wording does.
    if (negated) words.length = 0;
    const key = `${hit.id}|${words.join(' ')}`;
    if (!seen.has(key)) {
      seen.add(key);
      const aside = hit.start >= explainsFrom || hit.end <= topicsToldUntil || namedAsSetting(toks, hit.start);
      const kind = hit.intent ? { intent: true } : incidentalTopics.has(hit.id) ? { optional: true } : {};
      units.push({ alts: [hit.id], words, ...kind, ...(aside ? { aside: true } : {}) });
    }
  }
  const ordered: string[] = [];
  const softened = new Set<string>();
  toks.forEach((t, i) => {
    if (!isContent(t, true)) return;
    // Staff wording inside a concept ("maternity leave") is scored mostly through the concept.
    if (inConcept.has(i) && askOnlyAt(hits, i)) softened.add(t.stem);
    ordered.push(t.stem);
    // Everyday words ("next", "week", "sorry") still rank passages but are not what is asked about.
    if (inConcept.has(i) || seen.has(t.stem) || backgroundShare(t.stem) >= EVERYDAY) return;
    seen.add(t.stem);
    const setting = isSetting(t.stem);
    // A word of the explanation ("…our emails? bit paranoid after the staffroom") counts where a passage
    // meets it and is not held against one that does not.
    const optional = setting || slipped.has(i) || i >= explainsFrom || i < toldUntil;
    const unit: QueryUnit = { alts: [t.stem], words: [], surface: t.word, ...(optional ? { optional } : {}) };
    if (setting) settings.add(unit);
    units.push(unit);
  });
  // "The sports day video is too big to attach": the video is only a large file here, so its words
  // neither decide coverage nor rank passages about filming pupils.
  const asked = new Set(units.flatMap((u) => u.alts));
  for (const u of units) {
    const beside = incidentalBeside.get(u.alts[0]!);
    if (!beside || ![...beside].some((id) => asked.has(id))) continue;
    u.optional = true;
    for (const t of [...u.alts, ...u.words]) softened.add(t);
  }
  const onlySetting = requireSubject(units, settings);
  const terms = [...new Set([...ordered, ...hits.map((h) => h.id)])];
  const weights = new Map(terms.map((t) => [t, softened.has(t) ? SOFT_WEIGHT : 1]));
  return { terms, weights, ordered, units, onlySetting };
}
