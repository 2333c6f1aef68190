import { deferredSteps, deletionDueAt } from '../../domain/offboarding/steps.ts';
import { getActiveProfile } from '../../storage/profiles.ts';
import {
  auditScheduleStatement,
  scheduleStepStatement,
  setJobStatusStatement,
  type OffboardingJob,
  type OffboardingStepRow,
} from '../../storage/offboarding.ts';
import type { AuditDeps } from '../audit/deps.ts';
import { ACTOR } from './context.ts';

/**
 * Moves a running job on: sends the next unfinished step, or, when every immediate step is
 * finished, schedules the deferred ones (the account deletion) and closes the job. Safe to call
 * again for the same state: a repeated send is a duplicate the step lease absorbs, and the
 * scheduling and status changes are conditional, so they happen once.
 */
export async function advanceJob(deps: AuditDeps, job: OffboardingJob, steps: OffboardingStepRow[]): Promise<void> {
  if (job.status !== 'running') return;
  const next = steps.find((s) => !deferredSteps.has(s.step) && (s.status === 'pending' || s.status === 'running'));
  if (next) {
    await deps.queue.send([{ kind: 'offboarding.step', jobId: job.id, step: next.step }]);
    return;
  }
  const { db } = deps;
  const now = deps.now();
  const profile = await getActiveProfile(db, job.schoolId);
  const failed = steps.some((s) => s.status === 'failed');
  const statements: D1PreparedStatement[] = [];
  for (const s of steps.filter((x) => deferredSteps.has(x.step) && x.status === 'pending' && x.dueAt === null)) {
    if (!profile) break;
    const dueAt = deletionDueAt(now, profile.profile.leavers).toISOString();
    statements.push(
      auditScheduleStatement(
        db,
        { schoolId: job.schoolId, actor: ACTOR, action: `offboarding.${s.step}.scheduled`, targetType: 'account', targetId: job.subjectEmail, policyRef: 'leavers.mailboxRetentionDays', outcome: 'applied', after: { dueAt }, correlationId: job.id },
        job.id,
        s.step,
        now,
      ),
      scheduleStepStatement(db, job.id, s.step, dueAt, now),
    );
  }
  statements.push(setJobStatusStatement(db, job.id, failed ? 'failed' : 'done', now, ['running']));
  await db.batch(statements);
}
