import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { createSimulator, type Simulator } from '../../simulator/app.ts';
import { generateFixture } from '../../simulator/generate/index.ts';
import type { MsUser } from '../../simulator/fixture/microsoft.ts';
import { runHrImport } from '../../src/jobs/offboarding/import.ts';
import { offboardingTick } from '../../src/jobs/offboarding/tick.ts';
import { listAuditLog } from '../../src/storage/audit-log.ts';
import { listHrStaff } from '../../src/storage/hr-staff.ts';
import { listJobs, listSteps } from '../../src/storage/offboarding.ts';
import { effectCounter, withUnsimulatedCalls, type Effect } from './effects.ts';
import { csvOf, ordinaryStaff, setUpSchool, ukDate, SBM, type School } from './support.ts';

const fixture = (withheld: string[] = []) => generateFixture({ mailboxes: 40, seed: 5, providers: ['microsoft365'], realism: { withheldPermissions: withheld } });

/** A leaver who forwards mail outside (mailbox forwarding and an inbox rule), so every step has work. */
function forwardingLeaver(sim: Simulator): MsUser {
  const user = ordinaryStaff(sim)[0];
  if (!user?.mailbox) throw new Error('no ordinary staff in the fixture');
  user.mailbox.forwardingSmtpAddress = 'leaver.personal@gmail.com';
  user.mailbox.inboxRules.push({
    id: 'rule-to-gmail',
    displayName: 'Everything to my Gmail',
    sequence: 1,
    isEnabled: true,
    hasError: false,
    isReadOnly: false,
    conditions: {},
    exceptions: {},
    actions: { forwardTo: [{ emailAddress: { address: 'leaver.personal@gmail.com', name: 'Me' } }] },
  });
  return user;
}

async function importLeaver(school: School, user: MsUser, daysAgo = 3) {
  const now = school.deps.now();
  const csv = csvOf([[user.employeeId ?? '', user.mail ?? '', ukDate(now, -daysAgo), 'Left']]);
  const report = await runHrImport(school.deps, { schoolId: school.schoolId, source: 'api', csv, mapping: {}, dryRun: false });
  if (!report.ok) throw new Error(report.error.message);
  return report.value;
}

const STEP_ACTIONS = ['disable-sign-in', 'revoke-sessions', 'remove-forwarding', 'set-auto-reply', 'convert-to-shared', 'remove-licences'].map((s) => `offboarding.${s}`);

describe('offboarding a leaver (Microsoft 365 simulator)', () => {
  it('runs every step against the tenant, records each in the audit log and schedules the deletion', async () => {
    const sim = createSimulator(fixture());
    const user = forwardingLeaver(sim);
    const school = await setUpSchool(sim);
    const counter = effectCounter();
    school.intercept.current = withUnsimulatedCalls(sim, counter.interceptor);

    const report = await importLeaver(school, user);
    expect(report.status).toBe('applied');
    expect(report.actions).toEqual([expect.objectContaining({ type: 'disable', email: user.mail, when: 'now', matchedBy: 'employee-id' })]);
    expect(report.enqueued).toBe(1);
    await school.queue.drain(school.deps);

    expect(user.accountEnabled).toBe(false);
    expect(user.signInSessionsValidFromDateTime).not.toBeNull();
    expect(user.mailbox?.forwardingSmtpAddress).toBeNull();
    expect(user.mailbox?.inboxRules.find((r) => r.id === 'rule-to-gmail')?.isEnabled).toBe(false);
    expect(user.mailbox?.autoReply.status).toBe('alwaysEnabled');
    expect(user.mailbox?.type).toBe('SharedMailbox');
    expect(user.assignedLicenses).toEqual([]);

    const [job] = await listJobs(env.DB, school.schoolId);
    expect(job?.status).toBe('done');
    const steps = await listSteps(env.DB, job?.id ?? '');
    const deletion = steps.find((s) => s.step === 'delete-account');
    expect(deletion).toMatchObject({ status: 'pending', dueAt: new Date(school.deps.now().getTime() + 30 * 86_400_000).toISOString() });
    const log = await listAuditLog(env.DB, school.schoolId, { limit: 100 });
    for (const action of STEP_ACTIONS) {
      const entries = log.filter((e) => e.action === action);
      expect(entries, action).toHaveLength(1);
      expect(entries[0]).toMatchObject({ outcome: 'applied', targetId: user.mail, correlationId: job?.id });
      expect(entries[0]?.before).toBeDefined();
      expect(entries[0]?.after).toBeDefined();
    }
    expect(log.filter((e) => e.action === 'offboarding.delete-account.scheduled')).toHaveLength(1);
    expect((await listHrStaff(env.DB, school.schoolId)).find((s) => s.employeeId === user.employeeId)).toMatchObject({ status: 'leaver' });

    // The deletion is its own step: the due-check sends it only when the retention period is over.
    const early = await offboardingTick(school.deps, new Date(school.deps.now().getTime() + 86_400_000));
    expect(early.deferred).toBe(0);
    const later = school.deps.now().getTime() + 31 * 86_400_000;
    const due = await offboardingTick({ ...school.deps, now: () => new Date(later) }, new Date(later));
    expect(due.deferred).toBe(1);
    await school.queue.drain({ ...school.deps, now: () => new Date(later) });
    expect(counter.counts.get('delete')).toBe(1);
    expect((await listSteps(env.DB, job?.id ?? '')).find((s) => s.step === 'delete-account')?.status).toBe('done');
  });

  it('records "already-compliant" for a step the tenant already satisfies, and acts on nothing twice when re-imported', async () => {
    const sim = createSimulator(fixture());
    const user = ordinaryStaff(sim)[1] as MsUser;
    const school = await setUpSchool(sim);
    const counter = effectCounter();
    school.intercept.current = withUnsimulatedCalls(sim, counter.interceptor);
    await importLeaver(school, user);
    await school.queue.drain(school.deps);
    const log = await listAuditLog(env.DB, school.schoolId, { limit: 100 });
    // No forwarding to remove: nothing to change, and the log says so.
    expect(log.find((e) => e.action === 'offboarding.remove-forwarding')?.outcome).toBe('already-compliant');
    const again = await importLeaver(school, user);
    expect(again.actions).toEqual([expect.objectContaining({ type: 'already-disabled' })]);
    await school.queue.drain(school.deps);
    expect(counter.counts.get('disable')).toBe(1);
  });

  const effects: Effect[] = ['disable', 'revoke', 'clear-forwarding', 'rule-off', 'auto-reply', 'convert-shared', 'licences'];
  for (const mode of ['before', 'after'] as const) {
    for (const effect of effects) {
      it(`survives a crash ${mode} the ${effect} write: the job completes on redelivery, each effect exactly once`, async () => {
        const sim = createSimulator(fixture());
        const user = forwardingLeaver(sim);
        const school = await setUpSchool(sim);
        const counter = effectCounter({ effect, mode });
        school.intercept.current = withUnsimulatedCalls(sim, counter.interceptor);
        await importLeaver(school, user);
        const { failures } = await school.queue.drain(school.deps);

        expect(counter.crashed()).toBe(true);
        expect(failures).toBeGreaterThan(0);
        for (const e of effects) expect(counter.counts.get(e) ?? 0, e).toBe(1);
        const [job] = await listJobs(env.DB, school.schoolId);
        expect(job?.status).toBe('done');
        const log = await listAuditLog(env.DB, school.schoolId, { limit: 100 });
        for (const action of STEP_ACTIONS) {
          expect(log.filter((e) => e.action === action), action).toEqual([expect.objectContaining({ outcome: 'applied' })]);
        }
      });
    }
  }

  it('survives a crash while recording a finished step (D1 write lost): no second effect, one audit entry', async () => {
    const sim = createSimulator(fixture());
    const user = forwardingLeaver(sim);
    const school = await setUpSchool(sim);
    const counter = effectCounter();
    school.intercept.current = withUnsimulatedCalls(sim, counter.interceptor);
    await importLeaver(school, user);
    let batches = 0;
    const db = new Proxy(env.DB, {
      get(target, prop, receiver) {
        if (prop === 'batch') {
          return (statements: D1PreparedStatement[]) => {
            batches++;
            // Each step's first finishing batch fails once: the step's effect happened, its record did not.
            if (batches % 2 === 1) return Promise.reject(new Error('injected D1 failure'));
            return target.batch(statements);
          };
        }
        const value: unknown = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const deps = { ...school.deps, db };
    await school.queue.drain(deps, 400);
    for (const e of effects) expect(counter.counts.get(e) ?? 0, e).toBe(1);
    const log = await listAuditLog(env.DB, school.schoolId, { limit: 100 });
    for (const action of STEP_ACTIONS) expect(log.filter((e) => e.action === action), action).toHaveLength(1);
    expect((await listJobs(env.DB, school.schoolId))[0]?.status).toBe('done');
  });

  it('records a step that keeps failing, alerts the SBM, and still runs the other steps', async () => {
    const sim = createSimulator(fixture(['User.RevokeSessions.All']));
    const user = forwardingLeaver(sim);
    const school = await setUpSchool(sim);
    school.intercept.current = withUnsimulatedCalls(sim, (_r, forward) => forward());
    await importLeaver(school, user);
    await school.queue.drain(school.deps);

    expect(user.accountEnabled).toBe(false);
    expect(user.mailbox?.forwardingSmtpAddress).toBeNull();
    const [job] = await listJobs(env.DB, school.schoolId);
    expect(job?.status).toBe('failed');
    const steps = await listSteps(env.DB, job?.id ?? '');
    expect(steps.find((s) => s.step === 'revoke-sessions')).toMatchObject({ status: 'failed', lastError: expect.stringContaining('upstream_forbidden') as string });
    expect(school.notifier.sent).toEqual([expect.objectContaining({ email: SBM, title: expect.stringContaining('revoke-sessions') as string })]);
    const log = await listAuditLog(env.DB, school.schoolId, { limit: 100 });
    expect(log.find((e) => e.action === 'offboarding.revoke-sessions')?.outcome).toBe('failed');
    expect(log.find((e) => e.action === 'offboarding.alert-sbm')).toMatchObject({ outcome: 'applied', targetId: SBM });
  });
});
