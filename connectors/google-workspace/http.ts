import type { Logger } from '../../src/app/logger.ts';
import { err, ok, type Result } from '../../src/domain/result.ts';
import { parseRetryAfter, retryDelayMs, type RetryPolicy } from '../shared/backoff.ts';
import type { Semaphore } from '../shared/semaphore.ts';
import type { TokenProvider } from './auth.ts';
import { failure, isRetryable, type CallInfo } from './errors.ts';
import type { UserQuota } from './quota.ts';

/**
 * What every call shares: tokens, pacing, retries. Directory reads and settings remediation go
 * through @googleapis/admin and @googleapis/gmail (api-client.ts); audit reads stay on Gmail's
 * multipart batch over plain fetch (batch.ts), which those clients cannot send. zod checks every answer.
 */
export interface HttpCore {
  fetch: typeof fetch;
  tokens: TokenProvider;
  /** Bounds HTTP requests in flight across the connector (a batch POST counts once). */
  global: Semaphore;
  quota: UserQuota;
  retry: RetryPolicy;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  /** Wall clock in ms, for Retry-After dates. */
  clock: () => number;
  log: Logger | undefined;
  /** Counts HTTP requests sent (batches count once); read by tests and benchmarks. */
  stats: { requests: number; retries: number };
}

export interface Call extends CallInfo {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  body?: unknown;
  /** Gmail quota units this call costs the subject; Directory calls have no per-user quota. */
  units?: number;
}

export interface Answer {
  status: number;
  body: unknown;
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** One try at a call, however it was sent: an HTTP answer, or no answer at all. */
export type Attempt = { kind: 'answer'; status: number; body: unknown; retryAfter: string | null } | { kind: 'unreachable'; error: unknown };

/**
 * One logical request: token for (subject, scope), quota, retries on 429/5xx and rate-limit 403s
 * (Retry-After first, else jittered backoff), one token refresh on 401, the rest mapped to a Result.
 * `once` sends a single try with the token it is given (plain fetch here, a Google client in api-client.ts).
 */
export async function withRetries(core: HttpCore, call: CallInfo & { units?: number }, once: (token: string) => Promise<Attempt>): Promise<Result<Answer>> {
  let refreshed = false;
  for (let attempt = 1; ; attempt++) {
    const token = await core.tokens.token(call.subject, call.scope);
    if (!token.ok) return token;
    if (call.units) await core.quota.take(call.subject, call.units);
    const got = await core.global.run(() => once(token.value));
    if (got.kind === 'unreachable') {
      if (attempt < core.retry.maxAttempts) {
        await core.sleep(retryDelayMs(attempt, null, core.retry, core.random));
        continue;
      }
      return err('upstream_failed', `could not reach Google to ${call.what}: ${got.error instanceof Error ? got.error.message.slice(0, 200) : 'network error'}`);
    }
    if (got.status >= 200 && got.status < 300) return ok({ status: got.status, body: got.body });
    if (got.status === 401 && !refreshed) {
      refreshed = true;
      core.tokens.invalidate(call.subject, call.scope, token.value);
      continue;
    }
    if (isRetryable(got.status, got.body) && attempt < core.retry.maxAttempts) {
      const wait = retryDelayMs(attempt, parseRetryAfter(got.retryAfter, core.clock()), core.retry, core.random);
      core.stats.retries += 1;
      core.log?.debug('google.retry', { status: got.status, attempt, waitMs: wait });
      await core.sleep(wait);
      continue;
    }
    return { ok: false, error: failure(got.status, got.body, call) };
  }
}

/** A call over plain fetch with a JSON body (used by batch-less reads and the offboarding writes). */
export function send(core: HttpCore, call: Call): Promise<Result<Answer>> {
  return withRetries(core, call, async (token) => {
    let res: Response;
    try {
      core.stats.requests += 1;
      res = await core.fetch(call.url, {
        method: call.method,
        headers: { authorization: `Bearer ${token}`, ...(call.body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
      });
    } catch (error) {
      return { kind: 'unreachable', error };
    }
    return { kind: 'answer', status: res.status, body: await readJson(res), retryAfter: res.headers.get('retry-after') };
  });
}
