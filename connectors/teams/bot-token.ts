import { z } from 'zod';
import { err, ok, type Result } from '../../src/domain/result.ts';

export const BOT_FRAMEWORK_SCOPE = 'https://api.botframework.com/.default';

export interface BotCredentials {
  appId: string;
  tenantId: string;
  password: string;
  loginBase?: string;
}

const tokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().int().positive() });

interface Cached {
  token: string;
  expiresAt: number;
}
const cache = new Map<string, Cached>();
/** Renew this long before expiry so a token never lapses mid-request. */
const EARLY_MS = 5 * 60 * 1000;

/**
 * The bot's outbound token: client credentials against its own (single) tenant, cached per isolate
 * until shortly before it expires.
 */
export async function botToken(creds: BotCredentials, doFetch: typeof fetch = (i, init) => fetch(i, init), now: () => number = Date.now): Promise<Result<string>> {
  const key = `${creds.tenantId}|${creds.appId}`;
  const hit = cache.get(key);
  if (hit && hit.expiresAt - EARLY_MS > now()) return ok(hit.token);
  const base = (creds.loginBase ?? 'https://login.microsoftonline.com').replace(/\/+$/, '');
  const res = await doFetch(`${base}/${encodeURIComponent(creds.tenantId)}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: creds.appId, client_secret: creds.password, scope: BOT_FRAMEWORK_SCOPE }),
  });
  if (!res.ok) {
    return err(res.status === 400 || res.status === 401 ? 'upstream_unauthorized' : 'upstream_failed', `Bot token request failed with ${res.status}`);
  }
  const parsed = tokenSchema.safeParse(await res.json());
  if (!parsed.success) return err('upstream_failed', 'Bot token response was not understood');
  cache.set(key, { token: parsed.data.access_token, expiresAt: now() + parsed.data.expires_in * 1000 });
  return ok(parsed.data.access_token);
}
