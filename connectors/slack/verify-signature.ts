import { err, ok, type Result } from '../../src/domain/result.ts';

/** Slack's replay window: a request older (or newer) than this is refused whatever its signature. */
export const SLACK_MAX_SKEW_SECONDS = 5 * 60;

const hexToBytes = (hex: string): Uint8Array | null => {
  if (!/^[0-9a-f]{64}$/i.test(hex)) return null;
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
};

/**
 * Slack request signing v0: HMAC-SHA256 over `v0:{timestamp}:{raw body}` with the signing secret,
 * compared in constant time (WebCrypto verify), within five minutes either side of now.
 */
export async function verifySlackSignature(
  signingSecret: string,
  headers: { get(name: string): string | null },
  rawBody: string,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): Promise<Result<void>> {
  const timestamp = headers.get('x-slack-request-timestamp') ?? '';
  const signature = headers.get('x-slack-signature') ?? '';
  if (!/^\d{1,12}$/.test(timestamp)) return err('unauthorized', 'Slack request timestamp missing', { reason: 'missing_timestamp' });
  if (Math.abs(nowSeconds - Number(timestamp)) > SLACK_MAX_SKEW_SECONDS) return err('unauthorized', 'Slack request is stale', { reason: 'stale_timestamp' });
  const mac = signature.startsWith('v0=') ? hexToBytes(signature.slice(3)) : null;
  if (!mac) return err('unauthorized', 'Slack signature missing', { reason: 'missing_signature' });
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', enc.encode(signingSecret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  const valid = await crypto.subtle.verify('HMAC', key, mac, enc.encode(`v0:${timestamp}:${rawBody}`));
  return valid ? ok(undefined) : err('unauthorized', 'Slack signature does not match', { reason: 'bad_signature' });
}

/** Signs a body as Slack would; used by tests and the local simulator. */
export async function signSlackBody(signingSecret: string, timestamp: number, rawBody: string): Promise<string> {
  const enc = new TextEncoder();
  const key = await crypto.subtle.importKey('raw', enc.encode(signingSecret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, enc.encode(`v0:${timestamp}:${rawBody}`)));
  return `v0=${[...mac].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}
