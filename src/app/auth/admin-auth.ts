import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.ts';
import { errorResponse } from '../errors.ts';

export interface Principal {
  id: string;
  role: 'admin' | 'sbm';
  via: 'api-token' | 'dev';
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

const isLoopback = (url: string) => ['localhost', '127.0.0.1', '[::1]'].includes(new URL(url).hostname);

/**
 * Admin API access: a bearer token (Worker secret ADMIN_API_TOKEN), or — only when the Worker runs
 * in explicit dev mode and is reached on loopback — the local demo's automatic admin.
 */
export const requireAdmin = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header('authorization');
  const token = c.env.ADMIN_API_TOKEN;
  if (header?.startsWith('Bearer ') && token && (await sameSecret(header.slice(7), token))) {
    c.set('principal', { id: 'api-token', role: 'admin', via: 'api-token' });
    return next();
  }
  if (!header && c.env.TUTELA_MODE === 'dev' && isLoopback(c.req.url)) {
    c.set('principal', { id: 'dev-admin', role: 'admin', via: 'dev' });
    return next();
  }
  return errorResponse(c, { code: 'unauthorized', message: 'Sign in or send a valid admin API token.' });
});
