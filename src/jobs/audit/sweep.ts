import { finishBatch } from '../../storage/runs.ts';
import type { AuditDeps } from './deps.ts';
import { finaliseRunIfDone } from './finalise.ts';

const MINUTE = 60_000;
/** A batch untouched this long after its run started is redelivered (its message may have been lost). */
export const REDELIVER_AFTER_MS = 20 * MINUTE;
/** After this long a run is closed: its remaining batches are recorded as failed so the run reports "partial". */
export const GIVE_UP_AFTER_MS = 6 * 60 * MINUTE;

/**
 * Hourly safety net for the queue: a batch whose message went to the dead-letter queue (or was never
 * sent because the starter crashed) would leave its run "running" for ever. Redelivery is safe
 * because batches are idempotent.
 */
export async function sweepStalledRuns(deps: AuditDeps): Promise<{ redelivered: number; closed: number }> {
  const now = deps.now();
  const { results } = await deps.db
    .prepare(
      `SELECT b.run_id, b.batch_no, r.started_at FROM audit_batches b JOIN audit_runs r ON r.id = b.run_id
       WHERE r.status = 'running' AND b.status = 'queued' AND r.started_at < ?1 ORDER BY r.started_at LIMIT 5000`,
    )
    .bind(new Date(now.getTime() - REDELIVER_AFTER_MS).toISOString())
    .all<{ run_id: string; batch_no: number; started_at: string }>();
  const giveUp = results.filter((b) => Date.parse(b.started_at) < now.getTime() - GIVE_UP_AFTER_MS);
  const redeliver = results.filter((b) => !giveUp.includes(b));
  for (const b of giveUp) {
    await finishBatch(deps.db, b.run_id, b.batch_no, 'failed', { findings: 0, unread: [], retentionExemptions: [], error: { code: 'timed_out', message: 'this batch never completed; its mailboxes were not audited', batchNo: b.batch_no } }, now);
  }
  for (const runId of new Set(giveUp.map((b) => b.run_id))) await finaliseRunIfDone(deps, runId);
  if (redeliver.length) await deps.queue.send(redeliver.map((b) => ({ kind: 'audit.batch' as const, runId: b.run_id, batchNo: b.batch_no })));
  if (results.length) deps.log.warn('stalled_audit_batches', { redelivered: redeliver.length, closed: giveUp.length });
  return { redelivered: redeliver.length, closed: giveUp.length };
}
