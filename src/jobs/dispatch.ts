import type { AuditDeps } from './audit/deps.ts';
import { runAuditBatch } from './audit/run-batch.ts';
import { startAuditRun } from './audit/start-run.ts';
import { runGroupAudience } from './group-audiences.ts';
import type { JobMessage } from './messages.ts';
import { runOffboardingStep } from './offboarding/run-step.ts';
import { runRemediation } from './remediation/execute.ts';

/** Runs one audit or remediation message. The Worker's queue consumer and the in-process queue share it. */
export async function dispatchAuditJob(deps: AuditDeps, message: JobMessage, attempts: number): Promise<void> {
  switch (message.kind) {
    case 'audit.start': {
      const { kind: _kind, ...input } = message;
      const started = await startAuditRun(deps, input);
      // A run that cannot start (no profile, missing permission) is recorded by startAuditRun; retrying will not help.
      if (!started.ok) deps.log.error('audit_not_started', { runId: message.runId, code: started.error.code, message: started.error.message });
      return;
    }
    case 'audit.batch':
      return runAuditBatch(deps, message.runId, message.batchNo, attempts);
    case 'remediation.run':
      return runRemediation(deps, message.actionId);
    case 'offboarding.step':
      return runOffboardingStep(deps, message.jobId, message.step, attempts);
    case 'ack.group-audience':
      return runGroupAudience(deps, message.campaignId, attempts);
    default:
      throw new Error(`dispatchAuditJob cannot handle ${(message as { kind: string }).kind}`);
  }
}
