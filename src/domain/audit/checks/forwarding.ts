import type { Finding } from '../../findings/finding.ts';
import { forwardTarget } from '../addresses.ts';
import type { CheckPolicy } from '../check-policy.ts';
import type { MailboxSnapshot } from '../snapshot.ts';
import { makeFinding } from './finding.ts';

const viaWords = { forward: 'forwards', redirect: 'redirects', 'forward-as-attachment': 'forwards as attachments', 'filter-forward': 'forwards' } as const;

/** True when the policy forbids sending mail automatically to this address. */
function forbidden(address: string, policy: CheckPolicy): boolean {
  const target = forwardTarget(address, policy);
  if (target === 'internal') return policy.forwarding.internal === 'blocked';
  if (target === 'allowed-external') return false;
  return policy.forwarding.external === 'blocked';
}

/** forwarding.inbox-rule-external: an enabled rule or filter that sends mail somewhere the policy forbids. */
export function checkForwardingRules(m: MailboxSnapshot, policy: CheckPolicy): Finding[] {
  const findings: Finding[] = [];
  for (const rule of m.rules) {
    // A disabled rule does not move mail; it is not a breach until someone turns it on.
    if (!rule.enabled) continue;
    const offending = rule.forwards.filter((f) => forbidden(f.address, policy));
    if (offending.length === 0) continue;
    const addresses = [...new Set(offending.map((f) => f.address.toLowerCase()))];
    const how = viaWords[offending[0]?.via ?? 'forward'];
    findings.push(
      makeFinding(policy, 'forwarding.inbox-rule-external', {
        subject: { id: m.user.id, email: m.user.email, item: rule.id },
        summary: `${m.user.displayName}'s mailbox has a rule "${rule.name}" that ${how} school email to ${addresses.join(', ')}, outside the school. The email policy does not allow automatic forwarding outside the school.`,
        evidence: {
          ruleName: rule.name,
          ruleId: rule.id,
          externalAddresses: addresses,
          via: [...new Set(offending.map((f) => f.via))],
          conditions: rule.conditions,
          mailboxKind: m.user.kind,
        },
        policyRef: 'forwarding.external',
      }),
    );
  }
  return findings;
}

/** forwarding.mailbox-external: mailbox-level forwarding (Exchange forwarding address, Gmail auto-forward). */
export function checkMailboxForwarding(m: MailboxSnapshot, policy: CheckPolicy): Finding[] {
  const fwd = m.mailboxForwarding;
  if (!fwd || !forbidden(fwd.address, policy)) return [];
  return [
    makeFinding(policy, 'forwarding.mailbox-external', {
      subject: { id: m.user.id, email: m.user.email },
      summary: `All email to ${m.user.email} is automatically forwarded to ${fwd.address}, outside the school${fwd.keepsCopy ? ' (a copy is kept)' : ' (no copy is kept in school)'}. The email policy does not allow this.`,
      evidence: { forwardingAddress: fwd.address.toLowerCase(), keepsCopy: fwd.keepsCopy, mailboxKind: m.user.kind },
      policyRef: 'forwarding.external',
    }),
  ];
}
