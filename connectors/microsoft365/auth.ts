import { SignJWT } from 'jose';
import type { MicrosoftConnection, SecretSource } from '../../src/domain/connections/config.ts';
import { err, ok, type Result } from '../../src/domain/result.ts';
import { createTokenCache, importPrivateKey, tokenError, tokenResponse, type IssuedToken } from '../shared/oauth-tokens.ts';

/**
 * Client-credentials tokens for Graph and Exchange, without @azure/msal-node: msal's certificate
 * path fails in workerd (RSA-PSS with a KeyObject) and its client-secret path costs ~111 KiB gzip
 * against ~9 KiB for one form POST plus a jose-signed assertion (docs/adr/0007).
 */

/** Token audiences are the real resources even when endpoints point at the simulator. */
export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';
export const EXCHANGE_SCOPE = 'https://outlook.office365.com/.default';
export type Scope = typeof GRAPH_SCOPE | typeof EXCHANGE_SCOPE;

const ASSERTION_LIFETIME_S = 600;
const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export interface TokenProvider {
  token(scope: Scope): Promise<Result<string>>;
  /** Forget a token the API refused (401) so the next call fetches a fresh one. */
  invalidate(scope: Scope, token: string): void;
}

/**
 * `clock` is wall-clock time (ms), deliberately not the audit's `now`: token lifetimes and assertion
 * validity are judged by Entra's real clock even when an audit runs against a pinned date.
 */
export function createTokenProvider(config: MicrosoftConnection, deps: { secrets: SecretSource; fetch: typeof fetch; clock?: () => number }): TokenProvider {
  const clock = deps.clock ?? Date.now;
  const tokenUrl = `${config.endpoints.login}/${encodeURIComponent(config.tenantId)}/oauth2/v2.0/token`;
  const cache = createTokenCache(clock);

  async function credentials(): Promise<Result<Record<string, string>>> {
    if (config.auth.kind === 'secret') {
      const secret = deps.secrets(config.auth.secretRef);
      if (!secret) return err('not_configured', `secret ${config.auth.secretRef} is not set`);
      return ok({ client_secret: secret });
    }
    const key = await importPrivateKey(deps.secrets, config.auth.privateKeyRef, 'PS256');
    if (!key.ok) return key;
    const nowS = Math.floor(clock() / 1000);
    const assertion = await new SignJWT({})
      .setProtectedHeader({ alg: 'PS256', typ: 'JWT', 'x5t#S256': config.auth.thumbprintSha256 })
      .setIssuer(config.clientId)
      .setSubject(config.clientId)
      .setAudience(tokenUrl)
      .setJti(crypto.randomUUID())
      .setNotBefore(nowS)
      .setIssuedAt(nowS)
      .setExpirationTime(nowS + ASSERTION_LIFETIME_S)
      .sign(key.value);
    return ok({ client_assertion_type: JWT_BEARER, client_assertion: assertion });
  }

  async function request(scope: Scope): Promise<Result<IssuedToken>> {
    const creds = await credentials();
    if (!creds.ok) return creds;
    const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: config.clientId, scope, ...creds.value });
    let res: Response;
    try {
      res = await deps.fetch(tokenUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
    } catch (error) {
      return err('upstream_failed', `could not reach the Microsoft token endpoint: ${error instanceof Error ? error.message : 'network error'}`);
    }
    const json: unknown = await res.json().catch(() => null);
    if (!res.ok) {
      const parsed = tokenError.safeParse(json);
      // error_description names the cause (AADSTS code) and never echoes the secret.
      const why = parsed.success ? `${parsed.data.error}: ${(parsed.data.error_description ?? '').split(' Trace ID:')[0]}` : `HTTP ${res.status}`;
      return err(res.status === 400 || res.status === 401 ? 'upstream_unauthorized' : 'upstream_failed', `Microsoft refused Tutela's app credentials (${why})`);
    }
    const parsed = tokenResponse.safeParse(json);
    if (!parsed.success) return err('upstream_failed', 'the Microsoft token endpoint answered without an access token');
    return ok({ accessToken: parsed.data.access_token, expiresInS: parsed.data.expires_in });
  }

  return {
    token: (scope) => cache.get(scope, () => request(scope)),
    invalidate: (scope, token) => cache.invalidate(scope, token),
  };
}
