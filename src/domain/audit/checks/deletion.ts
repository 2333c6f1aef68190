import type { Finding } from '../../findings/finding.ts';
import type { CheckPolicy } from '../check-policy.ts';
import type { MailboxSnapshot } from '../snapshot.ts';
import { makeFinding } from './finding.ts';

const words = {
  delete: 'deletes',
  'permanent-delete': 'permanently deletes',
  'move-to-deleted-items': 'moves to Deleted Items',
  trash: 'sends to Bin',
} as const;

/** deletion.inbox-rule: enabled rules or filters that delete mail automatically. */
export function checkDeletionRules(m: MailboxSnapshot, policy: CheckPolicy): Finding[] {
  if (!policy.deletionRulesBlocked) return [];
  return m.rules
    .filter((rule) => rule.enabled && rule.deletes !== null)
    .map((rule) =>
      makeFinding(policy, 'deletion.inbox-rule', {
        subject: { id: m.user.id, email: m.user.email, item: rule.id },
        summary: `${m.user.displayName}'s mailbox has a rule "${rule.name}" that automatically ${words[rule.deletes ?? 'delete']} incoming email. The email policy does not allow automatic deletion, because school records could be lost.`,
        evidence: { ruleName: rule.name, ruleId: rule.id, action: rule.deletes, conditions: rule.conditions, severityReason: rule.deletes === 'permanent-delete' ? 'unrecoverable' : 'recoverable' },
        policyRef: 'deletionRules.blocked',
        ...(rule.deletes === 'permanent-delete' ? { severity: 'high' as const } : {}),
      }),
    );
}
