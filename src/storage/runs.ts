import { z } from 'zod';
import { checkIds, type CheckId } from '../domain/checks/ids.ts';
import type { UnreadSubject } from '../domain/ports/tenant-connector.ts';
import { readJson } from './json.ts';

export type RunStatus = 'queued' | 'running' | 'completed' | 'partial' | 'failed';
export type RunTrigger = 'cron' | 'api' | 'cli' | 'demo';

export const runErrorSchema = z.object({ code: z.string(), message: z.string(), permission: z.string().optional(), batchNo: z.number().optional() });
export type RunError = z.infer<typeof runErrorSchema>;

export interface AuditRun {
  id: string;
  schoolId: string;
  connectionId: string;
  profileId: string;
  trigger: RunTrigger;
  checks: CheckId[];
  dryRun: boolean;
  status: RunStatus;
  batchesTotal: number;
  mailboxesTotal: number;
  warnings: RunError[];
  errors: RunError[];
  summary: unknown;
  startedAt: string;
  finishedAt: string | null;
}

interface RunRow {
  id: string;
  school_id: string;
  connection_id: string;
  profile_id: string;
  trigger: RunTrigger;
  checks_json: string;
  dry_run: number;
  status: RunStatus;
  batches_total: number;
  mailboxes_total: number;
  warnings_json: string;
  errors_json: string;
  summary_json: string | null;
  started_at: string;
  finished_at: string | null;
}

const toRun = (r: RunRow): AuditRun => ({
  id: r.id,
  schoolId: r.school_id,
  connectionId: r.connection_id,
  profileId: r.profile_id,
  trigger: r.trigger,
  checks: readJson(z.array(z.enum(checkIds)), r.checks_json, 'audit_runs.checks_json'),
  dryRun: r.dry_run === 1,
  status: r.status,
  batchesTotal: r.batches_total,
  mailboxesTotal: r.mailboxes_total,
  warnings: readJson(z.array(runErrorSchema), r.warnings_json, 'audit_runs.warnings_json'),
  errors: readJson(z.array(runErrorSchema), r.errors_json, 'audit_runs.errors_json'),
  summary: r.summary_json === null ? null : (JSON.parse(r.summary_json) as unknown),
  startedAt: r.started_at,
  finishedAt: r.finished_at,
});

/** A batch is either the tenant-wide settings or a list of mailboxes. */
export const batchSubjectsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('tenant') }),
  z.object({ kind: z.literal('mailboxes'), userIds: z.array(z.string()).min(1) }),
]);
export type BatchSubjects = z.infer<typeof batchSubjectsSchema>;

/** What a finished batch leaves for the run's finalisation. */
export const batchResultSchema = z.object({
  findings: z.number().int(),
  unread: z.array(z.object({ userId: z.string(), email: z.string(), code: z.string(), message: z.string(), permission: z.string().optional() })),
  retentionExemptions: z.array(z.object({ userId: z.string(), email: z.string(), reason: z.string(), count: z.number() })).default([]),
  error: runErrorSchema.optional(),
});
export type BatchResult = z.infer<typeof batchResultSchema>;

export async function createRun(
  db: D1Database,
  input: { id: string; schoolId: string; connectionId: string; profileId: string; trigger: RunTrigger; checks: CheckId[]; dryRun: boolean; batches: BatchSubjects[]; mailboxes: number; warnings: RunError[] },
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  const statements = [
    db
      .prepare(
        `INSERT INTO audit_runs (id, school_id, connection_id, profile_id, trigger, checks_json, dry_run, status, batches_total, mailboxes_total, warnings_json, started_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'running', ?8, ?9, ?10, ?11)`,
      )
      .bind(input.id, input.schoolId, input.connectionId, input.profileId, input.trigger, JSON.stringify(input.checks), input.dryRun ? 1 : 0, input.batches.length, input.mailboxes, JSON.stringify(input.warnings), at),
    ...input.batches.map((subjects, batchNo) =>
      db
        .prepare("INSERT INTO audit_batches (run_id, batch_no, status, subjects_json, updated_at) VALUES (?1, ?2, 'queued', ?3, ?4)")
        .bind(input.id, batchNo, JSON.stringify(subjects), at),
    ),
  ];
  for (let i = 0; i < statements.length; i += 100) await db.batch(statements.slice(i, i + 100));
}

export async function failRunAtStart(db: D1Database, input: { id: string; schoolId: string; connectionId: string; profileId: string; trigger: RunTrigger; checks: CheckId[]; dryRun: boolean; error: RunError }, now: Date): Promise<void> {
  const at = now.toISOString();
  await db
    .prepare(
      `INSERT INTO audit_runs (id, school_id, connection_id, profile_id, trigger, checks_json, dry_run, status, errors_json, started_at, finished_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'failed', ?8, ?9, ?9)`,
    )
    .bind(input.id, input.schoolId, input.connectionId, input.profileId, input.trigger, JSON.stringify(input.checks), input.dryRun ? 1 : 0, JSON.stringify([input.error]), at)
    .run();
}

export async function getRun(db: D1Database, id: string): Promise<AuditRun | null> {
  const row = await db.prepare('SELECT * FROM audit_runs WHERE id = ?1').bind(id).first<RunRow>();
  return row ? toRun(row) : null;
}

export async function listRuns(db: D1Database, schoolId: string, limit = 50): Promise<AuditRun[]> {
  const { results } = await db.prepare('SELECT * FROM audit_runs WHERE school_id = ?1 ORDER BY started_at DESC LIMIT ?2').bind(schoolId, limit).all<RunRow>();
  return results.map(toRun);
}

export async function getBatch(db: D1Database, runId: string, batchNo: number): Promise<{ status: 'queued' | 'done' | 'failed'; attempts: number; subjects: BatchSubjects } | null> {
  const row = await db
    .prepare('SELECT status, attempts, subjects_json FROM audit_batches WHERE run_id = ?1 AND batch_no = ?2')
    .bind(runId, batchNo)
    .first<{ status: 'queued' | 'done' | 'failed'; attempts: number; subjects_json: string }>();
  return row ? { status: row.status, attempts: row.attempts, subjects: readJson(batchSubjectsSchema, row.subjects_json, 'audit_batches.subjects_json') } : null;
}

/** Marks a batch finished once; returns false if another delivery already finished it. */
export async function finishBatch(db: D1Database, runId: string, batchNo: number, status: 'done' | 'failed', result: BatchResult, now: Date): Promise<boolean> {
  const res = await db
    .prepare("UPDATE audit_batches SET status = ?3, result_json = ?4, attempts = attempts + 1, updated_at = ?5 WHERE run_id = ?1 AND batch_no = ?2 AND status = 'queued'")
    .bind(runId, batchNo, status, JSON.stringify(result), now.toISOString())
    .run();
  return res.meta.changes === 1;
}

export async function countOpenBatches(db: D1Database, runId: string): Promise<number> {
  const row = await db.prepare("SELECT COUNT(*) AS n FROM audit_batches WHERE run_id = ?1 AND status = 'queued'").bind(runId).first<{ n: number }>();
  return row?.n ?? 0;
}

export async function batchResults(db: D1Database, runId: string): Promise<{ batchNo: number; status: string; result: BatchResult | null }[]> {
  const { results } = await db
    .prepare('SELECT batch_no, status, result_json FROM audit_batches WHERE run_id = ?1 ORDER BY batch_no')
    .bind(runId)
    .all<{ batch_no: number; status: string; result_json: string | null }>();
  return results.map((r) => ({ batchNo: r.batch_no, status: r.status, result: r.result_json === null ? null : readJson(batchResultSchema, r.result_json, 'audit_batches.result_json') }));
}

/** Claims the right to finalise a run: only the first caller gets true. */
export async function claimFinalise(db: D1Database, runId: string, status: RunStatus, summary: unknown, warnings: RunError[], errors: RunError[], now: Date): Promise<boolean> {
  const res = await db
    .prepare("UPDATE audit_runs SET status = ?2, summary_json = ?3, warnings_json = ?4, errors_json = ?5, finished_at = ?6 WHERE id = ?1 AND status = 'running'")
    .bind(runId, status, JSON.stringify(summary), JSON.stringify(warnings), JSON.stringify(errors), now.toISOString())
    .run();
  return res.meta.changes === 1;
}

/** The last run that finished, for the sent-mail window of the next one. */
export async function lastFinishedRun(db: D1Database, connectionId: string): Promise<AuditRun | null> {
  const row = await db
    .prepare("SELECT * FROM audit_runs WHERE connection_id = ?1 AND status IN ('completed', 'partial') AND dry_run = 0 ORDER BY started_at DESC LIMIT 1")
    .bind(connectionId)
    .first<RunRow>();
  return row ? toRun(row) : null;
}

export type { UnreadSubject };
