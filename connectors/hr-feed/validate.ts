import type { CsvTable } from './csv.ts';
import type { DateOptions } from './dates.ts';
import type { HrMapping, ResolvedColumns, StaffField } from './mapping.ts';
import { toStaffRecord } from './staff-record.ts';
import type { RawStaff, StaffRecord } from './staff-record.ts';

export interface HrRejectedRow {
  /** CSV line (1-based, header included) the row starts on. */
  row: number;
  employeeId: string | null;
  /** Human-readable; may quote cell text, so escape it (csvSafe) before writing it to a CSV. */
  error: string;
}

export interface HrStructuralError {
  line: number | null;
  message: string;
}

/**
 * The outcome of one file. `structuralErrors` non-empty means the file cannot be trusted as a
 * whole (bad header, truncated or ragged rows, unterminated quote, contradictory date order):
 * `accepted` and `rejected` are then empty and callers must apply nothing.
 */
export interface HrParseResult {
  accepted: StaffRecord[];
  rejected: HrRejectedRow[];
  structuralErrors: HrStructuralError[];
  /** Which header each field was read from, for the preview screen. */
  columns: Partial<Record<StaffField, string>>;
}

interface RowOutcome {
  line: number;
  key: string | null;
  employeeId: string | null;
  record: StaffRecord | null;
  errors: string[];
}

const sameData = (a: StaffRecord, b: StaffRecord) => JSON.stringify({ ...a, line: 0 }) === JSON.stringify({ ...b, line: 0 });
const lines = (rows: RowOutcome[]) => rows.map((r) => r.line).join(', ');

/**
 * Duplicate employee ids (case-insensitive): identical rows are harmless, so the first is kept and
 * the repeats are reported; rows that disagree are all rejected, since picking one would be a
 * guess about which is true. Rows that failed validation still count: the bad row may be the newer.
 */
function rejectDuplicateIds(outcomes: RowOutcome[]): void {
  const groups = new Map<string, RowOutcome[]>();
  for (const o of outcomes) if (o.key) groups.set(o.key, [...(groups.get(o.key) ?? []), o]);
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const [first, ...rest] = group as [RowOutcome, ...RowOutcome[]];
    const identical = group.every((o) => o.record && first.record && sameData(o.record, first.record));
    if (identical) {
      for (const o of rest) o.errors.push(`duplicate of line ${first.line} (identical); ignored`);
      continue;
    }
    for (const o of group) {
      const others = group.filter((x) => x !== o);
      o.errors.push(`employee id '${o.employeeId}' also appears on line ${lines(others)} with different data; duplicates are never merged, fix the file`);
    }
  }
}

/** One work email for two different people would let one leaver's row disable someone else. */
function rejectSharedEmails(outcomes: RowOutcome[]): void {
  const byEmail = new Map<string, RowOutcome[]>();
  for (const o of outcomes) {
    const email = o.record?.email;
    if (email && o.errors.length === 0) byEmail.set(email, [...(byEmail.get(email) ?? []), o]);
  }
  for (const [email, group] of byEmail) {
    if (new Set(group.map((o) => o.key)).size < 2) continue;
    for (const o of group) {
      const others = group.filter((x) => x !== o);
      o.errors.push(`email ${email} is also given for employee id ${others.map((x) => `'${x.employeeId}'`).join(', ')} (line ${lines(others)})`);
    }
  }
}

export interface ValidateOptions {
  disableAt: string;
}

/** Turns parsed rows into staff records. The table and columns come from parseCsv/resolveColumns. */
export function validateRows(table: CsvTable, columns: ResolvedColumns, mapping: HrMapping, options: ValidateOptions): HrParseResult {
  const dates: DateOptions = { order: mapping.dateFormat, twoDigitYears: mapping.twoDigitYears, excelSerials: mapping.excelSerialDates };
  const columnNames = Object.fromEntries(Object.entries(columns).map(([field, col]) => [field, col.header]));
  let ambiguous = 0;
  const otherOrderLines: number[] = [];

  const outcomes: RowOutcome[] = table.rows.map(({ line, cells }) => {
    const raw: RawStaff = {};
    for (const [field, col] of Object.entries(columns)) raw[field as StaffField] = cells[col.index] ?? '';
    const outcome = toStaffRecord(raw, { dates, disableAt: options.disableAt, statusValues: mapping.statusValues, line });
    ambiguous += outcome.evidence.ambiguous;
    if (outcome.evidence.otherOrder > 0) otherOrderLines.push(line);
    const employeeId = raw.employeeId?.trim() || null;
    return {
      line,
      key: employeeId?.toLowerCase() ?? null,
      employeeId,
      record: outcome.ok ? outcome.record : null,
      errors: outcome.ok ? [] : [outcome.error],
    };
  });

  // One row only valid as mm/dd next to rows that could be read either way means the file's order
  // is in doubt, and with it every ambiguous date; a typo in an otherwise unambiguous file is not.
  if (otherOrderLines.length > 0 && ambiguous > 0) {
    const other = mapping.dateFormat === 'us' ? 'UK dd/mm/yyyy' : 'US mm/dd/yyyy';
    const message =
      `dates on line ${otherOrderLines.slice(0, 5).join(', ')} only make sense as ${other}, and ${ambiguous} other date(s) could be read either way; ` +
      `nothing was applied. Check the export, or set dateFormat in the mapping (currently '${mapping.dateFormat}')`;
    return { accepted: [], rejected: [], structuralErrors: [{ line: null, message }], columns: columnNames };
  }

  rejectDuplicateIds(outcomes);
  rejectSharedEmails(outcomes);
  const accepted: StaffRecord[] = [];
  const rejected: HrRejectedRow[] = [];
  for (const o of outcomes) {
    if (o.errors.length === 0 && o.record) accepted.push(o.record);
    else rejected.push({ row: o.line, employeeId: o.employeeId, error: o.errors.join('; ') });
  }
  return { accepted, rejected, structuralErrors: [], columns: columnNames };
}
