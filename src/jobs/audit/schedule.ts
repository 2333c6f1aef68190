import { listConnections } from '../../storage/connections.ts';
import type { AuditDeps } from './deps.ts';

/** Nightly fan-out: one queue message per connection of every school, so one slow tenant delays no other. */
export async function startScheduledAudits(deps: AuditDeps): Promise<void> {
  const connections = await listConnections(deps.db);
  await deps.queue.send(
    connections.map((c) => ({ kind: 'audit.start' as const, runId: crypto.randomUUID(), schoolId: c.schoolId, connectionId: c.id, trigger: 'cron' as const })),
  );
  deps.log.info('nightly_audits_queued', { connections: connections.length });
}
