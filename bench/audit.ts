// bench:audit — a full audit of a generated school, the naive one-request-at-a-time script against
// Tutela's pipeline, on the same fixture served by the tenant simulator with latency and throttling.
// Prints one JSON line per provider on stdout; progress and any finding differences go to stderr.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseProfile } from '../src/domain/profile/parse.ts';
import { generateFixture } from '../simulator/generate/index.ts';
import type { SimulatedProvider } from '../cli/support/simulator-connection.ts';
import { diffSets, expectedComparable, expectedFor, findingKey, reportDiff, sameSet } from './audit-findings.ts';
import { runNaive, type NaiveResult } from './audit-naive.ts';
import { fixtureOptions, readOptions } from './audit-options.ts';
import { startSimulatorThread, type SimulatorThread } from './audit-sim.ts';
import { runTutela } from './audit-tutela.ts';

const say = (text: string): void => void process.stderr.write(text);
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const round = (n: number, places = 2): number => Number(n.toFixed(places));

let options;
try {
  options = readOptions(process.argv.slice(2));
} catch (error) {
  say(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
}
const began = performance.now();
const generate = fixtureOptions(options);
const fixture = generateFixture(generate);
const now = new Date(fixture.now ?? Date.now());
const profileText = await readFile(join(import.meta.dirname, '..', 'profiles', 'demo-school.yaml'), 'utf8');
const parsed = await parseProfile(profileText);
if (!parsed.ok) throw new Error(`profiles/demo-school.yaml does not parse: ${parsed.error.message}`);
const profile = { parsed: parsed.value, text: profileText };
say(`bench:audit ${options.mailboxes} mailboxes, ${options.latencyMs} ms latency, ${options.mailboxConcurrency} per mailbox, ${options.throttleRate * 100}% 429s (Retry-After ${options.retryAfterSeconds} s), ${options.providers.join(' + ')}\n`);

/** Elapsed time and requests so far, once a minute, so a long naive run is visibly alive. */
function heartbeat(label: string, sim: SimulatorThread): () => void {
  const start = performance.now();
  const timer = setInterval(() => {
    void sim.stats().then((s) => say(`  ${label}: ${seconds(performance.now() - start)}, ${s.http} requests, ${s.throttled} throttled\n`), () => {});
  }, 60_000);
  return () => clearInterval(timer);
}

// (a) The naive baselines. They spend nearly all their time waiting (latency, Retry-After), each on
// its own simulator thread, so the providers run side by side without slowing each other.
const naive = new Map<SimulatedProvider, NaiveResult>();
await Promise.all(
  options.providers.map(async (provider) => {
    const sim = await startSimulatorThread(generate);
    const stop = heartbeat(`naive ${provider}`, sim);
    try {
      say(`naive ${provider}: started\n`);
      const result = await runNaive(provider, fixture, sim, profile.parsed.profile, now);
      naive.set(provider, result);
      say(`naive ${provider}: ${seconds(result.wallMs)}, ${result.requests} requests, ${result.findings.length} findings\n`);
    } finally {
      stop();
      await sim.close();
    }
  }),
);

// (b) Tutela, one provider at a time on a fresh simulator, so nothing else competes for the CPU.
let allMatch = true;
for (const provider of options.providers) {
  const baseline = naive.get(provider);
  if (!baseline) throw new Error(`no naive result for ${provider}`);
  const sim = await startSimulatorThread(generate);
  say(`tutela ${provider}: started\n`);
  const tutela = await runTutela(provider, fixture, sim, profile, now).finally(() => sim.close());
  const { first, repeat } = tutela;
  say(`tutela ${provider}: ${seconds(first.wallMs)}, ${first.http} requests, ${first.findings.length} findings (run ${first.run.status}); repeat ${seconds(repeat.wallMs)}, ${repeat.http} requests (run ${repeat.run.status})\n`);
  for (const r of [first, repeat]) {
    for (const e of r.run.errors) say(`  run error: ${e.message}\n`);
    if (r.deadLettered) say(`  ${r.deadLettered} queue messages were dead-lettered\n`);
  }

  const versus = diffSets(baseline.findings.map(findingKey), first.findings.map(findingKey));
  reportDiff(`${provider} findings differ`, ['naive', 'tutela'], versus, say);
  const expected = expectedFor(fixture.expected ?? [], provider, tutela.checks);
  reportDiff(`${provider} naive vs fixture.expected`, ['naive', 'expected'], diffSets(expectedComparable(baseline.findings), expected), say);
  reportDiff(`${provider} tutela vs fixture.expected`, ['tutela', 'expected'], diffSets(expectedComparable(first.findings), expected), say);
  const findingsMatch = sameSet(versus) && first.run.status === 'completed';
  allMatch &&= findingsMatch;

  const mailboxes = options.mailboxes;
  console.log(
    JSON.stringify({
      provider,
      mailboxes,
      naive: { wallMs: Math.round(baseline.wallMs), requests: baseline.requests },
      tutela: { wallMs: Math.round(first.wallMs), requests: first.http },
      speedup: round(baseline.wallMs / first.wallMs, 1),
      repeat: { requestsPerMailbox: round(repeat.http / mailboxes, 3), subRequestsPerMailbox: round(repeat.inBatch / mailboxes, 3) },
      findingsMatch,
    }),
  );
}
say(`bench:audit finished in ${seconds(performance.now() - began)}\n`);
process.exitCode = allMatch ? 0 : 1;
