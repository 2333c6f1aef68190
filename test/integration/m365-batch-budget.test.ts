import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { MAILBOXES_PER_BATCH } from '../../src/jobs/audit/deps.ts';
import { startAuditRun } from '../../src/jobs/audit/start-run.ts';
import type { JobMessage } from '../../src/jobs/messages.ts';
import { generateFixture } from '../../simulator/generate/index.ts';
import { countingD1 } from './d1-counter.ts';
import { connectionIdOf, demoProfile, setUpSchool } from './m365-support.ts';
import { directPipelineDeps, measureAuditBatch } from './pipeline-support.ts';
import { useRecordingSimulator } from './recording-simulator.ts';

/**
 * docs/architecture.md "Batch sizes and Workers limits", measured: one queue message's worth of
 * work (a batch of MAILBOXES_PER_BATCH mailboxes) from a 5,000-mailbox school, counting the HTTP
 * subrequests the simulator answered and the D1 calls made. A Worker invocation handles up to
 * max_batch_size = 10 such messages, so ten of them must fit the 1,000-subrequest budget.
 */
const MAILBOXES = 5000;
const fixture = generateFixture({ mailboxes: MAILBOXES, seed: 5, providers: ['microsoft365'], now: new Date().toISOString() });
const sim = useRecordingSimulator(fixture);
const MESSAGES_PER_INVOCATION = 10;
const BUDGET = 1000;

const http = () => sim.sim.ctx.recorder.requests.filter((r) => !r.inBatch);

describe(`one audit batch of a ${MAILBOXES}-mailbox school`, { timeout: 300_000 }, () => {
  it('stays far below the Workers subrequest limit, calm and under a 429 storm', async () => {
    await setUpSchool('m365-budget', fixture, demoProfile({}));
    const d1 = countingD1(env.DB);
    const sent: JobMessage[] = [];
    const started = await startAuditRun(directPipelineDeps(d1.db, sent), { schoolId: 'm365-budget', connectionId: connectionIdOf('m365-budget'), trigger: 'api' });
    if (!started.ok) throw new Error(started.error.message);
    const start = { http: http().length, d1: d1.calls(), getMailbox: sim.cmdlets.filter((c) => c.startsWith('Get-Mailbox')).length };
    expect(started.value.mailboxes).toBe(MAILBOXES);
    expect(started.value.batches).toBe(1 + Math.ceil(MAILBOXES / MAILBOXES_PER_BATCH));

    const measure = (batchNo: number) => {
      sim.cmdlets.length = 0;
      return measureAuditBatch(sim, d1, sent, { runId: started.value.runId, batchNo }, (requests) => ({
        tokens: requests.filter((r) => r.url.includes('/oauth2/')).length,
        graphBatches: requests.filter((r) => r.url === '/v1.0/$batch').length,
        exchange: sim.cmdlets.length,
      }));
    };
    const calm = await measure(1);
    sim.reset({ ...fixture, realism: { ...fixture.realism, throttleRate: 0.3, retryAfterSeconds: 0 } });
    const storm = await measure(2);
    const tenant = await measure(0);
    console.log(JSON.stringify({ measured: 'audit batch budget', mailboxes: MAILBOXES, perBatch: MAILBOXES_PER_BATCH, start, calm, storm, tenant }));

    // The mailbox batch no longer lists the tenant's mailboxes: the facts came with the directory.
    expect(calm.exchange).toBe(0);
    expect(storm.throttled).toBeGreaterThan(0);
    for (const m of [calm, storm]) expect((m.http + m.d1) * MESSAGES_PER_INVOCATION).toBeLessThan(BUDGET);
    expect(start.getMailbox).toBeLessThanOrEqual(Math.ceil(MAILBOXES / 1000));
  });
});
