import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.ts';
import { errorResponse } from '../errors.ts';
import { logger } from '../logger.ts';
import { verifyAccessJwt } from './access-jwt.ts';

export interface Principal {
  id: string;
  role: 'admin' | 'sbm';
  via: 'api-token' | 'dev' | 'access';
}

async function sameSecret(a: string, b: string): Promise<boolean> {
  // Compare digests, so the time taken does not reveal how much of a guess was right.
  const enc = new TextEncoder();
  const [x, y] = await Promise.all([crypto.subtle.digest('SHA-256', enc.encode(a)), crypto.subtle.digest('SHA-256', enc.encode(b))]);
  const ax = new Uint8Array(x);
  const ay = new Uint8Array(y);
  let diff = 0;
  for (let i = 0; i < ax.length; i++) diff |= (ax[i] ?? 0) ^ (ay[i] ?? 0);
  return diff === 0;
}
export { sameSecret };

const isLoopback = (url: string) => ['localhost', '127.0.0.1', '[::1]'].includes(new URL(url).hostname);

/**
 * Who is calling, or null. In order: a bearer token (Worker secret ADMIN_API_TOKEN) for automation;
 * a Cloudflare Access assertion (when ACCESS_TEAM_DOMAIN and ACCESS_AUD are set) for people behind
 * Access; and — only when the Worker runs in explicit dev mode and is reached on loopback — the
 * local demo's automatic admin. A request that offers a credential is judged on it alone.
 */
export async function authenticate(c: Context<AppEnv>): Promise<Principal | null> {
  const header = c.req.header('authorization');
  const token = c.env.ADMIN_API_TOKEN;
  if (header) return header.startsWith('Bearer ') && token && (await sameSecret(header.slice(7), token)) ? { id: 'api-token', role: 'admin', via: 'api-token' } : null;
  const assertion = c.req.header('cf-access-jwt-assertion');
  const { ACCESS_TEAM_DOMAIN: teamDomain, ACCESS_AUD: aud } = c.env;
  if (assertion) {
    if (!teamDomain || !aud) return null;
    const verified = await verifyAccessJwt(assertion, { teamDomain, aud });
    if (verified.ok) return { id: verified.value.email, role: 'admin', via: 'access' };
    logger(c).warn('access_jwt_refused', { details: verified.error.details });
    return null;
  }
  if (c.env.TUTELA_MODE === 'dev' && isLoopback(c.req.url)) return { id: 'dev-admin', role: 'admin', via: 'dev' };
  return null;
}

/** The admin JSON API: a principal, or the stable 401. */
export const requireAdmin = createMiddleware<AppEnv>(async (c, next) => {
  const principal = await authenticate(c);
  if (!principal) return errorResponse(c, { code: 'unauthorized', message: 'Sign in or send a valid admin API token.' });
  c.set('principal', principal);
  return next();
});
