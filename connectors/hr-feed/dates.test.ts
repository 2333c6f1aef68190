import { describe, expect, it } from 'vitest';
import { isBritishSummerTime } from '../../src/domain/london-time.ts';
import { leaveInstant, parseDate } from './dates.ts';
import type { DateOptions } from './dates.ts';

const uk: DateOptions = { order: 'uk' };
const us: DateOptions = { order: 'us' };
const dateOf = (raw: string, options: DateOptions = uk) => {
  const result = parseDate(raw, options);
  return result.ok ? result.value.date : result.error.code;
};
const messageOf = (raw: string, options: DateOptions = uk) => {
  const result = parseDate(raw, options);
  return result.ok ? null : result.error.message;
};

describe('parseDate', () => {
  it('reads UK numeric dates in every separator and padding', () => {
    for (const raw of ['27/03/2026', '27/3/2026', '27-03-2026', '27.03.2026', ' 27/03/2026 ', '27/03/2026 00:00', '27/03/2026 00:00:00']) {
      expect(dateOf(raw), raw).toBe('2026-03-27');
    }
    expect(dateOf('1/9/2025')).toBe('2025-09-01');
  });

  it('reads ISO dates and date-times whatever the file order', () => {
    expect(dateOf('2026-03-27', us)).toBe('2026-03-27');
    expect(dateOf('2026-03-27T00:00:00', uk)).toBe('2026-03-27');
    expect(dateOf('2026-03-27 09:30', { order: 'iso' })).toBe('2026-03-27');
  });

  it('reads a zoned date-time as the London calendar date (midnight BST serialised as UTC)', () => {
    expect(dateOf('2026-07-09T23:00:00Z')).toBe('2026-07-10');
    expect(dateOf('2026-01-09T23:00:00Z')).toBe('2026-01-09');
    expect(dateOf('2026-07-10T00:00:00+01:00')).toBe('2026-07-10');
  });

  it('reads month names, which cannot be misread', () => {
    expect(dateOf('27 March 2026')).toBe('2026-03-27');
    expect(dateOf('27-Mar-2026', us)).toBe('2026-03-27');
    expect(dateOf('1st Sept 2025')).toBe('2025-09-01');
  });

  it('accepts 29/02 in a leap year only', () => {
    expect(dateOf('29/02/2028')).toBe('2028-02-29');
    expect(dateOf('29/02/2000')).toBe('2000-02-29');
    expect(dateOf('29/02/2026')).toBe('invalid_date');
    expect(dateOf('2100-02-29')).toBe('invalid_date');
    expect(messageOf('29/02/2026')).toContain('February 2026 has 28 days');
  });

  it('rejects impossible dates', () => {
    expect(messageOf('31/02/2026')).toContain('February 2026 has 28 days');
    expect(messageOf('31/04/2026')).toContain('April 2026 has 30 days');
    expect(dateOf('00/01/2026')).toBe('invalid_date');
    expect(dateOf('2026-13-01')).toBe('invalid_date');
    expect(dateOf('2026-03-27T25:00')).toBe('invalid_date');
    expect(dateOf('next friday')).toBe('invalid_date');
    expect(dateOf('13/25/2026')).toBe('invalid_date');
    expect(messageOf('13/25/2026')).toContain('month 25 does not exist');
  });

  it('lets the declared order decide an ambiguous date, and says it was ambiguous', () => {
    expect(parseDate('03/04/2026', uk)).toEqual({ ok: true, value: { date: '2026-04-03', ambiguous: true } });
    expect(parseDate('03/04/2026', us)).toEqual({ ok: true, value: { date: '2026-03-04', ambiguous: true } });
    expect(parseDate('04/04/2026', uk)).toEqual({ ok: true, value: { date: '2026-04-04', ambiguous: false } });
    expect(parseDate('25/12/2026', uk)).toEqual({ ok: true, value: { date: '2026-12-25', ambiguous: false } });
  });

  it('refuses a date that only parses in the other order, naming the other reading', () => {
    const usInUkFile = parseDate('12/25/2026', uk);
    expect(usInUkFile.ok).toBe(false);
    if (!usInUkFile.ok) {
      expect(usInUkFile.error.code).toBe('other_order');
      expect(usInUkFile.error.message).toContain('reads as US mm/dd/yyyy (25 December 2026)');
    }
    const ukInUsFile = parseDate('25/12/2026', us);
    expect(ukInUsFile.ok ? null : ukInUsFile.error.code).toBe('other_order');
  });

  it('in an ISO file, refuses anything but ISO', () => {
    expect(messageOf('27/03/2026', { order: 'iso' })).toContain('set to yyyy-mm-dd');
  });

  it('two-digit years only when enabled, with the 00–69 / 70–99 pivot', () => {
    expect(messageOf('27/03/26')).toContain('two-digit years');
    const opts: DateOptions = { order: 'uk', twoDigitYears: true };
    expect(dateOf('27/03/26', opts)).toBe('2026-03-27');
    expect(dateOf('01/09/69', opts)).toBe('2069-09-01');
    expect(dateOf('01/09/70', opts)).toBe('1970-09-01');
    expect(dateOf('27-Mar-26', opts)).toBe('2026-03-27');
  });

  it('reads Excel serial numbers in range, unless switched off', () => {
    expect(dateOf('46108')).toBe('2026-03-27');
    expect(dateOf('46108.70833')).toBe('2026-03-27');
    expect(dateOf('45351')).toBe('2024-02-29');
    expect(dateOf('12345')).toBe('invalid_date');
    expect(dateOf('46108', { order: 'uk', excelSerials: false })).toBe('invalid_date');
  });
});

describe('leaveInstant (Europe/London, BST-aware)', () => {
  it('the last working day before the March change is still GMT; the day after is BST', () => {
    // Clocks go forward on Sunday 29 March 2026 at 01:00 UTC.
    expect(leaveInstant('2026-03-27', '17:00').toISOString()).toBe('2026-03-27T17:00:00.000Z');
    expect(leaveInstant('2026-03-30', '17:00').toISOString()).toBe('2026-03-30T16:00:00.000Z');
    expect(leaveInstant('2025-03-28', '17:00').toISOString()).toBe('2025-03-28T17:00:00.000Z');
    expect(leaveInstant('2025-03-31', '17:00').toISOString()).toBe('2025-03-31T16:00:00.000Z');
  });

  it('the last working day before the October change is still BST; the day after is GMT', () => {
    // Clocks go back on Sunday 25 October 2026 at 01:00 UTC.
    expect(leaveInstant('2026-10-23', '17:00').toISOString()).toBe('2026-10-23T16:00:00.000Z');
    expect(leaveInstant('2026-10-26', '17:00').toISOString()).toBe('2026-10-26T17:00:00.000Z');
    expect(leaveInstant('2025-10-24', '17:00').toISOString()).toBe('2025-10-24T16:00:00.000Z');
    expect(leaveInstant('2025-10-27', '17:00').toISOString()).toBe('2025-10-27T17:00:00.000Z');
  });

  it('"immediately" is the first minute of the leave date, on either side of a change', () => {
    expect(leaveInstant('2026-03-29', 'immediately').toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(leaveInstant('2026-10-25', 'immediately').toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(leaveInstant('2026-07-01', 'immediately').toISOString()).toBe('2026-06-30T23:00:00.000Z');
  });

  it('a time in the March gap moves forward; in the October overlap the first (BST) one wins', () => {
    expect(leaveInstant('2026-03-29', '01:30').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(leaveInstant('2026-03-29', '02:00').toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(leaveInstant('2026-10-25', '01:30').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(leaveInstant('2026-10-25', '02:00').toISOString()).toBe('2026-10-25T02:00:00.000Z');
  });

  it('switches exactly at 01:00 UTC', () => {
    expect(isBritishSummerTime(new Date('2026-03-29T00:59:59Z'))).toBe(false);
    expect(isBritishSummerTime(new Date('2026-03-29T01:00:00Z'))).toBe(true);
    expect(isBritishSummerTime(new Date('2026-10-25T00:59:59Z'))).toBe(true);
    expect(isBritishSummerTime(new Date('2026-10-25T01:00:00Z'))).toBe(false);
  });

  it('agrees with Intl for 17:00 and 08:30 on every day of 2024–2031', () => {
    const fmt = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const london = (d: Date) => {
      const p = Object.fromEntries(fmt.formatToParts(d).map((x) => [x.type, x.value]));
      return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
    };
    let checked = 0;
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2032, 0, 1); t += 86_400_000) {
      const date = new Date(t).toISOString().slice(0, 10);
      for (const time of ['17:00', '08:30']) {
        expect(london(leaveInstant(date, time))).toBe(`${date} ${time}`);
        checked++;
      }
    }
    expect(checked).toBe(2 * 2922);
  });

  it('throws on inputs that should have been validated upstream', () => {
    expect(() => leaveInstant('27/03/2026', '17:00')).toThrow();
    expect(() => leaveInstant('2026-03-27', '5pm')).toThrow();
    expect(() => leaveInstant('2026-03-27', '24:00')).toThrow();
  });
});
