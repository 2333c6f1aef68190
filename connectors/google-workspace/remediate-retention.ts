import { listIncludes } from '../../src/domain/audit/addresses.ts';
import type { RemediationOutcome, RemediationRequest } from '../../src/domain/ports/tenant-connector.ts';
import { err, ok, type Result } from '../../src/domain/result.ts';
import { sendBatch } from './batch.ts';
import { gmailUserPath, type GoogleContext } from './context.ts';
import { pageLists } from './mail-lists.ts';
import { epochSeconds } from './message-facts.ts';
import { GMAIL_COST } from './quota.ts';
import { SCOPE } from './scopes.ts';

/** batchModify takes at most 1,000 ids per call. */
const MODIFY_CHUNK = 1000;

/**
 * trash-overdue-mail: adds the TRASH label to every message older than the cut-off, 1,000 ids per
 * batchModify. Gmail empties the Bin after 30 days, so until then every message can be restored;
 * Tutela never deletes permanently. Hold-exempt mailboxes (params.holdExemptions) are left alone.
 * Messages already in the Bin are not listed, so a second run finds nothing to do.
 */
export async function trashOverdueMail(ctx: GoogleContext, r: RemediationRequest, o: { dryRun: boolean }): Promise<Result<RemediationOutcome>> {
  const user = r.subject.email ?? r.subject.id;
  const cutoffRaw = typeof r.params.cutoff === 'string' ? Date.parse(r.params.cutoff) : NaN;
  if (Number.isNaN(cutoffRaw)) return err('invalid_input', 'trash-overdue-mail needs params.cutoff (an ISO date)');
  const cutoff = new Date(cutoffRaw);
  const exemptions = Array.isArray(r.params.holdExemptions) ? r.params.holdExemptions.filter((x): x is string => typeof x === 'string') : [];
  if (listIncludes(exemptions, user)) {
    return ok({ changed: false, before: { exempt: true }, after: { exempt: true }, description: `${user} is exempt from the retention rule in the policy; nothing was moved.` });
  }
  const listed = await pageLists(ctx, user, [{ q: `before:${epochSeconds(cutoff)}`, what: `list ${user}'s mail older than ${cutoff.toISOString().slice(0, 10)}` }]);
  if (!listed.ok) return listed;
  const ids = listed.value.ids[0] ?? [];
  const before = { overdueCount: ids.length, cutoff: cutoff.toISOString() };
  if (ids.length === 0) return ok({ changed: false, before, after: before, description: `${user} holds no mail older than ${cutoff.toISOString().slice(0, 10)}.` });
  const words = `${ids.length.toLocaleString('en-GB')} messages older than ${cutoff.toISOString().slice(0, 10)}`;
  if (o.dryRun) return ok({ changed: true, before, after: { overdueCount: 0, cutoff: before.cutoff, movedToBin: ids.length }, description: `Would move ${user}'s ${words} to the Bin (dry run: nothing changed).` });
  const chunks = Array.from({ length: Math.ceil(ids.length / MODIFY_CHUNK) }, (_, i) => ids.slice(i * MODIFY_CHUNK, (i + 1) * MODIFY_CHUNK));
  const answers = await sendBatch(
    ctx.core,
    ctx.config.endpoints.gmail,
    user,
    chunks.map((chunk) => ({
      method: 'POST' as const,
      path: `${gmailUserPath(user)}/messages/batchModify`,
      body: { ids: chunk, addLabelIds: ['TRASH'] },
      scope: SCOPE.modify,
      units: GMAIL_COST['messages.batchModify'],
      what: `move ${user}'s overdue mail to the Bin`,
    })),
  );
  const failed = answers.find((a) => !a.ok);
  if (failed && !failed.ok) return failed;
  const recount = await pageLists(ctx, user, [{ q: `before:${epochSeconds(cutoff)}`, what: `recount ${user}'s overdue mail` }]);
  const left = recount.ok ? (recount.value.ids[0]?.length ?? 0) : null;
  return ok({
    changed: true,
    before,
    after: { overdueCount: left, cutoff: before.cutoff, movedToBin: ids.length },
    description: `Moved ${user}'s ${words} to the Bin, where they can be restored for 30 days.`,
  });
}
