import type { CheckId } from '../../src/domain/checks/ids.ts';
import type { DirectoryUser, MailboxSnapshot, SentMessage } from '../../src/domain/audit/snapshot.ts';
import type { AuditScope } from '../../src/domain/ports/tenant-connector.ts';
import { err, ok, type AppErrorData, type Result } from '../../src/domain/result.ts';
import { runBatches, type BatchItem, type BatchJob } from './batch.ts';
import { gmailUserPath, type GoogleContext } from './context.ts';
import { toMailRule } from './filters.ts';
import type { Answer } from './http.ts';
import { firstFailure, searchJob, type SearchSink } from './mail-lists.ts';
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

/** Null when the call was never answered (reading stopped at another failure). */
function parse<T>(answer: Result<{ body: unknown }> | undefined, schema: { safeParse: (x: unknown) => { success: true; data: T } | { success: false } }, what: string): Result<T> | null {
  if (!answer) return null;
  if (!answer.ok) return answer;
  const parsed = schema.safeParse(answer.value.body);
  return parsed.success ? ok(parsed.data) : err('upstream_failed', `Gmail answered ${what} in an unexpected shape`);
}

type GetKind = 'metadata' | 'parts';

/**
 * Per-message reads for sent mail: metadata (To, Cc) for every message in the window when exposed
 * recipients are checked; part sizes (fields-masked, so no body data) only for messages that have
 * attachments. Their answers are collected in `answers[kind]`.
 */
function messageGets(subject: string, ids: string[], kind: GetKind, answers: Record<GetKind, Result<Answer>[]>): BatchJob[] {
  const base = `${gmailUserPath(subject)}/messages/`;
  const query =
    kind === 'metadata' ? `format=metadata&metadataHeaders=To&metadataHeaders=Cc&fields=${encodeURIComponent(METADATA_FIELDS)}` : `format=full&fields=${encodeURIComponent(PARTS_FIELDS)}`;
  return ids.map((id) => ({
    method: 'GET',
    path: `${base}${encodeURIComponent(id)}?${query}`,
    scope: SCOPE.mailRead,
    units: GMAIL_COST['messages.get'],
    what: kind === 'metadata' ? `read the To and Cc of a message ${subject} sent` : `read the attachment sizes of a message ${subject} sent`,
    done: (answer) => void answers[kind].push(answer),
  }));
}

/**
 * Sent messages from the gets' answers. A message deleted between list and get (404) is skipped;
 * if every get is 404 the user has gone and the caller reports it.
 */
function sentFrom(subject: string, answers: Record<GetKind, Result<Answer>[]>): Result<SentMessage[]> {
  const all = [...answers.metadata, ...answers.parts];
  if (all.length === 0) return ok([]);
  const notFound = all.filter((a) => !a.ok && a.error.code === 'not_found').length;
  if (notFound === all.length) return all[0] && !all[0].ok ? all[0] : err('not_found', `${subject} was not found`);
  const other = all.find((a) => !a.ok && a.error.code !== 'not_found');
  if (other && !other.ok) return other;

  const byId = new Map<string, SentMessage>();
  const entry = (id: string, internalDate: string): SentMessage => {
    const found = byId.get(id);
    if (found) return found;
    const fresh: SentMessage = { id, sentAt: isoFromInternalDate(internalDate), visibleRecipients: [], attachmentCount: 0, attachmentBytes: 0, largestAttachmentBytes: 0 };
    byId.set(id, fresh);
    return fresh;
  };
  for (const answer of answers.metadata) {
    if (!answer.ok) continue;
    const m = metadataMessageSchema.safeParse(answer.value.body);
    if (!m.success) return err('upstream_failed', 'Gmail answered messages.get (metadata) in an unexpected shape');
    entry(m.data.id, m.data.internalDate).visibleRecipients = recipientsOf(m.data);
  }
  for (const answer of answers.parts) {
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
 * One mailbox, acting as its user, reading only what the checks in scope need. The first batch holds the settings reads and the first page of each search; the
 * message gets (and any further pages) follow as soon as the searches answer, sharing batches, so
 * a mailbox usually costs two round trips. A user's calls go out one batch at a time, which keeps
 * them far below Gmail's per-user concurrency limit; many users are read at once instead.
 */
export async function readUserMailbox(ctx: GoogleContext, user: DirectoryUser, scope: AuditScope): Promise<Outcome> {
  const want = (id: CheckId) => scope.checks.has(id);
  const subject = user.email;
  const after = epochSeconds(scope.sentSince);
  const cutoff = want('retention.overdue') ? scope.retentionCutoff : null;

  const needForwarding = want('forwarding.mailbox-external');
  const needRules = want('forwarding.inbox-rule-external') || want('deletion.inbox-rule');
  const needSignatures = want('disclaimer.missing');
  const needSent = want('recipients.exposed');
  // Only messages with attachments can breach the attachment limit: a much shorter list to read.
  const needAttachments = want('attachments.oversize');

  const settings: { forwarding?: Result<Answer>; filters?: Result<Answer>; sendAs?: Result<Answer> } = {};
  const jobs: BatchJob[] = [];
  const settingsJob = (name: keyof typeof settings, item: BatchItem): BatchJob => ({ ...item, done: (answer) => void (settings[name] = answer) });
  if (needForwarding) jobs.push(settingsJob('forwarding', settingsGet(subject, 'autoForwarding', 'settings.getAutoForwarding', `read ${subject}'s automatic forwarding`)));
  if (needRules) jobs.push(settingsJob('filters', settingsGet(subject, 'filters', 'settings.filters.list', `read ${subject}'s Gmail filters`)));
  if (needSignatures) jobs.push(settingsJob('sendAs', settingsGet(subject, 'sendAs', 'settings.sendAs.list', `read ${subject}'s send-as signatures`)));

  const gets: Record<GetKind, Result<Answer>[]> = { metadata: [], parts: [] };
  const sentSink: SearchSink = { ids: [], failure: null };
  const attachSink: SearchSink = { ids: [], failure: null };
  const overdueSink: SearchSink = { ids: [], failure: null };
  if (needSent) {
    const then = (ids: string[]) => messageGets(subject, ids, 'metadata', gets);
    jobs.push(searchJob(subject, { q: `in:sent after:${after}`, what: `search ${subject}'s sent mail` }, sentSink, then));
  }
  if (needAttachments) {
    const then = (ids: string[]) => messageGets(subject, ids, 'parts', gets);
    jobs.push(searchJob(subject, { q: `in:sent has:attachment after:${after}`, what: `search ${subject}'s sent mail with attachments` }, attachSink, then));
  }
  if (cutoff) jobs.push(searchJob(subject, { q: `before:${epochSeconds(cutoff)}`, what: `count ${subject}'s mail older than the retention period` }, overdueSink));

  const settingsFailed = () => [settings.forwarding, settings.filters, settings.sendAs].some((r) => r && !r.ok);
  const searchFailed = () => [sentSink, attachSink, overdueSink].some((s) => s.failure);
  // Nothing more is worth reading once a settings read or a search has failed: the mailbox is unread.
  await runBatches(ctx.core, ctx.config.endpoints.gmail, subject, jobs, () => settingsFailed() || searchFailed());

  const forwarding = parse(settings.forwarding, autoForwardingSchema, 'autoForwarding');
  const filters = parse(settings.filters, filtersSchema, 'filters.list');
  const sendAs = parse(settings.sendAs, sendAsListSchema, 'sendAs.list');
  const searches = [sentSink, attachSink, overdueSink].map((s) => (s.failure ? { ok: false as const, error: s.failure } : null));
  const readFailure = firstFailure([forwarding, filters, sendAs, ...searches]);
  if (readFailure) return { failure: readFailure };
  if ((needForwarding && !forwarding) || (needRules && !filters) || (needSignatures && !sendAs)) {
    return { failure: { code: 'upstream_failed', message: `Gmail batch lost the answer to a settings read for ${subject}` } };
  }
  const sent = sentFrom(subject, gets);
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
  if (cutoff) snapshot.overdue = { count: overdueSink.ids.length, cutoff: cutoff.toISOString() };
  return { snapshot };
}
