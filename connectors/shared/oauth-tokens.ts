import { importPKCS8 } from 'jose';
import { z } from 'zod';
import type { SecretSource } from '../../src/domain/connections/config.ts';
import { err, ok, type Result } from '../../src/domain/result.ts';

/** An OAuth 2 token endpoint's answers (RFC 6749 §5.1 and §5.2), as Entra and Google both send them. */
export const tokenResponse = z.object({ access_token: z.string().min(1), expires_in: z.coerce.number().positive() });
export const tokenError = z.object({ error: z.string(), error_description: z.string().optional() });

/** Refresh this long before expiry so a token never dies mid-request. */
const EARLY_REFRESH_MS = 5 * 60_000;

export interface IssuedToken {
  accessToken: string;
  expiresInS: number;
}

export interface TokenCache {
  /** The cached token for `key`, else the one `issue` gets; concurrent callers share one `issue`. */
  get(key: string, issue: () => Promise<Result<IssuedToken>>): Promise<Result<string>>;
  /** Forget a token the API refused (401), unless a newer one has replaced it already. */
  invalidate(key: string, token: string): void;
}

/**
 * Where a cache keeps its tokens. Each cache gets its own store unless one is passed in: a connector
 * may share one across its instances in an isolate/process (in memory only; never persisted or
 * logged), as long as its keys say whose credential a token was issued to.
 */
export interface TokenStore {
  readonly tokens: Map<string, { token: string; refreshAt: number }>;
  readonly inFlight: Map<string, Promise<Result<string>>>;
  /** Entries kept at most: a long-lived isolate serving many schools must not grow without bound. */
  readonly maxEntries: number;
}

/** 10,000 tokens (a few MB) hold two large schools' audits; older ones are asked for again. */
export function createTokenStore(maxEntries = 10_000): TokenStore {
  return { tokens: new Map(), inFlight: new Map(), maxEntries };
}

function remember(store: TokenStore, key: string, entry: { token: string; refreshAt: number }, now: number): void {
  store.tokens.delete(key);
  store.tokens.set(key, entry);
  if (store.tokens.size <= store.maxEntries) return;
  for (const [k, e] of store.tokens) if (e.refreshAt <= now) store.tokens.delete(k);
  // Still full of live tokens: drop the oldest issued (a Map iterates in insertion order).
  for (const k of store.tokens.keys()) {
    if (store.tokens.size <= store.maxEntries) break;
    store.tokens.delete(k);
  }
}

/** `clock` is wall-clock ms: token lifetimes are judged by the issuer's real clock. */
export function createTokenCache(clock: () => number, store: TokenStore = createTokenStore()): TokenCache {
  const { tokens: cache, inFlight } = store;
  return {
    get(key, issue) {
      const cached = cache.get(key);
      if (cached && cached.refreshAt > clock()) return Promise.resolve(ok(cached.token));
      if (cached) cache.delete(key);
      // Concurrent callers share one request instead of stampeding the token endpoint.
      const pending = inFlight.get(key);
      if (pending) return pending;
      const started = issue()
        .then((issued): Result<string> => {
          if (!issued.ok) return issued;
          remember(store, key, { token: issued.value.accessToken, refreshAt: clock() + issued.value.expiresInS * 1000 - EARLY_REFRESH_MS }, clock());
          return ok(issued.value.accessToken);
        })
        .finally(() => inFlight.delete(key));
      inFlight.set(key, started);
      return started;
    },
    invalidate(key, token) {
      if (cache.get(key)?.token === token) cache.delete(key);
    },
  };
}

/** The signing key kept in secret `ref` as PKCS#8 PEM; service-account JSON keys carry it with escaped newlines. */
export async function importPrivateKey(secrets: SecretSource, ref: string, alg: 'PS256' | 'RS256'): Promise<Result<CryptoKey>> {
  const pem = secrets(ref);
  if (!pem) return err('not_configured', `secret ${ref} is not set`);
  try {
    return ok(await importPKCS8(pem.replaceAll('\\n', '\n'), alg));
  } catch {
    return err('not_configured', `secret ${ref} is not a PKCS#8 PEM RSA private key`);
  }
}
