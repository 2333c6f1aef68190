import { analyseText } from './analyse.ts';
import { backgroundShare } from './background.ts';
import type { Passage } from './types.ts';

/** Field weights: a word in the section heading says more about a passage than one in its body. */
export interface FieldWeights {
  body: number;
  heading: number;
  lead: number;
}

interface Field {
  tf: Map<string, number>;
  length: number;
}

export interface IndexedPassage {
  passage: Passage;
  body: Field;
  heading: Field;
  lead: Field;
  /** Body terms with token positions, for the proximity bonus and sentence picking. */
  bodyPositions: Map<string, number[]>;
  all: Set<string>;
}

export interface Bm25fIndex {
  items: IndexedPassage[];
  df: Map<string, number>;
  avg: { body: number; heading: number; lead: number };
}

const K1 = 1.2;
const B = { body: 0.75, heading: 0.3, lead: 0.5 };

function field(text: string): Field & { positions: Map<string, number[]> } {
  const { terms, positions } = analyseText(text);
  const tf = new Map<string, number>();
  const pos = new Map<string, number[]>();
  terms.forEach((t, i) => {
    tf.set(t, (tf.get(t) ?? 0) + 1);
    const list = pos.get(t) ?? [];
    list.push(positions[i]!);
    pos.set(t, list);
  });
  return { tf, length: terms.length, positions: pos };
}

export function buildIndex(passages: Passage[]): Bm25fIndex {
  const items: IndexedPassage[] = passages.map((passage) => {
    const body = field(passage.text);
    const heading = field([...passage.path, passage.heading, passage.label ?? ''].join(' . '));
    const lead = field(passage.leadIn ?? '');
    const all = new Set([...body.tf.keys(), ...heading.tf.keys(), ...lead.tf.keys()]);
    return { passage, body, heading, lead, bodyPositions: body.positions, all };
  });
  const df = new Map<string, number>();
  for (const item of items) for (const t of item.all) df.set(t, (df.get(t) ?? 0) + 1);
  const mean = (k: 'body' | 'heading' | 'lead'): number =>
    Math.max(1, items.reduce((s, i) => s + i[k].length, 0) / Math.max(1, items.length));
  return { items, df, avg: { body: mean('body'), heading: mean('heading'), lead: mean('lead') } };
}

/** Pseudo-passages from the background corpus mixed into every index (see background.ts). */
const BACKGROUND_PASSAGES = 30;

/** IDF over the policy's passages plus a fixed background, so small documents get stable weights. */
export function idf(index: Bm25fIndex, term: string, share = backgroundShare(term)): number {
  const n = index.items.length + BACKGROUND_PASSAGES;
  const df = (index.df.get(term) ?? 0) + BACKGROUND_PASSAGES * share;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}

export function bm25f(index: Bm25fIndex, item: IndexedPassage, terms: string[], w: FieldWeights, termWeights?: Map<string, number>): number {
  let score = 0;
  for (const t of terms) {
    const part = (f: Field, k: 'body' | 'heading' | 'lead'): number =>
      (w[k] * (f.tf.get(t) ?? 0)) / (1 - B[k] + (B[k] * f.length) / index.avg[k]);
    const tf = part(item.body, 'body') + part(item.heading, 'heading') + part(item.lead, 'lead');
    if (tf > 0) score += (termWeights?.get(t) ?? 1) * idf(index, t) * ((tf * (K1 + 1)) / (tf + K1));
  }
  return score;
}

/** Consecutive question terms found close together in the body read as a phrase. */
export function proximity(index: Bm25fIndex, item: IndexedPassage, ordered: string[], window = 3): number {
  let bonus = 0;
  for (let i = 0; i + 1 < ordered.length; i += 1) {
    const a = item.bodyPositions.get(ordered[i]!);
    const b = item.bodyPositions.get(ordered[i + 1]!);
    if (!a || !b || ordered[i] === ordered[i + 1]) continue;
    if (a.some((p) => b.some((q) => Math.abs(p - q) <= window))) {
      bonus += Math.min(idf(index, ordered[i]!), idf(index, ordered[i + 1]!));
    }
  }
  return bonus;
}
