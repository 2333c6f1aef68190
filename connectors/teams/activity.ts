import { z } from 'zod';

/**
 * Inbound Bot Framework activities, validated after the token is checked. Only the fields Tutela
 * reads are declared; the rest pass through untouched (Teams adds fields often).
 */
const account = z.looseObject({ id: z.string().min(1), name: z.string().optional(), aadObjectId: z.string().optional() });
const conversation = z.looseObject({ id: z.string().min(1), conversationType: z.string().optional(), tenantId: z.string().optional() });

const base = {
  id: z.string().optional(),
  serviceUrl: z.url(),
  channelId: z.string().min(1),
  from: account,
  recipient: account,
  conversation,
  locale: z.string().optional(),
  replyToId: z.string().optional(),
  channelData: z.looseObject({ tenant: z.looseObject({ id: z.string() }).optional() }).optional(),
};

export const universalActionValueSchema = z.looseObject({
  action: z.looseObject({ type: z.literal('Action.Execute'), verb: z.string().min(1), data: z.unknown().optional() }),
});

export const activitySchema = z.discriminatedUnion('type', [
  z.looseObject({ ...base, type: z.literal('message'), text: z.string().default(''), value: z.unknown().optional() }),
  z.looseObject({ ...base, type: z.literal('invoke'), name: z.string().min(1), value: z.unknown().optional() }),
  z.looseObject({ ...base, type: z.literal('conversationUpdate'), membersAdded: z.array(account).optional() }),
  z.looseObject({ ...base, type: z.literal('installationUpdate'), action: z.string().optional() }),
]);
export type Activity = z.infer<typeof activitySchema>;
export type ActivityOf<T extends Activity['type']> = Extract<Activity, { type: T }>;

/** The two fields the token is checked against, read before anything else is trusted. */
export const envelopeSchema = z.looseObject({ type: z.string(), serviceUrl: z.string(), channelId: z.string() });

/** The tenant an activity came from: channelData.tenant.id, or conversation.tenantId in 1:1 chats. */
export const tenantOf = (activity: Activity): string | undefined => activity.channelData?.tenant?.id ?? activity.conversation.tenantId;

/** Teams puts "<at>Bot</at>" mentions into the text of channel messages. */
export const plainText = (text: string): string => text.replace(/<at>[^<]*<\/at>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
