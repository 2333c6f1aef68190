import type { Finding } from '../../findings/finding.ts';
import type { CheckPolicy } from '../check-policy.ts';
import type { TenantSnapshot } from '../snapshot.ts';
import { makeFinding } from './finding.ts';

/** forwarding.tenant-policy: the tenant itself must refuse automatic forwarding to the outside. */
export function checkTenantForwarding(t: TenantSnapshot, policy: CheckPolicy, tenantId: string): Finding[] {
  if (policy.forwarding.external !== 'blocked') return [];
  const af = t.autoForwarding;
  if (!af.readable) {
    return [
      makeFinding(policy, 'forwarding.tenant-policy', {
        subject: { id: tenantId, email: null, item: 'not-readable' },
        summary: `Tutela cannot read whether automatic forwarding outside the school is switched off for the whole domain: ${af.note} Please check it in the admin console.`,
        evidence: { readable: false, consoleUrl: af.consoleUrl },
        policyRef: 'forwarding.external',
        severity: 'info',
      }),
    ];
  }
  // Exchange needs both the outbound policy and the remote domain to allow a forward; Off wins.
  if (af.mode === 'off') return [];
  const problems: string[] = [];
  if (af.mode === 'on') problems.push(`the outbound policy "${af.policyName}" allows automatic forwarding`);
  if (af.mode === 'automatic') problems.push(`the outbound policy "${af.policyName}" leaves automatic forwarding on the system default instead of switching it off`);
  if (af.remoteDomainsAllowing.length) problems.push(`automatic forwarding is allowed to ${af.remoteDomainsAllowing.join(', ')}`);
  return [
    makeFinding(policy, 'forwarding.tenant-policy', {
      subject: { id: tenantId, email: null },
      summary: `The school's email system does not block automatic forwarding to outside addresses: ${problems.join('; ')}. Individual rules are then the only safeguard.`,
      evidence: { mode: af.mode, policyName: af.policyName, remoteDomainsAllowing: af.remoteDomainsAllowing },
      policyRef: 'forwarding.external',
      ...(af.mode === 'automatic' && af.remoteDomainsAllowing.length === 0 ? { severity: 'low' as const } : {}),
    }),
  ];
}
