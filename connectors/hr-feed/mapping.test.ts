import { describe, expect, it } from 'vitest';
import { hrMappingSchema, resolveColumns } from './mapping.ts';
import type { HrMappingInput } from './mapping.ts';

const resolve = (header: string[], mapping: HrMappingInput = {}) => resolveColumns(header, hrMappingSchema.parse(mapping));
const headersOf = (header: string[], mapping?: HrMappingInput) => {
  const result = resolve(header, mapping);
  if (!result.ok) throw new Error(result.error.message);
  return Object.fromEntries(Object.entries(result.value).map(([field, col]) => [field, col.header]));
};

describe('resolveColumns', () => {
  it('recognises a SIMS-style export through the presets', () => {
    expect(headersOf(['Payroll Number', 'Legal Forename', 'Legal Surname', 'Work Email', 'Start Date', 'Date Left', 'Employment Status', 'Post'])).toEqual({
      employeeId: 'Payroll Number',
      firstName: 'Legal Forename',
      lastName: 'Legal Surname',
      email: 'Work Email',
      startDate: 'Start Date',
      leaveDate: 'Date Left',
      status: 'Employment Status',
      jobTitle: 'Post',
    });
  });

  it('ignores case, spacing and punctuation in header names', () => {
    expect(headersOf(['  STAFF_ID ', 'e-mail address', 'end  date'])).toEqual({ employeeId: '  STAFF_ID ', email: 'e-mail address', leaveDate: 'end  date' });
    expect(headersOf(['Employee No.', 'Leaving Date'])).toMatchObject({ employeeId: 'Employee No.' });
  });

  it('lets an explicit mapping win over the presets', () => {
    expect(headersOf(['Ref', 'Staff ID', 'Gone'], { columns: { employeeId: 'ref', leaveDate: 'GONE' } })).toEqual({ employeeId: 'Ref', leaveDate: 'Gone' });
  });

  it('refuses to choose between two plausible id columns, but prefers a name spelling', () => {
    const both = resolve(['Staff ID', 'Payroll Number', 'Status']);
    expect(both.ok).toBe(false);
    if (!both.ok) expect(both.error.message).toContain("employeeId could be any of 'Staff ID', 'Payroll Number'");
    expect(headersOf(['Staff ID', 'Forename', 'Legal Forename', 'Status'])).toMatchObject({ firstName: 'Legal Forename' });
  });

  it('gives one error naming every problem, the columns found and what is needed', () => {
    const result = resolve(['ID', 'Name', 'Mail'], { columns: { email: 'Work Mail' } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid_input');
    expect(result.error.message).toContain("email is mapped to 'Work Mail', which is not in the file");
    expect(result.error.message).toContain('no employee id column');
    expect(result.error.message).toContain('no status or leave date column');
    expect(result.error.message).toContain("Columns found: 'ID', 'Name', 'Mail'");
    expect(result.error.message).toContain('Needed: an employee id column and a status or leave date column');
  });

  it('with presets off, only explicit columns count', () => {
    const result = resolve(['Staff ID', 'Status'], { usePresets: false });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('presets are off; set columns.employeeId');
  });

  it('rejects an unknown field in the mapping', () => {
    expect(hrMappingSchema.safeParse({ columns: { payroll: 'x' } }).success).toBe(false);
    expect(hrMappingSchema.safeParse({ dateFormat: 'fr' }).success).toBe(false);
  });
});
