import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { ukDate } from '../../src/domain/acknowledgements/index.ts';
import { runSbmAction, teamsSbmAction } from '../../src/domain/sbm-actions/index.ts';
import { upsertConversationRef } from '../../src/storage/conversation-refs.ts';
import { listJobs } from '../../src/storage/offboarding.ts';
import { getAction } from '../../src/storage/remediations.ts';
import { LEAVERS, NOW, sbmTestDeps, seedHeldImport, seedSchool } from './seed.ts';

const staff = (schoolId: string, email: string, userKey = `aad-${email}`) => ({ schoolId, email, userKey });

describe('SBM card actions', () => {
  it('refuses a clicker who is not the SBM or an admin, whatever the card data says', async () => {
    const s = await seedSchool('sbm-refuse');
    const { deps, sent } = sbmTestDeps();
    // A staff member's own conversation reference says "staff"; the card data names the right school and action.
    await upsertConversationRef(env.DB, { schoolId: 'sbm-refuse', channel: 'teams', userKey: 'aad-teacher', email: 'teacher@sbm-refuse.sch.uk', reference: {} }, NOW);
    const res = await runSbmAction(deps, { who: staff('sbm-refuse', 'teacher@sbm-refuse.sch.uk', 'aad-teacher'), channel: 'teams', verb: 'sbm.remediation.approve', data: { schoolId: 'sbm-refuse', actionId: s.actionId } });
    expect(res).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await getAction(env.DB, s.actionId))?.status).toBe('pending-approval');
    expect(sent).toEqual([]);
    // Through the Teams reply shape: an error, not a card.
    const invoke = await teamsSbmAction(deps, staff('sbm-refuse', 'teacher@sbm-refuse.sch.uk', 'aad-teacher'), '29:teacher', 'sbm.remediation.approve', { schoolId: 'sbm-refuse', actionId: s.actionId });
    expect(invoke).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'forbidden' } });
  });

  it('lets the profile SBM approve once; a second press changes nothing and still returns the card', async () => {
    const s = await seedSchool('sbm-approve');
    const { deps, sent } = sbmTestDeps();
    const who = staff('sbm-approve', s.sbmEmail);
    const first = await teamsSbmAction(deps, who, '29:sbm', 'sbm.remediation.approve', { schoolId: 'sbm-approve', actionId: s.actionId });
    expect(first).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: { version: '1.5', refresh: { userIds: ['29:sbm'] } } });
    expect(JSON.stringify(first)).toContain(`Fix approved by ${s.sbmEmail}`);
    expect((await getAction(env.DB, s.actionId))?.status).toBe('approved');
    expect(sent).toEqual([{ kind: 'remediation.run', actionId: s.actionId }]);
    const again = await runSbmAction(deps, { who, channel: 'teams', verb: 'sbm.remediation.approve', data: { schoolId: 'sbm-approve', actionId: s.actionId } });
    expect(again.ok).toBe(true);
    expect(sent).toHaveLength(1);
    const approvals = await env.DB.prepare("SELECT decided_by FROM approvals WHERE subject_id = ?1").bind(s.actionId).all();
    expect(approvals.results).toEqual([{ decided_by: `teams:${s.sbmEmail}` }]);
  });

  it('refuses a card for another school, even from a real SBM', async () => {
    const a = await seedSchool('sbm-school-a');
    await seedSchool('sbm-school-b');
    const { deps } = sbmTestDeps();
    const res = await runSbmAction(deps, { who: staff('sbm-school-b', 'sbm@sbm-school-b.sch.uk'), channel: 'teams', verb: 'sbm.remediation.reject', data: { schoolId: 'sbm-school-a', actionId: a.actionId } });
    expect(res).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // Naming their own school does not reach school A's action either.
    const own = await runSbmAction(deps, { who: staff('sbm-school-b', 'sbm@sbm-school-b.sch.uk'), channel: 'teams', verb: 'sbm.remediation.reject', data: { schoolId: 'sbm-school-b', actionId: a.actionId } });
    expect(own).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await getAction(env.DB, a.actionId))?.status).toBe('pending-approval');
  });

  it('accepts roles from conversation_refs and the configured admin list', async () => {
    const s = await seedSchool('sbm-roles');
    await upsertConversationRef(env.DB, { schoolId: 'sbm-roles', channel: 'teams', userKey: 'aad-deputy', email: 'deputy@sbm-roles.sch.uk', reference: {} }, NOW);
    await env.DB.prepare("UPDATE conversation_refs SET role = 'sbm' WHERE user_key = 'aad-deputy'").run();
    const { deps } = sbmTestDeps(['it@trust.org.uk']);
    const byRef = await runSbmAction(deps, { who: staff('sbm-roles', 'deputy@sbm-roles.sch.uk', 'aad-deputy'), channel: 'teams', verb: 'sbm.weekly.refresh', data: { schoolId: 'sbm-roles' } });
    expect(byRef.ok).toBe(true);
    const byList = await runSbmAction(deps, { who: staff('sbm-roles', 'IT@trust.org.uk'), channel: 'teams', verb: 'sbm.remediation.reject', data: { schoolId: 'sbm-roles', actionId: s.actionId } });
    expect(byList.ok).toBe(true);
    expect((await getAction(env.DB, s.actionId))?.status).toBe('rejected');
  });

  it('approves a held leaver batch through the offboarding engine once, creating its jobs', async () => {
    const s = await seedSchool('sbm-leavers');
    const { deps, sent } = sbmTestDeps();
    const importId = await seedHeldImport('sbm-leavers', s.connectionId, deps.audit);
    const who = staff('sbm-leavers', s.sbmEmail);
    const before = await runSbmAction(deps, { who, channel: 'teams', verb: 'sbm.weekly.refresh', data: { schoolId: 'sbm-leavers' } });
    expect(before.ok && before.value.leavers.held).toEqual([{ importId, people: 4, reason: expect.stringContaining('it would disable 4 people') as string, receivedOn: ukDate(NOW.toISOString()) }]);
    const res = await runSbmAction(deps, { who, channel: 'teams', verb: 'sbm.leavers.approve', data: { schoolId: 'sbm-leavers', importId } });
    expect(res.ok && res.value.notice?.text).toBe(`Leavers approved by ${s.sbmEmail}.`);
    expect(res.ok && res.value.leavers.held).toEqual([]);
    const jobs = await listJobs(env.DB, 'sbm-leavers');
    expect(jobs.map((j) => [j.subjectEmail, j.status, j.hrImportId]).sort()).toEqual(LEAVERS.map((p) => [`${p}@sbm-leavers.sch.uk`, 'scheduled', importId]));
    // Leaving in January: scheduled, nothing sent to the queue yet.
    expect(sent).toEqual([]);
    const approvals = await env.DB.prepare("SELECT decision, decided_by FROM approvals WHERE subject_id = ?1").bind(importId).all();
    expect(approvals.results).toEqual([{ decision: 'approved', decided_by: `teams:${s.sbmEmail}` }]);
    const again = await runSbmAction(deps, { who, channel: 'teams', verb: 'sbm.leavers.approve', data: { schoolId: 'sbm-leavers', importId } });
    expect(again.ok && again.value.notice?.text).toBe('These leavers were already approved.');
    expect(await listJobs(env.DB, 'sbm-leavers')).toHaveLength(4);
    const late = await runSbmAction(deps, { who, channel: 'teams', verb: 'sbm.leavers.reject', data: { schoolId: 'sbm-leavers', importId } });
    expect(late.ok && late.value.notice).toEqual({ tone: 'warning', text: 'This HR import is already approved; nothing was changed.' });
  });

  it('two approvals at once apply the import once', async () => {
    const s = await seedSchool('sbm-leavers-race');
    const { deps } = sbmTestDeps();
    const importId = await seedHeldImport('sbm-leavers-race', s.connectionId, deps.audit);
    const input = { schoolId: 'sbm-leavers-race', importId, decision: 'approved' as const, by: 'teams:sbm' };
    const results = await Promise.all([deps.leavers.decide(input), deps.leavers.decide(input)]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results.map((r) => r.ok && r.value.changed).sort()).toEqual([false, true]);
    expect(await listJobs(env.DB, 'sbm-leavers-race')).toHaveLength(4);
  });
});
