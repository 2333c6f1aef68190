import type { GeneratedProvider } from './plan.ts';
import type { PlannedAccount } from './plan-types.ts';

/** The latest sign-in of any kind; Google's lastLoginTime and the active-user report show this. */
export function lastActivity(a: PlannedAccount): number | null {
  const times = [a.lastSignInMs, a.lastNonInteractiveMs].filter((t): t is number => t !== null);
  return times.length ? Math.max(...times) : null;
}

/** Microsoft blocks sign-in to a shared mailbox's account; on Google the shared account is a normal user. */
export function accountEnabled(a: PlannedAccount, provider: GeneratedProvider): boolean {
  if (provider === 'microsoft365' && a.kind === 'shared') return false;
  return a.enabled;
}
