import type { Realism } from '../../simulator/fixture/realism.ts';
import type { Fixture, FixtureInput } from '../../simulator/fixture/schema.ts';
import { devGoogleServiceAccountPrivateKeyId } from '../../simulator/generate/dev-keys/index.ts';
import { generateFixture, simServiceAccountEmail } from '../../simulator/generate/index.ts';
import { createSchoolWithConnection, demoProfile, expectedKeysFor, keyOf, listFindings, startAuditOn } from './pipeline-support.ts';

/**
 * The Google Workspace side of the end-to-end tests: a generated school on Google only and its
 * connection (service account with domain-wide delegation). The steps every provider shares are in
 * pipeline-support.ts.
 */

/** The Worker binding holding the simulated service account's private key (set in vitest.config.ts). */
export const GOOGLE_KEY_BINDING = 'SECRET_TEST_GOOGLE_KEY';

export const googleOptions = (seed: number, realism: Partial<Realism> = {}) =>
  ({ mailboxes: 60, seed, providers: ['google-workspace' as const], now: new Date().toISOString(), realism });

/** A 60-account generated school on Google Workspace, dated now so the Worker's clock and the simulator's agree. */
export function googleFixture(seed: number, realism: Partial<Realism> = {}): FixtureInput {
  return generateFixture(googleOptions(seed, realism));
}

export function googleDomain(fixture: FixtureInput | Fixture) {
  const domain = fixture.google;
  const admin = (domain?.users ?? []).find((u) => u.isAdmin && !u.suspended && u.primaryEmail.startsWith('it-admin@'));
  if (!domain || !admin) throw new Error('the generated fixture has no Google domain or admin');
  return { domain, admin };
}

export const googleConnectionIdOf = (schoolId: string): string => `${schoolId}-google`;

/** The body of `POST /api/schools/:id/connections` for the fixture's Google domain. */
export function googleConnection(schoolId: string, fixture: FixtureInput): { id: string; config: Record<string, unknown> } {
  const { domain, admin } = googleDomain(fixture);
  return {
    id: googleConnectionIdOf(schoolId),
    config: {
      provider: 'google-workspace',
      domain: domain.domains[0],
      adminSubject: admin.primaryEmail,
      serviceAccount: { clientEmail: simServiceAccountEmail, privateKeyId: devGoogleServiceAccountPrivateKeyId, privateKeyRef: GOOGLE_KEY_BINDING },
    },
  };
}

/** School, profile and Google connection through the admin API, as an IT provider would. */
export async function setUpGoogleSchool(schoolId: string, fixture: FixtureInput, profile = demoProfile()): Promise<{ connectionId: string }> {
  await createSchoolWithConnection(schoolId, profile, googleConnection(schoolId, fixture));
  return { connectionId: googleConnectionIdOf(schoolId) };
}

export const startGoogleAudit = (schoolId: string, body: Record<string, unknown> = {}): Promise<string> => startAuditOn(schoolId, googleConnectionIdOf(schoolId), body);

/** What the generator says a correct audit finds on Google Workspace, without the HR-fed check. */
export const googleExpectedKeys = (fixture: FixtureInput): string[] => expectedKeysFor(fixture, 'google-workspace');

/** A user of the simulator's live state (tests mutate it between audits). */
export function simUser(fixture: Fixture, email: string) {
  const user = fixture.google?.users.find((u) => u.primaryEmail.toLowerCase() === email.toLowerCase());
  if (!user) throw new Error(`no Google user ${email} in the simulator`);
  return user;
}

/**
 * Open findings as keys, leaving out the two "check it by hand" notes (severity info) a Google audit
 * always stores: the domain's forwarding setting and Vault retention are not readable by any API
 * Tutela can use (connectors/google-workspace/tenant.ts), so they are never in `fixture.expected`.
 */
export async function googleOpenKeys(schoolId: string): Promise<string[]> {
  return [...new Set((await listFindings(schoolId, '&status=open')).filter((f) => f.severity !== 'info').map(keyOf))].sort();
}

/** The info notes above, as keys. */
export async function notVerifiableKeys(schoolId: string): Promise<string[]> {
  return (await listFindings(schoolId, '&status=open')).filter((f) => f.severity === 'info').map(keyOf).sort();
}
