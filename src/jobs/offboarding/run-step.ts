import { deferredSteps } from '../../domain/offboarding/steps.ts';
import type { OffboardingStep } from '../../domain/ports/offboarding.ts';
import type { AppErrorData, Result } from '../../domain/result.ts';
import {
  auditStepStatement,
  claimJob,
  finishStepStatement,
  getJob,
  leaseStep,
  listSteps,
  markDirectoryEnabledStatement,
  releaseStep,
  startStep,
  touchJob,
  type OffboardingJob,
  type OffboardingStepRow,
} from '../../storage/offboarding.ts';
import type { AuditDeps } from '../audit/deps.ts';
import { LAST_DELIVERY } from '../job-queue.ts';
import { alertSbm } from './alert.ts';
import { advanceJob } from './advance.ts';
import { ACTOR, loadJobContext, type JobContext } from './context.ts';

/** Raised for failures worth a queue retry; the queue backs off and redelivers the step. */
export class RetryableStepError extends Error {}

const FINISHED = new Set(['done', 'skipped', 'failed']);
const LEASE_MS = 5 * 60_000;

/**
 * Runs one step of one leaver's job: the durable unit behind the `offboarding.step` message.
 * Check-before-act: the connector reads the tenant first and changes only what is still needed,
 * and the step's result and its audit-log entry are written in one batch that only an unfinished
 * step can take. So a redelivery (after a crash anywhere) finds its own earlier effect and records
 * it once, and the chain moves on. A step that keeps failing is recorded and the SBM is alerted.
 */
export async function runOffboardingStep(deps: AuditDeps, jobId: string, stepName: string, attempt: number): Promise<void> {
  const { db } = deps;
  const job = await getJob(db, jobId);
  if (!job) {
    deps.log.error('offboarding_job_unknown', { jobId });
    return;
  }
  if (job.status === 'cancelled' || job.status === 'undone' || job.status === 'held') return;
  const now = deps.now();
  // Early (a delayed message, a clock skew): the cron due-check brings it back at the right time.
  if (job.status === 'scheduled' && Date.parse(job.actAt) > now.getTime()) return;
  let current = job;
  if (job.status === 'scheduled') {
    await claimJob(db, jobId, now);
    current = { ...job, status: 'running' };
  }

  const context = await loadJobContext(deps, current);
  const order = context.ok && context.value.port ? context.value.port.order : [];
  const steps = inOrder(await listSteps(db, jobId), order);
  const row = steps.find((s) => s.step === stepName);
  if (!row) {
    deps.log.error('offboarding_step_unknown', { jobId, step: stepName });
    return;
  }
  if (FINISHED.has(row.status)) return advanceJob(deps, current, steps);
  if (deferredSteps.has(row.step)) {
    // A deferred step runs only when due, after the job's other steps.
    if (row.dueAt === null || Date.parse(row.dueAt) > now.getTime() || !['done', 'failed'].includes(current.status)) return advanceJob(deps, current, steps);
  } else {
    // Not this step's turn in the provider's order: send the one whose turn it is.
    const next = steps.find((s) => !deferredSteps.has(s.step) && (s.status === 'pending' || s.status === 'running'));
    if (next && next.step !== row.step) return advanceJob(deps, current, steps);
  }
  if (!(await leaseStep(db, jobId, row.step, now, LEASE_MS))) return; // another delivery is on it
  await touchJob(db, jobId, now);
  try {
    await executeStep(deps, current, row, Math.max(attempt, row.attempts + 1), context);
  } catch (error) {
    // Let the redelivery take the step at once rather than wait for the lease to run out.
    await releaseStep(db, jobId, row.step).catch(() => undefined);
    throw error;
  }
  const after = await getJob(db, jobId);
  return advanceJob(deps, { ...current, status: after?.status ?? current.status }, inOrder(await listSteps(db, jobId), order));
}

/** Steps in the provider's order; steps it does not list keep their stored order, after the rest. */
function inOrder(steps: OffboardingStepRow[], order: readonly OffboardingStep[]): OffboardingStepRow[] {
  const rank = (s: OffboardingStepRow) => {
    const i = order.indexOf(s.step);
    return i === -1 ? order.length + s.seq : i;
  };
  return [...steps].sort((a, b) => rank(a) - rank(b));
}

async function executeStep(deps: AuditDeps, job: OffboardingJob, row: OffboardingStepRow, attempt: number, context: Result<JobContext>): Promise<void> {
  const { db } = deps;
  const now = deps.now();
  const step: OffboardingStep = row.step;
  const base = { schoolId: job.schoolId, actor: ACTOR, action: `offboarding.${step}`, targetType: 'account', targetId: job.subjectEmail, policyRef: 'leavers', correlationId: job.id };

  if (!context.ok) return fail(context.error);
  const { port, params, provider } = context.value;
  if (!port || !port.steps.has(step)) {
    // Not a failure: this provider has no such thing (Google has no shared mailboxes).
    await finishStepStatement(db, job.id, step, 'skipped', { result: { skipped: `${provider} offers no ${step}` } }, now).run();
    return;
  }
  const subject = { id: job.subjectId, email: job.subjectEmail };

  const inspected = await port.inspect(step, subject, params);
  if (!inspected.ok) return fail(inspected.error);
  const earlier = row.startedAt !== null;
  if (inspected.value.compliant && inspected.value.verifiable) {
    // Either the tenant was already so (someone got there first), or our own interrupted attempt did it.
    const before = earlier ? row.before : inspected.value.state;
    const outcome = earlier ? 'applied' : 'already-compliant';
    await db.batch([
      auditStepStatement(db, { ...base, outcome, before, after: inspected.value.state }, job.id, step, now),
      finishStepStatement(db, job.id, step, 'done', { result: { outcome, after: inspected.value.state, note: earlier ? 'completed by an earlier, interrupted attempt' : 'nothing to change' } }, now),
      ...(step === 'disable-sign-in' ? [markDirectoryEnabledStatement(db, job.connectionId, job.subjectId, false)] : []),
    ]);
    return;
  }

  await startStep(db, job.id, step, inspected.value.state, now);
  const applied = await port.apply(step, subject, params);
  if (!applied.ok) return fail(applied.error);
  const before = earlier ? row.before : inspected.value.state;
  await db.batch([
    auditStepStatement(db, { ...base, outcome: 'applied', before, after: applied.value.state }, job.id, step, now),
    finishStepStatement(db, job.id, step, 'done', { result: { outcome: 'applied', after: applied.value.state, description: applied.value.description } }, now),
    ...(step === 'disable-sign-in' ? [markDirectoryEnabledStatement(db, job.connectionId, job.subjectId, false)] : []),
  ]);

  async function fail(error: AppErrorData): Promise<void> {
    const transient = error.code === 'throttled' || error.code === 'upstream_failed';
    if (transient && attempt < LAST_DELIVERY) throw new RetryableStepError(`offboarding ${job.id} ${step}: ${error.message}`);
    await db.batch([
      auditStepStatement(db, { ...base, outcome: 'failed', before: row.before ?? undefined, after: { code: error.code, message: error.message } }, job.id, step, now),
      finishStepStatement(db, job.id, step, 'failed', { error: `${error.code}: ${error.message}`, result: { code: error.code, details: error.details ?? null } }, now),
    ]);
    await alertSbm(deps, job, `Offboarding step "${step}" failed for ${job.subjectEmail}`, `${error.message}. Tutela will not retry it on its own: please check the account by hand (the audit log has what was done).`);
  }
}
