import { err, ok, type Result } from '../../domain/result.ts';
import { appendAuditLogStatement } from '../../storage/audit-log.ts';
import { decideImportStatement, getImport } from '../../storage/hr-imports.ts';
import { getActiveProfile } from '../../storage/profiles.ts';
import type { AuditDeps } from '../audit/deps.ts';
import { applyPlan } from './apply.ts';
import type { ImportReport } from './import.ts';
import { planFor } from './import.ts';

/**
 * A person's decision on a held import. Approval re-plans the stored records against the directory
 * and jobs as they are now (so nothing stale is applied) with the breaker satisfied, then applies;
 * rejection applies nothing. Either way the decision is recorded once (approvals has one row per
 * import) and in the audit log.
 */
export async function decideImport(deps: AuditDeps, schoolId: string, importId: string, decision: 'approve' | 'reject', decidedBy: string, comment: string | null): Promise<Result<Omit<ImportReport, 'accepted'> & { decision: string }>> {
  const { db } = deps;
  const now = deps.now();
  const held = await getImport(db, importId);
  if (!held || held.schoolId !== schoolId) return err('not_found', `No HR import ${importId} for this school`);
  if (held.status !== 'held' || !held.records) return err('conflict', `HR import ${importId} is ${held.status}, not held: there is nothing to decide`);
  const approval = db
    .prepare('INSERT INTO approvals (id, school_id, subject_type, subject_id, decision, decided_by, comment, decided_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)')
    .bind(crypto.randomUUID(), schoolId, 'hr-import', importId, decision === 'approve' ? 'approved' : 'rejected', decidedBy, comment, now.toISOString());
  const audit = appendAuditLogStatement(db, { schoolId, actor: decidedBy, action: `hr-import.${decision === 'approve' ? 'approved' : 'rejected'}`, targetType: 'hr-import', targetId: importId, policyRef: 'leavers.breaker', outcome: 'applied', before: { reason: held.heldReason }, after: { comment } }, now);
  const base = { importId, rejected: held.rejected, held: false, reason: held.heldReason, decision };

  if (decision === 'reject') {
    const done = await once(db, importId, () => db.batch([decideImportStatement(db, importId, 'cancelled', null, now), approval, audit]));
    if (!done.ok) return done;
    return ok({ ...base, status: 'cancelled', actions: held.actions, enqueued: 0 });
  }
  const profile = await getActiveProfile(db, schoolId);
  if (!profile) return err('not_configured', `School ${schoolId} has no policy profile`);
  const planned = await planFor(deps, schoolId, held.records, { fullFeed: false, rows: held.rowCount }, true);
  if (!planned.ok) return planned;
  // The approval row is unique per import, so a double-click cannot apply the import twice.
  const applied = await once(db, importId, () =>
    applyPlan(deps, { importId, schoolId, records: held.records ?? [], plan: planned.value, profile: profile.profile, now, record: [approval, decideImportStatement(db, importId, 'approved', planned.value.actions, now), audit] }),
  );
  if (!applied.ok) return applied;
  return ok({ ...base, status: 'approved', actions: planned.value.actions, enqueued: applied.value.enqueued });
}

/**
 * Two presses at once (the card and the dashboard, or a double-click) both find the import held;
 * the second one's batch then fails on the approval row, which is unique per import. That is the
 * same answer as a press after the decision, not a bug, so it comes back as a conflict.
 */
async function once<T>(db: D1Database, importId: string, work: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await work());
  } catch (error) {
    const now = await getImport(db, importId);
    if (now && now.status !== 'held') return err('conflict', `HR import ${importId} is ${now.status}, not held: there is nothing to decide`);
    throw error;
  }
}
