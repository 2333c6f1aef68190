import { env } from 'cloudflare:workers';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertFindings } from '../../src/storage/findings.ts';
import { getAction, insertActionStatement } from '../../src/storage/remediations.ts';
import { api } from '../support/api.ts';
import { botFrameworkKeyHandlers, configureBots, makeSigner, postTeams, SERVICE_URL, seedSchool, teamsActivity } from '../bot/support.ts';

// The real Bot Framework route: token checked, identity from tenant + Entra object id, then the SBM verb.
const SCHOOL = 'invoke-school';
const TENANT = 'tenant-invoke';
const signer = await makeSigner('invoke-key');
const server = setupServer(...botFrameworkKeyHandlers(() => [{ signer, endorsements: ['msteams'] }]));
beforeAll(() => {
  configureBots();
  server.listen({ onUnhandledRequest: 'error' });
});
afterAll(() => server.close());

const teacher = { id: 'aad-teacher', email: 'teacher@invoke.sch.uk' };
const sbm = { id: 'aad-sbm', email: 'sbm@invoke.sch.uk' };
const as = (who: { id: string }) => ({ from: { id: `29:${who.id}`, name: 'x', aadObjectId: who.id }, conversation: { id: `a:${who.id}`, conversationType: 'personal', tenantId: TENANT }, channelData: { tenant: { id: TENANT } } });

async function press(who: { id: string }, verb: string, data: unknown) {
  const activity = teamsActivity({ ...as(who), type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } } });
  const res = await postTeams(activity, await signer.sign({ serviceurl: SERVICE_URL }));
  expect(res.status).toBe(200);
  return res.json<{ statusCode: number; type: string; value: Record<string, unknown> }>();
}

describe('weekly card buttons through the Teams bot', () => {
  it('refuses a teacher pressing Reject on the SBM card, and lets the SBM do it', async () => {
    await seedSchool(SCHOOL, TENANT, [teacher, sbm]);
    await api('PUT', `/api/schools/${SCHOOL}/profile`, `school:\n  name: Invoke School\n  contacts: { sbm: { name: Office, email: ${sbm.email} } }\ndomains: { internal: [invoke.sch.uk] }\nremediation: { forwarding.inbox-rule-external: approve }\n`, { 'content-type': 'text/yaml' });
    const [findingId] = await upsertFindings(env.DB, {
      schoolId: SCHOOL,
      runId: 'run-1',
      now: new Date(),
      findings: [{ checkId: 'forwarding.inbox-rule-external', severity: 'high', provider: 'microsoft365', subject: { id: teacher.id, email: teacher.email, item: 'r1' }, summary: 'Forwards to Gmail.', evidence: {}, policyRef: 'forwarding.external', remediation: { available: true, action: 'disable-inbox-rule', mode: 'approve' } }],
    });
    const actionId = crypto.randomUUID();
    await insertActionStatement(env.DB, { id: actionId, schoolId: SCHOOL, findingId: findingId ?? null, checkId: 'forwarding.inbox-rule-external', action: 'disable-inbox-rule', mode: 'approve', dryRun: false, status: 'pending-approval', params: {}, requestedBy: 'test', idempotencyKey: 'k1' }, new Date()).run();

    const refused = await press(teacher, 'sbm.remediation.reject', { schoolId: SCHOOL, actionId });
    expect(refused).toEqual({ statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'forbidden', message: 'Only the School Business Manager or an administrator can do this.' } });
    expect((await getAction(env.DB, actionId))?.status).toBe('pending-approval');

    const done = await press(sbm, 'sbm.remediation.reject', { schoolId: SCHOOL, actionId });
    expect(done).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: { version: '1.5', refresh: { userIds: [`29:${sbm.id}`] } } });
    expect(JSON.stringify(done.value)).toContain(`Fix rejected by ${sbm.email}`);
    expect((await getAction(env.DB, actionId))?.status).toBe('rejected');
  });
});
