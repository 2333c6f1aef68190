import { z } from 'zod';
import { inDomains } from '../../src/domain/audit/addresses.ts';
import type { OffboardingParams, OffboardingPort, OffboardingStep, OffboardingSubject, StepInspection, StepOutcome } from '../../src/domain/ports/offboarding.ts';
import { err, ok, type Result } from '../../src/domain/result.ts';
import { autoReplySetText, carriesAutoReply, checked, done, forwardingStoppedText, noAutoReplyInspection, noAutoReplyOutcome } from '../shared/offboarding-steps.ts';
import type { MsContext } from './context.ts';
import { RECIPIENT_ROLE } from './exchange-client.ts';
import { exoMailboxSchema, type ExoMailbox } from './exchange-mailboxes.ts';
import { readRules } from './mailbox-reads.ts';
import { getMailbox } from './remediate-mailbox.ts';
import { addressesOf, type GraphMessageRule } from './wire.ts';

/**
 * Leaver offboarding on Microsoft 365. Each step reads first (inspect) and writes only what is
 * still needed (apply), so a step redelivered after a crash finds its own earlier effect and stops.
 */
export const PERMISSIONS: Record<OffboardingStep, string> = {
  'disable-sign-in': 'User.EnableDisableAccount.All',
  'revoke-sessions': 'User.RevokeSessions.All',
  'remove-forwarding': `MailboxSettings.ReadWrite and ${RECIPIENT_ROLE}`,
  'set-auto-reply': 'MailboxSettings.ReadWrite',
  'convert-to-shared': RECIPIENT_ROLE,
  'remove-licences': 'LicenseAssignment.ReadWrite.All',
  'delete-account': 'User.ReadWrite.All',
};

const userSchema = z
  .object({
    id: z.string(),
    accountEnabled: z.boolean().nullable().optional(),
    signInSessionsValidFromDateTime: z.string().nullable().optional(),
    assignedLicenses: z.array(z.object({ skuId: z.string() }).passthrough()).nullable().optional(),
  })
  .passthrough();

const repliesSchema = z
  .object({
    automaticRepliesSetting: z
      .object({ status: z.string(), externalAudience: z.string().optional(), internalReplyMessage: z.string().nullable().optional(), externalReplyMessage: z.string().nullable().optional() })
      .passthrough(),
  })
  .passthrough();

const userPath = (s: OffboardingSubject) => `/users/${encodeURIComponent(s.id)}`;

async function readUser(ctx: MsContext, s: OffboardingSubject): Promise<Result<z.infer<typeof userSchema>>> {
  const res = await ctx.graph.get(`${userPath(s)}?$select=id,accountEnabled,signInSessionsValidFromDateTime,assignedLicenses`, { what: `read the account ${s.email}`, permission: 'User.Read.All' });
  if (!res.ok) return res;
  const parsed = userSchema.safeParse(res.value.body);
  return parsed.success ? ok(parsed.data) : err('upstream_failed', `Graph answered the user ${s.email} in an unexpected shape`);
}

async function write(ctx: MsContext, s: OffboardingSubject, method: 'PATCH' | 'POST' | 'DELETE', path: string, body: unknown, what: string, step: OffboardingStep): Promise<Result<unknown>> {
  const res = await ctx.graph.batched({ method, url: `${userPath(s)}${path}`, mailbox: s.id, ...(body === undefined ? {} : { body }), what, permission: PERMISSIONS[step] });
  return res.ok ? ok(res.value.body) : res;
}

const external = (address: string | null | undefined, p: OffboardingParams): boolean => {
  if (!address) return false;
  // Exchange's ForwardingAddress may be a directory recipient's name: that is inside the school.
  if (!address.includes('@')) return false;
  return !inDomains(address, p.internalDomains);
};

const forwardingRules = (rules: GraphMessageRule[], p: OffboardingParams) =>
  rules.filter((r) => r.isEnabled !== false && [r.actions?.forwardTo, r.actions?.redirectTo, r.actions?.forwardAsAttachmentTo].some((list) => addressesOf(list).some((a) => external(a, p))));

interface ForwardingState {
  mailbox: { forwardingSmtpAddress: string | null; forwardingAddress: string | null } | null;
  rules: { id: string; name: string; targets: string[] }[];
}

async function readForwarding(ctx: MsContext, s: OffboardingSubject, p: OffboardingParams): Promise<Result<{ state: ForwardingState; mailboxExternal: boolean }>> {
  const mailbox = await getMailbox(ctx, s.email);
  if (!mailbox.ok && mailbox.error.code === 'not_found') return ok({ state: { mailbox: null, rules: [] }, mailboxExternal: false });
  if (!mailbox.ok) return mailbox;
  const m: ExoMailbox = mailbox.value;
  const rules = await readRules(ctx, s.id);
  if (!rules.ok) return rules;
  const fwd = { forwardingSmtpAddress: m.ForwardingSmtpAddress?.replace(/^smtp:/i, '') ?? null, forwardingAddress: m.ForwardingAddress ?? null };
  const bad = forwardingRules(rules.value, p).map((r) => ({
    id: r.id,
    name: r.displayName ?? r.id,
    targets: [r.actions?.forwardTo, r.actions?.redirectTo, r.actions?.forwardAsAttachmentTo].flatMap((l) => addressesOf(l)).filter((a) => external(a, p)),
  }));
  return ok({ state: { mailbox: fwd, rules: bad }, mailboxExternal: external(fwd.forwardingSmtpAddress, p) || external(fwd.forwardingAddress, p) });
}

const replyMatches = (setting: z.infer<typeof repliesSchema>['automaticRepliesSetting'], text: string) =>
  setting.status === 'alwaysEnabled' && [setting.internalReplyMessage, setting.externalReplyMessage].every((m) => carriesAutoReply(m, text));

async function inspect(ctx: MsContext, step: OffboardingStep, s: OffboardingSubject, p: OffboardingParams): Promise<Result<StepInspection>> {
  switch (step) {
    case 'disable-sign-in': {
      const u = await readUser(ctx, s);
      return u.ok ? checked(u.value.accountEnabled === false, { accountEnabled: u.value.accountEnabled ?? null }) : u;
    }
    case 'revoke-sessions': {
      const u = await readUser(ctx, s);
      if (!u.ok) return u;
      const from = u.value.signInSessionsValidFromDateTime ?? null;
      return checked(from !== null && Date.parse(from) >= p.since.getTime() - 1000, { signInSessionsValidFromDateTime: from });
    }
    case 'remove-forwarding': {
      const f = await readForwarding(ctx, s, p);
      return f.ok ? checked(!f.value.mailboxExternal && f.value.state.rules.length === 0, f.value.state) : f;
    }
    case 'set-auto-reply': {
      if (!p.autoReply) return noAutoReplyInspection();
      const res = await ctx.graph.batched({ method: 'GET', url: `${userPath(s)}/mailboxSettings`, mailbox: s.id, what: `read the auto-reply of ${s.email}`, permission: 'MailboxSettings.Read' });
      if (!res.ok) return res;
      const parsed = repliesSchema.safeParse(res.value.body);
      if (!parsed.success) return err('upstream_failed', 'Graph answered mailboxSettings in an unexpected shape');
      const a = parsed.data.automaticRepliesSetting;
      return checked(replyMatches(a, p.autoReply), { status: a.status, externalAudience: a.externalAudience ?? null });
    }
    case 'convert-to-shared': {
      const m = await getMailbox(ctx, s.email);
      if (!m.ok && m.error.code === 'not_found') return checked(true, { mailbox: null });
      return m.ok ? checked(m.value.RecipientTypeDetails === 'SharedMailbox', { recipientTypeDetails: m.value.RecipientTypeDetails }) : m;
    }
    case 'remove-licences': {
      const u = await readUser(ctx, s);
      if (!u.ok) return u;
      const skus = (u.value.assignedLicenses ?? []).map((l) => l.skuId);
      return checked(skus.length === 0, { skuIds: skus });
    }
    case 'delete-account': {
      const u = await readUser(ctx, s);
      if (!u.ok && u.error.code === 'not_found') return checked(true, { deleted: true });
      return u.ok ? checked(false, { deleted: false, accountEnabled: u.value.accountEnabled ?? null }) : u;
    }
  }
}

async function apply(ctx: MsContext, step: OffboardingStep, s: OffboardingSubject, p: OffboardingParams): Promise<Result<StepOutcome>> {
  switch (step) {
    case 'disable-sign-in': {
      const r = await write(ctx, s, 'PATCH', '', { accountEnabled: false }, `block sign-in for ${s.email}`, step);
      return r.ok ? done({ accountEnabled: false }, `Blocked sign-in for ${s.email}.`) : r;
    }
    case 'revoke-sessions': {
      const r = await write(ctx, s, 'POST', '/revokeSignInSessions', undefined, `sign ${s.email} out everywhere`, step);
      return r.ok ? done({ revoked: true }, `Signed ${s.email} out of every session and app (refresh tokens revoked).`) : r;
    }
    case 'remove-forwarding': {
      const f = await readForwarding(ctx, s, p);
      if (!f.ok) return f;
      if (f.value.mailboxExternal) {
        const set = await ctx.exchange.invoke('Set-Mailbox', { Identity: s.email, ForwardingSmtpAddress: null, ForwardingAddress: null, DeliverToMailboxAndForward: false }, exoMailboxSchema, { what: `clear forwarding on ${s.email}`, permission: RECIPIENT_ROLE });
        if (!set.ok) return set;
        ctx.mailboxes.forget();
      }
      for (const rule of f.value.state.rules) {
        const r = await write(ctx, s, 'PATCH', `/mailFolders/inbox/messageRules/${encodeURIComponent(rule.id)}`, { isEnabled: false }, `switch off the inbox rule "${rule.name}"`, step);
        if (!r.ok) return r;
      }
      const parts = [...(f.value.mailboxExternal ? ['mailbox forwarding'] : []), ...f.value.state.rules.map((r) => `inbox rule "${r.name}" (switched off, kept as a record)`)];
      return done({ mailbox: f.value.mailboxExternal ? { forwardingSmtpAddress: null, forwardingAddress: null } : f.value.state.mailbox, rules: [] }, forwardingStoppedText(s.email, parts));
    }
    case 'set-auto-reply': {
      if (!p.autoReply) return noAutoReplyOutcome();
      const setting = { status: 'alwaysEnabled', externalAudience: 'all', internalReplyMessage: p.autoReply, externalReplyMessage: p.autoReply };
      const r = await write(ctx, s, 'PATCH', '/mailboxSettings', { automaticRepliesSetting: setting }, `set the auto-reply of ${s.email}`, step);
      return r.ok ? done({ status: 'alwaysEnabled', externalAudience: 'all' }, autoReplySetText(s.email)) : r;
    }
    case 'convert-to-shared': {
      const set = await ctx.exchange.invoke('Set-Mailbox', { Identity: s.email, Type: 'Shared' }, exoMailboxSchema, { what: `convert ${s.email} to a shared mailbox`, permission: RECIPIENT_ROLE });
      if (!set.ok) return set;
      ctx.mailboxes.forget();
      return done({ recipientTypeDetails: 'SharedMailbox' }, `Converted ${s.email} to a shared mailbox, so its mail is kept without a licence.`);
    }
    case 'remove-licences': {
      const u = await readUser(ctx, s);
      if (!u.ok) return u;
      const skus = (u.value.assignedLicenses ?? []).map((l) => l.skuId);
      if (skus.length === 0) return done({ skuIds: [] }, `${s.email} holds no licences.`);
      const r = await write(ctx, s, 'POST', '/assignLicense', { addLicenses: [], removeLicenses: skus }, `remove the licences of ${s.email}`, step);
      return r.ok ? done({ skuIds: [] }, `Removed ${skus.length} licence(s) from ${s.email}.`) : r;
    }
    case 'delete-account': {
      const r = await write(ctx, s, 'DELETE', '', undefined, `delete the account ${s.email}`, step);
      if (!r.ok && r.error.code !== 'not_found') return r;
      return done({ deleted: true }, `Deleted the account ${s.email} (restorable from Deleted users for 30 days).`);
    }
  }
}

async function reenable(ctx: MsContext, s: OffboardingSubject): Promise<Result<{ changed: boolean; before: unknown; after: unknown }>> {
  const u = await readUser(ctx, s);
  if (!u.ok) return u;
  const before = { accountEnabled: u.value.accountEnabled ?? null };
  if (u.value.accountEnabled === true) return ok({ changed: false, before, after: before });
  const r = await write(ctx, s, 'PATCH', '', { accountEnabled: true }, `allow sign-in for ${s.email} again`, 'disable-sign-in');
  return r.ok ? ok({ changed: true, before, after: { accountEnabled: true } }) : r;
}

export function microsoftOffboarding(ctx: MsContext): OffboardingPort {
  return {
    steps: new Set(Object.keys(PERMISSIONS) as OffboardingStep[]),
    // Access first: Graph and Exchange still manage a mailbox whose owner cannot sign in.
    order: ['disable-sign-in', 'revoke-sessions', 'remove-forwarding', 'set-auto-reply', 'convert-to-shared', 'remove-licences', 'delete-account'],
    permissions: PERMISSIONS,
    inspect: (step, s, p) => inspect(ctx, step, s, p),
    apply: (step, s, p) => apply(ctx, step, s, p),
    reenable: (s) => reenable(ctx, s),
  };
}
