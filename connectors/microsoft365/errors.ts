import { z } from 'zod';
import type { AppErrorData } from '../../src/domain/result.ts';

/**
 * Statuses worth asking Microsoft again. Graph and Exchange send Retry-After on 429/503/504 (for a
 * $batch, per sub-response); the wait itself comes from connectors/shared/backoff.ts.
 */
export const RETRYABLE: ReadonlySet<number> = new Set([429, 502, 503, 504]);

const errorBody = z.object({ error: z.object({ code: z.string().optional(), message: z.string().optional() }).passthrough() }).passthrough();

/** What went wrong, as data the connector's callers can branch on. */
export interface FailureDetails {
  status: number;
  /** Graph / Exchange error code, e.g. Request_ResourceNotFound, MailboxNotEnabledForRESTAPI. */
  upstreamCode: string | null;
  /** For 403: the permission or role Tutela needs for this call. */
  permission?: string;
}

export function upstreamCode(body: unknown): { code: string | null; message: string | null } {
  const parsed = errorBody.safeParse(body);
  return parsed.success ? { code: parsed.data.error.code ?? null, message: parsed.data.error.message ?? null } : { code: null, message: null };
}

/**
 * Maps a refused call to our error codes. A 403 always names the permission the call needs (Graph's
 * own message never does), so a school knows exactly what to grant; nothing is silently skipped.
 */
export function failure(status: number, body: unknown, call: { service: 'Graph' | 'Exchange'; what: string; permission?: string }): AppErrorData {
  const { code, message } = upstreamCode(body);
  const details: FailureDetails = { status, upstreamCode: code };
  const said = message ? `: ${message.slice(0, 300)}` : '';
  if (status === 404) return { code: 'not_found', message: `${call.what} was not found (${code ?? 'HTTP 404'})`, details };
  if (status === 403) {
    const permission = call.permission ?? (call.service === 'Exchange' ? 'Exchange.ManageAsApp' : 'unknown');
    return {
      code: 'upstream_forbidden',
      message: `missing ${call.service} permission ${permission} (needed to ${call.what})${said}`,
      details: { ...details, permission },
    };
  }
  if (status === 401) return { code: 'upstream_unauthorized', message: `${call.service} rejected Tutela's token while trying to ${call.what}${said}`, details };
  if (status === 429 || status === 503 || status === 504) return { code: 'throttled', message: `${call.service} kept throttling Tutela while trying to ${call.what}`, details };
  return { code: 'upstream_failed', message: `${call.service} answered HTTP ${status} while trying to ${call.what}${said}`, details };
}

export function detailsOf(error: AppErrorData): FailureDetails | null {
  const d = error.details;
  return d && typeof d === 'object' && 'status' in d ? (d as FailureDetails) : null;
}
