import { SignJWT } from 'jose';
import type { GoogleConnection, SecretSource } from '../../src/domain/connections/config.ts';
import { err, ok, type Result } from '../../src/domain/result.ts';
import { createTokenCache, createTokenStore, importPrivateKey, tokenError, tokenResponse, type IssuedToken, type TokenStore } from '../shared/oauth-tokens.ts';
import { shortScope } from './scopes.ts';

/**
 * Domain-wide delegation tokens: a JWT-bearer assertion signed with jose (RS256) exchanged at
 * `config.endpoints.token`. google-auth-library's JWT hard-codes oauth2.googleapis.com as token URL
 * and audience, which rules out the simulator and national endpoints (docs/adr/0008-google-auth.md).
 */

const ASSERTION_LIFETIME_S = 3600;
const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

export interface TokenProvider {
  /** An access token acting as `subject` (a user's primary email) with exactly `scope`. */
  token(subject: string, scope: string): Promise<Result<string>>;
  /** Forget a token the API refused (401) so the next call fetches a fresh one. */
  invalidate(subject: string, scope: string, token: string): void;
}

/**
 * Tokens outlive a connector: the pipeline builds one per queue message, and an isolate (or the CLI's
 * process) runs many messages. Kept in memory only, never persisted or logged. Keys start with a
 * hash of the credential (token URL, client, key id and the private key itself), so only a caller
 * holding the same key — one that could have signed the assertion — is handed a cached token.
 */
const isolateTokens: TokenStore = createTokenStore();

async function credentialId(tokenUrl: string, clientEmail: string, keyId: string, pem: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode([tokenUrl, clientEmail, keyId, pem].join('\n')));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Turns the token endpoint's refusal into our codes, naming the scope or the subject at fault. */
function refusal(status: number, body: unknown, subject: string, scope: string, clientEmail: string): Result<never> {
  const parsed = tokenError.safeParse(body);
  const error = parsed.success ? parsed.data.error : `HTTP ${status}`;
  const description = parsed.success ? (parsed.data.error_description ?? '') : '';
  const details = { status, upstreamCode: error, permission: scope, subject };
  if (error === 'unauthorized_client' || error === 'access_denied') {
    return err(
      'upstream_forbidden',
      `domain-wide delegation for scope ${scope} is not granted to client ${clientEmail} (Admin console › Security › API controls › Domain-wide delegation; needed to act as ${subject} with ${shortScope(scope)})`,
      details,
    );
  }
  if (error === 'invalid_scope') return err('upstream_forbidden', `Google refused the scope ${scope} for ${clientEmail}: ${description}`, details);
  if (error === 'invalid_grant' && /invalid email or user id|not found|deleted|suspended/i.test(description)) {
    return err('not_found', `Google Workspace has no active account ${subject} to act as (deleted or suspended)`, details);
  }
  return err(status >= 500 ? 'upstream_failed' : 'upstream_unauthorized', `Google refused Tutela's service-account assertion for ${subject} (${error}${description ? `: ${description}` : ''})`, details);
}

/**
 * `clock` is wall-clock time (ms), deliberately not the audit's `now`: assertion and token
 * lifetimes are judged by Google's real clock even when an audit runs against a pinned date.
 */
export function createTokenProvider(
  config: GoogleConnection,
  deps: { secrets: SecretSource; fetch: typeof fetch; clock?: () => number; store?: TokenStore },
): TokenProvider {
  const clock = deps.clock ?? Date.now;
  const tokenUrl = config.endpoints.token;
  const account = config.serviceAccount;
  // One token per (credential, subject, scope).
  const cache = createTokenCache(clock, deps.store ?? isolateTokens);
  const cacheKey = (credential: string, subject: string, scope: string) => `${credential} ${subject.toLowerCase()} ${scope}`;
  let key: Promise<Result<{ signer: CryptoKey; credential: string }>> | null = null;
  const signingKey = (): Promise<Result<{ signer: CryptoKey; credential: string }>> =>
    (key ??= importPrivateKey(deps.secrets, account.privateKeyRef, 'RS256').then(async (imported) => {
      if (!imported.ok) return imported;
      const credential = await credentialId(tokenUrl, account.clientEmail, account.privateKeyId, deps.secrets(account.privateKeyRef) ?? '');
      return ok({ signer: imported.value, credential });
    }));
  // Set once the key has been read: invalidate() is synchronous and only ever follows a token().
  let credentialSeen: string | null = null;

  async function request(signer: CryptoKey, subject: string, scope: string): Promise<Result<IssuedToken>> {
    const nowS = Math.floor(clock() / 1000);
    const assertion = await new SignJWT({ scope })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: account.privateKeyId })
      .setIssuer(account.clientEmail)
      .setSubject(subject)
      .setAudience(tokenUrl)
      .setIssuedAt(nowS)
      .setExpirationTime(nowS + ASSERTION_LIFETIME_S)
      .sign(signer);
    let res: Response;
    try {
      res = await deps.fetch(tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: JWT_BEARER, assertion }),
      });
    } catch (error) {
      return err('upstream_failed', `could not reach the Google token endpoint: ${error instanceof Error ? error.message : 'network error'}`);
    }
    const json: unknown = await res.json().catch(() => null);
    if (!res.ok) return refusal(res.status, json, subject, scope, account.clientEmail);
    const parsed = tokenResponse.safeParse(json);
    if (!parsed.success) return err('upstream_failed', 'the Google token endpoint answered without an access token');
    return ok({ accessToken: parsed.data.access_token, expiresInS: parsed.data.expires_in });
  }

  return {
    async token(subject, scope) {
      const signing = await signingKey();
      if (!signing.ok) return signing;
      const { signer, credential } = signing.value;
      credentialSeen = credential;
      return cache.get(cacheKey(credential, subject, scope), () => request(signer, subject, scope));
    },
    invalidate(subject, scope, token) {
      if (credentialSeen) cache.invalidate(cacheKey(credentialSeen, subject, scope), token);
    },
  };
}
