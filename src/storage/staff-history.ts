/**
 * One member of staff's own records, for the bot's personal answers. Every query is bound to the
 * school and the email established from the verified channel identity; nothing here takes a
 * free-text filter from the question.
 */

export interface PersonalChange {
  at: string;
  action: string;
  targetType: string;
  targetId: string;
  policyRef: string | null;
  before: unknown;
}

export interface PersonalFinding {
  checkId: string;
  severity: string;
  summary: string;
  policyRef: string;
  lastSeenAt: string;
}

/** Changes Tutela made to the person's mailbox for one family of checks (e.g. "forwarding."), most recent first. */
export async function changesForPerson(db: D1Database, schoolId: string, email: string, checkPrefix: string, limit = 5): Promise<PersonalChange[]> {
  const e = email.toLowerCase();
  // Audit targets are "email" or "email#item"; compared by prefix without LIKE, whose wildcards
  // (_ and %) are legal in email addresses.
  const { results } = await db
    .prepare(
      `SELECT at, action, target_type, target_id, policy_ref, before_json FROM audit_log
       WHERE school_id = ?1 AND (lower(target_id) = ?2 OR substr(lower(target_id), 1, length(?2) + 1) = ?2 || '#')
         AND substr(target_type, 1, length(?3)) = ?3 AND outcome = 'applied' AND dry_run = 0
       ORDER BY seq DESC LIMIT ?4`,
    )
    .bind(schoolId, e, checkPrefix, limit)
    .all<{ at: string; action: string; target_type: string; target_id: string; policy_ref: string | null; before_json: string | null }>();
  return results.map((r) => ({
    at: r.at,
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    policyRef: r.policy_ref,
    before: r.before_json === null ? null : (JSON.parse(r.before_json) as unknown),
  }));
}

export async function openFindingsForPerson(db: D1Database, schoolId: string, email: string): Promise<PersonalFinding[]> {
  const { results } = await db
    .prepare(
      `SELECT check_id, severity, summary, policy_ref, last_seen_at FROM findings
       WHERE school_id = ?1 AND lower(subject_email) = ?2 AND status = 'open'
       ORDER BY CASE severity WHEN 'high' THEN 0 WHEN 'medium' THEN 1 WHEN 'low' THEN 2 ELSE 3 END, check_id`,
    )
    .bind(schoolId, email.toLowerCase())
    .all<{ check_id: string; severity: string; summary: string; policy_ref: string; last_seen_at: string }>();
  return results.map((r) => ({ checkId: r.check_id, severity: r.severity, summary: r.summary, policyRef: r.policy_ref, lastSeenAt: r.last_seen_at }));
}

/** When the school's mailboxes were last audited, so "no problems" can say as of when. */
export async function lastAuditFinishedAt(db: D1Database, schoolId: string): Promise<string | null> {
  const row = await db
    .prepare("SELECT finished_at FROM audit_runs WHERE school_id = ?1 AND status IN ('completed', 'partial') AND dry_run = 0 ORDER BY finished_at DESC LIMIT 1")
    .bind(schoolId)
    .first<{ finished_at: string | null }>();
  return row?.finished_at ?? null;
}
