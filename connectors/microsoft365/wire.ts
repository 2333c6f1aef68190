import { z } from 'zod';

/** Graph wire shapes Tutela reads. Lenient on what it ignores, strict on what it uses. */

const str = z.string().nullable().optional();

export const graphUserSchema = z
  .object({
    id: z.string().min(1),
    displayName: str,
    mail: str,
    userPrincipalName: str,
    accountEnabled: z.boolean().nullable().optional(),
    employeeId: str,
    proxyAddresses: z.array(z.string()).nullable().optional(),
    userType: str,
    createdDateTime: str,
    '@removed': z.object({ reason: z.string().optional() }).passthrough().optional(),
  })
  .passthrough();
export type GraphUser = z.infer<typeof graphUserSchema>;

export const signInRowSchema = z
  .object({
    id: z.string().min(1),
    signInActivity: z
      .object({ lastSignInDateTime: str, lastNonInteractiveSignInDateTime: str, lastSuccessfulSignInDateTime: str })
      .passthrough()
      .nullable()
      .optional(),
  })
  .passthrough();

const recipient = z.object({ emailAddress: z.object({ address: z.string().nullable().optional(), name: str }).passthrough() }).passthrough();

export const messageRuleSchema = z
  .object({
    id: z.string().min(1),
    displayName: z.string().nullable().optional(),
    isEnabled: z.boolean().nullable().optional(),
    conditions: z.record(z.string(), z.unknown()).nullable().optional(),
    actions: z
      .object({
        forwardTo: z.array(recipient).nullable().optional(),
        redirectTo: z.array(recipient).nullable().optional(),
        forwardAsAttachmentTo: z.array(recipient).nullable().optional(),
        delete: z.boolean().nullable().optional(),
        permanentDelete: z.boolean().nullable().optional(),
        moveToFolder: str,
      })
      .passthrough()
      .nullable()
      .optional(),
  })
  .passthrough();
export type GraphMessageRule = z.infer<typeof messageRuleSchema>;

export const sentMessageSchema = z
  .object({
    id: z.string().min(1),
    sentDateTime: str,
    toRecipients: z.array(recipient).nullable().optional(),
    ccRecipients: z.array(recipient).nullable().optional(),
    attachments: z.array(z.object({ name: str, size: z.number().nullable().optional() }).passthrough()).nullable().optional(),
  })
  .passthrough();
export type GraphSentMessage = z.infer<typeof sentMessageSchema>;

export const idOnlySchema = z.object({ id: z.string().min(1) }).passthrough();

export const addressesOf = (list: z.infer<typeof recipient>[] | null | undefined): string[] =>
  (list ?? []).flatMap((r) => (r.emailAddress.address ? [r.emailAddress.address] : []));
