import type { Finding } from '../../findings/finding.ts';
import { inDomains } from '../addresses.ts';
import type { CheckPolicy } from '../check-policy.ts';
import type { MailboxSnapshot } from '../snapshot.ts';
import { makeFinding } from './finding.ts';

/** recipients.exposed: a sent message showing more external addresses in To/Cc than the policy allows. */
export function checkExposedRecipients(m: MailboxSnapshot, policy: CheckPolicy): Finding[] {
  const threshold = policy.exposedThreshold;
  if (threshold === null) return [];
  const findings: Finding[] = [];
  for (const msg of m.sent) {
    const external = [...new Set(msg.visibleRecipients.map((r) => r.toLowerCase()).filter((r) => !inDomains(r, policy.internalDomains)))];
    if (external.length <= threshold) continue;
    findings.push(
      makeFinding(policy, 'recipients.exposed', {
        subject: { id: m.user.id, email: m.user.email, item: msg.id },
        summary: `${m.user.displayName} sent an email on ${msg.sentAt.slice(0, 10)} that showed ${external.length} outside email addresses to everyone who received it. The policy asks for Bcc when writing to more than ${threshold} outside people.`,
        // Counts and domains only: the recipients' own addresses are personal data we do not need to keep.
        evidence: { messageId: msg.id, sentAt: msg.sentAt, externalVisible: external.length, threshold, externalDomains: [...new Set(external.map((r) => r.split('@')[1] ?? ''))].slice(0, 20) },
        policyRef: 'recipients.exposedThreshold',
      }),
    );
  }
  return findings;
}
