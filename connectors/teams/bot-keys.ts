import { importJWK } from 'jose';
import { z } from 'zod';

export const BOT_FRAMEWORK_OPENID_METADATA = 'https://login.botframework.com/v1/.well-known/openidconfiguration';

const metadataSchema = z.object({ jwks_uri: z.url() });
const jwkSchema = z.object({
  kty: z.literal('RSA'),
  kid: z.string().min(1),
  n: z.string().min(1),
  e: z.string().min(1),
  // Channels this key may sign for; a key without endorsements signs for none.
  endorsements: z.array(z.string()).default([]),
});
const jwksSchema = z.object({ keys: z.array(z.unknown()) });

export interface BotSigningKey {
  key: CryptoKey;
  endorsements: string[];
}

export interface BotKeySource {
  /** The key with this id, refreshing the set at most once per `minRefreshMs` when the id is unknown. */
  get(kid: string): Promise<BotSigningKey | undefined>;
}

interface Options {
  metadataUrl?: string;
  fetch?: typeof fetch;
  now?: () => number;
  /** Keys are re-read after this long even if every kid is known (Microsoft rotates them). */
  maxAgeMs?: number;
  /** An unknown kid triggers a refresh no more often than this, so forged kids cannot make us fetch per request. */
  minRefreshMs?: number;
}

async function readKeys(metadataUrl: string, doFetch: typeof fetch): Promise<Map<string, BotSigningKey>> {
  const metaRes = await doFetch(metadataUrl, { headers: { accept: 'application/json' } });
  if (!metaRes.ok) throw new Error(`Bot Framework OpenID metadata answered ${metaRes.status}`);
  const { jwks_uri } = metadataSchema.parse(await metaRes.json());
  const keysRes = await doFetch(jwks_uri, { headers: { accept: 'application/json' } });
  if (!keysRes.ok) throw new Error(`Bot Framework JWKS answered ${keysRes.status}`);
  const keys = new Map<string, BotSigningKey>();
  for (const raw of jwksSchema.parse(await keysRes.json()).keys) {
    // Skip keys we cannot use rather than failing the whole set (the JWKS also lists other key types).
    const jwk = jwkSchema.safeParse(raw);
    if (!jwk.success) continue;
    const key = await importJWK({ kty: 'RSA', n: jwk.data.n, e: jwk.data.e }, 'RS256');
    if (key instanceof Uint8Array) continue;
    keys.set(jwk.data.kid, { key, endorsements: jwk.data.endorsements });
  }
  return keys;
}

/** Caches the Bot Framework signing keys for the isolate's lifetime; see `sharedBotKeySource`. */
export function createBotKeySource(options: Options = {}): BotKeySource {
  const metadataUrl = options.metadataUrl ?? BOT_FRAMEWORK_OPENID_METADATA;
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const now = options.now ?? Date.now;
  const maxAgeMs = options.maxAgeMs ?? 24 * 60 * 60 * 1000;
  const minRefreshMs = options.minRefreshMs ?? 5 * 60 * 1000;
  let keys: Map<string, BotSigningKey> | undefined;
  let loadedAt = 0;
  let inflight: Promise<void> | undefined;

  const refresh = (): Promise<void> => {
    // Concurrent requests share one refresh.
    inflight ??= readKeys(metadataUrl, doFetch)
      .then((fresh) => {
        keys = fresh;
        loadedAt = now();
      })
      .finally(() => {
        inflight = undefined;
      });
    return inflight;
  };

  return {
    async get(kid) {
      if (!keys || now() - loadedAt > maxAgeMs) await refresh();
      const known = keys?.get(kid);
      if (known) return known;
      if (now() - loadedAt < minRefreshMs) return undefined;
      await refresh();
      return keys?.get(kid);
    },
  };
}

const shared = new Map<string, BotKeySource>();

/** One key cache per metadata URL per isolate: keys are fetched once, not per request. */
export function sharedBotKeySource(metadataUrl = BOT_FRAMEWORK_OPENID_METADATA): BotKeySource {
  let source = shared.get(metadataUrl);
  if (!source) {
    source = createBotKeySource({ metadataUrl });
    shared.set(metadataUrl, source);
  }
  return source;
}
