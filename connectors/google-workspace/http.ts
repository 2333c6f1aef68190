import type { Logger } from '../../src/app/logger.ts';
import { err, ok, type Result } from '../../src/domain/result.ts';
import { parseRetryAfter, retryDelayMs, type RetryPolicy } from '../shared/backoff.ts';
import type { Semaphore } from '../shared/semaphore.ts';
import type { TokenProvider } from './auth.ts';
import { failure, isRetryable, type CallInfo } from './errors.ts';
import type { UserQuota } from './quota.ts';

/**
 * Plain fetch rather than @googleapis/admin and @googleapis/gmail: those clients cannot send
 * Gmail's multipart batch, take one auth client per instance (we need a token per user and
 * scope), and retry through gaxios where we must pace by per-user quota. zod checks every answer.
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

/**
 * One logical request: token for (subject, scope), quota, retries on 429/5xx and rate-limit 403s
 * (Retry-After first, else jittered backoff), one token refresh on 401, the rest mapped to a Result.
 */
export async function send(core: HttpCore, call: Call): Promise<Result<Answer>> {
  let refreshed = false;
  for (let attempt = 1; ; attempt++) {
    const token = await core.tokens.token(call.subject, call.scope);
    if (!token.ok) return token;
    if (call.units) await core.quota.take(call.subject, call.units);
    let res: Response;
    try {
      res = await core.global.run(() => {
        core.stats.requests += 1;
        return core.fetch(call.url, {
          method: call.method,
          headers: { authorization: `Bearer ${token.value}`, ...(call.body === undefined ? {} : { 'content-type': 'application/json' }) },
          ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
        });
      });
    } catch (error) {
      if (attempt < core.retry.maxAttempts) {
        await core.sleep(retryDelayMs(attempt, null, core.retry, core.random));
        continue;
      }
      return err('upstream_failed', `could not reach Google to ${call.what}: ${error instanceof Error ? error.message : 'network error'}`);
    }
    const body = await readJson(res);
    if (res.ok) return ok({ status: res.status, body });
    if (res.status === 401 && !refreshed) {
      refreshed = true;
      core.tokens.invalidate(call.subject, call.scope, token.value);
      continue;
    }
    if (isRetryable(res.status, body) && attempt < core.retry.maxAttempts) {
      const wait = retryDelayMs(attempt, parseRetryAfter(res.headers.get('retry-after'), core.clock()), core.retry, core.random);
      core.stats.retries += 1;
      core.log?.debug('google.retry', { status: res.status, attempt, waitMs: wait });
      await core.sleep(wait);
      continue;
    }
    return { ok: false, error: failure(res.status, body, call) };
  }
}
