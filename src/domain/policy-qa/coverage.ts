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
  if (isNumber(unit)) return 0.2 * idf(index, '\u0000unseen');
  // A concept reached through an everyday word ("files" → #document) is no more specific than the word.
  const conceptShare = Math.max(0, ...unit.words.map(backgroundShare));
  const weigh = (t: string): number => idf(index, t, t.startsWith('#') ? conceptShare : backgroundShare(t));
  // A concept the policy uses weighs what the concept weighs there, however the question worded it
  // ("mum" for #parent); one the policy never mentions keeps the weight of its rarest term.
  if (!unseen(index, unit)) return Math.max(...unit.alts.map(weigh));
  return unseenWeight * Math.max(...[...unit.alts, ...unit.words].map(weigh));
}

const isNumber = (unit: QueryUnit): boolean => unit.alts.every((a) => /^\d+$/.test(a));

/** The policy never uses the unit's word (or any wording of its concept). */
export function unseen(index: Bm25fIndex, unit: QueryUnit): boolean {
  return ![...unit.alts, ...unit.words].some((t) => (index.df.get(t) ?? 0) > 0);
}

export function covers(terms: Set<string>, unit: QueryUnit): boolean {
  return unit.alts.some((a) => terms.has(a)) || (unit.words.length > 0 && unit.words.every((w) => terms.has(w)));
}

/** A passage holding only a stand-in word (synonym, broader term) half meets the unit. */
export const NEAR_CREDIT = 0.5;

export function credit(terms: Set<string>, unit: QueryUnit): number {
  if (covers(terms, unit)) return 1;
  return unit.near?.some((t) => terms.has(t)) ? NEAR_CREDIT : 0;
}

export interface CoverageOptions {
  unseenWeight: number;
  /**
   * Weight (as a share of its normal weight) of a word the policy never uses once a passage already
   * meets `anchors` of the question's specific ideas: "the video of sports day is too big to email" is
   * about size and video, and "sports day" is colour. With fewer ideas met, an unseen word keeps its
   * full weight, so "how do I book the minibus?" still turns on "minibus".
   */
  incidentalWeight: number;
  anchors: number;
  /** How rare (IDF) a met unit must be to count as a specific idea rather than a common word. */
  anchorWeight: number;
}

/** Specific ideas of the question that the passage meets: topics and rare words, not intents or numbers. */
export function anchorsMet(index: Bm25fIndex, terms: Set<string>, units: QueryUnit[], anchorWeight: number): number {
  return units.filter((u) => !u.intent && !isNumber(u) && covers(terms, u) && unitWeight(index, u) >= anchorWeight).length;
}

export function coverage(index: Bm25fIndex, terms: Set<string>, units: QueryUnit[], options: CoverageOptions): number {
  const incidental = anchorsMet(index, terms, units, options.anchorWeight) >= options.anchors;
  // A passage that meets only the circumstances ("check your email regularly" for "can I check school
  // email on my own phone?") says nothing about what is asked: optional units count beside a main one.
  const mainMet = units.every((u) => u.optional) || units.some((u) => !u.optional && credit(terms, u) > 0);
  let total = 0;
  let covered = 0;
  for (const unit of units) {
    const met = unit.optional && !mainMet ? 0 : credit(terms, unit);
    // An optional unit ("on the train") the passage does not meet neither helps nor counts against it.
    if (unit.optional && met === 0) continue;
    const w = unitWeight(index, unit, options.unseenWeight) * (incidental && unseen(index, unit) ? options.incidentalWeight : 1);
    // An optional unit counts only as far as the passage meets it: "on the coach", half met through a
    // WordNet relative ("drive"), adds half its weight, met, rather than a whole weight half met.
    total += unit.optional ? w * met : w;
    covered += w * met;
  }
  return total === 0 ? 0 : covered / total;
}
