import type { Finding } from '../../findings/finding.ts';
import { listIncludes, normaliseText } from '../addresses.ts';
import type { CheckPolicy } from '../check-policy.ts';
import type { DisclaimerSetup, MailboxSnapshot } from '../snapshot.ts';
import { makeFinding } from './finding.ts';

type TransportRules = Extract<DisclaimerSetup, { kind: 'transport-rules' }>['rules'];

function problemWith(rule: TransportRules[number], phrase: string): string | null {
  if (!normaliseText(rule.text).includes(phrase)) return `its text does not contain "${phrase}"`;
  if (!rule.enabled) return 'it is switched off';
  if (!rule.enforced) return 'it is in test mode, so it does not add anything';
  if (!rule.appliesToExternal) return 'it does not apply to email sent outside the school';
  return null;
}

/**
 * disclaimer.missing (tenant rules): a transport rule must append the disclaimer to external mail,
 * be on and enforced, and except exactly the profile's exempt senders. Sent Items never show a
 * transport-rule disclaimer, so the rule itself is what we judge.
 */
export function checkDisclaimerRules(rules: TransportRules, users: { email: string; enabled: boolean }[], policy: CheckPolicy, tenantId: string): Finding[] {
  if (!policy.disclaimer.required) return [];
  const phrase = normaliseText(policy.disclaimer.phrase);
  const candidates = rules.filter((r) => normaliseText(r.text).includes(phrase));
  const working = candidates.find((r) => problemWith(r, phrase) === null);
  if (!working) {
    const nearest = candidates[0] ?? rules[0];
    const why = nearest ? `The closest rule, "${nearest.name}", does not work because ${problemWith(nearest, phrase) ?? 'it is incomplete'}.` : 'There is no disclaimer rule at all.';
    return [
      makeFinding(policy, 'disclaimer.missing', {
        subject: { id: tenantId, email: null, item: 'rule' },
        summary: `Email sent outside the school does not get the required disclaimer. ${why}`,
        evidence: { rulesFound: rules.map((r) => r.name), nearestRule: nearest?.name ?? null, problem: nearest ? problemWith(nearest, phrase) : 'no rule' },
        policyRef: 'disclaimer.phrase',
        severity: 'high',
      }),
    ];
  }
  const exempt = policy.disclaimer.exemptSenders;
  const uncovered = working.exceptFrom.filter((a) => !listIncludes(exempt, a)).map((a) => a.toLowerCase());
  const notExempted = exempt.filter((a) => !listIncludes(working.exceptFrom, a) && users.some((u) => u.enabled && u.email.toLowerCase() === a.toLowerCase()));
  if (uncovered.length === 0 && notExempted.length === 0) return [];
  const parts: string[] = [];
  if (uncovered.length) parts.push(`${uncovered.join(', ')} ${uncovered.length === 1 ? 'is' : 'are'} excepted from the disclaimer but the policy does not exempt them`);
  if (notExempted.length) parts.push(`${notExempted.join(', ')} should be exempt but still ${notExempted.length === 1 ? 'gets' : 'get'} the disclaimer`);
  return [
    makeFinding(policy, 'disclaimer.missing', {
      subject: { id: tenantId, email: null, item: 'exceptions' },
      summary: `The disclaimer rule "${working.name}" has the wrong exceptions: ${parts.join('; ')}.`,
      evidence: { ruleName: working.name, uncovered, notExempted: notExempted.map((a) => a.toLowerCase()), ruleExceptions: working.exceptFrom },
      policyRef: 'disclaimer.exemptSenders',
    }),
  ];
}

/** disclaimer.missing (signatures): each non-exempt person's sending signature must carry the phrase. */
export function checkSignatureDisclaimer(m: MailboxSnapshot, policy: CheckPolicy): Finding[] {
  if (!policy.disclaimer.required || m.signatures === null || !m.user.enabled || m.user.kind !== 'user') return [];
  if (listIncludes(policy.disclaimer.exemptSenders, m.user.email)) return [];
  const phrase = normaliseText(policy.disclaimer.phrase);
  const lacking = m.signatures.filter((s) => !normaliseText(s.text).includes(phrase));
  if (lacking.length === 0) return [];
  return [
    makeFinding(policy, 'disclaimer.missing', {
      subject: { id: m.user.id, email: m.user.email },
      summary: `${m.user.displayName}'s email signature does not include the school's disclaimer ("${policy.disclaimer.phrase}"). Note: a Gmail compliance footer set by the admin cannot be read by the API; if the school uses one, accept this risk.`,
      evidence: { addressesLacking: lacking.map((s) => s.address.toLowerCase()), phrase: policy.disclaimer.phrase },
      policyRef: 'disclaimer.phrase',
    }),
  ];
}
