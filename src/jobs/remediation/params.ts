import type { CheckId } from '../../domain/checks/ids.ts';
import type { PolicyProfile } from '../../domain/profile/schema.ts';
import { monthsBefore } from '../audit/run-batch.ts';

/**
 * What a connector needs from the policy to carry out a check's remediation. Connectors get
 * values, not the profile, so they never depend on its shape.
 */
export function remediationParams(checkId: CheckId, profile: PolicyProfile, now: Date): Record<string, unknown> {
  switch (checkId) {
    case 'disclaimer.missing':
      return { text: profile.disclaimer.text ?? null, phrase: profile.disclaimer.phrase ?? null, exemptSenders: profile.disclaimer.exemptSenders };
    case 'attachments.limit-config':
      return { bytes: profile.attachments.maxBytes };
    case 'retention.overdue':
      return {
        cutoff: profile.retention.months === null ? null : monthsBefore(now, profile.retention.months).toISOString(),
        holdExemptions: profile.retention.holdExemptions,
      };
    default:
      return {};
  }
}
