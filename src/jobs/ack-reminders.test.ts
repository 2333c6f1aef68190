import { describe, expect, it } from 'vitest';
import { isReminderHour } from './ack-reminders.ts';

describe('isReminderHour', () => {
  it('is the 09:xx run in UK time on school days, in GMT and in BST', () => {
    expect(isReminderHour(new Date('2026-12-01T09:05:00Z'))).toBe(true); // Tuesday, GMT
    expect(isReminderHour(new Date('2026-06-02T08:05:00Z'))).toBe(true); // Tuesday, 09:05 BST
    expect(isReminderHour(new Date('2026-06-02T09:05:00Z'))).toBe(false); // 10:05 BST
    expect(isReminderHour(new Date('2026-12-05T09:05:00Z'))).toBe(false); // Saturday
    expect(isReminderHour(new Date('2026-12-01T02:30:00Z'))).toBe(false); // night
  });
});
