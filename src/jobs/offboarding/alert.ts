import { appendAuditLog } from '../../storage/audit-log.ts';
import type { OffboardingJob } from '../../storage/offboarding.ts';
import { getActiveProfile } from '../../storage/profiles.ts';
import type { AuditDeps } from '../audit/deps.ts';
import { ACTOR } from './context.ts';

/**
 * Tells the School Business Manager (the profile's SBM contact) that something needs a person,
 * and records the attempt, delivered or not, in the audit log: a failure never just vanishes.
 */
export async function alertSbm(deps: AuditDeps, job: Pick<OffboardingJob, 'id' | 'schoolId' | 'subjectEmail'>, title: string, text: string): Promise<void> {
  const profile = await getActiveProfile(deps.db, job.schoolId);
  const sbm = profile?.profile.school.contacts.sbm.email ?? null;
  const sent = sbm ? await deps.notifier.notify({ schoolId: job.schoolId, email: sbm, title, text, policyRef: 'leavers' }) : null;
  const delivered = Boolean(sent?.ok && sent.value.delivered);
  if (!delivered) deps.log.warn('offboarding_alert_undelivered', { jobId: job.id, reason: sent && !sent.ok ? sent.error.code : 'no_sbm_or_channel' });
  await appendAuditLog(
    deps.db,
    {
      schoolId: job.schoolId,
      actor: ACTOR,
      action: 'offboarding.alert-sbm',
      targetType: 'person',
      targetId: sbm ?? 'sbm',
      policyRef: 'school.contacts.sbm',
      outcome: delivered ? 'applied' : 'failed',
      after: { title, text, subject: job.subjectEmail, delivered, ...(sent && !sent.ok ? { reason: sent.error.message } : sent?.ok ? { channel: sent.value.channel } : {}) },
      correlationId: job.id,
    },
    deps.now(),
  );
}
