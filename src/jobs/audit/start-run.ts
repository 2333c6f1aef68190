import { checkIds, type CheckId } from '../../domain/checks/ids.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import { getConnection } from '../../storage/connections.ts';
import { getCursor, setCursorStatement } from '../../storage/cursors.ts';
import { applyDirectoryPage, listDirectoryUsers } from '../../storage/directory.ts';
import { getActiveProfile } from '../../storage/profiles.ts';
import { createRun, failRunAtStart, type BatchSubjects, type RunError, type RunTrigger } from '../../storage/runs.ts';
import { MAILBOXES_PER_BATCH, type AuditDeps } from './deps.ts';

export interface StartRunInput {
  /** Chosen by the caller when it must answer before the run starts (the API's 202). */
  runId?: string;
  schoolId: string;
  connectionId: string;
  trigger: RunTrigger;
  checks?: CheckId[];
  dryRun?: boolean;
}

export interface StartedRun {
  runId: string;
  batches: number;
  mailboxes: number;
  checks: CheckId[];
}

/**
 * Starts an audit: reads the directory (delta when a cursor is stored), splits mailboxes into queue
 * batches and enqueues them. The batches do the slow work; this stays within one request's budget.
 */
export async function startAuditRun(deps: AuditDeps, input: StartRunInput): Promise<Result<StartedRun>> {
  const { db } = deps;
  const connection = await getConnection(db, input.connectionId);
  if (!connection || connection.schoolId !== input.schoolId) return err('not_found', `No connection ${input.connectionId} for school ${input.schoolId}`);
  const profile = await getActiveProfile(db, input.schoolId);
  if (!profile) return err('not_configured', 'This school has no policy profile yet: upload one before auditing.');
  const connector = deps.connectorFor(connection);
  if (!connector.ok) return connector;

  const requested = input.checks ?? [...checkIds];
  const hasRoster = (await db.prepare('SELECT 1 FROM hr_staff WHERE school_id = ?1 LIMIT 1').bind(input.schoolId).first()) !== null;
  // accounts.leaver-active is judged by the pipeline from the HR roster, not read by the connector:
  // without a roster it would report nobody, which reads as "all clear", so it is skipped and said.
  const supported = (c: CheckId) => (c === 'accounts.leaver-active' ? hasRoster : connector.value.capabilities.checks.has(c));
  const checks = requested.filter(supported);
  const warnings: RunError[] = requested
    .filter((c) => !supported(c))
    .map((c) =>
      c === 'accounts.leaver-active'
        ? { code: 'needs_hr_feed', message: 'accounts.leaver-active needs the HR feed: no staff list has been imported for this school yet' }
        : { code: 'unsupported_check', message: `${c} is not available for ${connection.provider}; see docs/checks.md` },
    );
  const runId = input.runId ?? crypto.randomUUID();
  const base = { id: runId, schoolId: input.schoolId, connectionId: connection.id, profileId: profile.id, trigger: input.trigger, checks, dryRun: input.dryRun ?? false };

  const cursor = await getCursor(db, connection.id, 'directory');
  const page = await connector.value.readDirectory(cursor);
  if (!page.ok) {
    await failRunAtStart(db, { ...base, error: { code: page.error.code, message: page.error.message } }, deps.now());
    return page;
  }
  const cursorWrite = page.value.cursor ? [setCursorStatement(db, connection.id, 'directory', page.value.cursor, deps.now())] : [];
  if (page.value.domains?.length) cursorWrite.push(setCursorStatement(db, connection.id, 'tenant-domains', JSON.stringify(page.value.domains), deps.now()));
  await applyDirectoryPage(db, connection.id, page.value, deps.now(), cursorWrite);
  // Partial directory data (no sign-in dates, no mailbox kinds) does not stop the run, but its report says so.
  warnings.push(...(page.value.warnings ?? []).map((message) => ({ code: 'directory_incomplete', message })));

  const users = await listDirectoryUsers(db, connection.id);
  const batches: BatchSubjects[] = [{ kind: 'tenant' }];
  const perBatch = connector.value.capabilities.mailboxesPerBatch ?? MAILBOXES_PER_BATCH;
  for (let i = 0; i < users.length; i += perBatch) {
    batches.push({ kind: 'mailboxes', userIds: users.slice(i, i + perBatch).map((u) => u.id) });
  }
  await createRun(db, { ...base, batches, mailboxes: users.length, warnings }, deps.now());
  await deps.queue.send(batches.map((_, batchNo) => ({ kind: 'audit.batch', runId, batchNo })));
  deps.log.info('audit_run_started', { runId, schoolId: input.schoolId, provider: connection.provider, mailboxes: users.length, batches: batches.length, delta: !page.value.full });
  return ok({ runId, batches: batches.length, mailboxes: users.length, checks });
}
