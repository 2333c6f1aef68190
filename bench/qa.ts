// bench:qa — answer quality and latency of policy Q&A against bench/data/qa-questions.json.
// Prints one JSON line. `--verbose` lists misses on stderr; `--calibrate` grid-searches the abstention
// thresholds on the non-held-out questions only.
import { performance } from 'node:perf_hooks';
import type { PolicyDocument } from '../src/domain/policy-docs/index.ts';
import { createBaseline, createPolicyQa, defaultTuning, toPassages, type Tuning } from '../src/domain/policy-qa/index.ts';
import { loadPolicy, loadQuestions, matches, seedFiles, type BenchQuestion } from './qa-data.ts';

const verbose = process.argv.includes('--verbose');
const calibrate = process.argv.includes('--calibrate');

const questions = await loadQuestions();
const docs = new Map<string, PolicyDocument>();
for (const name of new Set(questions.map((q) => q.policy))) {
  const doc = await loadPolicy(name);
  if (doc) docs.set(name, doc);
}
const usable = questions.filter((q) => docs.has(q.policy));
for (const q of usable) {
  const all = toPassages([docs.get(q.policy)!]);
  for (const e of q.expect ?? []) {
    if (!all.some((p) => matches(e, p))) process.stderr.write(`warning: ${q.id} expects a passage the document does not have: ${JSON.stringify(e)}\n`);
  }
}

interface Outcome {
  q: BenchQuestion;
  correct: boolean;
  ms: number;
  got: string;
}

function run(tuning: Tuning, subset: BenchQuestion[]): Outcome[] {
  const engines = new Map([...docs].map(([name, doc]) => [name, createPolicyQa([doc], { tuning })]));
  const passages = new Map([...docs].map(([name, doc]) => [name, toPassages([doc])]));
  return subset.map((q) => {
    const start = performance.now();
    const a = engines.get(q.policy)!.answer(q.question);
    const ms = performance.now() - start;
    const cited = a.citations[0] && passages.get(q.policy)!.find((p) => p.id === a.citations[0]!.passageId);
    const correct = q.expect ? Boolean(cited && q.expect.some((e) => matches(e, cited))) : !a.answered;
    const got = a.answered ? `${a.citations[0]!.section}: ${a.answer.slice(0, 90)} [${a.evidence.coverage.toFixed(2)}]` : `declined [${a.evidence.coverage.toFixed(2)} ${a.evidence.score.toFixed(1)}]`;
    return { q, correct, ms, got };
  });
}

const share = (list: Outcome[]): number => (list.length ? Number((list.filter((o) => o.correct).length / list.length).toFixed(3)) : 0);
const answerable = (o: Outcome): boolean => Boolean(o.q.expect);

if (calibrate) {
  const train = usable.filter((q) => !q.heldOut);
  for (const incidentalWeight of [0.3, 1]) {
    for (const anchors of [2]) for (const anchorWeight of [2, 2.5, 3]) {
      for (const minCoverage of [0.45, 0.5, 0.55, 0.6]) {
        for (const minScore of [2, 4, 6]) {
          const out = run({ ...defaultTuning, incidentalWeight, anchors, anchorWeight, minCoverage, minScore }, train);
          const top1 = share(out.filter(answerable));
          const abstain = share(out.filter((o) => !answerable(o)));
          console.log(JSON.stringify({ incidentalWeight, anchors, anchorWeight, minCoverage, minScore, top1, abstain, sum: Number((top1 + abstain).toFixed(3)) }));
        }
      }
    }
  }
  process.exit(0);
}

// Warm-up pass so the JIT does not count against the first questions.
run(defaultTuning, usable);
const outcomes = run(defaultTuning, usable);
const latencies = outcomes.map((o) => o.ms).sort((a, b) => a - b);
const pct = (p: number): number => Number((latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? 0).toFixed(2));

const baselines = new Map([...docs].map(([name, doc]) => [name, { engine: createBaseline([doc]) }]));
const baseline = usable.map((q) => {
  const hit = baselines.get(q.policy)!.engine.ask(q.question);
  return { q, correct: q.expect ? Boolean(hit && q.expect.some((e) => matches(e, hit.passage))) : !hit, ms: 0, got: '' };
});

if (verbose) {
  // Held-out misses stay hidden unless asked for, so tuning cannot lean on them.
  const showHeldOut = process.argv.includes('--show-held-out');
  for (const o of outcomes.filter((x) => !x.correct && (showHeldOut || !x.q.heldOut))) process.stderr.write(`MISS ${o.q.id}${o.q.heldOut ? ' (held out)' : ''} ${o.q.question}\n     -> ${o.got}\n`);
}

const heldOut = outcomes.filter((o) => o.q.heldOut);
// Everything tuning may look at: the original questions, dev and dev2.
const train = outcomes.filter((o) => !o.q.heldOut);
const setOf = (q: BenchQuestion): string => q.set ?? 'h1';
const perSet = Object.fromEntries(
  [...new Set(heldOut.map((o) => setOf(o.q)))].sort().map((set) => {
    const inSet = heldOut.filter((o) => setOf(o.q) === set);
    return [set, { questions: inSet.length, heldOutTop1: share(inSet.filter(answerable)), heldOutAbstain: share(inSet.filter((o) => !answerable(o))) }];
  }),
);
console.log(
  JSON.stringify({
    questions: outcomes.length,
    top1: share(outcomes.filter(answerable)),
    abstain: share(outcomes.filter((o) => !answerable(o))),
    p50Ms: pct(0.5),
    p95Ms: pct(0.95),
    baseline: { top1: share(baseline.filter(answerable)), abstain: share(baseline.filter((o) => !answerable(o))) },
    trainTop1: share(train.filter(answerable)),
    trainAbstain: share(train.filter((o) => !answerable(o))),
    heldOutTop1: share(heldOut.filter(answerable)),
    heldOutAbstain: share(heldOut.filter((o) => !answerable(o))),
    sets: perSet,
    seedPolicies: (await seedFiles()).length,
  }),
);
