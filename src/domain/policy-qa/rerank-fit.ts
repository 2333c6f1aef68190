import { FEATURE_NAMES, IDENTITY_WEIGHTS, type FeatureWeights, type RerankModel } from './rerank.ts';

/**
 * Fitting the re-ranker (rerank.ts): a softmax over each question's first candidates, with the passages
 * that answer it as the targets, by Adam from the hand-set order. The feature weights and the (question
 * term, passage term) pair weights are fitted together, so a pair is weighed for what it adds beyond
 * the features. Run on the bench's questions by `npm run bench:qa -- --fit-rerank`.
 */

/** One question's candidates, as the engine saw them. */
export interface RerankExample {
  /** One row of features per candidate, in FEATURE_NAMES order. */
  x: number[][];
  /** The fixed part of each candidate's score: its prior at PRIOR_STRENGTH. */
  offset: number[];
  right: boolean[];
  group: string;
  /** The question's terms with their shares of its weight (what a pair's weight is scaled by). */
  shares: [string, number][];
  /** Each candidate's terms, as the engine indexes them. */
  terms: ReadonlySet<string>[];
}

export interface FitOptions {
  epochs: number;
  /** Adam's step for the feature weights. */
  rate: number;
  /**
   * The pairs' step: plain gradient descent with momentum, not Adam. Adam moves every weight at much the
   * same pace, so a pair seen in three questions grew as fast as one seen in three hundred; here a pair
   * moves with the evidence for it.
   */
  pairRate: number;
  /** Pull towards the hand-set order, so a feature the questions say little about stays near it. */
  l2: number;
  /** A pair is learned only if it joins a question term to an answering passage's term in questions on this many policies. */
  minGroups: number;
  /** Pair weights smaller than this are not kept. */
  prune: number;
}

export const defaultFit: FitOptions = { epochs: 200, rate: 0.2, pairRate: 5, l2: 1e-4, minGroups: 3, prune: 0.1 };

/**
 * The pairs worth a weight: a word of the question (not a concept tag, whose wording the lexicon
 * already matches) joined to a term of a passage that answers it, in questions on `minGroups` policies.
 * Learned from concept tags too, the pairs outweighed what a question names: "how long do we keep EHCP
 * emails?" went to the everyday-email row, whose "sent or received" is how retention is usually put.
 */
function pairVocabulary(examples: readonly RerankExample[], minGroups: number): Map<string, Map<string, number>> {
  const groups = new Map<string, Map<string, Set<string>>>();
  for (const e of examples) {
    const answering = new Set(e.terms.filter((_, i) => e.right[i]).flatMap((terms) => [...terms]));
    for (const [q] of e.shares) {
      if (q.startsWith('#')) continue;
      let row = groups.get(q);
      if (!row) groups.set(q, (row = new Map<string, Set<string>>()));
      for (const p of answering) {
        let seen = row.get(p);
        if (!seen) row.set(p, (seen = new Set<string>()));
        seen.add(e.group);
      }
    }
  }
  let id = 0;
  const vocabulary = new Map<string, Map<string, number>>();
  for (const [q, row] of groups) {
    const kept = [...row].filter(([, seen]) => seen.size >= minGroups);
    if (kept.length) vocabulary.set(q, new Map(kept.map(([p]) => [p, id++])));
  }
  return vocabulary;
}

const MOMENTUM = 0.9;

interface Adam {
  w: Float64Array;
  m: Float64Array;
  v: Float64Array;
}

const adam = (start: ArrayLike<number>): Adam => ({ w: Float64Array.from(start), m: new Float64Array(start.length), v: new Float64Array(start.length) });

function step(a: Adam, grad: Float64Array, rate: number, t: number): void {
  for (let d = 0; d < grad.length; d += 1) {
    a.m[d] = 0.9 * a.m[d]! + 0.1 * grad[d]!;
    a.v[d] = 0.999 * a.v[d]! + 0.001 * grad[d]! * grad[d]!;
    a.w[d]! -= (rate * (a.m[d]! / (1 - 0.9 ** t))) / (Math.sqrt(a.v[d]! / (1 - 0.999 ** t)) + 1e-8);
  }
}

export function fitRerankModel(examples: readonly RerankExample[], options: FitOptions = defaultFit): RerankModel {
  const vocabulary = pairVocabulary(examples, options.minGroups);
  const size = [...vocabulary.values()].reduce((n, row) => n + row.size, 0);
  // Each candidate's pairs as (id, share) lists, so the epochs run over flat arrays.
  const encoded = examples.map((e) =>
    e.terms.map((terms) => {
      const ids: number[] = [];
      const shares: number[] = [];
      for (const [q, share] of e.shares) {
        const row = vocabulary.get(q);
        if (!row) continue;
        for (const p of terms) {
          const pair = row.get(p);
          if (pair !== undefined) {
            ids.push(pair);
            shares.push(share);
          }
        }
      }
      return { ids: Int32Array.from(ids), shares: Float64Array.from(shares) };
    }),
  );
  const start = FEATURE_NAMES.map((f) => IDENTITY_WEIGHTS[f]);
  const weights = adam(start);
  const pairs = new Float64Array(size);
  const velocity = new Float64Array(size);
  for (let epoch = 1; epoch <= options.epochs; epoch += 1) {
    const grad = Float64Array.from(weights.w, (w, d) => options.l2 * (w - start[d]!));
    const pairGrad = new Float64Array(size);
    examples.forEach((e, n) => {
      const scores = e.x.map((row, i) => {
        let s = e.offset[i]!;
        row.forEach((xi, d) => (s += xi * weights.w[d]!));
        const { ids, shares } = encoded[n]![i]!;
        for (let k = 0; k < ids.length; k += 1) s += pairs[ids[k]!]! * shares[k]!;
        return s;
      });
      const max = Math.max(...scores);
      const p = scores.map((s) => Math.exp(s - max));
      const all = p.reduce((a, b) => a + b, 0);
      const right = p.reduce((a, pi, i) => a + (e.right[i] ? pi : 0), 0);
      // Gradient of −log(Σ right p / Σ p): each candidate's share of all, less its share of the right ones.
      e.x.forEach((row, i) => {
        const coef = (p[i]! / all - (e.right[i] ? p[i]! / right : 0)) / examples.length;
        row.forEach((xi, d) => (grad[d]! += coef * xi));
        const { ids, shares } = encoded[n]![i]!;
        for (let k = 0; k < ids.length; k += 1) pairGrad[ids[k]!]! += coef * shares[k]!;
      });
    });
    step(weights, grad, options.rate, epoch);
    for (let d = 0; d < size; d += 1) {
      velocity[d] = MOMENTUM * velocity[d]! + pairGrad[d]!;
      pairs[d]! -= options.pairRate * velocity[d]!;
    }
  }
  const round = (x: number): number => Number(x.toFixed(3));
  const learned = new Map<string, Map<string, number>>();
  for (const [q, row] of vocabulary) {
    // Two decimals are enough for weights of at least `prune` (0.1), and keep the shipped table small.
    const kept = [...row].map(([p, id]) => [p, Number(pairs[id]!.toFixed(2))] as const).filter(([, w]) => Math.abs(w) >= options.prune);
    if (kept.length) learned.set(q, new Map(kept));
  }
  return { weights: Object.fromEntries(FEATURE_NAMES.map((f, d) => [f, round(weights.w[d]!)])) as FeatureWeights, pairs: learned };
}

