import type { Context } from 'hono';
import type { IssuedToken, SimContext } from '../core/context.ts';
import type { GoogleDomain, GoogleUser } from '../fixture/google.ts';
import type { GoogleEnv } from './env.ts';
import {
  directoryNotAuthorized,
  failedPrecondition,
  forbidden,
  gmailNotFound,
  insufficientScopes,
  invalidCredentials,
  loginRequired,
  rateLimited,
} from './errors.ts';
import { gmailCost, quotaOf } from './quota.ts';
import type { GmailMethod } from './quota.ts';
import { effectiveScopes, grants } from './scopes.ts';
import { domainOf, findUser, isGone } from './users.ts';

export type GoogleContext = Context<GoogleEnv>;

export interface Caller {
  token: IssuedToken;
  /** Scopes the call may rely on: the token's minus the tenant's withheld ones. */
  scopes: string[];
  domain: GoogleDomain;
}

/** Bearer token (header, or Google's `access_token` query parameter) → the issued token. */
export function authenticate(c: GoogleContext, ctx: SimContext): Caller | Response {
  const domain = domainOf(ctx);
  const header = c.req.header('authorization');
  const raw = header ? /^Bearer\s+(\S+)$/i.exec(header)?.[1] : c.req.query('access_token');
  if (!raw) return loginRequired();
  const token = ctx.tokens.get(raw);
  if (!domain || !token || token.provider !== 'google-workspace' || token.expiresAt <= Date.now()) return invalidCredentials();
  return { token, scopes: effectiveScopes(token, ctx.gate), domain };
}

/** Asks the realism gate for a slot; on refusal answers 429 as Google does. */
function admit(c: GoogleContext, ctx: SimContext, mailbox: string | undefined): Response | null {
  const admission = ctx.gate.admit(mailbox);
  if (!admission.admitted) {
    const message = admission.reason === 'mailbox-concurrency' ? 'Too many concurrent requests for user.' : 'Rate Limit Exceeded';
    return rateLimited(message, admission.retryAfterSeconds);
  }
  c.set('release', admission.release);
  return null;
}

export interface GmailAccess extends Caller {
  user: GoogleUser;
}

/**
 * Everything a Gmail call goes through before its handler: token, `userId` (only `me` or the
 * impersonated user: no cross-user access even for admins), gate, deletion, scopes, per-user quota.
 */
export function gmailGuard(c: GoogleContext, ctx: SimContext, method: GmailMethod, needs: readonly string[]): GmailAccess | Response {
  const caller = authenticate(c, ctx);
  if (caller instanceof Response) return caller;
  const user = findUser(caller.domain, caller.token.principal);
  // A token minted without `sub` belongs to the service account, which has no mailbox.
  if (!user) return failedPrecondition('Precondition check failed.');
  const userId = c.req.param('userId') ?? 'me';
  if (userId !== 'me' && userId.toLowerCase() !== user.primaryEmail.toLowerCase()) return forbidden(`Delegation denied for ${user.primaryEmail}`);
  c.set('mailbox', user.primaryEmail);
  const refused = admit(c, ctx, user.primaryEmail);
  if (refused) return refused;
  if (isGone(ctx, user)) return gmailNotFound();
  if (!grants(caller.scopes, needs)) return insufficientScopes();
  const charge = quotaOf(ctx).charge(user.primaryEmail, gmailCost[method]);
  if (!charge.ok) {
    const retryAt = new Date(Date.now() + charge.retryAfterSeconds * 1000).toISOString();
    return rateLimited(`User-rate limit exceeded.  Retry after ${retryAt}`, charge.retryAfterSeconds);
  }
  return { ...caller, user };
}

export interface DirectoryAccess extends Caller {
  admin: GoogleUser;
}

/** Directory calls: token, gate, scopes, then the impersonated user must be a (live) super admin. */
export function directoryGuard(c: GoogleContext, ctx: SimContext, needs: readonly string[], target?: GoogleUser): DirectoryAccess | Response {
  const caller = authenticate(c, ctx);
  if (caller instanceof Response) return caller;
  c.set('mailbox', target?.primaryEmail);
  const refused = admit(c, ctx, target?.primaryEmail);
  if (refused) return refused;
  if (!grants(caller.scopes, needs)) return insufficientScopes();
  const admin = findUser(caller.domain, caller.token.principal);
  if (!admin || !admin.isAdmin || admin.suspended || isGone(ctx, admin)) return directoryNotAuthorized();
  return { ...caller, admin };
}
