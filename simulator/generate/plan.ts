import type { Realism } from '../fixture/realism.ts';
import { PlanContext } from './plan-context.ts';
import { planAccounts } from './plan-people.ts';
import { planShares } from './plan-shares.ts';
import { planTricky } from './plan-tricky.ts';
import type { DisclaimerProblem, Plan } from './plan-types.ts';
import { Rng } from './rng.ts';
import { defaultNow } from './school.ts';

export type GeneratedProvider = 'microsoft365' | 'google-workspace';

export interface GenerateOptions {
  /** Accounts in the directory: people, the 3 shared mailboxes and the 2 protected accounts. 20–50,000. */
  mailboxes: number;
  seed: number;
  /** Default: both. */
  providers?: GeneratedProvider[];
  realism?: Partial<Realism>;
  /** The simulator's pinned clock; default 2026-11-23T09:00:00Z. */
  now?: string;
  /** Certificate credential for the Entra app; default: the dev certificate in dev-keys/. */
  certificate?: { publicKeyPem: string; thumbprintSha256: string };
  /** The Google service account; default: the dev key in dev-keys/. */
  serviceAccount?: { clientEmail: string; publicKeyPem: string; privateKeyId: string };
  /** The Microsoft tenant's one deliberate disclaimer problem; default chosen by seed (README). */
  microsoftDisclaimer?: DisclaimerProblem;
}

export const MIN_MAILBOXES = 20;
export const MAX_MAILBOXES = 50_000;

const problems: DisclaimerProblem[] = ['extra-exception', 'audit-mode', 'wrong-phrase'];

/** The provider-neutral school: who exists, and every violation and edge case, before rendering. */
export function buildPlan(options: GenerateOptions): Plan {
  const { mailboxes, seed } = options;
  if (!Number.isInteger(mailboxes) || mailboxes < MIN_MAILBOXES || mailboxes > MAX_MAILBOXES) {
    throw new RangeError(`mailboxes must be an integer from ${MIN_MAILBOXES} to ${MAX_MAILBOXES}`);
  }
  if (!Number.isInteger(seed)) throw new RangeError('seed must be an integer');
  const nowMs = Date.parse(options.now ?? defaultNow);
  if (Number.isNaN(nowMs)) throw new RangeError('now must be an ISO date-time');

  const ctx = new PlanContext(new Rng(seed), nowMs);
  const accounts = planAccounts(ctx, mailboxes);
  const { reserved, hrOrphans } = planTricky(ctx, accounts);
  planShares(ctx, accounts, reserved);

  const disclaimerProblem = options.microsoftDisclaimer ?? problems[((seed % 3) + 3) % 3] ?? 'extra-exception';
  const ms = ['microsoft365' as const];
  ctx.record({ id: 'tenant-autoforward-automatic', checkId: 'forwarding.tenant-policy', email: '', providers: ms, expected: true, description: "The default outbound spam policy's AutoForwardingMode is Automatic, not Off." });
  ctx.record({ id: 'retention-policy-personal-tag-only', checkId: 'retention.policy-missing', email: '', providers: ms, expected: true, description: 'The default MRM policy has a 2-year archive tag and a 1-year Personal tag, but no 12-month delete tag of type All.' });
  ctx.record({
    id: `disclaimer-tenant-${disclaimerProblem}`,
    checkId: 'disclaimer.missing',
    email: '',
    providers: ms,
    expected: disclaimerProblem !== 'none',
    description: `The disclaimer transport rule's one problem: ${disclaimerProblem}. An old, disabled rule with the right phrase also exists.`,
  });
  const deputy = accounts.find((a) => a.role === 'deputy-head');
  return {
    seed,
    nowMs,
    accounts,
    hrOrphans,
    microsoftTenant: { disclaimerProblem, extraExceptionEmail: disclaimerProblem === 'extra-exception' ? (deputy?.email ?? null) : null },
    tricky: ctx.tricky,
  };
}
