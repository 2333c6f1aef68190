import { env } from 'cloudflare:workers';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upsertFindings } from '../../src/storage/findings.ts';
import { getImport } from '../../src/storage/hr-imports.ts';
import { listJobs } from '../../src/storage/offboarding.ts';
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

  it('decides a held leaver batch through the offboarding engine: SBM only, once, and reject cancels', async () => {
    const school = 'invoke-leavers';
    const sbmHere = { id: 'aad-sbm-l', email: `sbm@${school}.sch.uk` };
    const teacherHere = { id: 'aad-teacher-l', email: `teacher@${school}.sch.uk` };
    const leavers = ['dan', 'eve', 'fay', 'gus'].map((p) => ({ id: `aad-${p}`, email: `${p}@${school}.sch.uk` }));
    await seedSchool(school, TENANT, [sbmHere, teacherHere, ...leavers, ...['amy', 'ben', 'cal'].map((p) => ({ id: `aad-${p}`, email: `${p}@${school}.sch.uk` }))]);
    await api('PUT', `/api/schools/${school}/profile`, `school:\n  name: Leavers School\n  contacts: { sbm: { name: Office, email: ${sbmHere.email} } }\ndomains: { internal: [${school}.sch.uk] }\n`, { 'content-type': 'text/yaml' });
    // Four leavers in one feed: one more than the breaker lets through without a person.
    const csv = `Employee ID,Work Email,Leaving Date,Status\r\n${leavers.map((l, i) => `E${i},${l.email},10/01/2027,Leaving`).join('\r\n')}\r\n`;
    const imported = async () => {
      const res = await api('POST', `/api/schools/${school}/hr-imports`, csv, { 'content-type': 'text/csv' });
      expect(res).toMatchObject({ status: 202, json: { status: 'held' } });
      return String(res.json.importId);
    };
    const first = await imported();
    const second = await imported();

    const refused = await press(teacherHere, 'sbm.leavers.approve', { schoolId: school, importId: second });
    expect(refused).toMatchObject({ statusCode: 400, value: { code: 'forbidden' } });
    expect((await getImport(env.DB, second))?.status).toBe('held');

    const rejected = await press(sbmHere, 'sbm.leavers.reject', { schoolId: school, importId: first });
    expect(JSON.stringify(rejected.value)).toContain(`Leavers rejected by ${sbmHere.email}`);
    expect((await getImport(env.DB, first))?.status).toBe('cancelled');
    expect(await listJobs(env.DB, school)).toEqual([]);

    const approved = await press(sbmHere, 'sbm.leavers.approve', { schoolId: school, importId: second });
    expect(approved).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(JSON.stringify(approved.value)).toContain(`Leavers approved by ${sbmHere.email}`);
    const jobs = await listJobs(env.DB, school);
    expect(jobs.map((j) => [j.subjectEmail, j.status, j.actAt]).sort()).toEqual(leavers.map((l) => [l.email, 'scheduled', '2027-01-10T17:00:00.000Z']));
    const approvals = await env.DB.prepare('SELECT subject_id, decision, decided_by FROM approvals WHERE school_id = ?1 ORDER BY decision').bind(school).all();
    expect(approvals.results).toEqual([
      { subject_id: second, decision: 'approved', decided_by: `teams:${sbmHere.email}` },
      { subject_id: first, decision: 'rejected', decided_by: `teams:${sbmHere.email}` },
    ]);

    const again = await press(sbmHere, 'sbm.leavers.approve', { schoolId: school, importId: second });
    expect(again.statusCode).toBe(200);
    expect(JSON.stringify(again.value)).toContain('These leavers were already approved.');
    expect(await listJobs(env.DB, school)).toHaveLength(4);
  });
});
