import { z } from 'zod';

/**
 * What an HR import does, one entry per decision. Stored in hr_imports.actions_json and printed by
 * `tutela hr import --json`, so a dry run shows exactly what a real run would do.
 */
const account = { employeeId: z.string(), email: z.string(), userId: z.string(), connectionId: z.string() };

export const importActionSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('disable'),
    ...account,
    leaveDate: z.string(),
    actAt: z.string(),
    /** "now" when the leave time has passed (acts at once), else "scheduled". */
    when: z.enum(['now', 'scheduled']),
    matchedBy: z.string(),
  }),
  z.object({ type: z.literal('cancel'), ...account, jobId: z.string(), reason: z.enum(['rehired', 'leave-date-changed', 'no-longer-leaving']) }),
  z.object({ type: z.literal('protected'), ...account, note: z.string() }),
  z.object({ type: z.literal('already-disabled'), ...account }),
  z.object({ type: z.literal('already-scheduled'), ...account, jobId: z.string(), actAt: z.string() }),
  z.object({ type: z.literal('enrol-starter'), ...account }),
  z.object({
    type: z.literal('review'),
    employeeId: z.string(),
    email: z.string().nullable(),
    line: z.number().int().nullable(),
    connectionId: z.string().nullable(),
    reason: z.string(),
    candidates: z.array(z.object({ id: z.string(), email: z.string() })),
  }),
]);
export type ImportAction = z.infer<typeof importActionSchema>;
export const importActionsSchema = z.array(importActionSchema);
