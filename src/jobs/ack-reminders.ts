import { createLogger } from '../app/logger.ts';
import { remindOutstanding } from '../domain/acknowledgements/index.ts';
import type { CronHandler } from './scheduled.ts';
import { workerDeps } from './worker-deps.ts';

const londonParts = (at: Date) => {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'short', hour: '2-digit', hour12: false }).formatToParts(at);
  return { weekday: parts.find((p) => p.type === 'weekday')?.value ?? '', hour: Number(parts.find((p) => p.type === 'hour')?.value ?? -1) };
};

/** Reminders go out once a school day, at the 09:05 run in UK time (BST or GMT), never at night. */
export function isReminderHour(at: Date): boolean {
  const { weekday, hour } = londonParts(at);
  return hour === 9 && !['Sat', 'Sun'].includes(weekday);
}

/** Hourly hook: on the school-morning run, reminds everyone with an outstanding acknowledgement. */
export const ackReminderHook: CronHandler = async (env, _ctx, at) => {
  if (!isReminderHour(at)) return;
  const log = createLogger({ job: 'ack-reminders' });
  const result = await remindOutstanding({ db: env.DB, notifier: workerDeps(env, log).notifier, now: () => at, log });
  log.info('ack_reminders_done', result);
};
