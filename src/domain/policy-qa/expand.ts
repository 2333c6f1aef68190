import type { QueryUnit } from './analyse.ts';
import type { Bm25fIndex } from './bm25f.ts';
import wordnet from './data/wordnet-lite.json' with { type: 'json' };
import { stem } from './stem.ts';

/**
 * Meets a question word the policy never uses with a word it does use: a WordNet synonym or broader
 * term ("concert" → performance, "conference" → meeting), or the policy's own spelling of a typo
 * ("pasword"). Only words absent from the policy are expanded, so the policy's own wording always
 * wins, and an expansion counts only when the policy actually contains the related word.
 */
const related = wordnet as Record<string, string>;

/** Dictionary forms the question's word may come from: plural, tense, UK spelling. */
export function lemmas(word: string): string[] {
  const forms = new Set([word]);
  const add = (w: string): void => {
    if (w.length > 2) forms.add(w);
  };
  if (word.endsWith('ies')) add(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) add(word.slice(0, -2));
  if (word.endsWith('s')) add(word.slice(0, -1));
  for (const suffix of ['ing', 'ed']) {
    if (!word.endsWith(suffix)) continue;
    const base = word.slice(0, -suffix.length);
    add(base);
    add(`${base}e`);
    if (/([bdgmnprt])\1$/.test(base)) add(base.slice(0, -1));
  }
  for (const w of [...forms]) {
    // British spellings are rarely tagged in WordNet: behaviour → behavior, organise → organize, centre → center.
    add(w.replace(/our$/, 'or').replace(/ise$/, 'ize').replace(/yse$/, 'yze').replace(/tre$/, 'ter'));
  }
  return [...forms];
}

/** One insertion, deletion, substitution or swap of neighbours apart ("pasword", "attachmnets"). */
export function withinOneEdit(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i += 1;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

export function expandUnits(index: Bm25fIndex, vocabulary: Map<string, string[]>, units: QueryUnit[]): QueryUnit[] {
  const inPolicy = (t: string): boolean => (index.df.get(t) ?? 0) > 0;
  return units.map((unit) => {
    const word = unit.surface;
    if (!word || unit.alts.some(inPolicy)) return unit;
    const extra = new Set<string>();
    for (const form of lemmas(word)) for (const r of related[form]?.split(' ') ?? []) if (inPolicy(stem(r))) extra.add(stem(r));
    // Typos: a long word one edit away from a word of the policy (same first letter, to stay conservative).
    if (word.length >= 5) for (const w of vocabulary.get(word.slice(0, 1)) ?? []) if (withinOneEdit(word, w)) extra.add(stem(w));
    return extra.size ? { ...unit, near: [...extra] } : unit;
  });
}

/** The policy's words of five letters or more, by first letter, for typo look-ups. */
export function vocabularyOf(texts: string[]): Map<string, string[]> {
  const words = new Set(texts.flatMap((t) => t.toLowerCase().match(/[a-z]{4,}/g) ?? []));
  const map = new Map<string, string[]>();
  for (const w of words) map.set(w[0]!, [...(map.get(w[0]!) ?? []), w]);
  return map;
}
