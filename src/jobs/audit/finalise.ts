import type { CheckId } from '../../domain/checks/ids.ts';
import { resolveUnseen } from '../../storage/findings.ts';
import { getConnection } from '../../storage/connections.ts';
import { batchResults, claimFinalise, countOpenBatches, getBatch, getRun, type RunError, type RunStatus } from '../../storage/runs.ts';
import { planRemediations } from '../remediation/plan.ts';
import type { AuditDeps } from './deps.ts';
import { summariseRun } from './summary.ts';

/** Checks judged from tenant-wide settings (batch 0); the rest are judged per mailbox. */
const TENANT_CHECKS: ReadonlySet<CheckId> = new Set(['disclaimer.missing', 'forwarding.tenant-policy', 'retention.policy-missing', 'accounts.leaver-active']);

/**
 * Checks about a message already sent. Each run reads only mail sent since the last audit, so the
 * next run never sees that message again: its absence is no evidence of a fix, and the finding stays
 * open until someone deals with it (accepts the risk, or tells the sender).
 */
const SENT_MAIL_CHECKS: ReadonlySet<CheckId> = new Set(['attachments.oversize', 'recipients.exposed']);

/**
 * Called after every batch; does the closing work once the last batch is in. Resolution and
 * remediation planning are idempotent and the status flip comes last, so a crash part-way leaves
 * the run "running" for the next caller (or the hourly sweep) to finish.
 */
export async function finaliseRunIfDone(deps: AuditDeps, runId: string): Promise<void> {
  const { db } = deps;
  if ((await countOpenBatches(db, runId)) > 0) return;
  const run = await getRun(db, runId);
  const connection = run ? await getConnection(db, run.connectionId) : null;
  if (!run || !connection || run.status !== 'running') return;
  const now = deps.now();

  const batches = await batchResults(db, runId);
  const warnings: RunError[] = [...run.warnings];
  const errors: RunError[] = [];
  const unreadSubjects = new Set<string>();
  for (const b of batches) {
    if (b.result?.error) errors.push(b.result.error);
    for (const u of b.result?.unread ?? []) {
      unreadSubjects.add(u.userId);
      const entry = { code: u.code, message: `${u.email}: ${u.message}`, ...(u.permission ? { permission: u.permission } : {}) };
      // A user deleted mid-run is a warning; a permission we lack is an error the IT provider must fix.
      (u.code === 'not_found' ? warnings : errors).push(entry);
    }
  }
  const failed = batches.filter((b) => b.status === 'failed');
  // Not seeing a finding in a batch we could not read is no evidence that it is fixed.
  for (const b of failed) {
    const batch = await getBatch(db, runId, b.batchNo);
    if (batch?.subjects.kind === 'mailboxes') batch.subjects.userIds.forEach((id) => unreadSubjects.add(id));
  }
  const tenantFailed = failed.some((b) => b.batchNo === 0);
  const resolvable = run.checks.filter((c) => !SENT_MAIL_CHECKS.has(c) && !(tenantFailed && TENANT_CHECKS.has(c)));
  const resolved = await resolveUnseen(db, { schoolId: run.schoolId, provider: connection.provider, runId, checkIds: resolvable, unreadSubjects: [...unreadSubjects], now });

  await planRemediations(deps, run);
  const status: RunStatus = failed.length === batches.length ? 'failed' : errors.length > 0 || failed.length > 0 ? 'partial' : 'completed';
  const summary = await summariseRun(db, run, { resolved, unread: unreadSubjects.size, batches });
  if (await claimFinalise(db, runId, status, summary, warnings, errors, now)) {
    deps.log.info('audit_run_finished', { runId, status, findings: summary.findings, resolved, errors: errors.length, warnings: warnings.length });
  }
}
