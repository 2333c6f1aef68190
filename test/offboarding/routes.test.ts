import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { signWebhook } from '../../connectors/hr-feed/index.ts';
import { createApp } from '../../src/app/app.ts';
import { webhookSecretNames } from '../../src/app/routes/hr-webhook.ts';
import type { JobMessage } from '../../src/jobs/messages.ts';
import { listJobs } from '../../src/storage/offboarding.ts';
import type { MsUser } from '../../simulator/fixture/microsoft.ts';
import { generateFixture } from '../../simulator/generate/index.ts';
import { useSimulator } from '../support/simulator.ts';
import { csvOf, ordinaryStaff, setUpSchool } from './support.ts';

const handle = useSimulator(() => generateFixture({ mailboxes: 40, seed: 5, providers: ['microsoft365'] }));
const app = createApp();
const SECRET = 'whsec-test-0123456789';

/** The Worker's env with a collecting queue (the test decides when messages run) and the school's webhook secret. */
function testEnv(schoolId: string) {
  const sent: JobMessage[] = [];
  const JOBS = { send: (m: JobMessage) => (sent.push(m), Promise.resolve()), sendBatch: (ms: { body: JobMessage }[]) => (sent.push(...ms.map((m) => m.body)), Promise.resolve()) };
  return { sent, env: { ...env, JOBS, [webhookSecretNames(schoolId)[0]]: SECRET } as unknown as typeof env };
}

async function post(schoolId: string, e: ReturnType<typeof testEnv>['env'], body: string, signature: string | null) {
  const res = await app.request(`/hooks/hr/${schoolId}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(signature ? { 'x-tutela-signature': signature } : {}) }, body }, e);
  return { status: res.status, json: await res.json<Record<string, unknown>>() };
}

const leaverEvent = (u: MsUser, eventId: string, leaveDate: string) =>
  JSON.stringify({ eventId, type: 'staff.leaver', occurredAt: '2026-11-23T08:00:00Z', employee: { employeeId: u.employeeId, email: u.mail, leaveDate } });

describe('HR webhook /hooks/hr/:schoolId', () => {
  it('acts on a signed leaver event at once, refuses a forged one and a replay', async () => {
    const school = await setUpSchool(handle.sim);
    const u = ordinaryStaff(handle.sim)[0] as MsUser;
    const { env: e, sent } = testEnv(school.schoolId);
    const body = leaverEvent(u, `evt-${crypto.randomUUID()}`, '2026-11-20');
    const t = Math.floor(Date.now() / 1000);

    const forged = await post(school.schoolId, e, body, await signWebhook('not-the-secret', body, t));
    expect(forged.status).toBe(401);
    const unsigned = await post(school.schoolId, e, body, null);
    expect(unsigned.status).toBe(401);
    const stale = await post(school.schoolId, e, body, await signWebhook(SECRET, body, t - 600));
    expect(stale.status).toBe(400);
    expect(await listJobs(env.DB, school.schoolId)).toEqual([]);

    const signed = await signWebhook(SECRET, body, t);
    const accepted = await post(school.schoolId, e, body, signed);
    expect(accepted.status).toBe(202);
    expect(accepted.json).toMatchObject({ status: 'applied', enqueued: 1 });
    // "Within a minute": the leave time has passed, so the first step is on the queue already.
    const [job] = await listJobs(env.DB, school.schoolId);
    expect(sent).toEqual([{ kind: 'offboarding.step', jobId: job?.id, step: 'disable-sign-in' }]);

    const replay = await post(school.schoolId, e, body, signed);
    expect(replay).toMatchObject({ status: 200, json: { duplicate: true } });
    expect(await listJobs(env.DB, school.schoolId)).toHaveLength(1);
    expect(sent).toHaveLength(1);
  });

  it('accepts the previous secret during a rotation', async () => {
    const school = await setUpSchool(handle.sim);
    const u = ordinaryStaff(handle.sim)[1] as MsUser;
    const { env: e } = testEnv(school.schoolId);
    const rotated = { ...e, [webhookSecretNames(school.schoolId)[0]]: 'whsec-new', [webhookSecretNames(school.schoolId)[1]]: SECRET } as typeof e;
    const body = leaverEvent(u, `evt-${crypto.randomUUID()}`, '2027-01-10');
    const res = await post(school.schoolId, rotated, body, await signWebhook(SECRET, body, Math.floor(Date.now() / 1000)));
    expect(res.status).toBe(202);
    expect((await listJobs(env.DB, school.schoolId))[0]).toMatchObject({ status: 'scheduled', actAt: '2027-01-10T17:00:00.000Z' });
  });
});

describe('HR admin API', () => {
  it('uploads a CSV, and the review export neutralises spreadsheet formulas', async () => {
    const school = await setUpSchool(handle.sim);
    const { env: e } = testEnv(school.schoolId);
    const evil = '=cmd|\' /C calc\'!A0';
    const csv = csvOf([[`"${evil}"`, 'ghost@oakfieldprimary.sch.uk', '20/11/2026', 'Left']]);
    const auth = { authorization: 'Bearer test-admin-token' };
    const res = await app.request(`/api/schools/${school.schoolId}/hr-imports`, { method: 'POST', headers: { ...auth, 'content-type': 'text/csv' }, body: csv }, e);
    expect(res.status).toBe(200);
    const report = await res.json<{ importId: string; actions: { type: string; employeeId: string }[] }>();
    expect(report.actions).toEqual([expect.objectContaining({ type: 'review', employeeId: evil })]);

    const exported = await app.request(`/api/schools/${school.schoolId}/hr-imports/${report.importId}/review.csv`, { headers: auth }, e);
    const text = await exported.text();
    expect(text).toContain('ghost@oakfieldprimary.sch.uk');
    const cells = text.split(/\r\n/).flatMap((line) => line.split(',')).map((c) => c.replace(/^"/, ''));
    expect(cells.some((c) => /^[=+\-@]/.test(c))).toBe(false);

    const unauth = await app.request(`/api/schools/${school.schoolId}/hr-imports`, { method: 'POST', body: csv }, e);
    expect(unauth.status).toBe(401);
  });

  it('approves a held import and undoes a job through the API', async () => {
    const school = await setUpSchool(handle.sim);
    const { env: e } = testEnv(school.schoolId);
    const auth = { authorization: 'Bearer test-admin-token', 'content-type': 'application/json' };
    const staff = ordinaryStaff(handle.sim).slice(3, 8);
    const csv = csvOf(staff.map((u) => [u.employeeId ?? '', u.mail ?? '', '10/01/2027', 'Leaving']));
    const held = await app.request(`/api/schools/${school.schoolId}/hr-imports`, { method: 'POST', headers: auth, body: JSON.stringify({ csv }) }, e);
    expect(held.status).toBe(202);
    const { importId } = await held.json<{ importId: string }>();
    const approved = await app.request(`/api/schools/${school.schoolId}/hr-imports/${importId}/approve`, { method: 'POST', headers: auth, body: '{}' }, e);
    expect(approved.status).toBe(200);
    const jobs = await listJobs(env.DB, school.schoolId);
    expect(jobs).toHaveLength(5);
    const undo = await app.request(`/api/schools/${school.schoolId}/offboarding/${jobs[0]?.id ?? ''}/undo`, { method: 'POST', headers: auth }, e);
    expect(await undo.json()).toMatchObject({ ok: true, status: 'cancelled' });
  });
});
