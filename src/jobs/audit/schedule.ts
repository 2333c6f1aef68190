import { listConnections } from '../../storage/connections.ts';
import type { AuditDeps } from './deps.ts';
import { startAuditRun } from './start-run.ts';

/** Nightly: one run per connection of every school. One school's failure does not stop the others. */
export async function startScheduledAudits(deps: AuditDeps): Promise<void> {
  const connections = await listConnections(deps.db);
  for (const c of connections) {
    const started = await startAuditRun(deps, { schoolId: c.schoolId, connectionId: c.id, trigger: 'cron' });
    if (!started.ok) deps.log.error('scheduled_audit_not_started', { schoolId: c.schoolId, connectionId: c.id, code: started.error.code, message: started.error.message });
  }
}
