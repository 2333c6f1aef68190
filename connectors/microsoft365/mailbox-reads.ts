import { z } from 'zod';
import type { SentMessage } from '../../src/domain/audit/snapshot.ts';
import { ok, type Result } from '../../src/domain/result.ts';
import type { MsContext } from './context.ts';
import { idOnlySchema, messageRuleSchema, sentMessageSchema, addressesOf, type GraphMessageRule } from './wire.ts';

/** The Graph reads behind one mailbox snapshot; each goes through the batcher. */

const MAIL_READ = 'Mail.Read';
export const SETTINGS_READ = 'MailboxSettings.Read';
const SENT_PAGE = 200;

const userPath = (id: string): string => `/users/${encodeURIComponent(id)}`;
/** Graph wants an ISO instant without milliseconds in $filter. */
const odataDate = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function readRules(ctx: MsContext, userId: string): Promise<Result<GraphMessageRule[]>> {
  return ctx.graph
    .batchedAll({ method: 'GET', url: `${userPath(userId)}/mailFolders/inbox/messageRules`, mailbox: userId, what: 'read inbox rules', permission: SETTINGS_READ }, messageRuleSchema)
    .then((r) => (r.ok ? ok(r.value.items) : r));
}

export async function readDeletedItemsId(ctx: MsContext, userId: string): Promise<Result<string>> {
  const res = await ctx.graph.batched({ method: 'GET', url: `${userPath(userId)}/mailFolders/deleteditems?$select=id`, mailbox: userId, what: 'find the Deleted Items folder', permission: MAIL_READ });
  if (!res.ok) return res;
  const parsed = idOnlySchema.safeParse(res.value.body);
  return parsed.success ? ok(parsed.data.id) : { ok: false, error: { code: 'upstream_failed', message: 'Graph answered the Deleted Items folder without an id' } };
}

/** Sent Items metadata since `since`: recipients and attachment names and sizes, never bodies. */
export async function readSent(ctx: MsContext, userId: string, since: Date): Promise<Result<SentMessage[]>> {
  const query = `$filter=${encodeURIComponent(`sentDateTime ge ${odataDate(since)}`)}&$select=id,sentDateTime,toRecipients,ccRecipients,hasAttachments&$expand=attachments($select=name,size)&$top=${SENT_PAGE}`;
  const res = await ctx.graph.batchedAll({ method: 'GET', url: `${userPath(userId)}/mailFolders/sentitems/messages?${query}`, mailbox: userId, what: 'read Sent Items metadata', permission: MAIL_READ }, sentMessageSchema);
  if (!res.ok) return res;
  return ok(
    res.value.items.map((m) => {
      const sizes = (m.attachments ?? []).map((a) => a.size ?? 0);
      return {
        id: m.id,
        sentAt: m.sentDateTime ?? '',
        visibleRecipients: [...addressesOf(m.toRecipients), ...addressesOf(m.ccRecipients)],
        attachmentCount: sizes.length,
        attachmentBytes: sizes.reduce((a, b) => a + b, 0),
        largestAttachmentBytes: sizes.length ? Math.max(...sizes) : 0,
      };
    }),
  );
}

const countOf = (body: unknown): number | null => {
  const count = (body as { '@odata.count'?: unknown } | null)?.['@odata.count'];
  return typeof count === 'number' ? count : null;
};

/**
 * Counts overdue mail without reading it: everything received before the cut-off minus what is
 * already in Deleted Items (so a remediated mailbox reads as compliant). Two one-row $count queries
 * that travel in the same batch; simple filters, which Exchange-backed $count handles reliably.
 */
export async function countOverdue(ctx: MsContext, userId: string, cutoff: Date): Promise<Result<number>> {
  const filter = `$filter=${encodeURIComponent(`receivedDateTime lt ${odataDate(cutoff)}`)}&$count=true&$top=1&$select=id`;
  const call = { method: 'GET' as const, mailbox: userId, headers: { ConsistencyLevel: 'eventual' }, what: 'count mail older than the retention period', permission: MAIL_READ };
  const [all, deleted] = await Promise.all([
    ctx.graph.batched({ ...call, url: `${userPath(userId)}/messages?${filter}` }),
    ctx.graph.batched({ ...call, url: `${userPath(userId)}/mailFolders/deleteditems/messages?${filter}` }),
  ]);
  if (!all.ok) return all;
  if (!deleted.ok) return deleted;
  const total = countOf(all.value.body);
  const inDeleted = countOf(deleted.value.body);
  if (total === null || inDeleted === null) return { ok: false, error: { code: 'upstream_failed', message: 'Graph answered an overdue count without @odata.count' } };
  return ok(Math.max(0, total - inDeleted));
}

const folderRowSchema = idOnlySchema.extend({ parentFolderId: z.string().nullable().optional() });

/** Ids of overdue messages outside Deleted Items (for remediation), 1000 per page. */
export async function listOverdue(ctx: MsContext, userId: string, cutoff: Date, deletedItemsId: string): Promise<Result<string[]>> {
  const url = `${userPath(userId)}/messages?$filter=${encodeURIComponent(`receivedDateTime lt ${odataDate(cutoff)}`)}&$select=id,parentFolderId&$top=1000`;
  const res = await ctx.graph.batchedAll({ method: 'GET', url, mailbox: userId, what: 'list mail older than the retention period', permission: MAIL_READ }, folderRowSchema);
  return res.ok ? ok(res.value.items.filter((m) => m.parentFolderId !== deletedItemsId).map((m) => m.id)) : res;
}
