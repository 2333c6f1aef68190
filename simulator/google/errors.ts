/**
 * Google's JSON error envelope, as both the Admin SDK and Gmail send it:
 * `{ error: { code, message, errors: [{ message, domain, reason }], status } }`.
 */
const statusNames: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
};

export interface GoogleErrorOptions {
  domain?: string;
  /** Overrides the google.rpc status name (e.g. FAILED_PRECONDITION for a 400). */
  status?: string;
  headers?: Record<string, string>;
  /** Extra fields of the single `errors[]` entry (location, locationType). */
  detail?: Record<string, string>;
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=UTF-8', ...headers } });
}

export function noContent(): Response {
  return new Response(null, { status: 204 });
}

export function googleError(code: number, message: string, reason: string, options: GoogleErrorOptions = {}): Response {
  const entry = { message, domain: options.domain ?? 'global', reason, ...options.detail };
  return json({ error: { code, message, errors: [entry], status: options.status ?? statusNames[code] ?? 'UNKNOWN' } }, code, options.headers);
}

export const loginRequired = (): Response =>
  googleError(401, 'Login Required.', 'required', { detail: { location: 'Authorization', locationType: 'header' } });

export const invalidCredentials = (): Response =>
  googleError(
    401,
    'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
    'authError',
    { detail: { location: 'Authorization', locationType: 'header' } },
  );

export const insufficientScopes = (): Response => {
  // The top-level message and the errors[] message differ on the real API.
  return json(
    {
      error: {
        code: 403,
        message: 'Request had insufficient authentication scopes.',
        errors: [{ message: 'Insufficient Permission', domain: 'global', reason: 'insufficientPermissions' }],
        status: 'PERMISSION_DENIED',
        details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT', domain: 'googleapis.com' }],
      },
    },
    403,
  );
};

export const forbidden = (message: string): Response => googleError(403, message, 'forbidden');
export const badRequest = (message: string, reason = 'invalidArgument'): Response => googleError(400, message, reason);
export const failedPrecondition = (message: string): Response => googleError(400, message, 'failedPrecondition', { status: 'FAILED_PRECONDITION' });
export const gmailNotFound = (): Response => googleError(404, 'Requested entity was not found.', 'notFound');
export const directoryNotFound = (what = 'userKey'): Response => googleError(404, `Resource Not Found: ${what}`, 'notFound');
export const directoryNotAuthorized = (): Response => forbidden('Not Authorized to access this resource/api');

export function rateLimited(message: string, retryAfterSeconds: number): Response {
  return googleError(429, message, 'rateLimitExceeded', { domain: 'usageLimits', headers: { 'retry-after': String(retryAfterSeconds) } });
}
