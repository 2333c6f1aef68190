import type { CheckId, Severity } from './ids.ts';

/** Default severity per check (the catalogue documents why). */
export const checkSeverity: Record<CheckId, Severity> = {
  'forwarding.inbox-rule-external': 'high',
  'forwarding.mailbox-external': 'high',
  'forwarding.tenant-policy': 'medium',
  'deletion.inbox-rule': 'medium',
  'disclaimer.missing': 'medium',
  'attachments.oversize': 'low',
  'attachments.limit-config': 'low',
  'retention.overdue': 'medium',
  'retention.policy-missing': 'medium',
  'accounts.leaver-active': 'high',
  'accounts.dormant': 'medium',
  'recipients.exposed': 'medium',
};
