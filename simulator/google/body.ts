import type { Context } from 'hono';
import type { z } from 'zod';
import { googleError } from './errors.ts';

export type Parsed<T> = { ok: true; data: T } | { ok: false; response: Response };

/** Reads a JSON request body through a zod schema, answering 400 the way Google does when it fails. */
export async function readJson<T>(c: Context, schema: z.ZodType<T>): Promise<Parsed<T>> {
  let raw: unknown;
  try {
    const text = await c.req.text();
    raw = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    return { ok: false, response: googleError(400, 'Invalid JSON payload received. Unexpected token.', 'invalid') };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, data: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue ? issue.path.join('.') : '';
  return { ok: false, response: googleError(400, `Invalid value at '${where}': ${issue?.message ?? 'invalid'}`, 'invalid') };
}
