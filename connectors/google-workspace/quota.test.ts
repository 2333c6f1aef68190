import { describe, expect, it } from 'vitest';
import { UserQuota } from './quota.ts';

describe('UserQuota', () => {
  it('lets a user spend the budget, then waits until the oldest units leave the minute', async () => {
    let now = 0;
    const waits: number[] = [];
    const quota = new UserQuota({ now: () => now, sleep: (ms) => ((now += ms), waits.push(ms), Promise.resolve()) }, 100);
    await quota.take('A@school.uk', 60);
    now = 10_000;
    await quota.take('a@school.uk', 40);
    expect(waits).toEqual([]);
    await quota.take('a@school.uk', 30);
    // The 60 units from t=0 leave the window just after t=60s.
    expect(now).toBeGreaterThan(60_000);
    expect(now).toBeLessThan(61_000);
    expect(quota.used('a@school.uk')).toBe(70);
    await quota.take('b@school.uk', 100);
    expect(quota.used('b@school.uk')).toBe(100);
  });
});
