import type { RemediationOutcome, RemediationRequest } from '../../src/domain/ports/tenant-connector.ts';
import { err, ok, type Result } from '../../src/domain/result.ts';
import type { MsContext } from './context.ts';
import { listOverdue, readDeletedItemsId } from './mailbox-reads.ts';
import { getMailbox } from './remediate-mailbox.ts';
import { TenantMailboxes } from './exchange-mailboxes.ts';

type Options = { dryRun: boolean };

function cutoffOf(params: Record<string, unknown>): Date | null {
  const raw = params.cutoff;
  if (typeof raw !== 'string') return null;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? null : new Date(at);
}

/**
 * move-overdue-to-deleted-items: messages received before the cut-off move to Deleted Items, where
 * they stay recoverable. A mailbox on hold is never touched. Moves travel in $batch requests and
 * respect the mailbox's concurrency limit; a message that fails to move is counted, not hidden.
 */
export async function moveOverdueToDeletedItems(ctx: MsContext, r: RemediationRequest, o: Options): Promise<Result<RemediationOutcome>> {
  const cutoff = cutoffOf(r.params);
  if (!cutoff) return err('invalid_input', 'move-overdue-to-deleted-items needs params.cutoff (an ISO date-time)');
  const who = r.subject.email ?? r.subject.id;
  const mailbox = await getMailbox(ctx, who);
  if (!mailbox.ok) return mailbox;
  const facts = new TenantMailboxes([mailbox.value]).facts(mailbox.value);
  if (facts.onHold) {
    return ok({ changed: false, before: { onHold: true }, after: { onHold: true }, description: `${who} is on hold, so its old mail is kept whatever the retention period.` });
  }
  const deletedId = await readDeletedItemsId(ctx, r.subject.id);
  if (!deletedId.ok) return deletedId;
  const ids = await listOverdue(ctx, r.subject.id, cutoff, deletedId.value);
  if (!ids.ok) return ids;
  const before = { overdue: ids.value.length, cutoff: cutoff.toISOString() };
  if (ids.value.length === 0) return ok({ changed: false, before, after: before, description: `${who} holds no mail older than ${cutoff.toISOString().slice(0, 10)} outside Deleted Items.` });
  if (o.dryRun) {
    return ok({ changed: true, before, after: { overdue: 0, wouldMove: ids.value.length, cutoff: before.cutoff }, description: `Would move ${ids.value.length} messages older than ${before.cutoff.slice(0, 10)} in ${who} to Deleted Items (dry run: nothing changed).` });
  }
  const results = await Promise.all(
    ids.value.map((id) =>
      ctx.graph.batched({
        method: 'POST',
        url: `/users/${encodeURIComponent(r.subject.id)}/messages/${encodeURIComponent(id)}/move`,
        mailbox: r.subject.id,
        body: { destinationId: 'deleteditems' },
        what: 'move a message to Deleted Items',
        permission: 'Mail.ReadWrite',
      }),
    ),
  );
  const moved = results.filter((x) => x.ok).length;
  const failures = results.flatMap((x) => (x.ok ? [] : [x.error]));
  const forbidden = failures.find((e) => e.code === 'upstream_forbidden');
  if (moved === 0 && forbidden) return { ok: false, error: forbidden };
  return ok({
    changed: moved > 0,
    before,
    after: { overdue: ids.value.length - moved, moved, failed: failures.length, cutoff: before.cutoff },
    description: `Moved ${moved} of ${ids.value.length} messages older than ${before.cutoff.slice(0, 10)} in ${who} to Deleted Items, where they can still be recovered for a while.${failures.length ? ` ${failures.length} could not be moved (${failures[0]?.message ?? ''}); the next run will try again.` : ''}`,
  });
}
