import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../context.ts';
import { logger } from '../logger.ts';
import { authenticate, sameSecret } from './admin-auth.ts';
import { csrfToken, sessionId, sessionKey } from './session.ts';

/** The dashboard's Hono env: the app's, plus the CSRF token every form must send back. */
export interface DashboardEnv {
  Bindings: AppEnv['Bindings'];
  Variables: AppEnv['Variables'] & { csrf: string };
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

const page = (c: Context, status: 401 | 403 | 503, title: string, text: string) =>
  c.html(`<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>${title}</title></head><body><main><h1>${title}</h1><p>${text}</p></main></body></html>`, status);

async function submittedToken(c: Context): Promise<string | undefined> {
  const header = c.req.header('x-csrf-token');
  if (header) return header;
  const type = c.req.header('content-type') ?? '';
  if (!type.includes('application/x-www-form-urlencoded') && !type.includes('multipart/form-data')) return undefined;
  const body = await c.req.parseBody();
  return typeof body._csrf === 'string' ? body._csrf : undefined;
}

/**
 * Every dashboard request: a principal (Access, API token, or dev mode on loopback), a session
 * cookie, and for anything that changes state a CSRF token bound to that session and person, plus
 * a same-origin check when the browser says where the request came from.
 */
export const dashboardAuth = createMiddleware<DashboardEnv>(async (c, next) => {
  const principal = await authenticate(c as unknown as Context<AppEnv>);
  if (!principal) return page(c, 401, 'Sign in required', 'Sign in through your organisation (Cloudflare Access) to use the Tutela dashboard.');
  const key = sessionKey(c.env);
  if (!key) return page(c, 503, 'Not configured', 'The dashboard needs the Worker secret SECRET_SESSION_KEY (at least 32 characters).');
  c.set('principal', principal);
  const expected = await csrfToken(key, sessionId(c), principal.id);
  c.set('csrf', expected);
  if (!SAFE.has(c.req.method)) {
    const origin = c.req.header('origin');
    const sent = await submittedToken(c);
    const sameOrigin = !origin || origin === new URL(c.req.url).origin;
    if (!sameOrigin || !sent || !(await sameSecret(sent, expected))) {
      logger(c as unknown as Context<AppEnv>).warn('csrf_refused', { path: c.req.path, reason: !sameOrigin ? 'origin' : sent ? 'mismatch' : 'missing' });
      return page(c, 403, 'Request refused', 'This form has expired or did not come from the dashboard. Go back, reload the page and try again.');
    }
  }
  return next();
});
