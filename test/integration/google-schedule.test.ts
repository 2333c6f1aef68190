import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { generateFixture } from '../../simulator/generate/index.ts';
import { useSimulator } from '../support/simulator.ts';
import { googleConnectionIdOf, googleExpectedKeys, googleOpenKeys, setUpGoogleSchool } from './google-support.ts';
import { connectionIdOf, expectedKeys, setUpSchool } from './m365-support.ts';
import { demoProfile, fireCron, openKeys, runsOf, waitForRun, waitUntil } from './pipeline-support.ts';

/** One school generated on both providers, so one simulator answers both connections. */
const fixture = generateFixture({ mailboxes: 60, seed: 37, now: new Date().toISOString() });
useSimulator(fixture);
const reportOnly = demoProfile({});

describe('Google Workspace on the nightly schedule', { timeout: 120_000 }, () => {
  it('the nightly cron audits the Google connection beside the Microsoft one, through the same queue', async () => {
    await setUpGoogleSchool('g-night', fixture, reportOnly);
    await setUpSchool('ms-night', fixture, reportOnly);
    const { results } = await env.DB.prepare('SELECT id FROM connections ORDER BY id').all<{ id: string }>();
    expect(results.map((c) => c.id)).toEqual([googleConnectionIdOf('g-night'), connectionIdOf('ms-night')].sort());

    await fireCron('30 2 * * *', new Date());
    const settled = async (connectionId: string) =>
      waitUntil(`a cron run for ${connectionId}`, async () => {
        const found = await runsOf(connectionId, 'cron');
        return found.length > 0 && found.every((r) => r.status !== 'running' && r.status !== 'queued') ? found : null;
      });
    const [google] = await settled(googleConnectionIdOf('g-night'));
    const [microsoft] = await settled(connectionIdOf('ms-night'));
    expect((await runsOf(googleConnectionIdOf('g-night'), 'cron')).length).toBe(1);
    if (!google || !microsoft) throw new Error('no cron runs');

    const run = await waitForRun('g-night', google.id);
    expect(run.errors).toEqual([]);
    expect(run.status).toBe('completed');
    expect(run.summary).toMatchObject({ mailboxes: 60, unreadMailboxes: 0 });
    expect(await googleOpenKeys('g-night')).toEqual(googleExpectedKeys(fixture));
    expect(microsoft.status).toBe('completed');
    expect(await openKeys('ms-night')).toEqual(expectedKeys(fixture));
  });
});
