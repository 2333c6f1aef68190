import type { StaffRecord } from '../../../connectors/hr-feed/index.ts';
import type { ImportPlan } from '../../domain/offboarding/plan.ts';
import { stepsFor } from '../../domain/offboarding/steps.ts';
import type { PolicyProfile } from '../../domain/profile/schema.ts';
import { appendAuditLogStatement } from '../../storage/audit-log.ts';
import { upsertStaffStatement } from '../../storage/hr-staff.ts';
import { cancelJobStatement, createJobStatements } from '../../storage/offboarding.ts';
import type { AuditDeps } from '../audit/deps.ts';
import type { JobMessage } from '../messages.ts';
import { ACTOR } from './context.ts';
import { d1StarterEnrolment } from './starters.ts';

export interface ApplyInput {
  importId: string;
  schoolId: string;
  records: readonly StaffRecord[];
  plan: ImportPlan;
  profile: PolicyProfile;
  now: Date;
  /** Statements that record the import as applied (insert) or approved (decision), in the same batch. */
  record: D1PreparedStatement[];
}

/**
 * Applies a plan in one D1 batch (one transaction): the import's own row, the staff roster, new
 * jobs, cancellations and their audit-log entries. Only then are the due jobs sent to the queue;
 * if that send is lost, the hourly due-check finds the jobs (scheduled, act time passed).
 */
export async function applyPlan(deps: AuditDeps, input: ApplyInput): Promise<{ enqueued: number }> {
  const { db } = deps;
  const { importId, schoolId, now } = input;
  const steps = stepsFor(input.profile.leavers);
  const log = (action: string, targetId: string, after: unknown, correlationId: string | null = importId) =>
    appendAuditLogStatement(db, { schoolId, actor: ACTOR, action, targetType: 'account', targetId, policyRef: 'leavers', outcome: 'applied', after, correlationId }, now);

  const statements: D1PreparedStatement[] = [...input.record];
  if (input.records.length > 0) statements.push(upsertStaffStatement(db, schoolId, input.records, importId, now));
  const due: JobMessage[] = [];
  for (const a of input.plan.actions) {
    if (a.type === 'cancel') {
      statements.push(cancelJobStatement(db, a.jobId, `cancelled by import ${importId}: ${a.reason}`, now), log('offboarding.cancelled', a.email, { reason: a.reason, jobId: a.jobId }, a.jobId));
    }
  }
  for (const a of input.plan.actions) {
    if (a.type !== 'disable') continue;
    const jobId = crypto.randomUUID();
    statements.push(
      ...createJobStatements(db, { id: jobId, schoolId, connectionId: a.connectionId, hrImportId: importId, employeeId: a.employeeId, subjectId: a.userId, subjectEmail: a.email, leaveDate: a.leaveDate, actAt: a.actAt, steps }, now),
      log('offboarding.scheduled', a.email, { actAt: a.actAt, leaveDate: a.leaveDate, when: a.when, steps, matchedBy: a.matchedBy }, jobId),
    );
    if (a.when === 'now' && steps[0]) due.push({ kind: 'offboarding.step', jobId, step: steps[0] });
  }
  await db.batch(statements);

  const starters = d1StarterEnrolment(db);
  for (const a of input.plan.actions) {
    if (a.type !== 'enrol-starter') continue;
    try {
      await starters.enrol(schoolId, { email: a.email, userKey: a.userId }, now);
    } catch (error) {
      // Enrolment is a courtesy next to offboarding; a failure is logged, never fatal to the import.
      deps.log.warn('starter_enrolment_failed', { schoolId, employeeId: a.employeeId, error: String(error) });
    }
  }
  if (due.length > 0) {
    try {
      await deps.queue.send(due);
    } catch (error) {
      deps.log.warn('offboarding_enqueue_failed', { importId, jobs: due.length, error: String(error) });
      return { enqueued: 0 };
    }
  }
  return { enqueued: due.length };
}
