import type { Realism } from '../../simulator/fixture/realism.ts';
import type { FixtureInput } from '../../simulator/fixture/schema.ts';
import { generateFixture } from '../../simulator/generate/index.ts';
import { createSchoolWithConnection, demoProfile, expectedKeysFor, startAuditOn } from './pipeline-support.ts';

/**
 * The Microsoft 365 side of the end-to-end tests: a generated school on Microsoft 365 and its
 * connection. The provider-neutral steps (queue, waits, findings) are in pipeline-support.ts and
 * re-exported here so the Microsoft tests read from one place.
 */
export { demoProfile, listFindings, keyOf, openKeys, waitForRemediations, waitForRun, waitUntil } from './pipeline-support.ts';
export type { FindingView, RunView } from './pipeline-support.ts';

/** The Worker binding the connection's config names (vitest.config.ts sets it to the simulator's secret). */
export const SECRET_BINDING = 'SECRET_TEST_M365';

/** A 60-mailbox generated school on Microsoft 365, dated now so the Worker's clock and the simulator's agree. */
export function m365Fixture(seed: number, realism: Partial<Realism> = {}): FixtureInput {
  return generateFixture({ mailboxes: 60, seed, providers: ['microsoft365'], now: new Date().toISOString(), realism });
}

export function microsoftTenant(fixture: FixtureInput) {
  const tenant = fixture.microsoft;
  const app = tenant?.apps[0];
  if (!tenant || !app) throw new Error('the generated fixture has no Microsoft tenant or app');
  return { tenant, app };
}

/** School, profile and Microsoft connection through the admin API, as an IT provider would. */
export async function setUpSchool(schoolId: string, fixture: FixtureInput, profile = demoProfile()): Promise<{ connectionId: string }> {
  const { tenant, app } = microsoftTenant(fixture);
  // Connection ids are unique across schools (one D1 table for the whole trust).
  await createSchoolWithConnection(schoolId, profile, {
    id: connectionIdOf(schoolId),
    config: { provider: 'microsoft365', tenantId: tenant.tenantId, clientId: app.clientId, auth: { kind: 'secret', secretRef: SECRET_BINDING } },
  });
  return { connectionId: connectionIdOf(schoolId) };
}

export const connectionIdOf = (schoolId: string): string => `${schoolId}-m365`;

export const startAudit = (schoolId: string, body: Record<string, unknown> = {}): Promise<string> => startAuditOn(schoolId, connectionIdOf(schoolId), body);

/** What the generator says a correct audit finds on Microsoft 365, without the HR-fed check. */
export const expectedKeys = (fixture: FixtureInput): string[] => expectedKeysFor(fixture, 'microsoft365');
