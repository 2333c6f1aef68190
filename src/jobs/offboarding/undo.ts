import { err, ok, type Result } from '../../domain/result.ts';
import { appendAuditLogStatement } from '../../storage/audit-log.ts';
import { finishStepStatement, getJob, listSteps, markDirectoryEnabledStatement, setJobStatusStatement } from '../../storage/offboarding.ts';
import type { AuditDeps } from '../audit/deps.ts';
import { loadJobContext } from './context.ts';

/**
 * Undo within the grace period (before the account deletion has run): sign-in is allowed again and
 * the scheduled deletion is called off. A job that has not started is simply cancelled. What the
 * other steps changed (forwarding, auto-reply, mailbox type, licences) is not put back blindly:
 * the audit log holds each "before" so a person can restore what is still wanted.
 */
export async function undoJob(deps: AuditDeps, schoolId: string, jobId: string, actor: string): Promise<Result<{ jobId: string; status: string; reenabled: boolean; notRestored: string[] }>> {
  const { db } = deps;
  const now = deps.now();
  const job = await getJob(db, jobId);
  if (!job || job.schoolId !== schoolId) return err('not_found', `No offboarding job ${jobId} for this school`);
  const steps = await listSteps(db, jobId);
  const log = (outcome: 'applied' | 'already-compliant', before: unknown, after: unknown) =>
    appendAuditLogStatement(db, { schoolId, actor, action: 'offboarding.undo', targetType: 'account', targetId: job.subjectEmail, policyRef: 'leavers', outcome, before, after, correlationId: jobId }, now);

  if (job.status === 'scheduled' || job.status === 'held') {
    await db.batch([setJobStatusStatement(db, jobId, 'cancelled', now, ['scheduled', 'held'], `cancelled by ${actor}`), log('applied', { status: job.status }, { status: 'cancelled' })]);
    return ok({ jobId, status: 'cancelled', reenabled: false, notRestored: [] });
  }
  if (job.status === 'running') return err('conflict', 'The job is still running; undo it once it has finished (a few seconds)');
  if (job.status !== 'done' && job.status !== 'failed') return err('conflict', `The job is ${job.status}; there is nothing to undo`);
  const deletion = steps.find((s) => s.step === 'delete-account');
  if (deletion && (deletion.status === 'done' || deletion.status === 'running')) return err('conflict', 'The grace period is over: the account has been deleted (restore it from the provider\'s deleted users)');

  const context = await loadJobContext(deps, job);
  if (!context.ok) return context;
  if (!context.value.port) return err('not_configured', `${context.value.provider} offers no offboarding, so there is nothing to undo`);
  const back = await context.value.port.reenable({ id: job.subjectId, email: job.subjectEmail });
  if (!back.ok) return back;
  const notRestored = steps.filter((s) => s.status === 'done' && s.step !== 'disable-sign-in' && s.step !== 'revoke-sessions' && s.step !== 'delete-account').map((s) => s.step);
  await db.batch([
    ...(deletion && deletion.status === 'pending' ? [finishStepStatement(db, jobId, 'delete-account', 'skipped', { result: { skipped: `undone by ${actor}` } }, now)] : []),
    setJobStatusStatement(db, jobId, 'undone', now, ['done', 'failed'], `undone by ${actor}`),
    markDirectoryEnabledStatement(db, job.connectionId, job.subjectId, true),
    log(back.value.changed ? 'applied' : 'already-compliant', back.value.before, { ...(back.value.after as object), notRestored }),
  ]);
  return ok({ jobId, status: 'undone', reenabled: back.value.changed, notRestored });
}
