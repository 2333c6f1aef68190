import data from './data/associations.json' with { type: 'json' };
import { termTableFromJson, type TermTable } from './term-table.ts';

/**
 * Learned associations between the words staff ask with and the words policies answer with ("gmail" →
 * "personal", "memory stick" → "removable", "bin" → "delete"): for a question term, the passage terms it
 * was aligned to, each with the share of that term's questions it was aligned to (0–1).
 *
 * They are learned (scripts/build-associations.ts) from bench:qa's questions, each paired with the
 * passage that answers it, by IBM Model 1 (Brown et al. 1993), the translation model that Berger and
 * Lafferty (1999) used to retrieve answers whose words differ from the question's. The lexicon says
 * what we knew to write down; these say what many policies' authors and many question writers did. A
 * pair must be seen in several policies, so one school's wording is never learned as staff language.
 * Like the word vectors they only reorder passages that share a term with the question (policy-qa.ts).
 */
export type Associations = TermTable;

/** One question and the terms of the passage(s) that answer it; `group` is its policy. */
export interface AlignedPair {
  question: readonly string[];
  passage: readonly string[];
  group: string;
}

export interface TrainingOptions {
  iterations: number;
  /** A pair must be aligned in questions about at least this many policies. */
  minGroups: number;
  /** …and in at least this share of the questions holding the question term. */
  minStrength: number;
}

export const defaultTraining: TrainingOptions = { iterations: 8, minGroups: 3, minStrength: 0.05 };

/** An alignment weaker than this, in one question, is noise and counts towards nothing. */
const MIN_POSTERIOR = 0.05;
const NULL = 0;

/**
 * IBM Model 1 by expectation–maximisation: t(q | p), the chance that passage term p is "asked as"
 * question term q, with a null term for question words nothing in the passage explains. After
 * training, each question term's alignments are counted and pruned (see TrainingOptions).
 */
export function trainAssociations(pairs: readonly AlignedPair[], options: TrainingOptions = defaultTraining): Associations {
  const ids = new Map<string, number>([['', NULL]]);
  const id = (term: string): number => {
    let n = ids.get(term);
    if (n === undefined) ids.set(term, (n = ids.size));
    return n;
  };
  const encoded = pairs.map((pair) => ({ q: [...new Set(pair.question)].map(id), p: [NULL, ...[...new Set(pair.passage)].map(id)], group: pair.group }));
  // Every co-occurring (question term, passage term) gets a slot, so EM runs over flat arrays.
  const slotOf = new Map<number, number>();
  const slotQ: number[] = [];
  const slotP: number[] = [];
  const rows = encoded.map((pair) =>
    pair.q.map((q) =>
      Int32Array.from(pair.p, (p) => {
        const key = q * ids.size + p;
        let slot = slotOf.get(key);
        if (slot === undefined) {
          slotOf.set(key, (slot = slotQ.length));
          slotQ.push(q);
          slotP.push(p);
        }
        return slot;
      }),
    ),
  );
  // t(q | p), from a uniform start: every co-occurring pair equally likely.
  const t = new Float64Array(slotQ.length).fill(1);
  for (let i = 0; i < options.iterations; i += 1) {
    const counts = new Float64Array(slotQ.length);
    const totals = new Float64Array(ids.size);
    for (const row of rows.flat()) {
      let norm = 0;
      for (const slot of row) norm += t[slot]!;
      for (const slot of row) {
        counts[slot]! += t[slot]! / norm;
        totals[slotP[slot]!]! += t[slot]! / norm;
      }
    }
    for (let slot = 0; slot < t.length; slot += 1) t[slot] = counts[slot]! / totals[slotP[slot]!]!;
  }
  // How often, and in how many policies, each question term was aligned to each passage term.
  const mass = new Float64Array(slotQ.length);
  const groups = new Map<number, Set<string>>();
  const asked = new Float64Array(ids.size);
  encoded.forEach((pair, n) => {
    pair.q.forEach((q, j) => {
      const row = rows[n]![j]!;
      let norm = 0;
      for (const slot of row) norm += t[slot]!;
      asked[q]! += 1;
      for (const slot of row) {
        const c = t[slot]! / norm;
        if (slotP[slot] === NULL || slotP[slot] === slotQ[slot] || c < MIN_POSTERIOR) continue;
        mass[slot]! += c;
        groups.set(slot, (groups.get(slot) ?? new Set<string>()).add(pair.group));
      }
    });
  });
  const terms = [...ids.keys()];
  const out = new Map<string, Map<string, number>>();
  for (const [slot, seen] of groups) {
    const strength = mass[slot]! / asked[slotQ[slot]!]!;
    if (seen.size < options.minGroups || strength < options.minStrength) continue;
    const q = terms[slotQ[slot]!]!;
    const row = out.get(q) ?? new Map<string, number>();
    row.set(terms[slotP[slot]!]!, Number(strength.toFixed(3)));
    out.set(q, row);
  }
  return out;
}

let shipped: Associations | undefined;
/** The table built from the whole question set and committed (data/associations.json). */
export const shippedAssociations = (): Associations => (shipped ??= termTableFromJson(data.associations));

/**
 * How much of the question a passage meets through associations alone: the weight of the question terms
 * the passage lacks but holds an associate of (at that association's strength), as a share of all
 * question terms' weight. Terms the passage holds itself already count in BM25F and coverage.
 */
export function associationScore(associations: Associations, weighted: ReadonlyMap<string, number>, passage: ReadonlySet<string>): number {
  let met = 0;
  let total = 0;
  for (const [term, weight] of weighted) {
    total += weight;
    if (passage.has(term)) continue;
    let best = 0;
    for (const [p, strength] of associations.get(term) ?? []) if (strength > best && passage.has(p)) best = strength;
    met += weight * best;
  }
  return total > 0 ? met / total : 0;
}
