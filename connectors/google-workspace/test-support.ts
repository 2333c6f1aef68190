import { exportPKCS8, exportSPKI, generateKeyPair } from 'jose';
import { checkIds, type CheckId } from '../../src/domain/checks/ids.ts';
import { googleConnectionSchema, type GoogleConnection } from '../../src/domain/connections/config.ts';
import type { AuditScope } from '../../src/domain/ports/tenant-connector.ts';
import { generateFixture, googleDelegatedScopes, type GenerateOptions } from '../../simulator/generate/index.ts';
import type { Realism } from '../../simulator/fixture/realism.ts';
import type { FixtureInput } from '../../simulator/fixture/schema.ts';
import { createTokenStore } from '../shared/oauth-tokens.ts';
import { createGoogleConnector, type GoogleConnectorDeps } from './index.ts';

/** Test-only helpers (not a test file): a key pair made with jose, a generated school, a connector. */

export const KEY_REF = 'SECRET_TEST_GOOGLE_KEY';
export const SA_EMAIL = 'tutela-test@tutela-tests.iam.gserviceaccount.com';
const KEY_ID = 'test-key-0001';
export const DOMAIN = 'oakfieldprimary.sch.uk';
export const ADMIN = `it-admin@${DOMAIN}`;
export const NOW = new Date('2026-11-23T09:00:00Z');

export interface TestKey {
  privatePem: string;
  publicPem: string;
}

export async function makeKey(): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  return { privatePem: await exportPKCS8(privateKey), publicPem: await exportSPKI(publicKey) };
}

export function config(extra: Partial<GoogleConnection> = {}): GoogleConnection {
  return googleConnectionSchema.parse({ provider: 'google-workspace', domain: DOMAIN, adminSubject: ADMIN, serviceAccount: { clientEmail: SA_EMAIL, privateKeyId: KEY_ID, privateKeyRef: KEY_REF }, ...extra });
}

export function schoolOptions(key: TestKey, mailboxes = 40, realism?: Partial<Realism>): GenerateOptions {
  return { mailboxes, seed: 11, providers: ['google-workspace'], serviceAccount: { clientEmail: SA_EMAIL, publicKeyPem: key.publicPem, privateKeyId: KEY_ID }, ...(realism ? { realism } : {}) };
}

/** The generated Oakfield school on Google only, trusting our key; `scopes` replaces the delegated scopes. */
export function school(key: TestKey, options: { mailboxes?: number; realism?: Partial<Realism>; scopes?: string[] } = {}): FixtureInput {
  const fixture = generateFixture(schoolOptions(key, options.mailboxes, options.realism));
  if (options.scopes && fixture.google) fixture.google.delegatedScopes = options.scopes;
  return fixture;
}
export { googleDelegatedScopes };

/**
 * A connector with its own token store unless `deps.tokenStore` is given: each test's simulator
 * issues its own tokens, so one test must not be handed another's.
 */
export function connector(key: TestKey, deps: Partial<GoogleConnectorDeps> = {}, cfg: GoogleConnection = config()) {
  return createGoogleConnector(cfg, {
    secrets: (name) => (name === KEY_REF ? key.privatePem : undefined),
    fetch: (input, init) => fetch(input, init),
    now: () => NOW,
    tokenStore: createTokenStore(),
    ...deps,
  });
}

/** Sleeps recorded and skipped, so retries and pacing cost no wall time in tests. */
export function fakeSleep(): { sleep: (ms: number) => Promise<void>; waits: number[] } {
  const waits: number[] = [];
  return { waits, sleep: (ms) => (waits.push(ms), Promise.resolve()) };
}

export const allChecks: ReadonlySet<CheckId> = new Set(checkIds.filter((c) => c !== 'accounts.leaver-active' && c !== 'attachments.limit-config'));

export function scopeAt(now: Date = NOW, checks: ReadonlySet<CheckId> = allChecks): AuditScope {
  const cutoff = new Date(now);
  cutoff.setUTCMonth(cutoff.getUTCMonth() - 12);
  return { checks, now, sentSince: new Date(now.getTime() - 7 * 86_400_000), retentionCutoff: cutoff };
}
