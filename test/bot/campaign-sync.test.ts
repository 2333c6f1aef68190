import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { listCampaigns } from '../../src/storage/acknowledgements.ts';
import { api } from '../support/api.ts';
import { fireCron } from '../integration/pipeline-support.ts';
import { ackProfile, ONE_CLAUSE_POLICY } from '../support/policy.ts';
import { seedSchool } from './support.ts';

const SCHOOL = 'sync-school';
const profileWith = (campaign: string) => ackProfile('Sync School', 'sync.sch.uk', [campaign]);

const active = async () => (await listCampaigns(env.DB, SCHOOL, 'active')).map((c) => ({ audience: c.audience, annual: c.annual, createdAt: c.createdAt, id: c.id }));

describe('campaigns follow the profile without waiting for a policy upload', () => {
  it('a profile change starts and stops campaigns at once, and the hourly cron renews an annual one', async () => {
    await seedSchool(SCHOOL, 'tenant-sync', [{ id: 'aad-sam', email: 'sam@sync.sch.uk' }], 'none');
    expect((await api('PUT', `/api/schools/${SCHOOL}/profile`, profileWith('{ document: aup, audience: all-staff }'), { 'content-type': 'text/yaml' })).status).toBe(201);
    // No document yet: nothing can run, and the profile answer says which one is missing.
    expect(await active()).toEqual([]);
    expect((await api('PUT', `/api/schools/${SCHOOL}/policy-documents/aup?type=md`, ONE_CLAUSE_POLICY, { 'content-type': 'text/markdown' })).status).toBe(201);
    const [allStaff] = await active();
    expect(allStaff?.audience).toBe('all-staff');

    // The school swaps the all-staff campaign for a yearly one aimed at starters.
    const changed = await api('PUT', `/api/schools/${SCHOOL}/profile`, profileWith('{ document: aup, audience: starters, annual: true }'), { 'content-type': 'text/yaml' });
    expect(changed.status).toBe(201);
    const [starters, ...others] = await active();
    expect(others).toEqual([]);
    expect(starters).toMatchObject({ audience: 'starters', annual: true });
    expect(changed.json.campaigns).toEqual({ created: [starters!.id], closed: [allStaff!.id], missingDocuments: [] });

    // Nothing changes in the hour after; a year and a day on, the hourly run renews it.
    await fireCron('5 * * * *', new Date(Date.now() + 3600_000));
    expect((await active()).map((c) => c.id)).toEqual([starters!.id]);
    await fireCron('5 * * * *', new Date(Date.now() + 366 * 24 * 3600_000));
    const [renewed, ...more] = await active();
    expect(more).toEqual([]);
    expect(renewed).toMatchObject({ audience: 'starters', annual: true });
    expect(renewed!.id).not.toBe(starters!.id);
  });
});
