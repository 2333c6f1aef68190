import type { CheckId } from '../../checks/ids.ts';
import { catalogueEntry } from '../../checks/catalogue.ts';
import type { Finding } from '../../findings/finding.ts';
import type { CheckPolicy } from '../check-policy.ts';

/** Builds a finding with the catalogue's severity and the policy's remediation mode for the check. */
export function makeFinding(
  policy: CheckPolicy,
  checkId: CheckId,
  fields: { subject: Finding['subject']; summary: string; evidence: Finding['evidence']; policyRef: string; severity?: Finding['severity'] },
): Finding {
  const action = policy.actionFor(checkId);
  return {
    checkId,
    severity: fields.severity ?? catalogueEntry(checkId).severity,
    provider: policy.provider,
    subject: fields.subject,
    summary: fields.summary,
    evidence: fields.evidence,
    policyRef: fields.policyRef,
    remediation: { available: action !== null, action, mode: action === null ? 'report' : policy.modeFor(checkId) },
  };
}
