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
