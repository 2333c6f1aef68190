import { checkPolicyFromProfile } from '../../domain/audit/policy-from-profile.ts';
import { evaluateMailboxes, evaluateTenant } from '../../domain/audit/evaluate.ts';
import type { Finding } from '../../domain/findings/finding.ts';
import type { AuditScope } from '../../domain/ports/tenant-connector.ts';
import { getConnection } from '../../storage/connections.ts';
import { getCursor } from '../../storage/cursors.ts';
import { readJson } from '../../storage/json.ts';
import { z } from 'zod';
import { listDirectoryUsers } from '../../storage/directory.ts';
import { upsertFindings } from '../../storage/findings.ts';
import { checkLeaverActive } from '../../domain/audit/checks/accounts-leaver.ts';
import { currentStaffEmails, listHrStaff } from '../../storage/hr-staff.ts';
import { getProfile } from '../../storage/profiles.ts';
import { finishBatch, getBatch, getRun, lastFinishedRun, type BatchResult } from '../../storage/runs.ts';
import { LAST_DELIVERY } from '../job-queue.ts';
import type { AuditDeps } from './deps.ts';
import { finaliseRunIfDone } from './finalise.ts';

const WEEK = 7 * 86_400_000;

/** Raised for failures worth a queue retry (throttling, upstream hiccups); the queue backs off and redelivers. */
export class RetryableBatchError extends Error {}

/**
 * Audits one batch. Safe to run twice: findings upsert by stable id and the batch is marked done
 * only once, so a redelivered message changes nothing.
 */
export async function runAuditBatch(deps: AuditDeps, runId: string, batchNo: number, attempt: number): Promise<void> {
  const { db } = deps;
  const run = await getRun(db, runId);
  const batch = await getBatch(db, runId, batchNo);
  if (!run || !batch) {
    deps.log.error('audit_batch_unknown', { runId, batchNo });
    return;
  }
  if (batch.status !== 'queued' || run.status !== 'running') return;

  const [connection, profile] = await Promise.all([getConnection(db, run.connectionId), getProfile(db, run.profileId)]);
  if (!connection || !profile) throw new Error(`run ${runId} points at a missing connection or profile`);
  const connector = deps.connectorFor(connection);
  const now = deps.now();
  const fail = async (result: BatchResult) => {
    if (await finishBatch(db, runId, batchNo, 'failed', result, now)) await finaliseRunIfDone(deps, runId);
  };
  if (!connector.ok) return fail({ findings: 0, unread: [], retentionExemptions: [], error: { code: connector.error.code, message: connector.error.message, batchNo } });

  const previous = await lastFinishedRun(db, connection.id);
  const months = profile.profile.retention.months;
  const scope: AuditScope = {
    checks: new Set(run.checks),
    now,
    sentSince: previous ? new Date(previous.startedAt) : new Date(now.getTime() - WEEK),
    retentionCutoff: months === null ? null : monthsBefore(now, months),
  };
  const tenantDomains = (await getCursor(db, connection.id, 'tenant-domains')) ?? '[]';
  const policy = checkPolicyFromProfile(profile.profile, connection.provider, connector.value.capabilities.actions, readJson(z.array(z.string()), tenantDomains, 'connector_cursors.tenant-domains'));

  let findings: Finding[];
  let result: BatchResult;
  if (batch.subjects.kind === 'tenant') {
    const tenant = await connector.value.readTenant(scope);
    if (!tenant.ok) return retryOrFail(tenant.error);
    const users = await listDirectoryUsers(db, connection.id);
    findings = evaluateTenant(tenant.value, users, policy, scope.checks, connector.value.tenantId);
    if (scope.checks.has('accounts.leaver-active')) findings.push(...checkLeaverActive(users, await listHrStaff(db, run.schoolId), policy, now));
    result = { findings: findings.length, unread: [], retentionExemptions: [] };
  } else {
    const users = await listDirectoryUsers(db, connection.id, { ids: batch.subjects.userIds });
    const read = await connector.value.readMailboxes(users, scope);
    if (!read.ok) return retryOrFail(read.error);
    const verdict = evaluateMailboxes(read.value.snapshots, policy, scope.checks, { now, currentStaffEmails: await currentStaffEmails(db, run.schoolId) });
    findings = verdict.findings;
    // Throttling that outlasted the connector's own retries: redeliver rather than lose the mailbox.
    if (read.value.unread.some((u) => u.code === 'throttled') && attempt < LAST_DELIVERY) {
      throw new RetryableBatchError(`batch ${batchNo} of run ${runId}: mailboxes still throttled`);
    }
    result = { findings: findings.length, unread: read.value.unread, retentionExemptions: verdict.retentionExemptions };
  }
  await upsertFindings(db, { schoolId: run.schoolId, runId, findings, now });
  if (await finishBatch(db, runId, batchNo, 'done', result, now)) await finaliseRunIfDone(deps, runId);

  async function retryOrFail(error: { code: string; message: string; details?: unknown }): Promise<void> {
    const transient = error.code === 'throttled' || error.code === 'upstream_failed';
    if (transient && attempt < LAST_DELIVERY) throw new RetryableBatchError(`batch ${batchNo} of run ${runId}: ${error.message}`);
    const permission = typeof error.details === 'object' && error.details !== null && 'permission' in error.details ? String((error.details).permission) : undefined;
    await fail({ findings: 0, unread: [], retentionExemptions: [], error: { code: error.code, message: error.message, batchNo, ...(permission ? { permission } : {}) } });
  }
}

/** Calendar months back (12 months before 23 Nov 2026 is 23 Nov 2025), clamped to month ends. */
export function monthsBefore(date: Date, months: number): Date {
  const d = new Date(date.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d;
}
