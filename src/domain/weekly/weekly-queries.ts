// Read-only SQL for the weekly card and the dashboard's overview. It reads tables other modules
// write (findings, remediation_actions, offboarding_jobs, hr_imports) and never changes them.

export interface CheckCounts {
  checkId: string;
  openNow: number;
  /** Open a week ago, from first-seen and status-change dates (a finding re-opened since then counts as closed then). */
  openThen: number;
}

export async function findingCountsByCheck(db: D1Database, schoolId: string, since: string): Promise<CheckCounts[]> {
  const { results } = await db
    .prepare(
      `SELECT check_id,
         SUM(CASE WHEN status = 'open' THEN 1 ELSE 0 END) AS open_now,
         SUM(CASE WHEN first_seen_at <= ?2 AND ((status = 'open' AND status_changed_at <= ?2) OR (status != 'open' AND status_changed_at > ?2)) THEN 1 ELSE 0 END) AS open_then
       FROM findings WHERE school_id = ?1 GROUP BY check_id ORDER BY check_id`,
    )
    .bind(schoolId, since)
    .all<{ check_id: string; open_now: number; open_then: number }>();
  return results.map((r) => ({ checkId: r.check_id, openNow: r.open_now, openThen: r.open_then }));
}

export async function remediationsDoneSince(db: D1Database, schoolId: string, since: string): Promise<number> {
  const row = await db
    .prepare("SELECT COUNT(*) AS n FROM remediation_actions WHERE school_id = ?1 AND status = 'done' AND dry_run = 0 AND updated_at >= ?2")
    .bind(schoolId, since)
    .first<{ n: number }>();
  return row?.n ?? 0;
}

export interface PendingAction {
  actionId: string;
  checkId: string;
  subject: string;
}

export async function pendingApprovals(db: D1Database, schoolId: string, limit: number): Promise<{ items: PendingAction[]; count: number }> {
  // Separate reads, not db.batch: the CLI's node:sqlite adapter returns no rows from a batch.
  const [list, count] = await Promise.all([
    db
      .prepare(
        `SELECT a.id, a.check_id, COALESCE(f.subject_email, f.subject_id) AS subject FROM remediation_actions a LEFT JOIN findings f ON f.id = a.finding_id
         WHERE a.school_id = ?1 AND a.status = 'pending-approval' ORDER BY a.created_at, a.id LIMIT ?2`,
      )
      .bind(schoolId, limit)
      .all<{ id: string; check_id: string; subject: string | null }>(),
    db.prepare("SELECT COUNT(*) AS n FROM remediation_actions WHERE school_id = ?1 AND status = 'pending-approval'").bind(schoolId).first<{ n: number }>(),
  ]);
  return {
    items: list.results.map((r) => ({ actionId: r.id, checkId: r.check_id, subject: r.subject ?? 'the whole school' })),
    count: count?.n ?? 0,
  };
}

export interface LeaverFacts {
  tracked: boolean;
  done: { actAt: string; finishedAt: string }[];
  held: { importId: string; people: number; reason: string | null; receivedAt: string }[];
}

/** Leavers as the offboarding engine records them; an empty school (engine not yet run) reads as untracked. */
export async function leaverFacts(db: D1Database, schoolId: string, since: string): Promise<LeaverFacts> {
  const [any, done, held] = await Promise.all([
    db.prepare('SELECT (SELECT COUNT(*) FROM offboarding_jobs WHERE school_id = ?1) + (SELECT COUNT(*) FROM hr_imports WHERE school_id = ?1) AS n').bind(schoolId).all<Record<string, unknown>>(),
    db.prepare("SELECT act_at, updated_at FROM offboarding_jobs WHERE school_id = ?1 AND status = 'done' AND updated_at >= ?2 ORDER BY act_at").bind(schoolId, since).all<Record<string, unknown>>(),
    db
      .prepare(
        // People, not actions: one leaver has a disable action per connection (and other actions besides).
        `SELECT i.id, i.held_reason, i.received_at,
           (SELECT COUNT(DISTINCT json_extract(a.value, '$.employeeId')) FROM json_each(i.actions_json) a
             WHERE json_extract(a.value, '$.type') = 'disable') AS planned,
           (SELECT COUNT(DISTINCT j.employee_id) FROM offboarding_jobs j WHERE j.hr_import_id = i.id AND j.status = 'held') AS jobs
         FROM hr_imports i WHERE i.school_id = ?1 AND i.status = 'held' ORDER BY i.received_at`,
      )
      .bind(schoolId)
      .all<{ id: string; held_reason: string | null; received_at: string; planned: number; jobs: number }>(),
  ]);
  const n = Number(any.results[0]?.n ?? 0);
  return {
    tracked: n > 0,
    done: done.results.map((r) => ({ actAt: String(r.act_at), finishedAt: String(r.updated_at) })),
    held: held.results.map((r) => ({
      importId: r.id,
      people: r.jobs || r.planned || 0,
      reason: r.held_reason,
      receivedAt: r.received_at,
    })),
  };
}

export async function lastRunStatus(db: D1Database, schoolId: string): Promise<{ status: string; startedAt: string; errors: number } | null> {
  const row = await db
    .prepare("SELECT status, started_at, json_array_length(errors_json) AS errors FROM audit_runs WHERE school_id = ?1 AND status != 'running' ORDER BY started_at DESC LIMIT 1")
    .bind(schoolId)
    .first<{ status: string; started_at: string; errors: number }>();
  return row ? { status: row.status, startedAt: row.started_at, errors: row.errors } : null;
}
