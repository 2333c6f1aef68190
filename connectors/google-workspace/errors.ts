import { z } from 'zod';
import type { AppErrorData } from '../../src/domain/result.ts';
import { shortScope } from './scopes.ts';

/** Google's JSON error envelope, shared by the Admin SDK and Gmail. */
const errorBody = z
  .object({
    error: z
      .object({
        code: z.number().optional(),
        message: z.string().optional(),
        status: z.string().optional(),
        errors: z.array(z.object({ reason: z.string().optional(), domain: z.string().optional() }).passthrough()).optional(),
      })
      .passthrough(),
  })
  .passthrough();

export interface FailureDetails {
  status: number;
  /** Google's `errors[0].reason` (insufficientPermissions, notFound, rateLimitExceeded…). */
  upstreamCode: string | null;
  /** For 403: the scope this call needs. */
  permission?: string;
}

function upstreamReason(body: unknown): { reason: string | null; message: string | null } {
  const parsed = errorBody.safeParse(body);
  if (!parsed.success) return { reason: null, message: null };
  return { reason: parsed.data.error.errors?.[0]?.reason ?? parsed.data.error.status ?? null, message: parsed.data.error.message ?? null };
}

/** Google answers some rate limits with 403 rather than 429; those are worth retrying. */
const RATE_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'backendError']);
export function isRetryable(status: number, body: unknown): boolean {
  if (status === 429 || status === 500 || status === 502 || status === 503 || status === 504) return true;
  return status === 403 && RATE_REASONS.has(upstreamReason(body).reason ?? '');
}

export interface CallInfo {
  service: 'Gmail' | 'Directory';
  what: string;
  scope: string;
  subject: string;
}

/**
 * Maps a refused call to our error codes. A 403 always names the scope the call used and whom it
 * acted as, so a school knows exactly what to grant; nothing is skipped silently.
 */
export function failure(status: number, body: unknown, call: CallInfo): AppErrorData {
  const { reason, message } = upstreamReason(body);
  const details: FailureDetails = { status, upstreamCode: reason };
  const said = message ? `: ${message.slice(0, 300)}` : '';
  if (status === 404) return { code: 'not_found', message: `${call.what} was not found (${reason ?? 'HTTP 404'})`, details };
  if (status === 403) {
    const permission = call.scope;
    const why =
      call.service === 'Directory' && /not authorized/i.test(message ?? '')
        ? `${call.subject} is not an administrator allowed to read users (give it a role with Users › Read)`
        : `scope ${permission} is missing for ${call.subject} (grant ${shortScope(permission)} to Tutela's client in Domain-wide delegation)`;
    return { code: 'upstream_forbidden', message: `Google refused to ${call.what}: ${why}${said}`, details: { ...details, permission } };
  }
  if (status === 401) return { code: 'upstream_unauthorized', message: `Google rejected Tutela's token while trying to ${call.what}${said}`, details };
  if (status === 429 || RATE_REASONS.has(reason ?? '')) return { code: 'throttled', message: `Google kept throttling Tutela while trying to ${call.what}`, details };
  return { code: 'upstream_failed', message: `${call.service} answered HTTP ${status} while trying to ${call.what}${said}`, details };
}

export function detailsOf(error: AppErrorData): (FailureDetails & { subject?: string }) | null {
  const d = error.details;
  return d && typeof d === 'object' && 'status' in d ? (d as FailureDetails) : null;
}
