import type { PersonNotifier } from '../ports/notifier.ts';
import { remindOutstanding } from '../acknowledgements/reminders.ts';

/** A second press (or a retried invoke) within this window sends nobody a second message. */
const MANUAL_REMIND_WINDOW_MS = 12 * 60 * 60 * 1000;

/** "Send reminders" for one school, now: the daily reminders' wording and bookkeeping, one school, a shorter gap. */
export function remindSchool(deps: { db: D1Database; notifier: PersonNotifier; now: Date }, schoolId: string): Promise<{ sent: number; undelivered: number; skipped: number }> {
  return remindOutstanding({ db: deps.db, notifier: deps.notifier, now: () => deps.now }, { schoolId, minGapMs: MANUAL_REMIND_WINDOW_MS });
}
