import { err, ok, type Result } from '../../domain/result.ts';
import { getFinding } from '../../storage/findings.ts';
import { getActiveProfile } from '../../storage/profiles.ts';
import { getAction, insertActionStatement, transitionAction, type RemediationAction } from '../../storage/remediations.ts';
import type { AuditDeps } from '../audit/deps.ts';
import { remediationParams } from './params.ts';

/**
 * An admin's decision on a held action. Deciding twice is harmless: the second call finds the
 * action no longer pending and reports the state it is in.
 */
export async function decideRemediation(deps: AuditDeps, input: { schoolId: string; actionId: string; decision: 'approved' | 'rejected'; by: string; comment?: string }): Promise<Result<RemediationAction>> {
  const { db } = deps;
  const action = await getAction(db, input.actionId);
  if (!action || action.schoolId !== input.schoolId) return err('not_found', `No remediation ${input.actionId} for this school`);
  const now = deps.now();
  const moved = await transitionAction(db, action.id, ['pending-approval'], input.decision, now);
  if (!moved) return action.status === input.decision ? ok(action) : err('conflict', `This action is already ${action.status}; nothing was changed.`);
  await db
    .prepare("INSERT INTO approvals (id, school_id, subject_type, subject_id, decision, decided_by, comment, decided_at) VALUES (?1, ?2, 'remediation', ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING")
    .bind(crypto.randomUUID(), input.schoolId, action.id, input.decision, input.by, input.comment ?? null, now.toISOString())
    .run();
  if (input.decision === 'approved') await deps.queue.send([{ kind: 'remediation.run', actionId: action.id }]);
  deps.log.info('remediation_decided', { actionId: action.id, decision: input.decision, by: input.by });
  return ok({ ...action, status: input.decision });
}

/** An admin asks for a finding to be fixed now (or previewed with dryRun), whatever the profile's mode. */
export async function requestRemediation(deps: AuditDeps, input: { schoolId: string; findingId: string; by: string; dryRun: boolean }): Promise<Result<{ actionId: string }>> {
  const { db } = deps;
  const finding = await getFinding(db, input.schoolId, input.findingId);
  if (!finding) return err('not_found', `No finding ${input.findingId} for this school`);
  if (finding.status !== 'open') return err('conflict', `This finding is ${finding.status}; only open findings can be remediated.`);
  if (!finding.remediation.available || !finding.remediation.action) return err('conflict', 'Tutela cannot fix this automatically; the finding explains what to do.');
  const profile = await getActiveProfile(db, input.schoolId);
  if (!profile) return err('not_configured', 'This school has no policy profile.');
  const id = crypto.randomUUID();
  const now = deps.now();
  const res = await insertActionStatement(
    db,
    {
      id,
      schoolId: input.schoolId,
      findingId: finding.id,
      checkId: finding.checkId,
      action: finding.remediation.action,
      mode: finding.remediation.mode,
      dryRun: input.dryRun,
      status: 'approved',
      params: remediationParams(finding.checkId, profile.profile, now),
      requestedBy: input.by,
      idempotencyKey: `${finding.id}|${finding.remediation.action}|manual|${id}`,
    },
    now,
  ).run();
  if (res.meta.changes === 0) return err('conflict', 'An action for this finding is already waiting or running.');
  await deps.queue.send([{ kind: 'remediation.run', actionId: id }]);
  return ok({ actionId: id });
}
