import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { Env } from '../../env.ts';

const DEV_KEY = 'tutela-dev-only-session-key';
const SESSION_RE = /^[A-Za-z0-9_-]{43}$/;

const b64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** The key that signs session-bound tokens: SECRET_SESSION_KEY; a fixed key only in dev and test. */
export function sessionKey(env: Env): string | null {
  const key = env.SECRET_SESSION_KEY;
  if (key && key.length >= 32) return key;
  return env.TUTELA_MODE === 'dev' || env.TUTELA_MODE === 'test' ? DEV_KEY : null;
}

/** __Host- cookies need https; the local demo on http://localhost uses a plain name. */
export const sessionCookieName = (url: string) => (new URL(url).protocol === 'https:' ? '__Host-tutela-session' : 'tutela-session');

/**
 * The browser's session id: a random value in an HttpOnly, SameSite=Strict cookie, created on first
 * visit. It carries no authority (identity comes from Access or dev mode on every request); it is
 * what the CSRF token is bound to.
 */
export function sessionId(c: Context): string {
  const name = sessionCookieName(c.req.url);
  const existing = getCookie(c, name);
  if (existing && SESSION_RE.test(existing)) return existing;
  const fresh = b64url(crypto.getRandomValues(new Uint8Array(32)));
  setCookie(c, name, fresh, { httpOnly: true, sameSite: 'Strict', path: '/', secure: new URL(c.req.url).protocol === 'https:' });
  return fresh;
}

/** Synchroniser token: HMAC of the session id and the signed-in person, so it is useless in another session or to another person. */
export async function csrfToken(key: string, session: string, principalId: string): Promise<string> {
  const k = await crypto.subtle.importKey('raw', new TextEncoder().encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return b64url(new Uint8Array(await crypto.subtle.sign('HMAC', k, new TextEncoder().encode(`csrf|${session}|${principalId}`))));
}
