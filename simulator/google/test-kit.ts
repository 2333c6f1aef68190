/**
 * Test helpers for the Google side (imported only by simulator/google/*.test.ts): a service-account
 * key pair made with jose, a small school fixture, and token/fetch helpers against the real app.
 */
import { SignJWT, exportSPKI, generateKeyPair } from 'jose';
import { createSimulator } from '../app.ts';
import type { Simulator } from '../app.ts';
import type { FixtureInput } from '../fixture/schema.ts';
import { scope } from './scopes.ts';

export const SA_EMAIL = 'tutela@tutela-sim.iam.gserviceaccount.com';
export const SA_KEY_ID = 'sim-key-1';
export const DOMAIN = 'stmarys.sch.uk';
export const NOW = '2026-11-01T12:00:00.000Z';
export const at = (iso: string): string => String(Date.parse(iso));
const MIB = 1024 * 1024;

export interface ServiceAccountKey {
  privateKey: CryptoKey;
  publicKeyPem: string;
}

export async function serviceAccountKey(): Promise<ServiceAccountKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return { privateKey, publicKeyPem: await exportSPKI(publicKey) };
}

const msg = (id: string, labelIds: string[], date: string, sizeEstimate: number, extra: Record<string, unknown> = {}) => ({
  id,
  threadId: `t-${id}`,
  labelIds,
  internalDate: at(date),
  sizeEstimate,
  headers: { From: `teacher@${DOMAIN}`, To: 'parent@example.com', Subject: id, ...((extra.headers as object | undefined) ?? {}) },
  attachments: (extra.attachments as unknown[] | undefined) ?? [],
});

const user = (id: string, local: string, extra: Record<string, unknown> = {}) => ({
  id,
  primaryEmail: `${local}@${DOMAIN}`,
  name: { givenName: local, familyName: 'Staff', fullName: `${local} Staff` },
  creationTime: '2020-09-01T08:00:00.000Z',
  ...extra,
});

/** St Mary's: an admin, a teacher with settings and mail, a leaver, a suspended user and 120 staff. */
export function schoolFixture(publicKeyPem: string, realism: FixtureInput['realism'] = undefined): FixtureInput {
  const staff = Array.from({ length: 120 }, (_, i) => user(`u-staff-${i}`, `staff${String(i).padStart(3, '0')}`));
  return {
    fixtureVersion: 1,
    school: { name: "St Mary's", domains: [DOMAIN] },
    now: NOW,
    ...(realism ? { realism } : {}),
    google: {
      customerId: 'C0sim01',
      domains: [DOMAIN],
      serviceAccounts: [{ clientEmail: SA_EMAIL, publicKeyPem, privateKeyId: SA_KEY_ID }],
      delegatedScopes: Object.values(scope).filter((s) => s !== scope.mail),
      users: [
        user('u-admin', 'admin', { isAdmin: true, lastLoginTime: '2026-10-31T09:00:00.000Z' }),
        user('u-teacher', 'teacher', {
          aliases: [`t.alias@${DOMAIN}`],
          externalIds: [{ type: 'organization', value: 'EMP001' }],
          gmail: {
            autoForwarding: { enabled: true, emailAddress: 'me@gmail.com', disposition: 'leaveInInbox' },
            forwardingAddresses: [
              { forwardingEmail: 'me@gmail.com', verificationStatus: 'accepted' },
              { forwardingEmail: 'pending@example.net', verificationStatus: 'pending' },
            ],
            filters: [{ id: 'f-forward', criteria: { from: 'head@example.org' }, action: { forward: 'me@gmail.com' } }],
            messages: [
              msg('m-big-sent', ['SENT'], '2026-10-20T10:00:00Z', 3 * MIB, {
                headers: { To: 'parent@example.com', Cc: `head@${DOMAIN}`, Bcc: 'governor@example.org' },
                attachments: [{ filename: 'report.pdf', size: 3 * MIB - 20_000, mimeType: 'application/pdf' }],
              }),
              msg('m-mid-sent', ['SENT'], '2026-10-25T10:00:00Z', 2 * MIB),
              msg('m-small-sent', ['SENT'], '2026-09-01T10:00:00Z', 10_000),
              msg('m-old-inbox', ['INBOX'], '2025-06-01T10:00:00Z', 5 * MIB),
              msg('m-recent-inbox', ['INBOX', 'UNREAD'], '2025-11-15T10:00:00Z', 50_000),
              msg('m-old-trash', ['TRASH'], '2024-01-01T10:00:00Z', 4 * MIB),
              msg('m-spam', ['SPAM'], '2026-10-30T10:00:00Z', 8_000),
            ],
            bulk: [{ labelIds: ['INBOX'], internalDate: at('2024-03-01T10:00:00Z'), count: 250 }],
          },
        }),
        user('u-leaver', 'leaver', { externalIds: [{ type: 'organization', value: 'EMP002' }] }),
        user('u-suspended', 'suspended', { suspended: true }),
        ...staff,
      ],
    },
  };
}

export interface AssertionClaims {
  iss?: string;
  sub?: string;
  scope: string;
  aud?: string;
  kid?: string;
  iat?: number;
  exp?: number;
}

export async function assertion(privateKey: CryptoKey, claims: AssertionClaims): Promise<string> {
  const iat = claims.iat ?? Math.floor(Date.now() / 1000);
  return new SignJWT({ scope: claims.scope })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: claims.kid ?? SA_KEY_ID })
    .setIssuer(claims.iss ?? SA_EMAIL)
    .setAudience(claims.aud ?? 'https://oauth2.googleapis.com/token')
    .setIssuedAt(iat)
    .setExpirationTime(claims.exp ?? iat + 3600)
    .setSubject(claims.sub ?? `admin@${DOMAIN}`)
    .sign(privateKey);
}

export async function requestToken(sim: Simulator, jwt: string, url = 'https://oauth2.googleapis.com/token'): Promise<Response> {
  const body = new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: jwt });
  return sim.fetch(new Request(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body }));
}

/** Mints an access token for `sub` with `scopes`, failing the test if the simulator refuses. */
export async function tokenFor(sim: Simulator, key: ServiceAccountKey, sub: string, scopes: string[]): Promise<string> {
  const response = await requestToken(sim, await assertion(key.privateKey, { sub, scope: scopes.join(' ') }));
  const body: { access_token?: string } = await response.json();
  if (response.status !== 200 || !body.access_token) throw new Error(`token refused: ${response.status} ${JSON.stringify(body)}`);
  return body.access_token;
}

export function api(sim: Simulator, token: string | null, method: string, url: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  return sim.fetch(new Request(url, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) }));
}

export { createSimulator };
export const GMAIL = 'https://gmail.googleapis.com/gmail/v1/users';
export const DIRECTORY = 'https://admin.googleapis.com/admin/directory/v1/users';
export const email = (local: string): string => `${local}@${DOMAIN}`;
