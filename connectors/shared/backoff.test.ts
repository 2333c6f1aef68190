import { describe, expect, it } from 'vitest';
import { defaultRetryPolicy, parseRetryAfter, retryDelayMs } from './backoff.ts';

describe('backoff', () => {
  it('reads Retry-After as seconds or an HTTP date, and backs off with full jitter without it', () => {
    const now = Date.parse('2026-11-20T12:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Fri, 20 Nov 2026 12:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(retryDelayMs(3, 1500, defaultRetryPolicy, () => 0.5)).toBe(1500);
    expect(retryDelayMs(3, null, defaultRetryPolicy, () => 0.999)).toBeLessThan(defaultRetryPolicy.baseDelayMs * 4);
    expect(retryDelayMs(30, null, defaultRetryPolicy, () => 0.999)).toBeLessThanOrEqual(defaultRetryPolicy.maxDelayMs);
  });
});
