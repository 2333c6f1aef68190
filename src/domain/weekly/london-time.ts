import { londonDayAndHour } from '../london-time.ts';

const DAY = 24 * 60 * 60 * 1000;

/**
 * The Monday card goes out at 08:00 UK time. Cron runs in UTC, so wrangler.toml fires at 07:00 and
 * 08:00 UTC on Mondays and only the run that is 08:00 in London (07:00 UTC in summer, 08:00 UTC in
 * winter) sends. Clocks change on Sundays, so a Monday is wholly on one side of the change.
 */
export function isWeeklyCardTime(at: Date): boolean {
  const { day, hour } = londonDayAndHour(at);
  return day === 1 && hour === 8;
}

/** The Monday (UK time) of the week `at` falls in, as a Date at the same time of day. */
export function mondayOf(at: Date): Date {
  return new Date(at.getTime() - ((londonDayAndHour(at).day + 6) % 7) * DAY);
}
