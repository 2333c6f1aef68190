import type { IndexedPassage } from './bm25f.ts';
import data from './data/rerank-model.json' with { type: 'json' };
import { termTableFromJson, termTableToJson, type TermTable, type TermTableJson } from './term-table.ts';

/**
 * A fitted second look at the first candidates. The hand-set combination in policy-qa.ts (lexical rank,
 * word vectors, learned associations, priors) orders every passage; a linear model then reorders the
 * first RERANK_DEPTH by evidence the sum cannot weigh against each other: how much of the question the
 * body meets rather than the heading, how long the passage is, a table row against a clause, and
 * which of a passage's words go with the question's (PairWeights).
 * Its weights are fitted by `npm run bench:qa -- --fit-rerank` (rerank-fit.ts) into
 * data/rerank-model.json, on features computed with associations that never saw the question, so that
 * they are weighed as they will be on a new school's policy.
 */
export const RERANK_DEPTH = 15;

/**
 * Policies name what a rule is about first ("The installation of any software must be authorised…")
 * and qualify it after ("Never interfere with any anti-virus software installed on…"). A question term
 * first met at word k of the body counts OPENING_WORDS / (OPENING_WORDS + k): whole at the start, half at word 8.
 */
const OPENING_WORDS = 8;
const earliness = (first: number | undefined): number => (first === undefined ? 0 : OPENING_WORDS / (OPENING_WORDS + first));

export interface RerankFeatures {
  /** The hand-set combination's score, as a share of the first candidate's. */
  combined: number;
  /** 1 for the first candidate, ½ for the second… */
  position: number;
  lexical: number;
  dense: number;
  associated: number;
  /** log of the passage prior (0 for a plain rule). */
  prior: number;
  coverage: number;
  /** Share of the question's weight met in the passage's own words (a list item's with its lead-in), and in its heading trail. */
  bodyShare: number;
  headingShare: number;
  /** Share of the question's weight met in the passage's body, each term counted by how early it first comes (OPENING_WORDS). */
  opening: number;
  /** Share of the candidates' combined score held by the others from the same section: a topic the question is about spans its section. */
  sectionMates: number;
  /** log of the body's length in terms, over 5. */
  length: number;
  bullet: number;
  row: number;
  numbered: number;
}

/** The learned features; the prior is not one of them (see PRIOR_STRENGTH). */
export const FEATURE_NAMES = ['combined', 'position', 'lexical', 'dense', 'associated', 'coverage', 'bodyShare', 'headingShare', 'opening', 'sectionMates', 'length', 'bullet', 'row', 'numbered'] as const satisfies readonly (keyof RerankFeatures)[];

export type FeatureWeights = Record<(typeof FEATURE_NAMES)[number], number>;

/**
 * Learned weights of (question term, passage term) pairs: for a question term, each passage term whose
 * presence in a candidate moves it up (or down), as a question term's share of the question's weight
 * times the pair's weight. Fitted with the feature weights, against the candidates that do not answer,
 * they say which of a policy's words stand for what staff ask ("gmail" → "personal", "forward" →
 * "forward" more than "email" → "email") and which do not ("pupil" asked, "parent" held).
 */
export type PairWeights = TermTable;

export interface RerankModel {
  weights: FeatureWeights;
  pairs: PairWeights;
}

/**
 * The passage priors (passage-priors.ts) stay a fixed part of the score, log(prior) at this strength,
 * and the model is fitted around them rather than weighing them. They state what few bench questions
 * exercise ("I clicked a link, what now?" wants the clause saying what to do; a pupils' agreement is
 * rarely the staff rule), so a weight learned from the bench would trade them away for the common case.
 */
export const PRIOR_STRENGTH = 5;

/** The hand-set combination's score alone (beside the priors' fixed part): the model fitting starts from. */
export const IDENTITY_WEIGHTS: FeatureWeights = Object.fromEntries(FEATURE_NAMES.map((f) => [f, f === 'combined' ? 1 : 0])) as FeatureWeights;
export const IDENTITY_RERANK: RerankModel = { weights: IDENTITY_WEIGHTS, pairs: new Map() };

export interface Candidate {
  item: IndexedPassage;
  final: number;
  rank: number;
  dense: number;
  associated: number;
  prior: number;
  cov: number;
}

/** The question's weight met, as a share of its whole: each term counts as far as `credit` (0 to 1) says. */
const share = (weighted: ReadonlyMap<string, number>, credit: (term: string) => number): number => {
  let met = 0;
  let total = 0;
  for (const [term, weight] of weighted) {
    total += weight;
    met += weight * credit(term);
  }
  return total > 0 ? met / total : 0;
};

export function rerankFeatures(candidates: readonly Candidate[], weighted: ReadonlyMap<string, number>, topRank: number): RerankFeatures[] {
  const first = candidates[0]?.final || 1;
  // A school's policies can share a section id ("s-introduction"): a section is one document's.
  const sectionOf = (c: Candidate): string => `${c.item.passage.docIndex}:${c.item.passage.sectionId}`;
  const bySection = new Map<string, number>();
  let total = 0;
  for (const c of candidates) {
    const section = sectionOf(c);
    bySection.set(section, (bySection.get(section) ?? 0) + c.final);
    total += c.final;
  }
  return candidates.map((c, k) => ({
    combined: c.final / first,
    position: 1 / (k + 1),
    lexical: c.rank / topRank,
    dense: c.dense,
    associated: c.associated,
    prior: Math.log(c.prior),
    coverage: c.cov,
    bodyShare: share(weighted, (t) => (c.item.body.tf.has(t) || c.item.lead.tf.has(t) ? 1 : 0)),
    headingShare: share(weighted, (t) => (c.item.heading.tf.has(t) ? 1 : 0)),
    opening: share(weighted, (t) => earliness(c.item.bodyPositions.get(t)?.[0])),
    sectionMates: total > 0 ? (bySection.get(sectionOf(c))! - c.final) / total : 0,
    length: Math.log(1 + c.item.body.length) / 5,
    bullet: c.item.passage.kind === 'bullet' ? 1 : 0,
    row: c.item.passage.kind === 'row' ? 1 : 0,
    numbered: c.item.passage.number ? 1 : 0,
  }));
}

/** Each question term's share of the question's weight: what a pair's weight is scaled by. */
export function termShares(weighted: ReadonlyMap<string, number>): [term: string, share: number][] {
  let total = 0;
  for (const weight of weighted.values()) total += weight;
  return total > 0 ? [...weighted].map(([term, weight]) => [term, weight / total]) : [];
}

/** The pairs' part of a candidate's score: every learned pair of a question term and a term the passage holds. */
export function pairScore(pairs: PairWeights, shares: readonly [string, number][], passage: ReadonlySet<string>): number {
  let sum = 0;
  for (const [term, share] of shares) {
    const row = pairs.get(term);
    if (!row) continue;
    let met = 0;
    // Whichever is shorter is walked: a common term's row can be longer than the passage.
    if (row.size <= passage.size) {
      for (const [p, weight] of row) if (passage.has(p)) met += weight;
    } else {
      for (const p of passage) met += row.get(p) ?? 0;
    }
    sum += share * met;
  }
  return sum;
}

/** A candidate's score: its features by their weights, its prior's fixed part and its pairs' part (pairScore). */
export const rerankScore = (f: RerankFeatures, weights: FeatureWeights, pairPart = 0): number => FEATURE_NAMES.reduce((sum, name) => sum + weights[name] * f[name], PRIOR_STRENGTH * f.prior + pairPart);

export interface Reranked<C> {
  /** The first RERANK_DEPTH candidates in the model's order, then the rest as they were. */
  ranked: C[];
  /** The first candidates' features, in the order they came (what the re-ranker is fitted on). */
  features: RerankFeatures[];
  /** The question's term shares the pairs were scaled by. */
  shares: [term: string, share: number][];
  /** The model's scores of the first candidates, best first (how sure the re-ranker is: rerankConfidence). */
  scores: number[];
}

export function rerank<C extends Candidate>(candidates: readonly C[], weighted: ReadonlyMap<string, number>, topRank: number, model: RerankModel): Reranked<C> {
  const head = candidates.slice(0, RERANK_DEPTH);
  const features = rerankFeatures(head, weighted, topRank);
  const shares = termShares(weighted);
  const order = head
    .map((c, i) => ({ c, s: rerankScore(features[i]!, model.weights, pairScore(model.pairs, shares, c.item.all)), i }))
    .sort((a, b) => b.s - a.s || a.i - b.i);
  return { ranked: [...order.map((o) => o.c), ...candidates.slice(RERANK_DEPTH)], features, shares, scores: order.map((o) => o.s) };
}

/** A margin this wide (in score units) already means the best candidate has no rival. */
const MARGIN_CAP = 5;

/**
 * How clearly the re-ranker prefers its best candidate: that candidate's share of a softmax over the
 * first candidates' scores, and its lead over the second. Both are relative, so they mean the same
 * whatever a policy's wording does to the scores themselves (the pairs' part is far smaller on a real
 * school's policy than on the bench's written ones).
 */
export function rerankConfidence(scores: readonly number[]): { confidence: number; margin: number } {
  const [best, second] = scores;
  if (best === undefined) return { confidence: 0, margin: 0 };
  const total = scores.reduce((sum, s) => sum + Math.exp(s - best), 0);
  return { confidence: 1 / total, margin: second === undefined ? MARGIN_CAP : Math.min(MARGIN_CAP, best - second) };
}

/** The model as shipped in data/rerank-model.json. */
export interface RerankModelJson {
  weights: FeatureWeights;
  pairs: TermTableJson;
}

export const rerankModelFromJson = (json: RerankModelJson): RerankModel => ({ weights: json.weights, pairs: termTableFromJson(json.pairs) });

export const rerankModelToJson = (model: RerankModel): RerankModelJson => ({ weights: model.weights, pairs: termTableToJson(model.pairs) });

let shipped: RerankModel | undefined;

/** The model fitted on every bench question (cross-validated figures: ADR 0010), built once per isolate. */
export const shippedRerankModel = (): RerankModel => (shipped ??= rerankModelFromJson(data.model));
