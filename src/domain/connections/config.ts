import { z } from 'zod';

/**
 * How Tutela reaches a school's tenant. Secrets are never in here: `*Ref` fields name the Worker
 * secret (or, for the CLI, the environment variable) that holds them.
 */
const secretRef = z.string().regex(/^SECRET_[A-Z0-9_]+$/, 'must name a secret like SECRET_OAKFIELD_M365 (A–Z, 0–9, _)');
const baseUrl = z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, ''));

export const microsoftEndpointsSchema = z
  .object({
    login: baseUrl.default('https://login.microsoftonline.com'),
    graph: baseUrl.default('https://graph.microsoft.com'),
    exchange: baseUrl.default('https://outlook.office365.com'),
  })
  .strict();

export const googleEndpointsSchema = z
  .object({
    token: baseUrl.default('https://oauth2.googleapis.com/token'),
    admin: baseUrl.default('https://admin.googleapis.com'),
    gmail: baseUrl.default('https://gmail.googleapis.com'),
  })
  .strict();

export const microsoftConnectionSchema = z
  .object({
    provider: z.literal('microsoft365'),
    tenantId: z.string().min(1),
    clientId: z.string().min(1),
    auth: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('secret'), secretRef }).strict(),
      z.object({ kind: z.literal('certificate'), privateKeyRef: secretRef, thumbprintSha256: z.string().min(1) }).strict(),
    ]),
    endpoints: microsoftEndpointsSchema.default({
      login: 'https://login.microsoftonline.com',
      graph: 'https://graph.microsoft.com',
      exchange: 'https://outlook.office365.com',
    }),
  })
  .strict();

export const googleConnectionSchema = z
  .object({
    provider: z.literal('google-workspace'),
    customerId: z.string().min(1).default('my_customer'),
    domain: z.string().min(1),
    /** The admin the service account impersonates for Directory calls. */
    adminSubject: z.email(),
    serviceAccount: z.object({ clientEmail: z.email(), privateKeyId: z.string().min(1), privateKeyRef: secretRef }).strict(),
    endpoints: googleEndpointsSchema.default({
      token: 'https://oauth2.googleapis.com/token',
      admin: 'https://admin.googleapis.com',
      gmail: 'https://gmail.googleapis.com',
    }),
  })
  .strict();

export const connectionConfigSchema = z.discriminatedUnion('provider', [microsoftConnectionSchema, googleConnectionSchema]);
export type ConnectionConfig = z.infer<typeof connectionConfigSchema>;
export type MicrosoftConnection = z.infer<typeof microsoftConnectionSchema>;
export type GoogleConnection = z.infer<typeof googleConnectionSchema>;

/** Reads a secret a connection names; the CLI passes process.env, the Worker passes its env. */
export type SecretSource = (name: string) => string | undefined;
