import type { AssignmentStatus } from '../../storage/acknowledgements.ts';

const DAY = 24 * 60 * 60 * 1000;

/**
 * When a person must have acknowledged by: the campaign's date, except for starters, who get the
 * profile's `starterDays` from the day they were enrolled (a September starter and a January starter
 * each get the same time).
 */
export function dueAt(a: Pick<AssignmentStatus, 'audience' | 'assignedAt' | 'campaignDueAt'>, starterDays: number): string {
  if (a.audience !== 'starters') return a.campaignDueAt;
  return new Date(Date.parse(a.assignedAt) + starterDays * DAY).toISOString();
}

export const addDays = (at: Date, days: number): Date => new Date(at.getTime() + days * DAY);

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
