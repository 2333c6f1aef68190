/** Expected failures are values; exceptions are for bugs. */
export type Result<T, E extends { code: string } = AppErrorData> =
  | { ok: true; value: T }
  | { ok: false; error: E };

export interface AppErrorData {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** The fixed set of error codes the service speaks; src/app/errors.ts maps each to HTTP. */
export const errorCodes = [
  'invalid_input',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'throttled',
  'upstream_failed',
  'upstream_forbidden',
  'upstream_unauthorized',
  'not_configured',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const err = (code: ErrorCode, message: string, details?: unknown): { ok: false; error: AppErrorData } => ({
  ok: false,
  error: details === undefined ? { code, message } : { code, message, details },
});
