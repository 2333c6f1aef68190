import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import type { AppEnv } from './context.ts';
import type { AppErrorData, ErrorCode } from '../domain/result.ts';
import { logger } from './logger.ts';

const statusByCode: Record<ErrorCode, ContentfulStatusCode> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  throttled: 429,
  upstream_failed: 502,
  upstream_forbidden: 502,
  upstream_unauthorized: 502,
  not_configured: 503,
};

/** Thrown by route code to leave with an expected failure; turned into JSON by `onError`. */
export class AppError extends Error {
  readonly data: AppErrorData;
  constructor(data: AppErrorData) {
    super(data.message);
    this.data = data;
  }
}

/** Turns zod issues into `path: message` lines, the same shape the CLI prints. */
export function describeZodError(error: ZodError): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: issue.path.length ? issue.path.join('.') : '(root)',
    message: issue.message,
  }));
}

/** The one place an error becomes an HTTP response. */
export function errorResponse(c: Context<AppEnv>, error: AppErrorData): Response {
  return c.json({ ok: false, error }, statusByCode[error.code]);
}

export function onError(error: Error, c: Context<AppEnv>): Response {
  if (error instanceof AppError) return errorResponse(c, error.data);
  if (error instanceof HTTPException) {
    const code: ErrorCode = error.status === 401 ? 'unauthorized' : error.status === 403 ? 'forbidden' : 'invalid_input';
    return errorResponse(c, { code, message: error.message || 'Request refused' });
  }
  logger(c).error('unhandled_error', { error: error.message, stack: error.stack });
  return c.json({ ok: false, error: { code: 'internal', message: 'Something went wrong; it has been logged.' } }, 500);
}
