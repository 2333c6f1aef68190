import { env, exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { generateFixture } from '../../simulator/generate/index.ts';
import { acknowledge } from '../../src/domain/acknowledgements/index.ts';
import { listCampaignAssignees, listCampaigns, type Campaign } from '../../src/storage/acknowledgements.ts';
import { api } from '../support/api.ts';
import { ONE_CLAUSE_POLICY } from '../support/policy.ts';
import { useSimulator } from '../support/simulator.ts';
import { googleConnection } from './google-support.ts';
import { setUpSchool } from './m365-support.ts';
import { demoProfile, fireCron, waitUntil } from './pipeline-support.ts';

/** One school on both providers; the generator gives each the same leadership@, classroom@ and teaching-staff@ groups. */
const fixture = generateFixture({ mailboxes: 40, seed: 53, now: new Date().toISOString() });
const handle = useSimulator(fixture);
const SCHOOL = 'groups-both';
const DOMAIN = 'oakfieldprimary.sch.uk';
const TEACHING = `teaching-staff@${DOMAIN}`;
const MISSING = `year7-team@${DOMAIN}`;

const profile = demoProfile().replace(
  /acknowledgements:\n {2}campaigns:\n[\s\S]*?\n {2}starterDays/,
  `acknowledgements:\n  campaigns:\n    - { document: aup, audience: { group: ${TEACHING} }, dueDays: 14 }\n    - { document: aup, audience: { group: ${MISSING} }, dueDays: 14 }\n  starterDays`,
);

/** Enabled people the generator put in leadership@ and classroom@ (nested in teaching-staff@). */
function teachingStaff(): string[] {
  const google = handle.sim.ctx.fixture.google!;
  const groups = new Map(google.groups.map((g) => [g.email, g]));
  const emails = [...groups.get(`leadership@${DOMAIN}`)!.members, ...groups.get(`classroom@${DOMAIN}`)!.members];
  return [...new Set(emails.filter((e) => google.users.some((u) => u.primaryEmail === e && !u.suspended)))].sort();
}

const campaignFor = async (group: string): Promise<Campaign> => {
  const found = (await listCampaigns(env.DB, SCHOOL, 'active')).find((c) => typeof c.audience === 'object' && c.audience.group === group);
  if (!found) throw new Error(`no campaign for ${group}`);
  return found;
};
const assignedEmails = async (campaignId: string) => (await listCampaignAssignees(env.DB, campaignId)).map((a) => a.email).sort();

describe('acknowledgement campaigns addressed to a group', { timeout: 120_000 }, () => {
  it('asks the group’s people (nested groups too) on both tenants, says when a group does not exist, and follows membership nightly', async () => {
    expect(profile).toContain(MISSING);
    await setUpSchool(SCHOOL, fixture, profile);
    expect((await api('POST', `/api/schools/${SCHOOL}/connections`, googleConnection(SCHOOL, fixture))).status).toBe(201);

    // Uploading the policy starts both campaigns; their members are read by the queue consumer.
    const upload = await api('PUT', `/api/schools/${SCHOOL}/policy-documents/aup?type=md`, ONE_CLAUSE_POLICY, { 'content-type': 'text/markdown' });
    expect(upload.status).toBe(201);
    const teaching = await waitUntil('the teaching-staff members to be read', async () => (await campaignFor(TEACHING)).audienceStatus && campaignFor(TEACHING));
    const expected = teachingStaff();
    expect(expected.length).toBeGreaterThan(10);
    expect(teaching.audienceStatus).toMatchObject({ members: expected.length, problem: null });
    expect(await assignedEmails(teaching.id)).toEqual(expected);
    // Both tenants were asked, through Graph's transitive members and Google's derived membership.
    const urls = handle.sim.ctx.recorder.requests.map((r) => decodeURIComponent(r.url));
    expect(urls.some((u) => u.includes('/transitiveMembers/microsoft.graph.user'))).toBe(true);
    expect(urls.some((u) => u.includes('/members?') && u.includes('includeDerivedMembership=true'))).toBe(true);

    const missing = await waitUntil('the missing group to be reported', async () => (await campaignFor(MISSING)).audienceStatus && campaignFor(MISSING));
    expect(missing.audienceStatus?.problem).toBe(`There is no group ${MISSING} in Google Workspace or Microsoft 365. Check the address in the profile's acknowledgement campaigns.`);
    expect(await assignedEmails(missing.id)).toEqual([]);
    const page = await exports.default.fetch(`http://localhost/dashboard/schools/${SCHOOL}/acknowledgements`, { headers: { authorization: 'Bearer test-admin-token' } });
    const html = await page.text();
    expect(html).toContain(`There is no group ${MISSING}`);
    expect(html).toContain(`${expected.length} people, read`);
    // One row per campaign, so the group's count is its own.
    expect(html).toContain(`<td>${TEACHING}</td><td>0 of ${expected.length} (0%)</td>`);

    // Between versions, people move: one who agreed and one who did not leave the classroom, one joins.
    const [agreed, silent] = expected.filter((e) => !e.startsWith('head@') && !e.startsWith('bursar@'));
    if (!agreed || !silent) throw new Error('not enough classroom staff');
    const assignees = await listCampaignAssignees(env.DB, teaching.id);
    const agreedKey = assignees.find((a) => a.email === agreed)!.userKey;
    const ack = await acknowledge(env.DB, {
      who: { schoolId: SCHOOL, email: agreed, userKey: agreedKey },
      data: { campaignId: teaching.id, versionId: teaching.versionId, forUser: agreedKey },
      channel: 'teams',
      now: new Date(),
    });
    expect(ack.ok).toBe(true);
    const joiner = handle.sim.ctx.fixture.google!.users.find((u) => !u.suspended && !expected.includes(u.primaryEmail) && u.primaryEmail.includes('.'))!.primaryEmail;
    const classroom = handle.sim.ctx.fixture.google!.groups.find((g) => g.email === `classroom@${DOMAIN}`)!;
    classroom.members = [...classroom.members.filter((e) => e !== agreed && e !== silent), joiner];
    const msUsers = new Map(handle.sim.ctx.fixture.microsoft!.users.map((u) => [u.userPrincipalName, u.id]));
    const msClassroom = handle.sim.ctx.fixture.microsoft!.groups.find((g) => g.mail === `classroom@${DOMAIN}`)!;
    msClassroom.members = [...msClassroom.members.filter((id) => id !== msUsers.get(agreed) && id !== msUsers.get(silent)), msUsers.get(joiner)!];

    const before = (await campaignFor(TEACHING)).audienceStatus!.readAt;
    await fireCron('30 2 * * *', new Date());
    const refreshed = await waitUntil('the nightly membership refresh', async () => {
      const now = await campaignFor(TEACHING);
      return now.audienceStatus && now.audienceStatus.readAt > before && now;
    });
    expect(refreshed.audienceStatus?.problem).toBeNull();
    const after = await assignedEmails(teaching.id);
    expect(after).toContain(joiner);
    expect(after).not.toContain(silent);
    // An acknowledgement already given stays, with the assignment it met, as evidence.
    expect(after).toContain(agreed);
    expect(after).toHaveLength(expected.length);
  });
});
