import type { Logger } from '../../app/logger.ts';
import type { PersonNotifier } from '../ports/notifier.ts';
import { listAssignmentStatuses, markReminded } from '../../storage/acknowledgements.ts';
import { getActiveProfile } from '../../storage/profiles.ts';
import { listSchools } from '../../storage/schools.ts';
import { ukDate } from '../london-time.ts';
import { dueAt } from './due.ts';

export interface ReminderDeps {
  db: D1Database;
  notifier: PersonNotifier;
  now: () => Date;
  log?: Logger;
}

export interface ReminderOptions {
  /** Only this school (the SBM's "Send reminders" button); every school when absent (the daily run). */
  schoolId?: string;
  /** Someone reminded less than this long ago is skipped. */
  minGapMs?: number;
}

const DAY = 24 * 60 * 60 * 1000;
/** The first message goes out at once; after that, no more than one reminder every few days. */
export const REMIND_EVERY_DAYS = 3;

/**
 * Tells everyone with an outstanding acknowledgement, through the bot. An assignment is marked
 * reminded only when the message was delivered, so someone the bot cannot reach yet is tried again
 * once they have talked to it.
 */
export async function remindOutstanding(deps: ReminderDeps, options: ReminderOptions = {}): Promise<{ sent: number; undelivered: number; skipped: number }> {
  const now = deps.now();
  const minGapMs = options.minGapMs ?? REMIND_EVERY_DAYS * DAY;
  const schoolIds = options.schoolId ? [options.schoolId] : (await listSchools(deps.db)).map((s) => s.id);
  let sent = 0;
  let undelivered = 0;
  let skipped = 0;
  for (const schoolId of schoolIds) {
    const profile = await getActiveProfile(deps.db, schoolId);
    const starterDays = profile?.profile.acknowledgements.starterDays ?? 14;
    const open = (await listAssignmentStatuses(deps.db, schoolId, { activeOnly: true })).filter((a) => !a.acknowledgedAt);
    for (const a of open) {
      if (a.lastRemindedAt && now.getTime() - Date.parse(a.lastRemindedAt) < minGapMs) {
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
        await markReminded(deps.db, a.campaignId, a.userKey, now);
        sent++;
      } else {
        undelivered++;
        deps.log?.info('ack_reminder_undelivered', { schoolId, campaignId: a.campaignId, reason: res.ok ? 'not delivered' : res.error.code });
      }
    }
  }
  return { sent, undelivered, skipped };
}
