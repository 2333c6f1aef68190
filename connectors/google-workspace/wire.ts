import { z } from 'zod';

/** The parts of Google's responses Tutela reads. Unknown fields pass (Google adds fields freely). */

export const directoryUserSchema = z
  .object({
    id: z.string().min(1),
    primaryEmail: z.string().min(3),
    name: z.object({ fullName: z.string().optional(), givenName: z.string().optional(), familyName: z.string().optional() }).passthrough().optional(),
    isAdmin: z.boolean().optional(),
    suspended: z.boolean().optional(),
    archived: z.boolean().optional(),
    aliases: z.array(z.string()).optional(),
    nonEditableAliases: z.array(z.string()).optional(),
    externalIds: z.array(z.object({ type: z.string().optional(), customType: z.string().optional(), value: z.string() }).passthrough()).optional(),
    lastLoginTime: z.string().optional(),
    creationTime: z.string().optional(),
  })
  .passthrough();
export type WireUser = z.infer<typeof directoryUserSchema>;

export const usersPageSchema = z.object({ users: z.array(directoryUserSchema).default([]), nextPageToken: z.string().optional() }).passthrough();

export const autoForwardingSchema = z
  .object({ enabled: z.boolean().default(false), emailAddress: z.string().optional(), disposition: z.string().optional() })
  .passthrough();

export const filterSchema = z
  .object({
    id: z.string().min(1),
    criteria: z
      .object({
        from: z.string().optional(),
        to: z.string().optional(),
        subject: z.string().optional(),
        query: z.string().optional(),
        negatedQuery: z.string().optional(),
        hasAttachment: z.boolean().optional(),
        excludeChats: z.boolean().optional(),
        size: z.number().optional(),
        sizeComparison: z.string().optional(),
      })
      .passthrough()
      .default({}),
    action: z
      .object({ addLabelIds: z.array(z.string()).optional(), removeLabelIds: z.array(z.string()).optional(), forward: z.string().optional() })
      .passthrough()
      .default({}),
  })
  .passthrough();
export type WireFilter = z.infer<typeof filterSchema>;
/** The list field is `filter` (singular) and absent when there are none. */
export const filtersSchema = z.object({ filter: z.array(filterSchema).default([]) }).passthrough();

export const sendAsSchema = z
  .object({ sendAsEmail: z.string().min(3), isPrimary: z.boolean().optional(), isDefault: z.boolean().optional(), signature: z.string().optional() })
  .passthrough();
export const sendAsListSchema = z.object({ sendAs: z.array(sendAsSchema).default([]) }).passthrough();

export const messageListSchema = z
  .object({ messages: z.array(z.object({ id: z.string().min(1) }).passthrough()).default([]), nextPageToken: z.string().optional() })
  .passthrough();

const header = z.object({ name: z.string(), value: z.string() });
export const metadataMessageSchema = z
  .object({
    id: z.string().min(1),
    internalDate: z.string().regex(/^\d+$/),
    sizeEstimate: z.number().optional(),
    payload: z.object({ mimeType: z.string().optional(), headers: z.array(header).default([]) }).passthrough().default({ headers: [] }),
  })
  .passthrough();

export interface WirePart {
  filename?: string | undefined;
  mimeType?: string | undefined;
  body?: { size?: number | undefined; attachmentId?: string | undefined } | undefined;
  parts?: WirePart[] | undefined;
}
const partSchema: z.ZodType<WirePart> = z.lazy(() =>
  z
    .object({
      filename: z.string().optional(),
      mimeType: z.string().optional(),
      body: z.object({ size: z.number().optional(), attachmentId: z.string().optional() }).passthrough().optional(),
      parts: z.array(partSchema).optional(),
    })
    .passthrough(),
);
export const partsMessageSchema = z.object({ id: z.string().min(1), internalDate: z.string().regex(/^\d+$/), payload: partSchema.optional() }).passthrough();
