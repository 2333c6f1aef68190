/**
 * Europe/London, the one place the code base knows it. The offset rule is computed rather than read
 * from a timezone database: the UK has followed the EU summer-time rule since 1996, BST (UTC+1) from
 * 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October. The dates we
 * handle are recent or future, so the older rules do not matter. Intl is used only to spell dates.
 */

const HOUR = 3_600_000;

/** 01:00 UTC on the last Sunday of a month (0-based), in epoch ms. */
function lastSundayAt0100Utc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

export function isBritishSummerTime(instant: Date): boolean {
  const ms = instant.getTime();
  const year = instant.getUTCFullYear();
  return ms >= lastSundayAt0100Utc(year, 2) && ms < lastSundayAt0100Utc(year, 9);
}

/** London wall-clock time at an instant, as a Date whose UTC fields read as London time. */
const londonWallClock = (instant: Date): Date => new Date(instant.getTime() + (isBritishSummerTime(instant) ? HOUR : 0));

/** The calendar date in London at an instant, as `YYYY-MM-DD`. */
export function londonDateOf(instant: Date): string {
  return londonWallClock(instant).toISOString().slice(0, 10);
}

/** London day of the week (0 = Sunday, as Date#getDay) and hour (0–23) at an instant. */
export function londonDayAndHour(instant: Date): { day: number; hour: number } {
  const wall = londonWallClock(instant);
  return { day: wall.getUTCDay(), hour: wall.getUTCHours() };
}

/**
 * The instant at which London wall-clock time `date hh:mm` happens. In the October overlap the
 * first (BST) occurrence wins, so an action is never late; a time in the March gap (01:00–01:59,
 * which does not exist) moves forward by an hour, as clocks do.
 */
export function londonWallTimeToUtc(date: string, hours: number, minutes: number): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const asUtc = Date.UTC(y, m - 1, d, hours, minutes);
  const ifSummer = new Date(asUtc - HOUR);
  if (isBritishSummerTime(ifSummer)) return ifSummer;
  return new Date(asUtc);
}

/** "Tuesday 1 December 2026" in UK time, as staff read dates. */
export function ukDate(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }).format(new Date(iso));
}

/** "1 December 2026 at 09:15" in UK time. */
export function ukDateTime(iso: string): string {
  const d = new Date(iso);
  const date = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }).format(d);
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Europe/London' }).format(d);
  return `${date} at ${time}`;
}
