import type { Finding } from '../../findings/finding.ts';
import type { CheckPolicy } from '../check-policy.ts';
import type { MailboxSnapshot } from '../snapshot.ts';
import { makeFinding } from './finding.ts';

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** attachments.oversize: a sent message whose attachments together exceed the policy limit. */
export function checkOversizeAttachments(m: MailboxSnapshot, policy: CheckPolicy): Finding[] {
  const limit = policy.attachmentMaxBytes;
  if (limit === null) return [];
  return m.sent
    .filter((msg) => msg.attachmentBytes > limit)
    .map((msg) =>
      makeFinding(policy, 'attachments.oversize', {
        subject: { id: m.user.id, email: m.user.email, item: msg.id },
        summary: `${m.user.displayName} sent an email on ${msg.sentAt.slice(0, 10)} with ${formatBytes(msg.attachmentBytes)} of attachments; the policy limit is ${formatBytes(limit)}. Large files should be shared as a link instead.`,
        evidence: { messageId: msg.id, sentAt: msg.sentAt, attachmentCount: msg.attachmentCount, attachmentBytes: msg.attachmentBytes, largestAttachmentBytes: msg.largestAttachmentBytes, limitBytes: limit },
        policyRef: 'attachments.maxBytes',
      }),
    );
}

/** attachments.limit-config: the mailbox lets people send more than the policy allows. */
export function checkSendLimit(m: MailboxSnapshot, policy: CheckPolicy): Finding[] {
  const limit = policy.attachmentMaxBytes;
  if (limit === null || m.sendLimitBytes === null || m.sendLimitBytes <= limit) return [];
  return [
    makeFinding(policy, 'attachments.limit-config', {
      subject: { id: m.user.id, email: m.user.email },
      summary: `${m.user.email} can send messages up to ${formatBytes(m.sendLimitBytes)}, above the policy's ${formatBytes(limit)} attachment limit.`,
      evidence: { sendLimitBytes: m.sendLimitBytes, limitBytes: limit, mailboxKind: m.user.kind },
      policyRef: 'attachments.maxBytes',
    }),
  ];
}
