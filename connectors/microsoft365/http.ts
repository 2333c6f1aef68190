import type { Logger } from '../../src/app/logger.ts';
import { err, ok, type Result } from '../../src/domain/result.ts';
import { parseRetryAfter, retryDelayMs, type RetryPolicy } from '../shared/backoff.ts';
import type { Semaphore } from '../shared/semaphore.ts';
import type { Scope, TokenProvider } from './auth.ts';
import { failure, RETRYABLE } from './errors.ts';

/** Everything a call to Microsoft needs, shared by the Graph client, the batcher and Exchange. */
export interface HttpCore {
  fetch: typeof fetch;
  tokens: TokenProvider;
  /** Bounds HTTP requests in flight across the whole connector ($batch POSTs count once). */
  global: Semaphore;
  retry: RetryPolicy;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => Date;
  log: Logger | undefined;
}

export interface Call {
  service: 'Graph' | 'Exchange';
  scope: Scope;
  url: string;
  method: string;
  headers?: Record<string, string>;
  body?: string;
  /** Plain words for error messages ("read the directory"). */
  what: string;
  /** Named in a 403. */
  permission?: string;
}

export interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
  text: string;
}

async function readBody(res: Response): Promise<{ text: string; body: unknown }> {
  // Reports arrive as application/octet-stream CSV; decode bytes rather than ask for text().
  const text = new TextDecoder().decode(await res.arrayBuffer());
  if (!text) return { text, body: null };
  if ((res.headers.get('content-type') ?? '').includes('json')) {
    try {
      return { text, body: JSON.parse(text) as unknown };
    } catch {
      return { text, body: null };
    }
  }
  return { text, body: null };
}

/**
 * One logical request: takes a token, retries 429/5xx (Retry-After first, else jittered backoff),
 * refreshes the token once on 401, and maps what is left to a Result. Never logs the token.
 */
export async function send(core: HttpCore, call: Call): Promise<Result<Answer>> {
  let refreshed = false;
  for (let attempt = 1; ; attempt++) {
    const token = await core.tokens.token(call.scope);
    if (!token.ok) return token;
    let res: Response;
    try {
      res = await core.global.run(() =>
        core.fetch(call.url, { method: call.method, headers: { ...call.headers, authorization: `Bearer ${token.value}` }, body: call.body }),
      );
    } catch (error) {
      if (attempt < core.retry.maxAttempts) {
        await core.sleep(retryDelayMs(attempt, null, core.retry, core.random));
        continue;
      }
      return err('upstream_failed', `could not reach ${call.service} to ${call.what}: ${error instanceof Error ? error.message : 'network error'}`);
    }
    const answer = { status: res.status, headers: res.headers, ...(await readBody(res)) };
    if (res.ok) return ok(answer);
    if (res.status === 401 && !refreshed) {
      refreshed = true;
      core.tokens.invalidate(call.scope, token.value);
      continue;
    }
    if (RETRYABLE.has(res.status) && attempt < core.retry.maxAttempts) {
      const wait = retryDelayMs(attempt, parseRetryAfter(res.headers.get('retry-after'), core.now().getTime()), core.retry, core.random);
      core.log?.debug('microsoft.retry', { service: call.service, status: res.status, attempt, waitMs: wait });
      await core.sleep(wait);
      continue;
    }
    return { ok: false, error: failure(res.status, answer.body, call) };
  }
}
