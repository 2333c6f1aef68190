import { err, ok } from '../../src/domain/result.ts';
import type { Result } from '../../src/domain/result.ts';

/**
 * `X-Tutela-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>`, the Stripe
 * scheme: the timestamp is signed with the body, so a captured request cannot be replayed after the
 * window, and a sender may send several v1 values while it rotates secrets.
 */
export const signatureHeader = 'X-Tutela-Signature';
export const toleranceSeconds = 300;
const maxSignatures = 4;

const encoder = new TextEncoder();

function hmacKey(secret: string, usage: 'sign' | 'verify'): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [usage]);
}

const toHex = (bytes: ArrayBuffer) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
const fromHex = (hex: string) => Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));

/** The header value for `body` signed at `t` (unix seconds). For senders, tests, docs and benchmarks. */
export async function signWebhook(secret: string, body: string, t: number): Promise<string> {
  if (secret.length === 0) throw new Error('signWebhook: the secret is empty');
  const mac = await crypto.subtle.sign('HMAC', await hmacKey(secret, 'sign'), encoder.encode(`${t}.${body}`));
  return `t=${t},v1=${toHex(mac)}`;
}

interface ParsedHeader {
  t: number;
  signatures: Uint8Array[];
}

function parseHeader(header: string): ParsedHeader | null {
  let t: number | null = null;
  const signatures: Uint8Array[] = [];
  for (const part of header.split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) return null;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === 't') {
      if (t !== null || !/^\d{1,12}$/.test(value)) return null;
      t = Number(value);
    } else if (key === 'v1') {
      if (!/^[0-9a-f]{64}$/i.test(value)) return null;
      signatures.push(fromHex(value));
    }
    // Other keys (a future v2) are ignored, so a sender can add a scheme before we drop v1.
  }
  if (t === null || signatures.length === 0 || signatures.length > maxSignatures) return null;
  return { t, signatures };
}

export interface VerifiedSignature {
  /** The signed timestamp (unix seconds). */
  timestamp: number;
  /** Which of the configured secrets matched: lets operators see when the old one stops being used. */
  secretIndex: number;
}

/**
 * Checks the signature against every active secret (two during a rotation) with WebCrypto's
 * constant-time HMAC verify, then the 5-minute window in both directions. The window is checked
 * second so only a correctly signed sender learns its clock is off; a forger only ever sees
 * `unauthorized`.
 */
export async function verifyWebhook(rawBody: string, header: string | null | undefined, secrets: readonly string[], now: Date): Promise<Result<VerifiedSignature>> {
  const active = secrets.filter((s) => s.length > 0);
  if (active.length === 0) return err('not_configured', 'No webhook secret is configured for this school');
  const parsed = header ? parseHeader(header) : null;
  if (!parsed) return err('unauthorized', `Missing or malformed ${signatureHeader} header`);

  const signed = encoder.encode(`${parsed.t}.${rawBody}`);
  let secretIndex = -1;
  for (const [index, secret] of active.entries()) {
    const key = await hmacKey(secret, 'verify');
    for (const signature of parsed.signatures) {
      if (await crypto.subtle.verify('HMAC', key, signature, signed)) secretIndex = index;
    }
    if (secretIndex >= 0) break;
  }
  if (secretIndex < 0) return err('unauthorized', 'Webhook signature does not match');

  const skew = Math.floor(now.getTime() / 1000) - parsed.t;
  if (Math.abs(skew) > toleranceSeconds) {
    return err('invalid_input', 'Webhook timestamp outside the 5-minute window; check the sender clock', { skewSeconds: skew });
  }
  return ok({ timestamp: parsed.t, secretIndex });
}
