import type { Finding } from '../../findings/finding.ts';
import { indexDirectory, matchAccount } from '../../offboarding/match.ts';
import { listIncludes } from '../addresses.ts';
import type { CheckPolicy } from '../check-policy.ts';
import type { DirectoryUser } from '../snapshot.ts';
import { makeFinding } from './finding.ts';

/** What the check needs from the HR roster (hr_staff). */
export interface HrLeaverRow {
  employeeId: string;
  email: string | null;
  status: 'current' | 'starter' | 'leaver';
  /** `YYYY-MM-DD`, the last working day. */
  leaveDate: string | null;
}

const londonDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * accounts.leaver-active: someone the HR feed says has left (leave date on or before today, UK date)
 * whose account, found by employee id and else by address, is still enabled and not protected.
 * Matching is the offboarding engine's: an ambiguous row is left to the import's review list, not
 * guessed at here either. Provider-neutral: it reads only the stored directory and roster.
 */
export function checkLeaverActive(users: readonly DirectoryUser[], staff: readonly HrLeaverRow[], policy: CheckPolicy, now: Date): Finding[] {
  const today = londonDate.format(now);
  const index = indexDirectory(users);
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const row of staff) {
    if (row.status !== 'leaver' || !row.leaveDate || row.leaveDate > today) continue;
    const match = matchAccount({ employeeId: row.employeeId, email: row.email }, index);
    if (match.kind !== 'matched') continue;
    const user = match.user;
    if (!user.enabled || seen.has(user.id) || listIncludes(policy.protectedAccounts, user.email)) continue;
    seen.add(user.id);
    const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${row.leaveDate}T00:00:00Z`)) / 86_400_000);
    findings.push(
      makeFinding(policy, 'accounts.leaver-active', {
        subject: { id: user.id, email: user.email },
        summary: `${user.displayName} (${user.email}) left on ${row.leaveDate}${days > 0 ? `, ${days} days ago,` : ''} according to the HR feed, but the account can still sign in. Switch it off and sign them out.`,
        evidence: { employeeId: row.employeeId, leaveDate: row.leaveDate, matchedBy: match.by, hrEmail: row.email },
        policyRef: 'leavers',
      }),
    );
  }
  return findings;
}
