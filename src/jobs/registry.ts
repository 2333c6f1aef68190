import { runAuditBatch } from './audit/run-batch.ts';
import { startScheduledAudits } from './audit/schedule.ts';
import { startAuditRun } from './audit/start-run.ts';
import type { JobHandlers } from './queue.ts';
import { runRemediation } from './remediation/execute.ts';
import type { CronHandlers } from './scheduled.ts';
import { workerDeps } from './worker-deps.ts';

/**
 * Which code runs for each cron task and queue message kind. A task with no handler yet is logged
 * as not implemented rather than silently ignored.
 */
export const cronHandlers: CronHandlers = {
  'nightly-audit': (env) => startScheduledAudits(workerDeps(env)),
};

export const jobHandlers: JobHandlers = {
  'audit.start': async (message, env) => {
    if (message.kind !== 'audit.start') return;
    const { kind: _kind, ...input } = message;
    const started = await startAuditRun(workerDeps(env), input);
    if (!started.ok) workerDeps(env).log.error('audit_not_started', { runId: message.runId, code: started.error.code, message: started.error.message });
  },
  'audit.batch': (message, env, _ctx, attempts) => (message.kind === 'audit.batch' ? runAuditBatch(workerDeps(env), message.runId, message.batchNo, attempts) : Promise.resolve()),
  'remediation.run': (message, env) => (message.kind === 'remediation.run' ? runRemediation(workerDeps(env), message.actionId) : Promise.resolve()),
};
