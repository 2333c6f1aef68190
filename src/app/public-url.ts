/** Where staff and SBMs reach this deployment: PUBLIC_URL when set, else the origin the request came to. */
export const publicUrl = (c: { env: { PUBLIC_URL?: string | undefined }; req: { url: string } }): string => c.env.PUBLIC_URL ?? new URL(c.req.url).origin;
