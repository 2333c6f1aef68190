import { z } from 'zod';
import { londonWallTimeToUtc } from '../../src/domain/london-time.ts';

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
