import type { CheckId } from '../../src/domain/checks/ids.ts';
import type { DirectoryUser, MailboxFacts, MailboxSnapshot } from '../../src/domain/audit/snapshot.ts';
import type { AuditScope, MailboxBatchRead, UnreadSubject } from '../../src/domain/ports/tenant-connector.ts';
import { ok, type AppErrorData, type Result } from '../../src/domain/result.ts';
import { unreadSubject } from '../shared/unread.ts';
import type { MsContext } from './context.ts';
import { detailsOf } from './errors.ts';
import { mailboxFactsOf } from './exchange-mailboxes.ts';
import { countOverdue, readDeletedItemsId, readRules, readSent } from './mailbox-reads.ts';
import { toMailRule } from './rules.ts';

/** Checks that need Get-Mailbox: forwarding and send size live only in Exchange; holds exempt retention. */
const EXCHANGE_CHECKS: CheckId[] = ['forwarding.mailbox-external', 'attachments.limit-config', 'retention.overdue'];

type Outcome = { snapshot: MailboxSnapshot } | { unread: UnreadSubject } | { noMailbox: true };

const unreadFrom = (user: DirectoryUser, error: AppErrorData): UnreadSubject => unreadSubject(user, error, detailsOf(error)?.permission);

/** Graph's answer for an account that has no Exchange Online mailbox (unlicensed, break-glass). */
const isNoMailbox = (error: AppErrorData): boolean => detailsOf(error)?.upstreamCode === 'MailboxNotEnabledForRESTAPI';

function emptySnapshot(user: DirectoryUser, facts: MailboxFacts | null): MailboxSnapshot {
  return {
    user: facts ? { ...user, kind: facts.kind } : user,
    rules: [],
    mailboxForwarding: facts?.forwarding ?? null,
    sendLimitBytes: facts?.sendLimitBytes ?? null,
    signatures: null,
    sent: [],
    overdue: null,
    onHold: facts?.onHold ?? false,
  };
}

async function readOne(ctx: MsContext, user: DirectoryUser, scope: AuditScope, facts: MailboxFacts | null): Promise<Outcome> {
  const want = (id: CheckId) => scope.checks.has(id);
  const needRules = want('forwarding.inbox-rule-external') || want('deletion.inbox-rule');
  const needSent = want('attachments.oversize') || want('recipients.exposed');
  const cutoff = want('retention.overdue') ? scope.retentionCutoff : null;
  // Issued together so they share batches; Deleted Items' id tells which rule moves are deletions.
  const [rules, deletedId, sent, overdue] = await Promise.all([
    needRules ? readRules(ctx, user.id) : null,
    needRules ? readDeletedItemsId(ctx, user.id) : null,
    needSent ? readSent(ctx, user.id, scope.sentSince) : null,
    cutoff ? countOverdue(ctx, user.id, cutoff) : null,
  ]);
  const results: (Result<unknown> | null)[] = [rules, deletedId, sent, overdue];
  const failures = results.flatMap((r) => (r && !r.ok ? [r.error] : []));
  if (failures.some(isNoMailbox)) return { noMailbox: true };
  // A vanished user explains every other failure, so it is reported first.
  const first = failures.find((e) => e.code === 'not_found') ?? failures[0];
  if (first) return { unread: unreadFrom(user, first) };
  const snapshot = emptySnapshot(user, facts);
  if (rules?.ok && deletedId?.ok) snapshot.rules = rules.value.map((r) => toMailRule(r, deletedId.value));
  if (sent?.ok) snapshot.sent = sent.value;
  if (cutoff && overdue?.ok) snapshot.overdue = { count: overdue.value, cutoff: cutoff.toISOString() };
  return { snapshot };
}

/** Up to this many mailboxes without facts are looked up one by one; for more, one tenant-wide Get-Mailbox is cheaper. */
const SINGLE_LOOKUP_MAX = 10;

/**
 * Mailbox settings for each user: the facts the directory read stored with them (the normal case in
 * the pipeline, one Get-Mailbox per run), else this connector's cached tenant-wide read, else Exchange
 * is asked now: per mailbox for a few, for the whole tenant for many. Null = no Exchange mailbox.
 */
async function factsFor(ctx: MsContext, users: DirectoryUser[], scope: AuditScope): Promise<Result<Map<string, MailboxFacts | null>>> {
  const facts = new Map<string, MailboxFacts | null>();
  const missing: DirectoryUser[] = [];
  for (const user of users) {
    if (user.mailbox === undefined) missing.push(user);
    else facts.set(user.id, user.mailbox);
  }
  if (missing.length === 0 || !EXCHANGE_CHECKS.some((c) => scope.checks.has(c))) return ok(facts);
  if (missing.length <= SINGLE_LOOKUP_MAX && !ctx.mailboxes.fresh()) {
    const read = await Promise.all(missing.map((u) => mailboxFactsOf(ctx.exchange, u.id)));
    for (const [i, r] of read.entries()) {
      // Without Get-Mailbox, forwarding and holds would read as "none": refuse rather than under-report.
      if (!r.ok) return r;
      const user = missing[i];
      if (user) facts.set(user.id, r.value);
    }
    return ok(facts);
  }
  const read = await ctx.mailboxes.get();
  if (!read.ok) return read;
  for (const user of missing) {
    const row = read.value.find(user);
    if (row) {
      const { raw: _raw, ...rest } = read.value.facts(row);
      facts.set(user.id, rest);
    } else facts.set(user.id, null);
  }
  return ok(facts);
}

/**
 * Reads every mailbox in `users` for the checks in scope, all at once: the batcher packs their
 * Graph calls into $batch requests and keeps each mailbox under its concurrency limit. Mailbox-level
 * settings come with the users (read once per run by readDirectory) or, failing that, from
 * Get-Mailbox. A mailbox that cannot be read is returned in `unread` with the reason; none is dropped.
 */
export async function readMailboxes(ctx: MsContext, users: DirectoryUser[], scope: AuditScope): Promise<Result<MailboxBatchRead>> {
  const known = await factsFor(ctx, users, scope);
  if (!known.ok) return known;
  const outcomes = await Promise.all(
    users.map(async (user): Promise<Outcome> => {
      const facts = known.value.get(user.id) ?? null;
      // A user Get-Mailbox does not list is still read through Graph: it may be newer than our copy.
      const outcome = await readOne(ctx, user, scope, facts);
      return 'noMailbox' in outcome ? { snapshot: emptySnapshot(user, facts) } : outcome;
    }),
  );
  const snapshots: MailboxSnapshot[] = [];
  const unread: UnreadSubject[] = [];
  for (const o of outcomes) {
    if ('snapshot' in o) snapshots.push(o.snapshot);
    else if ('unread' in o) unread.push(o.unread);
  }
  if (unread.length) ctx.log?.warn('microsoft.mailboxes_unread', { tenantId: ctx.config.tenantId, count: unread.length, codes: [...new Set(unread.map((u) => u.code))] });
  return ok({ snapshots, unread });
}
