import { createExecutionContext, createScheduledController, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { expect } from 'vitest';
import demoProfileYaml from '../../profiles/demo-school.yaml?raw';
import type { CheckId, Provider } from '../../src/domain/checks/ids.ts';
import { createConnector } from '../../connectors/index.ts';
import { createLogger } from '../../src/app/logger.ts';
import worker from '../../src/index.ts';
import type { AuditDeps } from '../../src/jobs/audit/deps.ts';
import type { JobMessage } from '../../src/jobs/messages.ts';
import { runAuditBatch } from '../../src/jobs/audit/run-batch.ts';
import { noChannelNotifier } from '../../src/jobs/notifier.ts';
import { secretsFrom } from '../../src/jobs/worker-deps.ts';
import type { Simulator } from '../../simulator/app.ts';
import type { RecordedRequest } from '../../simulator/core/recorder.ts';
import type { FixtureInput } from '../../simulator/fixture/schema.ts';
import { expectedKey } from '../../simulator/generate/index.ts';
import { api } from '../support/api.ts';
import type { countingD1 } from './d1-counter.ts';

/**
 * Provider-neutral steps of the end-to-end tests: a school set up through the admin API, audits
 * through the real queue (producer → the Worker's own consumer), and waits on D1 for the work to
 * settle. The provider files (m365-support.ts, google-support.ts) add the connection and the fixture.
 */

/** The demo school's profile, with per-check remediation modes replaced where a test needs other ones. */
export function demoProfile(modes?: Record<string, 'report' | 'approve' | 'auto'>): string {
  if (!modes) return demoProfileYaml;
  const [head] = demoProfileYaml.split('\nremediation:');
  const entries = Object.entries(modes);
  return `${head}\nremediation:${entries.length ? `\n${entries.map(([check, mode]) => `  ${check}: ${mode}`).join('\n')}` : ' {}'}\n`;
}

/** School, profile and one connection through the admin API, as an IT provider would. */
export async function createSchoolWithConnection(schoolId: string, profile: string, connection: { id: string; config: Record<string, unknown> }): Promise<void> {
  expect((await api('POST', '/api/schools', { id: schoolId, name: `Oakfield ${schoolId}` })).status).toBe(201);
  expect((await api('PUT', `/api/schools/${schoolId}/profile`, profile, { 'content-type': 'text/yaml' })).status).toBe(201);
  const created = await api('POST', `/api/schools/${schoolId}/connections`, connection);
  expect(created.status, JSON.stringify(created.json)).toBe(201);
}

export interface RunError {
  code: string;
  message: string;
  permission?: string;
}

export interface RunView {
  id: string;
  status: string;
  dryRun: boolean;
  warnings: RunError[];
  errors: RunError[];
  summary: { findings: number; resolved: number; unreadMailboxes: number; mailboxes: number } | null;
}

export async function startAuditOn(schoolId: string, connectionId: string, body: Record<string, unknown> = {}): Promise<string> {
  const res = await api('POST', `/api/schools/${schoolId}/audits`, { connectionId, ...body });
  expect(res.status).toBe(202);
  return String(res.json.runId);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls until `probe` says yes; the queue delivers in the background, so this is how a test drains it. */
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
  provider: Provider;
  severity: string;
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
  expectedKey({ checkId: f.checkId, provider: f.provider, email: f.subject.email ?? '', ...(f.subject.email && f.subject.item ? { item: f.subject.item } : {}) });

/** What the generator says a correct audit finds on `provider`, without the HR-fed check (no HR import here). */
export function expectedKeysFor(fixture: FixtureInput, provider: Provider): string[] {
  return (fixture.expected ?? []).filter((f) => f.provider === provider && f.checkId !== 'accounts.leaver-active').map(expectedKey).sort();
}

export async function openKeys(schoolId: string): Promise<string[]> {
  return [...new Set((await listFindings(schoolId, '&status=open')).map(keyOf))].sort();
}

export interface ActionView {
  id: string;
  findingId: string;
  action: string;
  status: string;
  dryRun: boolean;
}

export interface LogEntry {
  action: string;
  targetId: string;
  outcome: string;
  dryRun: boolean;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

export const remediationsOf = async (schoolId: string, status = ''): Promise<ActionView[]> =>
  (await api('GET', `/api/schools/${schoolId}/remediations${status ? `?status=${status}` : ''}`)).json.remediations as ActionView[];

export const auditLogOf = async (schoolId: string): Promise<LogEntry[]> => (await api('GET', `/api/schools/${schoolId}/audit-log`)).json.entries as LogEntry[];

/** Fires one of wrangler.toml's crons at the Worker's scheduled handler, as Cloudflare would. */
export async function fireCron(cron: string, at: Date): Promise<void> {
  const ctx = createExecutionContext();
  await worker.scheduled(createScheduledController({ cron, scheduledTime: at }), env, ctx);
  await waitOnExecutionContext(ctx);
}

export const runsOf = async (connectionId: string, trigger: string): Promise<{ id: string; status: string }[]> =>
  (await env.DB.prepare('SELECT id, status FROM audit_runs WHERE connection_id = ?1 AND trigger = ?2').bind(connectionId, trigger).all<{ id: string; status: string }>()).results;

/**
 * The Worker's pipeline wiring with the queue replaced by a list, for tests that drive one message
 * by hand (`runAuditBatch`) and measure it. `db` may be a counting wrapper around `env.DB`.
 */
export function directPipelineDeps(db: D1Database, sent: JobMessage[]): AuditDeps {
  return {
    db,
    queue: { send: (messages) => (sent.push(...messages), Promise.resolve()) },
    connectorFor: (connection) => createConnector(connection.config, { secrets: secretsFrom(env), fetch: (input, init) => fetch(input, init) }),
    notifier: noChannelNotifier,
    now: () => new Date(),
    log: createLogger({ test: 'direct-pipeline' }, () => {}),
  };
}

/** What one queue message cost: top-level HTTP requests, requests inside batches, 429s and D1 calls. */
export interface BatchCost {
  http: number;
  subRequests: number;
  throttled: number;
  d1: number;
}

/**
 * Runs one audit batch by hand (`runAuditBatch`) against the simulator and counts what it cost.
 * `count` adds provider-specific figures, read from the batch's top-level requests once it has run.
 */
export async function measureAuditBatch<T extends Record<string, number>>(
  target: { readonly sim: Simulator },
  d1: ReturnType<typeof countingD1>,
  sent: JobMessage[],
  run: { runId: string; batchNo: number },
  count: (topLevel: RecordedRequest[]) => T,
): Promise<BatchCost & T> {
  target.sim.ctx.recorder.clear();
  d1.reset();
  await runAuditBatch(directPipelineDeps(d1.db, sent), run.runId, run.batchNo, 1);
  const all = target.sim.ctx.recorder.requests;
  const topLevel = all.filter((r) => !r.inBatch);
  return {
    http: topLevel.length,
    subRequests: all.filter((r) => r.inBatch).length,
    throttled: all.filter((r) => r.status === 429).length,
    d1: d1.calls(),
    ...count(topLevel),
  };
}
