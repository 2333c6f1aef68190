import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { listDirectoryUsers } from '../../src/storage/directory.ts';
import { getActiveProfile } from '../../src/storage/profiles.ts';
import { createRun, type BatchSubjects } from '../../src/storage/runs.ts';
import { MAILBOXES_PER_BATCH } from '../../src/jobs/audit/deps.ts';
import { REDELIVER_AFTER_MS } from '../../src/jobs/audit/sweep.ts';
import { connectionIdOf, demoProfile, expectedKeys, m365Fixture, openKeys, setUpSchool, startAudit, waitForRun, waitUntil, type RunView } from './m365-support.ts';
import { fireCron, runsOf } from './pipeline-support.ts';
import { useRecordingSimulator } from './recording-simulator.ts';

const fixture = m365Fixture(31);
useRecordingSimulator(fixture);
const reportOnly = demoProfile({});

describe('Microsoft 365 schedules through the Worker', { timeout: 120_000 }, () => {
  it('the nightly cron starts one audit per connection, each completing', async () => {
    await setUpSchool('m365-night-a', fixture, reportOnly);
    await setUpSchool('m365-night-b', fixture, reportOnly);
    const { results: connections } = await env.DB.prepare('SELECT id, school_id FROM connections').all<{ id: string; school_id: string }>();
    expect(connections.length).toBeGreaterThanOrEqual(2);

    await fireCron('30 2 * * *', new Date());
    for (const c of connections) {
      const runs = await waitUntil(`a cron run for ${c.id}`, async () => {
        const found = await runsOf(c.id, 'cron');
        return found.length > 0 && found.every((r) => r.status !== 'running') ? found : null;
      });
      expect(runs).toHaveLength(1);
    }
    for (const school of ['m365-night-a', 'm365-night-b']) {
      const [run] = await runsOf(connectionIdOf(school), 'cron');
      expect(run?.status).toBe('completed');
      expect(await openKeys(school)).toEqual(expectedKeys(fixture));
    }
  });

  it('the hourly sweep redelivers the batches of a run whose messages were lost', async () => {
    await setUpSchool('m365-sweep', fixture, reportOnly);
    expect((await waitForRun('m365-sweep', await startAudit('m365-sweep'))).status).toBe('completed');

    // A run whose starter crashed after writing its batches but before sending them: nothing is queued.
    const connectionId = connectionIdOf('m365-sweep');
    const users = await listDirectoryUsers(env.DB, connectionId);
    const batches: BatchSubjects[] = [{ kind: 'tenant' }];
    for (let i = 0; i < users.length; i += MAILBOXES_PER_BATCH) batches.push({ kind: 'mailboxes', userIds: users.slice(i, i + MAILBOXES_PER_BATCH).map((u) => u.id) });
    const profile = await getActiveProfile(env.DB, 'm365-sweep');
    if (!profile) throw new Error('no profile');
    const stalledAt = new Date(Date.now() - REDELIVER_AFTER_MS - 10 * 60_000);
    const runId = crypto.randomUUID();
    await createRun(env.DB, { id: runId, schoolId: 'm365-sweep', connectionId, profileId: profile.id, trigger: 'cron', checks: ['forwarding.inbox-rule-external', 'forwarding.mailbox-external'], dryRun: false, batches, mailboxes: users.length, warnings: [] }, stalledAt);
    // Nobody delivers it until the sweep does.
    const stuck = await env.DB.prepare('SELECT status FROM audit_runs WHERE id = ?1').bind(runId).first<{ status: string }>();
    expect(stuck?.status).toBe('running');

    const at = new Date();
    at.setUTCHours(3, 5, 0, 0);
    await fireCron('5 * * * *', at);
    const run: RunView = await waitForRun('m365-sweep', runId);
    expect(run.status).toBe('completed');
    expect(run.summary).toMatchObject({ mailboxes: users.length, unreadMailboxes: 0 });
    const forwardingKeys = expectedKeys(fixture).filter((k) => k.startsWith('forwarding.inbox-rule-external|') || k.startsWith('forwarding.mailbox-external|'));
    const stored = await env.DB.prepare('SELECT COUNT(*) AS n FROM findings WHERE school_id = ?1 AND last_run_id = ?2').bind('m365-sweep', runId).first<{ n: number }>();
    expect(stored?.n).toBe(forwardingKeys.length);
  });
});
