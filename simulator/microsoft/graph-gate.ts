import type { MiddlewareHandler } from 'hono';
import type { SimContext } from '../core/context.ts';
import type { Admission } from '../core/realism-gate.ts';
import type { SimEnv } from '../sim-env.ts';
import { checkBearer } from './auth.ts';
import { findUser } from './directory.ts';
import { graphError, notFoundItem, notFoundUser } from './errors.ts';
import { isGone } from './state.ts';
import { GRAPH_RESOURCE } from './token.ts';

/** The user segment of `/v1.0/users/{ref}/…`; `delta` is a function, not a user. */
function userRef(path: string): string | undefined {
  const match = /^\/v1\.0\/users\/([^/?]+)/.exec(path);
  const ref = match?.[1];
  return ref && ref !== 'delta' && !ref.startsWith('delta(') ? ref : undefined;
}

/** 429 body: Exchange names the mailbox-concurrency limit; other throttling is generic. */
export function throttled(c: Parameters<MiddlewareHandler<SimEnv>>[0], admission: Extract<Admission, { admitted: false }>): Response {
  const headers = { 'Retry-After': String(admission.retryAfterSeconds) };
  return admission.reason === 'mailbox-concurrency'
    ? graphError(c, 429, 'ApplicationThrottled', 'Application is over its MailboxConcurrency limit.', headers)
    : graphError(c, 429, 'TooManyRequests', 'Too many requests. Please try again later.', headers);
}

/**
 * Every Graph call goes through here: token check, the realism gate (dice, per-mailbox
 * concurrency), latency (once per HTTP request; a $batch pays it once), and vanished users.
 */
export function graphGate(ctx: SimContext): MiddlewareHandler<SimEnv> {
  return async (c, next) => {
    const batch = c.env?.batch;
    const path = new URL(c.req.url).pathname;
    const isBatch = path === '/v1.0/$batch';
    let admission: Admission | undefined;
    let early: Response | undefined;
    const ref = userRef(path);
    const user = ref ? findUser(ctx, ref) : undefined;
    try {
      const auth = checkBearer(ctx, c.req.header('authorization'), GRAPH_RESOURCE);
      if (!auth.ok) {
        early = graphError(c, 401, 'InvalidAuthenticationToken', auth.message, { 'WWW-Authenticate': 'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize"' });
      } else if (!isBatch) {
        c.set('msUser', user);
        c.set('mailbox', user ? user.userPrincipalName.toLowerCase() : ref ? decodeURIComponent(ref).toLowerCase() : undefined);
        admission = ctx.gate.admit(user?.id ?? ref?.toLowerCase());
        if (!admission.admitted) early = throttled(c, admission);
      }
    } finally {
      batch?.arrive();
    }
    if (early) return early;
    try {
      if (batch) await batch.allArrived;
      else await ctx.gate.latency();
      if (ref && (!user || isGone(ctx, user))) {
        return path === `/v1.0/users/${ref}` || path.endsWith('/revokeSignInSessions') ? notFoundUser(c, decodeURIComponent(ref)) : notFoundItem(c);
      }
      if (user && user.mailbox === null && /^\/v1\.0\/users\/[^/]+\/(mailFolders|messages|mailboxSettings)/.test(path)) {
        return graphError(c, 404, 'MailboxNotEnabledForRESTAPI', 'The mailbox is either inactive, soft-deleted, or is hosted on-premise.');
      }
      await next();
    } finally {
      if (admission?.admitted) admission.release();
    }
    return undefined;
  };
}
