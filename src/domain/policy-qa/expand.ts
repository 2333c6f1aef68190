import type { QueryUnit } from './analyse.ts';
import type { Bm25fIndex } from './bm25f.ts';
import wordnet from './data/wordnet-lite.json' with { type: 'json' };
import { stem } from './stem.ts';

/**
 * Meets a question word the policy never uses with a word it does use: a WordNet synonym or broader
 * term ("concert" → performance, "conference" → meeting). Only words absent from the policy are
 * expanded, so the policy's own wording always wins, and an expansion counts only when the policy
 * actually contains the related word. (Misspellings are corrected before this, in spelling.ts.)
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

export function expandUnits(index: Bm25fIndex, units: QueryUnit[]): QueryUnit[] {
  const inPolicy = (t: string): boolean => (index.df.get(t) ?? 0) > 0;
  return units.map((unit) => {
    const word = unit.surface;
    if (!word || unit.alts.some(inPolicy)) return unit;
    const extra = new Set<string>();
    for (const form of lemmas(word)) for (const r of related[form]?.split(' ') ?? []) if (inPolicy(stem(r))) extra.add(stem(r));
    return extra.size ? { ...unit, near: [...extra] } : unit;
  });
}
