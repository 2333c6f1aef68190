import type { BatchResult, AuditRun } from '../../storage/runs.ts';

export interface RunSummary {
  mailboxes: number;
  unreadMailboxes: number;
  findings: number;
  newFindings: number;
  resolved: number;
  byCheck: Record<string, number>;
  retentionExemptions: BatchResult['retentionExemptions'];
}

/** The run's headline numbers, from what it stored; cheap enough to compute once at the end. */
export async function summariseRun(db: D1Database, run: AuditRun, extra: { resolved: number; unread: number; batches: { result: BatchResult | null }[] }): Promise<RunSummary> {
  const { results } = await db
    .prepare('SELECT check_id, COUNT(*) AS n, SUM(CASE WHEN first_seen_at = last_seen_at THEN 1 ELSE 0 END) AS fresh FROM findings WHERE last_run_id = ?1 GROUP BY check_id ORDER BY check_id')
    .bind(run.id)
    .all<{ check_id: string; n: number; fresh: number }>();
  const byCheck = Object.fromEntries(results.map((r) => [r.check_id, r.n]));
  return {
    mailboxes: run.mailboxesTotal,
    unreadMailboxes: extra.unread,
    findings: results.reduce((sum, r) => sum + r.n, 0),
    newFindings: results.reduce((sum, r) => sum + r.fresh, 0),
    resolved: extra.resolved,
    byCheck,
    retentionExemptions: extra.batches.flatMap((b) => b.result?.retentionExemptions ?? []),
  };
}
