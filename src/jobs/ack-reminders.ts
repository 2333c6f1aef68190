import { createLogger } from '../app/logger.ts';
import { remindOutstanding } from '../domain/acknowledgements/index.ts';
import { londonDayAndHour } from '../domain/london-time.ts';
import type { CronHandler } from './scheduled.ts';
import { workerDeps } from './worker-deps.ts';

/** Reminders go out once a school day, at the 09:05 run in UK time (BST or GMT), never at night. */
export function isReminderHour(at: Date): boolean {
  const { day, hour } = londonDayAndHour(at);
  return hour === 9 && day !== 0 && day !== 6;
}

/** Hourly hook: on the school-morning run, reminds everyone with an outstanding acknowledgement. */
export const ackReminderHook: CronHandler = async (env, _ctx, at) => {
  if (!isReminderHour(at)) return;
  const log = createLogger({ job: 'ack-reminders' });
  const result = await remindOutstanding({ db: env.DB, notifier: workerDeps(env, log).notifier, now: () => at, log });
  log.info('ack_reminders_done', result);
};
