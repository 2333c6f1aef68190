import type { AuditRun } from '../../storage/runs.ts';
import { openFindingsOfRun } from '../../storage/findings.ts';
import { getProfile } from '../../storage/profiles.ts';
import { insertActionStatement } from '../../storage/remediations.ts';
import type { AuditDeps } from '../audit/deps.ts';
import { remediationParams } from './params.ts';

/**
 * Turns a finished run's open findings into remediation actions by the profile's mode: `approve`
 * waits for a person, `auto` is queued at once, `report` does nothing. Re-planning the same run
 * creates nothing new (one live action per finding, idempotency key per run).
 */
export async function planRemediations(deps: AuditDeps, run: AuditRun): Promise<{ planned: number; queued: string[] }> {
  const { db } = deps;
  const profile = await getProfile(db, run.profileId);
  if (!profile) return { planned: 0, queued: [] };
  const now = deps.now();
  const created: { id: string; status: 'approved' | 'pending-approval' }[] = [];
  // Pages of 100: each page is one D1 batch (one transaction), and nothing is truncated however large the school.
  for await (const page of openFindingsOfRun(db, run.schoolId, run.id, 100)) {
    const candidates = page
      .filter((f) => f.remediation.available && f.remediation.action && f.remediation.mode !== 'report')
      .map((f) => ({
        id: crypto.randomUUID(),
        schoolId: run.schoolId,
        findingId: f.id,
        checkId: f.checkId,
        action: f.remediation.action ?? '',
        mode: f.remediation.mode,
        dryRun: run.dryRun,
        status: f.remediation.mode === 'auto' ? ('approved' as const) : ('pending-approval' as const),
        params: remediationParams(f.checkId, profile.profile, now),
        requestedBy: `audit-run:${run.id}`,
        idempotencyKey: `${f.id}|${f.remediation.action ?? ''}|${run.id}`,
      }));
    if (candidates.length === 0) continue;
    const results = await db.batch(candidates.map((c) => insertActionStatement(db, c, now)));
    created.push(...candidates.filter((_, i) => (results[i]?.meta.changes ?? 0) > 0));
  }
  const queued = created.filter((c) => c.status === 'approved').map((c) => c.id);
  if (queued.length) await deps.queue.send(queued.map((actionId) => ({ kind: 'remediation.run', actionId })));
  if (created.length) deps.log.info('remediations_planned', { runId: run.id, planned: created.length, queued: queued.length });
  return { planned: created.length, queued };
}
