import { performance } from 'node:perf_hooks';
import type { CheckId } from '../src/domain/checks/ids.ts';
import type { ParsedProfile } from '../src/domain/profile/parse.ts';
import { startAuditRun } from '../src/jobs/audit/start-run.ts';
import type { StoredFinding } from '../src/storage/findings.ts';
import { getRun, type AuditRun } from '../src/storage/runs.ts';
import type { FixtureInput } from '../simulator/fixture/schema.ts';
import { createLocalTutela, type LocalTutela } from '../cli/support/local-tutela.ts';
import { prepareSchool } from '../cli/support/prepare-school.ts';
import { listRunFindings } from '../cli/support/run-findings.ts';
import { simulatorConnection, type SimulatedProvider } from '../cli/support/simulator-connection.ts';
import type { SimulatorThread } from './audit-sim.ts';

export interface TutelaRun {
  wallMs: number;
  run: AuditRun;
  findings: StoredFinding[];
  /** HTTP round trips the simulator answered during the run. */
  http: number;
  /** Sub-requests carried inside batches during the run. */
  inBatch: number;
  deadLettered: number;
}

export interface TutelaAudits {
  first: TutelaRun;
  /** The same audit again on the same state: delta link, directory copy and run history kept. */
  repeat: TutelaRun;
  checks: ReadonlySet<CheckId>;
}

const SCHOOL = { id: 'oakfield', name: 'Oakfield Primary School' };

async function auditOnce(local: LocalTutela, connectionId: string, sim: SimulatorThread): Promise<TutelaRun & { checks: CheckId[] }> {
  await sim.clearRecorder();
  const deadBefore = local.queue.stats.deadLettered.length;
  const began = performance.now();
  // A dry run: auto remediations are previewed (their reads count), so both runs audit the same tenant.
  const started = await startAuditRun(local.deps, { schoolId: SCHOOL.id, connectionId, trigger: 'cli', dryRun: true });
  if (!started.ok) throw new Error(`the audit could not start: ${started.error.code}: ${started.error.message}`);
  await local.queue.drain();
  const wallMs = performance.now() - began;
  const run = await getRun(local.deps.db, started.value.runId);
  if (!run) throw new Error('the run vanished');
  const { findings, truncated } = await listRunFindings(local.deps.db, run);
  if (truncated) throw new Error('more findings for one check than listFindings returns; compare on a smaller school');
  const stats = await sim.stats();
  return { wallMs, run, findings, http: stats.http, inBatch: stats.inBatch, deadLettered: local.queue.stats.deadLettered.length - deadBefore, checks: started.value.checks };
}

/**
 * Tutela's real pipeline in-process (the CLI's): local D1 over node:sqlite, the in-memory queue with
 * its default concurrency, the production connector with its default limits. The clock is the
 * fixture's, so the audit window is the one the fixture was generated for.
 */
export async function runTutela(provider: SimulatedProvider, fixture: FixtureInput, sim: SimulatorThread, profile: { parsed: ParsedProfile; text: string }, now: Date): Promise<TutelaAudits> {
  const { connection, env } = simulatorConnection(fixture, provider, sim.url, provider === 'microsoft365' ? 'SECRET_BENCH_M365' : 'SECRET_BENCH_GOOGLE_KEY');
  const local = createLocalTutela({ env, now: () => now });
  try {
    const { connectionId } = await prepareSchool(local.deps.db, { school: SCHOOL, connection, profile }, now);
    const first = await auditOnce(local, connectionId, sim);
    const repeat = await auditOnce(local, connectionId, sim);
    return { first, repeat, checks: new Set(first.checks) };
  } finally {
    local.close();
  }
}
