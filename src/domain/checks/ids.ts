/** Stable check ids shared by every connector; docs/checks.md describes each one. */
export const checkIds = [
  'forwarding.inbox-rule-external',
  'forwarding.mailbox-external',
  'forwarding.tenant-policy',
  'deletion.inbox-rule',
  'disclaimer.missing',
  'attachments.oversize',
  'attachments.limit-config',
  'retention.overdue',
  'retention.policy-missing',
  'accounts.leaver-active',
  'accounts.dormant',
  'recipients.exposed',
] as const;
export type CheckId = (typeof checkIds)[number];

export const providers = ['microsoft365', 'google-workspace'] as const;
export type Provider = (typeof providers)[number];

export const severities = ['high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof severities)[number];

export const remediationModes = ['report', 'approve', 'auto'] as const;
export type RemediationMode = (typeof remediationModes)[number];
