import type { CheckId } from '../checks/ids.ts';
import type { Finding } from '../findings/finding.ts';
import type { CheckPolicy } from './check-policy.ts';
import { checkDormant } from './checks/accounts.ts';
import { checkOversizeAttachments, checkSendLimit } from './checks/attachments.ts';
import { checkDeletionRules } from './checks/deletion.ts';
import { checkDisclaimerRules, checkSignatureDisclaimer } from './checks/disclaimer.ts';
import { checkForwardingRules, checkMailboxForwarding } from './checks/forwarding.ts';
import { checkExposedRecipients } from './checks/recipients.ts';
import { checkOverdueMail, checkRetentionPolicy, type RetentionExemption } from './checks/retention.ts';
import { checkTenantForwarding } from './checks/tenant-forwarding.ts';
import type { DirectoryUser, MailboxSnapshot, TenantSnapshot } from './snapshot.ts';

export interface MailboxVerdict {
  findings: Finding[];
  retentionExemptions: RetentionExemption[];
}

/** Judges a batch of mailboxes. Only the requested checks run, so `--check` narrows the work and the output. */
export function evaluateMailboxes(
  snapshots: MailboxSnapshot[],
  policy: CheckPolicy,
  checks: ReadonlySet<CheckId>,
  context: { now: Date; currentStaffEmails: ReadonlySet<string> },
): MailboxVerdict {
  const findings: Finding[] = [];
  const retentionExemptions: RetentionExemption[] = [];
  const want = (id: CheckId) => checks.has(id);
  for (const m of snapshots) {
    if (want('forwarding.inbox-rule-external')) findings.push(...checkForwardingRules(m, policy));
    if (want('forwarding.mailbox-external')) findings.push(...checkMailboxForwarding(m, policy));
    if (want('deletion.inbox-rule')) findings.push(...checkDeletionRules(m, policy));
    if (want('disclaimer.missing')) findings.push(...checkSignatureDisclaimer(m, policy));
    if (want('attachments.oversize')) findings.push(...checkOversizeAttachments(m, policy));
    if (want('attachments.limit-config')) findings.push(...checkSendLimit(m, policy));
    if (want('recipients.exposed')) findings.push(...checkExposedRecipients(m, policy));
    if (want('accounts.dormant')) findings.push(...checkDormant(m.user, policy, context.now, context.currentStaffEmails));
    if (want('retention.overdue')) {
      const verdict = checkOverdueMail(m, policy);
      findings.push(...verdict.findings);
      if (verdict.exemption) retentionExemptions.push(verdict.exemption);
    }
  }
  return { findings, retentionExemptions };
}

/** Judges tenant-wide settings: disclaimer rules, auto-forwarding policy, retention policy. */
export function evaluateTenant(tenant: TenantSnapshot, users: DirectoryUser[], policy: CheckPolicy, checks: ReadonlySet<CheckId>, tenantId: string): Finding[] {
  const findings: Finding[] = [];
  if (checks.has('disclaimer.missing') && tenant.disclaimer.kind === 'transport-rules') {
    findings.push(...checkDisclaimerRules(tenant.disclaimer.rules, users, policy, tenantId));
  }
  if (checks.has('forwarding.tenant-policy')) findings.push(...checkTenantForwarding(tenant, policy, tenantId));
  if (checks.has('retention.policy-missing')) findings.push(...checkRetentionPolicy(tenant, policy, tenantId));
  return findings;
}
