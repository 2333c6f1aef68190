import { describe, expect, it } from 'vitest';
import { isWeeklyCardTime, mondayOf } from './london-time.ts';

// Cron fires at 07:00 and 08:00 UTC every Monday; exactly one of the two is 08:00 in London.
const fires = (day: string) => [`${day}T07:00:00Z`, `${day}T08:00:00Z`].filter((t) => isWeeklyCardTime(new Date(t)));

describe('isWeeklyCardTime', () => {
  it('keeps the 08:00 UTC run in winter (GMT)', () => {
    expect(fires('2026-11-23')).toEqual(['2026-11-23T08:00:00Z']);
    expect(fires('2027-01-04')).toEqual(['2027-01-04T08:00:00Z']);
  });

  it('keeps the 07:00 UTC run in summer (BST)', () => {
    expect(fires('2026-06-15')).toEqual(['2026-06-15T07:00:00Z']);
  });

  it('is right on the first Monday after each clock change', () => {
    // BST began Sunday 29 March 2026 and ends Sunday 25 October 2026.
    expect(fires('2026-03-30')).toEqual(['2026-03-30T07:00:00Z']);
    expect(fires('2026-03-23')).toEqual(['2026-03-23T08:00:00Z']);
    expect(fires('2026-10-26')).toEqual(['2026-10-26T08:00:00Z']);
    expect(fires('2026-10-19')).toEqual(['2026-10-19T07:00:00Z']);
  });

  it('tolerates a late trigger within the hour and refuses other days', () => {
    expect(isWeeklyCardTime(new Date('2026-11-23T08:00:42Z'))).toBe(true);
    expect(isWeeklyCardTime(new Date('2026-11-24T08:00:00Z'))).toBe(false);
  });
});

describe('mondayOf', () => {
  it('finds the UK Monday of the week', () => {
    expect(mondayOf(new Date('2026-11-26T10:00:00Z')).toISOString()).toBe('2026-11-23T10:00:00.000Z');
    expect(mondayOf(new Date('2026-11-23T00:30:00Z')).toISOString()).toBe('2026-11-23T00:30:00.000Z');
  });
});
