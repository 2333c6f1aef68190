import type { PersonNotifier } from '../ports/notifier.ts';
import { dueAt, ukDate } from '../acknowledgements/due.ts';
import { listAssignmentStatuses, markReminded } from '../../storage/acknowledgements.ts';
import { getActiveProfile } from '../../storage/profiles.ts';

/** A second press (or a retried invoke) within this window sends nobody a second message. */
export const MANUAL_REMIND_WINDOW_MS = 12 * 60 * 60 * 1000;

/**
 * "Send reminders" for one school, now. Same wording and bookkeeping as the daily reminders
 * (src/domain/acknowledgements/reminders.ts, which covers every school and so cannot be reused here):
 * an assignment is marked reminded only when the message was delivered.
 */
export async function remindSchool(deps: { db: D1Database; notifier: PersonNotifier; now: Date }, schoolId: string): Promise<{ sent: number; undelivered: number; skipped: number }> {
  const { db, now } = deps;
  const profile = await getActiveProfile(db, schoolId);
  const starterDays = profile?.profile.acknowledgements.starterDays ?? 14;
  const open = (await listAssignmentStatuses(db, schoolId, { activeOnly: true })).filter((a) => !a.acknowledgedAt);
  let sent = 0;
  let undelivered = 0;
  let skipped = 0;
  for (const a of open) {
    if (a.lastRemindedAt && now.getTime() - Date.parse(a.lastRemindedAt) < MANUAL_REMIND_WINDOW_MS) {
      skipped++;
      continue;
    }
    const due = dueAt(a, starterDays);
    const overdue = Date.parse(due) < now.getTime();
    const res = await deps.notifier.notify({
      schoolId,
      email: a.email,
      title: overdue ? `Overdue: please acknowledge “${a.documentTitle}”` : `Please read and acknowledge “${a.documentTitle}”`,
      text: `Version ${a.version} of “${a.documentTitle}” needs your acknowledgement${overdue ? ' — it was due' : ' by'} ${ukDate(due)}. Send me “sign” to see it and acknowledge.`,
      policyRef: `acknowledgements.${a.documentSlug}`,
    });
    if (res.ok && res.value.delivered) {
      await markReminded(db, a.campaignId, a.userKey, now);
      sent++;
    } else undelivered++;
  }
  return { sent, undelivered, skipped };
}
