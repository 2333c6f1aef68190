import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Graph's error body: `{ error: { code, message, innerError } }`. */
export function graphErrorBody(code: string, message: string, now: Date): Record<string, unknown> {
  return {
    error: {
      code,
      message,
      innerError: { date: now.toISOString().slice(0, 19), 'request-id': crypto.randomUUID(), 'client-request-id': crypto.randomUUID() },
    },
  };
}

export function graphError(c: Context, status: ContentfulStatusCode, code: string, message: string, headers?: Record<string, string>): Response {
  return c.json(graphErrorBody(code, message, new Date()), status, headers);
}

export const notFoundUser = (c: Context, ref: string): Response =>
  graphError(c, 404, 'Request_ResourceNotFound', `Resource '${ref}' does not exist or one of its queried reference-property objects are not present.`);

export const notFoundItem = (c: Context): Response =>
  graphError(c, 404, 'ErrorItemNotFound', 'The specified object was not found in the store.');

export const badRequest = (c: Context, message: string, code = 'BadRequest'): Response => graphError(c, 400, code, message);

/** Graph answers a missing permission differently on directory and mailbox endpoints. */
export function forbidden(c: Context, style: 'directory' | 'mailbox'): Response {
  return style === 'directory'
    ? graphError(c, 403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.')
    : graphError(c, 403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
}

/** An AADSTS-style token-endpoint error. */
export function aadError(c: Context, status: ContentfulStatusCode, error: string, aadsts: number, description: string): Response {
  const traceId = crypto.randomUUID();
  const timestamp = new Date().toISOString().replace('T', ' ').slice(0, 19) + 'Z';
  return c.json(
    {
      error,
      error_description: `AADSTS${aadsts}: ${description} Trace ID: ${traceId} Correlation ID: ${crypto.randomUUID()} Timestamp: ${timestamp}`,
      error_codes: [aadsts],
      timestamp,
      trace_id: traceId,
      correlation_id: crypto.randomUUID(),
      error_uri: `https://login.microsoftonline.com/error?code=${aadsts}`,
    },
    status,
  );
}
