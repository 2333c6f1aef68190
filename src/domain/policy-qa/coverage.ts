import type { QueryUnit } from './analyse.ts';
import { backgroundShare } from './background.ts';
import { idf, type Bm25fIndex } from './bm25f.ts';

/**
 * How much of what the question is about a passage actually speaks to, weighted by rarity. A specific
 * word the policy never uses ("minibus", "mileage") weighs as much as its rarest word, so a question
 * about something the policy is silent on cannot be carried by its common words alone.
 */
export function unitWeight(index: Bm25fIndex, unit: QueryUnit, unseenWeight = 1): number {
  // Numbers ("20 parents") are rarely what a question is about.
  if (unit.alts.every((a) => /^\d+$/.test(a))) return 0.2 * idf(index, '\u0000unseen');
  // Smoothed IDF already ranks everyday words ("week") low and unseen specific ones ("minibus") high;
  // a concept the policy never mentions keeps the weight of its rarest term.
  // A concept reached through an everyday word ("files" → #document) is no more specific than the word.
  const conceptShare = Math.max(0, ...unit.words.map(backgroundShare));
  const all = [...unit.alts, ...unit.words];
  const seen = all.some((t) => (index.df.get(t) ?? 0) > 0);
  const weights = all.map((t) => idf(index, t, t.startsWith('#') ? conceptShare : backgroundShare(t)));
  return (seen ? 1 : unseenWeight) * Math.max(...weights);
}

export function covers(terms: Set<string>, unit: QueryUnit): boolean {
  return unit.alts.some((a) => terms.has(a)) || (unit.words.length > 0 && unit.words.every((w) => terms.has(w)));
}

export function coverage(index: Bm25fIndex, terms: Set<string>, units: QueryUnit[], unseenWeight = 1): number {
  let total = 0;
  let covered = 0;
  for (const unit of units) {
    const w = unitWeight(index, unit, unseenWeight);
    total += w;
    if (covers(terms, unit)) covered += w;
  }
  return total === 0 ? 0 : covered / total;
}
