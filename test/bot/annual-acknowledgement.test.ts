import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { acknowledge, syncCampaigns } from '../../src/domain/acknowledgements/index.ts';
import { assignmentsForPerson, listCampaigns } from '../../src/storage/acknowledgements.ts';
import { getActiveProfile } from '../../src/storage/profiles.ts';
import { api } from '../support/api.ts';
import { ackProfile, ONE_CLAUSE_POLICY } from '../support/policy.ts';
import { seedSchool } from './support.ts';

const SCHOOL = 'annual-school';
const anna = { id: 'aad-anna-annual', email: 'anna@annual.sch.uk' };
const who = { schoolId: SCHOOL, email: anna.email, userKey: anna.id };
const profile = ackProfile('Annual School', 'annual.sch.uk', ['{ document: aup, audience: all-staff, dueDays: 14, annual: true }']);

async function outstanding(): Promise<{ campaignId: string; versionId: string; acknowledgedAt: string | null }> {
  const [mine] = await assignmentsForPerson(env.DB, SCHOOL, anna.email);
  return mine!;
}

beforeAll(async () => {
  await seedSchool(SCHOOL, 'tenant-annual', [anna], 'none');
  expect((await api('PUT', `/api/schools/${SCHOOL}/profile`, profile, { 'content-type': 'application/yaml' })).status).toBe(201);
  expect((await api('PUT', `/api/schools/${SCHOOL}/policy-documents/aup?type=md`, ONE_CLAUSE_POLICY, { 'content-type': 'text/markdown' })).status).toBe(201);
});

describe('an annual acknowledgement campaign', () => {
  it('asks again a year on about the same, unchanged version, and keeps both records', async () => {
    const first = await outstanding();
    expect(first.acknowledgedAt).toBeNull();
    const now = new Date();
    const agreed = await acknowledge(env.DB, { who, data: { campaignId: first.campaignId, versionId: first.versionId, forUser: anna.id }, channel: 'teams', now });
    expect(agreed.ok && agreed.value.created).toBe(true);
    expect((await outstanding()).acknowledgedAt).not.toBeNull();

    // A year and a day later the campaign renews; the document has not changed.
    const later = new Date(now.getTime() + 366 * 24 * 3600 * 1000);
    const stored = await getActiveProfile(env.DB, SCHOOL);
    const groupReads: string[] = [];
    const sync = await syncCampaigns(env.DB, SCHOOL, stored!.profile, later, (ids) => {
      groupReads.push(...ids);
      return Promise.resolve();
    });
    expect(groupReads).toEqual([]);
    expect(sync.created).toHaveLength(1);
    expect(sync.closed).toEqual([first.campaignId]);
    const renewed = await outstanding();
    expect(renewed.campaignId).toBe(sync.created[0]!.id);
    expect(renewed.versionId).toBe(first.versionId);
    expect(renewed.acknowledgedAt).toBeNull();

    // Agreeing again is a new record, and pressing twice is still one.
    const again = { who, data: { campaignId: renewed.campaignId, versionId: renewed.versionId, forUser: anna.id }, channel: 'teams' as const, now: new Date(later.getTime() + 60_000) };
    const second = await acknowledge(env.DB, again);
    expect(second.ok && second.value.created).toBe(true);
    const repeat = await acknowledge(env.DB, again);
    expect(repeat.ok && repeat.value.created).toBe(false);
    expect((await outstanding()).acknowledgedAt).toBe(again.now.toISOString());
    const rows = await env.DB.prepare('SELECT campaign_id FROM acknowledgements WHERE school_id = ?1 ORDER BY acknowledged_at').bind(SCHOOL).all<{ campaign_id: string }>();
    expect(rows.results.map((r) => r.campaign_id)).toEqual([first.campaignId, renewed.campaignId]);
    expect((await listCampaigns(env.DB, SCHOOL, 'active')).map((c) => c.id)).toEqual([renewed.campaignId]);
  });
});
