import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { GOOGLE_MAILBOXES_PER_BATCH } from '../../connectors/google-workspace/index.ts';
import { startAuditRun } from '../../src/jobs/audit/start-run.ts';
import type { JobMessage } from '../../src/jobs/messages.ts';
import { generateFixture } from '../../simulator/generate/index.ts';
import { useSimulator } from '../support/simulator.ts';
import { countingD1 } from './d1-counter.ts';
import { googleConnectionIdOf, googleOptions, setUpGoogleSchool } from './google-support.ts';
import { demoProfile, directPipelineDeps, measureAuditBatch } from './pipeline-support.ts';

/**
 * The Google twin of m365-batch-budget.test.ts: one queue message's worth of work from a generated
 * Google school, counting the HTTP requests the simulator answered and the D1 calls made. Gmail has no
 * cross-user batch and every person needs their own delegated tokens, so a Google message must hold
 * fewer mailboxes than a Microsoft one for ten of them to fit one invocation's budget.
 */
const MAILBOXES = 300;
const fixture = generateFixture({ ...googleOptions(41), mailboxes: MAILBOXES });
const sim = useSimulator(fixture);
const MESSAGES_PER_INVOCATION = 10;
const BUDGET = 1000;

describe(`one audit batch of a ${MAILBOXES}-account Google school`, { timeout: 180_000 }, () => {
  it('stays below the Workers subrequest budget, calm and under a 429 storm', async () => {
    await setUpGoogleSchool('g-budget', fixture, demoProfile({}));
    const d1 = countingD1(env.DB);
    const sent: JobMessage[] = [];
    const started = await startAuditRun(directPipelineDeps(d1.db, sent), { schoolId: 'g-budget', connectionId: googleConnectionIdOf('g-budget'), trigger: 'api' });
    if (!started.ok) throw new Error(started.error.message);
    expect(started.value.batches).toBe(1 + Math.ceil(MAILBOXES / GOOGLE_MAILBOXES_PER_BATCH));

    const measure = (batchNo: number) =>
      measureAuditBatch(sim, d1, sent, { runId: started.value.runId, batchNo }, (requests) => ({ tokens: requests.filter((r) => r.url.startsWith('/token')).length }));
    const calm = await measure(1);
    sim.reset({ ...fixture, realism: { ...fixture.realism, throttleRate: 0.3, retryAfterSeconds: 0 } });
    const storm = await measure(2);
    console.log(JSON.stringify({ measured: 'google audit batch budget', mailboxes: MAILBOXES, perBatch: GOOGLE_MAILBOXES_PER_BATCH, calm, storm }));

    expect(calm.tokens).toBeGreaterThan(0);
    expect(storm.throttled).toBeGreaterThan(0);
    for (const m of [calm, storm]) expect((m.http + m.d1) * MESSAGES_PER_INVOCATION).toBeLessThan(BUDGET);
  });
});
