import { z } from 'zod';

export const auditLogEntrySchema = z.object({
  schoolId: z.string().min(1),
  actor: z.string().min(1),
  action: z.string().min(1),
  targetType: z.string().min(1),
  targetId: z.string().min(1),
  policyRef: z.string().nullable().default(null),
  dryRun: z.boolean().default(false),
  outcome: z.enum(['applied', 'already-compliant', 'dry-run', 'failed']),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  correlationId: z.string().nullable().default(null),
});
export type AuditLogEntry = z.input<typeof auditLogEntrySchema>;
export type AuditLogRecord = z.output<typeof auditLogEntrySchema> & { seq: number; at: string };

interface AuditLogRow {
  seq: number;
  school_id: string;
  at: string;
  actor: string;
  action: string;
  target_type: string;
  target_id: string;
  policy_ref: string | null;
  dry_run: number;
  outcome: AuditLogRecord['outcome'];
  before_json: string | null;
  after_json: string | null;
  correlation_id: string | null;
}

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

/** One entry as the column list and its twelve values, bound in order as ?1…?12 by every statement that inserts it. */
export function auditLogInsert(input: AuditLogEntry, now: Date): { columns: string; values: (string | number | null)[] } {
  const e = auditLogEntrySchema.parse(input);
  return {
    columns: '(school_id, at, actor, action, target_type, target_id, policy_ref, dry_run, outcome, before_json, after_json, correlation_id)',
    values: [e.schoolId, now.toISOString(), e.actor, e.action, e.targetType, e.targetId, e.policyRef, e.dryRun ? 1 : 0, e.outcome, json(e.before), json(e.after), e.correlationId],
  };
}

/** The statement that appends one entry; callers may put it in a D1 batch with the change it records. */
export function appendAuditLogStatement(db: D1Database, input: AuditLogEntry, now: Date): D1PreparedStatement {
  const row = auditLogInsert(input, now);
  return db.prepare(`INSERT INTO audit_log ${row.columns} VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)`).bind(...row.values);
}

export async function appendAuditLog(db: D1Database, input: AuditLogEntry, now: Date): Promise<void> {
  await appendAuditLogStatement(db, input, now).run();
}

export async function listAuditLog(db: D1Database, schoolId: string, options: { limit?: number; targetId?: string } = {}): Promise<AuditLogRecord[]> {
  const limit = Math.min(options.limit ?? 100, 1000);
  const stmt = options.targetId
    ? db.prepare('SELECT * FROM audit_log WHERE school_id = ?1 AND target_id = ?2 ORDER BY seq DESC LIMIT ?3').bind(schoolId, options.targetId, limit)
    : db.prepare('SELECT * FROM audit_log WHERE school_id = ?1 ORDER BY seq DESC LIMIT ?2').bind(schoolId, limit);
  const { results } = await stmt.all<AuditLogRow>();
  return results.map((r) => ({
    seq: r.seq,
    at: r.at,
    schoolId: r.school_id,
    actor: r.actor,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    policyRef: r.policy_ref,
    dryRun: r.dry_run === 1,
    outcome: r.outcome,
    before: r.before_json === null ? undefined : (JSON.parse(r.before_json) as unknown),
    after: r.after_json === null ? undefined : (JSON.parse(r.after_json) as unknown),
    correlationId: r.correlation_id,
  }));
}
