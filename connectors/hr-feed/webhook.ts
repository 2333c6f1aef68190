import { z } from 'zod';
import { err, ok } from '../../src/domain/result.ts';
import type { Result } from '../../src/domain/result.ts';
import { defaultDisableAt, disableAtSchema } from './dates.ts';
import type { StaffStatus } from './mapping.ts';
import type { SeenEvents } from './seen-events.ts';
import { toStaffRecord } from './staff-record.ts';
import type { StaffRecord } from './staff-record.ts';
import { verifyWebhook } from './webhook-signature.ts';

export { signWebhook, verifyWebhook, signatureHeader, toleranceSeconds } from './webhook-signature.ts';
export type { VerifiedSignature } from './webhook-signature.ts';

export const hrEventTypes = ['staff.leaver', 'staff.starter', 'staff.updated', 'staff.rehired'] as const;
export type HrEventType = (typeof hrEventTypes)[number];

const optionalText = z.string().max(320).nullish();

/**
 * Strict on purpose: a sender's typo such as `leavingDate` would otherwise be dropped silently and a
 * leaver would never be offboarded. Dates are ISO (`YYYY-MM-DD`, or a date-time, read in London).
 */
export const hrEmployeeSchema = z
  .object({
    employeeId: z.string().max(64),
    email: optionalText,
    firstName: optionalText,
    lastName: optionalText,
    displayName: optionalText,
    startDate: optionalText,
    leaveDate: optionalText,
    status: optionalText,
    jobTitle: optionalText,
    department: optionalText,
  })
  .strict();

export const hrWebhookEventSchema = z
  .object({
    eventId: z.string().trim().min(1).max(200),
    type: z.enum(hrEventTypes),
    occurredAt: z.iso.datetime({ offset: true }),
    employee: hrEmployeeSchema,
  })
  .strict();
export type HrWebhookPayload = z.infer<typeof hrWebhookEventSchema>;

export interface HrWebhookEvent {
  eventId: string;
  type: HrEventType;
  occurredAt: string;
  record: StaffRecord;
}

/** The status an event type states; `staff.updated` carries its own (or none). */
const impliedStatus: Record<HrEventType, StaffStatus | undefined> = {
  'staff.leaver': 'leaver',
  'staff.starter': 'starter',
  'staff.rehired': 'current',
  'staff.updated': undefined,
};

/** Validates an already-authenticated body into an event. Pure: no signature, no replay check. */
export function decodeHrWebhookEvent(rawBody: string, disableAt: string = defaultDisableAt): Result<HrWebhookEvent> {
  if (!disableAtSchema.safeParse(disableAt).success) return err('invalid_input', 'disableAt must be "immediately" or a 24-hour time "HH:MM"');
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return err('invalid_input', 'Webhook body is not valid JSON');
  }
  const parsed = hrWebhookEventSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message }));
    return err('invalid_input', `Webhook event is invalid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, issues);
  }
  const { eventId, type, occurredAt, employee } = parsed.data;
  const raw = Object.fromEntries(Object.entries(employee).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  const outcome = toStaffRecord(raw, { dates: { order: 'iso', excelSerials: false }, disableAt, impliedStatus: impliedStatus[type] });
  if (!outcome.ok) return err('invalid_input', `Webhook event ${eventId} (${type}): ${outcome.error}`);
  return ok({ eventId, type, occurredAt, record: outcome.record });
}

export interface HrWebhookInput {
  schoolId: string;
  rawBody: string;
  /** The X-Tutela-Signature header value. */
  signature: string | null | undefined;
  /** The school's active secrets: one normally, two while rotating. */
  secrets: readonly string[];
  seen: SeenEvents;
  now: Date;
  disableAt?: string;
}

/**
 * Authenticate, validate, then remember the event id — in that order, so an unsigned or invalid
 * body never uses up an id. A replay is `conflict`; the route may answer it 200 so the sender
 * stops retrying an event we already hold.
 */
export async function parseHrWebhook(input: HrWebhookInput): Promise<Result<HrWebhookEvent>> {
  const verified = await verifyWebhook(input.rawBody, input.signature, input.secrets, input.now);
  if (!verified.ok) return verified;
  const event = decodeHrWebhookEvent(input.rawBody, input.disableAt);
  if (!event.ok) return event;
  const fresh = await input.seen.remember(input.schoolId, event.value.eventId, input.now);
  if (!fresh) return err('conflict', `Webhook event ${event.value.eventId} was already received`);
  return event;
}
