import type { PolicyDocument } from '../policy-docs/index.ts';
import { analyseQuestion, analyseText, tokens, type QueryUnit } from './analyse.ts';
import { bm25f, buildIndex, idf, proximity, type Bm25fIndex, type FieldWeights } from './bm25f.ts';
import { coverage, credit, unseen } from './coverage.ts';
import { expandUnits } from './expand.ts';
import { decisiveTopics, eventTopics } from './lexicon.ts';
import { associationScore, shippedAssociations, type Associations } from './associations.ts';
import { answerFeatures, answerProbability, askedForMissing, type AnswerModel } from './answerability.ts';
import { bestExtract } from './extract.ts';
import { passagePriors, questionKind } from './passage-priors.ts';
import { procedureAnswer, procedureAt } from './procedure.ts';
import { rerank, rerankConfidence, shippedRerankModel, type RerankModel } from './rerank.ts';
import { sectionLabel, toPassages } from './passages.ts';
import { peopleNamed, placesNamed } from './people.ts';
import { correctSpelling, vocabularyOf } from './spelling.ts';
import type { Citation, Passage, PolicyAnswer, Rephrase } from './types.ts';
import { sentenceVector, similarity } from './word-vectors.ts';

export interface PolicyQaOptions {
  /** Who staff should ask when the policy is silent; defaults to the first document's contact. */
  contact?: string;
  /** Link to the whole document (e.g. its page in the staff portal); a placeholder otherwise. */
  linkFor?: (doc: PolicyDocument, sectionId: string) => string;
  rephrase?: Rephrase;
  tuning?: Partial<Tuning>;
  /** Learned staff-to-policy word associations; defaults to the shipped table (associations.ts). */
  associations?: Associations;
  /** Return the first candidates' re-ranking features with each answer (for fitting the re-ranker). */
  withCandidates?: boolean;
}

/**
 * Ranking weights, and the answer/decline model. `answerModel` is fitted by `npm run bench:qa --
 * --calibrate` on every bench question, from each one's best passage as an engine that never saw its
 * policy ranks it: a class-balanced logistic regression over AnswerFeatures, so one decision rule serves
 * every school's policy instead of per-document thresholds. `answerThreshold` is where the
 * cross-validated share of questions handled right (answered right, or declined) is highest.
 */
export interface Tuning {
  weights: FieldWeights;
  proximityWeight: number;
  /** Weight of word-vector similarity beside the lexical rank (scaled to the best passage's, 0–1). */
  denseWeight: number;
  /** Weight of the share of the question a passage meets only through learned associations. */
  associationWeight: number;
  /** Weight of a question word the policy never uses, as a share of the rarest word's weight. */
  unseenWeight: number;
  /** See CoverageOptions: an unseen word's weight once `anchors` of the question's ideas are met. */
  incidentalWeight: number;
  anchors: number;
  anchorWeight: number;
  /** Reorders the first candidates (rerank.ts); fitted by `npm run bench:qa -- --fit-rerank`. */
  rerankModel: RerankModel;
  answerModel: AnswerModel;
  /** Answer when the model's probability that the best passage answers the question reaches this. */
  answerThreshold: number;
}

export const defaultTuning: Tuning = {
  weights: { body: 1, heading: 2, lead: 0.5 },
  proximityWeight: 0.3,
  denseWeight: 1.5,
  associationWeight: 4,
  unseenWeight: 0.8,
  incidentalWeight: 0.3,
  anchors: 1,
  anchorWeight: 2.5,
  // Read from its table on first use, not when a Worker that never answers a question starts.
  get rerankModel() {
    return shippedRerankModel();
  },
  answerModel: { bias: -4.535, coverage: 0.309, seenCoverage: -0.024, metWeight: 1.249, unseenShare: -0.456, topicMissing: -0.379, offTopic: -0.409, intentMissed: -0.435, dense: 0.473, denseLift: 0.177, scoreShare: 0.465, complete: 0.696, confidence: 0.651, margin: 0.439 },
  answerThreshold: 0.3,
};

const EXPANDED_WEIGHT = 0.4;
const BODY_WORDS = 12;
/** Title words that are the policy's subject, not the school's name. */
const GENERIC_TITLE_WORDS = new Set(analyseText('staff email ict acceptable use policy policies internet data digital communications code conduct devices online safety safe school academy trust primary secondary high and of for the').terms);
const DEFAULT_CONTACT = 'the School Business Manager';

export interface PolicyQa {
  /**
   * The answer, worded by `rephrase` (default: the one in the options) when the question is answered.
   * A per-call rephrase lets a cached index serve requests whose wording settings differ.
   */
  ask(question: string, rephrase?: Rephrase): Promise<PolicyAnswer>;
  /** The same answer without the optional rephrase step, synchronously. */
  answer(question: string): PolicyAnswer;
}

const SHORT_ITEM = 8;

/**
 * A list item too short to stand alone ("Email accounts") is answered with the clause introducing the
 * list ("The school reserves the right to monitor … monitoring of: Email accounts"). The citation's
 * quote stays the item's own words, taken from the document as they are.
 */
function withLeadIn(passage: Passage, quote: string): string {
  const lead = passage.leadIn;
  if (passage.kind !== 'bullet' || !lead || quote.split(/\s+/).length >= SHORT_ITEM) return quote;
  return `${lead}${/[:;,.]$/.test(lead) ? '' : ':'} ${quote}`;
}

/** A passage up to this long is quoted whole; a longer one by the extract that answers. */
const WHOLE_QUOTE_CHARS = 700;

/**
 * The answer is the sentences that answer; the citation quotes the passage they came from, so whoever
 * checks it (staff under an AI-worded summary, an inspector, a script reading `ask --json`) sees the
 * whole clause, conditions and exceptions included, not only the sentences the engine preferred.
 */
function citedText(text: string, extract: string): string {
  const whole = oneLine(text);
  return whole.length <= WHOLE_QUOTE_CHARS ? whole : extract;
}

/** A passage's text as quoted: verbatim but for its line breaks and runs of spaces. */
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

const slug = (t: string): string => t.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

export function createPolicyQa(docs: PolicyDocument[], options: PolicyQaOptions = {}): PolicyQa {
  const tuning: Tuning = { ...defaultTuning, ...options.tuning };
  const passages = toPassages(docs);
  const index: Bm25fIndex = buildIndex(passages);
  const vocabulary = vocabularyOf(passages.map((p) => [p.heading, p.leadIn ?? '', p.text].join(' ')));
  const associations = options.associations ?? shippedAssociations();
  const vectors = passages.map((p) => sentenceVector([p.heading, p.label ?? '', p.leadIn ?? '', p.text].join(' ')));
  // Title pages, version boxes and contents lists ("Policy lead: Network Manager") are not rules: they
  // are the passages before a document's first paragraph of prose, which has enough words, several of
  // them lower-case (a list of school names has neither).
  const prose = (text: string): boolean => (text.match(/[A-Za-z]{2,}/g) ?? []).length >= BODY_WORDS && (text.match(/\b[a-z]{2,}/g) ?? []).length >= 5;
  const firstBody = new Map<number, number>();
  passages.forEach((p, i) => {
    if (!firstBody.has(p.docIndex) && prose(p.text)) firstBody.set(p.docIndex, i);
  });
  const frontMatter = passages.map((p, i) => i < (firstBody.get(p.docIndex) ?? 0));
  const priorOf = passagePriors(passages, frontMatter);
  // The school's own names ("my Riverside email", "at St Aidan's") say nothing about what is asked.
  const nameText = [...docs.map((d) => d.title), ...passages.filter((_, i) => frontMatter[i]).map((p) => p.text)].join(' ');
  // A word the document also writes in lower case ("your line manager", "data protection") is a word,
  // not a name, though the title block capitalises it ("Policy owner: Data Protection Lead").
  // Stems of the distinct words only: no concept matching, which the rest of the engine does once.
  const lowerWords = new Set(passages.flatMap((p) => p.text.match(/\b[a-z][\w'’]*/g) ?? []));
  const words = new Set(tokens([...lowerWords].join(' ')).map((t) => t.stem));
  const names = new Set(analyseText((nameText.match(/\b[A-Z][\w'’]*/g) ?? []).join(' ')).terms.filter((t) => !t.startsWith('#') && !GENERIC_TITLE_WORDS.has(t) && !words.has(t)));
  const contact = options.contact ?? docs.find((d) => d.contact)?.contact ?? DEFAULT_CONTACT;
  const decline = `Our policy doesn't cover that — please ask ${contact}.`;
  const linkFor = options.linkFor ?? ((doc: PolicyDocument, sectionId: string) => `policy://${slug(doc.title)}#${sectionId}`);

  const answer = (question: string): PolicyAnswer => {
    const asked = analyseQuestion(correctSpelling(question, vocabulary));
    // "my Riverside email", "at St Aidan's": the school's own name says nothing about what is asked,
    // and nor does a pupil's or colleague's ("Harry's SEN review").
    const people = peopleNamed(question);
    const places = placesNamed(question);
    const colour = (u: QueryUnit): boolean => u.alts.every((a) => names.has(a) || people.has(a)) || (u.alts.every((a) => places.has(a)) && unseen(index, u));
    const analysed = { ...asked, units: asked.units.filter((u) => !colour(u)) };
    const expanded = expandUnits(index, analysed.units);
    const kind = questionKind(question, expanded.flatMap((u) => u.alts));
    // "Just sent a Y8 behaviour summary to the wrong mum, what do I do?" is answered by the clause for
    // any email sent to the wrong person. Asked what to do about an event, only the event must be met:
    // what it happened to ("a Y8 behaviour summary", "my school laptop") and where ("on the school bus")
    // count where a passage meets them. Told of an event but asked something else ("will I have to pay
    // for it?"), the question keeps all its ideas.
    const isEvent = (u: QueryUnit): boolean => u.alts.some((a) => eventTopics.has(a));
    const toldOfEvent = kind.asksWhatToDo && expanded.some(isEvent);
    const units = toldOfEvent ? expanded.map((u) => (u.intent || isEvent(u) ? u : { ...u, optional: true })) : expanded;
    // Expanded words score too, at the weight of the word they stand in for.
    const extra = [...new Set(units.flatMap((u) => u.near ?? []))].filter((a) => !analysed.weights.has(a));
    const q = { ...analysed, units, terms: [...analysed.terms, ...extra], weights: new Map([...analysed.weights, ...extra.map((a) => [a, EXPANDED_WEIGHT] as const)]) };
    const declined = (score: number, cov: number, probability = 0): PolicyAnswer => ({
      question,
      answered: false,
      answer: decline,
      citations: [],
      evidence: { score, coverage: cov, probability },
    });
    if (q.units.length === 0) return declined(0, 0);
    // "Can I use ChatGPT for reports?" when the policy never mentions AI tools: silent, whatever else matches.
    // Named only as the occasion ("so I can keep up on my days off"), the topic is not what is asked.
    if (q.units.some((u) => !u.aside && u.alts.some((a) => decisiveTopics.has(a) && !index.df.get(a)))) return declined(0, 0);
    const vector = sentenceVector(question, true);
    const weighted = new Map(q.terms.map((t) => [t, (q.weights.get(t) ?? 1) * idf(index, t)]));
    const lexical = index.items.map((item, i) => {
      const score = bm25f(index, item, q.terms, tuning.weights, q.weights) + tuning.proximityWeight * proximity(index, item, q.ordered);
      const cov = score > 0 ? coverage(index, item.all, q.units, tuning) : 0;
      const associated = score > 0 ? associationScore(associations, weighted, item.all) : 0;
      return { at: i, item, score, cov, rank: score * (0.25 + cov), dense: Math.max(0, similarity(vector, vectors[i]!)), associated, prior: priorOf(i, kind) };
    });
    const top = Math.max(1e-9, ...lexical.map((s) => s.rank));
    const combined = lexical
      .filter((s) => s.score > 0 && s.prior > 0)
      .map((s) => ({ ...s, final: (s.rank / top + tuning.denseWeight * s.dense + tuning.associationWeight * s.associated) * s.prior }))
      .sort((a, b) => b.final - a.final);
    const reranked = rerank(combined, weighted, top, tuning.rerankModel);
    const candidates = options.withCandidates
      ? { candidates: reranked.features.map((features, i) => ({ passageId: combined[i]!.item.passage.id, features })), questionTerms: reranked.shares }
      : {};
    const scored = reranked.ranked;
    const best = scored[0];
    if (best && askedForMissing(question, best.item.passage.text)) return { ...declined(best.score, best.cov), ...candidates };
    // What a passage holding each of the question's policy words once would score: scores are compared
    // to it, so the decision means the same in a 20-paragraph policy and a 400-paragraph one. An optional
    // unit ("on the train") the best passage does not meet is left out, as coverage leaves it out.
    const unmetOptional = new Set(q.units.filter((u) => u.optional && best && credit(best.item.all, u) === 0).flatMap((u) => u.alts));
    const ideal = q.terms.reduce((sum, t) => sum + (index.df.get(t) && !unmetOptional.has(t) ? (q.weights.get(t) ?? 1) * idf(index, t) : 0), 0);
    const meanDense = lexical.reduce((sum, s) => sum + s.dense, 0) / lexical.length;
    const features = best
      ? answerFeatures(index, best.item.all, q.units, {
          score: best.score,
          ideal,
          coverage: best.cov,
          dense: best.dense,
          meanDense,
          ...rerankConfidence(reranked.scores),
        })
      : undefined;
    const probability = features ? answerProbability(features, tuning.answerModel) : 0;
    // "Is the train to the museum on Friday?" names only where and when: unless a passage meets all of
    // it, the question is about a trip, not a rule, however sure the re-ranker is of a clause on trains.
    const onlySettingMet = analysed.onlySetting && features?.complete !== 1;
    if (!best || !features || probability < tuning.answerThreshold || onlySettingMet) {
      return { ...declined(best?.score ?? 0, best?.cov ?? 0, probability), ...(features ? { features } : {}), ...candidates };
    }
    // A procedure is answered whole. Each of its clause and steps is cited in its own words, the one that
    // matched best first.
    const procedure = kind.reportsIncident ? procedureAt(passages, best.at) : undefined;
    const cite = (passage: Passage, quote: string): Citation => {
      const doc = docs[passage.docIndex]!;
      return { section: sectionLabel(passage), quote, passageId: passage.id, document: doc.title, link: linkFor(doc, passage.sectionId) };
    };
    if (procedure) {
      const parts = [best.item.passage, ...[procedure.lead, ...procedure.steps].filter((p) => p !== best.item.passage)];
      const citations = parts.map((p) => cite(p, oneLine(p.text)));
      return { question, answered: true, answer: procedureAnswer(procedure), citations, evidence: { score: best.score, coverage: best.cov, probability }, features, ...candidates };
    }
    const passage = best.item.passage;
    const extract = bestExtract(index, passage.text, q.units);
    return { question, answered: true, answer: withLeadIn(passage, extract), citations: [cite(passage, citedText(passage.text, extract))], evidence: { score: best.score, coverage: best.cov, probability }, features, ...candidates };
  };

  return {
    answer,
    async ask(question, rephrase = options.rephrase) {
      const result = answer(question);
      if (!result.answered || !rephrase) return result;
      const passages = index.items.filter((i) => result.citations.some((c) => c.passageId === i.passage.id)).map((i) => i.passage);
      const wording = await rephrase(question, passages);
      return wording.trim() ? { ...result, answer: wording.trim(), worded: true } : result;
    },
  };
}
