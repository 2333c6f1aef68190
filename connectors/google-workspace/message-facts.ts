import type { z } from 'zod';
import { parseAddressList } from './address-list.ts';
import type { metadataMessageSchema, WirePart } from './wire.ts';

/** Fields masks: Google answers only these, so no body data ever crosses the wire. */
export const METADATA_FIELDS = 'id,internalDate,sizeEstimate,payload(mimeType,headers)';
const level = (inner: string) => `filename,mimeType,body(size,attachmentId)${inner ? `,parts(${inner})` : ''}`;
export const PARTS_FIELDS = `id,internalDate,payload(${level(level(level(level(''))))})`;

export function recipientsOf(message: z.infer<typeof metadataMessageSchema>): string[] {
  // To and Cc only: Bcc is never requested (metadataHeaders) and would not be "visible" anyway.
  const visible = message.payload.headers.filter((h) => /^(to|cc)$/i.test(h.name));
  return visible.flatMap((h) => parseAddressList(h.value));
}

/** Parts with a file name are attachments (Gmail names every attachment part); sizes are decoded bytes. */
export function attachmentsOf(payload: WirePart | undefined): { count: number; bytes: number; largest: number } {
  const sizes: number[] = [];
  const walk = (part: WirePart | undefined): void => {
    if (!part) return;
    if (part.filename) sizes.push(part.body?.size ?? 0);
    for (const child of part.parts ?? []) walk(child);
  };
  walk(payload);
  return { count: sizes.length, bytes: sizes.reduce((s, n) => s + n, 0), largest: sizes.length ? Math.max(...sizes) : 0 };
}

export const isoFromInternalDate = (ms: string): string => new Date(Number(ms)).toISOString();
export const epochSeconds = (d: Date): number => Math.floor(d.getTime() / 1000);
