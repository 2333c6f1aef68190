import { performance } from 'node:perf_hooks';
import { createConnector } from '../connectors/index.ts';
import { evaluateMailboxes, evaluateTenant } from '../src/domain/audit/evaluate.ts';
import { checkPolicyFromProfile } from '../src/domain/audit/policy-from-profile.ts';
import type { MailboxSnapshot, TenantSnapshot } from '../src/domain/audit/snapshot.ts';
import type { Finding } from '../src/domain/findings/finding.ts';
import type { AuditScope } from '../src/domain/ports/tenant-connector.ts';
import type { PolicyProfile } from '../src/domain/profile/schema.ts';
import { monthsBefore } from '../src/jobs/audit/run-batch.ts';
import type { FixtureInput } from '../simulator/fixture/schema.ts';
import { simulatorConnection, type SimulatedProvider } from '../cli/support/simulator-connection.ts';
import { naiveMicrosoftAudit } from './naive/microsoft365.ts';
import type { SimulatorThread } from './audit-sim.ts';

const WEEK_MS = 7 * 86_400_000;

export interface NaiveResult {
  wallMs: number;
  /** HTTP round trips the simulator answered, retries and token requests included. */
  requests: number;
  findings: Finding[];
}

type Read = { snapshots: MailboxSnapshot[]; tenant: TenantSnapshot };

async function read(provider: SimulatedProvider, fixture: FixtureInput, url: string, scope: AuditScope): Promise<Read> {
  const { connection, env } = simulatorConnection(fixture, provider, url, 'SECRET_BENCH');
  const secret = env.SECRET_BENCH ?? '';
  if (connection.provider === 'microsoft365') return naiveMicrosoftAudit(url, { tenantId: connection.tenantId, clientId: connection.clientId, clientSecret: secret }, scope);
  // Loaded on demand: the benchmark runs without the Google baseline (see audit-options.ts).
  const { naiveGoogleAudit } = await import('./naive/google-workspace.ts');
  return naiveGoogleAudit(url, connection, scope, secret);
}

/** The tenant's own domains as a script sees them: the domains of the addresses in its directory. */
function domainsSeen(snapshots: MailboxSnapshot[]): string[] {
  const domains = new Set<string>();
  for (const { user } of snapshots) for (const address of [user.email, ...user.aliases]) domains.add(address.slice(address.lastIndexOf('@') + 1).toLowerCase());
  return [...domains];
}

/**
 * The naive baseline (bench/naive/<provider>.ts: one request at a time, no batching) followed by the
 * same evaluators the pipeline uses, over the same checks and the same audit window as a first run.
 */
export async function runNaive(provider: SimulatedProvider, fixture: FixtureInput, sim: SimulatorThread, profile: PolicyProfile, now: Date): Promise<NaiveResult> {
  // Only for what the provider supports and can remediate: no request is made.
  const probe = createConnector(simulatorConnection(fixture, provider, sim.url, 'SECRET_BENCH').connection, { secrets: () => undefined, fetch });
  if (!probe.ok) throw new Error(`no ${provider} connector: ${probe.error.message}`);
  const { checks, actions } = probe.value.capabilities;
  const months = profile.retention.months;
  const scope: AuditScope = { checks, now, sentSince: new Date(now.getTime() - WEEK_MS), retentionCutoff: months === null ? null : monthsBefore(now, months) };

  const started = performance.now();
  const { snapshots, tenant } = await read(provider, fixture, sim.url, scope);
  const policy = checkPolicyFromProfile(profile, provider, actions, domainsSeen(snapshots));
  const findings = [
    ...evaluateTenant(tenant, snapshots.map((s) => s.user), policy, checks, probe.value.tenantId),
    ...evaluateMailboxes(snapshots, policy, checks, { now, currentStaffEmails: new Set() }).findings,
  ];
  const wallMs = performance.now() - started;
  return { wallMs, requests: (await sim.stats()).http, findings };
}
