import type { RemediationOutcome, RemediationRequest } from '../../src/domain/ports/tenant-connector.ts';
import { err, ok, type Result } from '../../src/domain/result.ts';
import type { MsContext } from './context.ts';
import { READ_ROLE, RECIPIENT_ROLE } from './exchange-client.ts';
import { exoMailboxSchema, parseByteSize, type ExoMailbox } from './exchange-mailboxes.ts';
import { SETTINGS_READ } from './mailbox-reads.ts';
import { messageRuleSchema } from './wire.ts';

type Options = { dryRun: boolean };

const identityOf = (r: RemediationRequest): string => r.subject.email ?? r.subject.id;

export async function getMailbox(ctx: MsContext, identity: string): Promise<Result<ExoMailbox>> {
  const rows = await ctx.exchange.invoke('Get-Mailbox', { Identity: identity }, exoMailboxSchema, { what: `read the mailbox ${identity}`, permission: READ_ROLE });
  if (!rows.ok) return rows;
  const row = rows.value[0];
  return row ? ok(row) : err('not_found', `mailbox ${identity} was not found`);
}

/** disable-inbox-rule: switch the rule off and keep it, so the rule itself stays as evidence. */
export async function disableInboxRule(ctx: MsContext, r: RemediationRequest, o: Options): Promise<Result<RemediationOutcome>> {
  const ruleId = r.subject.item;
  if (!ruleId) return err('invalid_input', 'disable-inbox-rule needs subject.item (the rule id)');
  const url = `/users/${encodeURIComponent(r.subject.id)}/mailFolders/inbox/messageRules/${encodeURIComponent(ruleId)}`;
  const current = await ctx.graph.batched({ method: 'GET', url, mailbox: r.subject.id, what: 'read the inbox rule', permission: SETTINGS_READ });
  if (!current.ok) return current;
  const rule = messageRuleSchema.safeParse(current.value.body);
  if (!rule.success) return err('upstream_failed', 'Graph answered the inbox rule in an unexpected shape');
  const name = rule.data.displayName ?? ruleId;
  const before = { ruleId, name, isEnabled: rule.data.isEnabled !== false };
  if (!before.isEnabled) return ok({ changed: false, before, after: before, description: `The rule "${name}" in ${r.subject.email ?? r.subject.id} is already switched off.` });
  const after = { ...before, isEnabled: false };
  if (o.dryRun) return ok({ changed: true, before, after, description: `Would switch off the rule "${name}" in ${r.subject.email ?? r.subject.id} (dry run: nothing changed).` });
  const patched = await ctx.graph.batched({ method: 'PATCH', url, mailbox: r.subject.id, body: { isEnabled: false }, what: 'switch the inbox rule off', permission: 'MailboxSettings.ReadWrite' });
  if (!patched.ok) return patched;
  const now = messageRuleSchema.safeParse(patched.value.body);
  return ok({ changed: true, before, after: now.success ? { ...after, isEnabled: now.data.isEnabled !== false } : after, description: `Switched off the rule "${name}" in ${r.subject.email ?? r.subject.id}. The rule is kept, turned off, as a record.` });
}

const forwardingOf = (m: ExoMailbox) => ({
  forwardingSmtpAddress: m.ForwardingSmtpAddress ?? null,
  forwardingAddress: m.ForwardingAddress ?? null,
  deliverToMailboxAndForward: m.DeliverToMailboxAndForward === true,
});

/** clear-mailbox-forwarding: remove both forwarding addresses and the keep-a-copy flag. */
export async function clearMailboxForwarding(ctx: MsContext, r: RemediationRequest, o: Options): Promise<Result<RemediationOutcome>> {
  const identity = identityOf(r);
  const current = await getMailbox(ctx, identity);
  if (!current.ok) return current;
  const before = forwardingOf(current.value);
  const cleared = { forwardingSmtpAddress: null, forwardingAddress: null, deliverToMailboxAndForward: false };
  if (!before.forwardingSmtpAddress && !before.forwardingAddress) return ok({ changed: false, before, after: before, description: `${identity} does not forward mail.` });
  const target = before.forwardingSmtpAddress ?? before.forwardingAddress ?? '';
  if (o.dryRun) return ok({ changed: true, before, after: cleared, description: `Would stop ${identity} forwarding all mail to ${target.replace(/^smtp:/i, '')} (dry run: nothing changed).` });
  const set = await ctx.exchange.invoke('Set-Mailbox', { Identity: identity, ForwardingSmtpAddress: null, ForwardingAddress: null, DeliverToMailboxAndForward: false }, exoMailboxSchema, { what: `clear forwarding on ${identity}`, permission: RECIPIENT_ROLE });
  if (!set.ok) return set;
  ctx.mailboxes.forget();
  const after = await getMailbox(ctx, identity);
  return ok({ changed: true, before, after: after.ok ? forwardingOf(after.value) : cleared, description: `Stopped ${identity} forwarding all mail to ${target.replace(/^smtp:/i, '')}. Mail now stays in the school mailbox.` });
}

function limitParam(params: Record<string, unknown>): number | null {
  for (const key of ['bytes', 'maxBytes', 'limitBytes']) {
    const v = params[key];
    if (typeof v === 'number' && Number.isInteger(v) && v > 0) return v;
  }
  return null;
}

/** set-send-limit: lower MaxSendSize to the policy's bytes; a stricter limit is left alone. */
export async function setSendLimit(ctx: MsContext, r: RemediationRequest, o: Options): Promise<Result<RemediationOutcome>> {
  const bytes = limitParam(r.params);
  if (bytes === null) return err('invalid_input', 'set-send-limit needs params.bytes (a positive whole number of bytes)');
  const identity = identityOf(r);
  const current = await getMailbox(ctx, identity);
  if (!current.ok) return current;
  const before = { maxSendSizeBytes: parseByteSize(current.value.MaxSendSize) };
  if (before.maxSendSizeBytes !== null && before.maxSendSizeBytes <= bytes) {
    return ok({ changed: false, before, after: before, description: `${identity} already has a send limit of ${before.maxSendSizeBytes} bytes, within the policy.` });
  }
  const after = { maxSendSizeBytes: bytes };
  if (o.dryRun) return ok({ changed: true, before, after, description: `Would lower the send limit of ${identity} to ${bytes} bytes (dry run: nothing changed).` });
  const set = await ctx.exchange.invoke('Set-Mailbox', { Identity: identity, MaxSendSize: String(bytes) }, exoMailboxSchema, { what: `set the send limit on ${identity}`, permission: RECIPIENT_ROLE });
  if (!set.ok) return set;
  ctx.mailboxes.forget();
  const read = await getMailbox(ctx, identity);
  return ok({ changed: true, before, after: read.ok ? { maxSendSizeBytes: parseByteSize(read.value.MaxSendSize) } : after, description: `Lowered the send limit of ${identity} to ${bytes} bytes, the policy's attachment limit.` });
}
