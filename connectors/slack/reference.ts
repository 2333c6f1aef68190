import { z } from 'zod';

/** conversation_refs.reference_json for Slack: chat.postMessage to a user id opens the app's DM with them. */
export const slackReferenceSchema = z.object({ teamId: z.string().min(1), userId: z.string().min(1) }).strict();
export type SlackReference = z.infer<typeof slackReferenceSchema>;

export const slackUserKey = (teamId: string, userId: string) => `slack:${teamId}:${userId}`;
