import { z } from 'zod';
import type { OffboardingStep } from '../domain/ports/offboarding.ts';
import type { JobSummary } from '../domain/offboarding/plan.ts';
import { auditLogInsert, type AuditLogEntry } from './audit-log.ts';

export type JobStatus = JobSummary['status'];
export type StepStatus = 'pending' | 'running' | 'done' | 'skipped' | 'failed';

export interface OffboardingJob {
  id: string;
  schoolId: string;
  connectionId: string;
  hrImportId: string | null;
  employeeId: string;
  subjectId: string;
  subjectEmail: string;
  leaveDate: string | null;
  actAt: string;
  status: JobStatus;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface OffboardingStepRow {
  jobId: string;
  seq: number;
  step: OffboardingStep;
  status: StepStatus;
  attempts: number;
  result: unknown;
  before: unknown;
  lastError: string | null;
  dueAt: string | null;
  startedAt: string | null;
  updatedAt: string;
}

interface JobRow {
  id: string;
  school_id: string;
  connection_id: string;
  hr_import_id: string | null;
  employee_id: string;
  subject_id: string;
  subject_email: string;
  leave_date: string | null;
  act_at: string;
  status: JobStatus;
  note: string | null;
  created_at: string;
  updated_at: string;
}

interface StepRow {
  job_id: string;
  seq: number;
  step: OffboardingStep;
  status: StepStatus;
  attempts: number;
  result_json: string | null;
  before_json: string | null;
  last_error: string | null;
  due_at: string | null;
  started_at: string | null;
  updated_at: string;
}

const toJob = (r: JobRow): OffboardingJob => ({
  id: r.id,
  schoolId: r.school_id,
  connectionId: r.connection_id,
  hrImportId: r.hr_import_id,
  employeeId: r.employee_id,
  subjectId: r.subject_id,
  subjectEmail: r.subject_email,
  leaveDate: r.leave_date,
  actAt: r.act_at,
  status: r.status,
  note: r.note,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const anyJson = z.unknown();
const parse = (text: string | null): unknown => (text === null ? null : anyJson.parse(JSON.parse(text)));

const toStep = (r: StepRow): OffboardingStepRow => ({
  jobId: r.job_id,
  seq: r.seq,
  step: r.step,
  status: r.status,
  attempts: r.attempts,
  result: parse(r.result_json),
  before: parse(r.before_json),
  lastError: r.last_error,
  dueAt: r.due_at,
  startedAt: r.started_at,
  updatedAt: r.updated_at,
});

export type NewJob = Pick<OffboardingJob, 'id' | 'schoolId' | 'connectionId' | 'hrImportId' | 'employeeId' | 'subjectId' | 'subjectEmail' | 'actAt'> & {
  leaveDate: string;
  steps: OffboardingStep[];
};

/** The job and its pending steps, for one D1 batch with the import that creates them. */
export function createJobStatements(db: D1Database, job: NewJob, now: Date): D1PreparedStatement[] {
  const at = now.toISOString();
  return [
    db
      .prepare(
        `INSERT INTO offboarding_jobs (id, school_id, connection_id, hr_import_id, employee_id, subject_id, subject_email, act_at, leave_date, status, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'scheduled', ?10, ?10)`,
      )
      .bind(job.id, job.schoolId, job.connectionId, job.hrImportId, job.employeeId, job.subjectId, job.subjectEmail, job.actAt, job.leaveDate, at),
    ...job.steps.map((step, seq) =>
      db.prepare(`INSERT INTO offboarding_steps (job_id, seq, step, status, updated_at) VALUES (?1, ?2, ?3, 'pending', ?4)`).bind(job.id, seq, step, at),
    ),
  ];
}

/** Cancels a job that has not started; a running job is left to finish (the statement changes nothing). */
export function cancelJobStatement(db: D1Database, jobId: string, note: string, now: Date): D1PreparedStatement {
  return db
    .prepare(`UPDATE offboarding_jobs SET status = 'cancelled', note = ?2, updated_at = ?3 WHERE id = ?1 AND status IN ('held', 'scheduled')`)
    .bind(jobId, note, now.toISOString());
}

export async function getJob(db: D1Database, id: string): Promise<OffboardingJob | null> {
  const row = await db.prepare('SELECT * FROM offboarding_jobs WHERE id = ?1').bind(id).first<JobRow>();
  return row ? toJob(row) : null;
}

export async function listJobs(db: D1Database, schoolId: string, options: { statuses?: JobStatus[]; limit?: number } = {}): Promise<OffboardingJob[]> {
  const { results } = await db
    .prepare(
      `SELECT * FROM offboarding_jobs WHERE school_id = ?1 AND (?2 IS NULL OR status IN (SELECT value FROM json_each(?2)))
       ORDER BY created_at DESC, id LIMIT ?3`,
    )
    .bind(schoolId, options.statuses ? JSON.stringify(options.statuses) : null, options.limit ?? 500)
    .all<JobRow>();
  return results.map(toJob);
}

export async function listSteps(db: D1Database, jobId: string): Promise<OffboardingStepRow[]> {
  const { results } = await db.prepare('SELECT * FROM offboarding_steps WHERE job_id = ?1 ORDER BY seq').bind(jobId).all<StepRow>();
  return results.map(toStep);
}

/** The steps of many jobs in one read (keyed by job id, each in order); a job with no steps is absent. */
export async function listStepsByJob(db: D1Database, jobIds: readonly string[]): Promise<Map<string, OffboardingStepRow[]>> {
  const byJob = new Map<string, OffboardingStepRow[]>();
  if (jobIds.length === 0) return byJob;
  // One JSON parameter, not one ?n per id: D1 caps bound parameters at 100 per statement.
  const { results } = await db
    .prepare('SELECT * FROM offboarding_steps WHERE job_id IN (SELECT value FROM json_each(?1)) ORDER BY job_id, seq')
    .bind(JSON.stringify(jobIds))
    .all<StepRow>();
  for (const row of results) {
    const step = toStep(row);
    const list = byJob.get(step.jobId);
    if (list) list.push(step);
    else byJob.set(step.jobId, [step]);
  }
  return byJob;
}

/** scheduled → running, once: the caller that gets true starts the chain. */
export async function claimJob(db: D1Database, jobId: string, now: Date): Promise<boolean> {
  const r = await db.prepare(`UPDATE offboarding_jobs SET status = 'running', updated_at = ?2 WHERE id = ?1 AND status = 'scheduled'`).bind(jobId, now.toISOString()).run();
  return r.meta.changes > 0;
}

export function setJobStatusStatement(db: D1Database, jobId: string, status: JobStatus, now: Date, from: JobStatus[], note?: string): D1PreparedStatement {
  return db
    .prepare(`UPDATE offboarding_jobs SET status = ?2, updated_at = ?3, note = COALESCE(?5, note) WHERE id = ?1 AND status IN (SELECT value FROM json_each(?4))`)
    .bind(jobId, status, now.toISOString(), JSON.stringify(from), note ?? null);
}

export async function touchJob(db: D1Database, jobId: string, now: Date): Promise<void> {
  await db.prepare('UPDATE offboarding_jobs SET updated_at = ?2 WHERE id = ?1').bind(jobId, now.toISOString()).run();
}

/**
 * Takes the step for one delivery: true for exactly one of several racing deliveries. The lease
 * expires, so a holder that died (not just threw) cannot block the step for ever.
 */
export async function leaseStep(db: D1Database, jobId: string, step: OffboardingStep, now: Date, leaseMs: number): Promise<boolean> {
  const at = now.toISOString();
  const r = await db
    .prepare(
      `UPDATE offboarding_steps SET lease_until = ?4, attempts = attempts + 1, updated_at = ?3
       WHERE job_id = ?1 AND step = ?2 AND status IN ('pending', 'running') AND (lease_until IS NULL OR lease_until < ?3)`,
    )
    .bind(jobId, step, at, new Date(now.getTime() + leaseMs).toISOString())
    .run();
  return r.meta.changes > 0;
}

export async function releaseStep(db: D1Database, jobId: string, step: OffboardingStep): Promise<void> {
  await db.prepare('UPDATE offboarding_steps SET lease_until = NULL WHERE job_id = ?1 AND step = ?2').bind(jobId, step).run();
}

/**
 * Marks the step running and keeps the first "before" it read: a later attempt (after a crash)
 * must not overwrite the state the tenant was in before Tutela touched it.
 */
export async function startStep(db: D1Database, jobId: string, step: OffboardingStep, before: unknown, now: Date): Promise<void> {
  const at = now.toISOString();
  await db
    .prepare(
      `UPDATE offboarding_steps SET status = 'running', started_at = COALESCE(started_at, ?3),
         before_json = COALESCE(before_json, ?4), updated_at = ?3 WHERE job_id = ?1 AND step = ?2 AND status IN ('pending', 'running')`,
    )
    .bind(jobId, step, at, JSON.stringify(before ?? null))
    .run();
}

export function finishStepStatement(
  db: D1Database,
  jobId: string,
  step: OffboardingStep,
  status: 'done' | 'skipped' | 'failed',
  fields: { result?: unknown; error?: string | null; dueAt?: string | null },
  now: Date,
): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE offboarding_steps SET status = ?3, result_json = ?4, last_error = ?5, due_at = COALESCE(?6, due_at), updated_at = ?7, lease_until = NULL
       WHERE job_id = ?1 AND step = ?2 AND status IN ('pending', 'running')`,
    )
    .bind(jobId, step, status, fields.result === undefined ? null : JSON.stringify(fields.result), fields.error ?? null, fields.dueAt ?? null, now.toISOString());
}

export function scheduleStepStatement(db: D1Database, jobId: string, step: OffboardingStep, dueAt: string, now: Date): D1PreparedStatement {
  return db
    .prepare(`UPDATE offboarding_steps SET due_at = ?3, updated_at = ?4 WHERE job_id = ?1 AND step = ?2 AND status = 'pending' AND due_at IS NULL`)
    .bind(jobId, step, dueAt, now.toISOString());
}

/** Scheduled jobs whose act time is at or before `until`. */
export async function dueJobs(db: D1Database, until: Date): Promise<OffboardingJob[]> {
  const { results } = await db.prepare(`SELECT * FROM offboarding_jobs WHERE status = 'scheduled' AND act_at <= ?1 ORDER BY act_at LIMIT 1000`).bind(until.toISOString()).all<JobRow>();
  return results.map(toJob);
}

/** Running jobs nobody has touched since `before`: a lost or dead-lettered message. */
export async function stalledJobs(db: D1Database, before: Date): Promise<OffboardingJob[]> {
  const { results } = await db.prepare(`SELECT * FROM offboarding_jobs WHERE status = 'running' AND updated_at < ?1 LIMIT 1000`).bind(before.toISOString()).all<JobRow>();
  return results.map(toJob);
}

/** Deferred steps (the account deletion) that are due, of jobs that finished their other steps. */
export async function dueDeferredSteps(db: D1Database, now: Date): Promise<{ jobId: string; step: OffboardingStep }[]> {
  const { results } = await db
    .prepare(
      `SELECT s.job_id, s.step FROM offboarding_steps s JOIN offboarding_jobs j ON j.id = s.job_id
       WHERE s.status IN ('pending', 'running') AND s.due_at IS NOT NULL AND s.due_at <= ?1 AND j.status IN ('done', 'failed') LIMIT 1000`,
    )
    .bind(now.toISOString())
    .all<{ job_id: string; step: OffboardingStep }>();
  return results.map((r) => ({ jobId: r.job_id, step: r.step }));
}

/** The stored directory follows what Tutela did, so the next import does not plan the same disable again. */
// updated_at is left alone: a full directory read uses it to spot accounts that disappeared.
export function markDirectoryEnabledStatement(db: D1Database, connectionId: string, userId: string, enabled: boolean): D1PreparedStatement {
  return db.prepare('UPDATE directory_users SET enabled = ?3 WHERE connection_id = ?1 AND user_id = ?2').bind(connectionId, userId, enabled ? 1 : 0);
}

/** An audit-log entry inserted only while the step row still matches `stepIs` (SQL over offboarding_steps). */
function auditWhileStep(db: D1Database, input: AuditLogEntry, jobId: string, step: OffboardingStep, now: Date, stepIs: string): D1PreparedStatement {
  const row = auditLogInsert(input, now);
  return db
    .prepare(
      `INSERT INTO audit_log ${row.columns}
       SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12
       WHERE EXISTS (SELECT 1 FROM offboarding_steps WHERE job_id = ?13 AND step = ?14 AND ${stepIs})`,
    )
    .bind(...row.values, jobId, step);
}

/**
 * An audit-log entry written only while the step is still unfinished. Put it before the statement
 * that finishes the step, in the same batch: two deliveries racing to finish one step then leave
 * exactly one entry, because the second sees the step already finished.
 */
export function auditStepStatement(db: D1Database, input: AuditLogEntry, jobId: string, step: OffboardingStep, now: Date): D1PreparedStatement {
  return auditWhileStep(db, input, jobId, step, now, `status IN ('pending', 'running')`);
}

/** Same idea for scheduling a deferred step: logged once, when its due date is first set. */
export function auditScheduleStatement(db: D1Database, input: AuditLogEntry, jobId: string, step: OffboardingStep, now: Date): D1PreparedStatement {
  return auditWhileStep(db, input, jobId, step, now, `status = 'pending' AND due_at IS NULL`);
}
