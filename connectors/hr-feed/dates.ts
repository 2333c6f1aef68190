import type { Result } from '../../src/domain/result.ts';
import { londonDateOf } from '../../src/domain/london-time.ts';

export { leaveInstant, disableAtSchema, defaultDisableAt } from './leave-instant.ts';
export type { DisableAt } from './leave-instant.ts';

/**
 * Day/month order of a file's numeric dates. `03/04/2026` is 3 April in a UK file and 4 March in a
 * US one and nothing in the cell says which, so the order is declared per file, never guessed.
 */
export type DateOrder = 'uk' | 'us' | 'iso';

export interface DateOptions {
  order: DateOrder;
  /** Accept `dd/mm/yy`. Years 00–69 are 2000–2069 and 70–99 are 1970–1999 (the POSIX `%y` pivot). */
  twoDigitYears?: boolean;
  /** Accept Excel serial day numbers (a date cell saved without formatting), 1950–2099 only. */
  excelSerials?: boolean;
}

export interface ParsedDate {
  /** `YYYY-MM-DD`. */
  date: string;
  /** Day and month were both ≤ 12 and different: the declared order decided the meaning. */
  ambiguous: boolean;
}

/** `other_order`: the cell is only a real date read in the other day/month order. */
export interface DateError {
  code: 'invalid_date' | 'other_order';
  message: string;
}

const monthNames = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const longMonthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const isLeap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const daysIn = (y: number, m: number) => [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const iso = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

/** Why y-m-d is not a real date, or null when it is. */
function whyInvalid(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2199) return `year ${y} is out of range`;
  if (m < 1 || m > 12) return `month ${m} does not exist`;
  if (d < 1 || d > daysIn(y, m)) return `${longMonthNames[m - 1]} ${y} has ${daysIn(y, m)} days`;
  return null;
}

const invalid = (message: string): { ok: false; error: DateError } => ({ ok: false, error: { code: 'invalid_date', message } });
const fine = (date: string, ambiguous = false): { ok: true; value: ParsedDate } => ({ ok: true, value: { date, ambiguous } });

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const isoDateTime = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/i;
const numeric = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/;
const named = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]{3,9})\.?[\s,-]+(\d{4}|\d{2})$/i;
const serial = /^\d{5}(?:\.\d+)?$/;

function century(yy: string, options: DateOptions): Result<number, DateError> {
  if (yy.length === 4) return { ok: true, value: Number(yy) };
  if (!options.twoDigitYears) return invalid('two-digit years are not accepted; export dates with four-digit years or enable twoDigitYears');
  const n = Number(yy);
  return { ok: true, value: n < 70 ? 2000 + n : 1900 + n };
}

function parseIsoDateTime(match: RegExpExecArray, raw: string): Result<ParsedDate, DateError> {
  const [, y, mo, d, h, mi, s, zone] = match.map((part) => part ?? '');
  const bad = whyInvalid(Number(y), Number(mo), Number(d));
  if (bad) return invalid(`'${raw}' is not a real date: ${bad}`);
  if (Number(h) > 23 || Number(mi) > 59 || Number(s || '0') > 59) return invalid(`'${raw}' has an impossible time`);
  if (!zone) return fine(iso(Number(y), Number(mo), Number(d)));
  // An instant, not a wall date: midnight BST serialised as UTC is 23:00 the day before.
  const instant = new Date(raw.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (Number.isNaN(instant.getTime())) return invalid(`'${raw}' is not a valid date-time`);
  return fine(londonDateOf(instant));
}

function parseNumeric(match: RegExpExecArray, raw: string, options: DateOptions): Result<ParsedDate, DateError> {
  const year = century(match[4]!, options);
  if (!year.ok) return year;
  const a = Number(match[1]);
  const b = Number(match[3]);
  const uk = options.order === 'uk';
  const [day, month] = uk ? [a, b] : [b, a];
  const shape = uk ? 'dd/mm/yyyy' : 'mm/dd/yyyy';
  const bad = whyInvalid(year.value, month, day);
  if (!bad) return fine(iso(year.value, month, day), a <= 12 && b <= 12 && a !== b);
  if (!whyInvalid(year.value, day, month)) {
    const other = uk ? 'US mm/dd/yyyy' : 'UK dd/mm/yyyy';
    const reading = `${month} ${longMonthNames[day - 1]} ${year.value}`;
    return {
      ok: false,
      error: {
        code: 'other_order',
        message: `'${raw}' is not a valid ${shape} date (${bad}) but reads as ${other} (${reading}); the file is set to ${uk ? 'UK' : 'US'} dates, so check the row or the file's dateFormat`,
      },
    };
  }
  return invalid(`'${raw}' is not a real ${shape} date: ${bad}`);
}

function parseNamed(match: RegExpExecArray, raw: string, options: DateOptions): Result<ParsedDate, DateError> {
  const name = match[2]!.toLowerCase();
  const month = longMonthNames.findIndex((long, i) => long.toLowerCase() === name || monthNames[i] === name || (name === 'sept' && i === 8)) + 1;
  if (month === 0) return invalid(`'${raw}': unknown month name '${match[2]}'`);
  const year = century(match[3]!, options);
  if (!year.ok) return year;
  const day = Number(match[1]);
  const bad = whyInvalid(year.value, month, day);
  return bad ? invalid(`'${raw}' is not a real date: ${bad}`) : fine(iso(year.value, month, day));
}

function parseSerial(raw: string): Result<ParsedDate, DateError> {
  const days = Math.floor(Number(raw));
  // 18264 = 1950-01-01 and 73050 = 2099-12-31; Excel's day 0 is 1899-12-30 (after its 1900 leap-year bug).
  if (days < 18264 || days > 73050) return invalid(`'${raw}' looks like an Excel serial date outside 1950–2099`);
  return fine(new Date(Date.UTC(1899, 11, 30) + days * 86_400_000).toISOString().slice(0, 10));
}

/**
 * Reads one date cell. ISO dates are accepted whatever the file's order (they cannot be misread);
 * slash/dot/dash dates follow `options.order`, and a cell that is only valid in the other order is
 * refused with `other_order`, never silently swapped.
 */
export function parseDate(input: string, options: DateOptions): Result<ParsedDate, DateError> {
  const raw = input.trim();
  const isoMatch = isoDate.exec(raw);
  if (isoMatch) {
    const [y, m, d] = [Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3])];
    const bad = whyInvalid(y, m, d);
    return bad ? invalid(`'${raw}' is not a real date: ${bad}`) : fine(iso(y, m, d));
  }
  const dateTime = isoDateTime.exec(raw);
  if (dateTime) return parseIsoDateTime(dateTime, raw);
  if (options.order === 'iso') return invalid(`'${raw}' is not an ISO date; this file is set to yyyy-mm-dd`);

  const numericMatch = numeric.exec(raw);
  if (numericMatch) return parseNumeric(numericMatch, raw, options);
  const namedMatch = named.exec(raw);
  if (namedMatch) return parseNamed(namedMatch, raw, options);
  if (serial.test(raw) && options.excelSerials !== false) return parseSerial(raw);
  const expected = options.order === 'uk' ? 'dd/mm/yyyy' : 'mm/dd/yyyy';
  return invalid(`'${raw}' is not a recognised date (expected ${expected} or yyyy-mm-dd)`);
}
