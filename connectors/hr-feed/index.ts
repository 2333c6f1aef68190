/**
 * HR feed intake: the one port the offboarding engine and API routes use. Pure and
 * runtime-agnostic (workerd and Node 24); the only storage is the SeenEvents adapter for D1.
 */
import { err, ok } from '../../src/domain/result.ts';
import type { Result } from '../../src/domain/result.ts';
import { parseCsv } from './csv.ts';
import type { Delimiter } from './csv.ts';
import { defaultDisableAt, disableAtSchema } from './dates.ts';
import { hrMappingSchema, resolveColumns } from './mapping.ts';
import type { HrMappingInput } from './mapping.ts';
import { validateRows } from './validate.ts';
import type { HrParseResult } from './validate.ts';

export interface HrCsvOptions {
  /** From the school's policy profile: "immediately" or London "HH:MM"; default 17:00. */
  disableAt?: string;
  /** Force a delimiter; by default it is sniffed from the header line. */
  delimiter?: Delimiter;
  maxRows?: number;
}

/**
 * Parses one uploaded export. `err` only for bad configuration (mapping or disableAt); everything
 * wrong with the file itself is in the result, and a non-empty `structuralErrors` means apply nothing.
 */
export function parseHrCsv(text: string, mapping: HrMappingInput, options: HrCsvOptions = {}): Result<HrParseResult> {
  const config = hrMappingSchema.safeParse(mapping);
  if (!config.success) return err('invalid_input', `HR column mapping is invalid: ${config.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  const disableAt = disableAtSchema.safeParse(options.disableAt ?? defaultDisableAt);
  if (!disableAt.success) return err('invalid_input', 'disableAt must be "immediately" or a 24-hour time "HH:MM"');

  const table = parseCsv(text, { delimiter: options.delimiter, maxRows: options.maxRows });
  const empty = { accepted: [], rejected: [], columns: {} };
  if (!table.header) return ok({ ...empty, structuralErrors: table.errors });

  const columns = resolveColumns(table.header.cells, config.data);
  const structural = columns.ok ? [] : [{ line: table.header.line, message: columns.error.message }];
  structural.push(...table.errors);
  if (table.rows.length === 0 && table.errors.length === 0) structural.push({ line: table.header.line, message: 'the file has a header but no data rows' });
  if (!columns.ok || structural.length > 0) return ok({ ...empty, structuralErrors: structural });
  return ok(validateRows(table, columns.value, config.data, { disableAt: disableAt.data }));
}

export { parseHrWebhook, decodeHrWebhookEvent, signWebhook, verifyWebhook, hrWebhookEventSchema, hrEventTypes, signatureHeader, toleranceSeconds } from './webhook.ts';
export type { HrWebhookEvent, HrWebhookInput, HrWebhookPayload, HrEventType, VerifiedSignature } from './webhook.ts';
export type { SeenEvents } from './seen-events.ts';
export { memorySeenEvents } from './seen-events.ts';
export { d1SeenEvents } from './seen-events-d1.ts';
export { hrMappingSchema, staffFields, staffStatuses } from './mapping.ts';
export type { HrMapping, HrMappingInput, StaffField, StaffStatus } from './mapping.ts';
export { staffRecordSchema } from './staff-record.ts';
export type { StaffRecord } from './staff-record.ts';
export type { HrParseResult, HrRejectedRow, HrStructuralError } from './validate.ts';
export { leaveInstant, disableAtSchema, defaultDisableAt } from './dates.ts';
export type { DisableAt } from './dates.ts';
export { csvSafe, csvField, csvLine, looksLikeFormula } from './csv-injection.ts';
export { headerPresets } from './presets.ts';
