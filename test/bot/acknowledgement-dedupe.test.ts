import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { enrolStarter } from '../../src/domain/acknowledgements/index.ts';
import { connectionConfigSchema } from '../../src/domain/connections/config.ts';
import { addAssignments, listCampaigns } from '../../src/storage/acknowledgements.ts';
import { createConnection } from '../../src/storage/connections.ts';
import { applyDirectoryPage } from '../../src/storage/directory.ts';
import { api } from '../support/api.ts';
import { seedSchool } from './support.ts';

// A school on both Microsoft 365 and Google Workspace: most people are in both directories, under
// different user ids (and sometimes a differently-cased address). Each is asked once.
const SCHOOL = 'ack-both';
const NOW = new Date('2026-11-02T00:00:00Z');
const shared = ['anna', 'ben', 'cara'].map((p) => ({ id: `aad-${p}`, email: `${p}@ack-both.sch.uk` }));
const profile = `school:\n  name: Both School\n  contacts: { sbm: { name: Office, email: anna@ack-both.sch.uk } }\ndomains: { internal: [ack-both.sch.uk] }\nacknowledgements:\n  campaigns:\n    - { document: aup, audience: all-staff }\n`;

async function googleDirectory(people: { id: string; email: string }[]) {
  const connectionId = `${SCHOOL}-google`;
  const config = connectionConfigSchema.parse({
    provider: 'google-workspace',
    domain: 'ack-both.sch.uk',
    adminSubject: 'admin@ack-both.sch.uk',
    serviceAccount: { clientEmail: 'sa@project.iam.gserviceaccount.com', privateKeyId: 'k1', privateKeyRef: 'SECRET_TEST_GOOGLE' },
  });
  await createConnection(env.DB, { id: connectionId, schoolId: SCHOOL, config }, NOW);
  await applyDirectoryPage(env.DB, connectionId, {
    full: true,
    removed: [],
    cursor: null,
    changed: people.map((s) => ({ id: s.id, email: s.email, displayName: s.email, aliases: [], employeeId: null, enabled: true, kind: 'user', isAdmin: false, lastSignInAt: null, signInSource: 'unavailable', createdAt: null })),
  }, NOW);
}

const upload = (text: string) => api('PUT', `/api/schools/${SCHOOL}/policy-documents/aup?type=md`, text, { 'content-type': 'text/markdown' });
const assignmentRows = async () =>
  (await env.DB.prepare('SELECT a.email, a.user_key FROM ack_assignments a JOIN ack_campaigns c ON c.id = a.campaign_id WHERE c.school_id = ?1 AND c.status = ?2 ORDER BY a.email').bind(SCHOOL, 'active').all<{ email: string; user_key: string }>()).results;

async function evidence(): Promise<string[][]> {
  const res = await exports.default.fetch(`http://localhost/api/schools/${SCHOOL}/acknowledgements.csv`, { headers: { authorization: 'Bearer test-admin-token' } });
  expect(res.status).toBe(200);
  return (await res.text()).split('\r\n').filter(Boolean).slice(1).map((l) => l.split(','));
}

beforeAll(async () => {
  await seedSchool(SCHOOL, 'tenant-ack-both', [...shared, { id: 'aad-dev', email: 'dev@ack-both.sch.uk' }]);
  // Google: the same three (Ben's address in capitals, as some exports have it) and one Google-only person.
  await googleDirectory([
    { id: 'g-anna', email: 'anna@ack-both.sch.uk' },
    { id: 'g-ben', email: 'BEN@ack-both.sch.uk' },
    { id: 'g-cara', email: 'cara@ack-both.sch.uk' },
    { id: 'g-eli', email: 'eli@ack-both.sch.uk' },
  ]);
  expect((await api('PUT', `/api/schools/${SCHOOL}/profile`, profile, { 'content-type': 'application/yaml' })).status).toBe(201);
});

describe('acknowledgement assignments on a school with two connections', () => {
  it('assigns each person once, and a starter enrolled from the second connection is not assigned again', async () => {
    expect((await upload('# AUP\n\n## 1. Email\n\n1.1 Do not forward school email outside the school.\n')).status).toBe(201);
    const rows = await assignmentRows();
    expect(rows.map((r) => r.email)).toEqual(['anna@ack-both.sch.uk', 'ben@ack-both.sch.uk', 'cara@ack-both.sch.uk', 'dev@ack-both.sch.uk', 'eli@ack-both.sch.uk']);

    // The HR engine enrols a starter once per connection their account is found in.
    await enrolStarter(env.DB, SCHOOL, 'fin@ack-both.sch.uk', 'aad-fin', NOW);
    await enrolStarter(env.DB, SCHOOL, 'Fin@ack-both.sch.uk', 'g-fin', NOW);
    expect((await assignmentRows()).filter((r) => r.email === 'fin@ack-both.sch.uk')).toEqual([{ email: 'fin@ack-both.sch.uk', user_key: 'aad-fin' }]);

    expect((await evidence()).map((r) => r[4])).toEqual(['anna@ack-both.sch.uk', 'ben@ack-both.sch.uk', 'cara@ack-both.sch.uk', 'dev@ack-both.sch.uk', 'eli@ack-both.sch.uk', 'fin@ack-both.sch.uk']);
  });

  it('writes one evidence row per person per version, even over assignments made twice before the fix', async () => {
    const [campaign] = await listCampaigns(env.DB, SCHOOL, 'active');
    // What the old sync left behind: Anna and Ben under their Google keys as well.
    await addAssignments(env.DB, campaign!.id, [{ userKey: 'g-anna', email: 'anna@ack-both.sch.uk' }, { userKey: 'g-ben', email: 'ben@ack-both.sch.uk' }], NOW);
    expect((await assignmentRows()).filter((r) => r.email === 'anna@ack-both.sch.uk')).toHaveLength(2);
    // Anna acknowledged through the bot under her Google key.
    await env.DB.prepare("INSERT INTO acknowledgements (id, school_id, version_id, campaign_id, user_key, email, channel, content_hash, acknowledged_at) SELECT 'ack-anna', ?1, version_id, id, 'g-anna', 'anna@ack-both.sch.uk', 'slack', 'h', ?2 FROM ack_campaigns WHERE id = ?3")
      .bind(SCHOOL, NOW.toISOString(), campaign!.id)
      .run();

    const v1 = await evidence();
    expect(v1.map((r) => r[4])).toEqual(['anna@ack-both.sch.uk', 'ben@ack-both.sch.uk', 'cara@ack-both.sch.uk', 'dev@ack-both.sch.uk', 'eli@ack-both.sch.uk', 'fin@ack-both.sch.uk']);
    const anna = v1.find((r) => r[4] === 'anna@ack-both.sch.uk');
    expect([anna?.[5], anna?.[6], anna?.[8]]).toEqual(['g-anna', 'acknowledged', 'slack']);

    // A new version asks everyone in the directories again (Fin, a starter not yet in them, is not):
    // one row per person for each version.
    expect((await upload('# AUP\n\n## 1. Email\n\n1.1 Do not forward school email outside the school, ever.\n')).status).toBe(201);
    const both = await evidence();
    expect(both.filter((r) => r[2] === '1')).toHaveLength(6);
    expect(both.filter((r) => r[2] === '2').map((r) => r[4])).toEqual(['anna@ack-both.sch.uk', 'ben@ack-both.sch.uk', 'cara@ack-both.sch.uk', 'dev@ack-both.sch.uk', 'eli@ack-both.sch.uk']);
  });
});
