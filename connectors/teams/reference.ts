import { z } from 'zod';
import type { Activity } from './activity.ts';
import { tenantOf } from './activity.ts';

/** What Tutela keeps to reach a person proactively (conversation_refs.reference_json for Teams). */
export const teamsReferenceSchema = z
  .object({
    serviceUrl: z.url(),
    conversationId: z.string().min(1),
    tenantId: z.string().min(1),
    userId: z.string().min(1),
    aadObjectId: z.string().min(1),
    botId: z.string().min(1),
    /** Only 1:1 (personal) conversations may be reused for proactive messages. */
    personal: z.boolean(),
  })
  .strict();
export type TeamsReference = z.infer<typeof teamsReferenceSchema>;

export function referenceFrom(activity: Activity): TeamsReference | undefined {
  const tenantId = tenantOf(activity);
  const aad = activity.from.aadObjectId;
  if (!tenantId || !aad) return undefined;
  return {
    serviceUrl: activity.serviceUrl,
    conversationId: activity.conversation.id,
    tenantId,
    userId: activity.from.id,
    aadObjectId: aad,
    botId: activity.recipient.id,
    personal: (activity.conversation.conversationType ?? 'personal') === 'personal',
  };
}
