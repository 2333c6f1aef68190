// bench:qa — answer quality and latency of policy Q&A against bench/data/qa-questions.json.
// Prints one JSON line. Every learned part is cross-validated by policy fold: each policy is answered
// with word associations (qa-associations.ts), a re-ranker (qa-rerank.ts) and an answer/decline model
// (qa-calibrate.ts) learned without its fold's questions. `--verbose` lists development misses on stderr
// (`--show-held-out` adds the validation and held-out ones); `--fit-rerank` writes the re-ranker fitted
// on every question; `--calibrate` prints the answer/decline model fitted on every question, with the
// cross-validated curve its threshold is chosen on.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { PolicyDocument } from '../src/domain/policy-docs/index.ts';
import { createBaseline, createPolicyQa, defaultTuning, toPassages, type Tuning } from '../src/domain/policy-qa/index.ts';
import type { AnswerModel } from '../src/domain/policy-qa/answerability.ts';
import { foldAssociations } from './qa-associations.ts';
import { defaultFit, fitRerankModel, foldRerankModels, rerankExamples } from './qa-rerank.ts';
import { rerankModelToJson } from '../src/domain/policy-qa/rerank.ts';
import { curve, fitAnswerModel, foldAnswerModels, rounded, type Example } from './qa-calibrate.ts';
import { loadPolicy, loadQuestions, matches, printedMatches, repoRoot, seedFiles, type BenchQuestion } from './qa-data.ts';

const verbose = process.argv.includes('--verbose');
const calibrate = process.argv.includes('--calibrate');

const questions = await loadQuestions();
const docs = new Map<string, PolicyDocument>();
for (const name of new Set(questions.map((q) => q.policy))) {
  const doc = await loadPolicy(name);
  if (doc) docs.set(name, doc);
}
const usable = questions.filter((q) => docs.has(q.policy));
const passagesOf = new Map([...docs].map(([name, doc]) => [name, toPassages([doc])]));
// Each policy is answered with word associations learned without its own questions (cross-validated
// by policy), never with the shipped table, which learned from every question here.
const associationsOf = foldAssociations(usable, docs);
// …and re-ranked by a model fitted on the other folds' questions (qa-rerank.ts).
const rerankTraining = rerankExamples(usable, docs, associationsOf);
if (process.argv.includes('--fit-rerank')) {
  // The model to ship (src/domain/policy-qa/data/rerank-model.json), fitted on every question.
  const model = fitRerankModel(rerankTraining);
  const out = join(repoRoot, 'src/domain/policy-qa/data/rerank-model.json');
  const source = `softmax re-ranker fitted on ${rerankTraining.length} bench:qa questions on ${docs.size} policies (npm run bench:qa -- --fit-rerank)`;
  await writeFile(out, `${JSON.stringify({ source, fit: defaultFit, model: rerankModelToJson(model) })}\n`);
  const pairs = [...model.pairs.values()].reduce((n, row) => n + row.size, 0);
  console.log(JSON.stringify({ weights: model.weights, questionTerms: model.pairs.size, pairs, examples: rerankTraining.length, out }));
  process.exit(0);
}
const rerankOf = foldRerankModels(rerankTraining, [...docs.keys()]);
for (const q of usable) {
  for (const e of q.expect ?? []) {
    if (!passagesOf.get(q.policy)!.some((p) => matches(e, p))) process.stderr.write(`warning: ${q.id} expects a passage the document does not have: ${JSON.stringify(e)}\n`);
  }
}

interface Outcome {
  q: BenchQuestion;
  correct: boolean;
  /** The best passage is right, whether or not the answerer chose to answer. */
  rankedRight: boolean;
  /** The printed first citation (section and quote, all the `ask` contract shows) holds the expectation. */
  printedRight: boolean;
  answered: boolean;
  ms: number;
  got: string;
  features?: Example['features'];
}

function run(tuning: Tuning, subset: BenchQuestion[], answerModels?: ReadonlyMap<string, AnswerModel>): Outcome[] {
  const engines = new Map(
    [...docs].map(([name, doc]) => {
      const answerModel = answerModels?.get(name) ?? tuning.answerModel;
      return [name, createPolicyQa([doc], { tuning: { ...tuning, rerankModel: rerankOf.get(name)!, answerModel }, associations: associationsOf.get(name)! })];
    }),
  );
  return subset.map((q) => {
    const start = performance.now();
    const a = engines.get(q.policy)!.answer(q.question);
    const ms = performance.now() - start;
    const cited = a.citations[0] && passagesOf.get(q.policy)!.find((p) => p.id === a.citations[0]!.passageId);
    const rankedRight = Boolean(q.expect && cited && q.expect.some((e) => matches(e, cited)));
    const first = a.answered ? a.citations[0] : undefined;
    const printedRight = Boolean(q.expect && first && q.expect.some((e) => printedMatches(e, first)));
    const correct = q.expect ? rankedRight : !a.answered;
    const got = a.answered
      ? `${a.citations[0]!.section}: ${a.answer.slice(0, 90)} [p ${a.evidence.probability.toFixed(2)}]`
      : `declined [p ${a.evidence.probability.toFixed(2)}]`;
    return { q, correct, rankedRight, printedRight, answered: a.answered, ms, got, ...(a.features ? { features: a.features } : {}) };
  });
}

const share = (list: Outcome[], right = (o: Outcome): boolean => o.correct): number => (list.length ? Number((list.filter(right).length / list.length).toFixed(3)) : 0);
const answerable = (o: Outcome): boolean => Boolean(o.q.expect);

// The answer/decline model is cross-validated like the rest: each policy is decided by a model fitted
// on the other folds' questions, from their best passages as those folds' engines rank them. With the
// threshold at 0, a question still declined was declined by a rule (a topic the policy never names, an
// amount the passage does not state, only a setting asked): the model never decides it, so it neither
// learns from it nor counts it. This pass also warms the JIT for the timed run below.
const ranked = run({ ...defaultTuning, answerThreshold: 0 }, usable);
const decided = (o: Outcome): Example['features'] | undefined => (o.answered ? o.features : undefined);
const examples: Example[] = ranked
  .filter((o) => decided(o) && (!answerable(o) || o.rankedRight))
  .map((o) => ({ features: o.features!, answerable: answerable(o), group: o.q.policy }));
const answerModelOf = foldAnswerModels(examples, [...docs.keys()]);

if (calibrate) {
  // The model to ship, fitted on every question, and the cross-validated curve its threshold is chosen on.
  const thresholds = Array.from({ length: 13 }, (_, i) => Number((0.2 + i * 0.05).toFixed(2)));
  const points = curve(ranked.map((o) => ({ features: decided(o), answerable: answerable(o), rankedRight: o.rankedRight, model: answerModelOf.get(o.q.policy) })), thresholds);
  const best = points.reduce((a, b) => (b.top1 + b.abstain > a.top1 + a.abstain ? b : a));
  console.log(JSON.stringify({ answerModel: rounded(fitAnswerModel(examples)), examples: examples.length, best, crossValidated: points }));
  process.exit(0);
}

const outcomes = run(defaultTuning, usable, answerModelOf);
const latencies = outcomes.map((o) => o.ms).sort((a, b) => a - b);
const pct = (p: number): number => Number((latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0).toFixed(2));

const baselines = new Map([...docs].map(([name, doc]) => [name, createBaseline([doc])]));
const baseline = usable.map((q) => {
  const hit = baselines.get(q.policy)!.ask(q.question);
  return { q, correct: q.expect ? Boolean(hit && q.expect.some((e) => matches(e, hit.passage))) : !hit, rankedRight: false, printedRight: false, answered: Boolean(hit), ms: 0, got: '' };
});

if (verbose) {
  // Held-out misses stay hidden unless asked for, so tuning cannot lean on them.
  const showHeldOut = process.argv.includes('--show-held-out');
  for (const o of outcomes.filter((x) => !x.correct && (showHeldOut || (!x.q.heldOut && !x.q.validation)))) process.stderr.write(`MISS ${o.q.id}${o.q.heldOut ? ' (held out)' : ''} ${o.q.question}\n     -> ${o.got}\n`);
}

const figures = (list: Outcome[]): { questions: number; top1: number; abstain: number } => ({
  questions: list.length,
  top1: share(list.filter(answerable)),
  abstain: share(list.filter((o) => !answerable(o))),
});
const setOf = (q: BenchQuestion): string => q.set ?? 'first';
const heldOut = outcomes.filter((o) => o.q.heldOut);
console.log(
  JSON.stringify({
    questions: outcomes.length,
    top1: share(outcomes.filter(answerable)),
    abstain: share(outcomes.filter((o) => !answerable(o))),
    // top1 as someone holding only the `ask --json` output would score it: the printed section and quote.
    printedTop1: share(outcomes.filter(answerable), (o) => o.printedRight),
    p50Ms: pct(0.5),
    p95Ms: pct(0.95),
    baseline: { top1: share(baseline.filter(answerable)), abstain: share(baseline.filter((o) => !answerable(o))) },
    heldOut: figures(heldOut),
    validation: figures(outcomes.filter((o) => o.q.validation)),
    development: figures(outcomes.filter((o) => !o.q.heldOut && !o.q.validation)),
    sets: Object.fromEntries([...new Set(outcomes.map((o) => setOf(o.q)))].map((set) => [set, figures(outcomes.filter((o) => setOf(o.q) === set))])),
    seedPolicies: (await seedFiles()).length,
  }),
);
