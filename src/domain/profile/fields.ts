import { z } from 'zod';
import { byteSizeHint, parseByteSize } from './byte-size.ts';

/** Field schemas shared by the profile sections; each normalises what people type. */

export const email = z
  .email({ error: 'must be an email address' })
  .transform((value) => value.toLowerCase());

const domainPattern = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export const domain = z
  .string({ error: 'must be a domain name such as "school.sch.uk"' })
  .transform((value) => value.trim().toLowerCase())
  .pipe(z.string().regex(domainPattern, { error: 'must be a domain name such as "school.sch.uk" (no "@", no "https://")' }));

export const slug = z
  .string({ error: 'must be a slug' })
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'must be a slug: lower-case letters, digits and single hyphens, e.g. "oakfield-primary"' });

export const text = z.string().trim().min(1, { error: 'must not be empty' });

/** Lists of addresses compare case-insensitively, so duplicates after lower-casing are a mistake. */
export function uniqueList<T extends z.ZodType<string>>(item: T) {
  return z.array(item).superRefine((values, ctx) => {
    const seen = new Set<string>();
    values.forEach((value, index) => {
      if (seen.has(value)) ctx.addIssue({ code: 'custom', message: `"${value}" is listed twice`, path: [index] });
      seen.add(value);
    });
  });
}

export const byteSize = z
  .union([z.number(), z.string()], { error: `must be ${byteSizeHint}` })
  .transform((value, ctx) => {
    const bytes = parseByteSize(value);
    if (bytes === undefined) {
      ctx.addIssue({ code: 'custom', message: `${JSON.stringify(value)} is not a size; use ${byteSizeHint}` });
      return z.NEVER;
    }
    return bytes;
  });

/** "HH:MM" on the 24-hour clock, UK local time; the message is the caller's so unions read well. */
export const clockTime = (message: string) => z.string({ error: message }).regex(/^(?:[01]\d|2[0-3]):[0-5]\d$/, { error: message });

export const wholeDays = z.number({ error: 'must be a whole number of days' }).int({ error: 'must be a whole number of days' }).positive({ error: 'must be at least 1' });
