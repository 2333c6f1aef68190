import type { z } from 'zod';

/** Reads a JSON column through its schema: a row that no longer matches is a bug worth a loud failure. */
export function readJson<S extends z.ZodType>(schema: S, text: string | null, column: string): z.infer<S> {
  const parsed = schema.safeParse(text === null ? null : JSON.parse(text));
  if (!parsed.success) throw new Error(`D1 column ${column} does not match its schema: ${parsed.error.message}`);
  return parsed.data;
}
