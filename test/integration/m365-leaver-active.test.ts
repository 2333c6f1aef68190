import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { parseHrCsv } from '../../connectors/hr-feed/index.ts';
import { expectedKey, generateHrFeed } from '../../simulator/generate/index.ts';
import { upsertStaffStatement } from '../../src/storage/hr-staff.ts';
import { demoProfile, listFindings, m365Fixture, setUpSchool, startAudit, waitForRun } from './m365-support.ts';
import { useRecordingSimulator } from './recording-simulator.ts';

const options = { mailboxes: 60, seed: 17, providers: ['microsoft365' as const] };
const fixture = m365Fixture(17);
const sim = useRecordingSimulator(fixture);

describe('accounts.leaver-active in the nightly audit', { timeout: 120_000 }, () => {
  it('needs an HR roster, and says so rather than reporting nobody', async () => {
    sim.reset();
    await setUpSchool('leaver-none', fixture, demoProfile({}));
    const run = await waitForRun('leaver-none', await startAudit('leaver-none'));
    expect(run.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'needs_hr_feed' })]));
    expect((await listFindings('leaver-none')).filter((f) => f.checkId === 'accounts.leaver-active')).toEqual([]);
  });

  it('reports every leaver whose account is still enabled, from the stored roster', async () => {
    sim.reset();
    await setUpSchool('leaver-roster', fixture, demoProfile({}));
    const feed = parseHrCsv(generateHrFeed(options), {});
    if (!feed.ok) throw new Error(feed.error.message);
    await upsertStaffStatement(env.DB, 'leaver-roster', feed.value.accepted, 'import-1', new Date()).run();
    const run = await waitForRun('leaver-roster', await startAudit('leaver-roster'));
    expect(run.status).toBe('completed');
    const found = (await listFindings('leaver-roster')).filter((f) => f.checkId === 'accounts.leaver-active').map((f) => expectedKey({ checkId: f.checkId, provider: 'microsoft365', email: f.subject.email ?? '' }));
    const expected = (fixture.expected ?? []).filter((f) => f.checkId === 'accounts.leaver-active').map(expectedKey);
    expect(expected.length).toBeGreaterThan(0);
    expect(found.sort()).toEqual(expected.sort());
  });
});
