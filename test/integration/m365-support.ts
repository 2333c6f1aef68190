import { env } from 'cloudflare:workers';
import { expect } from 'vitest';
import demoProfileYaml from '../../profiles/demo-school.yaml?raw';
import type { CheckId } from '../../src/domain/checks/ids.ts';
import type { Realism } from '../../simulator/fixture/realism.ts';
import type { FixtureInput } from '../../simulator/fixture/schema.ts';
import { expectedKey, generateFixture } from '../../simulator/generate/index.ts';
import { api } from '../support/api.ts';

/**
 * Shared steps of the Microsoft 365 end-to-end tests: a generated school is set up through the
 * admin API, audits go through the real queue (producer → the Worker's own consumer), and tests wait
 * on D1 for the work to settle. Nothing of ours is faked; only the Microsoft hosts are simulated.
 */

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

/** The demo school's profile, with per-check remediation modes replaced where a test needs other ones. */
export function demoProfile(modes?: Record<string, 'report' | 'approve' | 'auto'>): string {
  if (!modes) return demoProfileYaml;
  const [head] = demoProfileYaml.split('\nremediation:');
  const entries = Object.entries(modes);
  return `${head}\nremediation:${entries.length ? `\n${entries.map(([check, mode]) => `  ${check}: ${mode}`).join('\n')}` : ' {}'}\n`;
}

/** School, profile and Microsoft connection through the admin API, as an IT provider would. */
export async function setUpSchool(schoolId: string, fixture: FixtureInput, profile = demoProfile()): Promise<{ connectionId: string }> {
  const { tenant, app } = microsoftTenant(fixture);
  expect((await api('POST', '/api/schools', { id: schoolId, name: `Oakfield ${schoolId}` })).status).toBe(201);
  expect((await api('PUT', `/api/schools/${schoolId}/profile`, profile, { 'content-type': 'text/yaml' })).status).toBe(201);
  const connection = await api('POST', `/api/schools/${schoolId}/connections`, {
    // Connection ids are unique across schools (one D1 table for the whole trust).
    id: connectionIdOf(schoolId),
    config: { provider: 'microsoft365', tenantId: tenant.tenantId, clientId: app.clientId, auth: { kind: 'secret', secretRef: SECRET_BINDING } },
  });
  expect(connection.status).toBe(201);
  return { connectionId: connectionIdOf(schoolId) };
}

export const connectionIdOf = (schoolId: string): string => `${schoolId}-m365`;

export interface RunView {
  id: string;
  status: string;
  dryRun: boolean;
  warnings: { code: string; message: string; permission?: string }[];
  errors: { code: string; message: string; permission?: string }[];
  summary: { findings: number; resolved: number; unreadMailboxes: number; mailboxes: number } | null;
}

export async function startAudit(schoolId: string, body: Record<string, unknown> = {}): Promise<string> {
  const res = await api('POST', `/api/schools/${schoolId}/audits`, { connectionId: connectionIdOf(schoolId), ...body });
  expect(res.status).toBe(202);
  return String(res.json.runId);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `done` says yes; the queue delivers in the background, so this is how a test drains it. */
export async function waitUntil<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await pause(100);
  }
}

/** Waits for a run to finish and for every remediation it queued to settle. */
export async function waitForRun(schoolId: string, runId: string, timeoutMs = 60_000): Promise<RunView> {
  const run = await waitUntil(`run ${runId}`, async () => {
    const res = await api('GET', `/api/schools/${schoolId}/runs/${runId}`);
    const view = res.json.run as RunView;
    return view.status === 'queued' || view.status === 'running' ? null : view;
  }, timeoutMs);
  await waitForRemediations(schoolId, timeoutMs);
  return run;
}

/** Waits until no remediation of the school is approved or running (queued work has been done). */
export async function waitForRemediations(schoolId: string, timeoutMs = 60_000): Promise<void> {
  await waitUntil('remediations to settle', async () => {
    const row = await env.DB.prepare("SELECT COUNT(*) AS n FROM remediation_actions WHERE school_id = ?1 AND status IN ('approved', 'running')").bind(schoolId).first<{ n: number }>();
    return row?.n === 0;
  }, timeoutMs);
}

export interface FindingView {
  id: string;
  checkId: CheckId;
  provider: string;
  status: string;
  subject: { id: string; email: string | null; item?: string };
  remediation: { available: boolean; action: string | null; mode: string };
  evidence: Record<string, unknown>;
}

export async function listFindings(schoolId: string, query = ''): Promise<FindingView[]> {
  const res = await api('GET', `/api/schools/${schoolId}/findings?limit=20000${query}`);
  expect(res.status).toBe(200);
  return res.json.findings as FindingView[];
}

export const keyOf = (f: FindingView): string =>
  expectedKey({ checkId: f.checkId, provider: 'microsoft365', email: f.subject.email ?? '', ...(f.subject.email && f.subject.item ? { item: f.subject.item } : {}) });

/** What the generator says a correct audit finds on Microsoft 365, without the HR-fed check. */
export function expectedKeys(fixture: FixtureInput): string[] {
  return (fixture.expected ?? []).filter((f) => f.provider === 'microsoft365' && f.checkId !== 'accounts.leaver-active').map(expectedKey).sort();
}

export async function openKeys(schoolId: string): Promise<string[]> {
  return [...new Set((await listFindings(schoolId, '&status=open')).map(keyOf))].sort();
}
