import type { CheckId, Provider } from '../checks/ids.ts';
import { modeFor } from '../profile/modes.ts';
import type { PolicyProfile } from '../profile/schema.ts';
import type { CheckPolicy } from './check-policy.ts';

/** Narrows a school's profile to what the checks read, joined with what the connector can fix. */
export function checkPolicyFromProfile(profile: PolicyProfile, provider: Provider, actions: Partial<Record<CheckId, string>>, tenantDomains: string[] = []): CheckPolicy {
  return {
    provider,
    // The tenant's own accepted domains and aliases are internal even when the profile omits them.
    internalDomains: [...new Set([...profile.domains.internal, ...tenantDomains.map((d) => d.toLowerCase())])],
    forwarding: profile.forwarding,
    deletionRulesBlocked: profile.deletionRules.blocked,
    disclaimer: { required: profile.disclaimer.required, phrase: profile.disclaimer.phrase ?? '', exemptSenders: profile.disclaimer.exemptSenders },
    attachmentMaxBytes: profile.attachments.maxBytes,
    retention: profile.retention.months === null ? null : { months: profile.retention.months, holdExemptions: profile.retention.holdExemptions },
    dormantDays: profile.dormantAccounts.days,
    exposedThreshold: profile.recipients.exposedThreshold,
    protectedAccounts: profile.leavers.protectedAccounts,
    modeFor: (check) => modeFor(profile, check),
    actionFor: (check) => actions[check] ?? null,
  };
}
