import { describe, expect, it } from 'vitest';
import { parseHrCsv } from './index.ts';
import type { HrCsvOptions, HrMappingInput, HrParseResult } from './index.ts';

function parse(text: string, mapping: HrMappingInput = {}, options: HrCsvOptions = {}): HrParseResult {
  const result = parseHrCsv(text, mapping, options);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}
const csv = (...lines: string[]) => lines.join('\r\n') + '\r\n';

const simsHeader = 'Payroll Number,Legal Forename,Legal Surname,Work Email,Start Date,Date Left,Employment Status,Post';

describe('parseHrCsv: a realistic export', () => {
  it('turns a SIMS-style export with BOM, quotes and a multi-line cell into records', () => {
    const result = parse(
      '\uFEFF' +
        csv(
          simsHeader,
          '00123,Ann,"Smith, Jr", Ann.Smith@School.org.uk ,01/09/2019,,Current,Teacher',
          '00124,Bob,"O""Neil",bob@school.org.uk,01/09/2018,27/03/2026,Left,"Head of',
          'Maths"',
          '',
          '00125,Cat,Jones,,2026-04-20,,New Starter,TA',
        ),
    );
    expect(result.structuralErrors).toEqual([]);
    expect(result.rejected).toEqual([]);
    expect(result.accepted).toEqual([
      expect.objectContaining({ employeeId: '00123', email: 'ann.smith@school.org.uk', displayName: 'Ann Smith, Jr', status: 'current', startDate: '2019-09-01', leaveDate: null, leaveAt: null, line: 2 }),
      expect.objectContaining({ employeeId: '00124', lastName: 'O"Neil', jobTitle: 'Head of\r\nMaths', status: 'leaver', leaveDate: '2026-03-27', leaveAt: '2026-03-27T17:00:00.000Z', line: 3 }),
      expect.objectContaining({ employeeId: '00125', email: null, status: 'starter', startDate: '2026-04-20', line: 6 }),
    ]);
    expect(result.columns).toMatchObject({ employeeId: 'Payroll Number', leaveDate: 'Date Left' });
  });

  it('reads a semicolon iTrent-style export and applies the profile disableAt across BST', () => {
    const result = parse(csv('Employee Number;Forename;Surname;Leaving Date', 'E1;Ann;Lee;23.10.2026', 'E2;Bob;Ray;26.10.2026'), {}, { disableAt: '18:30' });
    expect(result.accepted.map((r) => [r.employeeId, r.status, r.leaveAt])).toEqual([
      ['E1', 'leaver', '2026-10-23T17:30:00.000Z'],
      ['E2', 'leaver', '2026-10-26T18:30:00.000Z'],
    ]);
  });

  it('refuses a bad mapping or disableAt as configuration errors', () => {
    expect(parseHrCsv('id\n1\n', { columns: { nope: 'x' } } as unknown as HrMappingInput).ok).toBe(false);
    const bad = parseHrCsv('Staff ID,Status\n1,Current\n', {}, { disableAt: '5pm' });
    expect(bad.ok ? null : bad.error.code).toBe('invalid_input');
  });
});

describe('parseHrCsv: structural errors apply nothing', () => {
  it('wrong columns: one error naming what was found and what is needed', () => {
    const result = parse(csv('Name,Mobile,Address', 'Ann,07700900000,1 High St'));
    expect(result.accepted).toEqual([]);
    expect(result.structuralErrors).toHaveLength(1);
    expect(result.structuralErrors[0]?.message).toContain("Columns found: 'Name', 'Mobile', 'Address'");
    expect(result.structuralErrors[0]?.message).toContain('no employee id column');
  });

  it('a truncated last row blocks every other, valid, row', () => {
    const result = parse('Staff ID,Surname,Leaving Date\r\n1,Lee,\r\n2,Ray,31/07/2026\r\n3,Ko');
    expect(result.accepted).toEqual([]);
    expect(result.rejected).toEqual([]);
    expect(result.structuralErrors).toEqual([{ line: 4, message: expect.stringContaining('truncated') as string }]);
  });

  it('an unterminated quote blocks the file', () => {
    const result = parse(csv('Staff ID,Surname,Status', '1,"Lee,Current', '2,Ray,Current'));
    expect(result.accepted).toEqual([]);
    expect(result.structuralErrors[0]?.message).toContain('unterminated quoted field starting on line 2');
  });

  it('a header with no rows is refused', () => {
    expect(parse(csv('Staff ID,Status')).structuralErrors[0]?.message).toContain('no data rows');
  });
});

describe('parseHrCsv: row validation', () => {
  const header = 'Staff ID,Forename,Surname,Email Address,Start Date,Leaving Date,Status';

  it('rejects bad rows with their line and keeps the good ones', () => {
    const result = parse(
      csv(header, ' ,Ann,Lee,,,,Current', '2,Bob,Ray,not-an-email,,,Current', '3,Cat,Ko,,01/09/2026,31/08/2026,Leaver', '4,Dan,Li,,,31/02/2026,Leaver', '5,Eve,Ng,,,,Maternity', '6,Fay,Oh,,,,Left', '7,Gus,Po,GUS@X.ORG,,,'),
    );
    expect(result.structuralErrors).toEqual([]);
    expect(result.rejected).toEqual([
      { row: 2, employeeId: null, error: 'employee id is empty' },
      { row: 3, employeeId: '2', error: 'email: not a valid email address' },
      { row: 4, employeeId: '3', error: 'leave date 2026-08-31 is before start date 2026-09-01' },
      { row: 5, employeeId: '4', error: expect.stringContaining('February 2026 has 28 days') as string },
      { row: 6, employeeId: '5', error: expect.stringContaining("status 'Maternity' is not recognised") as string },
      { row: 7, employeeId: '6', error: expect.stringContaining('leaver without a leave date') as string },
    ]);
    expect(result.accepted.map((r) => [r.employeeId, r.email, r.status])).toEqual([['7', 'gus@x.org', 'current']]);
  });

  it('normalises status spellings and the school’s own words', () => {
    const result = parse(csv('Staff ID,Employment Status,Leaving Date', '1,ACTIVE,', '2,in post,', '3,Has Left,01/08/2026', '4,new starter,', '5,Left - TUPE,01/08/2026'), {
      statusValues: { 'Left - TUPE': 'leaver' },
    });
    expect(result.rejected).toEqual([]);
    expect(result.accepted.map((r) => r.status)).toEqual(['current', 'current', 'leaver', 'starter', 'leaver']);
  });

  it('with no status column, a leave date is what makes a leaver', () => {
    const result = parse(csv('Staff ID,End Date', '1,', '2,17/07/2026'));
    expect(result.accepted.map((r) => r.status)).toEqual(['current', 'leaver']);
  });

  it('29/02 is accepted in a leap year and rejected otherwise', () => {
    const result = parse(csv('Staff ID,Leaving Date', '1,29/02/2028', '2,29/02/2027'));
    expect(result.accepted.map((r) => r.leaveDate)).toEqual(['2028-02-29']);
    expect(result.rejected[0]?.error).toContain('February 2027 has 28 days');
  });
});

describe('parseHrCsv: UK vs US dates', () => {
  it('a US-only date in an otherwise unambiguous UK file rejects just that row', () => {
    const result = parse(csv('Staff ID,Leaving Date', '1,25/07/2026', '2,07/25/2026'));
    expect(result.structuralErrors).toEqual([]);
    expect(result.accepted.map((r) => r.leaveDate)).toEqual(['2026-07-25']);
    expect(result.rejected).toEqual([{ row: 3, employeeId: '2', error: expect.stringContaining('reads as US mm/dd/yyyy (25 July 2026)') as string }]);
  });

  it('a US-only date next to ambiguous dates puts the whole file in doubt', () => {
    // 03/04/2026 would silently become 3 April instead of 4 March: disabling someone a month early.
    const result = parse(csv('Staff ID,Leaving Date', '1,03/04/2026', '2,12/25/2026'));
    expect(result.accepted).toEqual([]);
    expect(result.structuralErrors[0]?.message).toMatch(/line 3 only make sense as US mm\/dd\/yyyy, and 1 other date\(s\) could be read either way/);
  });

  it('the same file declared US is read as US', () => {
    const result = parse(csv('Staff ID,Leaving Date', '1,03/04/2026', '2,12/25/2026'), { dateFormat: 'us' });
    expect(result.structuralErrors).toEqual([]);
    expect(result.accepted.map((r) => r.leaveDate)).toEqual(['2026-03-04', '2026-12-25']);
  });
});

describe('parseHrCsv: duplicate employee ids', () => {
  it('identical duplicate rows: the first is kept, the repeat reported', () => {
    const result = parse(csv('Staff ID,Surname,Leaving Date', '1,Lee,31/07/2026', '2,Ray,', '1,Lee,31/07/2026'));
    expect(result.accepted.map((r) => [r.employeeId, r.line])).toEqual([['1', 2], ['2', 3]]);
    expect(result.rejected).toEqual([{ row: 4, employeeId: '1', error: 'duplicate of line 2 (identical); ignored' }]);
  });

  it('conflicting duplicates (ids differing only in case too) are all rejected, never merged', () => {
    const result = parse(csv('Staff ID,Surname,Leaving Date', 'e7,Lee,31/07/2026', '2,Ray,', 'E7,Lee,'));
    expect(result.accepted.map((r) => r.employeeId)).toEqual(['2']);
    expect(result.rejected.map((r) => [r.row, r.error])).toEqual([
      [2, "employee id 'e7' also appears on line 4 with different data; duplicates are never merged, fix the file"],
      [4, "employee id 'E7' also appears on line 2 with different data; duplicates are never merged, fix the file"],
    ]);
  });

  it('a duplicate whose other copy is invalid still rejects both', () => {
    const result = parse(csv('Staff ID,Email,Leaving Date', '1,a@x.org,31/07/2026', '1,broken,31/07/2026'));
    expect(result.accepted).toEqual([]);
    expect(result.rejected).toHaveLength(2);
  });

  it('one email for two employee ids rejects both rows', () => {
    const result = parse(csv('Staff ID,Email,Status', '1,shared@x.org,Current', '2,SHARED@x.org,Current', '3,own@x.org,Current'));
    expect(result.accepted.map((r) => r.employeeId)).toEqual(['3']);
    expect(result.rejected.map((r) => r.row)).toEqual([2, 3]);
    expect(result.rejected[0]?.error).toContain("email shared@x.org is also given for employee id '2' (line 3)");
  });
});
