/**
 * When and how long to wait before asking Microsoft again. Graph and Exchange send Retry-After on
 * 429/503/504 (for a $batch, per sub-response); without it we back off exponentially with full
 * jitter so many throttled mailboxes do not retry in lock-step.
 */
export const RETRYABLE = new Set([429, 502, 503, 504]);

export interface RetryPolicy {
  /** Attempts per request, the first included. Throttling is expected, so this is generous. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 10, baseDelayMs: 500, maxDelayMs: 60_000 };

/** Retry-After in milliseconds: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/** Delay before attempt `attempt + 1` (attempt counts from 1). */
export function retryDelayMs(attempt: number, retryAfterMs: number | null, policy: RetryPolicy, random: () => number): number {
  if (retryAfterMs !== null) return Math.min(retryAfterMs, policy.maxDelayMs);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
