import { z } from 'zod';
import { looksLikeFormula } from './csv-injection.ts';
import { leaveInstant, parseDate } from './dates.ts';
import type { DateOptions } from './dates.ts';
import { staffFields, staffStatuses } from './mapping.ts';
import type { StaffField, StaffStatus } from './mapping.ts';
import { normaliseStatus } from './status.ts';

/** One person as the HR feed describes them, validated and normalised; the port's main type. */
export const staffRecordSchema = z.object({
  employeeId: z.string().min(1),
  /** Lower-cased. */
  email: z.string().nullable(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  /** As given, else "firstName lastName". */
  displayName: z.string().nullable(),
  status: z.enum(staffStatuses),
  /** `YYYY-MM-DD`. */
  startDate: z.string().nullable(),
  /** `YYYY-MM-DD`: the last working day. */
  leaveDate: z.string().nullable(),
  /** ISO instant: leaveDate at the profile's disableAt, Europe/London (see leaveInstant). */
  leaveAt: z.string().nullable(),
  jobTitle: z.string().nullable(),
  department: z.string().nullable(),
  /** Fields whose value starts like a spreadsheet formula: kept verbatim, escape with csvSafe on export. */
  flagged: z.array(z.enum(staffFields)),
  /** The CSV line the record came from; null for webhook events. */
  line: z.number().int().nullable(),
});
export type StaffRecord = z.infer<typeof staffRecordSchema>;

/** Raw values for one person: CSV cells or webhook JSON strings. Absent and empty mean the same. */
export type RawStaff = Partial<Record<StaffField, string>>;

export interface RecordContext {
  dates: DateOptions;
  disableAt: string;
  statusValues?: Readonly<Record<string, StaffStatus>>;
  /** Set by the webhook's event type; a contradicting status value is an error. */
  impliedStatus?: StaffStatus;
  line?: number;
}

/** What a row tells us about the file's day/month order (see validate.ts). */
export interface DateEvidence {
  ambiguous: number;
  otherOrder: number;
}

export type RecordOutcome =
  | { ok: true; record: StaffRecord; evidence: DateEvidence }
  | { ok: false; error: string; evidence: DateEvidence };

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `longer than ${max} characters`)
    .transform((v) => (v === '' ? null : v));

const fieldsSchema = z.object({
  employeeId: z.string().trim().min(1, 'employee id is empty').max(64, 'employee id is longer than 64 characters'),
  email: z
    .string()
    .trim()
    .toLowerCase()
    .transform((v) => (v === '' ? null : v))
    .pipe(z.email('not a valid email address').max(254).nullable()),
  firstName: text(200),
  lastName: text(200),
  displayName: text(300),
  jobTitle: text(200),
  department: text(200),
});

const labels: Record<StaffField, string> = {
  employeeId: 'employee id',
  email: 'email',
  firstName: 'first name',
  lastName: 'last name',
  displayName: 'display name',
  startDate: 'start date',
  leaveDate: 'leave date',
  status: 'status',
  jobTitle: 'job title',
  department: 'department',
};

/** Validates and normalises one person. Every problem in the row is reported, not just the first. */
export function toStaffRecord(raw: RawStaff, ctx: RecordContext): RecordOutcome {
  const problems: string[] = [];
  const evidence: DateEvidence = { ambiguous: 0, otherOrder: 0 };
  const value = (field: StaffField) => raw[field] ?? '';

  const parsed = fieldsSchema.safeParse(Object.fromEntries(staffFields.map((f) => [f, value(f)])));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as StaffField;
      problems.push(field === 'employeeId' ? issue.message : `${labels[field]}: ${issue.message}`);
    }
  }

  const date = (field: 'startDate' | 'leaveDate'): string | null => {
    if (value(field).trim() === '') return null;
    const result = parseDate(value(field), ctx.dates);
    if (!result.ok) {
      if (result.error.code === 'other_order') evidence.otherOrder++;
      problems.push(`${labels[field]}: ${result.error.message}`);
      return null;
    }
    if (result.value.ambiguous) evidence.ambiguous++;
    return result.value.date;
  };
  const startDate = date('startDate');
  const leaveDate = date('leaveDate');
  if (startDate && leaveDate && leaveDate < startDate) problems.push(`leave date ${leaveDate} is before start date ${startDate}`);

  let status: StaffStatus | null = ctx.impliedStatus ?? null;
  if (value('status').trim() !== '') {
    const normalised = normaliseStatus(value('status'), ctx.statusValues);
    if (!normalised.ok) problems.push(normalised.message);
    else if (status && normalised.status !== status) problems.push(`status '${value('status').trim()}' contradicts the event type (${status})`);
    else status = normalised.status;
  }
  // No status at all: a leave date is what makes someone a leaver.
  if (!status && !problems.some((p) => p.startsWith('status'))) status = leaveDate ? 'leaver' : 'current';
  if (status === 'leaver' && !leaveDate && !problems.some((p) => p.startsWith('leave date'))) {
    problems.push('leaver without a leave date: the date decides when access ends, so it cannot be guessed');
  }

  if (problems.length > 0 || !parsed.success || !status) return { ok: false, error: problems.join('; '), evidence };
  const fields = parsed.data;
  const joined = [fields.firstName, fields.lastName].filter(Boolean).join(' ');
  const record: StaffRecord = {
    ...fields,
    displayName: fields.displayName ?? (joined || null),
    status,
    startDate,
    leaveDate,
    leaveAt: leaveDate ? leaveInstant(leaveDate, ctx.disableAt).toISOString() : null,
    flagged: staffFields.filter((f) => looksLikeFormula(value(f))),
    line: ctx.line ?? null,
  };
  return { ok: true, record, evidence };
}
