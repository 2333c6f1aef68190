import type { CheckId } from '../../src/domain/checks/ids.ts';
import type { DirectoryUser, MailboxSnapshot, SentMessage } from '../../src/domain/audit/snapshot.ts';
import type { AuditScope } from '../../src/domain/ports/tenant-connector.ts';
import { err, ok, type AppErrorData, type Result } from '../../src/domain/result.ts';
import { sendBatch, type BatchItem } from './batch.ts';
import { gmailUserPath, type GoogleContext } from './context.ts';
import { toMailRule } from './filters.ts';
import { firstFailure, pageLists, type ListJob } from './mail-lists.ts';
import { attachmentsOf, epochSeconds, isoFromInternalDate, METADATA_FIELDS, PARTS_FIELDS, recipientsOf } from './message-facts.ts';
import { GMAIL_COST } from './quota.ts';
import { SCOPE } from './scopes.ts';
import { autoForwardingSchema, filtersSchema, metadataMessageSchema, partsMessageSchema, sendAsListSchema } from './wire.ts';

export function emptySnapshot(user: DirectoryUser): MailboxSnapshot {
  return { user, rules: [], mailboxForwarding: null, sendLimitBytes: null, signatures: null, sent: [], overdue: null, onHold: false };
}

const settingsGet = (subject: string, path: string, method: keyof typeof GMAIL_COST, what: string): BatchItem => ({
  method: 'GET',
  path: `${gmailUserPath(subject)}/settings/${path}`,
  scope: SCOPE.settingsBasic,
  units: GMAIL_COST[method],
  what,
});

function parse<T>(answer: Result<{ body: unknown }> | undefined, schema: { safeParse: (x: unknown) => { success: true; data: T } | { success: false } }, what: string): Result<T> {
  if (!answer) return err('upstream_failed', `Gmail batch lost the answer to ${what}`);
  if (!answer.ok) return answer;
  const parsed = schema.safeParse(answer.value.body);
  return parsed.success ? ok(parsed.data) : err('upstream_failed', `Gmail answered ${what} in an unexpected shape`);
}

/**
 * Per-message reads for sent mail: metadata (To, Cc) for every message in the window when exposed
 * recipients are checked; part sizes (fields-masked, so no body data) only for messages that have
 * attachments. A message deleted between list and get (404) is skipped; if every get is 404 the
 * user has gone and the caller reports it.
 */
async function readSent(ctx: GoogleContext, subject: string, windowIds: string[] | null, attachmentIds: string[] | null): Promise<Result<SentMessage[]>> {
  const base = `${gmailUserPath(subject)}/messages/`;
  const metaItems: BatchItem[] = (windowIds ?? []).map((id) => ({
    method: 'GET',
    path: `${base}${encodeURIComponent(id)}?format=metadata&metadataHeaders=To&metadataHeaders=Cc&fields=${encodeURIComponent(METADATA_FIELDS)}`,
    scope: SCOPE.mailRead,
    units: GMAIL_COST['messages.get'],
    what: `read the To and Cc of a message ${subject} sent`,
  }));
  const partItems: BatchItem[] = (attachmentIds ?? []).map((id) => ({
    method: 'GET',
    path: `${base}${encodeURIComponent(id)}?format=full&fields=${encodeURIComponent(PARTS_FIELDS)}`,
    scope: SCOPE.mailRead,
    units: GMAIL_COST['messages.get'],
    what: `read the attachment sizes of a message ${subject} sent`,
  }));
  const items = [...metaItems, ...partItems];
  if (items.length === 0) return ok([]);
  const answers = await sendBatch(ctx.core, ctx.config.endpoints.gmail, subject, items);
  const notFound = answers.filter((a) => !a.ok && a.error.code === 'not_found').length;
  if (notFound === answers.length) return answers[0] && !answers[0].ok ? answers[0] : err('not_found', `${subject} was not found`);
  const other = answers.find((a) => !a.ok && a.error.code !== 'not_found');
  if (other && !other.ok) return other;

  const byId = new Map<string, SentMessage>();
  const entry = (id: string, internalDate: string): SentMessage => {
    const found = byId.get(id);
    if (found) return found;
    const fresh: SentMessage = { id, sentAt: isoFromInternalDate(internalDate), visibleRecipients: [], attachmentCount: 0, attachmentBytes: 0, largestAttachmentBytes: 0 };
    byId.set(id, fresh);
    return fresh;
  };
  for (const answer of answers.slice(0, metaItems.length)) {
    if (!answer.ok) continue;
    const m = metadataMessageSchema.safeParse(answer.value.body);
    if (!m.success) return err('upstream_failed', 'Gmail answered messages.get (metadata) in an unexpected shape');
    entry(m.data.id, m.data.internalDate).visibleRecipients = recipientsOf(m.data);
  }
  for (const answer of answers.slice(metaItems.length)) {
    if (!answer.ok) continue;
    const m = partsMessageSchema.safeParse(answer.value.body);
    if (!m.success) return err('upstream_failed', 'Gmail answered messages.get (parts) in an unexpected shape');
    const files = attachmentsOf(m.data.payload);
    Object.assign(entry(m.data.id, m.data.internalDate), { attachmentCount: files.count, attachmentBytes: files.bytes, largestAttachmentBytes: files.largest });
  }
  return ok([...byId.values()].sort((a, b) => b.sentAt.localeCompare(a.sentAt) || a.id.localeCompare(b.id)));
}

export type Outcome = { snapshot: MailboxSnapshot } | { failure: AppErrorData };

/**
 * One mailbox, acting as its user, reading only what the checks in scope need. Calls go out in
 * sequence (settings and the first page of each search share one batch), which keeps a user far
 * below Gmail's per-user concurrency limit; many users are read at once instead.
 */
export async function readUserMailbox(ctx: GoogleContext, user: DirectoryUser, scope: AuditScope): Promise<Outcome> {
  const want = (id: CheckId) => scope.checks.has(id);
  const subject = user.email;
  const after = epochSeconds(scope.sentSince);
  const cutoff = want('retention.overdue') ? scope.retentionCutoff : null;

  const extra: BatchItem[] = [];
  const needForwarding = want('forwarding.mailbox-external');
  const needRules = want('forwarding.inbox-rule-external') || want('deletion.inbox-rule');
  const needSignatures = want('disclaimer.missing');
  if (needForwarding) extra.push(settingsGet(subject, 'autoForwarding', 'settings.getAutoForwarding', `read ${subject}'s automatic forwarding`));
  if (needRules) extra.push(settingsGet(subject, 'filters', 'settings.filters.list', `read ${subject}'s Gmail filters`));
  if (needSignatures) extra.push(settingsGet(subject, 'sendAs', 'settings.sendAs.list', `read ${subject}'s send-as signatures`));

  const jobs: ListJob[] = [];
  const sentJob = want('recipients.exposed') ? jobs.push({ q: `in:sent after:${after}`, what: `search ${subject}'s sent mail` }) - 1 : -1;
  // Only messages with attachments can breach the attachment limit: a much shorter list to read.
  const attachJob = want('attachments.oversize') ? jobs.push({ q: `in:sent has:attachment after:${after}`, what: `search ${subject}'s sent mail with attachments` }) - 1 : -1;
  const overdueJob = cutoff ? jobs.push({ q: `before:${epochSeconds(cutoff)}`, what: `count ${subject}'s mail older than the retention period` }) - 1 : -1;

  const lists = await pageLists(ctx, subject, jobs, extra);
  if (!lists.ok) return { failure: lists.error };
  let k = 0;
  const forwarding = needForwarding ? parse(lists.value.extra[k++], autoForwardingSchema, 'autoForwarding') : null;
  const filters = needRules ? parse(lists.value.extra[k++], filtersSchema, 'filters.list') : null;
  const sendAs = needSignatures ? parse(lists.value.extra[k++], sendAsListSchema, 'sendAs.list') : null;
  const settingsFailure = firstFailure([forwarding, filters, sendAs]);
  if (settingsFailure) return { failure: settingsFailure };

  const windowIds = sentJob >= 0 ? (lists.value.ids[sentJob] ?? []) : null;
  const attachmentIds = attachJob >= 0 ? (lists.value.ids[attachJob] ?? []) : null;
  const sent = await readSent(ctx, subject, windowIds, attachmentIds);
  if (!sent.ok) return { failure: sent.error };

  const snapshot = emptySnapshot(user);
  if (forwarding?.ok && forwarding.value.enabled && forwarding.value.emailAddress) {
    // Archive and mark-read keep the message in the mailbox; only "trash" gives up the school's copy.
    snapshot.mailboxForwarding = { address: forwarding.value.emailAddress.toLowerCase(), keepsCopy: forwarding.value.disposition !== 'trash' };
  }
  if (filters?.ok) snapshot.rules = filters.value.filter.map(toMailRule);
  if (sendAs?.ok) {
    // The addresses the person sends as: the primary one and whichever is the default.
    const used = sendAs.value.sendAs.filter((s) => s.isPrimary === true || s.isDefault === true);
    snapshot.signatures = used.map((s) => ({ address: s.sendAsEmail.toLowerCase(), text: s.signature ?? '' }));
  }
  snapshot.sent = sent.value;
  if (cutoff) snapshot.overdue = { count: lists.value.ids[overdueJob]?.length ?? 0, cutoff: cutoff.toISOString() };
  return { snapshot };
}
