import { setFindingStatus, getFinding } from '../../storage/findings.ts';
import { appendAuditLogStatement } from '../../storage/audit-log.ts';
import { getConnection, listConnections } from '../../storage/connections.ts';
import { getAction, transitionAction, transitionActionStatement } from '../../storage/remediations.ts';
import type { AuditDeps } from '../audit/deps.ts';

/** Raised when the tenant was busy; the queue redelivers and the connector's check-before-act keeps it safe. */
export class RetryableRemediationError extends Error {}

/**
 * Carries out one approved action. The connector reads before it writes, so a redelivery after a
 * crash finds the change already made and records "already-compliant" instead of acting twice.
 */
export async function runRemediation(deps: AuditDeps, actionId: string): Promise<void> {
  const { db } = deps;
  const action = await getAction(db, actionId);
  if (!action) return deps.log.error('remediation_unknown', { actionId });
  if (!(await transitionAction(db, actionId, ['approved', 'running'], 'running', deps.now()))) return;

  const finding = action.findingId ? await getFinding(db, action.schoolId, action.findingId) : null;
  const connections = await listConnections(db, action.schoolId);
  const connection = (finding && connections.find((c) => c.provider === finding.provider)) ?? connections[0];
  const full = connection ? await getConnection(db, connection.id) : null;
  const connector = full ? deps.connectorFor(full) : null;
  const now = deps.now();
  const logBase = {
    schoolId: action.schoolId,
    actor: action.requestedBy,
    action: action.action,
    targetType: action.checkId,
    targetId: finding ? `${finding.subject.email ?? finding.subject.id}${finding.subject.item ? `#${finding.subject.item}` : ''}` : action.id,
    policyRef: finding?.policyRef ?? null,
    dryRun: action.dryRun,
    correlationId: action.id,
  };
  if (!finding || !connector?.ok) {
    const message = !finding ? 'the finding no longer exists' : connector && !connector.ok ? connector.error.message : 'no connection for this school';
    await db.batch([
      transitionActionStatement(db, actionId, 'failed', now, { error: message }),
      appendAuditLogStatement(db, { ...logBase, outcome: 'failed', after: { error: message } }, now),
    ]);
    return;
  }

  const outcome = await connector.value.remediate({ action: action.action, subject: finding.subject, params: action.params, policyRef: finding.policyRef }, { dryRun: action.dryRun });
  if (!outcome.ok) {
    if (outcome.error.code === 'throttled' || outcome.error.code === 'upstream_failed') {
      await transitionAction(db, actionId, ['running'], 'approved', now);
      throw new RetryableRemediationError(`${action.action} for ${logBase.targetId}: ${outcome.error.message}`);
    }
    await db.batch([
      transitionActionStatement(db, actionId, 'failed', now, { error: outcome.error }),
      appendAuditLogStatement(db, { ...logBase, outcome: 'failed', after: { error: outcome.error.message } }, now),
    ]);
    return;
  }
  const { changed, before, after, description } = outcome.value;
  const logOutcome = action.dryRun ? 'dry-run' : changed ? 'applied' : 'already-compliant';
  await db.batch([
    transitionActionStatement(db, actionId, 'done', now, { changed, description, dryRun: action.dryRun }),
    appendAuditLogStatement(db, { ...logBase, outcome: logOutcome, before, after }, now),
  ]);
  if (action.dryRun) return;
  await setFindingStatus(db, { schoolId: action.schoolId, id: finding.id, status: 'remediated', note: description, now });
  if (changed && finding.subject.email) {
    const sent = await deps.notifier.notify({
      schoolId: action.schoolId,
      email: finding.subject.email,
      title: 'A change was made to your school email account',
      text: `${description} This follows the school's email policy (${finding.policyRef}). If you have questions, ask the bot or your School Business Manager.`,
      policyRef: finding.policyRef,
    });
    if (!sent.ok) deps.log.warn('person_notification_failed', { actionId, code: sent.error.code });
  }
}
