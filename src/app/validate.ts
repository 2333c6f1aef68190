import type { z } from 'zod';
import { AppError, describeZodError } from './errors.ts';

/** Parses input with a schema or leaves with the stable 400 shape: `{ ok:false, error:{ code, message, details:[{path,message}] } }`. */
export function validate<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const details = describeZodError(parsed.error);
    throw new AppError({ code: 'invalid_input', message: `Invalid ${what}: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`, details });
  }
  return parsed.data;
}

/** Reads a JSON body; a body that is not JSON is a 400, not a 500. */
export async function jsonBody(req: { json: () => Promise<unknown> }): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw new AppError({ code: 'invalid_input', message: 'The request body must be JSON.' });
  }
}
