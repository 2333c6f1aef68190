import type { CheckId, Provider, RemediationMode } from '../checks/ids.ts';

/**
 * The slice of a school's policy profile the checks read, plus what the connector declares it can
 * fix. Built from the full profile by `checkPolicyFromProfile` so checks do not depend on its shape.
 */
export interface CheckPolicy {
  provider: Provider;
  internalDomains: string[];
  forwarding: { external: 'blocked' | 'allowed'; internal: 'allowed' | 'blocked'; allowedExternalDomains: string[] };
  deletionRulesBlocked: boolean;
  disclaimer: { required: boolean; phrase: string; exemptSenders: string[] };
  attachmentMaxBytes: number | null;
  retention: { months: number; holdExemptions: string[] } | null;
  dormantDays: number | null;
  exposedThreshold: number | null;
  protectedAccounts: string[];
  modeFor: (check: CheckId) => RemediationMode;
  /** The remediation action the connector offers for a check, or null if it cannot fix it. */
  actionFor: (check: CheckId) => string | null;
}
