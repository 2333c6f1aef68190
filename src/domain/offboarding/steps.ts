import type { OffboardingStep } from '../ports/offboarding.ts';
import type { PolicyProfile } from '../profile/schema.ts';

const DAY = 86_400_000;

/**
 * The steps of one leaver's job, in order. Access goes first (sign-in, sessions), then where mail
 * goes, then the mailbox's future. A shared mailbox needs no licence, so conversion comes before
 * licence removal. Deletion waits for the retention period; until then an undo is possible.
 */
export function stepsFor(leavers: PolicyProfile['leavers']): OffboardingStep[] {
  return [
    'disable-sign-in',
    'revoke-sessions',
    'remove-forwarding',
    ...(leavers.autoReply ? (['set-auto-reply'] as const) : []),
    ...(leavers.convertToShared ? (['convert-to-shared'] as const) : []),
    ...(leavers.removeLicences ? (['remove-licences'] as const) : []),
    'delete-account',
  ];
}

/** When the account deletion becomes due: the retention days after the job acted. */
export function deletionDueAt(actedAt: Date, leavers: PolicyProfile['leavers']): Date {
  return new Date(actedAt.getTime() + leavers.mailboxRetentionDays * DAY);
}

/** A step that waits for its own due date rather than running in the job's chain. */
export const deferredSteps: ReadonlySet<OffboardingStep> = new Set(['delete-account']);
