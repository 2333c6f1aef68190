import type { SimContext } from '../core/context.ts';

export type TokenCheck = { ok: true; clientId: string } | { ok: false; message: string };

/** Validates a bearer token the simulator issued for `resource` (Graph or Exchange). */
export function checkBearer(ctx: SimContext, header: string | undefined, resource: string): TokenCheck {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  if (!match?.[1]) return { ok: false, message: 'Access token is empty.' };
  const token = ctx.tokens.get(match[1]);
  if (!token || token.provider !== 'microsoft365') return { ok: false, message: 'IDX14100: JWT is not well formed, there are no dots (.).' };
  if (token.expiresAt <= Date.now()) return { ok: false, message: 'Lifetime validation failed, the token is expired.' };
  if (token.audience !== resource) return { ok: false, message: 'Access token validation failure. Invalid audience.' };
  return { ok: true, clientId: token.principal };
}
