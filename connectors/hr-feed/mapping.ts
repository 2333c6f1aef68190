import { z } from 'zod';
import { err, ok } from '../../src/domain/result.ts';
import type { Result } from '../../src/domain/result.ts';
import { headerPresets, identityFields } from './presets.ts';

export const staffFields = ['employeeId', 'email', 'firstName', 'lastName', 'displayName', 'startDate', 'leaveDate', 'status', 'jobTitle', 'department'] as const;
export type StaffField = (typeof staffFields)[number];
export const staffStatuses = ['current', 'starter', 'leaver'] as const;
export type StaffStatus = (typeof staffStatuses)[number];

/**
 * How one school's export maps onto our fields. Explicit `columns` win; presets fill the rest.
 * Stored per school (JSON), so it is validated like any other boundary.
 */
export const hrMappingSchema = z
  .object({
    columns: z.partialRecord(z.enum(staffFields), z.string().trim().min(1).max(200)).default({}),
    usePresets: z.boolean().default(true),
    /** Day/month order of numeric dates in the file; ISO dates are always accepted. */
    dateFormat: z.enum(['uk', 'us', 'iso']).default('uk'),
    twoDigitYears: z.boolean().default(false),
    excelSerialDates: z.boolean().default(true),
    /** Extra status spellings this school's system uses, e.g. { "Left - TUPE": "leaver" }. */
    statusValues: z.record(z.string().trim().min(1).max(100), z.enum(staffStatuses)).default({}),
  })
  .strict();
export type HrMappingInput = z.input<typeof hrMappingSchema>;
export type HrMapping = z.output<typeof hrMappingSchema>;

/** Column index per field found in the header, plus the header text it matched (for messages). */
export type ResolvedColumns = Partial<Record<StaffField, { index: number; header: string }>>;

/** Case, spacing and punctuation do not matter: "Staff ID", "staff_id" and "STAFF-ID" are one name. */
export const headerKey = (name: string): string => name.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

const quote = (names: readonly string[]) => names.map((n) => `'${n}'`).join(', ');

/** Finds each field's column. Every problem is collected into one error, with the header found. */
export function resolveColumns(header: readonly string[], mapping: HrMapping): Result<ResolvedColumns> {
  const byKey = new Map<string, number[]>();
  header.forEach((name, index) => {
    const key = headerKey(name);
    if (key) byKey.set(key, [...(byKey.get(key) ?? []), index]);
  });

  const resolved: ResolvedColumns = {};
  const problems: string[] = [];
  for (const field of staffFields) {
    const explicit = mapping.columns[field];
    if (explicit !== undefined) {
      const hits = byKey.get(headerKey(explicit)) ?? [];
      if (hits.length === 0) problems.push(`${field} is mapped to '${explicit}', which is not in the file`);
      else if (hits.length > 1) problems.push(`${field} is mapped to '${explicit}', which appears ${hits.length} times`);
      else resolved[field] = { index: hits[0]!, header: header[hits[0]!]! };
      continue;
    }
    if (!mapping.usePresets) continue;
    const candidates = headerPresets[field].flatMap((preset) => byKey.get(headerKey(preset)) ?? []);
    const distinct = [...new Set(candidates)];
    if (distinct.length === 0) continue;
    // Picking between two plausible id, email, date or status columns would be a guess that decides
    // whose account is disabled and when; for names and titles the preferred spelling is harmless.
    if (distinct.length > 1 && identityFields.has(field)) {
      problems.push(`${field} could be any of ${quote(distinct.map((i) => header[i]!))}; set columns.${field} in the mapping`);
      continue;
    }
    resolved[field] = { index: distinct[0]!, header: header[distinct[0]!]! };
  }

  const lookedFor = (fields: StaffField[]) =>
    mapping.usePresets ? `looked for ${quote(fields.flatMap((f) => headerPresets[f]))}` : `presets are off; set columns.${fields.join(' or columns.')}`;
  if (!resolved.employeeId && !problems.some((p) => p.startsWith('employeeId'))) {
    problems.push(`no employee id column (${lookedFor(['employeeId'])})`);
  }
  if (!resolved.status && !resolved.leaveDate && !problems.some((p) => /^(status|leaveDate)/.test(p))) {
    problems.push(`no status or leave date column, so leavers cannot be recognised (${lookedFor(['status', 'leaveDate'])})`);
  }
  if (problems.length === 0) return ok(resolved);
  const found = header.filter((h) => h.trim() !== '');
  return err(
    'invalid_input',
    `The file's columns do not match the mapping: ${problems.join('; ')}. Columns found: ${quote(found)}. ` +
      'Needed: an employee id column and a status or leave date column; optional: email, names, start date, job title, department.',
    { found, problems },
  );
}
