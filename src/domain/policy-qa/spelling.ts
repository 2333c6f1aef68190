import wordnet from './data/wordnet-lite.json' with { type: 'json' };
import { lemmas } from './expand.ts';
import { concepts } from './lexicon.ts';
import { knownWord } from './word-vectors.ts';

/** Words of the lexicon's phrases ("hotmail", "snapchat"): staff words the dictionaries may lack. */
const lexiconWords = new Set(concepts.flatMap((c) => [...c.doc, ...(c.ask ?? [])]).flatMap((p) => p.toLowerCase().match(/[a-z]+/g) ?? []));
const related = wordnet as Record<string, string>;

const known = (word: string): boolean => lemmas(word).some((form) => knownWord(form) || form in related || lexiconWords.has(form));

/** Contractions typed without the apostrophe ("wasnt", "theyre") are words, not misspellings of "want" and "there". */
const CONTRACTION = /^([a-z]{2,}?)(nt|re|ve|ll|d|s)$/;

const inDictionary = (word: string): boolean => {
  const contraction = CONTRACTION.exec(word);
  return known(word) || (contraction !== null && known(contraction[1]!));
};

/**
 * The policy's words of three letters or more, by first letter: what a misspelling is corrected to
 * (only four letters or more can be one edit from a word of MIN_LENGTH), and whether the policy uses a
 * clipped word itself ("doc").
 */
export function vocabularyOf(texts: string[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const word of new Set(texts.flatMap((t) => t.toLowerCase().match(/[a-z]{3,}/g) ?? []))) {
    const list = map.get(word[0]!);
    if (list) list.push(word);
    else map.set(word[0]!, [word]);
  }
  return map;
}

/** One insertion, deletion, substitution or swap of neighbours apart ("pasword", "attachmnets"). */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i += 1;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Shorter words have too many neighbours one edit away ("lunch", "launch") to correct safely. */
const MIN_LENGTH = 5;

/**
 * Words staff clip ("a temp password", "the info", "20 mins"): read as the whole word, which is how a
 * policy writes them, unless the policy itself uses the clipped form.
 */
const CLIPPED = new Map([
  ['info', 'information'],
  ['temp', 'temporary'],
  ['dept', 'department'],
  ['mins', 'minutes'],
  ['hrs', 'hours'],
  ['msg', 'message'],
  ['msgs', 'messages'],
  ['doc', 'document'],
  ['docs', 'documents'],
  ['appt', 'appointment'],
  ['appts', 'appointments'],
]);

/**
 * Corrects a question's misspellings to the policy's own words before it is analysed, so
 * "attachmnets" reads as "attachments" and meets the attachment-size concept, not just a look-alike.
 * A word is corrected only when it is in no dictionary, the policy never uses it, and exactly one policy
 * word is one edit away (starting with the same letter): a real word the policy lacks ("minibus")
 * stays what it is, however close it looks to a policy word.
 */
export function correctSpelling(question: string, vocabulary: Map<string, string[]>): string {
  return question.replace(/[A-Za-z]+/g, (surface) => {
    const word = surface.toLowerCase();
    const policyUses = vocabulary.get(word[0]!)?.includes(word) ?? false;
    const whole = CLIPPED.get(word);
    if (whole !== undefined && !policyUses) return whole;
    if (word.length < MIN_LENGTH || policyUses || inDictionary(word)) return surface;
    const candidates = (vocabulary.get(word[0]!) ?? []).filter((w) => withinOneEdit(word, w));
    return candidates.length === 1 ? candidates[0]! : surface;
  });
}
