import { z } from 'zod';

/**
 * Europe/London without a timezone database. The UK has followed the EU summer-time rule since
 * 1996: BST (UTC+1) from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of
 * October. Leave dates are recent or future, so the older rules do not matter here.
 */

const hour = 3_600_000;

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

/** The calendar date in London at an instant, as `YYYY-MM-DD`. */
export function londonDateOf(instant: Date): string {
  const shifted = new Date(instant.getTime() + (isBritishSummerTime(instant) ? hour : 0));
  return shifted.toISOString().slice(0, 10);
}

/**
 * The instant at which London wall-clock time `date hh:mm` happens. In the October overlap the
 * first (BST) occurrence wins, so an action is never late; a time in the March gap (01:00–01:59,
 * which does not exist) moves forward by an hour, as clocks do.
 */
export function londonWallTimeToUtc(date: string, hours: number, minutes: number): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const asUtc = Date.UTC(y, m - 1, d, hours, minutes);
  const ifSummer = new Date(asUtc - hour);
  if (isBritishSummerTime(ifSummer)) return ifSummer;
  return new Date(asUtc);
}

/** A profile's `disableAt`: "immediately" (start of the leave date) or a London "HH:MM". */
export const disableAtSchema = z.union([
  z.literal('immediately'),
  z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'disableAt must be "immediately" or a 24-hour time "HH:MM"'),
]);
export type DisableAt = z.infer<typeof disableAtSchema>;
export const defaultDisableAt: DisableAt = '17:00';

const isoDate = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * When a leaver's access should end: the leave date (their last working day) at `disableAt` London
 * time. "immediately" means the first minute of the leave date; the engine acts at
 * max(now, instant), so a leave date in the past still acts at once. Inputs are validated before
 * they get here, so a malformed one is a bug and throws.
 */
export function leaveInstant(date: string, disableAt: string): Date {
  if (!isoDate.test(date)) throw new Error(`leaveInstant: not a YYYY-MM-DD date: ${date}`);
  const parsed = disableAtSchema.parse(disableAt);
  if (parsed === 'immediately') return londonWallTimeToUtc(date, 0, 0);
  const [hours, minutes] = parsed.split(':').map(Number) as [number, number];
  return londonWallTimeToUtc(date, hours, minutes);
}
