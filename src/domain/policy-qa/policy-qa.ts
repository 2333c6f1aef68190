import type { PolicyDocument } from '../policy-docs/index.ts';
import { analyseQuestion } from './analyse.ts';
import { bm25f, buildIndex, proximity, type Bm25fIndex, type FieldWeights } from './bm25f.ts';
import { coverage, covers } from './coverage.ts';
import { expandUnits, vocabularyOf } from './expand.ts';
import { bestExtract } from './extract.ts';
import { sectionLabel, toPassages } from './passages.ts';
import type { Citation, PolicyAnswer, Rephrase } from './types.ts';

export interface PolicyQaOptions {
  /** Who staff should ask when the policy is silent; defaults to the first document's contact. */
  contact?: string;
  /** Link to the whole document (e.g. its page in the staff portal); a placeholder otherwise. */
  linkFor?: (doc: PolicyDocument, sectionId: string) => string;
  rephrase?: Rephrase;
  tuning?: Partial<Tuning>;
}

/**
 * Calibrated (bench:qa --calibrate) on the non-held-out questions (original, dev, dev2) of bench/data/qa-questions.json only: a passage must cover at least
 * `minCoverage` of the question's rarity-weighted concepts, and score at least `minScore`.
 */
export interface Tuning {
  weights: FieldWeights;
  proximityWeight: number;
  candidates: number;
  /** Weight of a question word the policy never uses, as a share of the rarest word's weight. */
  unseenWeight: number;
  /** See CoverageOptions: an unseen word's weight once `anchors` of the question's ideas are met. */
  incidentalWeight: number;
  anchors: number;
  anchorWeight: number;
  minCoverage: number;
  /** Extra coverage demanded when the best passage shares none of the question's topics. */
  offTopicMargin: number;
  minScore: number;
}

export const defaultTuning: Tuning = {
  weights: { body: 1, heading: 2, lead: 0.5 },
  proximityWeight: 0.3,
  candidates: 15,
  unseenWeight: 0.8,
  incidentalWeight: 0.3,
  anchors: 2,
  anchorWeight: 2.5,
  minCoverage: 0.55,
  offTopicMargin: 0.2,
  minScore: 6,
};

const EXPANDED_WEIGHT = 0.4;
const DEFAULT_CONTACT = 'the School Business Manager';

export interface PolicyQa {
  ask(question: string): Promise<PolicyAnswer>;
  /** The same answer without the optional rephrase step, synchronously. */
  answer(question: string): PolicyAnswer;
}

const slug = (t: string): string => t.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export function createPolicyQa(docs: PolicyDocument[], options: PolicyQaOptions = {}): PolicyQa {
  const tuning: Tuning = { ...defaultTuning, ...options.tuning };
  const passages = toPassages(docs);
  const index: Bm25fIndex = buildIndex(passages);
  const vocabulary = vocabularyOf(passages.map((p) => [p.heading, p.leadIn ?? '', p.text].join(' ')));
  const contact = options.contact ?? docs.find((d) => d.contact)?.contact ?? DEFAULT_CONTACT;
  const decline = `Our policy doesn't cover that — please ask ${contact}.`;
  const linkFor = options.linkFor ?? ((doc: PolicyDocument, sectionId: string) => `policy://${slug(doc.title)}#${sectionId}`);

  const answer = (question: string): PolicyAnswer => {
    const analysed = analyseQuestion(question);
    const units = expandUnits(index, vocabulary, analysed.units);
    // Expanded words score too, at the weight of the word they stand in for.
    const extra = [...new Set(units.flatMap((u) => u.near ?? []))].filter((a) => !analysed.weights.has(a));
    const q = { ...analysed, units, terms: [...analysed.terms, ...extra], weights: new Map([...analysed.weights, ...extra.map((a) => [a, EXPANDED_WEIGHT] as const)]) };
    const declined = (score: number, cov: number): PolicyAnswer => ({
      question,
      answered: false,
      answer: decline,
      citations: [],
      evidence: { score, coverage: cov },
    });
    if (q.units.length === 0) return declined(0, 0);
    const scored = index.items
      .map((item) => ({ item, score: bm25f(index, item, q.terms, tuning.weights, q.weights) + tuning.proximityWeight * proximity(index, item, q.ordered) }))
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, tuning.candidates)
      .map((s) => {
        const cov = coverage(index, s.item.all, q.units, tuning);
        return { ...s, cov, rank: s.score * (0.25 + cov) };
      })
      .sort((a, b) => b.rank - a.rank);
    const best = scored[0];
    // Topic gate: when the question names known topics (forwarding, passwords, social media …) and the
    // best passage speaks to none of them, only a near-complete word match may answer it.
    const topics = q.units.filter((u) => u.alts.some((a) => a.startsWith('#')));
    const onTopic = topics.length === 0 || (best !== undefined && topics.some((u) => covers(best.item.all, u)));
    const needed = onTopic ? tuning.minCoverage : tuning.minCoverage + tuning.offTopicMargin;
    if (!best || best.cov < needed || best.score < tuning.minScore) {
      return declined(best?.score ?? 0, best?.cov ?? 0);
    }
    const passage = best.item.passage;
    const doc = docs[passage.docIndex]!;
    const quote = bestExtract(index, passage.text, q.units);
    const citation: Citation = {
      section: sectionLabel(passage),
      quote,
      passageId: passage.id,
      document: doc.title,
      link: linkFor(doc, passage.sectionId),
    };
    return { question, answered: true, answer: quote, citations: [citation], evidence: { score: best.score, coverage: best.cov } };
  };

  return {
    answer,
    async ask(question) {
      const result = answer(question);
      if (!result.answered || !options.rephrase) return result;
      const passages = index.items.filter((i) => result.citations.some((c) => c.passageId === i.passage.id)).map((i) => i.passage);
      const wording = await options.rephrase(question, passages);
      return wording.trim() ? { ...result, answer: wording.trim() } : result;
    },
  };
}
