const parts = (at: Date) => {
  const p = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', weekday: 'short', hour: '2-digit', hour12: false }).formatToParts(at);
  return { weekday: p.find((x) => x.type === 'weekday')?.value ?? '', hour: Number(p.find((x) => x.type === 'hour')?.value ?? -1) };
};

/**
 * The Monday card goes out at 08:00 UK time. Cron runs in UTC, so wrangler.toml fires at 07:00 and
 * 08:00 UTC on Mondays and only the run that is 08:00 in London (07:00 UTC in summer, 08:00 UTC in
 * winter) sends. Clocks change on Sundays, so a Monday is wholly on one side of the change.
 */
export function isWeeklyCardTime(at: Date): boolean {
  const { weekday, hour } = parts(at);
  return weekday === 'Mon' && hour === 8;
}

const DAY = 24 * 60 * 60 * 1000;
const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** The Monday (UK time) of the week `at` falls in, as a Date at the same time of day. */
export function mondayOf(at: Date): Date {
  return new Date(at.getTime() - Math.max(0, WEEKDAYS.indexOf(parts(at).weekday)) * DAY);
}
