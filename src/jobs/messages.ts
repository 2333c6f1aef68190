import { z } from 'zod';
import { checkIds } from '../domain/checks/ids.ts';

/**
 * Everything that travels over the Queue. Each kind is one durable unit of work: a batch of
 * mailboxes to audit, one remediation, one offboarding step, one reading of a group campaign's
 * members. Consumers validate before acting.
 */
export const jobMessageSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('audit.batch'), runId: z.string().min(1), batchNo: z.number().int().nonnegative() }).strict(),
  z
    .object({
      kind: z.literal('audit.start'),
      runId: z.uuid(),
      schoolId: z.string().min(1),
      connectionId: z.string().min(1),
      trigger: z.enum(['cron', 'api', 'cli', 'demo']),
      checks: z.array(z.enum(checkIds)).optional(),
      dryRun: z.boolean().optional(),
    })
    .strict(),
  z.object({ kind: z.literal('remediation.run'), actionId: z.string().min(1) }).strict(),
  z.object({ kind: z.literal('offboarding.step'), jobId: z.string().min(1), step: z.string().min(1) }).strict(),
  z.object({ kind: z.literal('ack.group-audience'), campaignId: z.string().min(1) }).strict(),
]);
export type JobMessage = z.infer<typeof jobMessageSchema>;
