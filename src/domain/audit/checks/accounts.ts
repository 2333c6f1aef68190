import type { Finding } from '../../findings/finding.ts';
import { listIncludes } from '../addresses.ts';
import type { CheckPolicy } from '../check-policy.ts';
import type { DirectoryUser } from '../snapshot.ts';
import { makeFinding } from './finding.ts';

const DAY = 86_400_000;

/**
 * accounts.dormant: an enabled person account with no sign-in for the policy's days. Shared and room
 * mailboxes never sign in, so they are skipped; so are accounts the HR feed says are current staff
 * (someone on long-term leave is not a zombie account) and protected accounts (a break-glass account
 * is meant to sit unused, and disabling it would be dangerous).
 */
export function checkDormant(user: DirectoryUser, policy: CheckPolicy, now: Date, currentStaffEmails: ReadonlySet<string>): Finding[] {
  const days = policy.dormantDays;
  if (days === null || !user.enabled || user.kind !== 'user') return [];
  if (user.signInSource === 'unavailable') return [];
  if (currentStaffEmails.has(user.email.toLowerCase())) return [];
  if (listIncludes(policy.protectedAccounts, user.email)) return [];
  const last = user.lastSignInAt ? Date.parse(user.lastSignInAt) : null;
  // A brand-new account that has not signed in yet is not dormant until it is older than the window.
  const since = last ?? (user.createdAt ? Date.parse(user.createdAt) : 0);
  const idleDays = Math.floor((now.getTime() - since) / DAY);
  if (idleDays < days) return [];
  return [
    makeFinding(policy, 'accounts.dormant', {
      subject: { id: user.id, email: user.email },
      summary: last
        ? `${user.displayName} (${user.email}) has not signed in for ${idleDays} days but the account is still active. Unused accounts are a way in for attackers: switch it off if the person has left.`
        : `${user.displayName} (${user.email}) has never signed in and the account is ${idleDays} days old. Switch it off if it is not needed.`,
      evidence: { lastSignInAt: user.lastSignInAt, idleDays, thresholdDays: days, source: user.signInSource },
      policyRef: 'dormantAccounts.days',
    }),
  ];
}
