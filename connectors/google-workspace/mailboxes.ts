import type { DirectoryUser, MailboxSnapshot } from '../../src/domain/audit/snapshot.ts';
import type { AuditScope, MailboxBatchRead, UnreadSubject } from '../../src/domain/ports/tenant-connector.ts';
import { ok, type AppErrorData, type Result } from '../../src/domain/result.ts';
import { unreadSubject } from '../shared/unread.ts';
import type { GoogleContext } from './context.ts';
import { detailsOf } from './errors.ts';
import { emptySnapshot, readUserMailbox } from './mailbox-read.ts';

function unreadFrom(user: DirectoryUser, error: AppErrorData): UnreadSubject {
  const message = error.code === 'not_found' ? `${user.email} was deleted or suspended while the audit ran, so their mailbox was not read (${error.message})` : error.message;
  return unreadSubject(user, error, detailsOf(error)?.permission, message);
}

/**
 * Reads every mailbox in `users` for the checks in scope, `ctx.users` of them at a time. Suspended
 * accounts cannot be impersonated (Google refuses a delegated token for them) and Gmail does not
 * deliver to them, so their filters and forwarding do not act: they get a snapshot without mailbox
 * facts. A mailbox that cannot be read is returned in `unread` with the reason; none is dropped.
 */
export async function readMailboxes(ctx: GoogleContext, users: DirectoryUser[], scope: AuditScope): Promise<Result<MailboxBatchRead>> {
  const outcomes = await Promise.all(
    users.map((user) =>
      ctx.users.run(async (): Promise<{ snapshot: MailboxSnapshot } | { unread: UnreadSubject }> => {
        if (!user.enabled) return { snapshot: emptySnapshot(user) };
        const outcome = await readUserMailbox(ctx, user, scope);
        return 'snapshot' in outcome ? outcome : { unread: unreadFrom(user, outcome.failure) };
      }),
    ),
  );
  const snapshots: MailboxSnapshot[] = [];
  const unread: UnreadSubject[] = [];
  for (const o of outcomes) {
    if ('snapshot' in o) snapshots.push(o.snapshot);
    else unread.push(o.unread);
  }
  if (unread.length) ctx.log?.warn('google.mailboxes_unread', { customerId: ctx.config.customerId, count: unread.length, codes: [...new Set(unread.map((u) => u.code))] });
  return ok({ snapshots, unread });
}
