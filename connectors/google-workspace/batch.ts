import { err, ok, type Result } from '../../src/domain/result.ts';
import { parseRetryAfter, retryDelayMs } from '../shared/backoff.ts';
import { boundaryOf, buildBatch, parseBatch, type PartResponse } from './batch-wire.ts';
import { failure, isRetryable } from './errors.ts';
import type { Answer, HttpCore } from './http.ts';

/** Google allows 100 parts; Gmail recommends no more than 50 per batch to avoid rate limiting. */
export const MAX_BATCH_PARTS = 50;

export interface BatchItem {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path and query on the Gmail host (no origin). */
  path: string;
  scope: string;
  units: number;
  what: string;
  body?: unknown;
}

/**
 * Sends Gmail calls for one user through `/batch/gmail/v1`, ≤ 50 parts per HTTP request. Each part
 * carries its own token (scopes differ per call). Throttled parts are resent alone after the
 * longest Retry-After among them; the rest keep their answers. Results are in `items` order.
 */
export async function sendBatch(core: HttpCore, gmailBase: string, subject: string, items: BatchItem[]): Promise<Result<Answer>[]> {
  const results: Result<Answer>[] = new Array<Result<Answer>>(items.length);
  for (let start = 0; start < items.length; start += MAX_BATCH_PARTS) {
    const indices = Array.from({ length: Math.min(MAX_BATCH_PARTS, items.length - start) }, (_, k) => start + k);
    await runChunk(core, gmailBase, subject, items, indices, results);
  }
  return results;
}

async function tokensFor(core: HttpCore, subject: string, scopes: Iterable<string>): Promise<Map<string, Result<string>>> {
  const tokens = new Map<string, Result<string>>();
  for (const scope of scopes) tokens.set(scope, await core.tokens.token(subject, scope));
  return tokens;
}

async function post(core: HttpCore, url: string, body: string, boundary: string, token: string): Promise<Response | Error> {
  try {
    return await core.global.run(() => {
      core.stats.requests += 1;
      return core.fetch(url, { method: 'POST', headers: { 'content-type': `multipart/mixed; boundary=${boundary}`, authorization: `Bearer ${token}` }, body });
    });
  } catch (error) {
    return error instanceof Error ? error : new Error('network error');
  }
}

async function runChunk(core: HttpCore, gmailBase: string, subject: string, items: BatchItem[], indices: number[], results: Result<Answer>[]): Promise<void> {
  let pending = indices;
  const refreshed = new Set<string>();
  for (let round = 1; pending.length > 0; round++) {
    const tokens = await tokensFor(core, subject, new Set(pending.map((i) => items[i]?.scope ?? '')));
    const sendable: number[] = [];
    for (const i of pending) {
      const token = tokens.get(items[i]?.scope ?? '');
      if (token && !token.ok) results[i] = token;
      else sendable.push(i);
    }
    if (sendable.length === 0) return;
    const parts = sendable.map((i) => {
      const item = items[i] as BatchItem;
      const token = tokens.get(item.scope);
      return { method: item.method, path: item.path, token: token?.ok ? token.value : '', ...(item.body === undefined ? {} : { body: item.body }) };
    });
    await core.quota.take(subject, sendable.reduce((s, i) => s + (items[i]?.units ?? 0), 0));
    const boundary = `tutela_${crypto.randomUUID().replaceAll('-', '')}`;
    const res = await post(core, `${gmailBase}/batch/gmail/v1`, buildBatch(parts, boundary), boundary, parts[0]?.token ?? '');
    const lastRound = round >= core.retry.maxAttempts;

    let answers: (PartResponse | undefined)[] | null = null;
    let outerRetryAfter: string | null = null;
    if (!(res instanceof Error) && res.ok) {
      const b = boundaryOf(res.headers.get('content-type'));
      // Decoded by hand: workerd warns when .text() is called on a multipart body.
      const text = new TextDecoder().decode(await res.arrayBuffer());
      answers = b ? parseBatch(text, b, sendable.length) : null;
    } else if (!(res instanceof Error)) {
      outerRetryAfter = res.headers.get('retry-after');
      await res.body?.cancel();
    }
    if (!answers) {
      // The whole batch failed (network, 429/5xx on the envelope): resend it as it was.
      const status = res instanceof Error ? 0 : res.status;
      if (!lastRound && (status === 0 || isRetryable(status, null))) {
        core.stats.retries += 1;
        await core.sleep(retryDelayMs(round, parseRetryAfter(outerRetryAfter, core.clock()), core.retry, core.random));
        pending = sendable;
        continue;
      }
      for (const i of sendable) results[i] = err(status === 0 ? 'upstream_failed' : 'throttled', `Gmail batch request failed (${status || 'network error'}) while trying to ${items[i]?.what ?? 'read'}`);
      return;
    }

    const retry: number[] = [];
    let waitMs: number | null = null;
    sendable.forEach((i, k) => {
      const item = items[i] as BatchItem;
      const answer = answers[k] ?? { status: 500, headers: new Headers(), body: null };
      if (answer.status >= 200 && answer.status < 300) {
        results[i] = ok({ status: answer.status, body: answer.body });
        return;
      }
      if (answer.status === 401 && !refreshed.has(item.scope)) {
        refreshed.add(item.scope);
        const token = tokens.get(item.scope);
        if (token?.ok) core.tokens.invalidate(subject, item.scope, token.value);
        retry.push(i);
        return;
      }
      if (!lastRound && isRetryable(answer.status, answer.body)) {
        retry.push(i);
        const after = parseRetryAfter(answer.headers.get('retry-after'), core.clock());
        if (after !== null) waitMs = Math.max(waitMs ?? 0, after);
        return;
      }
      results[i] = { ok: false, error: failure(answer.status, answer.body, { service: 'Gmail', what: item.what, scope: item.scope, subject }) };
    });
    if (retry.length > 0) {
      core.stats.retries += 1;
      await core.sleep(retryDelayMs(round, waitMs, core.retry, core.random));
    }
    pending = retry;
  }
}
