import { z } from 'zod';
import { inDomains } from '../../src/domain/audit/addresses.ts';
import type { OffboardingParams, OffboardingPort, OffboardingStep, OffboardingSubject, StepInspection, StepOutcome } from '../../src/domain/ports/offboarding.ts';
import { err, ok, type Result } from '../../src/domain/result.ts';
import { autoReplySetText, carriesAutoReply, checked, done, forwardingStoppedText, noAutoReplyInspection, noAutoReplyOutcome } from '../shared/offboarding-steps.ts';
import { gmailUserPath, type GoogleContext } from './context.ts';
import { send, type Answer } from './http.ts';
import { GMAIL_COST } from './quota.ts';
import { SCOPE } from './scopes.ts';
import { autoForwardingSchema, directoryUserSchema, filtersSchema } from './wire.ts';

/**
 * Leaver offboarding on Google Workspace. Google has no shared mailboxes and licences are managed
 * through a separate API, so convert-to-shared and remove-licences are not offered (the engine
 * records them as skipped). Suspending keeps the mailbox, which stays readable by admins.
 */
const AUTH = 'https://www.googleapis.com/auth/';
export const OFFBOARDING_SCOPE = {
  /** users.update (suspended) and users.delete. */
  directoryWrite: `${AUTH}admin.directory.user`,
  /** users.signOut. */
  directorySecurity: `${AUTH}admin.directory.user.security`,
} as const;

export const PERMISSIONS: Partial<Record<OffboardingStep, string>> = {
  'disable-sign-in': 'admin.directory.user',
  'revoke-sessions': 'admin.directory.user.security',
  'remove-forwarding': 'gmail.settings.sharing (automatic forwarding) and gmail.settings.basic (filters)',
  'set-auto-reply': 'gmail.settings.basic',
  'delete-account': 'admin.directory.user',
};

const vacationSchema = z
  .object({ enableAutoReply: z.boolean().default(false), responseSubject: z.string().optional(), responseBodyPlainText: z.string().optional() })
  .passthrough();

type Method = 'GET' | 'PUT' | 'POST' | 'DELETE';

function directory(ctx: GoogleContext, s: OffboardingSubject, method: Method, suffix: string, scope: string, what: string, body?: unknown): Promise<Result<Answer>> {
  const url = `${ctx.config.endpoints.admin}/admin/directory/v1/users/${encodeURIComponent(s.id)}${suffix}`;
  return send(ctx.core, { service: 'Directory', subject: ctx.config.adminSubject, scope, url, method, what, ...(body === undefined ? {} : { body }) });
}

function gmail(ctx: GoogleContext, s: OffboardingSubject, method: Method, path: string, scope: string, units: number, what: string, body?: unknown): Promise<Result<Answer>> {
  const url = `${ctx.config.endpoints.gmail}${gmailUserPath(s.email)}${path}`;
  return send(ctx.core, { service: 'Gmail', subject: s.email, scope, url, method, units, what, ...(body === undefined ? {} : { body }) });
}

async function readUser(ctx: GoogleContext, s: OffboardingSubject): Promise<Result<z.infer<typeof directoryUserSchema>>> {
  const res = await directory(ctx, s, 'GET', '', SCOPE.directoryRead, `read the account ${s.email}`);
  if (!res.ok) return res;
  const parsed = directoryUserSchema.safeParse(res.value.body);
  return parsed.success ? ok(parsed.data) : err('upstream_failed', `Google answered the user ${s.email} in an unexpected shape`);
}

interface ForwardingState {
  autoForwarding: { enabled: boolean; emailAddress: string | null };
  filters: { id: string; forward: string }[];
}

async function readForwarding(ctx: GoogleContext, s: OffboardingSubject, p: OffboardingParams): Promise<Result<{ state: ForwardingState; autoExternal: boolean }>> {
  const auto = await gmail(ctx, s, 'GET', '/settings/autoForwarding', SCOPE.settingsBasic, GMAIL_COST['settings.getAutoForwarding'], `read ${s.email}'s automatic forwarding`);
  if (!auto.ok) return auto;
  const a = autoForwardingSchema.safeParse(auto.value.body);
  if (!a.success) return err('upstream_failed', 'Gmail answered autoForwarding in an unexpected shape');
  const list = await gmail(ctx, s, 'GET', '/settings/filters', SCOPE.settingsBasic, GMAIL_COST['settings.filters.list'], `read ${s.email}'s Gmail filters`);
  if (!list.ok) return list;
  const f = filtersSchema.safeParse(list.value.body ?? {});
  if (!f.success) return err('upstream_failed', 'Gmail answered filters.list in an unexpected shape');
  const external = (address: string | undefined) => Boolean(address && !inDomains(address, p.internalDomains));
  const filters = f.data.filter.flatMap((x) => (x.action.forward && external(x.action.forward) ? [{ id: x.id, forward: x.action.forward }] : []));
  const autoForwarding = { enabled: a.data.enabled, emailAddress: a.data.emailAddress ?? null };
  return ok({ state: { autoForwarding, filters }, autoExternal: a.data.enabled && external(a.data.emailAddress) });
}

async function inspect(ctx: GoogleContext, step: OffboardingStep, s: OffboardingSubject, p: OffboardingParams): Promise<Result<StepInspection>> {
  switch (step) {
    case 'disable-sign-in': {
      const u = await readUser(ctx, s);
      return u.ok ? checked(u.value.suspended === true, { suspended: u.value.suspended ?? false }) : u;
    }
    case 'revoke-sessions':
      // The Directory API does not say when a user was last signed out: sign out again (idempotent).
      return ok({ compliant: false, state: null, verifiable: false });
    case 'remove-forwarding': {
      const f = await readForwarding(ctx, s, p);
      return f.ok ? checked(!f.value.autoExternal && f.value.state.filters.length === 0, f.value.state) : f;
    }
    case 'set-auto-reply': {
      if (!p.autoReply) return noAutoReplyInspection();
      const res = await gmail(ctx, s, 'GET', '/settings/vacation', SCOPE.settingsBasic, 1, `read ${s.email}'s vacation responder`);
      if (!res.ok) return res;
      const v = vacationSchema.safeParse(res.value.body);
      if (!v.success) return err('upstream_failed', 'Gmail answered the vacation settings in an unexpected shape');
      const on = v.data.enableAutoReply && carriesAutoReply(v.data.responseBodyPlainText, p.autoReply);
      return checked(on, { enableAutoReply: v.data.enableAutoReply });
    }
    case 'delete-account': {
      const u = await readUser(ctx, s);
      if (!u.ok && u.error.code === 'not_found') return checked(true, { deleted: true });
      return u.ok ? checked(false, { deleted: false, suspended: u.value.suspended ?? false }) : u;
    }
    case 'convert-to-shared':
    case 'remove-licences':
      return err('invalid_input', `Google Workspace offboarding does not offer ${step}`);
  }
}

async function apply(ctx: GoogleContext, step: OffboardingStep, s: OffboardingSubject, p: OffboardingParams): Promise<Result<StepOutcome>> {
  switch (step) {
    case 'disable-sign-in': {
      const r = await directory(ctx, s, 'PUT', '', OFFBOARDING_SCOPE.directoryWrite, `suspend ${s.email}`, { suspended: true });
      return r.ok ? done({ suspended: true }, `Suspended ${s.email}: no sign-in, mail still delivered and kept.`) : r;
    }
    case 'revoke-sessions': {
      const r = await directory(ctx, s, 'POST', '/signOut', OFFBOARDING_SCOPE.directorySecurity, `sign ${s.email} out everywhere`);
      return r.ok ? done({ signedOut: true }, `Signed ${s.email} out of every web and device session.`) : r;
    }
    case 'remove-forwarding': {
      const f = await readForwarding(ctx, s, p);
      if (!f.ok) return f;
      if (f.value.autoExternal) {
        const put = await gmail(ctx, s, 'PUT', '/settings/autoForwarding', SCOPE.settingsSharing, GMAIL_COST['settings.updateAutoForwarding'], `turn off ${s.email}'s automatic forwarding`, { enabled: false });
        if (!put.ok) return put;
      }
      for (const filter of f.value.state.filters) {
        const del = await gmail(ctx, s, 'DELETE', `/settings/filters/${encodeURIComponent(filter.id)}`, SCOPE.settingsBasic, GMAIL_COST['settings.filters.delete'], `delete ${s.email}'s forwarding filter`);
        if (!del.ok && del.error.code !== 'not_found') return del;
      }
      const parts = [...(f.value.autoExternal ? [`automatic forwarding to ${f.value.state.autoForwarding.emailAddress ?? 'another address'}`] : []), ...f.value.state.filters.map((x) => `filter forwarding to ${x.forward}`)];
      return done({ autoForwarding: { enabled: false }, filters: [] }, forwardingStoppedText(s.email, parts));
    }
    case 'set-auto-reply': {
      if (!p.autoReply) return noAutoReplyOutcome();
      const body = { enableAutoReply: true, responseSubject: 'No longer at this school', responseBodyPlainText: p.autoReply, restrictToDomain: false };
      const r = await gmail(ctx, s, 'PUT', '/settings/vacation', SCOPE.settingsBasic, 5, `set ${s.email}'s vacation responder`, body);
      return r.ok ? done({ enableAutoReply: true }, autoReplySetText(s.email)) : r;
    }
    case 'delete-account': {
      const r = await directory(ctx, s, 'DELETE', '', OFFBOARDING_SCOPE.directoryWrite, `delete the account ${s.email}`);
      if (!r.ok && r.error.code !== 'not_found') return r;
      return done({ deleted: true }, `Deleted the account ${s.email} (an admin can restore it for 20 days).`);
    }
    case 'convert-to-shared':
    case 'remove-licences':
      return err('invalid_input', `Google Workspace offboarding does not offer ${step}`);
  }
}

async function reenable(ctx: GoogleContext, s: OffboardingSubject): Promise<Result<{ changed: boolean; before: unknown; after: unknown }>> {
  const u = await readUser(ctx, s);
  if (!u.ok) return u;
  const before = { suspended: u.value.suspended ?? false };
  if (!before.suspended) return ok({ changed: false, before, after: before });
  const r = await directory(ctx, s, 'PUT', '', OFFBOARDING_SCOPE.directoryWrite, `unsuspend ${s.email}`, { suspended: false });
  return r.ok ? ok({ changed: true, before, after: { suspended: false } }) : r;
}

export function googleOffboarding(ctx: GoogleContext): OffboardingPort {
  return {
    steps: new Set(Object.keys(PERMISSIONS) as OffboardingStep[]),
    // Gmail settings are changed by acting as the user, which Google refuses once they are
    // suspended: forwarding and the responder go first (seconds), then the suspension.
    order: ['remove-forwarding', 'set-auto-reply', 'disable-sign-in', 'revoke-sessions', 'delete-account'],
    permissions: PERMISSIONS,
    inspect: (step, s, p) => inspect(ctx, step, s, p),
    apply: (step, s, p) => apply(ctx, step, s, p),
    reenable: (s) => reenable(ctx, s),
  };
}
