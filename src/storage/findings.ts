import { z } from 'zod';
import { checkIds, type CheckId, type Provider } from '../domain/checks/ids.ts';
import { evidenceSchema, findingKey, findingSchema, type Finding, type FindingStatus } from '../domain/findings/finding.ts';
import { sha256Hex } from '../domain/content-hash.ts';
import { readJson } from './json.ts';

export interface StoredFinding extends Finding {
  id: string;
  schoolId: string;
  status: FindingStatus;
  statusNote: string | null;
  firstSeenAt: string;
  lastSeenAt: string;
  lastRunId: string;
  statusChangedAt: string;
}

interface FindingRow {
  id: string;
  school_id: string;
  check_id: string;
  severity: string;
  provider: string;
  subject_id: string;
  subject_email: string | null;
  subject_key: string;
  summary: string;
  evidence_json: string;
  policy_ref: string;
  remediation_json: string;
  status: FindingStatus;
  status_note: string | null;
  first_seen_at: string;
  last_seen_at: string;
  last_run_id: string;
  status_changed_at: string;
}

const remediationSchema = findingSchema.shape.remediation;

function toStored(row: FindingRow): StoredFinding {
  const item = row.subject_key.split('|')[2];
  const finding = findingSchema.parse({
    checkId: row.check_id,
    severity: row.severity,
    provider: row.provider,
    subject: { id: row.subject_id, email: row.subject_email, ...(item ? { item } : {}) },
    summary: row.summary,
    evidence: readJson(evidenceSchema, row.evidence_json, 'findings.evidence_json'),
    policyRef: row.policy_ref,
    remediation: readJson(remediationSchema, row.remediation_json, 'findings.remediation_json'),
  });
  return {
    ...finding,
    id: row.id,
    schoolId: row.school_id,
    status: row.status,
    statusNote: row.status_note,
    firstSeenAt: row.first_seen_at,
    lastSeenAt: row.last_seen_at,
    lastRunId: row.last_run_id,
    statusChangedAt: row.status_changed_at,
  };
}

/** A finding's id is stable per school + check + subject (+ item), so history survives across runs. */
export async function findingId(schoolId: string, finding: Pick<Finding, 'checkId' | 'subject'>): Promise<string> {
  return (await sha256Hex(`${schoolId}|${findingKey(finding)}`)).slice(0, 32);
}

const BATCH = 50;

/**
 * Records what a run saw. New findings open; ones seen before keep their first-seen date; a resolved
 * or remediated finding that is seen again re-opens (the fix did not hold). Accepted risks stay accepted.
 */
export async function upsertFindings(db: D1Database, input: { schoolId: string; runId: string; findings: Finding[]; now: Date }): Promise<string[]> {
  const at = input.now.toISOString();
  const ids: string[] = [];
  const statements: D1PreparedStatement[] = [];
  for (const raw of input.findings) {
    const f = findingSchema.parse(raw);
    const id = await findingId(input.schoolId, f);
    ids.push(id);
    statements.push(
      db
        .prepare(
          `INSERT INTO findings (id, school_id, check_id, severity, provider, subject_id, subject_email, subject_key, summary,
             evidence_json, policy_ref, remediation_json, status, first_seen_at, last_seen_at, last_run_id, status_changed_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'open', ?13, ?13, ?14, ?13)
           ON CONFLICT(id) DO UPDATE SET
             severity = excluded.severity, summary = excluded.summary, evidence_json = excluded.evidence_json,
             policy_ref = excluded.policy_ref, remediation_json = excluded.remediation_json, subject_email = excluded.subject_email,
             last_seen_at = excluded.last_seen_at, last_run_id = excluded.last_run_id,
             status = CASE WHEN findings.status IN ('resolved', 'remediated') THEN 'open' ELSE findings.status END,
             status_changed_at = CASE WHEN findings.status IN ('resolved', 'remediated') THEN excluded.last_seen_at ELSE findings.status_changed_at END`,
        )
        .bind(id, input.schoolId, f.checkId, f.severity, f.provider, f.subject.id, f.subject.email, findingKey(f), f.summary, JSON.stringify(f.evidence), f.policyRef, JSON.stringify(f.remediation), at, input.runId),
    );
  }
  for (let i = 0; i < statements.length; i += BATCH) await db.batch(statements.slice(i, i + BATCH));
  return ids;
}

/**
 * After a run completes: open findings of the checks it ran that it did not see again are resolved.
 * Subjects the run could not read (404, 403) are left alone: not seeing a problem is not proof it is gone.
 */
export async function resolveUnseen(
  db: D1Database,
  input: { schoolId: string; provider: Provider; runId: string; checkIds: CheckId[]; unreadSubjects: string[]; now: Date },
): Promise<number> {
  const result = await db
    .prepare(
      `UPDATE findings SET status = 'resolved', status_changed_at = ?4
       WHERE school_id = ?1 AND provider = ?2 AND last_run_id != ?3 AND status IN ('open', 'remediated')
         AND check_id IN (SELECT value FROM json_each(?5))
         AND subject_id NOT IN (SELECT value FROM json_each(?6))`,
    )
    .bind(input.schoolId, input.provider, input.runId, input.now.toISOString(), JSON.stringify(input.checkIds), JSON.stringify(input.unreadSubjects))
    .run();
  return result.meta.changes;
}

export const findingFilterSchema = z
  .object({
    checkId: z.enum(checkIds).optional(),
    status: z.enum(['open', 'remediated', 'accepted-risk', 'resolved']).optional(),
    runId: z.string().optional(),
    limit: z.coerce.number().int().min(1).max(20000).default(200),
  })
  .strict();
export type FindingFilter = z.input<typeof findingFilterSchema>;

export async function listFindings(db: D1Database, schoolId: string, filter: FindingFilter = {}): Promise<StoredFinding[]> {
  const f = findingFilterSchema.parse(filter);
  const { results } = await db
    .prepare(
      `SELECT * FROM findings WHERE school_id = ?1 AND (?2 IS NULL OR check_id = ?2) AND (?3 IS NULL OR status = ?3)
         AND (?5 IS NULL OR last_run_id = ?5)
       ORDER BY CASE severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 WHEN 'low' THEN 2 ELSE 3 END, check_id, subject_email LIMIT ?4`,
    )
    .bind(schoolId, f.checkId ?? null, f.status ?? null, f.limit, f.runId ?? null)
    .all<FindingRow>();
  return results.map(toStored);
}

export async function getFinding(db: D1Database, schoolId: string, id: string): Promise<StoredFinding | null> {
  const row = await db.prepare('SELECT * FROM findings WHERE school_id = ?1 AND id = ?2').bind(schoolId, id).first<FindingRow>();
  return row ? toStored(row) : null;
}

export async function setFindingStatus(db: D1Database, input: { schoolId: string; id: string; status: FindingStatus; note?: string; now: Date }): Promise<boolean> {
  const result = await db
    .prepare('UPDATE findings SET status = ?3, status_note = ?4, status_changed_at = ?5 WHERE school_id = ?1 AND id = ?2')
    .bind(input.schoolId, input.id, input.status, input.note ?? null, input.now.toISOString())
    .run();
  return result.meta.changes > 0;
}

/**
 * Every open finding a run saw, a page at a time in id order (keyset paging), so a very large school
 * is never truncated and never held in memory at once.
 */
export async function* openFindingsOfRun(db: D1Database, schoolId: string, runId: string, pageSize = 1000): AsyncGenerator<StoredFinding[]> {
  let after = '';
  for (;;) {
    const { results } = await db
      .prepare("SELECT * FROM findings WHERE school_id = ?1 AND last_run_id = ?2 AND status = 'open' AND id > ?3 ORDER BY id LIMIT ?4")
      .bind(schoolId, runId, after, pageSize)
      .all<FindingRow>();
    if (results.length === 0) return;
    yield results.map(toStored);
    after = results[results.length - 1]?.id ?? after;
    if (results.length < pageSize) return;
  }
}

/** Open findings of a school, counted in SQL (a summary page needs the number, not the rows). */
export async function countOpenFindings(db: D1Database, schoolId: string): Promise<number> {
  const row = await db.prepare("SELECT COUNT(*) AS n FROM findings WHERE school_id = ?1 AND status = 'open'").bind(schoolId).first<{ n: number }>();
  return row?.n ?? 0;
}
