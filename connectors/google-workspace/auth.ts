import { JWT } from 'google-auth-library';
import { z } from 'zod';
import type { GoogleConnection, SecretSource } from '../../src/domain/connections/config.ts';
import { sha256Hex } from '../../src/domain/content-hash.ts';
import { err, ok, type Result } from '../../src/domain/result.ts';
import { createTokenCache, createTokenStore, importPrivateKey, tokenError, type IssuedToken, type TokenStore } from '../shared/oauth-tokens.ts';
import { shortScope } from './scopes.ts';

/**
 * Domain-wide delegation tokens from google-auth-library's `JWT` (it signs the assertion and
 * exchanges it). The library posts to a hard-coded https://oauth2.googleapis.com/token, so its
 * transporter is given a fetch that sends that one URL to `config.endpoints.token` instead: the
 * simulator and proxied setups stay reachable (docs/adr/0008-google-auth.md).
 */

/** The token URL google-auth-library posts to and puts in the assertion's `aud`. */
export const LIBRARY_TOKEN_URL = 'https://oauth2.googleapis.com/token';

/** What gaxios throws for a refused or unreachable token request; only these fields are read. */
const gaxiosFailure = z.object({ response: z.object({ status: z.number(), data: z.unknown() }).optional(), message: z.string().optional() });

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

const credentialId = (tokenUrl: string, clientEmail: string, keyId: string, pem: string): Promise<string> => sha256Hex([tokenUrl, clientEmail, keyId, pem].join('\n'));

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
  // The library's token request, sent to the configured endpoint. Only that URL is ever asked for.
  const transport: typeof fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    return deps.fetch(url === LIBRARY_TOKEN_URL ? tokenUrl : input, init);
  };
  let key: Promise<Result<{ pem: string; credential: string }>> | null = null;
  const signingKey = (): Promise<Result<{ pem: string; credential: string }>> =>
    (key ??= importPrivateKey(deps.secrets, account.privateKeyRef, 'RS256').then(async (imported) => {
      if (!imported.ok) return imported;
      const pem = deps.secrets(account.privateKeyRef) ?? '';
      const credential = await credentialId(tokenUrl, account.clientEmail, account.privateKeyId, pem);
      return ok({ pem: pem.replaceAll('\\n', '\n'), credential });
    }));
  // Set once the key has been read: invalidate() is synchronous and only ever follows a token().
  let credentialSeen: string | null = null;

  async function request(pem: string, subject: string, scope: string): Promise<Result<IssuedToken>> {
    // One client per token: our cache, not the library's, decides when to ask again.
    const jwt = new JWT({ email: account.clientEmail, key: pem, keyId: account.privateKeyId, scopes: [scope], subject, transporterOptions: { fetchImplementation: transport } });
    try {
      const issued = await jwt.authorize();
      if (!issued.access_token || !issued.expiry_date) return err('upstream_failed', 'the Google token endpoint answered without an access token');
      // The library dates expiry by the wall clock when the answer arrived; our cache keeps its own clock.
      return ok({ accessToken: issued.access_token, expiresInS: Math.round((issued.expiry_date - Date.now()) / 1000) });
    } catch (error) {
      const failure = gaxiosFailure.safeParse(error);
      const response = failure.success ? failure.data.response : undefined;
      if (response) return refusal(response.status, response.data, subject, scope, account.clientEmail);
      // Never echo the error object itself: gaxios errors carry the request, assertion included.
      return err('upstream_failed', `could not reach the Google token endpoint: ${failure.success && failure.data.message ? failure.data.message.slice(0, 200) : 'network error'}`);
    }
  }

  return {
    async token(subject, scope) {
      const signing = await signingKey();
      if (!signing.ok) return signing;
      const { pem, credential } = signing.value;
      credentialSeen = credential;
      return cache.get(cacheKey(credential, subject, scope), () => request(pem, subject, scope));
    },
    invalidate(subject, scope, token) {
      if (credentialSeen) cache.invalidate(cacheKey(credentialSeen, subject, scope), token);
    },
  };
}
