import { env } from 'cloudflare:workers';
import { createLogger } from '../../src/app/logger.ts';
import { connectionConfigSchema } from '../../src/domain/connections/config.ts';
import { parseProfile } from '../../src/domain/profile/parse.ts';
import type { SbmActionDeps } from '../../src/domain/sbm-actions/index.ts';
import { engineLeaverDecider } from '../../src/domain/sbm-actions/index.ts';
import { err } from '../../src/domain/result.ts';
import type { AuditDeps } from '../../src/jobs/audit/deps.ts';
import { memoryQueue } from '../../src/jobs/memory-queue.ts';
import type { JobMessage } from '../../src/jobs/messages.ts';
import { noChannelNotifier } from '../../src/jobs/notifier.ts';
import { runHrImport } from '../../src/jobs/offboarding/import.ts';
import { createConnection } from '../../src/storage/connections.ts';
import { applyDirectoryPage } from '../../src/storage/directory.ts';
import { upsertFindings } from '../../src/storage/findings.ts';
import { saveProfileVersion } from '../../src/storage/profiles.ts';
import { insertActionStatement } from '../../src/storage/remediations.ts';
import { createSchool } from '../../src/storage/schools.ts';

export const NOW = new Date('2026-11-23T08:00:00Z');

/** A school with a profile (SBM named), a Microsoft connection, one open forwarding finding and its fix waiting for approval. */
export async function seedSchool(id: string): Promise<{ findingId: string; actionId: string; sbmEmail: string; connectionId: string }> {
  const db = env.DB;
  const sbmEmail = `sbm@${id}.sch.uk`;
  await createSchool(db, { id, name: `School ${id}` }, NOW);
  const yaml = `school:\n  name: School ${id}\n  contacts: { sbm: { name: Sam Bursar, email: ${sbmEmail} } }\ndomains: { internal: [${id}.sch.uk] }\nremediation:\n  forwarding.inbox-rule-external: approve\n`;
  const parsed = await parseProfile(yaml);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  await saveProfileVersion(db, { schoolId: id, parsed: parsed.value, sourceText: yaml, createdBy: 'test' }, NOW);
  const connectionId = `${id}-m365`;
  await createConnection(db, { id: connectionId, schoolId: id, config: connectionConfigSchema.parse({ provider: 'microsoft365', tenantId: `tenant-${id}`, clientId: 'client', auth: { kind: 'secret', secretRef: 'SECRET_TEST_M365' } }) }, NOW);
  const [findingId] = await upsertFindings(db, {
    schoolId: id,
    runId: 'run-1',
    now: new Date(NOW.getTime() - 3 * 24 * 3600 * 1000),
    findings: [
      {
        checkId: 'forwarding.inbox-rule-external',
        severity: 'high',
        provider: 'microsoft365',
        subject: { id: 'user-1', email: `carol@${id}.sch.uk`, item: 'rule-1' },
        summary: 'Carol forwards all mail to a Gmail address.',
        evidence: { ruleName: '=HYPERLINK("x")', forwardsTo: ['carol@gmail.com'] },
        policyRef: 'forwarding.external',
        remediation: { available: true, action: 'disable-inbox-rule', mode: 'approve' },
      },
    ],
  });
  if (!findingId) throw new Error('no finding');
  const actionId = crypto.randomUUID();
  await insertActionStatement(
    db,
    { id: actionId, schoolId: id, findingId, checkId: 'forwarding.inbox-rule-external', action: 'disable-inbox-rule', mode: 'approve', dryRun: false, status: 'pending-approval', params: {}, requestedBy: 'audit-run:run-1', idempotencyKey: `${findingId}|seed` },
    NOW,
  ).run();
  return { findingId, actionId, sbmEmail, connectionId };
}

export const LEAVERS = ['dan', 'eve', 'fay', 'gus'];

/**
 * A held HR import, made by the offboarding engine itself: the school's directory gets a dozen
 * staff, and an HR feed says four of them leave in January, one more than the breaker allows.
 */
export async function seedHeldImport(schoolId: string, connectionId: string, deps: AuditDeps = sbmTestDeps().deps.audit): Promise<string> {
  const people = [...LEAVERS, 'amy', 'ben', 'cal', 'hal', 'ivy', 'jon', 'kit', 'lee'];
  await applyDirectoryPage(
    env.DB,
    connectionId,
    {
      full: true,
      removed: [],
      cursor: null,
      changed: people.map((p) => ({ id: `u-${p}`, email: `${p}@${schoolId}.sch.uk`, displayName: p, aliases: [], employeeId: null, enabled: true, kind: 'user' as const, isAdmin: false, lastSignInAt: null, signInSource: 'unavailable' as const, createdAt: null })),
    },
    NOW,
  );
  const csv = `Employee ID,Work Email,Leaving Date,Status\r\n${LEAVERS.map((p) => `E-${p},${p}@${schoolId}.sch.uk,10/01/2027,Leaving`).join('\r\n')}\r\n`;
  const report = await runHrImport(deps, { schoolId, source: 'api', csv, mapping: {}, dryRun: false });
  if (!report.ok || report.value.status !== 'held') throw new Error(`expected a held import: ${JSON.stringify(report)}`);
  return report.value.importId;
}

/** The SBM actions' dependencies with an in-process queue that records what would be sent. */
export function sbmTestDeps(adminEmails: string[] = []): { deps: SbmActionDeps; sent: JobMessage[] } {
  const sent: JobMessage[] = [];
  const audit: AuditDeps = {
    db: env.DB,
    queue: memoryQueue((m) => {
      sent.push(m);
      return Promise.resolve();
    }),
    connectorFor: () => err('not_configured', 'no tenant in these tests'),
    notifier: noChannelNotifier,
    now: () => NOW,
    log: createLogger({ test: 'sbm' }, () => {}),
  };
  return { deps: { audit, leavers: engineLeaverDecider(audit), publicUrl: 'https://tutela.example.org', adminEmails }, sent };
}
