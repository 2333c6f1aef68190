import type { CheckId, RemediationMode } from '../checks/ids.ts';
import { isRemediable } from '../checks/catalogue.ts';
import type { PolicyProfile } from './schema.ts';

/** The remediation mode the school chose for a check; anything not chosen, or not remediable, only reports. */
export function modeFor(profile: Pick<PolicyProfile, 'remediation'>, checkId: CheckId): RemediationMode {
  if (!isRemediable(checkId)) return 'report';
  return profile.remediation[checkId] ?? 'report';
}
