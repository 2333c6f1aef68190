import type { CheckPolicy } from '../../src/domain/audit/check-policy.ts';
import { school } from '../../simulator/generate/school.ts';
import { actionsByCheck } from './remediate.ts';

/** The demo school's policy (profiles/demo-school.yaml) as the checks see it, plus the tenant's own domains. */
export function demoPolicy(tenantDomains: string[] = []): CheckPolicy {
  return {
    provider: 'google-workspace',
    internalDomains: [...new Set([school.domain, school.trustDomain, ...tenantDomains])],
    forwarding: { external: 'blocked', internal: 'allowed', allowedExternalDomains: [school.allowedForwardingDomain] },
    deletionRulesBlocked: true,
    disclaimer: { required: true, phrase: school.disclaimerPhrase, exemptSenders: [school.headteacher] },
    attachmentMaxBytes: school.attachmentLimitBytes,
    retention: { months: school.retentionMonths, holdExemptions: [school.bursar] },
    dormantDays: school.dormantDays,
    exposedThreshold: school.exposedRecipientsMax,
    protectedAccounts: [...school.protectedAccounts],
    modeFor: () => 'approve',
    actionFor: (c) => actionsByCheck[c] ?? null,
  };
}
