import type { QueryUnit } from './analyse.ts';
import { idf, type Bm25fIndex } from './bm25f.ts';

/**
 * How much of what the question is about a passage actually speaks to, weighted by rarity. A word the
 * policy never uses ("minibus", "mileage") weighs as much as the rarest word it does use, so a
 * question about something the policy is silent on cannot be carried by its common words alone.
 */
export function unitWeight(index: Bm25fIndex, unit: QueryUnit, unseenWeight = 1): number {
  const known = [...unit.alts, ...unit.words].filter((t) => (index.df.get(t) ?? 0) > 0);
  if (known.length > 0) return Math.max(...known.map((t) => idf(index, t)));
  // Numbers ("20 parents") are rarely what a question is about.
  const scale = unit.alts.every((a) => /^\d+$/.test(a)) ? 0.2 : unseenWeight;
  return scale * idf(index, '\u0000unseen');
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
