import type { Finding } from '../../findings/finding.ts';
import { listIncludes } from '../addresses.ts';
import type { CheckPolicy } from '../check-policy.ts';
import type { MailboxSnapshot, TenantSnapshot } from '../snapshot.ts';
import { makeFinding } from './finding.ts';

export type RetentionExemption = { userId: string; email: string; reason: 'hold' | 'profile-exemption'; count: number };

/** retention.overdue: mail kept longer than the policy allows. Mailboxes on hold are exempt (reported, not findings). */
export function checkOverdueMail(m: MailboxSnapshot, policy: CheckPolicy): { findings: Finding[]; exemption: RetentionExemption | null } {
  const retention = policy.retention;
  if (!retention || !m.overdue || m.overdue.count === 0) return { findings: [], exemption: null };
  if (m.onHold || listIncludes(retention.holdExemptions, m.user.email)) {
    return { findings: [], exemption: { userId: m.user.id, email: m.user.email, reason: m.onHold ? 'hold' : 'profile-exemption', count: m.overdue.count } };
  }
  return {
    findings: [
      makeFinding(policy, 'retention.overdue', {
        subject: { id: m.user.id, email: m.user.email },
        summary: `${m.user.email} holds ${m.overdue.count.toLocaleString('en-GB')} emails older than ${retention.months} months (before ${m.overdue.cutoff.slice(0, 10)}). The policy keeps email for ${retention.months} months.`,
        evidence: { overdueCount: m.overdue.count, cutoff: m.overdue.cutoff, months: retention.months, mailboxKind: m.user.kind },
        policyRef: 'retention.months',
      }),
    ],
    exemption: null,
  };
}

/** retention.policy-missing: no tenant retention policy matches the profile's months (or it cannot be read). */
export function checkRetentionPolicy(t: TenantSnapshot, policy: CheckPolicy, tenantId: string): Finding[] {
  const retention = policy.retention;
  if (!retention) return [];
  if (!t.retention.readable) {
    return [
      makeFinding(policy, 'retention.policy-missing', {
        subject: { id: tenantId, email: null, item: 'not-readable' },
        summary: `Tutela cannot read this tenant's retention rules automatically: ${t.retention.note} Please check in the admin console that email is kept for ${retention.months} months.`,
        evidence: { readable: false, consoleUrl: t.retention.consoleUrl, months: retention.months },
        policyRef: 'retention.months',
        severity: 'info',
      }),
    ];
  }
  // A policy that deletes everything at or before the school's limit enforces it; archiving does not.
  const matching = t.retention.policies.filter((p) => p.appliesToAll && p.months !== null && p.months <= retention.months && /delete/i.test(p.action));
  if (matching.length > 0) return [];
  return [
    makeFinding(policy, 'retention.policy-missing', {
      subject: { id: tenantId, email: null },
      summary: `No retention policy applies the school's ${retention.months}-month email rule to every mailbox, so old email is never cleared automatically.`,
      evidence: { policiesFound: t.retention.policies.map((p) => `${p.name}: ${p.months ?? 'no limit'} months, ${p.action}`), months: retention.months },
      policyRef: 'retention.months',
    }),
  ];
}
